/* project_jobs.c — `guwen jobs` for projects: a collection case (追款) for each
 * fee unpaid past its due date, told to market and legal. */
#include <stdlib.h>
#include <string.h>

#include "guwen/audit.h"
#include "guwen/mail.h"
#include "guwen/project_jobs.h"
#include "guwen/project_summary.h"
#include "guwen/valid.h"

#define BATCH 200

static const char SQL_DUE[] =
    "SELECT p.id, c.name, t.name_zh, d.name, p.created_by, p.fee_fen, p.fee_purpose, p.fee_due"
    " FROM projects p JOIN clients c ON c.id = p.client_id"
    " JOIN project_types t ON t.id = p.type_id JOIN departments d ON d.id = p.department_id"
    " WHERE p.fee_paid_on IS NULL AND p.fee_due < ? AND NOT EXISTS (SELECT 1"
    "  FROM project_collections pc WHERE pc.project_id = p.id AND pc.closed_at IS NULL)"
    " ORDER BY p.id LIMIT 200";
static const char SQL_OPEN[] =
    "INSERT INTO project_collections (project_id, opened_at) VALUES (?, ?)";
static const char SQL_EVENT[] = "INSERT INTO project_events (project_id, at, user_id, kind, body)"
				" VALUES (?, ?, NULL, 'collection_opened', ?)";
/* the market person first, then legal */
static const char SQL_RECEIVERS[] =
    "SELECT email, name FROM users WHERE active = 1 AND (id = ? OR role = 'legal')"
    " ORDER BY id = ? DESC, id";

static const char SQL_SETTING[] = "SELECT value FROM settings WHERE name = ?";
static const char SQL_SENT_TODAY[] =
    "SELECT COUNT(*) FROM settings WHERE name = 'summary_sent_on' AND value = ?";
static const char SQL_SENT[] =
    "INSERT INTO settings (name, value, updated_at) VALUES ('summary_sent_on', ?, ?)"
    " ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at)";
static const char SQL_MANAGERS[] =
    "SELECT u.department_id, d.name, u.email FROM users u JOIN departments d"
    " ON d.id = u.department_id WHERE u.role = 'manager' AND u.active = 1"
    " AND u.email IS NOT NULL AND u.email <> '' ORDER BY u.department_id, u.id LIMIT 500";

struct due {
	long long id, creator;
	char client[201], type[101], dept[101], text[600];
};

struct batch {
	struct due rows[BATCH];
	int n;
};

static void copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

static int due_row(void *arg, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct batch *b = arg;
	struct due *d;
	long long fen;

	(void)lens, (void)names;
	if (ncols < 8 || !v[0] || b->n >= BATCH)
		return 0;
	d = &b->rows[b->n++];
	d->id = strtoll(v[0], NULL, 10);
	d->creator = v[4] ? strtoll(v[4], NULL, 10) : 0;
	fen = v[5] ? strtoll(v[5], NULL, 10) : 0;
	copy(d->client, sizeof(d->client), v[1]);
	copy(d->type, sizeof(d->type), v[2]);
	copy(d->dept, sizeof(d->dept), v[3]);
	snprintf(d->text, sizeof(d->text), "¥%lld.%02lld · %s · %s", fen / 100, fen % 100,
		 v[6] ? v[6] : "", v[7] ? v[7] : "");
	return 0;
}

struct run {
	struct gw_db *db;
	HDF *words;
	const char *dir;
	const struct due *d;
	struct gw_mail m;
	int sent;
};

static int receiver_row(void *arg, int ncols, char **v, const size_t *lens,
			const char *const *names)
{
	struct run *r = arg;

	(void)lens, (void)names;
	if (ncols < 2)
		return 0;
	if (v[0] && *v[0])
		(void)gw_mail_queue_msg(r->db, v[0], &r->m);
	else
		(void)gw_mail_no_recipient(r->db, v[1] ? v[1] : "", &r->m);
	r->sent++;
	return 0;
}

/* Mail market and legal; 0 or -1. */
static int tell(struct run *r)
{
	const char *subject = hdf_get_value(r->words, "L.Projects.Mail.Collection", "追款");
	char number[24];
	struct gw_mail_text t = {{0}, {0}, {0}};
	HDF *data;
	int rc;

	snprintf(number, sizeof(number), "%lld", r->d->id);
	data = gw_mail_data("Subject", subject, "Client", r->d->client, "Type", r->d->type,
			    "Department", r->d->dept, "Text", r->d->text, "Number", number, NULL);
	rc = data ? gw_mail_render(r->dir, r->words, data, "project_notice", &t) : -1;
	hdf_destroy(&data);
	if (rc == 0) {
		r->m = gw_mail_of(&t);
		r->sent = 0;
		rc = gw_db_each(r->db, receiver_row, r, SQL_RECEIVERS, "ii", r->d->creator,
				r->d->creator) < 0
			 ? -1
			 : 0;
	}
	gw_mail_text_free(&t);
	return rc;
}

