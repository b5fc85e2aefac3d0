/* complaint_db.c — registering complaints and writing their timeline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/audit.h"
#include "guwen/complaint_db.h"
#include "guwen/log.h"
#include "guwen/mail.h"
#include "guwen/upload.h"
#include "guwen/valid.h"
#include "guwen/view.h"

static const char SQL_SEQ[] =
	"INSERT INTO complaint_seq (day, n) VALUES (?, LAST_INSERT_ID(1))"
	" ON DUPLICATE KEY UPDATE n = LAST_INSERT_ID(n + 1)";
static const char SQL_LAST_ID[] = "SELECT LAST_INSERT_ID()";
static const char SQL_INSERT[] =
	"INSERT INTO complaints (tracking_no, verify_mac, source, name, phone, email, company,"
	" client_id, subject_text, advisor_id, happened_on, description, created_by,"
	" created_at, updated_at, form_token, trust, suspect_reason)"
	" VALUES (?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, 0),"
	" NULLIF(?, ''), NULLIF(?, 0), NULLIF(?, ''), ?, NULLIF(?, 0), ?, ?, ?,"
	" IF(? IS NULL, 'ok', 'suspected'), ?)";
static const char SQL_BY_MAC[] =
	"SELECT id FROM complaints WHERE tracking_no = ? AND verify_mac = ?";
static const char SQL_BY_TOKEN[] =
	"SELECT id, tracking_no, email IS NOT NULL AS mailed, trust FROM complaints"
	" WHERE form_token = ?";
static const char SQL_EVENT[] =
	"INSERT INTO complaint_events (complaint_id, at, user_id, kind, visibility, body)"
	" VALUES (?, UTC_TIMESTAMP(), NULLIF(?, 0), ?, ?, ?)";
static const char SQL_FILE[] =
	"INSERT INTO complaint_files (complaint_id, stored_name, orig_name, ctype, size, created_at)"
	" VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())";

int gw_complaint_event(struct gw_db *db, long long complaint_id, long long user_id,
		       const char *kind, int public_, const char *body)
{
	return gw_db_exec(db, SQL_EVENT, "iisss", complaint_id, user_id, kind,
			  public_ ? "public" : "internal", body) == 1 ? 0 : -1;
}

/* The next tracking number of today (local day); 0 or -1. */
static int next_tracking(struct gw_ctx *ctx, char tracking[24])
{
	int32_t day = gw_today(ctx);
	char date[16];
	long long n = 0;

	gw_date_format(day, date);
	if (gw_db_exec(ctx->db, SQL_SEQ, "s", date) < 0 ||
	    gw_db_int(ctx->db, &n, SQL_LAST_ID, NULL) != 1)
		return -1;
	gw_complaint_tracking_no(day, (unsigned)n, tracking);
	return 0;
}

/* A file name as the person's device gave it, cut to 200 bytes at a character
 * boundary (the column holds 255). */
static const char *short_name(struct gw_ctx *ctx, const char *name)
{
	size_t n = strlen(name);

	if (n <= 200)
		return name;
	n = 200;
	while (n > 0 && ((unsigned char)name[n] & 0xC0) == 0x80)
		n--;
	return gw_arena_strndup(&ctx->arena, name, n);
}

/* Files are written before the transaction begins (the day's counter is not
 * held while they are): names[] keeps what was written so that a complaint not
 * stored can take them away again. */
struct stored {
	char names[GW_COMPLAINT_MAX_FILES][33];
	int n;
};

static int write_files(struct gw_ctx *ctx, const struct gw_complaint_new *c, struct stored *st)
{
	for (int i = 0; i < c->nfiles; i++) {
		if (gw_upload_store(ctx, c->files[i]->value, c->files[i]->len, st->names[st->n]))
			return -1;
		st->n++;
	}
	return 0;
}

static void remove_files(struct gw_ctx *ctx, struct stored *st)
{
	while (st->n > 0)
		gw_upload_remove(ctx, st->names[--st->n]);
}

