/* portal.c — the public pages (no login): the complaint form, the status
 * look-up with the complainant's replies, and the rating after resolution. */
#include <stdlib.h>
#include <string.h>

#include "guwen/app.h"
#include "guwen/complaint_db.h"
#include "guwen/complaint_wait.h"
#include "guwen/csrf.h"
#include "guwen/form.h"
#include "guwen/hdfset.h"
#include "guwen/ratelimit.h"
#include "guwen/upload.h"
#include "guwen/valid.h"
#include "guwen/view.h"

/* Defaults of the Portal.* configuration keys. */
#define FORM_MIN_SECONDS 3         /* a person needs longer than this to fill the form */
#define FORM_MAX_SECONDS (2 * 3600) /* after this the page is shown again: "expired" */
#define POSTS_PER_HOUR 5           /* accepted complaints per address per hour */
#define LOOKUP_FAILS_PER_HOUR 10   /* wrong codes per address per hour */
#define ANSWERS_PER_HOUR 10        /* answers to a question per address per hour */

static int limit(struct gw_ctx *ctx, const char *key, int def)
{
	return hdf_get_int_value(ctx->cfg, key, def);
}

/* ---- on every page: the centre's phone and hours, the language switch ---------- */

#define CONTACT_SECONDS 60 /* Portal.ContactSeconds: an admin's change shows within this */

static const char SQL_CONTACT[] =
	"SELECT name, value FROM settings"
	" WHERE name IN ('centre_phone', 'office_hours_zh', 'office_hours_en')";

/* The word for an extension in a language ("转", "ext."). */
static const char *ext_word(struct gw_ctx *ctx, const char *lang)
{
	const char *was = ctx->lang, *w;

	ctx->lang = lang;
	w = gw_view_word(ctx, "L.Complaint.PhoneExt");
	ctx->lang = was;
	return w;
}

/* A settings row as the page values every visitor sees alike (Centre.*). */
static int contact_row(void *p, int n, char **v, const size_t *lens, const char *const *names)
{
	struct gw_ctx *ctx = p;
	char zh[64], en[64];

	(void)lens, (void)names;
	if (n < 2 || !v[0] || !v[1])
		return 0;
	if (!strcmp(v[0], "centre_phone")) {
		gw_phone_format(v[1], ext_word(ctx, "zh-CN"), zh, sizeof(zh));
		gw_phone_format(v[1], ext_word(ctx, "en"), en, sizeof(en));
		gw_view_set_global("Centre.Phone", v[1]);
		gw_view_set_global("Centre.PhoneZh", zh);
		gw_view_set_global("Centre.PhoneEn", en);
	} else {
		gw_view_set_global(!strcmp(v[0], "office_hours_en") ? "Centre.HoursEn"
								    : "Centre.HoursZh", v[1]);
	}
	return 0;
}

/* The centre's phone number and office hours (settings), read once a minute per
 * process into the values every page sees: the same for every visitor, so the
 * anonymous pages kept rendered stay correct (a change drops them: view.c). A
 * database error keeps the last ones. */
static void contact_refresh(struct gw_ctx *ctx)
{
	static time_t loaded;

	if (loaded && ctx->now - loaded < limit(ctx, "Portal.ContactSeconds", CONTACT_SECONDS))
		return;
	loaded = ctx->now;
	gw_view_set_global("Portal.Switch", "1");
	(void)gw_db_each(ctx->db, contact_row, ctx, SQL_CONTACT, NULL);
}

/* Where the switch leads back to: the page's own path when it is one that can
 * be fetched (a posted answer or rating: the look-up), else the start. */
static const char *page_back(const char *next)
{
	if (next && (!strcmp(next, "/complaint") || !strcmp(next, "/complaint/status")))
		return next;
	return next && !strncmp(next, "/complaint/", 11) ? "/complaint/status" : "/";
}

/* GET /lang?to=en&next=/complaint — the visitor's language (a cookie for a
 * year), then 303 back to the page (only a portal page; else the start). */