static int open_case(struct run *r, const char *now)
{
	if (gw_db_begin(r->db))
		return -1;
	if (gw_db_exec(r->db, SQL_OPEN, "is", r->d->id, now) != 1 ||
	    gw_db_exec(r->db, SQL_EVENT, "iss", r->d->id, now, r->d->text) != 1 ||
	    gw_audit_db(r->db, 0, "", "project.collection_open", "project", r->d->id, NULL) ||
	    tell(r) || gw_db_commit(r->db)) {
		gw_db_rollback(r->db);
		return -1;
	}
	return 0;
}

static void summary_week(struct gw_db *db, HDF *words, const char *dir, int32_t day,
			 const char *now, struct gw_project_jobs *out);

int gw_project_jobs_run(struct gw_db *db, HDF *words, const char *dir, int tz_minutes, int64_t now,
			struct gw_project_jobs *out)
{
	struct batch *b = calloc(1, sizeof(*b));
	struct run r = {.db = db, .words = words, .dir = dir};
	char today[16], now_text[20];

	*out = (struct gw_project_jobs){0};
	if (!b)
		return -1;
	gw_date_format((int32_t)((now + tz_minutes * 60LL) / 86400), today);
	gw_time_format(now, now_text);
	if (gw_db_each(db, due_row, b, SQL_DUE, "s", today) < 0) {
		free(b);
		return -1;
	}
	for (int i = 0; i < b->n; i++) {
		r.d = &b->rows[i];
		if (open_case(&r, now_text))
			out->failed++;
		else
			out->opened++;
	}
	free(b);
	if (gw_project_deadlines_run(db, words, dir, today, now_text, out))
		out->failed++;
	summary_week(db, words, dir, (int32_t)((now + tz_minutes * 60LL) / 86400), now_text, out);
	return 0;
}

/* ---- the weekly progress summary ------------------------------------------------ */

struct week {
	struct gw_db *db;
	HDF *words;
	const char *dir, *today;
	int sent, failed;
};

/* One manager: their department's summary by advisor, mailed. */
static int manager_row(void *arg, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct week *w = arg;
	struct gw_summary_scope s = {0, 0, 1, 0};
	HDF *data;
	int rc = -1;

	(void)lens, (void)names;
	if (ncols < 3 || !v[0] || !v[2])
		return 0;
	s.dept = strtoll(v[0], NULL, 10);
	data =
	    gw_mail_data("Subject", hdf_get_value(w->words, "L.Projects.Summary.MailSubject", ""),
			 "Department", v[1] ? v[1] : "", "Today", w->today, NULL);
	if (data &&
	    gw_project_summary(w->db, data, "Mail.Rows", GW_SUMMARY_ADVISOR, w->today, &s) >= 0)
		rc = gw_mail_queue_cs(w->db, v[2], w->dir, w->words, data, "project_summary") < 0;
	hdf_destroy(&data);
	if (rc)
		w->failed++;
	else
		w->sent++;
	return 0;
}

/* 1 when today is the summary's weekday and it was not sent today. */
static int summary_due(struct gw_db *db, int32_t day, const char *today)
{
	long long weekday = 5, sent = 0;

	if (gw_db_int(db, &weekday, SQL_SETTING, "s", "summary_weekday") < 0 ||
	    weekday != gw_date_weekday(day))
		return 0;
	return gw_db_int(db, &sent, SQL_SENT_TODAY, "s", today) == 1 && sent == 0;
}

static void summary_week(struct gw_db *db, HDF *words, const char *dir, int32_t day,
			 const char *now, struct gw_project_jobs *out)
{
	char today[16];
	struct week w = {.db = db, .words = words, .dir = dir, .today = today};

	gw_date_format(day, today);
	if (!summary_due(db, day, today))
		return;
	if (gw_db_each(db, manager_row, &w, SQL_MANAGERS, NULL) < 0 ||
	    gw_db_exec(db, SQL_SENT, "ss", today, now) < 0)
		w.failed++;
	out->summaries += w.sent;
	out->failed += w.failed;
}