static int file_rows(struct gw_ctx *ctx, long long id, const struct gw_complaint_new *c,
		     const struct stored *st)
{
	for (int i = 0; i < st->n; i++)
		if (gw_db_exec(ctx->db, SQL_FILE, "isssi", id, st->names[i],
			       short_name(ctx, c->files[i]->filename), c->file_types[i],
			       (long long)c->files[i]->len) != 1)
			return -1;
	return 0;
}

static long long insert(struct gw_ctx *ctx, const struct gw_complaint_new *c,
			const char *tracking, const char *mac)
{
	const char *now = gw_now_utc(ctx);
	long long uid = ctx->user ? ctx->user->id : 0;

	if (gw_db_exec(ctx->db, SQL_INSERT, "sssssssisississsss", tracking, mac, c->source,
		       c->name, c->phone, c->email, c->company, c->client_id, c->subject_text,
		       c->advisor_id, c->happened_on, c->description, uid, now, now, c->form_token,
		       c->suspect, c->suspect) != 1)
		return gw_db_errno(ctx->db) == 1062 && c->form_token ? -3 : -1;
	return gw_db_insert_id(ctx->db);
}

/* The acknowledgement (templates/mail/complaint_ack.cs) in the request's language. */
static int ack_mail(struct gw_ctx *ctx, const struct gw_complaint_new *c, const char *tracking,
		    const char *code)
{
	const char *site = hdf_get_value(ctx->cfg, "Mail.SiteURL", ""), *url = NULL;
	HDF *data;
	long long id;

	if (!c->email || !*c->email || c->suspect)
		return 0; /* a suspected post is not a way to send mail to anyone */
	if (*site)
		url = gw_arena_printf(&ctx->arena, "%s%s", site,
				      gw_url(ctx, "portal", "/complaint/status"));
	data = gw_mail_data("Name", c->name, "Tracking", tracking, "Code", code, "StatusURL", url,
			    NULL);
	id = gw_mail_queue_cs(ctx->db, c->email, hdf_get_value(ctx->cfg, "App.Templates", "templates"),
			      gw_view_words(ctx), data, "complaint_ack");
	hdf_destroy(&data);
	return id < 0 ? -1 : 0;
}

/* In the transaction: the caller's part, the day's next number (drawn here, so
 * a complaint not stored leaves no gap), the row, its event, files and mail. */
static long long create_in_tx(struct gw_ctx *ctx, const struct gw_complaint_new *c,
			      char tracking[24], const char *code, char mac[65],
			      const struct stored *st)
{
	long long id;
	int also = c->also ? c->also(ctx, c->also_arg) : 0;

	if (also)
		return also > 0 ? -2 : -1;
	if (next_tracking(ctx, tracking) || gw_complaint_code_mac(ctx->keys, tracking, code, mac))
		return -1;
	if ((id = insert(ctx, c, tracking, mac)) < 0)
		return id;
	if (gw_complaint_event(ctx->db, id, ctx->user ? ctx->user->id : 0, "created", 0,
			       c->source) ||
	    file_rows(ctx, id, c, st) || ack_mail(ctx, c, tracking, code))
		return -1;
	return id;
}

/* The COMMIT's answer was lost: look for the row on a new connection. Its files
 * stay unless the row is surely not there. */
static long long commit_unknown(struct gw_ctx *ctx, const char *tracking, const char *mac,
				struct stored *st)
{
	long long id = 0;
	int found;

	/* before the rollback: a handle whose old transaction could not be ended
	 * answers nothing (-1), never a false "not there" */
	found = gw_db_int(ctx->db, &id, SQL_BY_MAC, "ss", tracking, mac);
	gw_db_rollback(ctx->db);
	if (found == 1)
		return id;
	if (found == 0)
		remove_files(ctx, st);
	gw_log_error(found ? "complaint commit outcome unknown: its files are kept"
			   : "registering a complaint failed at commit");
	return -1;
}