static int switch_lang(struct gw_ctx *ctx)
{
	const char *to = gw_query(&ctx->req, "to"), *next = page_back(gw_query(&ctx->req, "next"));

	if (!to || (strcmp(to, "en") && strcmp(to, "zh-CN")))
		return 400;
	gw_response_cookie(&ctx->resp, "gw_lang", to, 365L * 86400, ctx->https);
	return gw_redirect(ctx, "portal", next, NULL);
}

enum { F_NAME, F_PHONE, F_EMAIL, F_COMPANY, F_SUBJECT, F_HAPPENED, F_DESCRIPTION, F__N };

static const struct gw_fdef complaint_form[] = {
	[F_NAME] = { .name = "name", .type = GW_F_TEXT, .required = 1, .maxlen = 50 },
	[F_PHONE] = { .name = "phone", .type = GW_F_PHONE, .maxlen = 32 },
	[F_EMAIL] = { .name = "email", .type = GW_F_EMAIL, .maxlen = 254 },
	[F_COMPANY] = { .name = "company", .type = GW_F_TEXT, .maxlen = 100 },
	[F_SUBJECT] = { .name = "subject", .type = GW_F_TEXT, .maxlen = 100 },
	[F_HAPPENED] = { .name = "happened_on", .type = GW_F_DATE, .maxlen = 10 },
	[F_DESCRIPTION] = { .name = "description", .type = GW_F_TEXTAREA,
		.required = 1, .maxlen = 5000 },
	[F__N] = { .name = NULL },
};
GW_FORM_CHECK(complaint_form, F__N);

enum { L_TRACKING, L_CODE, L__N };

static const struct gw_fdef lookup_form[] = {
	[L_TRACKING] = { .name = "tracking", .type = GW_F_TEXT,
		.required = 1, .maxlen = 80 }, /* full-width digits take 3 bytes */
	[L_CODE] = { .name = "code", .type = GW_F_TEXT, .required = 1, .maxlen = 20 },
	[L__N] = { .name = NULL },
};
GW_FORM_CHECK(lookup_form, L__N);

enum { A_TEXT, A__N };

static const struct gw_fdef answer_form[] = {
	[A_TEXT] = { .name = "answer", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 5000 },
	[A__N] = { .name = NULL },
};
GW_FORM_CHECK(answer_form, A__N);

static const char *const ratings[] = { "1", "2", "3", "4", "5", NULL };
enum { RT_RATING, RT_COMMENT, RT__N };

static const struct gw_fdef rate_form[] = {
	[RT_RATING] = { .name = "rating", .type = GW_F_CHOICE,
		.required = 1, .maxlen = 1, .choices = ratings },
	[RT_COMMENT] = { .name = "comment", .type = GW_F_TEXTAREA, .maxlen = 1000 },
	[RT__N] = { .name = NULL },
};
GW_FORM_CHECK(rate_form, RT__N);

static const char SQL_LOOKUP[] =
	"SELECT id, tracking_no, verify_mac, stage, created_at, resolved_at, closed_at, rating,"
	" rating_comment, waiting_since FROM complaints WHERE tracking_no = ?";
static const char SQL_REPLIES[] =
	"SELECT at, kind, body FROM complaint_events WHERE complaint_id = ? AND visibility = 'public'"
	" ORDER BY id";
/* the question of the wait under way: the last one asked */
static const char SQL_QUESTION[] =
	"SELECT at, body FROM complaint_events WHERE complaint_id = ? AND kind = 'waiting'"
	" AND visibility = 'public' ORDER BY id DESC LIMIT 1";
static const char SQL_RATE[] =
	"UPDATE complaints SET rating = ?, rating_comment = NULLIF(?, ''), rated_at = ?,"
	" updated_at = ? WHERE id = ? AND rating IS NULL"
	" AND stage IN ('resolved', 'followup', 'closed')";

/* GET / — the public start: links to the complaint form and the look-up. */
static int portal_index(struct gw_ctx *ctx)
{
	gw_hdf_set(ctx->hdf, "Page.Title", "Portal.Title");
	return gw_view_render(ctx, "portal_index.cs");
}

