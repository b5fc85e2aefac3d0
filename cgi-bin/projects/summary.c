/* summary.c — projects.fcgi: the progress summary (项目进度汇总表) of the
 * user's projects, per advisor and per department: a printable page and CSV. */
#include "guwen/csv.h"
#include "guwen/project_summary.h"
#include "projects.h"

static const char *const csv_cols[] = {"dept_name",   "lead_name",   "projects", "active",
				       "steps_done",  "steps_total", "met",	 "missed",
				       "collections", NULL};
static const char *const csv_words[] = {
    "L.Projects.Department",	      "L.Projects.Lead",
    "L.Projects.Summary.Projects",    "L.Projects.Summary.Active",
    "L.Projects.Summary.StepsDone",   "L.Projects.Summary.StepsTotal",
    "L.Projects.Summary.Met",	      "L.Projects.Summary.Missed",
    "L.Projects.Summary.Collections", NULL};

static int load_summary(struct gw_ctx *ctx)
{
	struct gw_summary_scope s = {sees_all(ctx), ctx->user->id, sees_department(ctx),
				     ctx->user->dept_id};
	char *today = gw_arena_alloc(&ctx->arena, 16);

	gw_date_format(gw_today(ctx), today);
	gw_hdf_set(ctx->hdf, "Summary.Today", today);
	if (gw_project_summary(ctx->db, ctx->hdf, "ByAdvisor", GW_SUMMARY_ADVISOR, today, &s) < 0 ||
	    gw_project_summary_departments(ctx->hdf, "ByAdvisor", "ByDepartment") < 0)
		return -1;
	return 0;
}

int summary_page(struct gw_ctx *ctx)
{
	if (load_summary(ctx))
		return 500;
	gw_hdf_set(ctx->hdf, "Page.Title", "Projects.Summary.Title");
	gw_hdf_set(ctx->hdf, "Page.Nav", "projects");
	return gw_view_render(ctx, "projects_summary.cs");
}

/* One HDF row as a CSV line. */
static void csv_line(struct gw_ctx *ctx, HDF *row, const char *kind)
{
	const char *cells[10];
	int n = 0;

	cells[n++] = kind;
	for (const char *const *c = csv_cols; *c; c++)
		cells[n++] = hdf_get_value(row, *c, "");
	if (!*cells[2])
		cells[2] = word(ctx, "L.Projects.NoLead");
	gw_csv_row(&ctx->resp.body, cells, n);
}

static void csv_rows(struct gw_ctx *ctx, const char *prefix, const char *kind)
{
	for (HDF *r = hdf_obj_child(hdf_get_obj(ctx->hdf, prefix)); r; r = hdf_obj_next(r))
		csv_line(ctx, r, kind);
}

/* GET /summary/export — both groupings as CSV (the first column says which). */
int summary_csv(struct gw_ctx *ctx)
{
	const char *head[10];
	int n = 0;

	if (load_summary(ctx))
		return 500;
	head[n++] = word(ctx, "L.Projects.Summary.Grouping");
	for (const char *const *w = csv_words; *w; w++)
		head[n++] = word(ctx, *w);
	ctx->resp.ctype = "text/csv; charset=utf-8";
	gw_response_header(&ctx->resp, "Content-Disposition",
			   "attachment; filename=\"project-summary.csv\"");
	gw_buf_reset(&ctx->resp.body);
	gw_buf_puts(&ctx->resp.body, "\xEF\xBB\xBF");
	gw_csv_row(&ctx->resp.body, head, n);
	csv_rows(ctx, "ByAdvisor", word(ctx, "L.Projects.Summary.PerAdvisor"));
	csv_rows(ctx, "ByDepartment", word(ctx, "L.Projects.Summary.PerDepartment"));
	return gw_audit(ctx, "project.summary_export", "project", 0, "%s", "csv") ? 500 : 0;
}
