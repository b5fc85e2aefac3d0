/* demo_projects.c — `guwen demo --projects N [--seed S]`: a centre's worth of
 * generated service projects for benchmarks, each with its slip, the steps
 * reached and, where the fee is unpaid past due, a collection case; shaped
 * like real use (most projects in progress, some waiting for an assignee,
 * rejected, blocked or closed; most deadlines recorded, some late and already
 * told), the same for the same seed on the same database and day (dates are
 * counted back from today). Leads and departments are the demo advisors
 * (`demo --clients` makes them), clients the ones in the database. Deadlines
 * are counted in calendar days here (demo data, not the working-day
 * calendar). */
#include <stdio.h>

#include "guwen/db.h"
#include "cli.h"

#define BATCH 10000

static const char SQL_CLIENT_KEYS[] =
    "CREATE TEMPORARY TABLE demo_client (k INT NOT NULL PRIMARY KEY, id INT UNSIGNED NOT NULL)"
    " SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS k, id FROM clients";
static const char SQL_MARKET[] =
    "SELECT COALESCE(MIN(id), 0) FROM users WHERE role = 'market' AND active = 1";

/* Projects g = base .. base + count - 1: hashes of seed:g choose the client,
 * the lead (and so the department), the type, the status (85% in progress,
 * 5% closed, 5% waiting for the assignee, 5% rejected once or twice), the
 * fee (93% paid), a few blocked; created up to 1,000 days back. The lead is
 * set on all for now: the slips take it as their assignee. */
static const char SQL_PROJECTS[] =
    "INSERT INTO projects (client_id, type_id, department_id, lead_id, created_by, status,"
    " rejections, fee_fen, fee_purpose, fee_due, fee_paid_on, fee_paid_fen, blocked_stage,"
    " blocked_reason, created_at, updated_at)"
    " SELECT cl.id, t.type_id, st.dept_id, st.user_id, ?, t.status,"
    " CASE t.status WHEN 'reassign' THEN 1 WHEN 'escalated' THEN 2 WHEN 'answered' THEN 2"
    "  ELSE 0 END, t.fee, ELT(t.type_id, '年度代理记账费', '财务咨询服务费', '财务理账服务费'),"
    " DATE(t.created) + INTERVAL 30 DAY, IF(t.paid, LEAST(UTC_DATE(), DATE(t.created)"
    "  + INTERVAL 20 DAY), NULL), IF(t.paid, t.fee, NULL),"
    " IF(t.status = 'active' AND t.h MOD 200 < 2, ELT(1 + t.h MOD 2, 'manager', 'market'), NULL),"
    " IF(t.status = 'active' AND t.h MOD 200 < 2, '客户暂停经营，资料无法提供', NULL),"
    " t.created, t.created"
    " FROM (SELECT x.g, x.h, 1 + x.h MOD 3 AS type_id, (1 + (x.h DIV 3) MOD 50) * 10000 AS fee,"
    "  (x.h DIV 150) MOD 100 < 93 AS paid,"
    "  CASE WHEN x.r < 850 THEN 'active' WHEN x.r < 900 THEN 'closed'"
    "   WHEN x.r < 950 THEN 'assigning' WHEN x.r < 975 THEN 'reassign'"
    "   WHEN x.r < 990 THEN 'escalated' ELSE 'answered' END AS status,"
    "  UTC_TIMESTAMP() - INTERVAL CRC32(CONCAT(x.seed, ':', x.g, ':d')) MOD 1000 DAY"
    "   - INTERVAL x.h MOD 36000 SECOND AS created"
    "  FROM (SELECT s.g, k.seed, CRC32(CONCAT(k.seed, ':', s.g)) AS h,"
    "   CRC32(CONCAT(k.seed, ':', s.g, ':s')) MOD 1000 AS r"
    "   FROM (SELECT seq + ? AS g FROM seq_0_to_9999 WHERE seq < ?) s"
    "   JOIN (SELECT ? AS seed) k) x) t"
    " JOIN demo_lead st ON st.k = t.h MOD ?"
    " JOIN demo_client cl ON cl.k = CRC32(CONCAT(t.g, ':c')) MOD ?";

