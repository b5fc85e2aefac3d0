/* visit_jobs.c — `guwen jobs` for return visits: the monthly email visits of
 * bookkeeping clients, the yearly on-site visits, and the escalation of
 * visit reports overdue. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/audit.h"
#include "guwen/complaint.h"
#include "guwen/complaint_notify.h"
#include "guwen/mail.h"
#include "guwen/valid.h"
#include "guwen/visit.h"
#include "guwen/visit_jobs.h"
#include "guwen/workday.h"

#define BATCH 500

/* client, project, its department and lead: the active bookkeeping clients
 * after ? without this month's visit (walks ix_projects_type_status) */
static const char SQL_MONTHLY[] =
    "SELECT p.client_id, MIN(p.id), MIN(p.department_id), MIN(p.lead_id) FROM projects p"
    " JOIN clients c ON c.id = p.client_id"
    " WHERE p.type_id = (SELECT id FROM project_types WHERE code = 'bookkeeping')"
    " AND p.status = 'active' AND p.client_id > ? AND c.active = 1"
    " AND NOT EXISTS (SELECT 1 FROM visits v"
    "  WHERE v.propose_key = CONCAT('monthly:', p.client_id, ':', ?))"
    " GROUP BY p.client_id ORDER BY p.client_id LIMIT 500";
/* the clients after ? with a project open or changed since ?, joined in a
 * month up to ?, without this year's visit; their newest such project */
static const char SQL_YEARLY[] =
    "SELECT c.id, p.id, p.department_id, p.lead_id FROM clients c"
    " JOIN projects p ON p.id = (SELECT MAX(x.id) FROM projects x WHERE x.client_id = c.id"
    "  AND (x.status <> 'closed' OR x.updated_at >= ?))"
    " WHERE c.id > ? AND c.active = 1 AND MONTH(c.created_at) <= ?"
    " AND NOT EXISTS (SELECT 1 FROM visits v"
    "  WHERE v.propose_key = CONCAT('yearly:', c.id, ':', ?))"
    " ORDER BY c.id LIMIT 500";

struct proposal {
	uint32_t client, project, dept, lead;
};

struct batch {
	struct proposal rows[BATCH];
	int n;
};

static uint32_t u32(const char *s)
{
	return s ? (uint32_t)strtoul(s, NULL, 10) : 0;
}

static int proposal_row(void *arg, int ncols, char **v, const size_t *lens,
			const char *const *names)
{
	struct batch *b = arg;

	(void)lens, (void)names;
	if (ncols < 4 || !v[0] || b->n >= BATCH)
		return 0;
	b->rows[b->n++] = (struct proposal){u32(v[0]), u32(v[1]), u32(v[2]), u32(v[3])};
	return 0;
}

/* One kind of proposal for this run: monthly or yearly. */
struct kind {
	const char *origin, *method;
	char period[12]; /* YYYY-MM or YYYY */
	char due[11];	/* the month's last day */
	int64_t now;
};

/* The visit of one proposal: 1 created, 0 there already, -1 error. */
static int propose(struct gw_db *db, const struct kind *k, const struct proposal *p)
{
	char key[48];
	struct gw_visit_new v = {.client_id = p->client,
				 .project_id = p->project,
				 .origin = k->origin,
				 .propose_key = key,
				 .method = k->method,
				 .department_id = p->dept,
				 .visitor_id = p->lead,
				 .due_on = k->due};
	uint32_t id = 0;

	snprintf(key, sizeof(key), "%s:%u:%s", k->origin, p->client, k->period);
	return gw_visit_create(db, &v, k->now, &id);
}

/* A batch in one transaction; when it fails, each proposal on its own so one
 * bad row costs only itself. Adds the visits made to *made. */
static void propose_batch(struct gw_db *db, const struct kind *k, const struct batch *b, int *made,
			  int *failed)
{
	int n = 0, rc = 0;

	if (gw_db_begin(db) == 0) {
		for (int i = 0; i < b->n && rc >= 0; i++)
			if ((rc = propose(db, k, &b->rows[i])) > 0)
				n++;
		if (rc >= 0 && gw_db_commit(db) == 0)
			return (void)(*made += n);
		gw_db_rollback(db);
	}
	for (int i = 0; i < b->n; i++) {
		if (gw_db_begin(db) || (rc = propose(db, k, &b->rows[i])) < 0 || gw_db_commit(db)) {
			gw_db_rollback(db);
			(*failed)++;
		} else if (rc > 0) {
			(*made)++;
		}
	}
}

