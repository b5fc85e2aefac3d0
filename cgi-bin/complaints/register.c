/* register.c — complaints.fcgi: registering complaints taken by phone, visit or
 * e-mail (one complaint per form, however often it is sent). */
#include "guwen/form_key.h"

#include "complaints.h"

/* ---- forms ------------------------------------------------------------------ */

static const char *const source_choices[] = {"phone", "visit", "email", NULL};

enum {
	R_SOURCE,
	R_NAME,
	R_PHONE,
	R_EMAIL,
	R_COMPANY,
	R_CLIENT,
	R_CLIENT_Q,
	R_CLIENT_PICK,
	R_SUBJECT,
	R_ADVISOR,
	R_HAPPENED,
	R_DESCRIPTION,
	R__N
};

static const struct gw_fdef register_form[] = {
    [R_SOURCE] = {.name = "source",
		  .type = GW_F_CHOICE,
		  .required = 1,
		  .maxlen = 8,
		  .choices = source_choices},
    [R_NAME] = {.name = "name", .type = GW_F_TEXT, .required = 1, .maxlen = 100},
    [R_PHONE] = {.name = "phone", .type = GW_F_PHONE, .maxlen = 32},
    [R_EMAIL] = {.name = "email", .type = GW_F_EMAIL, .maxlen = 254},
    [R_COMPANY] = {.name = "company", .type = GW_F_TEXT, .maxlen = 200},
    /* the client: found by the search field client_q (client_pick.h), its id
     * kept in client, or chosen from the pick list (client_pick) */
    [R_CLIENT] = {.name = "client", .type = GW_F_INT, .maxlen = 10, .min = 1, .max = MAX_ID},
    [R_CLIENT_Q] = {.name = "client_q", .type = GW_F_TEXT, .maxlen = 200},
    [R_CLIENT_PICK] =
	{.name = "client_pick", .type = GW_F_INT, .maxlen = 10, .min = 1, .max = MAX_ID},
    [R_SUBJECT] = {.name = "subject", .type = GW_F_TEXT, .maxlen = 200},
    [R_ADVISOR] = {.name = "advisor", .type = GW_F_INT, .maxlen = 10, .min = 1, .max = MAX_ID},
    [R_HAPPENED] = {.name = "happened_on", .type = GW_F_DATE, .maxlen = 10},
    [R_DESCRIPTION] = {.name = "description", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 5000},
    [R__N] = {.name = NULL},
};
GW_FORM_CHECK(register_form, R__N);

static const char SQL_ADVISOR_OK[] =
    "SELECT COUNT(*) FROM users WHERE id = ? AND active = 1 AND role = 'advisor'";

static int new_form_page(struct gw_ctx *ctx)
{
	if (gw_form_key_show(ctx))
		return 500;
	choice_options(ctx, "Opt.Sources", "L.Complaint.Sources", source_choices);
	options(ctx, "Opt.Advisors", SQL_ADVISORS, option_row);
	gw_hdf_set(ctx->hdf, "Page.Title", "Complaints.NewTitle");
	gw_hdf_set(ctx->hdf, "Page.Nav", "complaints");
	return gw_view_render(ctx, "complaints_new.cs");
}

/* GET /new[?client=N] — 200 the form for a complaint taken by phone, on a
 * visit or by e-mail, with a fresh key that registers it once however often the
 * form is sent; from a client's page, that client chosen (if in the user's
 * lists) and its name as the company. */
int new_page(struct gw_ctx *ctx)
{
	int64_t client = 0;
	const char *q = gw_query(&ctx->req, "client");

	gw_hdf_set(ctx->hdf, "Form.source", "phone");
	if (q && !gw_valid_int(q, 1, MAX_ID, &client) &&
	    gw_client_pick_id(ctx, "client", 0, client) == 1)
		gw_hdf_set(ctx->hdf, "Form.company", hdf_get_value(ctx->hdf, "Form.client_q", ""));
	return new_form_page(ctx);
}

/* The form's client (client_pick.h); the number of bad fields (a pick list
 * or a message at the field), or -1 on a database error. */
static int pick_client(struct gw_ctx *ctx, const struct gw_fval *v, long long *id)
{
	int r = gw_client_pick(ctx, "client", 0, v[R_CLIENT_PICK].i, v[R_CLIENT].i,
			       gw_form(&ctx->req, "client_q"), id);

	if (r < 0)
		return -1;
	return r == GW_PICK_MANY || r == GW_PICK_NOTFOUND;
}

/* 查找客户 (find the client) — the form again with the client found or the
 * pick list, the other input kept and not yet checked: nothing registered. */
