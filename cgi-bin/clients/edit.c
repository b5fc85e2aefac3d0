/* edit.c — clients.fcgi: creating a client and editing its record. Every
 * field is checked as declared (USCC and ID number check digits, phone, e-mail);
 * a bad one shows the form again with the message at the field and all the
 * rest kept. An edit needs a reason and keeps every old value in the history;
 * only the classes the user may see are in the form or changed by it. */
#include "clients.h"

enum {
	F_NAME,
	F_USCC,
	F_INDUSTRY,
	F_ADDRESS,
	F_TIER,
	F_DEPT,
	F_LEAD,
	F_REP_NAME,
	F_REP_ID,
	F_MAIN,
	F_FINANCING,
	F_LOAN,
	F_C_NAME,
	F_C_ROLE,
	F_C_PHONE,
	F_C_EMAIL,
	F_C_WECHAT,
	F_C_QQ,
	F_REASON,
	F_VERSION,
	F__N
};

static const struct gw_fdef client_form[] = {
    [F_NAME] = {.name = "name", .type = GW_F_TEXT, .required = 1, .maxlen = 200},
    [F_USCC] = {.name = "uscc", .type = GW_F_USCC, .maxlen = 18},
    [F_INDUSTRY] = {.name = "industry", .type = GW_F_TEXT, .maxlen = 50},
    [F_ADDRESS] = {.name = "address", .type = GW_F_TEXT, .maxlen = 300},
    [F_TIER] =
	{.name = "tier", .type = GW_F_CHOICE, .required = 1, .maxlen = 8, .choices = tier_keys},
    [F_DEPT] = {.name = "department", .type = GW_F_INT, .maxlen = 10, .min = 1, .max = MAX_ID},
    [F_LEAD] = {.name = "lead", .type = GW_F_INT, .maxlen = 10, .min = 1, .max = MAX_ID},
    [F_REP_NAME] = {.name = "legal_rep_name", .type = GW_F_TEXT, .maxlen = 100},
    [F_REP_ID] = {.name = "legal_rep_id", .type = GW_F_IDCARD, .maxlen = 18},
    [F_MAIN] = {.name = "main_business", .type = GW_F_TEXTAREA, .maxlen = 2000},
    [F_FINANCING] = {.name = "financing_needs", .type = GW_F_TEXTAREA, .maxlen = 2000},
    [F_LOAN] = {.name = "loan_purpose", .type = GW_F_TEXTAREA, .maxlen = 2000},
    [F_C_NAME] = {.name = "contact_name", .type = GW_F_TEXT, .maxlen = 100},
    [F_C_ROLE] = {.name = "contact_role", .type = GW_F_TEXT, .maxlen = 100},
    [F_C_PHONE] = {.name = "contact_phone", .type = GW_F_PHONE, .maxlen = 32},
    [F_C_EMAIL] = {.name = "contact_email", .type = GW_F_EMAIL, .maxlen = 254},
    [F_C_WECHAT] = {.name = "contact_wechat", .type = GW_F_TEXT, .maxlen = 64},
    [F_C_QQ] =
	{.name = "contact_qq", .type = GW_F_INT, .maxlen = 12, .min = 10000, .max = 999999999999LL},
    [F_REASON] = {.name = "reason", .type = GW_F_TEXTAREA, .maxlen = 500},
    [F_VERSION] = {.name = "version", .type = GW_F_INT, .maxlen = 10, .min = 0, .max = MAX_ID},
    [F__N] = {.name = NULL},
};
GW_FORM_CHECK(client_form, F__N);

static const char SQL_DEPTS[] = "SELECT id, name FROM departments WHERE active = 1 ORDER BY name";
static const char SQL_LEADS[] = "SELECT id, name FROM users WHERE active = 1"
				" AND role IN ('advisor', 'manager', 'director') ORDER BY name";
static const char SQL_DEPT_OK[] = "SELECT COUNT(*) FROM departments WHERE id = ? AND active = 1";
static const char SQL_LEAD_OK[] = "SELECT COUNT(*) FROM users WHERE id = ? AND active = 1"
				  " AND role IN ('advisor', 'manager', 'director')";

#define SQL_SET_BASIC                                                                              \
	"UPDATE clients SET name = ?, uscc = NULLIF(?, ''), industry = NULLIF(?, ''),"             \
	" address = NULLIF(?, ''), tier = ?, department_id = NULLIF(?, 0),"                        \
	" lead_id = NULLIF(?, 0), legal_rep_name = NULLIF(?, ''),"
static const char SQL_UPDATE1[] =
    SQL_SET_BASIC " version = version + 1, updated_at = UTC_TIMESTAMP()"
		  " WHERE id = ? AND version = ?";