static int show_complaint_form(struct gw_ctx *ctx, const char *token)
{
	gw_hdf_set(ctx->hdf, "Page.Title", "Portal.Complaint.Title");
	return gw_view_render_with_token(ctx, "portal_complaint.cs", token);
}

/* GET /complaint — the form (200). */
static int complaint_page(struct gw_ctx *ctx)
{
	return show_complaint_form(ctx, gw_csrf_form_token(ctx, "complaint"));
}

/* 503: the database or the disk failed. The form again with everything typed
 * (attachments must be chosen again: the page says so) and the same token, so
 * that trying again can never store it twice. */
static int unavailable(struct gw_ctx *ctx, const char *why, const char *token)
{
	ctx->resp.status = 503;
	gw_response_header(&ctx->resp, "Retry-After", "120");
	gw_hdf_set(ctx->hdf, "Page.Error", why);
	if (gw_form_file(&ctx->req, "files"))
		gw_hdf_set(ctx->hdf, "Form.FilesAgain", "1");
	return show_complaint_form(ctx, token);
}

/* The page a stored complaint gets: its number, and its code this once. */
static int show_received(struct gw_ctx *ctx, const char *tracking, const char *code, int mailed)
{
	gw_hdf_set(ctx->hdf, "Done.Tracking", tracking);
	gw_hdf_set(ctx->hdf, "Done.Code", code);
	gw_hdf_set_int(ctx->hdf, "Done.Mailed", mailed);
	gw_hdf_set(ctx->hdf, "Page.Title", "Portal.Complaint.Received");
	return gw_view_render(ctx, "portal_received.cs");
}

/* The same form posted again (double click, Back + resubmit, a retry after a
 * lost answer): the complaint stored the first time (in Again.*), without its
 * code, which is shown only once. */
static int show_again(struct gw_ctx *ctx)
{
	gw_hdf_set_int(ctx->hdf, "Done.Again", 1);
	return show_received(ctx, hdf_get_value(ctx->hdf, "Again.tracking_no", ""), "",
			     hdf_get_int_value(ctx->hdf, "Again.mailed", 0));
}

/* A filled honeypot or a forged token: a page that looks accepted, with a
 * number real ones never have (letters), and nothing stored. */
static int decoy(struct gw_ctx *ctx)
{
	char tracking[24], code[9];
	const char *email = gw_form(&ctx->req, "email");

	if (gw_complaint_decoy_no(gw_today(ctx), tracking) || gw_complaint_code(code))
		return 500;
	return show_received(ctx, tracking, code, email && *email);
}

/* The attachments (the complaint's and an answer's): up to 3 parts named
 * "files", images or PDF by content, 5 MiB each; 0, or 1 with the message. */
static int read_uploads(struct gw_ctx *ctx, const struct gw_field **files, const char **types,
			int *n)
{
	for (size_t i = 0; i < ctx->req.body.n; i++) {
		const struct gw_field *f = &ctx->req.body.v[i];
		const char *type;

		if (strcmp(f->name, "files") || !f->filename || !f->filename[0])
			continue;
		if (*n == GW_COMPLAINT_MAX_FILES)
			return gw_form_error(ctx, "files", "too_many_files");
		if (f->len > GW_UPLOAD_MAX)
			return gw_form_error(ctx, "files", "file_too_large");
		if (!(type = gw_upload_sniff(f->value, f->len)))
			return gw_form_error(ctx, "files", "file_type");
		types[*n] = type;
		files[(*n)++] = f;
	}
	return 0;
}

static int read_files(struct gw_ctx *ctx, struct gw_complaint_new *c)
{
	return read_uploads(ctx, c->files, c->file_types, &c->nfiles);
}

