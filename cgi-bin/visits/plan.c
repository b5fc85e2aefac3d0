/* plan.c — visits.fcgi: a plan of return visits (回访计划): choose the
 * clients (those with past or current projects by type, tier, department,
 * last visit, last contact), register the plan with its purpose, method, due
 * date, visitor and the staff consulted; one visit per chosen client through
 * gw_visit_create, where the premium rule applies. */
#include "guwen/form_key.h"
#include "guwen/list.h"
#include "visits.h"

#define MAX_CHOSEN 200
#define MAX_STAFF  20

const char *const method_choices[] = {"phone", "onsite", "wechat", "email", NULL};
static const char *const tier_choices[] = {"normal", "premium", NULL};

static const struct gw_list_filter filters[] = {
    {{"type", GW_F_INT, 0, 10, 1, MAX_ID, NULL},
     "EXISTS (SELECT 1 FROM projects p WHERE p.client_id = c.id AND p.type_id = ?)",
     NULL},
    {{"projects", GW_F_CHECKBOX, 0, 1, 0, 0, NULL},
     "EXISTS (SELECT 1 FROM projects p WHERE p.client_id = c.id)",
     NULL},
    {{"tier", GW_F_CHOICE, 0, 16, 0, 0, tier_choices}, "c.tier = ?", NULL},
    {{"department", GW_F_INT, 0, 10, 1, MAX_ID, NULL}, "c.department_id = ?", NULL},
    {{"visited_before", GW_F_DATE, 0, 10, 0, 0, NULL},
     "NOT EXISTS (SELECT 1 FROM visits pv WHERE pv.client_id = c.id AND pv.visited_on >= ?)",
     NULL},
    {{"contact_before", GW_F_DATE, 0, 10, 0, 0, NULL},
     "(c.last_contact_on IS NULL OR c.last_contact_on < ?)",
     NULL},
    {{NULL, 0, 0, 0, 0, 0, NULL}, NULL, NULL},
};

static const struct gw_list_col cols[] = {
    {"id", "c.id", GW_LC_SORT, NULL, NULL, NULL},
    {"name", "c.name", GW_LC_SEARCH, NULL, NULL, NULL},
    {NULL, NULL, 0, NULL, NULL, NULL},
};

static const struct gw_list clients_list = {
    .columns = "c.id, c.name, c.tier, d.name AS dept_name, u.name AS lead_name,"
	       " c.last_contact_on, (SELECT MAX(pv.visited_on) FROM visits pv"
	       " WHERE pv.client_id = c.id) AS last_visit",
    .from = "clients c LEFT JOIN departments d ON d.id = c.department_id"
	    " LEFT JOIN users u ON u.id = c.lead_id",
    .key = "c.id",
    .filters = filters,
    .cols = cols,
    .sort = "id",
    .desc = 0,
    .rows = 100,
    .program = "visits",
    .path = "/plan",
    .csv_name = "visit-plan",
};

/* The clients a user may plan visits for: market and directors every client
 * (as market's projects do); a manager the department's and their own as a
 * lead; an advisor their own as a lead. */
#define LEADS "c.id IN (SELECT sl.client_id FROM client_leads sl WHERE sl.user_id = ?)"
static const char SCOPE_OWN[] = "c.active = 1 AND " LEADS;
static const char SCOPE_DEPT[] = "c.active = 1 AND (" LEADS " OR c.department_id = ?)";
static const char SCOPE_ALL[] = "c.active = 1";
static const char SQL_IN_SCOPE[] =
    "SELECT c.name FROM clients c WHERE c.id = ? AND c.active = 1 AND (? = 3 OR " LEADS
    " OR (? = 2 AND c.department_id = ?))";

static const char SQL_TYPES_ZH[] = "SELECT id, name_zh FROM project_types ORDER BY id";
static const char SQL_TYPES_EN[] = "SELECT id, name_en FROM project_types ORDER BY id";
static const char SQL_DEPTS[] = "SELECT id, name FROM departments WHERE active = 1 ORDER BY name";
static const char SQL_VISITORS[] =
    "SELECT id, name FROM users WHERE active = 1"
    " AND role IN ('advisor', 'manager', 'director', 'market') ORDER BY name";
static const char SQL_STAFF[] =
    "SELECT id, name FROM users WHERE active = 1"
    " AND role IN ('advisor', 'manager', 'director', 'market', 'project') ORDER BY name";
static const char SQL_ACTIVE_USER[] =
    "SELECT COUNT(*) FROM users WHERE id = ? AND active = 1 AND role <> 'admin'";
/* a visitor is someone who may work visits (visit_write) */
static const char SQL_VISITOR_OK[] = "SELECT COUNT(*) FROM users WHERE id = ? AND active = 1"
				     " AND role IN ('advisor', 'manager', 'director', 'market')";
