/* status.c — the complaint look-up by tracking number and code, with the
 * public replies, the numbers of its duplicates, and the rating after
 * resolution. */
#include "guwen/complaint_db.h"
#include "guwen/complaint_record.h"
#include "guwen/complaint_wait.h"

#include "portal.h"

enum { L_TRACKING, L_CODE, L__N };

static const struct gw_fdef lookup_form[] = {
    [L_TRACKING] = {.name = "tracking",
		    .type = GW_F_TEXT,
		    .required = 1,
		    .maxlen = 80}, /* full-width digits take 3 bytes */
    [L_CODE] = {.name = "code", .type = GW_F_TEXT, .required = 1, .maxlen = 20},
    [L__N] = {.name = NULL},
};
GW_FORM_CHECK(lookup_form, L__N);

enum { AN_TEXT, AN__N };

static const struct gw_fdef answer_form[] = {
    [AN_TEXT] = {.name = "answer", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 5000},
    [AN__N] = {.name = NULL},
};
GW_FORM_CHECK(answer_form, AN__N);

static const char *const ratings[] = {"1", "2", "3", "4", "5", NULL};
enum { RT_RATING, RT_COMMENT, RT__N };

static const struct gw_fdef rate_form[] = {
    [RT_RATING] =
	{.name = "rating", .type = GW_F_CHOICE, .required = 1, .maxlen = 1, .choices = ratings},
    [RT_COMMENT] = {.name = "comment", .type = GW_F_TEXTAREA, .maxlen = 1000},
    [RT__N] = {.name = NULL},
};
GW_FORM_CHECK(rate_form, RT__N);

static const char SQL_LOOKUP[] =
    "SELECT id, tracking_no, verify_mac, stage, trust, created_at, resolved_at, closed_at, rating,"
    " rating_comment, waiting_since FROM complaints WHERE tracking_no = ?";
static const char SQL_REPLIES[] =
    "SELECT at, kind, body FROM complaint_events WHERE complaint_id = ? AND visibility = 'public'"
    " ORDER BY id";
/* complaints staff marked as duplicates of this one: their numbers only, never
 * whose they are or what they say */
static const char SQL_DUPLICATES[] =
    "SELECT tracking_no FROM complaints WHERE duplicate_of = ? ORDER BY id";
/* the question of the wait under way: the last one asked */
static const char SQL_QUESTION[] =
    "SELECT at, body FROM complaint_events WHERE complaint_id = ? AND kind = 'waiting'"
    " AND visibility = 'public' ORDER BY id DESC LIMIT 1";
static const char SQL_RATE[] =
    "UPDATE complaints SET rating = ?, rating_comment = NULLIF(?, ''), rated_at = ?,"
    " updated_at = ? WHERE id = ? AND rating IS NULL"
    " AND stage IN ('resolved', 'followup', 'closed')";

/* The look-up form (with what was typed, in Form.*). */
int status_page(struct gw_ctx *ctx)
{
	gw_hdf_set(ctx->hdf, "Page.Title", "Portal.Status.Title");
	return gw_view_render(ctx, "portal_status.cs");
}

/* GET /complaint/status[?tracking=TS-…] — the look-up form, the number filled
 * in when the link gave one (the received page's button, the mail's link; the
 * code is never in a URL). */
int status_form(struct gw_ctx *ctx)
{
	const char *typed = gw_query(&ctx->req, "tracking");
	char tracking[24];

	if (typed && !gw_complaint_tracking_normalize(typed, tracking))
		gw_hdf_set(ctx->hdf, "Form.tracking", tracking);
	return status_page(ctx);
}

/* Too many wrong codes from the address: Page.Until = the local time (HH:MM)
 * when it may look up again. 2, or -1 on a database error. */
static int locked(struct gw_ctx *ctx, long long max)
{
	int64_t at;
	char t[20];

	if (gw_rate_free_at(ctx, "lookup-fail", 3600, max, &at))
		return -1;
	gw_time_format(at + 59 + gw_tz_minutes(ctx) * 60LL, t);
	t[16] = '\0';
	gw_hdf_set(ctx->hdf, "Page.Until", t + 11);
	return 2;
}

/* Find the complaint for the typed number (normalised into tracking) + code into
 * Complaint.*; 1 found, 0 not (unknown number and wrong code look the same), 2
 * the address has had too many wrong codes this hour, -1 error. */