long long gw_complaint_create(struct gw_ctx *ctx, const struct gw_complaint_new *c,
			      char tracking[24], char code[9])
{
	struct stored st = { .n = 0 };
	char mac[65];
	long long id;
	int rc;

	if (gw_complaint_code(code))
		return -1;
	if (write_files(ctx, c, &st)) {
		remove_files(ctx, &st);
		gw_log_error("storing a complaint's attachments failed");
		return GW_COMPLAINT_EFILES;
	}
	if (gw_db_begin(ctx->db))
		id = -1;
	else
		id = create_in_tx(ctx, c, tracking, code, mac, &st);
	rc = id < 0 ? -1 : gw_db_commit(ctx->db);
	if (rc == 0)
		return id;
	if (id >= 0 && rc != -1) /* neither committed nor not: unknown */
		return commit_unknown(ctx, tracking, mac, &st);
	gw_db_rollback(ctx->db);
	remove_files(ctx, &st);
	if (id == -1 || id >= 0)
		gw_log_error("registering a complaint failed");
	return id >= 0 ? -1 : id;
}

int gw_complaint_by_token(struct gw_db *db, HDF *hdf, const char *prefix,
			  const char *form_token)
{
	return gw_db_row(db, hdf, prefix, SQL_BY_TOKEN, "s", form_token);
}

/* --- the clock: policy, calendar and due times ------------------------------ */

static int32_t local_day_of(int tz_minutes, int64_t t)
{
	int64_t l = t + (int64_t)tz_minutes * 60;

	return (int32_t)(l >= 0 ? l / 86400 : (l - 86399) / 86400);
}

int gw_complaint_clock_load(struct gw_db *db, int tz_minutes, int64_t from, int64_t to,
			    struct gw_complaint_policy *p, struct gw_workday_cal *cal)
{
	gw_workday_init(cal);
	if (gw_complaint_policy_load(db, tz_minutes, p))
		return -1;
	return gw_calendar_load(db, cal, local_day_of(tz_minutes, from) - 1,
				local_day_of(tz_minutes, to) + 120);
}

int gw_complaint_deadlines(struct gw_db *db, int tz_minutes, enum gw_severity s,
			   int64_t created, int64_t *response, int64_t *resolution)
{
	struct gw_complaint_policy p;
	struct gw_workday_cal cal;
	int rc = gw_complaint_clock_load(db, tz_minutes, created, created, &p, &cal);

	if (rc == 0) {
		*response = gw_complaint_due(&p, &cal, s, 0, created);
		*resolution = gw_complaint_due(&p, &cal, s, 1, created);
	}
	gw_workday_free(&cal);
	return rc;
}

int gw_complaint_resume_dues(struct gw_db *db, int tz_minutes, enum gw_severity s,
			     int64_t waiting_since, int64_t now, int64_t *response,
			     int64_t *resolution)
{
	struct gw_complaint_policy p;
	struct gw_workday_cal cal;
	int64_t to = now;
	int rc;

	if (*response > to)
		to = *response;
	if (*resolution > to)
		to = *resolution;
	rc = gw_complaint_clock_load(db, tz_minutes, waiting_since, to, &p, &cal);
	if (rc == 0) {
		*response = gw_complaint_resume(&p, &cal, s, *response, waiting_since, now);
		*resolution = gw_complaint_resume(&p, &cal, s, *resolution, waiting_since, now);
	}
	gw_workday_free(&cal);
	return rc;
}

/* --- mail to staff ------------------------------------------------------------ */

static const char SQL_ROLE_MAILS[] =
	"SELECT email, name FROM users WHERE role = ? AND active = 1"
	" AND (? = 0 OR department_id = ?) AND email IS NOT NULL AND email <> '' ORDER BY id";
static const char SQL_USER_MAIL[] =
	"SELECT email, name FROM users WHERE id = ? AND active = 1"
	" AND email IS NOT NULL AND email <> ''";

/* Collects recipients as "address<TAB>name<NL>" lines. */
static int collect_recipient(void *ctx, int ncols, char **v, const size_t *lens,
			     const char *const *names)
{
	(void)lens, (void)names;
	if (ncols == 2 && v[0] && v[1] && !strpbrk(v[0], "\t\n") && !strpbrk(v[1], "\t\n"))
		gw_buf_printf(ctx, "%s\t%s\n", v[0], v[1]);
	return 0;
}

/* Queue the mail to each collected recipient; returns how many were queued, or
 * -1 when the outbox did not take one (an address that is not one is skipped). */