static const char SQL_PLAN[] =
    "INSERT INTO visit_plans (purpose, created_by, created_at) VALUES (?, ?, ?)";
static const char SQL_PLAN_STAFF[] =
    "INSERT IGNORE INTO visit_plan_staff (plan_id, user_id) VALUES (?, ?)";

enum { F_PURPOSE, F_METHOD, F_DUE_ON, F_VISITOR, F__N };
static const struct gw_fdef plan_form[] = {
    [F_PURPOSE] = {.name = "purpose", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 1000},
    [F_METHOD] = {.name = "method",
		  .type = GW_F_CHOICE,
		  .required = 1,
		  .maxlen = 16,
		  .choices = method_choices},
    [F_DUE_ON] = {.name = "due_on", .type = GW_F_DATE, .required = 1, .maxlen = 10},
    [F_VISITOR] = {.name = "visitor", .type = GW_F_INT, .maxlen = 10, .min = 1, .max = MAX_ID},
    [F__N] = {.name = NULL},
};
GW_FORM_CHECK(plan_form, F__N);

/* What the form chose: the clients and the staff consulted. */
struct chosen {
	long long clients[MAX_CHOSEN], staff[MAX_STAFF];
	int nclients, nstaff, bad;
};

static enum gw_scope plan_scope(struct gw_ctx *ctx)
{
	if (ctx->user->role == GW_ROLE_MARKET)
		return GW_SCOPE_ALL;
	return gw_perm_scope(ctx->user->role);
}

static void chooser_scope(struct gw_ctx *ctx, struct gw_list_run *r)
{
	enum gw_scope scope = plan_scope(ctx);
	struct gw_db_arg a[2] = {{GW_DB_INT, ctx->user->id, NULL},
				 {GW_DB_INT, ctx->user->dept_id, NULL}};

	if (scope == GW_SCOPE_ALL)
		gw_list_scope(r, SCOPE_ALL, NULL, 0);
	else
		gw_list_scope(r, scope == GW_SCOPE_DEPARTMENT ? SCOPE_DEPT : SCOPE_OWN, a,
			      scope == GW_SCOPE_DEPARTMENT ? 2 : 1);
}

static void plan_options(struct gw_ctx *ctx)
{
	options(ctx, "Opt.Types", strcmp(ctx->lang, "en") ? SQL_TYPES_ZH : SQL_TYPES_EN);
	options(ctx, "Opt.Departments", SQL_DEPTS);
	options(ctx, "Opt.Visitors", SQL_VISITORS);
	options(ctx, "Opt.Staff", SQL_STAFF);
	words(ctx, "Opt.Tiers", "L.Visit.Tiers", tier_choices);
	words(ctx, "Opt.Methods", "L.Visit.Methods", method_choices);
}

/* The chooser (filters from the query string) and the plan form. */
static int show_plan(struct gw_ctx *ctx)
{
	struct gw_list_run r;

	gw_list_read(ctx, &clients_list, &r);
	chooser_scope(ctx, &r);
	if (gw_list_page(ctx, &r))
		return 500;
	plan_options(ctx);
	if (gw_form_key_show(ctx))
		return 500;
	if (!hdf_get_value(ctx->hdf, "Form.method", NULL))
		gw_hdf_set(ctx->hdf, "Form.method", "phone");
	gw_hdf_set(ctx->hdf, "Page.Title", "Visits.PlanTitle");
	gw_hdf_set(ctx->hdf, "Page.Nav", "visits");
	return gw_view_render(ctx, "visits/plan.cs");
}

/* GET /plan — 200 the clients to choose from and the plan form. */
int plan_page(struct gw_ctx *ctx)
{
	return show_plan(ctx);
}

/* The client id in the user's scope: its name put at Chosen.<id>; 0 or 1
 * (out of scope, or the database failed: counted as bad). */
static int choose_client(struct gw_ctx *ctx, long long id)
{
	enum gw_scope s = plan_scope(ctx);
	const char *at = gw_arena_printf(&ctx->arena, "Chosen.%lld", id);

	if (gw_db_row(ctx->db, ctx->hdf, at, SQL_IN_SCOPE, "iiiii", id, (long long)s, ctx->user->id,
		      (long long)s, ctx->user->dept_id) != 1)
		return 1;
	return 0;
}

static int choose_staff(struct gw_ctx *ctx, long long id)
{
	long long n = 0;

	if (gw_db_int(ctx->db, &n, SQL_ACTIVE_USER, "i", id) != 1 || n != 1)
		return 1;
	gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "Form.staff.%lld", id), "1");
	return 0;
}