static int find_complaint(struct gw_ctx *ctx, const char *typed, const char *code,
			  char tracking[24])
{
	char mac[65];
	long long max = portal_limit(ctx, "Portal.LookupFailsPerHour", LOOKUP_FAILS_PER_HOUR);
	long long fails = gw_rate_count(ctx, "lookup-fail", 3600);
	int found = 0;

	if (fails < 0)
		return -1;
	if (fails >= max)
		return locked(ctx, max);
	if (!gw_complaint_tracking_normalize(typed, tracking))
		found = gw_db_row(ctx->db, ctx->hdf, "Complaint", SQL_LOOKUP, "s", tracking);
	if (found < 0)
		return -1;
	if (found && !gw_complaint_code_mac(ctx->keys, tracking, code, mac) &&
	    gw_crypto_equal(mac, hdf_get_value(ctx->hdf, "Complaint.verify_mac", ""), 64))
		return 1;
	gw_hdf_remove(ctx->hdf, "Complaint");
	gw_rate_hit(ctx, "lookup-fail");
	return 0;
}

/* The look-up form again with why nothing is shown. */
static int not_shown(struct gw_ctx *ctx, int found)
{
	if (found < 0)
		return 503;
	gw_hdf_set(ctx->hdf, "Page.Error", found == 2 ? "lookup_locked" : "not_found");
	return status_page(ctx);
}

/* Waiting for the complainant: the question asked and the answer form's token
 * (the one already posted when the page is shown again). 0 or -1. */
static int waiting_to_hdf(struct gw_ctx *ctx, long long id)
{
	const char *token = gw_form(&ctx->req, "token");

	if (!*hdf_get_value(ctx->hdf, "Complaint.waiting_since", ""))
		return 0;
	if (gw_db_row(ctx->db, ctx->hdf, "Question", SQL_QUESTION, "i", id) < 0)
		return -1;
	if (!token || !hdf_get_value(ctx->hdf, "Form.answer", NULL) ||
	    !strcmp(hdf_get_value(ctx->hdf, "Page.Error", ""), "answer_expired"))
		token = gw_csrf_form_token(ctx, "answer");
	gw_hdf_set(ctx->hdf, "Form.token", token);
	return 0;
}

static int show_status(struct gw_ctx *ctx, const char *tracking, const char *code)
{
	long long id = strtoll(hdf_get_value(ctx->hdf, "Complaint.id", "0"), NULL, 10);

	if (gw_db_rows(ctx->db, ctx->hdf, "Replies", SQL_REPLIES, "i", id) < 0 ||
	    gw_db_rows(ctx->db, ctx->hdf, "Duplicates", SQL_DUPLICATES, "i", id) < 0 ||
	    waiting_to_hdf(ctx, id))
		return 503;
	gw_hdf_remove(ctx->hdf, "Complaint.verify_mac");
	gw_hdf_set_int(ctx->hdf, "Complaint.StageIndex",
		       gw_stage_from(hdf_get_value(ctx->hdf, "Complaint.stage", "")));
	/* the rating form posts them back: a POST body, never the URL */
	gw_hdf_set(ctx->hdf, "Form.tracking", tracking);
	gw_hdf_set(ctx->hdf, "Form.code", code);
	gw_hdf_set(ctx->hdf, "Page.Title", "Portal.Status.Title");
	return gw_view_render(ctx, "portal_status.cs");
}

/* POST /complaint/status — the stage and replies; "not found"; or "too many
 * attempts, try again after HH:MM" (200 all). */
int status_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[L__N];
	char tracking[24];
	int found;

	if (GW_FORM_READ(ctx, lookup_form, v))
		return status_page(ctx);
	found = find_complaint(ctx, v[L_TRACKING].s, v[L_CODE].s, tracking);
	if (found != 1)
		return not_shown(ctx, found);
	return show_status(ctx, tracking, v[L_CODE].s);
}

/* POST /complaint/rate — store the rating once, then the status page again. */
int rate_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[RT__N], k[L__N];
	const char *now = gw_now_utc(ctx);
	char tracking[24];
	long long id;
	int found;

	if (GW_FORM_READ(ctx, lookup_form, k))
		return status_page(ctx);
	if ((found = find_complaint(ctx, k[L_TRACKING].s, k[L_CODE].s, tracking)) != 1)
		return not_shown(ctx, found);
	if (GW_FORM_READ(ctx, rate_form, v))
		return show_status(ctx, tracking, k[L_CODE].s);
	id = strtoll(hdf_get_value(ctx->hdf, "Complaint.id", "0"), NULL, 10);
	if (gw_db_exec(ctx->db, SQL_RATE, "isssi", atoll(v[RT_RATING].s), v[RT_COMMENT].s, now, now,
		       id) == 1) {
		gw_complaint_event(
		    ctx->db, id, 0, "rated", 0,
		    gw_arena_printf(&ctx->arena, "%s/5 %s", v[RT_RATING].s, v[RT_COMMENT].s));
		gw_hdf_set(ctx->hdf, "Complaint.rating", v[RT_RATING].s);
		gw_hdf_set(ctx->hdf, "Complaint.rating_comment", v[RT_COMMENT].s);
		gw_hdf_set(ctx->hdf, "Page.Notice", "rated");
	}
	return show_status(ctx, tracking, k[L_CODE].s);
}

