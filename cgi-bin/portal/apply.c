/* apply.c — the public onboarding application form (入驻申请): the same
 * anti-spam rules as the complaint form (signed form token as idempotency key,
 * suspected posts stored and marked, decoys only for a honeypot or a forged
 * token), a business licence scan checked by content, and a private link to
 * come back (only its SHA-256 is stored), shown once and mailed. */
#include "guwen/crypto.h"
#include "guwen/db.h"
#include "guwen/mail.h"

#include "portal.h"

static const struct gw_fdef apply_form[] = {
    [A_COMPANY] = {.name = "company_name", .type = GW_F_TEXT, .required = 1, .maxlen = 200},
    [A_USCC] = {.name = "uscc", .type = GW_F_USCC, .required = 1, .maxlen = 18},
    [A_CONTACT] = {.name = "contact_name", .type = GW_F_TEXT, .required = 1, .maxlen = 50},
    [A_PHONE] = {.name = "contact_phone", .type = GW_F_PHONE, .required = 1, .maxlen = 32},
    [A_EMAIL] = {.name = "contact_email", .type = GW_F_EMAIL, .maxlen = 254},
    [A__N] = {.name = NULL},
};
GW_FORM_CHECK(apply_form, A__N);

static const char SQL_INSERT[] =
    "INSERT INTO applications (link_hash, company_name, uscc, contact_name, contact_phone,"
    " contact_email, services, trust, suspect_reason, submitted_at, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''), ?,"
    " IF(? IS NULL, 'normal', 'suspect'), ?, ?, ?, ?)";
static const char SQL_FILE[] =
    "INSERT INTO application_files (application_id, stored_name, orig_name, ctype, size,"
    " created_at) VALUES (?, ?, ?, ?, ?, ?)";
static const char SQL_ROUND[] =
    "INSERT INTO application_rounds (application_id, round, form_key, company_name, uscc,"
    " contact_name, contact_phone, contact_email, services, licence_file_id, submitted_at)"
    " VALUES (?, ?, ?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''), ?, NULLIF(?, 0), ?)";
static const char SQL_BY_KEY[] =
    "SELECT a.id, a.contact_email FROM application_rounds r"
    " JOIN applications a ON a.id = r.application_id WHERE r.form_key = ?";

int apply_link_hash(const char *token, char out[65])
{
	unsigned char h[32];

	if (!token || strlen(token) != 64 || strspn(token, "0123456789abcdef") != 64)
		return -1;
	gw_crypto_sha256(token, 64, h);
	gw_hex_encode(h, 32, out);
	return 0;
}

const char *apply_link(struct gw_ctx *ctx, const char *token, const char *tail)
{
	return gw_url(ctx, "portal", gw_arena_printf(&ctx->arena, "/apply/s/%s%s", token, tail));
}

/* 1 when the body has services=key. */
static int chosen(struct gw_ctx *ctx, const char *key)
{
	for (size_t i = 0; i < ctx->req.body.n; i++)
		if (!strcmp(ctx->req.body.v[i].name, "services") &&
		    !strcmp(ctx->req.body.v[i].value, key))
			return 1;
	return 0;
}

/* The chosen services (application_services.h: Opt.Services) in their order,
 * "bookkeeping,cleanup" (unknown values left out; Form.services.<key> = 1 kept
 * for the page); "" and a message at the field when none is chosen. */
static const char *read_services(struct gw_ctx *ctx)
{
	const char *out = "";
	HDF *s;

	gw_app_services(ctx, "Opt.Services");
	for (s = hdf_get_child(ctx->hdf, "Opt.Services"); s; s = hdf_obj_next(s)) {
		const char *key = hdf_obj_name(s);

		if (!chosen(ctx, key) || strlen(out) + strlen(key) + 1 > 200)
			continue;
		gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "Form.services.%s", key), "1");
		out = gw_arena_printf(&ctx->arena, "%s%s%s", out, *out ? "," : "", key);
	}
	if (!*out)
		gw_form_error(ctx, "services", "need_service");
	return out;
}

/* The licence scan: PDF, JPEG or PNG by content, GW_UPLOAD_MAX at most;
 * required unless the round keeps the last one (required = 0). */
static int read_licence(struct gw_ctx *ctx, struct apply_data *d, int required)
{
	const struct gw_field *f = NULL;

	for (size_t i = 0; i < ctx->req.body.n; i++)
		if (!strcmp(ctx->req.body.v[i].name, "licence") && ctx->req.body.v[i].filename &&
		    ctx->req.body.v[i].filename[0])
			f = &ctx->req.body.v[i];
	if (!f)
		return required ? gw_form_error(ctx, "licence", "need_licence") : 0;
	if (f->len > GW_UPLOAD_MAX)
		return gw_form_error(ctx, "licence", "file_too_large");
	d->licence_type = gw_upload_sniff(f->value, f->len);
	if (!d->licence_type || !strcmp(d->licence_type, "image/gif") ||
	    !strcmp(d->licence_type, "image/webp"))
		return gw_form_error(ctx, "licence", "licence_type");
	d->licence = f;
	return 0;
}