/* Each project's slip: to its lead, dated the day it was created; accepted
 * (in progress, closed), open (waiting) or rejected. Accepted ones have their
 * deadlines recorded done 0–3 days after the slip (one in 10 of the last 60
 * days' not yet), none in the future. (seed, lo, hi) */
static const char SQL_SLIPS[] =
    "INSERT INTO project_slips (project_id, slip_on, department_id, advisor_id, learn_due,"
    " coach_due, status, answered_by, answered_at, reason, created_by, created_at,"
    " learn_done_on, coach_done_on)"
    " SELECT q.id, q.d, q.department_id, q.lead_id, q.d + INTERVAL 2 DAY, q.d + INTERVAL 3 DAY,"
    " q.slip, IF(q.slip = 'open', NULL, q.lead_id), IF(q.slip = 'open', NULL, q.created_at"
    "  + INTERVAL 1 DAY), IF(q.slip = 'rejected', '本周外勤已满', NULL), q.created_by,"
    " q.created_at,"
    " IF(q.slip = 'accepted' AND (q.h MOD 10 <> 0 OR q.old) AND q.d + INTERVAL (q.h DIV 10) MOD 4 "
    "DAY"
    "  <= UTC_DATE(), q.d + INTERVAL (q.h DIV 10) MOD 4 DAY, NULL),"
    " IF(q.slip = 'accepted' AND (q.h MOD 10 <> 1 OR q.old)"
    "  AND q.d + INTERVAL 1 + (q.h DIV 40) MOD 4 DAY"
    "  <= UTC_DATE(), q.d + INTERVAL 1 + (q.h DIV 40) MOD 4 DAY, NULL)"
    " FROM (SELECT p.id, DATE(p.created_at) AS d, p.department_id, p.lead_id, p.created_by,"
    "  p.created_at, CRC32(CONCAT(?, ':p', p.id)) AS h,"
    "  p.created_at < UTC_TIMESTAMP() - INTERVAL 60 DAY AS old,"
    "  CASE WHEN p.status IN ('active', 'closed') THEN 'accepted'"
    "   WHEN p.status = 'assigning' THEN 'open' ELSE 'rejected' END AS slip"
    "  FROM projects p WHERE p.id BETWEEN ? AND ?) q";

/* The rest, each over the projects lo..hi (statements with "ii"; the steps
 * "sii"): a deadline that passed undone (or done late) was told the day
 * after; projects without an accepted slip have no lead; the steps reached
 * (all of them when closed), every third day from the slip, and their count; a
 * collection case for a fee unpaid past due; the lead's nearest deadline not
 * recorded done. */
static const char *const SQL_AFTER[] = {
    "UPDATE project_slips SET learn_late_at = learn_due + INTERVAL 1 DAY"
    " WHERE project_id BETWEEN ? AND ? AND status <> 'rejected' AND learn_due < UTC_DATE()"
    " AND (learn_done_on IS NULL OR learn_done_on > learn_due)",
    "UPDATE project_slips SET coach_late_at = coach_due + INTERVAL 1 DAY"
    " WHERE project_id BETWEEN ? AND ? AND status <> 'rejected' AND coach_due < UTC_DATE()"
    " AND (coach_done_on IS NULL OR coach_done_on > coach_due)",
    "UPDATE projects SET lead_id = NULL"
    " WHERE id BETWEEN ? AND ? AND status NOT IN ('active', 'closed')",
    "UPDATE projects p SET p.steps_done = (SELECT COUNT(*) FROM project_steps s"
    " WHERE s.project_id = p.id) WHERE p.id BETWEEN ? AND ?",
    "UPDATE projects p JOIN project_slips sl ON sl.project_id = p.id AND sl.status = 'accepted'"
    " SET p.deadline_due = IF(sl.learn_done_on IS NULL, sl.learn_due,"
    "  IF(sl.coach_done_on IS NULL, sl.coach_due, NULL)) WHERE p.id BETWEEN ? AND ?",
    "INSERT INTO project_collections (project_id, opened_at)"
    " SELECT id, fee_due + INTERVAL 1 DAY FROM projects WHERE id BETWEEN ? AND ?"
    " AND fee_paid_on IS NULL AND fee_due < UTC_DATE() AND status <> 'closed'",
};
static const char SQL_STEPS[] =
    "INSERT INTO project_steps (project_id, seq, done_on, done_by, remark, done_at)"
    " SELECT p.id, s.seq, DATE(p.created_at) + INTERVAL 3 * s.seq DAY, p.lead_id, NULL,"
    " p.created_at + INTERVAL 3 * s.seq DAY FROM projects p JOIN seq_1_to_8 s"
    " ON s.seq <= IF(p.status = 'closed', ELT(p.type_id, 8, 5, 6),"
    "  CRC32(CONCAT(?, ':t', p.id)) MOD (1 + ELT(p.type_id, 8, 5, 6)))"
    " WHERE p.id BETWEEN ? AND ? AND p.status IN ('active', 'closed') AND p.type_id <= 3"
    " AND DATE(p.created_at) + INTERVAL 3 * s.seq DAY <= UTC_DATE()";