static int mail_list(struct gw_db *db, struct gw_buf *list, const struct gw_mail *m,
		     struct gw_buf *names)
{
	int n = 0;

	for (char *line = list->p; line && *line;) {
		char *nl = strchr(line, '\n'), *tab = strchr(line, '\t'), *to = line;

		*nl = *tab = '\0';
		line = nl + 1;
		if (!gw_valid_email(to))
			continue;
		if (gw_mail_queue_msg(db, to, m) < 0)
			return -1;
		n++;
		if (names && names->n)
			gw_buf_puts(names, "、");
		if (names)
			gw_buf_puts(names, tab + 1);
	}
	return n;
}

/* Mail everyone on the list; with nobody on it, the notice is kept in the
 * outbox as "no recipient" for the admin to see. Count, or -1. */
static int mail_or_record(struct gw_db *db, struct gw_buf *list, const struct gw_mail *m,
			  struct gw_buf *names, const char *for_whom)
{
	int n = mail_list(db, list, m, names);

	if (n == 0 && gw_mail_no_recipient(db, for_whom, m) < 0)
		return -1;
	return n;
}

static int mail_role(struct gw_db *db, const char *role, long long dept_id,
		     const struct gw_mail *m, struct gw_buf *names)
{
	struct gw_buf list = { 0 };
	char who[96];
	int n = -1;

	snprintf(who, sizeof(who), dept_id > 0 ? "role %s, department #%lld" : "role %s", role,
		 dept_id);
	if (gw_db_each(db, collect_recipient, &list, SQL_ROLE_MAILS, "sii", role, dept_id,
		       dept_id) >= 0)
		n = mail_or_record(db, &list, m, names, who);
	gw_buf_free(&list);
	return n;
}

static int mail_user(struct gw_db *db, long long user_id, const struct gw_mail *m,
		     struct gw_buf *names)
{
	struct gw_buf list = { 0 };
	char who[48];
	int n = -1;

	snprintf(who, sizeof(who), "user #%lld", user_id);
	if (gw_db_each(db, collect_recipient, &list, SQL_USER_MAIL, "i", user_id) >= 0)
		n = mail_or_record(db, &list, m, names, who);
	gw_buf_free(&list);
	return n;
}

int gw_complaint_mail_role_msg(struct gw_db *db, const char *role, long long dept_id,
			       const struct gw_mail *m, struct gw_buf *names)
{
	return mail_role(db, role, dept_id, m, names);
}

int gw_complaint_mail_role(struct gw_db *db, const char *role, long long dept_id,
			   const char *subject, const char *body, struct gw_buf *names)
{
	struct gw_mail m = { subject, body, NULL };

	return mail_role(db, role, dept_id, &m, names);
}

int gw_complaint_mail_user(struct gw_db *db, long long user_id, const char *subject,
			   const char *body, struct gw_buf *names)
{
	struct gw_mail m = { subject, body, NULL };

	return mail_user(db, user_id, &m, names);
}

/* --- `guwen jobs`: deadline warnings and escalation --------------------------- */

#define JOB_BATCH 200

static const char SQL_JOB_ROWS[] =
	"SELECT id, tracking_no, severity, COALESCE(department_id, 0), COALESCE(owner_id, 0),"
	" escalation, warned_at IS NOT NULL, responded_at IS NOT NULL,"
	" COALESCE(UNIX_TIMESTAMP(response_due), 0), COALESCE(UNIX_TIMESTAMP(resolution_due), 0)"
	" FROM complaints WHERE stage IN ('registered', 'investigating')"
	" AND severity IS NOT NULL AND waiting_since IS NULL AND escalation < 2 AND id > ?"
	" ORDER BY id LIMIT 200";
static const char SQL_JOB_WARNED[] =
	"UPDATE complaints SET warned_at = ? WHERE id = ? AND warned_at IS NULL";
static const char SQL_JOB_LEVEL[] =
	"UPDATE complaints SET escalation = ? WHERE id = ? AND escalation < ?";

struct job_row {
	long long id, dept, owner;
	int level, warned, responded;
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
	struct gw_complaint_jobs *out;
};