int apply_read(struct gw_ctx *ctx, struct apply_data *d, int licence_required)
{
	struct gw_fval v[A__N];
	int bad = GW_FORM_READ(ctx, apply_form, v);

	d->company = v[A_COMPANY].s;
	d->uscc = v[A_USCC].s;
	d->contact = v[A_CONTACT].s;
	d->phone = v[A_PHONE].s;
	d->email = v[A_EMAIL].s;
	d->services = read_services(ctx);
	bad += !*d->services;
	return bad + read_licence(ctx, d, licence_required);
}

void apply_form_again(struct gw_ctx *ctx, const struct apply_data *d)
{
	if (d->licence || gw_form_file(&ctx->req, "licence"))
		gw_hdf_set(ctx->hdf, "Form.FilesAgain", "1");
}

/* The licence row of application id (file already written as stored); 0 when
 * there is none, else its id; -1 on error. */
long long apply_file_row(struct gw_ctx *ctx, long long id, const struct apply_data *d,
			 const char *stored)
{
	if (!d->licence)
		return 0;
	if (gw_db_exec(ctx->db, SQL_FILE, "isssis", id, stored,
		       gw_upload_short_name(ctx, d->licence->filename), d->licence_type,
		       (long long)d->licence->len, gw_now_utc(ctx)) != 1)
		return -1;
	return gw_db_insert_id(ctx->db);
}

/* A round's row; -3 when its form key was used already, -1 on error. */
int apply_round_row(struct gw_ctx *ctx, long long id, long long round, const struct apply_data *d,
		    long long file_id)
{
	if (gw_db_exec(ctx->db, SQL_ROUND, "iisssssssis", id, round, d->key, d->company, d->uscc,
		       d->contact, d->phone, d->email, d->services, file_id, gw_now_utc(ctx)) == 1)
		return 0;
	return gw_db_errno(ctx->db) == 1062 ? -3 : -1;
}

/* The mail with the private link (templates/mail/application_link.cs), in the
 * request's language; not for a suspected post (not a way to mail anyone). */
int apply_mail(struct gw_ctx *ctx, const struct apply_data *d, const char *token, const char *kind)
{
	const char *site = hdf_get_value(ctx->cfg, "Mail.SiteURL", "");
	HDF *data;
	long long id;

	if (!*d->email || d->suspect)
		return 0;
	data = gw_mail_data("Name", d->contact, "Company", d->company, "Kind", kind, "StatusURL",
			    gw_arena_printf(&ctx->arena, "%s%s", site, apply_link(ctx, token, "")),
			    NULL);
	if (!data)
		return -1;
	id = gw_mail_queue_cs(ctx->db, d->email,
			      hdf_get_value(ctx->cfg, "App.Templates", "templates"),
			      gw_view_words(ctx), data, "application_link");
	hdf_destroy(&data);
	return id < 0 ? -1 : 0;
}

/* In the transaction: the address counted, the application, its licence, its
 * first round and the mail. The id, -3 for a key used already, or -1. */
static long long create_in_tx(struct gw_ctx *ctx, const struct apply_data *d, const char *token,
			      const char *stored)
{
	char hash[65];
	const char *now = gw_now_utc(ctx);
	long long id, file_id;
	int rc;

	if (gw_rate_hit(ctx, "apply") || apply_link_hash(token, hash))
		return -1;
	if (gw_db_exec(ctx->db, SQL_INSERT, "ssssssssssss", hash, d->company, d->uscc, d->contact,
		       d->phone, d->email, d->services, d->suspect, d->suspect, now, now, now) != 1)
		return -1;
	id = gw_db_insert_id(ctx->db);
	if ((file_id = apply_file_row(ctx, id, d, stored)) < 0)
		return -1;
	if ((rc = apply_round_row(ctx, id, 1, d, file_id)) < 0)
		return rc;
	return apply_mail(ctx, d, token, "new") ? -1 : id;
}

/* Store a new application; its private link's token into token[65]. The id,
 * -3 when the form key was used already, -4 when the file could not be
 * written, -1 (database). */
static long long apply_create(struct gw_ctx *ctx, const struct apply_data *d, char token[65])
{
	char stored[33] = "";
	long long id;

	if (gw_crypto_token(32, token))
		return -1;
	if (d->licence && gw_upload_store(ctx, d->licence->value, d->licence->len, stored))
		return -4;
	if (gw_db_begin(ctx->db)) {
		id = -1;
	} else {
		id = create_in_tx(ctx, d, token, stored);
		if (id < 0 || gw_db_commit(ctx->db) < 0) {
			gw_db_rollback(ctx->db);
			id = id < 0 ? id : -1;
		}
	}
	if (id < 0 && *stored)
		gw_upload_remove(ctx, stored);
	return id;
}