/* In the answer's own transaction: the address counts one more answer. */
static int count_answer(struct gw_ctx *ctx, void *unused)
{
	(void)unused;
	return gw_rate_hit(ctx, "answer");
}

/* The status page after an answer: the complaint as it is now, with a notice
 * (Page.Notice) or a message (Page.Error) under the given key. */
static int answer_shown(struct gw_ctx *ctx, const char *tracking, const char *code,
			const char *notice, const char *error)
{
	gw_hdf_remove(ctx->hdf, "Complaint");
	if (gw_db_row(ctx->db, ctx->hdf, "Complaint", SQL_LOOKUP, "s", tracking) != 1)
		return 503;
	if (notice)
		gw_hdf_set(ctx->hdf, "Page.Notice", notice);
	if (error)
		gw_hdf_set(ctx->hdf, "Page.Error", error);
	return show_status(ctx, tracking, code);
}

/* Why the answer cannot be taken now (a message key), or NULL: a forged or
 * expired page, or too many answers from the address this hour. */
static const char *answer_refusal(struct gw_ctx *ctx, const char *token, int *err)
{
	enum gw_form_token t = gw_csrf_form_check(
	    ctx, "answer", token, 0, portal_limit(ctx, "Portal.FormMaxSeconds", FORM_MAX_SECONDS));
	long long n = gw_rate_count(ctx, "answer", 3600);

	*err = n < 0;
	if (t == GW_TOKEN_BAD || t == GW_TOKEN_EXPIRED)
		return "answer_expired";
	return n >= portal_limit(ctx, "Portal.AnswersPerHour", ANSWERS_PER_HOUR) ? "answer_limit"
										 : NULL;
}

/* Store the answer; the status page with what became of it. */
static int answer_store(struct gw_ctx *ctx, struct gw_complaint_answer *a, const char *tracking,
			const char *code)
{
	struct gw_complaint c;
	long long id = strtoll(hdf_get_value(ctx->hdf, "Complaint.id", "0"), NULL, 10);
	int rc = gw_complaint_load(ctx, id, &c);

	if (rc == 1)
		rc = gw_complaint_answer(ctx, &c, a);
	if (rc == GW_ANSWER_STORED || rc == GW_ANSWER_AGAIN) {
		gw_hdf_remove(ctx->hdf, "Form.answer");
		return answer_shown(ctx, tracking, code,
				    rc == GW_ANSWER_STORED ? "answered" : "answer_again", NULL);
	}
	if (rc == GW_ANSWER_NOT_WAITING)
		return answer_shown(ctx, tracking, code, NULL, "not_waiting");
	ctx->resp.status = 503; /* the text stays, the same token: trying again is safe */
	gw_response_header(&ctx->resp, "Retry-After", "120");
	gw_hdf_set(ctx->hdf, "Page.Error", "answer_unavailable");
	if (a->nfiles)
		gw_hdf_set(ctx->hdf, "Form.FilesAgain", "1");
	return show_status(ctx, tracking, code);
}

/* POST /complaint/answer — the complainant answers the question asked (text and
 * up to 3 photos or PDFs): 200 with the status page saying it was received
 * (the clock runs again), or received already for a form posted twice;
 * messages at the fields with the text kept; 503 with the text kept when it
 * cannot be stored. Anonymous: the tracking number and code are the key, the
 * signed form token the CSRF guard and idempotency key; answers per address
 * are limited. */
int answer_submit(struct gw_ctx *ctx)
{
	struct gw_fval k[L__N], v[AN__N];
	struct gw_complaint_answer a = {.also = count_answer};
	const char *why;
	char tracking[24];
	int found, bad, err;

	if (GW_FORM_READ(ctx, lookup_form, k))
		return status_page(ctx);
	if ((found = find_complaint(ctx, k[L_TRACKING].s, k[L_CODE].s, tracking)) != 1)
		return not_shown(ctx, found);
	bad = GW_FORM_READ(ctx, answer_form, v);
	bad += read_uploads(ctx, a.files, a.file_types, &a.nfiles);
	why = answer_refusal(ctx, gw_form(&ctx->req, "token"), &err);
	if (err)
		return 503;
	if (bad || why) {
		if (why)
			gw_hdf_set(ctx->hdf, "Page.Error", why);
		if (a.nfiles || gw_form_file(&ctx->req, "files"))
			gw_hdf_set(ctx->hdf, "Form.FilesAgain", "1");
		return show_status(ctx, tracking, k[L_CODE].s);
	}
	a.text = v[AN_TEXT].s;
	a.token = gw_form(&ctx->req, "token");
	return answer_store(ctx, &a, tracking, k[L_CODE].s);
}