static int job_row(void *ctx, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct job_batch *b = ctx;
	struct job_row *r;

	(void)lens, (void)names;
	if (ncols != 10 || b->n == JOB_BATCH || !v[0] || !v[1] || !v[2])
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
	return 0;
}

static const char *job_word(struct job *j, const char *key)
{
	return hdf_get_value(j->words, key, key);
}

/* What is due now, and for which deadline (1 = resolution, 0 = response). */
static enum gw_escalation job_decide(struct job *j, const struct job_row *r, int *resolution)
{
	enum gw_escalation a = GW_ESC_NONE, b;

	if (!r->responded)
		a = gw_complaint_escalation(&j->policy, j->now, r->response_due, r->level,
					    r->warned);
	b = gw_complaint_escalation(&j->policy, j->now, r->resolution_due, r->level, r->warned);
	*resolution = b >= a;
	return b >= a ? b : a;
}

/* "Resolution due: 2026-10-19 23:59:59" (local time) for the mail and the event. */
static void job_due_line(struct job *j, const struct job_row *r, int resolution,
			 struct gw_buf *b)
{
	char due[20];

	gw_time_format((resolution ? r->resolution_due : r->response_due) + j->tz * 60LL, due);
	gw_buf_printf(b, "%s: %s",
		      job_word(j, resolution ? "L.Complaint.ResolutionDue" : "L.Complaint.ResponseDue"),
		      due);
}

/* The mail (templates/mail/complaint_deadline.cs): which complaint, which
 * deadline, what to do. 0 or -1. */
static int job_render(struct job *j, const struct job_row *r, enum gw_escalation e,
		      int resolution, struct gw_mail_text *t)
{
	static const char *const steps[] = { "", "warn", "manager", "director" };
	const char *sev = hdf_get_valuef(j->words, "L.Complaint.Severities.%s",
					 gw_severity_name(r->sev));
	char due[20];
	HDF *data;
	int rc;

	gw_time_format((resolution ? r->resolution_due : r->response_due) + j->tz * 60LL, due);
	data = gw_mail_data("Step", steps[e], "Tracking", r->tracking, "Severity",
			    sev ? sev : gw_severity_name(r->sev), "DueLabel",
			    job_word(j, resolution ? "L.Complaint.ResolutionDue"
						   : "L.Complaint.ResponseDue"),
			    "Due", due, NULL);
	rc = data ? gw_mail_render(j->dir, j->words, data, "complaint_deadline", t) : -1;
	hdf_destroy(&data);
	return rc;
}

/* The timeline's text: the step, the deadline, who was told. */
static void job_event(struct job *j, const struct job_row *r, enum gw_escalation e,
		      int resolution, const struct gw_buf *names, struct gw_buf *b)
{
	if (e == GW_ESC_MANAGER || e == GW_ESC_DIRECTOR)
		gw_buf_printf(b, "%s · ", job_word(j, e == GW_ESC_MANAGER
							      ? "L.Complaints.Jobs.ToManager"
							      : "L.Complaints.Jobs.ToDirector"));
	job_due_line(j, r, resolution, b);
	gw_buf_printf(b, " · %s: %s", job_word(j, "L.Complaints.Jobs.Notified"),
		      names->n ? names->p : job_word(j, "L.Complaints.Jobs.NoOne"));
}

/* Mail the people of one step; their names go to names. -1 on a database error.
 * A warning goes to the owner (the department's managers when there is none). */
static int job_mail(struct job *j, const struct job_row *r, enum gw_escalation e,
		    const struct gw_mail *m, struct gw_buf *names)
{
	if (e == GW_ESC_WARN && r->owner)
		return mail_user(j->db, r->owner, m, names);
	if (e == GW_ESC_DIRECTOR)
		return mail_role(j->db, "director", 0, m, names);
	if (!r->dept)
		return gw_mail_no_recipient(j->db, "role manager, no department", m) < 0 ? -1 : 0;
	return mail_role(j->db, "manager", r->dept, m, names);
}

/* Flag the complaint for this step: 1 when this run is the one that does it, 0
 * when another did already, -1 on error. */
