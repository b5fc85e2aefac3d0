/* complaint_jobs.c — `guwen jobs` for complaints: deadline warnings and
 * escalation to managers and directors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "guwen/audit.h"
#include "guwen/complaint_clock.h"
#include "guwen/complaint_events.h"
#include "guwen/complaint_jobs.h"
#include "guwen/complaint_notify.h"
#include "guwen/complaint_store.h"
#include "guwen/log.h"
#include "guwen/mail.h"
#include "guwen/valid.h"

#define JOB_BATCH 200

/* each deadline has its own warning and level: the response deadline's until
 * the complainant was answered, the resolution deadline's */
static const char SQL_JOB_ROWS[] =
    "SELECT id, tracking_no, severity, COALESCE(department_id, 0), COALESCE(owner_id, 0),"
    " escalation, warned_at IS NOT NULL, responded_at IS NOT NULL,"
    " COALESCE(UNIX_TIMESTAMP(response_due), 0), COALESCE(UNIX_TIMESTAMP(resolution_due), 0),"
    " response_escalation, response_warned_at IS NOT NULL"
    " FROM complaints WHERE stage IN ('registered', 'investigating')"
    " AND severity IS NOT NULL AND waiting_since IS NULL"
    " AND (escalation < 2 OR (responded_at IS NULL AND response_escalation < 2)) AND id > ?"
    " ORDER BY id LIMIT 200";
static const char SQL_JOB_WARNED[] =
    "UPDATE complaints SET warned_at = ? WHERE id = ? AND warned_at IS NULL";
static const char SQL_JOB_WARNED_RESPONSE[] =
    "UPDATE complaints SET response_warned_at = ? WHERE id = ? AND response_warned_at IS NULL";
static const char SQL_JOB_LEVEL_RESPONSE[] =
    "UPDATE complaints SET response_escalation = ? WHERE id = ? AND response_escalation < ?";
/* an escalation is a row per person it reaches: on their start page until the
 * complaint is answered and resolved */
static const char SQL_JOB_ASSIGN[] =
    "INSERT INTO complaint_escalations (complaint_id, user_id, level, deadline, created_at)"
    " SELECT ?, id, ?, ?, ? FROM users WHERE role = ? AND active = 1"
    " AND (? = 0 OR department_id = ?)";
static const char SQL_JOB_LEVEL[] =
    "UPDATE complaints SET escalation = ? WHERE id = ? AND escalation < ?";

struct job_row {
	long long id, dept, owner;
	int level, warned, responded;
	int response_level, response_warned;
	enum gw_severity sev;
	int64_t response_due, resolution_due;
	char tracking[24];
};

struct job_batch {
	struct job_row rows[JOB_BATCH];
	int n;
};

struct job {
	struct gw_db *db;
	HDF *words;
	const char *dir; /* templates */
	int tz;
	int64_t now;
	struct gw_complaint_policy policy;
	struct gw_workday_cal cal; /* a and b count working hours */
	struct gw_complaint_jobs *out;
};

static int job_row(void *ctx, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct job_batch *b = ctx;
	struct job_row *r;

	(void)lens, (void)names;
	if (ncols != 12 || b->n == JOB_BATCH || !v[0] || !v[1] || !v[2])
		return 0;
	r = &b->rows[b->n++];
	r->id = strtoll(v[0], NULL, 10);
	snprintf(r->tracking, sizeof(r->tracking), "%s", v[1]);
	r->sev = gw_severity_from(v[2]);
	r->dept = v[3] ? strtoll(v[3], NULL, 10) : 0;
	r->owner = v[4] ? strtoll(v[4], NULL, 10) : 0;
	r->level = v[5] ? atoi(v[5]) : 0;
	r->warned = v[6] && atoi(v[6]);
	r->responded = v[7] && atoi(v[7]);
	r->response_due = v[8] ? strtoll(v[8], NULL, 10) : 0;
	r->resolution_due = v[9] ? strtoll(v[9], NULL, 10) : 0;
	r->response_level = v[10] ? atoi(v[10]) : 0;
	r->response_warned = v[11] && atoi(v[11]);
	return 0;
}

static const char *job_word(struct job *j, const char *key)
{
	return hdf_get_value(j->words, key, key);
}

/* What is due now for one deadline (1 = resolution, 0 = response): each has its
 * own warning and level; a and b count working hours on the calendar. */
static enum gw_escalation job_decide(struct job *j, const struct job_row *r, int resolution)
{
	if (!resolution && r->responded)
		return GW_ESC_NONE;
	return gw_complaint_escalation_cal(
	    &j->policy, &j->cal, r->sev, j->now, resolution ? r->resolution_due : r->response_due,
	    resolution ? r->level : r->response_level, resolution ? r->warned : r->response_warned);
}

/* The mail (templates/mail/complaint_deadline.cs): which complaint, which
 * deadline, what to do. 0 or -1. */
