/* people.c — clients.fcgi: a client's contacts (one primary) and leads, its
 * "last contact" and its verification (数据核验): each change in the history
 * with who, when and why. */
#include "clients.h"

enum { C_NAME, C_ROLE, C_PHONE, C_EMAIL, C_WECHAT, C_QQ, C_PRIMARY, C__N };
static const struct gw_fdef contact_form[] = {
    [C_NAME] = {.name = "name", .type = GW_F_TEXT, .required = 1, .maxlen = 100},
    [C_ROLE] = {.name = "role", .type = GW_F_TEXT, .maxlen = 100},
    [C_PHONE] = {.name = "phone", .type = GW_F_PHONE, .maxlen = 32},
    [C_EMAIL] = {.name = "email", .type = GW_F_EMAIL, .maxlen = 254},
    [C_WECHAT] = {.name = "wechat", .type = GW_F_TEXT, .maxlen = 64},
    [C_QQ] = {.name = "qq", .type = GW_F_INT, .maxlen = 12, .min = 10000, .max = 999999999999LL},
    [C_PRIMARY] = {.name = "primary", .type = GW_F_CHECKBOX},
    [C__N] = {.name = NULL},
};
GW_FORM_CHECK(contact_form, C__N);

enum { L_USER, L__N };
static const struct gw_fdef lead_form[] = {
    [L_USER] =
	{.name = "user", .type = GW_F_INT, .required = 1, .maxlen = 10, .min = 1, .max = MAX_ID},
    [L__N] = {.name = NULL},
};
GW_FORM_CHECK(lead_form, L__N);

enum { V_NOTE, V__N };
static const struct gw_fdef verify_form[] = {
    [V_NOTE] = {.name = "note", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 500},
    [V__N] = {.name = NULL},
};
GW_FORM_CHECK(verify_form, V__N);

enum { T_ON, T_NOTE, T__N };
static const struct gw_fdef contacted_form[] = {
    [T_ON] = {.name = "contacted_on", .type = GW_F_DATE, .required = 1, .maxlen = 10},
    [T_NOTE] = {.name = "contacted_note", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 500},
    [T__N] = {.name = NULL},
};
GW_FORM_CHECK(contacted_form, T__N);

static const char SQL_CONTACT[] =
    "INSERT INTO client_contacts (client_id, name, role, phone, email, wechat, qq, is_primary,"
    " created_at, updated_at) VALUES (?, ?, NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''),"
    " NULLIF(?, ''), NULLIF(?, ''), 0, UTC_TIMESTAMP(), UTC_TIMESTAMP())";
static const char SQL_UNPRIMARY[] =
    "UPDATE client_contacts SET is_primary = 0 WHERE client_id = ? AND is_primary = 1";
static const char SQL_PRIMARY[] =
    "UPDATE client_contacts SET is_primary = 1, updated_at = UTC_TIMESTAMP()"
    " WHERE id = ? AND client_id = ?";
static const char SQL_COPY_PRIMARY[] =
    "UPDATE clients c JOIN client_contacts p ON p.client_id = c.id AND p.id = ?"
    " SET c.contact_name = p.name, c.contact_phone = p.phone, c.contact_email = p.email,"
    " c.updated_at = UTC_TIMESTAMP() WHERE c.id = ?";
static const char SQL_CONTACT_NAME[] =
    "SELECT name FROM client_contacts WHERE id = ? AND client_id = ?";
static const char SQL_LEAD_OK[] = "SELECT name FROM users WHERE id = ? AND active = 1"
				  " AND role IN ('advisor', 'manager', 'director')";
static const char SQL_DEL_LEAD[] = "DELETE FROM client_leads WHERE client_id = ? AND user_id = ?";
static const char SQL_MAIN_LEAD[] =
    "UPDATE clients SET lead_id = (SELECT MIN(user_id) FROM client_leads WHERE client_id = ?)"
    " WHERE id = ? AND lead_id = ?";
static const char SQL_USER_NAME[] = "SELECT name FROM users WHERE id = ?";
/* who may be made a lead, by name (ix_users_active_name) */
static const char SQL_USERS[] = "SELECT id, name FROM users WHERE active = 1"
				" AND role IN ('advisor', 'manager', 'director') ORDER BY name";
static const char SQL_VERIFY[] =
    "UPDATE clients SET verified_at = UTC_TIMESTAMP(), verified_by = ? WHERE id = ?";