static int job_flag(struct job *j, const struct job_row *r, enum gw_escalation e)
{
	char now[20];
	long long level = e == GW_ESC_DIRECTOR ? 2 : 1;

	gw_time_format(j->now, now);
	if (e == GW_ESC_WARN)
		return (int)gw_db_exec(j->db, SQL_JOB_WARNED, "si", now, r->id);
	return (int)gw_db_exec(j->db, SQL_JOB_LEVEL, "iii", level, r->id, level);
}

static const char SQL_JOB_DONE[] =
	"SELECT COUNT(*) FROM complaints WHERE id = ? AND IF(? = 0, warned_at IS NOT NULL,"
	" escalation >= ?)";

/* After COMMIT (rc from gw_db_commit): 1 stored, -1 not or unknown. The flag is
 * in the same transaction as the mails, so when the answer to COMMIT was lost
 * the flag tells on a new connection; unknown is safe too: the next run sees the
 * flag if it was stored and does the step if it was not. */
static int job_settle(struct job *j, const struct job_row *r, enum gw_escalation e, int rc)
{
	long long done = 0;

	if (rc != -2)
		return rc == 0 ? 1 : -1;
	if (gw_db_int(j->db, &done, SQL_JOB_DONE, "iii", r->id, (long long)(e != GW_ESC_WARN),
		      e == GW_ESC_DIRECTOR ? 2LL : 1LL) < 0) {
		gw_log_warn("the answer to COMMIT was lost; complaint %lld: unknown", r->id);
		return -1;
	}
	return done ? 1 : -1;
}

/* One step in one transaction: flag, mails, event, audit. Returns 1 done, 0
 * nothing to do, -1 failed (rolled back). */
static int job_apply(struct job *j, const struct job_row *r, enum gw_escalation e, int resolution)
{
	struct gw_mail_text t = { { 0 }, { 0 }, { 0 } };
	struct gw_buf names = { 0 }, ev = { 0 };
	struct gw_mail m;
	char detail[64];
	int rc = -1;

	if (gw_db_begin(j->db))
		return -1;
	rc = job_flag(j, r, e);
	if (rc <= 0)
		goto out;
	rc = -1;
	if (job_render(j, r, e, resolution, &t))
		goto out;
	m = gw_mail_of(&t);
	if (job_mail(j, r, e, &m, &names) < 0)
		goto out;
	job_event(j, r, e, resolution, &names, &ev);
	snprintf(detail, sizeof(detail), "deadline=%s step=%s",
		 resolution ? "resolution" : "response",
		 e == GW_ESC_WARN ? "warn" : e == GW_ESC_MANAGER ? "manager" : "director");
	if (gw_complaint_event(j->db, r->id, 0, e == GW_ESC_WARN ? "warned" : "escalated", 0,
			       ev.p) == 0 &&
	    gw_audit_db(j->db, 0, "cli", e == GW_ESC_WARN ? "complaint.warn" : "complaint.escalate",
			"complaint", r->id, detail) == 0)
		rc = job_settle(j, r, e, gw_db_commit(j->db));
out:
	if (rc != 1)
		gw_db_rollback(j->db);
	gw_mail_text_free(&t);
	gw_buf_free(&names);
	gw_buf_free(&ev);
	return rc;
}

/* Decide and act for one complaint. Past the director's time with nobody told
 * yet, the managers are told first, then the directors. */
static void job_one(struct job *j, const struct job_row *r)
{
	int resolution, rc = 0;
	enum gw_escalation e = job_decide(j, r, &resolution);

	j->out->checked++;
	if (e == GW_ESC_NONE)
		return;
	if (e == GW_ESC_DIRECTOR && r->level < 1 &&
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

int gw_complaint_jobs_run(struct gw_db *db, HDF *words, const char *dir, int tz_minutes,
			  int64_t now, struct gw_complaint_jobs *out)
{
	struct job j = { db, words, dir, tz_minutes, now, { { 0 }, { 0 }, 0, 0, 0 }, out };
	struct job_batch *b = malloc(sizeof(*b));
	long long after = 0;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	if (!b || gw_complaint_policy_load(db, tz_minutes, &j.policy)) {
		free(b);
		return -1;
	}
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
	free(b);
	return rc;
}
