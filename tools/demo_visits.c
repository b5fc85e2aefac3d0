/* demo_visits.c — `guwen demo --visits N [--seed S]`: a centre's worth of
 * return visits for benchmarks, over the clients there are (load them with
 * `guwen demo --clients N` first): each client without a project gets one
 * (40% 代理记账, most active) and joined 1,000 to 1,700 days ago, then N visits over the last 1,000
 * days shaped like real use — the old ones mostly archived or accepted, a few complete by default
 * or cancelled; the last 30 days' planned, visited, submitted or returned. The same seed gives the
 * same data. */
#include <stdio.h>

#include "guwen/db.h"
#include "cli.h"

#define BATCH	   20000
#define BATCH_LAST "19999"
#define CL_BATCH   10000

/* the projects of clients ids lo..hi that have none (seed, market user, lo, hi) */
static const char SQL_PROJECTS[] =
    "INSERT INTO projects (client_id, type_id, department_id, lead_id, created_by, status,"
    " fee_fen, fee_purpose, fee_due, fee_paid_on, fee_paid_fen, created_at, updated_at)"
    " SELECT c.id, 1 + (r.u MOD 10 >= 4) + (r.u MOD 10 >= 8), c.department_id, c.lead_id, ?,"
    " IF(r.u MOD 100 < 75, 'active', 'closed'), 300000, '服务费', UTC_DATE() - INTERVAL 30 DAY,"
    " UTC_DATE() - INTERVAL 20 DAY, 300000, UTC_TIMESTAMP() - INTERVAL r.u MOD 700 DAY,"
    " UTC_TIMESTAMP() - INTERVAL r.u MOD 300 DAY"
    " FROM clients c JOIN (SELECT id, CRC32(CONCAT(?, ':p:', id)) AS u FROM clients"
    "  WHERE id BETWEEN ? AND ?) r ON r.id = c.id"
    " WHERE c.department_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM projects p"
    "  WHERE p.client_id = c.id)";

/* ... and before that, those clients joined 1,000 to 1,700 days ago (their
 * visits reach back 1,000 days; their yearly visits spread over the months) */
static const char SQL_JOINED[] =
    "UPDATE clients c SET c.created_at = UTC_TIMESTAMP() - INTERVAL 1000 DAY"
    " - INTERVAL CRC32(CONCAT(?, ':j:', c.id)) MOD 700 DAY WHERE c.id BETWEEN ? AND ?"
    " AND c.department_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM projects p"
    "  WHERE p.client_id = c.id)";

static const char SQL_CLIENTS[] =
    "CREATE TEMPORARY TABLE demo_vcl (k INT NOT NULL PRIMARY KEY, id INT UNSIGNED,"
    " dept INT UNSIGNED, lead INT UNSIGNED) SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS k,"
    " id, department_id AS dept, lead_id AS lead FROM clients WHERE active = 1"
    " AND department_id IS NOT NULL";

/* Visits i = lo..hi of n, the oldest first (ids grow with time): day (n-1-i)
 * * 1000 / n before today; each value from CRC32(seed:g:letter). Method: phone
 * 40%, email 30% (the monthly ones), on site 20% (yearly), WeChat 10%. Older
 * than 30 days: archived 80%, accepted 10%, complete by default 7%, cancelled
 * 3%; newer: planned (due within 30 days) 50%, visited 20%, submitted 15%,
 * returned 5%, accepted 10%. Arguments: seed, base, n, lo, hi, clients. */