static const char SQL_UPDATE2[] = SQL_SET_BASIC
    " main_business = NULLIF(?, ''), financing_needs = NULLIF(?, ''),"
    " loan_purpose = NULLIF(?, ''), version = version + 1, updated_at = UTC_TIMESTAMP()"
    " WHERE id = ? AND version = ?";
static const char SQL_SET_ID[] =
    "UPDATE clients SET legal_rep_id = ?, legal_rep_id_bidx = ? WHERE id = ?";

/* The form's selects, the classes the user may fill in, and the page. */
static int form_page(struct gw_ctx *ctx, int level, long long id)
{
	options(ctx, "Opt.Departments", SQL_DEPTS);
	options(ctx, "Opt.Leads", SQL_LEADS);
	for (int i = 0; tier_keys[i]; i++)
		gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "Opt.Tiers.%s", tier_keys[i]),
			   gw_view_word(ctx, gw_arena_printf(&ctx->arena, "L.Client.Tiers.%s",
							     tier_keys[i])));
	gw_hdf_set_int(ctx->hdf, "Edit.Level", level);
	if (id)
		gw_hdf_set_int(ctx->hdf, "Edit.Id", id);
	page(ctx, id ? "Clients.EditTitle" : "Clients.NewTitle");
	return gw_view_render(ctx, "clients_form.cs");
}

/* A new client's classes: as far as the user's clearance reaches. */
static int new_level(struct gw_ctx *ctx)
{
	int c = ctx->user->clearance;

	return c >= 3 ? 3 : c >= 2 ? 2 : 1;
}

/* GET /new — 200 the form for a new client. */
int new_page(struct gw_ctx *ctx)
{
	gw_hdf_set(ctx->hdf, "Form.tier", "normal");
	if (ctx->user->dept_id)
		gw_hdf_setf(ctx->hdf, "Form.department", "%lld", ctx->user->dept_id);
	return form_page(ctx, new_level(ctx), 0);
}

static int exists(struct gw_ctx *ctx, const char *sql, long long id)
{
	long long n = 0;

	return gw_db_int(ctx->db, &n, sql, "i", id) == 1 && n > 0;
}

/* A USCC another client holds: the message at the field links to that client. */
static int uscc_taken(struct gw_ctx *ctx, const struct gw_fval *v, long long self)
{
	long long other = 0;

	if (!v[F_USCC].present || gw_form_failed(ctx, "uscc") ||
	    gw_client_by_uscc(ctx->db, v[F_USCC].s, &other) != 1 || other == self)
		return 0;
	gw_hdf_setf(ctx->hdf, "Form.uscc.Existing", "%lld", other);
	return gw_form_error(ctx, "uscc", "uscc_taken");
}

/* The checks the field table cannot express; the number of bad fields. */
static int checks(struct gw_ctx *ctx, const struct gw_fval *v, long long self)
{
	int bad = uscc_taken(ctx, v, self);

	if (v[F_DEPT].i > 0 && !exists(ctx, SQL_DEPT_OK, v[F_DEPT].i))
		bad += gw_form_error(ctx, "department", "bad_choice");
	if (v[F_LEAD].i > 0 && !exists(ctx, SQL_LEAD_OK, v[F_LEAD].i))
		bad += gw_form_error(ctx, "lead", "bad_choice");
	if (self && !v[F_REASON].present && !gw_form_failed(ctx, "reason"))
		bad += gw_form_error(ctx, "reason", "required");
	if (!self && (v[F_C_PHONE].present || v[F_C_EMAIL].present) && !v[F_C_NAME].present &&
	    !gw_form_failed(ctx, "contact_name"))
		bad += gw_form_error(ctx, "contact_name", "required");
	return bad;
}

static const char *opt(const struct gw_fval *v)
{
	return v->present ? v->s : NULL;
}

static void fill_new(struct gw_ctx *ctx, const struct gw_fval *v, int level,
		     struct gw_client_new *c)
{
	c->name = v[F_NAME].s;
	c->uscc = opt(&v[F_USCC]);
	c->industry = opt(&v[F_INDUSTRY]);
	c->address = opt(&v[F_ADDRESS]);
	c->tier = v[F_TIER].s;
	c->department_id = v[F_DEPT].i;
	c->lead_id = v[F_LEAD].i;
	c->legal_rep_name = opt(&v[F_REP_NAME]);
	c->legal_rep_id = level >= 3 ? opt(&v[F_REP_ID]) : NULL;
	c->main_business = level >= 2 ? opt(&v[F_MAIN]) : NULL;
	c->financing_needs = level >= 2 ? opt(&v[F_FINANCING]) : NULL;
	c->loan_purpose = level >= 2 ? opt(&v[F_LOAN]) : NULL;
	c->contact_name = opt(&v[F_C_NAME]);
	c->contact_role = opt(&v[F_C_ROLE]);
	c->contact_phone = v[F_C_PHONE].present ? phone_normal(ctx, v[F_C_PHONE].s) : NULL;
	c->contact_email = opt(&v[F_C_EMAIL]);
	c->contact_wechat = opt(&v[F_C_WECHAT]);
	c->contact_qq = opt(&v[F_C_QQ]);
	c->reason = v[F_REASON].present ? v[F_REASON].s : NULL;
}

