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

/* The active bookkeeping clients without this month's visit (walks
 * ix_projects_type_status; parameters: period). */
#define MONTHLY_FROM                                                                               \
	" FROM projects p JOIN clients c ON c.id = p.client_id"                                    \
	" LEFT JOIN client_contacts pc ON pc.primary_of = c.id"                                    \
	" WHERE p.type_id = (SELECT id FROM project_types WHERE code = 'bookkeeping')"             \
	" AND p.status = 'active' AND c.active = 1 AND NOT EXISTS (SELECT 1 FROM visits v"         \
	"  WHERE v.propose_key = CONCAT('monthly:', p.client_id, ':', ?))"
/* The clients with a project open or changed since ?, joined in a month up to
 * ?, without this year's visit (period ?); their newest such project. */
#define YEARLY_FROM                                                                                \
	" FROM clients c JOIN projects p ON p.id = (SELECT MAX(x.id) FROM projects x"              \
	"  WHERE x.client_id = c.id AND (x.status <> 'closed' OR x.updated_at >= ?))"              \
	" LEFT JOIN client_contacts pc ON pc.primary_of = c.id"                                    \
	" WHERE c.active = 1 AND MONTH(c.created_at) <= ? AND NOT EXISTS (SELECT 1 FROM visits v"  \
	"  WHERE v.propose_key = CONCAT('yearly:', c.id, ':', ?))"
#define V_INSERT                                                                                   \
	"INSERT INTO visits (client_id, project_id, origin, propose_key, method, department_id,"   \
	" visitor_id, contact_name, due_on, created_at, updated_at)"

/* The next batch of candidates after a client id: client, project, its
 * department and lead, whether premium. */
static const char SQL_MONTHLY[] =
    "SELECT p.client_id, MIN(p.id), MIN(p.department_id), MIN(p.lead_id), MAX(c.tier = "
    "'premium')" MONTHLY_FROM
    " AND p.client_id > ? GROUP BY p.client_id ORDER BY p.client_id LIMIT 500";
static const char SQL_YEARLY[] =
    "SELECT c.id, p.id, p.department_id, p.lead_id, c.tier = 'premium'" YEARLY_FROM
    " AND c.id > ? ORDER BY c.id LIMIT 500";
/* A batch's normal (not premium) clients in one statement, with what
 * gw_visit_create would fill in: the project's lead (else the client's),
 * the primary contact. Parameters: period, due, now, now, then the FROM's,
 * then the batch's client ids (after, last]. */
static const char SQL_MONTHLY_NORMAL[] = V_INSERT
    " SELECT p.client_id, MIN(p.id), 'monthly', CONCAT('monthly:', p.client_id, ':', ?),"
    " 'email', MIN(p.department_id), COALESCE(MIN(p.lead_id), MIN(c.lead_id)),"
    " MIN(COALESCE(pc.name, c.contact_name)), ?, ?, ?" MONTHLY_FROM
    " AND c.tier <> 'premium' AND p.client_id > ? AND p.client_id <= ? GROUP BY p.client_id";
static const char SQL_YEARLY_NORMAL[] =
    V_INSERT " SELECT c.id, p.id, 'yearly', CONCAT('yearly:', c.id, ':', ?), 'onsite',"
	     " p.department_id, COALESCE(p.lead_id, c.lead_id), COALESCE(pc.name, c.contact_name),"
	     " ?, ?, ?" YEARLY_FROM " AND c.tier <> 'premium' AND c.id > ? AND c.id <= ?";
/* their "created" timeline lines, as gw_visit_create writes them: the rows
 * from the statement's first id on (the newest rows: a short walk of the
 * primary key, where the clients' range would read their whole history) */
static const char SQL_CREATED[] =
    "INSERT INTO visit_events (visit_id, at, user_id, kind, body)"
    " SELECT v.id, ?, NULL, 'created', v.origin FROM visits v"
    " WHERE v.id >= ? AND v.client_id > ? AND v.client_id <= ? AND v.created_at = ?"
    " AND v.propose_key = CONCAT(v.origin, ':', v.client_id, ':', ?)";

struct proposal {
	uint32_t client, project, dept, lead;
	int premium;
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
	if (ncols < 5 || !v[0] || b->n >= BATCH)
		return 0;
	b->rows[b->n++] =
	    (struct proposal){u32(v[0]), u32(v[1]), u32(v[2]), u32(v[3]), v[4] && atoi(v[4])};
	return 0;
}

