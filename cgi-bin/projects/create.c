/* create.c — projects.fcgi: market creates a project for a client (type, fee,
 * what the fee is for, due date, department) with its first assignment slip. */
#include "guwen/client_pick.h"
#include "guwen/form_key.h"
#include "projects.h"

enum {
	N_CLIENT,
	N_CLIENT_Q,
	N_CLIENT_PICK,
	N_TYPE,
	N_DEPT,
	N_ADVISOR,
	N_FEE,
	N_PURPOSE,
	N_DUE,
	N_SLIP_ON,
	N__N
};

static const struct gw_fdef new_form[] = {
    /* the client: found by the search field client_q (client_pick.h), its id
     * kept in client, or chosen from the pick list (client_pick) */
    [N_CLIENT] = {.name = "client", .type = GW_F_INT, .maxlen = 10, .min = 1, .max = MAX_ID},
    [N_CLIENT_Q] = {.name = "client_q", .type = GW_F_TEXT, .maxlen = 200},
    [N_CLIENT_PICK] =
	{.name = "client_pick", .type = GW_F_INT, .maxlen = 10, .min = 1, .max = MAX_ID},
    [N_TYPE] =
	{.name = "type", .type = GW_F_INT, .required = 1, .maxlen = 10, .min = 1, .max = MAX_ID},
    [N_DEPT] = {.name = "department",
		.type = GW_F_INT,
		.required = 1,
		.maxlen = 10,
		.min = 1,
		.max = MAX_ID},
    [N_ADVISOR] = {.name = "advisor", .type = GW_F_INT, .maxlen = 10, .min = 1, .max = MAX_ID},
    [N_FEE] = {.name = "fee", .type = GW_F_MONEY, .required = 1, .maxlen = 16},
    [N_PURPOSE] = {.name = "fee_purpose", .type = GW_F_TEXT, .required = 1, .maxlen = 200},
    [N_DUE] = {.name = "fee_due", .type = GW_F_DATE, .required = 1, .maxlen = 10},
    [N_SLIP_ON] = {.name = "slip_on", .type = GW_F_DATE, .required = 1, .maxlen = 10},
    [N__N] = {.name = NULL},
};
GW_FORM_CHECK(new_form, N__N);

static const char SQL_TYPES_ZH[] =
    "SELECT id, name_zh FROM project_types WHERE active = 1 ORDER BY id";
static const char SQL_TYPES_EN[] =
    "SELECT id, name_en FROM project_types WHERE active = 1 ORDER BY id";
static const char SQL_DEPTS[] = "SELECT id, name FROM departments WHERE active = 1 ORDER BY name";
static const char SQL_ADVISORS[] =
    "SELECT u.id, CONCAT(u.name, ' · ', d.name) FROM users u"
    " JOIN departments d ON d.id = u.department_id"
    " WHERE u.active = 1 AND u.role IN ('advisor', 'manager') ORDER BY d.name, u.name";

static const char SQL_TYPE_OK[] = "SELECT COUNT(*) FROM project_types WHERE id = ? AND active = 1";
static const char SQL_DEPT_OK[] = "SELECT COUNT(*) FROM departments WHERE id = ? AND active = 1";

static const char SQL_INSERT[] =
    "INSERT INTO projects (client_id, type_id, department_id, created_by, fee_fen,"
    " fee_purpose, fee_due, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

static int show_form(struct gw_ctx *ctx)
{
	char today[16];

	options(ctx, "Opt.Types", strcmp(ctx->lang, "en") ? SQL_TYPES_ZH : SQL_TYPES_EN, NULL, 0);
	options(ctx, "Opt.Departments", SQL_DEPTS, NULL, 0);
	options(ctx, "Opt.Advisors", SQL_ADVISORS, NULL, 0);
	if (!hdf_get_value(ctx->hdf, "Form.slip_on", NULL)) {
		gw_date_format(gw_today(ctx), today);
		gw_hdf_set(ctx->hdf, "Form.slip_on", today);
	}
	if (gw_form_key_show(ctx))
		return 500;
	gw_hdf_set(ctx->hdf, "Page.Title", "Projects.NewTitle");
	gw_hdf_set(ctx->hdf, "Page.Nav", "projects");
	return gw_view_render(ctx, "projects_new.cs");
}

/* GET /new[?client=N] — 200 the form; from a client's page, that client chosen. */
int new_page(struct gw_ctx *ctx)
{
	int64_t client = 0;
	const char *q = gw_query(&ctx->req, "client");

	if (q && !gw_valid_int(q, 1, MAX_ID, &client))
		gw_client_pick_id(ctx, "client", GW_PICK_ANY_CLIENT, client);
	return show_form(ctx);
}

/* The form's client, any active one (client_pick.h): the number of bad fields
 * (none asked for, a pick list, a message at the field), or -1. */
static int pick_client(struct gw_ctx *ctx, const struct gw_fval *v, long long *id)
{
	int r = gw_client_pick(ctx, "client", GW_PICK_ANY_CLIENT, v[N_CLIENT_PICK].i, v[N_CLIENT].i,
			       gw_form(&ctx->req, "client_q"), id);

	if (r == GW_PICK_NONE)
		return gw_form_error(ctx, "client_q", "required");
	return r < 0 ? -1 : r != GW_PICK_ONE;
}

/* 查找客户 (find the client) — the form again with the client found or the
 * pick list, the other input kept and not yet checked: nothing created. */