/* POST /new — 303 to the new client; 200 the form with the messages at the
 * fields (a USCC already held: a link to that client). */
int new_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[F__N];
	struct gw_client_new c = {0};
	int level = new_level(ctx);
	long long id, existing = 0;

	if (GW_FORM_READ(ctx, client_form, v) + checks(ctx, v, 0))
		return form_page(ctx, level, 0);
	fill_new(ctx, v, level, &c);
	id = gw_client_create(ctx, &c, &existing);
	if (id == 0) { /* taken between the check and the insert */
		gw_hdf_setf(ctx->hdf, "Form.uscc.Existing", "%lld", existing);
		gw_form_error(ctx, "uscc", "uscc_taken");
		return form_page(ctx, level, 0);
	}
	if (id < 0)
		return 500;
	return gw_redirect(ctx, "clients", client_path(ctx, id, NULL), "client_created");
}

/* ---- editing ---- */

static void set_form(struct gw_ctx *ctx, const char *name, const char *value)
{
	gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "Form.%s", name), value ? value : "");
}

static const char *id_text(struct gw_ctx *ctx, long long id)
{
	return id ? gw_arena_printf(&ctx->arena, "%lld", id) : "";
}

static void edit_defaults(struct gw_ctx *ctx, const struct gw_client *c)
{
	set_form(ctx, "name", c->name);
	set_form(ctx, "uscc", c->uscc);
	set_form(ctx, "industry", c->industry);
	set_form(ctx, "address", c->address);
	set_form(ctx, "tier", c->tier);
	set_form(ctx, "department", id_text(ctx, c->department_id));
	set_form(ctx, "lead", id_text(ctx, c->lead_id));
	set_form(ctx, "legal_rep_name", c->legal_rep_name);
	set_form(ctx, "legal_rep_id", c->legal_rep_id);
	set_form(ctx, "main_business", c->main_business);
	set_form(ctx, "financing_needs", c->financing_needs);
	set_form(ctx, "loan_purpose", c->loan_purpose);
	set_form(ctx, "version", id_text(ctx, c->version));
}

/* GET /:id/edit — 200 the client's form with its current values (the classes
 * the user may see only). */
int edit_page(struct gw_ctx *ctx)
{
	struct gw_client c;
	int level, rc = open_client(ctx, &c, &level);

	if (rc != 1)
		return rc;
	edit_defaults(ctx, &c);
	gw_client_to_hdf(ctx->hdf, "Client", &c);
	return form_page(ctx, level, c.id);
}

/* A field of the record: its form index, column and class. */
struct efield {
	int f;
	const char *column;
	int level;
	size_t off;
};

#define EF(f, m, l)                                                                                \
	{                                                                                          \
		f, #m, l, offsetof(struct gw_client, m)                                            \
	}
static const struct efield efields[] = {
    EF(F_NAME, name, 1),	  EF(F_USCC, uscc, 1),
    EF(F_INDUSTRY, industry, 1),  EF(F_ADDRESS, address, 1),
    EF(F_TIER, tier, 1),	  EF(F_REP_NAME, legal_rep_name, 1),
    EF(F_MAIN, main_business, 2), EF(F_FINANCING, financing_needs, 2),
    EF(F_LOAN, loan_purpose, 2),  EF(F_REP_ID, legal_rep_id, 3),
};

static const char *old_of(const struct gw_client *c, const struct efield *e)
{
	const char *s = *(const char *const *)(const void *)((const char *)c + e->off);

	return s ? s : "";
}

/* The history row of the edit: every changed field the user may see, with its
 * old and new value (level 3 sealed); departments and leads as ids. */
