/* complaint.c — the public complaint form: signed form tokens as idempotency
 * keys, suspected posts stored (not refused), decoys only for bots. */
#include "guwen/complaint_db.h"

#include "portal.h"

enum { F_NAME, F_PHONE, F_EMAIL, F_COMPANY, F_SUBJECT, F_HAPPENED, F_DESCRIPTION, F__N };

static const struct gw_fdef complaint_form[] = {
    [F_NAME] = {.name = "name", .type = GW_F_TEXT, .required = 1, .maxlen = 50},
    [F_PHONE] = {.name = "phone", .type = GW_F_PHONE, .maxlen = 32},
    [F_EMAIL] = {.name = "email", .type = GW_F_EMAIL, .maxlen = 254},
    [F_COMPANY] = {.name = "company", .type = GW_F_TEXT, .maxlen = 100},
    [F_SUBJECT] = {.name = "subject", .type = GW_F_TEXT, .maxlen = 100},
    [F_HAPPENED] = {.name = "happened_on", .type = GW_F_DATE, .maxlen = 10},
    [F_DESCRIPTION] = {.name = "description", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 5000},
    [F__N] = {.name = NULL},
};
GW_FORM_CHECK(complaint_form, F__N);
static int show_complaint_form(struct gw_ctx *ctx, const char *token)
{
	gw_hdf_set(ctx->hdf, "Page.Title", "Portal.Complaint.Title");
	return gw_view_render_with_token(ctx, "portal_complaint.cs", token);
}

/* GET /complaint — the form (200). */
int complaint_page(struct gw_ctx *ctx)
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
int read_uploads(struct gw_ctx *ctx, const struct gw_field **files, const char **types, int *n)
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
	*why = t == GW_TOKEN_TOO_FAST					       ? "fast"
	       : n >= portal_limit(ctx, "Portal.PostsPerHour", POSTS_PER_HOUR) ? "rate"
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
int complaint_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[F__N];
	struct gw_complaint_new c = {0};
	const char *token = gw_form(&ctx->req, "token");
	enum gw_form_token t = gw_csrf_form_check(
	    ctx, "complaint", token, portal_limit(ctx, "Portal.FormMinSeconds", FORM_MIN_SECONDS),
	    portal_limit(ctx, "Portal.FormMaxSeconds", FORM_MAX_SECONDS));
	char key[65];
	int bad, found;

	if (portal_is_bot(ctx, t))
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