static int find_client(struct gw_ctx *ctx)
{
	struct gw_fval v[N__N];
	long long id;

	GW_FORM_READ(ctx, new_form, v);
	for (int i = 0; new_form[i].name; i++)
		gw_hdf_remove(ctx->hdf,
			      gw_arena_printf(&ctx->arena, "Form.%s.Error", new_form[i].name));
	gw_hdf_remove(ctx->hdf, "Form.HasErrors");
	if (pick_client(ctx, v, &id) < 0)
		return 500;
	return show_form(ctx);
}

static int exists(struct gw_ctx *ctx, const char *sql, long long id)
{
	long long n = 0;

	return gw_db_int(ctx->db, &n, sql, "i", id) == 1 && n > 0;
}

/* The checks the table cannot express: the chosen rows exist, the advisor
 * belongs to the department. The number of bad fields. */
static int check_rows(struct gw_ctx *ctx, const struct gw_fval *v)
{
	int bad = 0;

	if (!exists(ctx, SQL_TYPE_OK, v[N_TYPE].i))
		bad += gw_form_error(ctx, "type", "bad_choice");
	if (!exists(ctx, SQL_DEPT_OK, v[N_DEPT].i))
		bad += gw_form_error(ctx, "department", "bad_choice");
	else if (v[N_ADVISOR].present && !advisor_in_department(ctx, v[N_ADVISOR].i, v[N_DEPT].i))
		bad += gw_form_error(ctx, "advisor", "not_in_department");
	if (v[N_FEE].i <= 0)
		bad += gw_form_error(ctx, "fee", "range");
	return bad;
}

static long long insert(struct gw_ctx *ctx, const struct gw_fval *v)
{
	char due[16];
	const char *now = gw_now_utc(ctx);
	long long id;

	gw_date_format((int32_t)v[N_DUE].i, due);
	if (gw_db_exec(ctx->db, SQL_INSERT, "iiiiissss", v[N_CLIENT].i, v[N_TYPE].i, v[N_DEPT].i,
		       ctx->user->id, v[N_FEE].i, v[N_PURPOSE].s, due, now, now) != 1)
		return -1;
	id = gw_db_insert_id(ctx->db);
	if (event(ctx, id, "created", NULL) ||
	    slip_insert(ctx, id, (int32_t)v[N_SLIP_ON].i, v[N_DEPT].i,
			v[N_ADVISOR].present ? v[N_ADVISOR].i : 0))
		return -1;
	return id;
}

/* The new project's assignee (or the department's managers) is told. */
static void tell_assignee(struct gw_ctx *ctx, long long id)
{
	struct gw_project p;

	if (gw_project_load(ctx, id, &p) != 1)
		return;
	if (p.slip_advisor_id)
		notify_user(ctx, &p, p.slip_advisor_id, "L.Projects.Mail.Slip",
			    word(ctx, "L.Projects.Mail.SlipText"));
	else
		notify_managers(ctx, &p, p.department_id, "L.Projects.Mail.Slip",
				word(ctx, "L.Projects.Mail.SlipText"));
}

/* The same form sent again (a reload, a second click): 303 to the project it
 * created, or to the list while the first is still being stored. */
static int already_created(struct gw_ctx *ctx, const char *key)
{
	long long id = 0;

	if (gw_form_key_find(ctx, key, &id))
		return 500;
	return gw_redirect(ctx, "projects",
			   id > 0 ? gw_arena_printf(&ctx->arena, "/%lld", id) : "/",
			   "project_already_created");
}

/* In the transaction: the form's key used (1: it was, nothing created), the
 * project with its slip, the key pointed at it. The project's id, 0 when
 * the form was used, -1 on an error. */
static long long create(struct gw_ctx *ctx, const struct gw_fval *v, const char *key)
{
	long long id;
	int used = key ? gw_form_key_use(ctx, (void *)key) : 0;

	if (used)
		return used < 0 ? -1 : 0;
	if ((id = insert(ctx, v)) < 0 || (key && gw_form_key_done(ctx, key, id)))
		return -1;
	return id;
}

int new_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[N__N];
	long long id, client = 0;
	const char *key = gw_form_key(ctx); /* no key: a form from before keys creates as before */
	int bad, picked;

	if (gw_form(&ctx->req, "find_client"))
		return find_client(ctx);
	bad = GW_FORM_READ(ctx, new_form, v) + check_rows(ctx, v);
	if ((picked = pick_client(ctx, v, &client)) < 0)
		return 500;
	if (bad + picked) {
		gw_hdf_set_int(ctx->hdf, "Form.HasErrors", 1);
		return show_form(ctx);
	}
	v[N_CLIENT].i = client;
	if (gw_db_begin(ctx->db))
		return 500;
	if ((id = create(ctx, v, key)) == 0) {
		gw_db_rollback(ctx->db);
		return already_created(ctx, key);
	}
	if (id > 0)
		tell_assignee(ctx, id);
	if (id < 0 ||
	    gw_audit(ctx, "project.create", "project", id, "type=%lld dept=%lld", v[N_TYPE].i,
		     v[N_DEPT].i) ||
	    gw_db_commit(ctx->db)) {
		gw_db_rollback(ctx->db);
		return gw_db_unavailable(ctx->db) ? 503 : 500;
	}
	return gw_redirect(ctx, "projects", gw_arena_printf(&ctx->arena, "/%lld", id),
			   "project_created");
}