/* Walk the candidates of one kind in client order, a batch at a time. */
static int propose_all(struct gw_db *db, const struct kind *k, const char *sql, const char *since,
		       int month, int *made, int *failed)
{
	struct batch *b = malloc(sizeof(*b));
	long long after = 0;
	int rows;

	if (!b)
		return -1;
	do {
		b->n = 0;
		rows = since ? gw_db_each(db, proposal_row, b, sql, "siis", since, after,
					  (long long)month, k->period)
			     : gw_db_each(db, proposal_row, b, sql, "is", after, k->period);
		if (rows < 0)
			break;
		propose_batch(db, k, b, made, failed);
		if (b->n)
			after = b->rows[b->n - 1].client;
	} while (b->n == BATCH);
	free(b);
	return rows < 0 ? -1 : 0;
}

/* ---- overdue reports ---------------------------------------------------------- */

static const char SQL_OVERDUE[] =
    "SELECT v.id, COALESCE(v.department_id, 0), c.name, COALESCE(u.name, ''), v.visited_on,"
    " v.report_due FROM visits v JOIN clients c ON c.id = v.client_id"
    " LEFT JOIN users u ON u.id = v.visitor_id"
    " WHERE v.status = 'visited' AND v.report_due < ? AND v.report_escalated_at IS NULL"
    " AND v.id > ? ORDER BY v.id LIMIT 200";
static const char SQL_ESCALATED[] =
    "UPDATE visits SET report_escalated_at = ?, updated_at = ? WHERE id = ?"
    " AND status = 'visited' AND report_escalated_at IS NULL";

struct overdue {
	long long id, dept;
	char client[201], visitor[101], visited[11], due[11];
};

struct overdue_batch {
	struct overdue rows[200];
	int n;
};

static int overdue_row(void *arg, int ncols, char **v, const size_t *lens,
		       const char *const *names)
{
	struct overdue_batch *b = arg;
	struct overdue *o;

	(void)lens, (void)names;
	if (ncols < 6 || !v[0] || b->n >= 200)
		return 0;
	o = &b->rows[b->n++];
	o->id = strtoll(v[0], NULL, 10);
	o->dept = v[1] ? strtoll(v[1], NULL, 10) : 0;
	snprintf(o->client, sizeof(o->client), "%s", v[2] ? v[2] : "");
	snprintf(o->visitor, sizeof(o->visitor), "%s", v[3] ? v[3] : "");
	snprintf(o->visited, sizeof(o->visited), "%s", v[4] ? v[4] : "");
	snprintf(o->due, sizeof(o->due), "%s", v[5] ? v[5] : "");
	return 0;
}

struct escalation {
	struct gw_db *db;
	HDF *words;
	const char *dir;
	int64_t now;
};

/* The mail to the supervisors (templates/mail/visit_overdue.cs). 0 or -1. */
static int overdue_mail(struct escalation *e, const struct overdue *o, struct gw_mail_text *t)
{
	char number[24];
	HDF *data;
	int rc;

	snprintf(number, sizeof(number), "%lld", o->id);
	data = gw_mail_data("Subject", hdf_get_value(e->words, "L.VisitJobs.Mail.Overdue", ""),
			    "Number", number, "Client", o->client, "Visitor", o->visitor,
			    "Visited", o->visited, "Due", o->due, NULL);
	rc = data ? gw_mail_render(e->dir, e->words, data, "visit_overdue", t) : -1;
	hdf_destroy(&data);
	return rc;
}

/* One visit in one transaction: flag, mails, timeline, audit. 1 done, 0
 * another run did it, -1 failed. */