/* Field checks the table cannot say: a way to reach the person, no future date. */
static int check_complaint(struct gw_ctx *ctx, const struct gw_fval *v)
{
	int bad = 0;
	int32_t today = gw_today(ctx);

	if (!v[F_PHONE].present && !v[F_EMAIL].present &&
	    !hdf_get_value(ctx->hdf, "Form.phone.Error", NULL))
		bad += gw_form_error(ctx, "phone", "need_contact");
	if (v[F_HAPPENED].present && v[F_HAPPENED].i > today &&
	    !hdf_get_value(ctx->hdf, "Form.happened_on.Error", NULL))
		bad += gw_form_error(ctx, "happened_on", "future_date");
	return bad;
}

/* Only a filled honeypot or a forged token: people are never taken for bots. */
static int is_bot(struct gw_ctx *ctx, enum gw_form_token t)
{
	const char *pot = gw_form(&ctx->req, "website");

	return (pot && *pot) || t == GW_TOKEN_BAD;
}

/* In the complaint's own transaction: the address counts one more complaint. */
static int count_address(struct gw_ctx *ctx, void *unused)
{
	(void)unused;
	return gw_rate_hit(ctx, "complaint");
}

/* Why a post is suspected (待核实): sent faster than a person fills the form, or
 * one more than the address's limit this hour; *why NULL for neither. 0 or -1. */
static int suspicion(struct gw_ctx *ctx, enum gw_form_token t, const char **why)
{
	long long n = gw_rate_count(ctx, "complaint", 3600);

	if (n < 0)
		return -1;
	*why = t == GW_TOKEN_TOO_FAST ? "fast"
	       : n >= limit(ctx, "Portal.PostsPerHour", POSTS_PER_HOUR) ? "rate"
									: NULL;
	return 0;
}

static int save_complaint(struct gw_ctx *ctx, const struct gw_fval *v, struct gw_complaint_new *c,
			  const char *token, const char *key)
{
	char tracking[24], code[9];
	long long id;

	c->source = "web";
	c->name = v[F_NAME].s;
	c->phone = v[F_PHONE].s;
	c->email = v[F_EMAIL].s;
	c->company = v[F_COMPANY].s;
	c->subject_text = v[F_SUBJECT].s;
	c->happened_on = v[F_HAPPENED].s;
	c->description = v[F_DESCRIPTION].s;
	c->form_token = key;
	c->also = count_address;
	id = gw_complaint_create(ctx, c, tracking, code);
	if (id == GW_COMPLAINT_EFILES)
		return unavailable(ctx, "unavailable_disk", token);
	if (id < 0) /* stored by a post a moment ago with the same token? */
		return gw_complaint_by_token(ctx->db, ctx->hdf, "Again", key) == 1
			       ? show_again(ctx)
			       : unavailable(ctx, "unavailable_db", token);
	return show_received(ctx, tracking, code, v[F_EMAIL].present && !c->suspect);
}

/* POST /complaint — 200: the tracking number and code (a suspected post too:
 * stored, for staff to check); the same complaint's number again for a token
 * already used; the form again with messages at the fields; 503 with the form
 * and everything typed when the database or the disk fails; for a bot (honeypot,
 * forged token) a page that looks accepted with nothing stored. */
static int complaint_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[F__N];
	struct gw_complaint_new c = { 0 };
	const char *token = gw_form(&ctx->req, "token");
	enum gw_form_token t = gw_csrf_form_check(
		ctx, "complaint", token, limit(ctx, "Portal.FormMinSeconds", FORM_MIN_SECONDS),
		limit(ctx, "Portal.FormMaxSeconds", FORM_MAX_SECONDS));
	char key[65];
	int bad, found;

	if (is_bot(ctx, t))
		return decoy(ctx);
	bad = GW_FORM_READ(ctx, complaint_form, v);
	bad += check_complaint(ctx, v) + read_files(ctx, &c);
	gw_csrf_form_key(token, key);
	if ((found = gw_complaint_by_token(ctx->db, ctx->hdf, "Again", key)) != 0)
		return found > 0 ? show_again(ctx) : unavailable(ctx, "unavailable_db", token);
	if (t == GW_TOKEN_EXPIRED)
		gw_hdf_set(ctx->hdf, "Page.Error", "form_expired");
	if (bad || t == GW_TOKEN_EXPIRED) {
		if (c.nfiles || gw_form_file(&ctx->req, "files"))
			gw_hdf_set(ctx->hdf, "Form.FilesAgain", "1");
		return show_complaint_form(ctx, gw_csrf_form_token(ctx, "complaint"));
	}
	if (suspicion(ctx, t, &c.suspect))
		return unavailable(ctx, "unavailable_db", token);
	return save_complaint(ctx, v, &c, token, key);
}

