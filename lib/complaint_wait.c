/* complaint_wait.c — waiting on the complainant: stopping and starting the
 * clock, and the complainant's own answer that starts it again. */
#include <string.h>

#include "guwen/audit.h"
#include "guwen/complaint_clock.h"
#include "guwen/complaint_notify.h"
#include "guwen/complaint_wait.h"
#include "guwen/log.h"
#include "guwen/ratelimit.h"
#include "guwen/upload.h"
#include "guwen/valid.h"
#include "guwen/view.h"

static const char SQL_WAIT[] = "UPDATE complaints SET waiting_since = ?, updated_at = ? WHERE id = "
			       "? AND waiting_since IS NULL";

static const char SQL_RESUME[] =
    "UPDATE complaints SET waiting_since = NULL, response_due = ?, resolution_due = ?,"
    " updated_at = ? WHERE id = ? AND waiting_since IS NOT NULL";

/* The answer claims the complaint still waiting since the time its page showed:
 * a staff form open meanwhile then sees it changed. */
static const char SQL_CLAIM_WAITING[] = "UPDATE complaints SET version = version + 1 WHERE id = ?"
					" AND UNIX_TIMESTAMP(waiting_since) = ?";

static const char SQL_FILE[] =
    "INSERT INTO complaint_files (complaint_id, stored_name, orig_name, ctype, size, created_at)"
    " VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())";

/* UTC seconds as "YYYY-MM-DD HH:MM:SS" in the arena; 0 gives NULL. */
static const char *time_text(struct gw_ctx *ctx, int64_t t)
{
	char *s;

	if (!t)
		return NULL;
	s = gw_arena_alloc(&ctx->arena, 20);
	gw_time_format(t, s);
	return s;
}

int gw_complaint_wait_start(struct gw_ctx *ctx, const struct gw_complaint *c, const char *note,
			    struct gw_buf *text)
{
	const char *now = gw_now_utc(ctx);

	gw_buf_puts(text, note ? note : "");
	return gw_db_exec(ctx->db, SQL_WAIT, "ssi", now, now, c->id) == 1 ? 0 : -1;
}

int gw_complaint_wait_end(struct gw_ctx *ctx, const struct gw_complaint *c, const char *note,
			  struct gw_buf *text)
{
	int64_t resp = c->response_ts, resol = c->resolution_ts;

	if (c->sev != GW_SEV_NONE &&
	    gw_complaint_resume_dues(ctx->db, gw_tz_minutes(ctx), c->sev, c->waiting_ts,
				     (int64_t)ctx->now, &resp, &resol))
		return -1;
	if (resol)
		gw_buf_printf(text, "%s: %s", gw_view_word(ctx, "L.Complaint.ResolutionDue"),
			      time_text(ctx, resol + gw_tz_minutes(ctx) * 60LL));
	if (note && *note)
		gw_buf_printf(text, "%s%s", text->n ? " · " : "", note);
	return gw_db_exec(ctx->db, SQL_RESUME, "sssi", time_text(ctx, resp), time_text(ctx, resol),
			  gw_now_utc(ctx), c->id) == 1
		   ? 0
		   : -1;
}

/* ---- the complainant's answer ---------------------------------------------------- */

struct stored {
	char names[GW_COMPLAINT_MAX_FILES][33];
	int n;
};

static void remove_files(struct gw_ctx *ctx, struct stored *st)
{
	while (st->n > 0)
		gw_upload_remove(ctx, st->names[--st->n]);
}

/* Written before the transaction; removed again when it is not kept. 0 or -1. */
static int write_files(struct gw_ctx *ctx, const struct gw_complaint_answer *a, struct stored *st)
{
	for (int i = 0; i < a->nfiles; i++) {
		if (gw_upload_store(ctx, a->files[i]->value, a->files[i]->len, st->names[i])) {
			remove_files(ctx, st);
			return -1;
		}
		st->n++;
	}
	return 0;
}