struct demo {
	struct gw_db *db;
	const char *seed;
	long long market, nstaff, nclients;
};

/* One batch: count projects from g, then their slips and the rest. 0 or -1. */
static int batch(const struct demo *d, long long g, long long count)
{
	long long lo = 0, hi = 0;

	if (gw_db_int(d->db, &lo, "SELECT COALESCE(MAX(id), 0) + 1 FROM projects", NULL) < 0 ||
	    gw_db_exec(d->db, SQL_PROJECTS, "iiisii", d->market, g, count, d->seed, d->nstaff,
		       d->nclients) != count ||
	    gw_db_int(d->db, &hi, "SELECT MAX(id) FROM projects", NULL) != 1 ||
	    gw_db_exec(d->db, SQL_SLIPS, "sii", d->seed, lo, hi) != count ||
	    gw_db_exec(d->db, SQL_STEPS, "sii", d->seed, lo, hi) < 0)
		return -1;
	for (size_t i = 0; i < sizeof(SQL_AFTER) / sizeof(SQL_AFTER[0]); i++)
		if (gw_db_exec(d->db, SQL_AFTER[i], "ii", lo, hi) < 0)
			return -1;
	return 0;
}

/* The market person, the advisors and the clients to draw from: 0 or 1. */
static int prepare(struct demo *d)
{
	if (demo_staff(d->db, &d->nstaff))
		return 1;
	if (gw_db_int(d->db, &d->market, SQL_MARKET, NULL) < 0 || !d->market)
		return die("no active market user: run guwen demo first", NULL);
	if (gw_db_exec(d->db, SQL_CLIENT_KEYS, NULL) < 0 ||
	    gw_db_int(d->db, &d->nclients, "SELECT COUNT(*) FROM demo_client", NULL) < 0 ||
	    !d->nclients)
		return die("no clients: run guwen demo --clients N first", gw_db_error(d->db));
	return 0;
}

int demo_projects_bulk(struct gw_db *db, long long n, const char *seed)
{
	struct demo d = {.db = db, .seed = seed};
	long long base = 0;

	if (prepare(&d) || gw_db_int(db, &base, "SELECT COUNT(*) FROM projects", NULL) < 0)
		return 1;
	for (long long done = 0; done < n; done += BATCH) {
		long long count = n - done < BATCH ? n - done : BATCH;

		if (batch(&d, base + done + 1, count))
			return die("bulk insert of projects failed", gw_db_error(db));
		if (n > BATCH)
			fprintf(stderr, "\rdemo: %lld of %lld projects", done + count, n);
	}
	if (n > BATCH)
		fputc('\n', stderr);
	printf("demo: %lld projects added (%lld advisors, %lld clients, seed %s)\n", n, d.nstaff,
	       d.nclients, seed);
	return 0;
}