/* A change and its history row in one transaction: fn does the change
 * (0 or -1); then the history row of kind with reason. 0 or an HTTP status. */
static int in_tx(struct gw_ctx *ctx, long long id, const char *kind, const char *reason,
		 int (*fn)(struct gw_ctx *, long long, void *), void *arg)
{
	if (gw_db_begin(ctx->db))
		return 503;
	if (fn(ctx, id, arg) || gw_client_history(ctx, id, kind, reason) < 0 ||
	    gw_db_commit(ctx->db)) {
		gw_db_rollback(ctx->db);
		return gw_db_unavailable(ctx->db) ? 503 : 500;
	}
	return 0;
}

static int saved(struct gw_ctx *ctx, long long id, const char *flash, int rc)
{
	return rc ? rc : gw_redirect(ctx, "clients", client_path(ctx, id, NULL), flash);
}

/* ---- contacts ---- */

struct contact_in {
	const struct gw_fval *v;
	const char *phone;
};

static int set_primary(struct gw_ctx *ctx, long long id, long long cid)
{
	return gw_db_exec(ctx->db, SQL_UNPRIMARY, "i", id) < 0 ||
		       gw_db_exec(ctx->db, SQL_PRIMARY, "ii", cid, id) != 1 ||
		       gw_db_exec(ctx->db, SQL_COPY_PRIMARY, "ii", cid, id) < 0
		   ? -1
		   : 0;
}

static int add_contact(struct gw_ctx *ctx, long long id, void *p)
{
	struct contact_in *in = p;
	const struct gw_fval *v = in->v;
	long long cid;

	if (gw_db_exec(ctx->db, SQL_CONTACT, "issssss", id, v[C_NAME].s, v[C_ROLE].s, in->phone,
		       v[C_EMAIL].s, v[C_WECHAT].s, v[C_QQ].s) != 1)
		return -1;
	cid = gw_db_insert_id(ctx->db);
	return v[C_PRIMARY].i ? set_primary(ctx, id, cid) : 0;
}

/* POST /:id/contacts — 303 to the client with the new contact; 200 the page
 * with the messages at the contact form's fields. */
int contact_submit(struct gw_ctx *ctx)
{
	struct gw_client c;
	struct gw_fval v[C__N];
	struct contact_in in = {v, ""};
	int level, rc = open_client(ctx, &c, &level);

	if (rc != 1)
		return rc;
	if (GW_FORM_READ(ctx, contact_form, v))
		return show_client(ctx, &c, level);
	if (v[C_PHONE].present)
		in.phone = phone_normal(ctx, v[C_PHONE].s);
	rc = in_tx(ctx, c.id, "contact", gw_arena_printf(&ctx->arena, "+ %s", v[C_NAME].s),
		   add_contact, &in);
	return saved(ctx, c.id, "contact_added", rc);
}

static int make_primary(struct gw_ctx *ctx, long long id, void *p)
{
	return set_primary(ctx, id, *(long long *)p);
}

/* POST /:id/contacts/:cid/primary — 303 to the client, the contact its primary one. */
int primary_submit(struct gw_ctx *ctx)
{
	struct gw_client c;
	long long cid = gw_param_id(ctx, 1);
	int level, rc = open_client(ctx, &c, &level);

	if (rc != 1)
		return rc;
	if (gw_db_row(ctx->db, ctx->hdf, "Chk.Contact", SQL_CONTACT_NAME, "ii", cid, c.id) != 1)
		return 404;
	rc = in_tx(
	    ctx, c.id, "contact",
	    gw_arena_printf(&ctx->arena, "* %s", hdf_get_value(ctx->hdf, "Chk.Contact.name", "")),
	    make_primary, &cid);
	return saved(ctx, c.id, "contact_primary", rc);
}

/* ---- leads ---- */

static int add_lead(struct gw_ctx *ctx, long long id, void *p)
{
	return gw_client_add_lead(ctx, id, *(long long *)p) < 0 ? -1 : 0;
}

/* The page of the form that adds a lead: the staff who may lead, by name (on
 * a page of its own: the client's page, seen far more often, does not list
 * every one of them). */
static int show_lead_form(struct gw_ctx *ctx, const struct gw_client *c)
{
	gw_hdf_set_int(ctx->hdf, "Client.id", c->id);
	gw_hdf_set(ctx->hdf, "Client.name", c->name);
	options(ctx, "Opt.Users", SQL_USERS);
	page(ctx, "Clients.AddLead");
	return gw_view_render(ctx, "clients_lead.cs");
}