/* The files' rows; the event's text gets their names, one a line. 0 or -1. */
static int file_rows(struct gw_ctx *ctx, long long id, const struct gw_complaint_answer *a,
		     const struct stored *st, struct gw_buf *body)
{
	for (int i = 0; i < st->n; i++) {
		const char *name = gw_upload_short_name(ctx, a->files[i]->filename);

		if (gw_db_exec(ctx->db, SQL_FILE, "isssi", id, st->names[i], name, a->file_types[i],
			       (long long)a->files[i]->len) != 1)
			return -1;
		gw_buf_printf(body, "\n%s: %s", gw_view_word(ctx, "L.Portal.Answer.File"), name);
	}
	return 0;
}

/* The owner hears of the answer at once (in the site's language): the
 * answer and the link to the complaint. 0 or -1. */
static int tell_owner(struct gw_ctx *ctx, const struct gw_complaint *c, const char *body)
{
	const char *was = ctx->lang, *site = hdf_get_value(ctx->cfg, "Mail.SiteURL", "");
	struct gw_mail m;

	if (!c->owner_id)
		return 0;
	ctx->lang = hdf_get_value(ctx->cfg, "App.Lang", "zh-CN");
	m.subject =
	    gw_arena_printf(&ctx->arena, "%s %s",
			    gw_view_word(ctx, "L.Complaints.Mail.AnsweredSubject"), c->tracking_no);
	m.text = gw_arena_printf(
	    &ctx->arena, "%s\n\n%s%s\n", body, site,
	    gw_url(ctx, "complaints", gw_arena_printf(&ctx->arena, "/%lld", c->id)));
	m.html = NULL;
	ctx->lang = was;
	return gw_complaint_mail_user_msg(ctx->db, c->owner_id, &m, NULL) < 0 ? -1 : 0;
}

/* The answer's events: public "answered", internal "resumed". 0 or -1. */
static int answer_events(struct gw_ctx *ctx, const struct gw_complaint *c,
			 const struct gw_complaint_answer *a, const struct stored *st)
{
	struct gw_buf body = {0}, resumed = {0};
	int rc;

	gw_buf_puts(&body, a->text);
	rc = file_rows(ctx, c->id, a, st, &body) ||
	     gw_complaint_event(ctx->db, c->id, 0, "answered", 1, body.p) ||
	     tell_owner(ctx, c, body.p) || gw_complaint_wait_end(ctx, c, "", &resumed) ||
	     gw_complaint_event(ctx->db, c->id, 0, "resumed", 0, resumed.n ? resumed.p : "") ||
	     gw_audit(ctx, "complaint.answer", "complaint", c->id, "files=%d", st->n);
	gw_buf_free(&body);
	gw_buf_free(&resumed);
	return rc ? -1 : 0;
}

/* In the transaction: the token, the claim, the caller's part, the events. */
static int answer_in_tx(struct gw_ctx *ctx, const struct gw_complaint *c,
			const struct gw_complaint_answer *a, const struct stored *st)
{
	int fresh = gw_form_token_use(ctx, a->token);
	long long n;

	if (fresh <= 0)
		return fresh == 0 ? GW_ANSWER_AGAIN : -1;
	n = gw_db_exec(ctx->db, SQL_CLAIM_WAITING, "ii", c->id, c->waiting_ts);
	if (n != 1)
		return n == 0 ? GW_ANSWER_NOT_WAITING : -1;
	if (a->also && a->also(ctx, NULL))
		return -1;
	return answer_events(ctx, c, a, st);
}

int gw_complaint_answer(struct gw_ctx *ctx, const struct gw_complaint *c,
			const struct gw_complaint_answer *a)
{
	struct stored st = {.n = 0};
	int rc;

	if (write_files(ctx, a, &st)) {
		gw_log_error("storing an answer's attachments failed");
		return GW_COMPLAINT_EFILES;
	}
	rc = gw_db_begin(ctx->db) ? -1 : answer_in_tx(ctx, c, a, &st);
	if (rc == GW_ANSWER_STORED) {
		int done = gw_db_commit(ctx->db);

		if (done == 0)
			return GW_ANSWER_STORED;
		if (done != -1) { /* neither committed nor not: the files stay */
			gw_log_error("answer commit outcome unknown: its files are kept");
			gw_db_rollback(ctx->db);
			return -1;
		}
	}
	gw_db_rollback(ctx->db);
	remove_files(ctx, &st);
	return rc == GW_ANSWER_STORED ? -1 : rc;
}