static int write_history(struct gw_ctx *ctx, const struct gw_client *c, const struct gw_fval *v,
			 int level)
{
	long long hid = gw_client_history(ctx, c->id, "edited", v[F_REASON].s);
	int rc = hid < 0;

	for (size_t i = 0; !rc && i < sizeof(efields) / sizeof(efields[0]); i++) {
		const struct efield *e = &efields[i];

		if (e->level <= level && strcmp(old_of(c, e), v[e->f].s))
			rc = gw_client_history_field(ctx, hid, e->column, e->level, old_of(c, e),
						     v[e->f].s);
	}
	if (!rc && c->department_id != v[F_DEPT].i)
		rc = gw_client_history_field(ctx, hid, "department_id", 1,
					     id_text(ctx, c->department_id),
					     id_text(ctx, v[F_DEPT].i));
	if (!rc && c->lead_id != v[F_LEAD].i)
		rc = gw_client_history_field(ctx, hid, "lead_id", 1, id_text(ctx, c->lead_id),
					     id_text(ctx, v[F_LEAD].i));
	return rc ? -1 : 0;
}

static long long update_row(struct gw_ctx *ctx, const struct gw_client *c, const struct gw_fval *v,
			    int level)
{
	if (level >= 2)
		return gw_db_exec(ctx->db, SQL_UPDATE2, "sssssiissssii", v[F_NAME].s, v[F_USCC].s,
				  v[F_INDUSTRY].s, v[F_ADDRESS].s, v[F_TIER].s, v[F_DEPT].i,
				  v[F_LEAD].i, v[F_REP_NAME].s, v[F_MAIN].s, v[F_FINANCING].s,
				  v[F_LOAN].s, c->id, v[F_VERSION].i);
	return gw_db_exec(ctx->db, SQL_UPDATE1, "sssssiisii", v[F_NAME].s, v[F_USCC].s,
			  v[F_INDUSTRY].s, v[F_ADDRESS].s, v[F_TIER].s, v[F_DEPT].i, v[F_LEAD].i,
			  v[F_REP_NAME].s, c->id, v[F_VERSION].i);
}

/* The ID number, sealed with its blind index (level 3 only, when changed). */
static int update_id(struct gw_ctx *ctx, const struct gw_client *c, const struct gw_fval *v)
{
	unsigned char *sealed = NULL;
	size_t n = 0;
	char *bidx = NULL;

	if (!strcmp(c->legal_rep_id ? c->legal_rep_id : "", v[F_REP_ID].s))
		return 0;
	if (v[F_REP_ID].present) {
		bidx = gw_arena_alloc(&ctx->arena, 65);
		if (gw_client_id_bidx(ctx, v[F_REP_ID].s, bidx) ||
		    !(sealed =
			  gw_client_seal(ctx, "clients", "legal_rep_id", c->id, v[F_REP_ID].s, &n)))
			return -1;
	}
	return gw_db_exec(ctx->db, SQL_SET_ID, "bsi", sealed, n, bidx, c->id) < 0 ? -1 : 0;
}

/* In the transaction: 1 saved, 0 changed by someone else meanwhile, -1 error. */
static int save_edit(struct gw_ctx *ctx, const struct gw_client *c, const struct gw_fval *v,
		     int level)
{
	long long n = update_row(ctx, c, v, level);

	if (n <= 0)
		return n < 0 ? -1 : 0;
	if ((level >= 3 && update_id(ctx, c, v)) || write_history(ctx, c, v, level) ||
	    (strcmp(c->name, v[F_NAME].s) && gw_client_grams(ctx, c->id, v[F_NAME].s)) ||
	    (v[F_LEAD].i && gw_client_add_lead(ctx, c->id, v[F_LEAD].i) < 0))
		return -1;
	return 1;
}

static int edit_again(struct gw_ctx *ctx, const struct gw_client *c, int level)
{
	gw_client_to_hdf(ctx->hdf, "Client", c);
	return form_page(ctx, level, c->id);
}

/* POST /:id/edit — 303 to the client (its history shows the change); 200 the
 * form with the messages at the fields, or with a note that someone else
 * changed the record meanwhile. */
int edit_submit(struct gw_ctx *ctx)
{
	struct gw_client c;
	struct gw_fval v[F__N];
	int level, rc = open_client(ctx, &c, &level);

	if (rc != 1)
		return rc;
	if (GW_FORM_READ(ctx, client_form, v) + checks(ctx, v, c.id))
		return edit_again(ctx, &c, level);
	if (gw_db_begin(ctx->db))
		return 500;
	rc = save_edit(ctx, &c, v, level);
	if (rc <= 0 || gw_db_commit(ctx->db)) {
		gw_db_rollback(ctx->db);
		if (rc != 0)
			return gw_db_unavailable(ctx->db) ? 503 : 500;
		gw_hdf_set(ctx->hdf, "Form.Conflict", "1");
		return edit_again(ctx, &c, level);
	}
	gw_audit(ctx, "client.update", "client", c.id, "version=%lld", c.version + 1);
	return gw_redirect(ctx, "clients", client_path(ctx, c.id, NULL), "client_saved");
}