/* GET /:id/leads — 200 the form that adds a lead (basic information only). */
int lead_page(struct gw_ctx *ctx)
{
	struct gw_client c;
	int level, rc = open_client_upto(ctx, &c, &level, 1);

	return rc == 1 ? show_lead_form(ctx, &c) : rc;
}

/* POST /:id/leads — 303 to the client with one more lead; 200 the form again
 * with the message at the field. */
int lead_submit(struct gw_ctx *ctx)
{
	struct gw_client c;
	struct gw_fval v[L__N];
	int level, rc = open_client_upto(ctx, &c, &level, 1);

	if (rc != 1)
		return rc;
	if (GW_FORM_READ(ctx, lead_form, v) ||
	    (gw_db_row(ctx->db, ctx->hdf, "Chk.Lead", SQL_LEAD_OK, "i", v[L_USER].i) != 1 &&
	     gw_form_error(ctx, "user", "bad_choice")))
		return show_lead_form(ctx, &c);
	rc = in_tx(
	    ctx, c.id, "lead",
	    gw_arena_printf(&ctx->arena, "+ %s", hdf_get_value(ctx->hdf, "Chk.Lead.name", "")),
	    add_lead, &v[L_USER].i);
	return saved(ctx, c.id, "lead_added", rc);
}

static int remove_lead(struct gw_ctx *ctx, long long id, void *p)
{
	long long uid = *(long long *)p;

	return gw_db_exec(ctx->db, SQL_DEL_LEAD, "ii", id, uid) < 0 ||
		       gw_db_exec(ctx->db, SQL_MAIN_LEAD, "iii", id, id, uid) < 0
		   ? -1
		   : 0;
}

/* POST /:id/leads/:uid/remove — 303 to the client without that lead. */
int lead_remove(struct gw_ctx *ctx)
{
	struct gw_client c;
	long long uid = gw_param_id(ctx, 1);
	int level, rc = open_client(ctx, &c, &level);

	if (rc != 1)
		return rc;
	if (gw_db_row(ctx->db, ctx->hdf, "Chk.Lead", SQL_USER_NAME, "i", uid) != 1)
		return 404;
	rc = in_tx(
	    ctx, c.id, "lead",
	    gw_arena_printf(&ctx->arena, "- %s", hdf_get_value(ctx->hdf, "Chk.Lead.name", "")),
	    remove_lead, &uid);
	return saved(ctx, c.id, "lead_removed", rc);
}

/* ---- verified, last contact ---- */

static int verify(struct gw_ctx *ctx, long long id, void *p)
{
	(void)p;
	return gw_db_exec(ctx->db, SQL_VERIFY, "ii", ctx->user->id, id) < 0 ? -1 : 0;
}

/* POST /:id/verify — 303 to the client, verified (数据核验) today by the user. */
int verify_submit(struct gw_ctx *ctx)
{
	struct gw_client c;
	struct gw_fval v[V__N];
	int level, rc = open_client(ctx, &c, &level);

	if (rc != 1)
		return rc;
	if (GW_FORM_READ(ctx, verify_form, v))
		return show_client(ctx, &c, level);
	rc = in_tx(ctx, c.id, "verified", v[V_NOTE].s, verify, NULL);
	return saved(ctx, c.id, "client_verified", rc);
}

static int contacted(struct gw_ctx *ctx, long long id, void *p)
{
	return gw_client_contact_set(ctx->db, id, (const char *)p, 1);
}

/* POST /:id/contacted — 303 to the client with its last contact date set
 * (not in the future). */
int contacted_submit(struct gw_ctx *ctx)
{
	struct gw_client c;
	struct gw_fval v[T__N];
	int level, rc = open_client(ctx, &c, &level);

	if (rc != 1)
		return rc;
	if (GW_FORM_READ(ctx, contacted_form, v) ||
	    (v[T_ON].i > gw_today(ctx) && gw_form_error(ctx, "contacted_on", "future_date")))
		return show_client(ctx, &c, level);
	rc = in_tx(ctx, c.id, "contacted",
		   gw_arena_printf(&ctx->arena, "%s: %s", v[T_ON].s, v[T_NOTE].s), contacted,
		   (void *)v[T_ON].s);
	return saved(ctx, c.id, "client_contacted", rc);
}
