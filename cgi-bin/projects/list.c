/* list.c — projects.fcgi: the projects the user may see, newest first, with the
 * latest slip's deadlines; overdue ones stand out. */
#include "projects.h"

/* overdue: an open slip past its learn-basics day, or an accepted one past its
 * coaching day with no step checked off */
static const char SQL_LIST[] =
	"SELECT p.id, c.name AS client_name, t.name_zh AS type_zh, t.name_en AS type_en,"
	" d.name AS dept_name, l.name AS lead_name, p.status, sl.learn_due, sl.coach_due,"
	" ((sl.status = 'open' AND sl.learn_due < ?) OR (sl.status = 'accepted'"
	"  AND sl.coach_due < ? AND NOT EXISTS (SELECT 1 FROM project_steps s"
	"  WHERE s.project_id = p.id))) AS overdue"
	" FROM projects p JOIN clients c ON c.id = p.client_id"
	" JOIN project_types t ON t.id = p.type_id JOIN departments d ON d.id = p.department_id"
	" LEFT JOIN users l ON l.id = p.lead_id"
	" LEFT JOIN project_slips sl ON sl.id ="
	"  (SELECT MAX(x.id) FROM project_slips x WHERE x.project_id = p.id)"
	" WHERE 1 = 1" PROJECT_SCOPE " ORDER BY p.id DESC LIMIT 200";

int list_page(struct gw_ctx *ctx)
{
	struct gw_user *u = ctx->user;
	char today[16];

	gw_date_format(gw_today(ctx), today);
	if (gw_db_rows(ctx->db, ctx->hdf, "Projects", SQL_LIST, "ssiiiii", today, today,
		       (long long)sees_all(ctx), u->id, u->id, (long long)sees_department(ctx),
		       u->dept_id) < 0)
		return 500;
	if (has(ctx, GW_PERM_PROJECT_CREATE))
		gw_hdf_set_int(ctx->hdf, "Page.CanCreate", 1);
	gw_hdf_set(ctx->hdf, "Page.Title", "Projects.Title");
	gw_hdf_set(ctx->hdf, "Page.Nav", "projects");
	return gw_view_render(ctx, "projects_list.cs");
}