static int find_client(struct gw_ctx *ctx)
{
	struct gw_fval v[R__N];
	long long id;

	GW_FORM_READ(ctx, register_form, v);
	for (int i = 0; register_form[i].name; i++)
		gw_hdf_remove(ctx->hdf,
			      gw_arena_printf(&ctx->arena, "Form.%s.Error", register_form[i].name));
	gw_hdf_remove(ctx->hdf, "Form.HasErrors");
	if (pick_client(ctx, v, &id) < 0)
		return 500;
	return new_form_page(ctx);
}

/* The same form sent again: 303 to the complaint it registered (its code is not
 * shown again, and the page says so), or to the list while the first is still
 * being stored. */
static int already_registered(struct gw_ctx *ctx, const char *key)
{
	long long id = 0;

	if (gw_form_key_find(ctx, key, &id))
		return 500;
	return gw_redirect(ctx, "complaints", id > 0 ? path_of(ctx, id) : "/",
			   "already_registered");
}

int exists(struct gw_ctx *ctx, const char *sql, long long id)
{
	long long n = 0;

	return gw_db_int(ctx->db, &n, sql, "i", id) == 1 && n > 0;
}

/* The checks the field table cannot express. Returns the number of bad fields. */
static int register_checks(struct gw_ctx *ctx, const struct gw_fval *v)
{
	int bad = 0;
	int32_t today = gw_today(ctx);

	if (!v[R_PHONE].present && !v[R_EMAIL].present)
		bad += gw_form_error(ctx, "phone", "need_contact");
	if (v[R_HAPPENED].present && v[R_HAPPENED].i > today && !gw_form_failed(ctx, "happened_on"))
		bad += gw_form_error(ctx, "happened_on", "future_date");
	if (v[R_ADVISOR].i > 0 && !exists(ctx, SQL_ADVISOR_OK, v[R_ADVISOR].i))
		bad += gw_form_error(ctx, "advisor", "bad_choice");
	return bad;
}

/* The page right after registering: the only time the verification code is
 * shown (it is stored only as a keyed hash; never in a URL, a cookie or a log). */
static int show_created(struct gw_ctx *ctx, long long id, const char *tracking, const char *code,
			int mailed)
{
	struct gw_complaint c;
	int rc;

	drop(ctx, "Form");
	gw_hdf_set(ctx->hdf, "Created.Tracking", tracking);
	gw_hdf_set(ctx->hdf, "Created.Code", code);
	if (mailed)
		gw_hdf_set_int(ctx->hdf, "Created.Mailed", 1);
	rc = load(ctx, id, &c);
	if (rc == 0) { /* registered, but not in this user's lists */
		gw_hdf_set(ctx->hdf, "Page.Title", "Complaints.CreatedTitle");
		gw_hdf_set(ctx->hdf, "Page.Nav", "complaints");
		return gw_view_render(ctx, "complaints_created.cs");
	}
	return rc < 0 ? 500 : show_page(ctx, &c);
}

/* POST /new — 200 the new complaint's page with its tracking number and code;
 * 200 the form with messages at the fields when something is wrong. */
int new_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[R__N];
	struct gw_complaint_new c = {0};
	char tracking[24], code[9];
	const char *lang, *key;
	long long id, client = 0;
	int bad, picked;

	if (gw_form(&ctx->req, "find_client"))
		return find_client(ctx);
	bad = GW_FORM_READ(ctx, register_form, v) + register_checks(ctx, v);
	if ((picked = pick_client(ctx, v, &client)) < 0)
		return 500;
	if (bad + picked)
		return new_form_page(ctx);
	c.source = v[R_SOURCE].s;
	c.name = v[R_NAME].s;
	c.phone = v[R_PHONE].s;
	c.email = v[R_EMAIL].s;
	c.company = v[R_COMPANY].s;
	c.subject_text = v[R_SUBJECT].s;
	c.description = v[R_DESCRIPTION].s;
	c.happened_on = v[R_HAPPENED].present ? v[R_HAPPENED].s : NULL;
	c.client_id = client;
	c.advisor_id = v[R_ADVISOR].i;
	if ((key = gw_form_key(ctx))) { /* no key: a form from before keys registers as before */
		c.also = gw_form_key_use;
		c.also_arg = (void *)key;
	}
	lang = public_lang(ctx); /* the acknowledgement mail goes to the complainant */
	id = gw_complaint_create(ctx, &c, tracking, code);
	ctx->lang = lang;
	if (id == -2)
		return already_registered(ctx, key);
	if (id < 0)
		return 500;
	if (key)
		gw_form_key_done(ctx, key, id);
	gw_audit(ctx, "complaint.create", "complaint", id, "source=%s", c.source);
	return show_created(ctx, id, tracking, code, v[R_EMAIL].present);
}