static int escalate(struct escalation *e, const struct overdue *o)
{
	struct gw_mail_text t = {{0}, {0}, {0}};
	struct gw_buf names = {0};
	struct gw_mail m;
	char now[20];
	long long rc;

	gw_time_format(e->now, now);
	if (gw_db_begin(e->db))
		return -1;
	rc = gw_db_exec(e->db, SQL_ESCALATED, "ssi", now, now, o->id);
	if (rc == 1 && !overdue_mail(e, o, &t)) {
		m = gw_mail_of(&t);
		rc = gw_complaint_mail_role_msg(e->db, o->dept ? "manager" : "director", o->dept,
						&m, &names) < 0 ||
			     gw_visit_event(e->db, (uint32_t)o->id, 0, "escalated",
					    names.n ? names.p : "", e->now) ||
			     gw_audit_db(e->db, 0, "cli", "visit.escalate", "visit", o->id,
					 "report overdue") ||
			     gw_db_commit(e->db)
			 ? -1
			 : 1;
	} else if (rc == 1) {
		rc = -1;
	}
	if (rc != 1)
		gw_db_rollback(e->db);
	gw_mail_text_free(&t);
	gw_buf_free(&names);
	return (int)rc;
}

/* The last working day on or before today: a report due before it is overdue. */
static int32_t last_workday(struct gw_db *db, int32_t today)
{
	struct gw_workday_cal cal;
	int32_t d = today;

	gw_workday_init(&cal);
	if (gw_calendar_load(db, &cal, today - 40, today) == 0)
		while (d > today - 40 && !gw_workday_is_working(&cal, d))
			d--;
	gw_workday_free(&cal);
	return d;
}

static int escalate_all(struct escalation *e, int32_t today, struct gw_visit_jobs *out)
{
	struct overdue_batch *b = malloc(sizeof(*b));
	char cutoff[11];
	long long after = 0;
	int rows, rc;

	if (!b)
		return -1;
	gw_date_format(last_workday(e->db, today), cutoff);
	do {
		b->n = 0;
		if ((rows = gw_db_each(e->db, overdue_row, b, SQL_OVERDUE, "si", cutoff, after)) < 0)
			break;
		for (int i = 0; i < b->n; i++) {
			if ((rc = escalate(e, &b->rows[i])) < 0)
				out->failed++;
			else
				out->escalated += rc;
		}
		if (b->n)
			after = b->rows[b->n - 1].id;
	} while (b->n == 200);
	free(b);
	return rows < 0 ? -1 : 0;
}

/* ---- the run ------------------------------------------------------------------- */

/* The kind's period and due date (the last day of today's month). */
static void kind_init(struct kind *k, const char *origin, const char *method, int32_t today,
		      int64_t now)
{
	int y, m, d;

	gw_date_to_ymd(today, &y, &m, &d);
	k->origin = origin;
	k->method = method;
	k->now = now;
	if (!strcmp(origin, "monthly"))
		snprintf(k->period, sizeof(k->period), "%04d-%02d", y % 10000, m % 100);
	else
		snprintf(k->period, sizeof(k->period), "%04d", y % 10000);
	gw_date_format(m == 12 ? gw_date_from_ymd(y + 1, 1, 1) - 1 : gw_date_from_ymd(y, m + 1, 1) - 1,
		       k->due);
}

int gw_visit_jobs_run(struct gw_db *db, HDF *words, const char *dir, int tz_minutes, int64_t now,
		      struct gw_visit_jobs *out)
{
	int32_t today = (int32_t)((now + tz_minutes * 60LL) / 86400);
	struct escalation e = {db, words, dir, now};
	struct kind monthly, yearly;
	char since[20];
	int y, m, d, rc = 0;

	*out = (struct gw_visit_jobs){0};
	gw_date_to_ymd(today, &y, &m, &d);
	kind_init(&monthly, "monthly", "email", today, now);
	kind_init(&yearly, "yearly", "onsite", today, now);
	gw_time_format(now - 365 * 86400LL, since);
	if (propose_all(db, &monthly, SQL_MONTHLY, NULL, m, &out->monthly, &out->failed) ||
	    propose_all(db, &yearly, SQL_YEARLY, since, m, &out->yearly, &out->failed))
		rc = -1;
	if (escalate_all(&e, today, out))
		rc = -1;
	return rc;
}