static const char SQL_VISITS[] =
    "INSERT INTO visits (client_id, origin, method, status, department_id, visitor_id, due_on,"
    " failed_attempts, close_note, visited_on, report_due, satisfaction, signed, submitted_at,"
    " reviewed_at, archived_at, created_at, updated_at)"
    " SELECT cl.id, ELT(1 + r.m, 'plan', 'monthly', 'yearly', 'plan'),"
    " ELT(1 + r.m, 'phone', 'email', 'onsite', 'wechat'), r.status, cl.dept, cl.lead,"
    " IF(r.status = 'planned', r.day + INTERVAL 30 DAY, r.day),"
    " IF(r.status = 'default_done', 3, 0), IF(r.status IN ('default_done', 'cancelled'),"
    " '三次预约未果', NULL), IF(r.done, r.day, NULL), IF(r.done, r.day + INTERVAL 1 DAY, NULL),"
    " IF(r.status IN ('accepted', 'archived', 'submitted'), 3 + r.u3 MOD 3, NULL),"
    " r.m = 2 AND r.status IN ('accepted', 'archived'),"
    " IF(r.status IN ('submitted', 'accepted', 'archived'), r.day + INTERVAL 1 DAY, NULL),"
    " IF(r.status IN ('accepted', 'archived'), r.day + INTERVAL 2 DAY, NULL),"
    " IF(r.status = 'archived', r.day + INTERVAL 5 DAY, NULL), r.day - INTERVAL 20 DAY, r.day"
    " FROM (SELECT q.*, q.status NOT IN ('planned', 'cancelled', 'default_done') AS done"
    "  FROM (SELECT p.*, IF(p.age > 30, ELT(1 + (p.u2 >= 800) + (p.u2 >= 900) + (p.u2 >= 970),"
    "    'archived', 'accepted', 'default_done', 'cancelled'),"
    "   ELT(1 + (p.u2 >= 500) + (p.u2 >= 700) + (p.u2 >= 850) + (p.u2 >= 900),"
    "    'planned', 'visited', 'submitted', 'returned', 'accepted')) AS status"
    "   FROM (SELECT i.*, UTC_DATE() - INTERVAL i.age DAY AS day,"
    "    CRC32(CONCAT(i.k, 'c')) AS u1, CRC32(CONCAT(i.k, 's')) MOD 1000 AS u2,"
    "    CRC32(CONCAT(i.k, 'q')) AS u3, (i.mm >= 4) + (i.mm >= 7) + (i.mm >= 9) AS m"
    "    FROM (SELECT w.*, CRC32(CONCAT(w.k, 'm')) MOD 10 AS mm"
    "     FROM (SELECT CONCAT(v.seed, ':', s.seq + v.lo + v.base) AS k,"
    "      (v.n - 1 - s.seq - v.lo) * 1000 DIV v.n AS age, v.ncl"
    "      FROM seq_0_to_" BATCH_LAST " s JOIN (SELECT ? AS seed, ? AS base, ? AS n, ? AS lo,"
    "       ? AS hi, ? AS ncl) v WHERE s.seq + v.lo <= v.hi) w) i) p) q) r"
    " JOIN demo_vcl cl ON cl.k = r.u1 MOD r.ncl";

static int projects(struct gw_db *db, const char *seed)
{
	long long market = 0, max = 0;

	if (gw_db_int(db, &market, "SELECT MIN(id) FROM users WHERE role = 'market'", NULL) != 1 ||
	    gw_db_int(db, &max, "SELECT COALESCE(MAX(id), 0) FROM clients", NULL) < 0)
		return die("no market user: run `guwen demo` first", NULL);
	for (long long lo = 1; lo <= max; lo += CL_BATCH)
		if (gw_db_exec(db, SQL_JOINED, "sii", seed, lo, lo + CL_BATCH - 1) < 0 ||
		    gw_db_exec(db, SQL_PROJECTS, "isii", market, seed, lo, lo + CL_BATCH - 1) < 0)
			return die("demo projects", gw_db_error(db));
	return 0;
}

int demo_visits_bulk(struct gw_db *db, long long n, const char *seed)
{
	long long ncl = 0, base = 0;

	if (projects(db, seed))
		return 1;
	if (gw_db_exec(db, SQL_CLIENTS, NULL) < 0 ||
	    gw_db_int(db, &ncl, "SELECT COUNT(*) FROM demo_vcl", NULL) < 0 || !ncl ||
	    gw_db_int(db, &base, "SELECT COUNT(*) FROM visits", NULL) < 0)
		return die("no clients: run `guwen demo --clients N` first", gw_db_error(db));
	for (long long lo = 0; lo < n; lo += BATCH) {
		long long hi = lo + BATCH < n ? lo + BATCH - 1 : n - 1;

		if (gw_db_exec(db, SQL_VISITS, "siiiii", seed, base, n, lo, hi, ncl) != hi - lo + 1)
			return die("bulk insert of visits failed", gw_db_error(db));
		if (n > BATCH)
			fprintf(stderr, "\rdemo: %lld of %lld visits", hi + 1, n);
	}
	if (n > BATCH)
		fputc('\n', stderr);
	printf("demo: %lld visits added over %lld clients (seed %s)\n", n, ncl, seed);
	return 0;
}