/* One "client" or "staff" field of the body into c. */
static void choose(struct gw_ctx *ctx, const struct gw_field *f, struct chosen *c)
{
	int64_t id;

	if (gw_valid_int(f->value, 1, MAX_ID, &id)) {
		c->bad++;
	} else if (!strcmp(f->name, "client")) {
		if (c->nclients == MAX_CHOSEN || choose_client(ctx, id))
			c->bad++;
		else
			c->clients[c->nclients++] = id;
	} else if (c->nstaff == MAX_STAFF || choose_staff(ctx, id)) {
		c->bad++;
	} else {
		c->staff[c->nstaff++] = id;
	}
}

/* The clients and staff the form chose; bad ones and none at all marked at
 * the fields. Returns the number of bad fields. */
static int read_chosen(struct gw_ctx *ctx, struct chosen *c)
{
	const struct gw_fields *b = &ctx->req.body;
	int bad = 0;

	for (size_t i = 0; i < b->n; i++)
		if (!strcmp(b->v[i].name, "client") || !strcmp(b->v[i].name, "staff"))
			choose(ctx, &b->v[i], c);
	if (!c->nclients)
		bad += gw_form_error(ctx, "client", "visit_no_clients");
	else if (c->bad)
		bad += gw_form_error(ctx, "client", "bad_choice");
	return bad;
}

static int plan_row(struct gw_ctx *ctx, const struct gw_fval *v, const struct chosen *c,
		    long long *plan)
{
	if (gw_db_exec(ctx->db, SQL_PLAN, "sis", v[F_PURPOSE].s, ctx->user->id, gw_now_utc(ctx)) !=
	    1)
		return -1;
	*plan = gw_db_insert_id(ctx->db);
	for (int i = 0; i < c->nstaff; i++)
		if (gw_db_exec(ctx->db, SQL_PLAN_STAFF, "ii", *plan, c->staff[i]) < 0)
			return -1;
	return 0;
}

/* The plan and one visit per chosen client, in one transaction. 0 or -1. */
static int create_plan(struct gw_ctx *ctx, const struct gw_fval *v, const struct chosen *c,
		       long long *plan)
{
	char due[11];
	struct gw_visit_new n = {.origin = "plan",
				 .method = v[F_METHOD].s,
				 .visitor_id =
				     (uint32_t)(v[F_VISITOR].present ? v[F_VISITOR].i : 0),
				 .due_on = due,
				 .created_by = (uint32_t)ctx->user->id};
	uint32_t id;

	gw_date_format((int32_t)v[F_DUE_ON].i, due);
	if (plan_row(ctx, v, c, plan))
		return -1;
	n.plan_id = (uint32_t)*plan;
	for (int i = 0; i < c->nclients; i++) {
		n.client_id = (uint32_t)c->clients[i];
		if (gw_visit_create(ctx->db, &n, (int64_t)ctx->now, &id) != 1)
			return -1;
	}
	return 0;
}

/* In the transaction: the form's key used (1: it was, nothing created; no key:
 * a form from before keys), the plan and its visits, the key pointed at the
 * plan. 0, 1 or -1. */
static int create_once(struct gw_ctx *ctx, const struct gw_fval *v, const struct chosen *c,
		       long long *plan)
{
	const char *key = gw_form_key(ctx);
	int used = key ? gw_form_key_use(ctx, (void *)key) : 0;

	if (used)
		return used;
	if (create_plan(ctx, v, c, plan) || (key && gw_form_key_done(ctx, key, *plan)))
		return -1;
	return 0;
}

/* POST /plan — 303 to the list with the plan's visits created (once, however
 * often the form is sent); 200 the page with messages at the fields (no
 * client chosen, purpose missing, a bad date or visitor), everything chosen
 * and typed kept. */
int plan_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[F__N];
	struct chosen c = {0};
	long long plan = 0, n = 0;
	int rc, bad = GW_FORM_READ(ctx, plan_form, v) + read_chosen(ctx, &c);

	if (v[F_VISITOR].present &&
	    (gw_db_int(ctx->db, &n, SQL_VISITOR_OK, "i", v[F_VISITOR].i) != 1 || n != 1))
		bad += gw_form_error(ctx, "visitor", "bad_choice");
	if (v[F_DUE_ON].present && v[F_DUE_ON].i < gw_today(ctx))
		bad += gw_form_error(ctx, "due_on", "visit_past_date");
	if (bad)
		return show_plan(ctx);
	if (gw_db_begin(ctx->db))
		return 500;
	if ((rc = create_once(ctx, v, &c, &plan)) == 1) {
		gw_db_rollback(ctx->db);
		return gw_redirect(ctx, "visits", "/?tab=open", "visit_plan_already");
	}
	if (rc ||
	    gw_audit(ctx, "visit.plan", "visit_plan", plan, "clients=%d staff=%d", c.nclients,
		     c.nstaff) ||
	    gw_db_commit(ctx->db)) {
		gw_db_rollback(ctx->db);
		return gw_db_unavailable(ctx->db) ? 503 : 500;
	}
	return gw_redirect(ctx, "visits", "/?tab=open", "visit_planned");
}
