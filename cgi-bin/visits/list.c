/* list.c — visits.fcgi: the visits the user may see (one declaration on
 * lib/list.c: tabs, filters, search, sortable columns, keyset pages, CSV);
 * reports past their deadline stand out and have a tab of their own. */
#include "guwen/client_store.h"
#include "guwen/list.h"
#include "visits.h"

static const char *const status_choices[] = {"planned",	     "visited",	  "submitted",
					     "returned",     "accepted",  "archived",
					     "default_done", "cancelled", NULL};
static const char *const origin_choices[] = {"plan", "monthly", "yearly", "followup", NULL};
static const char *const tab_choices[] = {"mine", "planned", "open", "overdue", NULL};

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
    {"client_name", "c.name", 0, "L.Visit.Client", NULL, NULL},
    {"method", "v.method", 0, "L.Visit.Method", "L.Visit.Methods", NULL},
    {"origin", "v.origin", 0, "L.Visit.Origin", "L.Visit.Origins", NULL},
    {"status", "v.status", GW_LC_SORT, "L.Visit.Status", "L.Visit.Statuses", NULL},
    {"visitor_name", "u.name", 0, "L.Visit.Visitor", NULL, "L.Visit.NoVisitor"},
    {"dept_name", "d.name", 0, "L.Visit.Department", NULL, NULL},
    {"due_on", "v.due_on", 0, "L.Visit.DueOn", NULL, NULL},
    {"visited_on", "v.visited_on", 0, "L.Visit.VisitedOn", NULL, NULL},
    {"report_due", "v.report_due", 0, "L.Visit.ReportDue", NULL, NULL},
    {"satisfaction", "v.satisfaction", 0, "L.Visit.Satisfaction", NULL, NULL},
    {NULL, NULL, 0, NULL, NULL, NULL},
};

#define OVERDUE "(v.status = 'visited' AND v.report_due < ?)"

static void search(struct gw_ctx *ctx, struct gw_list_run *r, struct gw_buf *b);

/* overdue: the report not submitted by its deadline ('?': today). Sorted by
 * the id or the status only: each list's key (018, 016) gives both orders. */
#define VISITS_LIST(hint_)                                                                         \
	{                                                                                          \
		.columns = "v.id, c.name AS client_name, v.method, v.origin, v.status,"            \
			   " u.name AS visitor_name, d.name AS dept_name, v.due_on, v.visited_on," \
			   " v.report_due, v.satisfaction, " OVERDUE " AS overdue",                \
		.from = "visits v JOIN clients c ON c.id = v.client_id"                            \
			" LEFT JOIN users u ON u.id = v.visitor_id"                                \
			" LEFT JOIN departments d ON d.id = v.department_id",                      \
		.key = "v.id", .filters = filters, .cols = cols, .sort = "id", .desc = 1,          \
		.rows = 50, .program = "visits", .path = "/", .csv_name = "visits", .hint = hint_, \
		.search = search,                                                                  \
	}
/* Every visit (a director, no filter on a key): newest first along the
 * primary key, the server's choice. */
static const struct gw_list visits_list = VISITS_LIST(NULL);
/* A person's or department's list, a status, a search: along that key, never
 * the primary key past rows of others. */
static const struct gw_list keyed_list = VISITS_LIST("IGNORE INDEX FOR ORDER BY (PRIMARY)");

static const char TAB_MINE[] = "v.visitor_id = ?";
static const char TAB_PLANNED[] = "v.created_by = ?";
static const char TAB_OPEN[] = "v.status IN ('planned', 'visited', 'returned')";

static const char SQL_DEPTS[] = "SELECT id, name FROM departments WHERE active = 1 ORDER BY name";
static const char SQL_VISITORS[] =
    "SELECT id, name FROM users WHERE active = 1"
    " AND role IN ('advisor', 'manager', 'director', 'market') ORDER BY name";

/* cond AND more (either may be NULL), in the arena. */
static const char *both(struct gw_ctx *ctx, const char *cond, const char *more)
{
	if (!cond)
		return more;
	return more ? gw_arena_printf(&ctx->arena, "%s AND %s", cond, more) : cond;
}

/* A client's name holds the search: its rarest gram (client_name_grams) then
 * the name, so the server reads those clients' visits (ix_visits_client). */
static const char Q_NAME[] = "v.client_id IN (SELECT g.client_id FROM client_name_grams g"
			     " WHERE g.gram = ? AND g.name LIKE ?)";

static void search(struct gw_ctx *ctx, struct gw_list_run *r, struct gw_buf *b)
{
	gw_buf_puts(b, Q_NAME);
	gw_list_arg(r, GW_DB_TEXT, 0, gw_client_rarest_gram(ctx, r->q));
	gw_list_arg(r, GW_DB_TEXT, 0, gw_client_like(ctx, r->q));
}

static const char *tab_of(struct gw_list_run *r)
{
	struct gw_fval *tab = gw_list_value(r, "tab");

	return tab && tab->present ? tab->s : "";
}

/* The list's condition for its tab: the user's own list (gw_visit_scope_sql),
 * narrowed to the open or overdue ones; or the user's visits as the visitor,
 * or those they planned. Arguments after those in a[*n]. *newest: the open
 * visits of everyone (a director), best read newest first along the primary
 * key: most recent visits are open, while the status key would read every
 * open visit and sort them. */
static const char *tab_cond(struct gw_ctx *ctx, struct gw_list_run *r, struct gw_db_arg *a, int *n,
			    const char *today, int *newest)
{
	const char *tab = tab_of(r), *cond;
	int ns = 0;

	if (!strcmp(tab, "mine") || !strcmp(tab, "planned")) {
		a[(*n)++] = (struct gw_db_arg){GW_DB_INT, ctx->user->id, NULL};
		return !strcmp(tab, "mine") ? TAB_MINE : TAB_PLANNED;
	}
	cond = gw_visit_scope_sql(ctx, a + *n, &ns);
	*n += ns;
	if (!strcmp(tab, "open")) {
		*newest = !cond;
		return both(ctx, cond, TAB_OPEN);
	}
	if (!strcmp(tab, "overdue")) {
		a[(*n)++] = (struct gw_db_arg){GW_DB_TEXT, 0, today};
		return both(ctx, cond, OVERDUE);
	}
	return cond;
}

/* A key serves the list: the user's own list, a status, visitor or
 * department filter, a search. */
static int keyed(struct gw_list_run *r, const char *cond)
{
	static const char *const on_keys[] = {"status", "visitor", "department", NULL};

	if (cond || *r->q)
		return 1;
	for (const char *const *k = on_keys; *k; k++)
		if (gw_list_value(r, *k)->present)
			return 1;
	return 0;
}

/* The filters, the tab and the user's scope. */
static int read_list(struct gw_ctx *ctx, struct gw_list_run *r)
{
	char *today = gw_arena_alloc(&ctx->arena, 16);
	struct gw_db_arg a[4] = {{GW_DB_TEXT, 0, today}};
	int n = 1, newest = 0, bad = gw_list_read(ctx, &visits_list, r);
	const char *cond;

	gw_date_format(gw_today(ctx), today);
	cond = tab_cond(ctx, r, a, &n, today, &newest);
	if (keyed(r, newest ? NULL : cond)) {
		bad = gw_list_read(ctx, &keyed_list, r);
		r->hint = 1;
	}
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