/* One kind of proposal for this run: monthly or yearly. */
struct kind {
	const char *origin, *method;
	char period[12]; /* YYYY-MM or YYYY */
	char due[11];	 /* the month's last day */
	char now_text[20];
	char since[20]; /* yearly: a project open or changed since (a year ago) */
	int month;	/* yearly: the clients who joined in a month up to this one */
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

/* The batch's normal clients (after, last] in one statement, and their
 * timeline lines: the visits made, or -1. */
static long long propose_normal(struct gw_db *db, const struct kind *k, long long after,
				long long last)
{
	long long n;

	if (k->month)
		n = gw_db_exec(db, SQL_YEARLY_NORMAL, "sssssisii", k->period, k->due, k->now_text,
			       k->now_text, k->since, (long long)k->month, k->period, after, last);
	else
		n = gw_db_exec(db, SQL_MONTHLY_NORMAL, "sssssii", k->period, k->due, k->now_text,
			       k->now_text, k->period, after, last);
	if (n <= 0)
		return n;
	if (gw_db_exec(db, SQL_CREATED, "siiiss", k->now_text, gw_db_insert_id(db), after, last,
		       k->now_text, k->period) != n)
		return -1;
	return n;
}

/* A batch in one transaction: the normal clients set-based, the premium ones
 * through gw_visit_create (the premium rule). When it fails, each proposal on
 * its own so one bad row costs only itself. Adds the visits made to *made. */
static void propose_batch(struct gw_db *db, const struct kind *k, const struct batch *b,
			  long long after, int *made, int *failed)
{
	long long n = 0;
	int rc = 0;

	if (gw_db_begin(db) == 0) {
		n = propose_normal(db, k, after, b->rows[b->n - 1].client);
		for (int i = 0; i < b->n && n >= 0 && rc >= 0; i++)
			if (b->rows[i].premium && (rc = propose(db, k, &b->rows[i])) > 0)
				n++;
		if (n >= 0 && rc >= 0 && gw_db_commit(db) == 0)
			return (void)(*made += (int)n);
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
static int propose_all(struct gw_db *db, const struct kind *k, int *made, int *failed)
{
	struct batch *b = malloc(sizeof(*b));
	long long after = 0;
	int rows;

	if (!b)
		return -1;
	do {
		b->n = 0;
		rows = k->month
			   ? gw_db_each(db, proposal_row, b, SQL_YEARLY, "sisi", k->since,
					(long long)k->month, k->period, after)
			   : gw_db_each(db, proposal_row, b, SQL_MONTHLY, "si", k->period, after);
		if (rows < 0 || !b->n)
			break;
		propose_batch(db, k, b, after, made, failed);
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

static int overdue_row(void *arg, int ncols, char **v, const size_t *lens, const char *const *names)
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
			    "Number", number, "Client", o->client, "Visitor", o->visitor, "Visited",
			    o->visited, "Due", o->due, NULL);
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
		if ((rows = gw_db_each(e->db, overdue_row, b, SQL_OVERDUE, "si", cutoff, after)) <
		    0)
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

/* The kind's period and due date (the last day of today's month); yearly
 * ones also the year back and the month. */
static void kind_init(struct kind *k, const char *origin, const char *method, int32_t today,
		      int64_t now)
{
	int y, m, d;

	gw_date_to_ymd(today, &y, &m, &d);
	*k = (struct kind){.origin = origin, .method = method, .now = now};
	gw_time_format(now, k->now_text);
	if (!strcmp(origin, "monthly")) {
		snprintf(k->period, sizeof(k->period), "%04d-%02d", y % 10000, m % 100);
	} else {
		snprintf(k->period, sizeof(k->period), "%04d", y % 10000);
		gw_time_format(now - 365 * 86400LL, k->since);
		k->month = m;
	}
	gw_date_format(m == 12 ? gw_date_from_ymd(y + 1, 1, 1) - 1
			       : gw_date_from_ymd(y, m + 1, 1) - 1,
		       k->due);
}

int gw_visit_jobs_run(struct gw_db *db, HDF *words, const char *dir, int tz_minutes, int64_t now,
		      struct gw_visit_jobs *out)
{
	int32_t today = (int32_t)((now + tz_minutes * 60LL) / 86400);
	struct escalation e = {db, words, dir, now};
	struct kind monthly, yearly;
	int rc = 0;

	*out = (struct gw_visit_jobs){0};
	kind_init(&monthly, "monthly", "email", today, now);
	kind_init(&yearly, "yearly", "onsite", today, now);
	if (propose_all(db, &monthly, &out->monthly, &out->failed) ||
	    propose_all(db, &yearly, &out->yearly, &out->failed))
		rc = -1;
	if (escalate_all(&e, today, out))
		rc = -1;
	return rc;
}