static int job_render(struct job *j, const struct job_row *r, enum gw_escalation e, int resolution,
		      struct gw_mail_text *t)
{
	static const char *const steps[] = {"", "warn", "manager", "director"};
	const char *sev =
	    hdf_get_valuef(j->words, "L.Complaint.Severities.%s", gw_severity_name(r->sev));
	char due[20];
	HDF *data;
	int rc;

	gw_time_format((resolution ? r->resolution_due : r->response_due) + j->tz * 60LL, due);
	data = gw_mail_data(
	    "Step", steps[e], "Tracking", r->tracking, "Severity",
	    sev ? sev : gw_severity_name(r->sev), "DueLabel",
	    job_word(j, resolution ? "L.Complaint.ResolutionDue" : "L.Complaint.ResponseDue"),
	    "Due", due, NULL);
	rc = data ? gw_mail_render(j->dir, j->words, data, "complaint_deadline", t) : -1;
	hdf_destroy(&data);
	return rc;
}

/* The timeline's code (warned, to_manager, to_director) and its parameters:
 * which deadline, when it is due, who was told; each reader sees it in their
 * own language (complaint_events.h). */
static const char *job_event(const struct job_row *r, enum gw_escalation e, int resolution,
			     const struct gw_buf *names, struct gw_buf *b)
{
	gw_event_param(b, "deadline", resolution ? "resolution" : "response");
	gw_event_param_int(b, "due_ts", resolution ? r->resolution_due : r->response_due);
	gw_event_param(b, "names", names->n ? names->p : "");
	return e == GW_ESC_WARN ? "warned" : e == GW_ESC_MANAGER ? "to_manager" : "to_director";
}

/* Mail the people of one step; their names go to names. -1 on a database error.
 * A warning goes to the owner (the department's managers when there is none). */
static int job_mail(struct job *j, const struct job_row *r, enum gw_escalation e,
		    const struct gw_mail *m, struct gw_buf *names)
{
	if (e == GW_ESC_WARN && r->owner)
		return gw_complaint_mail_user_msg(j->db, r->owner, m, names);
	if (e == GW_ESC_DIRECTOR)
		return gw_complaint_mail_role_msg(j->db, "director", 0, m, names);
	if (!r->dept)
		return gw_mail_no_recipient(j->db, "role manager, no department", m) < 0 ? -1 : 0;
	return gw_complaint_mail_role_msg(j->db, "manager", r->dept, m, names);
}

/* The escalation's rows, one per manager of the department or per director. */
static int job_assign(struct job *j, const struct job_row *r, enum gw_escalation e, int resolution)
{
	char now[20];
	long long dept = e == GW_ESC_DIRECTOR ? 0 : r->dept;

	if (e == GW_ESC_WARN || (e == GW_ESC_MANAGER && !r->dept))
		return 0;
	gw_time_format(j->now, now);
	return gw_db_exec(j->db, SQL_JOB_ASSIGN, "iisssii", r->id,
			  (long long)(e == GW_ESC_DIRECTOR ? 2 : 1),
			  resolution ? "resolution" : "response", now,
			  e == GW_ESC_DIRECTOR ? "director" : "manager", dept, dept) < 0
		   ? -1
		   : 0;
}

/* Flag the complaint for this step: 1 when this run is the one that does it, 0
 * when another did already, -1 on error. */
static int job_flag(struct job *j, const struct job_row *r, enum gw_escalation e, int resolution)
{
	char now[20];
	long long level = e == GW_ESC_DIRECTOR ? 2 : 1;

	gw_time_format(j->now, now);
	if (e == GW_ESC_WARN)
		return (int)gw_db_exec(j->db, resolution ? SQL_JOB_WARNED : SQL_JOB_WARNED_RESPONSE,
				       "si", now, r->id);
	return (int)gw_db_exec(j->db, resolution ? SQL_JOB_LEVEL : SQL_JOB_LEVEL_RESPONSE, "iii",
			       level, r->id, level);
}

static const char SQL_JOB_DONE[] =
    "SELECT COUNT(*) FROM complaints WHERE id = ? AND IF(? = 0, warned_at IS NOT NULL,"
    " escalation >= ?)";
static const char SQL_JOB_DONE_RESPONSE[] =
    "SELECT COUNT(*) FROM complaints WHERE id = ? AND IF(? = 0,"
    " response_warned_at IS NOT NULL, response_escalation >= ?)";

/* After COMMIT (rc from gw_db_commit): 1 stored, -1 not or unknown. The flag is
 * in the same transaction as the mails, so when the answer to COMMIT was lost
 * the flag tells on a new connection; unknown is safe too: the next run sees the
 * flag if it was stored and does the step if it was not. */
static int job_settle(struct job *j, const struct job_row *r, enum gw_escalation e, int resolution,
		      int rc)
{
	long long done = 0;

	if (rc != -2)
		return rc == 0 ? 1 : -1;
	if (gw_db_int(j->db, &done, resolution ? SQL_JOB_DONE : SQL_JOB_DONE_RESPONSE, "iii", r->id,
		      (long long)(e != GW_ESC_WARN), e == GW_ESC_DIRECTOR ? 2LL : 1LL) < 0) {
		gw_log_warn("the answer to COMMIT was lost; complaint %lld: unknown", r->id);
		return -1;
	}
	return done ? 1 : -1;
}

