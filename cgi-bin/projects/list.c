/* list.c — projects.fcgi: the projects the user may see (one declaration on
 * lib/list.c: filters, search, sortable columns, keyset pages, CSV), with the
 * latest slip's deadlines; overdue ones stand out. */
#include "guwen/list.h"
#include "projects.h"

static const char *const status_choices[] = {"assigning", "reassign", "escalated", "answered",
					     "active",	  "closed",   NULL};

static const struct gw_list_filter filters[] = {
    {{"status", GW_F_CHOICE, 0, 16, 0, 0, status_choices}, "p.status = ?", NULL},
    {{"type", GW_F_INT, 0, 10, 1, MAX_ID, NULL}, "p.type_id = ?", NULL},
    {{"department", GW_F_INT, 0, 10, 1, MAX_ID, NULL}, "p.department_id = ?", NULL},
    {{NULL, 0, 0, 0, 0, 0, NULL}, NULL, NULL},
};

static const struct gw_list_col cols[] = {
    {"id", "p.id", GW_LC_SORT, "L.Projects.Number", NULL, NULL},
    {"client_name", "c.name", GW_LC_SORT | GW_LC_SEARCH, "L.Projects.Client", NULL, NULL},
    {"type_zh", "t.name_zh", 0, "L.Projects.Type", NULL, NULL},
    {"dept_name", "d.name", GW_LC_SEARCH, "L.Projects.Department", NULL, NULL},
    {"lead_name", "l.name", GW_LC_SEARCH, "L.Projects.Lead", NULL, "L.Projects.NoLead"},
    {"status", "p.status", GW_LC_SORT, "L.Projects.Status", "L.Projects.Statuses", NULL},
    {"learn_due", "sl.learn_due", 0, "L.Projects.LearnDue", NULL, NULL},
    {"coach_due", "sl.coach_due", 0, "L.Projects.CoachDue", NULL, NULL},
    {NULL, NULL, 0, NULL, NULL, NULL},
};

/* overdue: the latest slip, open or accepted, has a deadline past and not
 * recorded done (two '?': today) */
static const struct gw_list projects_list = {
    .columns = "p.id, c.name AS client_name, t.name_zh AS type_zh, t.name_en AS type_en,"
	       " d.name AS dept_name, l.name AS lead_name, p.status, sl.learn_due, sl.coach_due,"
	       " p.blocked_stage, (sl.status IN ('open', 'accepted')"
	       " AND ((sl.learn_done_on IS NULL AND sl.learn_due < ?)"
	       " OR (sl.coach_done_on IS NULL AND sl.coach_due < ?))) AS overdue",
    .from = "projects p JOIN clients c ON c.id = p.client_id"
	    " JOIN project_types t ON t.id = p.type_id JOIN departments d ON d.id = p.department_id"
	    " LEFT JOIN users l ON l.id = p.lead_id"
	    " LEFT JOIN project_slips sl ON sl.project_id = p.id AND sl.id ="
	    " (SELECT MAX(x.id) FROM project_slips x WHERE x.project_id = p.id)",
    .key = "p.id",
    .filters = filters,
    .cols = cols,
    .sort = "id",
    .desc = 1,
    .rows = 50,
    .program = "projects",
    .path = "/",
    .csv_name = "projects",
};

/* The projects a user sees (DOMAIN.md, issue 11): directors all; an advisor
 * theirs and their department's; a manager their department's; market the
 * ones they created. Arguments: all, user, user, dept-ok, dept. */
static const char SCOPE[] =
    "(? = 1 OR p.created_by = ? OR p.lead_id = ? OR (? = 1 AND p.department_id = ?))";

static const char SQL_TYPES_ZH[] = "SELECT id, name_zh FROM project_types ORDER BY id";
static const char SQL_TYPES_EN[] = "SELECT id, name_en FROM project_types ORDER BY id";
static const char SQL_DEPTS[] = "SELECT id, name FROM departments WHERE active = 1 ORDER BY name";

static int read_list(struct gw_ctx *ctx, struct gw_list_run *r)
{
	struct gw_user *u = ctx->user;
	char *today = gw_arena_alloc(&ctx->arena, 16);
	int bad = gw_list_read(ctx, &projects_list, r);
	struct gw_db_arg args[] = {
	    {GW_DB_TEXT, 0, today},	      {GW_DB_TEXT, 0, today},
	    {GW_DB_INT, sees_all(ctx), NULL}, {GW_DB_INT, u->id, NULL},
	    {GW_DB_INT, u->id, NULL},	      {GW_DB_INT, sees_department(ctx), NULL},
	    {GW_DB_INT, u->dept_id, NULL},
	};

	gw_date_format(gw_today(ctx), today);
	gw_list_scope(r, SCOPE, args, 7);
	return bad;
}

int list_page(struct gw_ctx *ctx)
{
	struct gw_list_run r;

	read_list(ctx, &r);
	if (gw_list_page(ctx, &r))
		return 500;
	options(ctx, "Opt.Types", strcmp(ctx->lang, "en") ? SQL_TYPES_ZH : SQL_TYPES_EN, NULL, 0);
	options(ctx, "Opt.Departments", SQL_DEPTS, NULL, 0);
	for (const char *const *s = status_choices; *s; s++)
		gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "Opt.Statuses.%s", *s),
			   word(ctx, gw_arena_printf(&ctx->arena, "L.Projects.Statuses.%s", *s)));
	if (has(ctx, GW_PERM_PROJECT_CREATE))
		gw_hdf_set_int(ctx->hdf, "Page.CanCreate", 1);
	gw_hdf_set(ctx->hdf, "Page.Title", "Projects.Title");
	gw_hdf_set(ctx->hdf, "Page.Nav", "projects");
	return gw_view_render(ctx, "projects_list.cs");
}

/* GET /export — the user's filtered projects as CSV (streamed); audited. */
int export_csv(struct gw_ctx *ctx)
{
	struct gw_list_run r;
	long long n;

	if (read_list(ctx, &r))
		return 400;
	n = gw_list_csv(ctx, &r);
	if (n < 0 && !ctx->resp.streamed)
		return 500;
	gw_audit(ctx, "project.export", "project", 0, "%lld rows; %s", n,
		 gw_list_describe(ctx, &r));
	return 0;
}
