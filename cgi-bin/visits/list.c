/* list.c — visits.fcgi: the visits the user may see (one declaration on
 * lib/list.c: tabs, filters, search, sortable columns, keyset pages, CSV);
 * reports past their deadline stand out and have a tab of their own. */
#include "guwen/list.h"
#include "visits.h"

static const char *const status_choices[] = {"planned",  "visited",	 "submitted",
					     "returned", "accepted",	 "archived",
					     "default_done", "cancelled", NULL};
static const char *const origin_choices[] = {"plan", "monthly", "yearly", "followup", NULL};
static const char *const tab_choices[] = {"mine", "open", "overdue", NULL};

static const struct gw_list_filter filters[] = {
    {{"tab", GW_F_CHOICE, 0, 16, 0, 0, tab_choices}, NULL, NULL},
    {{"status", GW_F_CHOICE, 0, 16, 0, 0, status_choices}, "v.status = ?", NULL},
    {{"method", GW_F_CHOICE, 0, 16, 0, 0, method_choices}, "v.method = ?", NULL},
    {{"origin", GW_F_CHOICE, 0, 16, 0, 0, origin_choices}, "v.origin = ?", NULL},
    {{"visitor", GW_F_INT, 0, 10, 1, MAX_ID, NULL}, "v.visitor_id = ?", NULL},
    {{"department", GW_F_INT, 0, 10, 1, MAX_ID, NULL}, "v.department_id = ?", NULL},
    {{NULL, 0, 0, 0, 0, 0, NULL}, NULL, NULL},
};

static const struct gw_list_col cols[] = {
    {"id", "v.id", GW_LC_SORT, "L.Visit.Number", NULL, NULL},
    {"client_name", "c.name", GW_LC_SEARCH, "L.Visit.Client", NULL, NULL},
    {"method", "v.method", 0, "L.Visit.Method", "L.Visit.Methods", NULL},
    {"origin", "v.origin", 0, "L.Visit.Origin", "L.Visit.Origins", NULL},
    {"status", "v.status", GW_LC_SORT, "L.Visit.Status", "L.Visit.Statuses", NULL},
    {"visitor_name", "u.name", GW_LC_SEARCH, "L.Visit.Visitor", NULL, "L.Visit.NoVisitor"},
    {"dept_name", "d.name", 0, "L.Visit.Department", NULL, NULL},
    {"due_on", "v.due_on", GW_LC_SORT, "L.Visit.DueOn", NULL, NULL},
    {"visited_on", "v.visited_on", 0, "L.Visit.VisitedOn", NULL, NULL},
    {"report_due", "v.report_due", 0, "L.Visit.ReportDue", NULL, NULL},
    {"satisfaction", "v.satisfaction", 0, "L.Visit.Satisfaction", NULL, NULL},
    {NULL, NULL, 0, NULL, NULL, NULL},
};

#define OVERDUE "(v.status = 'visited' AND v.report_due < ?)"

/* overdue: the report not submitted by its deadline ('?': today) */
static const struct gw_list visits_list = {
    .columns = "v.id, c.name AS client_name, v.method, v.origin, v.status,"
	       " u.name AS visitor_name, d.name AS dept_name, v.due_on, v.visited_on,"
	       " v.report_due, v.satisfaction, " OVERDUE " AS overdue",
    .from = "visits v JOIN clients c ON c.id = v.client_id"
	    " LEFT JOIN users u ON u.id = v.visitor_id"
	    " LEFT JOIN departments d ON d.id = v.department_id",
    .key = "v.id",
    .filters = filters,
    .cols = cols,
    .sort = "id",
    .desc = 1,
    .rows = 50,
    .program = "visits",
    .path = "/",
    .csv_name = "visits",
};

static const char TAB_MINE[] = "v.visitor_id = ?";
static const char TAB_OPEN[] = "v.status IN ('planned', 'visited', 'returned')";

static const char SQL_DEPTS[] = "SELECT id, name FROM departments WHERE active = 1 ORDER BY name";
static const char SQL_VISITORS[] =
    "SELECT id, name FROM users WHERE active = 1"
    " AND role IN ('advisor', 'manager', 'director', 'market') ORDER BY name";

/* cond AND more (either may be NULL), in the arena. */
static const char *and(struct gw_ctx *ctx, const char *cond, const char *more)
{
	if (!cond)
		return more;
	return more ? gw_arena_printf(&ctx->arena, "%s AND %s", cond, more) : cond;
}

/* The tab's condition and its arguments after those in a[*n]. */
static const char *tab_cond(struct gw_ctx *ctx, struct gw_list_run *r, struct gw_db_arg *a,
			    int *n, const char *today)
{
	struct gw_fval *tab = gw_list_value(r, "tab");

	if (!tab || !tab->present)
		return NULL;
	if (!strcmp(tab->s, "mine")) {
		a[(*n)++] = (struct gw_db_arg){GW_DB_INT, ctx->user->id, NULL};
		return TAB_MINE;
	}
	if (!strcmp(tab->s, "overdue")) {
		a[(*n)++] = (struct gw_db_arg){GW_DB_TEXT, 0, today};
		return OVERDUE;
	}
	return TAB_OPEN;
}

/* The filters, the user's scope (gw_visit_scope_sql) and the tab. */
static int read_list(struct gw_ctx *ctx, struct gw_list_run *r)
{
	char *today = gw_arena_alloc(&ctx->arena, 16);
	struct gw_db_arg a[8] = {{GW_DB_TEXT, 0, today}};
	int n = 1, bad = gw_list_read(ctx, &visits_list, r), ns = 0;
	const char *cond;

	gw_date_format(gw_today(ctx), today);
	cond = gw_visit_scope_sql(ctx, a + n, &ns);
	n += ns;
	cond = and(ctx, cond, tab_cond(ctx, r, a, &n, today));
	gw_list_scope(r, cond, a, n);
	return bad;
}

static void filter_options(struct gw_ctx *ctx)
{
	options(ctx, "Opt.Departments", SQL_DEPTS);
	options(ctx, "Opt.Visitors", SQL_VISITORS);
	words(ctx, "Opt.Statuses", "L.Visit.Statuses", status_choices);
	words(ctx, "Opt.Methods", "L.Visit.Methods", method_choices);
	words(ctx, "Opt.Origins", "L.Visit.Origins", origin_choices);
}

/* GET / — 200 the visits in the user's scope (tab, filters, page). */
int list_page(struct gw_ctx *ctx)
{
	struct gw_list_run r;

	read_list(ctx, &r);
	if (gw_list_page(ctx, &r))
		return 500;
	filter_options(ctx);
	gw_hdf_set(ctx->hdf, "Page.Tab", hdf_get_value(ctx->hdf, "Form.tab", ""));
	gw_hdf_set_int(ctx->hdf, "Page.CanPlan", has(ctx, GW_PERM_VISIT_WRITE));
	gw_hdf_set(ctx->hdf, "Page.Title", "Visits.Title");
	gw_hdf_set(ctx->hdf, "Page.Nav", "visits");
	return gw_view_render(ctx, "visits/list.cs");
}

/* GET /export — the user's filtered visits as CSV (streamed); audited. */
int export_csv(struct gw_ctx *ctx)
{
	struct gw_list_run r;
	long long n;

	if (read_list(ctx, &r))
		return 400;
	n = gw_list_csv(ctx, &r);
	if (n < 0 && !ctx->resp.streamed)
		return 500;
	gw_audit(ctx, "visit.export", "visit", 0, "%lld rows; %s", n, gw_list_describe(ctx, &r));
	return 0;
}