/* The look-up form (with what was typed, in Form.*). */
static int status_page(struct gw_ctx *ctx)
{
	gw_hdf_set(ctx->hdf, "Page.Title", "Portal.Status.Title");
	return gw_view_render(ctx, "portal_status.cs");
}

/* GET /complaint/status[?tracking=TS-…] — the look-up form, the number filled
 * in when the link gave one (the received page's button, the mail's link; the
 * code is never in a URL). */
static int status_form(struct gw_ctx *ctx)
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
	long long max = limit(ctx, "Portal.LookupFailsPerHour", LOOKUP_FAILS_PER_HOUR);
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
static int status_submit(struct gw_ctx *ctx)
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
static int rate_submit(struct gw_ctx *ctx)
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
	if (gw_db_exec(ctx->db, SQL_RATE, "isssi", atoll(v[RT_RATING].s), v[RT_COMMENT].s, now, now, id) == 1) {
		gw_complaint_event(ctx->db, id, 0, "rated", 0,
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
		ctx, "answer", token, 0, limit(ctx, "Portal.FormMaxSeconds", FORM_MAX_SECONDS));
	long long n = gw_rate_count(ctx, "answer", 3600);

	*err = n < 0;
	if (t == GW_TOKEN_BAD || t == GW_TOKEN_EXPIRED)
		return "answer_expired";
	return n >= limit(ctx, "Portal.AnswersPerHour", ANSWERS_PER_HOUR) ? "answer_limit" : NULL;
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
static int answer_submit(struct gw_ctx *ctx)
{
	struct gw_fval k[L__N], v[A__N];
	struct gw_complaint_answer a = { .also = count_answer };
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
	a.text = v[A_TEXT].s;
	a.token = gw_form(&ctx->req, "token");
	return answer_store(ctx, &a, tracking, k[L_CODE].s);
}

/* Every page first refreshes the contact values; then the page itself. */
#define PAGE(name, fn)                                   \
	static int name(struct gw_ctx *ctx)              \
	{                                                \
		contact_refresh(ctx);                    \
		return fn(ctx);                          \
	}
PAGE(index_page, portal_index)
PAGE(form_page, complaint_page)
PAGE(form_post, complaint_submit)
PAGE(status_get, status_form)
PAGE(status_post, status_submit)
PAGE(rate_post, rate_submit)
PAGE(answer_post, answer_submit)
PAGE(lang_get, switch_lang)

static const struct gw_route routes[] = {
	{ "GET", "/", index_page, GW_PERM_PUBLIC, 0 },
	{ "GET", "/complaint", form_page, GW_PERM_PUBLIC, 0 },
	{ "POST", "/complaint", form_post, GW_PERM_PUBLIC, GW_ROUTE_NOCSRF },
	{ "GET", "/complaint/status", status_get, GW_PERM_PUBLIC, 0 },
	{ "POST", "/complaint/status", status_post, GW_PERM_PUBLIC, GW_ROUTE_NOCSRF },
	{ "POST", "/complaint/rate", rate_post, GW_PERM_PUBLIC, GW_ROUTE_NOCSRF },
	{ "POST", "/complaint/answer", answer_post, GW_PERM_PUBLIC, GW_ROUTE_NOCSRF },
	{ "GET", "/lang", lang_get, GW_PERM_PUBLIC, 0 },
	{ NULL, NULL, NULL, 0, 0 },
};

int main(void)
{
	static const struct gw_app app = { "portal", routes };

	return gw_app_run(&app);
}