static int show_apply_form(struct gw_ctx *ctx, const char *token)
{
	if (!hdf_get_obj(ctx->hdf, "Opt.Services"))
		gw_app_services(ctx, "Opt.Services");
	gw_hdf_set(ctx->hdf, "Page.Title", "Portal.Apply.Title");
	return gw_view_render_with_token(ctx, "portal_apply.cs", token);
}

/* GET /apply — the form (200). */
int apply_page(struct gw_ctx *ctx)
{
	return show_apply_form(ctx, gw_csrf_form_token(ctx, "apply"));
}

/* 503: the form again with everything typed and the same token. */
static int apply_unavailable(struct gw_ctx *ctx, const char *why, const char *token)
{
	ctx->resp.status = 503;
	gw_response_header(&ctx->resp, "Retry-After", "120");
	gw_hdf_set(ctx->hdf, "Page.Error", why);
	if (gw_form_file(&ctx->req, "licence"))
		gw_hdf_set(ctx->hdf, "Form.FilesAgain", "1");
	return show_apply_form(ctx, token);
}

/* The page a stored application gets: its private link (this once), or for
 * a form posted again the word that it was received before. */
static int show_applied(struct gw_ctx *ctx, const char *token, int mailed)
{
	const char *site = hdf_get_value(ctx->cfg, "Mail.SiteURL", "");

	if (token)
		gw_hdf_set(ctx->hdf, "Done.Link",
			   gw_arena_printf(&ctx->arena, "%s%s", site, apply_link(ctx, token, "")));
	gw_hdf_set_int(ctx->hdf, "Done.Mailed", mailed);
	gw_hdf_set(ctx->hdf, "Page.Title", "Portal.Apply.Received");
	return gw_view_render(ctx, "portal_applied.cs");
}

/* The same form posted again: received the first time; the link is not shown again. */
static int show_again(struct gw_ctx *ctx)
{
	gw_hdf_set_int(ctx->hdf, "Done.Again", 1);
	return show_applied(ctx, NULL, *hdf_get_value(ctx->hdf, "Again.contact_email", ""));
}

/* A filled honeypot or a forged token: a page that looks accepted, with a
 * link that leads nowhere, and nothing stored. */
static int decoy(struct gw_ctx *ctx)
{
	char token[65];
	const char *email = gw_form(&ctx->req, "contact_email");

	if (gw_crypto_token(32, token))
		return 500;
	return show_applied(ctx, token, email && *email);
}

int apply_suspicion(struct gw_ctx *ctx, enum gw_form_token t, const char **why)
{
	long long n = gw_rate_count(ctx, "apply", 3600);

	if (n < 0)
		return -1;
	*why = t == GW_TOKEN_TOO_FAST					       ? "fast"
	       : n >= portal_limit(ctx, "Portal.PostsPerHour", POSTS_PER_HOUR) ? "rate"
									       : NULL;
	return 0;
}

static int save(struct gw_ctx *ctx, struct apply_data *d, const char *token)
{
	char link[65];
	long long id = apply_create(ctx, d, link);

	if (id == -4)
		return apply_unavailable(ctx, "apply_unavailable_disk", token);
	if (id < 0)
		return gw_db_row(ctx->db, ctx->hdf, "Again", SQL_BY_KEY, "s", d->key) == 1
			   ? show_again(ctx)
			   : apply_unavailable(ctx, "apply_unavailable_db", token);
	return show_applied(ctx, link, *d->email && !d->suspect);
}

/* POST /apply — 200: the private link (a suspected post too: stored, marked
 * for staff); the word "received before" for a token already used; the form
 * again with messages at the fields; 503 with everything typed when the
 * database or the disk fails; a bot gets a page that looks accepted. */
int apply_submit(struct gw_ctx *ctx)
{
	struct apply_data d = {0};
	const char *token = gw_form(&ctx->req, "token");
	enum gw_form_token t = gw_csrf_form_check(
	    ctx, "apply", token, portal_limit(ctx, "Portal.FormMinSeconds", FORM_MIN_SECONDS),
	    portal_limit(ctx, "Portal.FormMaxSeconds", FORM_MAX_SECONDS));
	char key[65];
	int bad, found;

	if (portal_is_bot(ctx, t))
		return decoy(ctx);
	bad = apply_read(ctx, &d, 1);
	gw_csrf_form_key(token, key);
	d.key = key;
	if ((found = gw_db_row(ctx->db, ctx->hdf, "Again", SQL_BY_KEY, "s", key)) != 0)
		return found > 0 ? show_again(ctx)
				 : apply_unavailable(ctx, "apply_unavailable_db", token);
	if (t == GW_TOKEN_EXPIRED)
		gw_hdf_set(ctx->hdf, "Page.Error", "form_expired");
	if (bad || t == GW_TOKEN_EXPIRED) {
		apply_form_again(ctx, &d);
		return show_apply_form(ctx, gw_csrf_form_token(ctx, "apply"));
	}
	if (apply_suspicion(ctx, t, &d.suspect))
		return apply_unavailable(ctx, "apply_unavailable_db", token);
	return save(ctx, &d, token);
}