/* One step in one transaction: flag, mails, event, audit. Returns 1 done, 0
 * nothing to do, -1 failed (rolled back). */
static int job_apply(struct job *j, const struct job_row *r, enum gw_escalation e, int resolution)
{
	struct gw_mail_text t = {{0}, {0}, {0}};
	struct gw_buf names = {0}, ev = {0};
	struct gw_mail m;
	const char *code;
	char detail[64];
	int rc = -1;

	if (gw_db_begin(j->db))
		return -1;
	rc = job_flag(j, r, e, resolution);
	if (rc <= 0)
		goto out;
	rc = -1;
	if (job_render(j, r, e, resolution, &t))
		goto out;
	m = gw_mail_of(&t);
	if (job_mail(j, r, e, &m, &names) < 0 || job_assign(j, r, e, resolution))
		goto out;
	code = job_event(r, e, resolution, &names, &ev);
	snprintf(detail, sizeof(detail), "deadline=%s step=%s",
		 resolution ? "resolution" : "response",
		 e == GW_ESC_WARN      ? "warn"
		 : e == GW_ESC_MANAGER ? "manager"
				       : "director");
	if (gw_complaint_event_coded(j->db, r->id, 0, e == GW_ESC_WARN ? "warned" : "escalated", 0,
				     code, ev.p, NULL) == 0 &&
	    gw_audit_db(j->db, 0, "cli", e == GW_ESC_WARN ? "complaint.warn" : "complaint.escalate",
			"complaint", r->id, detail) == 0)
		rc = job_settle(j, r, e, resolution, gw_db_commit(j->db));
out:
	if (rc != 1)
		gw_db_rollback(j->db);
	gw_mail_text_free(&t);
	gw_buf_free(&names);
	gw_buf_free(&ev);
	return rc;
}

/* Decide and act for one deadline of a complaint. Past the director's time with
 * nobody told yet, the managers are told first, then the directors. */
static void job_deadline(struct job *j, const struct job_row *r, int resolution)
{
	int rc = 0;
	enum gw_escalation e = job_decide(j, r, resolution);

	if (e == GW_ESC_NONE)
		return;
	if (e == GW_ESC_DIRECTOR && (resolution ? r->level : r->response_level) < 1 &&
	    (rc = job_apply(j, r, GW_ESC_MANAGER, resolution)) > 0)
		j->out->managers++;
	if (rc >= 0)
		rc = job_apply(j, r, e, resolution);
	if (rc < 0)
		j->out->failed++;
	else if (rc > 0 && e == GW_ESC_WARN)
		j->out->warned++;
	else if (rc > 0)
		(*(e == GW_ESC_MANAGER ? &j->out->managers : &j->out->directors))++;
}

/* Both deadlines of one complaint, each on its own. */
static void job_one(struct job *j, const struct job_row *r)
{
	j->out->checked++;
	job_deadline(j, r, 0);
	job_deadline(j, r, 1);
}

static const char SQL_OVERDUE_MARK[] =
    "UPDATE complaints SET overdue = 1 WHERE stage IN ('registered', 'investigating')"
    " AND resolution_due < ? AND waiting_since IS NULL AND overdue = 0";

int gw_complaint_overdue_mark(struct gw_db *db, int64_t now)
{
	time_t t = (time_t)now;
	struct tm tm;
	char at[32];

	gmtime_r(&t, &tm);
	strftime(at, sizeof(at), "%Y-%m-%d %H:%M:%S", &tm);
	return gw_db_exec(db, SQL_OVERDUE_MARK, "s", at) < 0 ? -1 : 0;
}

int gw_complaint_jobs_run(struct gw_db *db, HDF *words, const char *dir, int tz_minutes,
			  int64_t now, struct gw_complaint_jobs *out)
{
	struct job j = {db, words, dir, tz_minutes, now, {{0}, {0}, 0, 0, 0}, {0}, out};
	struct job_batch *b = malloc(sizeof(*b));
	long long after = 0;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	/* the calendar from a year back: the oldest overdue ones count from there */
	if (!b ||
	    gw_complaint_clock_load(db, tz_minutes, now - 366 * 86400LL, now, &j.policy, &j.cal)) {
		gw_workday_free(&j.cal);
		free(b);
		return -1;
	}
	if (gw_complaint_overdue_mark(db, now))
		out->failed++;
	do {
		b->n = 0;
		if (gw_db_each(db, job_row, b, SQL_JOB_ROWS, "i", after) < 0) {
			rc = -1;
			break;
		}
		for (int i = 0; i < b->n; i++)
			job_one(&j, &b->rows[i]);
		if (b->n)
			after = b->rows[b->n - 1].id;
	} while (b->n == JOB_BATCH);
	gw_workday_free(&j.cal);
	free(b);
	return rc;
}
