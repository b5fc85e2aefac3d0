/* materials.c — projects.fcgi: starting work: the lead records the client's
 * finance contact (QQ / WeChat) and sends the materials checklist (项目资料清单
 * of the project's type) to the client by mail; materials are ticked as they
 * arrive and the project shows what is still missing. */
#include "projects.h"

static const char SQL_START[] =
    "UPDATE projects SET finance_qq = ?, finance_wechat = ?, checklist_sent_at = ? WHERE id = ?";
static const char SQL_LIST_ZH[] =
    "SELECT ROW_NUMBER() OVER (ORDER BY pos, seq) AS n, name_zh AS name"
    " FROM project_type_materials WHERE type_id = ? AND active = 1 ORDER BY pos, seq";
static const char SQL_MATERIAL_NAME[] =
    "SELECT name_zh FROM project_type_materials WHERE type_id = ? AND seq = ? AND active = 1";
static const char SQL_MATERIAL[] =
    "INSERT INTO project_materials (project_id, seq, received_on, received_by) VALUES (?, ?, ?, ?)";

enum { S_QQ, S_WECHAT, S__N };
static const struct gw_fdef start_form[] = {
    [S_QQ] = {.name = "finance_qq", .type = GW_F_TEXT, .maxlen = 32},
    [S_WECHAT] = {.name = "finance_wechat", .type = GW_F_TEXT, .maxlen = 64},
    [S__N] = {.name = NULL},
};
GW_FORM_CHECK(start_form, S__N);

enum { M_SEQ, M_ON, M__N };
static const struct gw_fdef material_form[] = {
    [M_SEQ] =
	{.name = "material", .type = GW_F_INT, .required = 1, .maxlen = 3, .min = 1, .max = 99},
    [M_ON] = {.name = "received_on", .type = GW_F_DATE, .required = 1, .maxlen = 10},
    [M__N] = {.name = NULL},
};
GW_FORM_CHECK(material_form, M__N);

/* The lead of a project in progress. */
int may_start(struct gw_ctx *ctx, const struct gw_project *p)
{
	return is(p->status, "active") && p->lead_id == ctx->user->id;
}

/* The checklist as text lines "1. 营业执照复印件" for the mail, in the arena. */
static const char *checklist_text(struct gw_ctx *ctx, const struct gw_project *p)
{
	const char *text = "";
	HDF *list;

	if (gw_db_rows(ctx->db, ctx->hdf, "Tmp.List", SQL_LIST_ZH, "i", p->type_id) < 0)
		return NULL;
	list = hdf_get_obj(ctx->hdf, "Tmp.List");
	for (HDF *r = list ? hdf_obj_child(list) : NULL; r; r = hdf_obj_next(r))
		text = gw_arena_printf(&ctx->arena, "%s%s. %s\n", text, hdf_get_value(r, "n", ""),
				       hdf_get_value(r, "name", ""));
	gw_hdf_remove(ctx->hdf, "Tmp");
	return text;
}

int start_submit(struct gw_ctx *ctx)
{
	struct gw_project p;
	struct gw_fval v[S__N];
	const char *list;
	int r = loaded(ctx, &p), failed;

	if (r <= 0)
		return not_loaded(r);
	if (!may_start(ctx, &p))
		return p.lead_id == ctx->user->id ? refused(ctx, &p, "not_open") : 403;
	if (GW_FORM_READ(ctx, start_form, v) || (!v[S_QQ].present && !v[S_WECHAT].present &&
						 gw_form_error(ctx, "finance_qq", "need_im")))
		return show_page(ctx, &p, NULL);
	if (!claimed(ctx, &p, &r))
		return r;
	list = checklist_text(ctx, &p);
	failed =
	    !list ||
	    gw_db_exec(ctx->db, SQL_START, "sssi", v[S_QQ].present ? v[S_QQ].s : NULL,
		       v[S_WECHAT].present ? v[S_WECHAT].s : NULL, gw_now_utc(ctx), p.id) != 1 ||
	    event(ctx, p.id, "checklist_sent", list);
	if (!failed)
		notify_client_as(ctx, &p, "L.Projects.Mail.Checklist",
				 gw_arena_printf(&ctx->arena, "%s\n%s",
						 word(ctx, "L.Projects.Mail.ChecklistText"), list));
	return finish(ctx, &p, failed, "project.start", "checklist_sent");
}

int material_submit(struct gw_ctx *ctx)
{
	struct gw_project p;
	struct gw_fval v[M__N];
	char on[16];
	const char *name;
	int r = loaded(ctx, &p), failed;

	if (r <= 0)
		return not_loaded(r);
	if (!may_start(ctx, &p) && !is_manager_of(ctx, &p))
		return 403;
	if (GW_FORM_READ(ctx, material_form, v))
		return show_page(ctx, &p, NULL);
	if (gw_db_row(ctx->db, ctx->hdf, "Tmp.M", SQL_MATERIAL_NAME, "ii", p.type_id, v[M_SEQ].i) !=
	    1)
		return refused(ctx, &p, "bad_step");
	name = gw_arena_strdup(&ctx->arena, hdf_get_value(ctx->hdf, "Tmp.M.name_zh", ""));
	gw_hdf_remove(ctx->hdf, "Tmp");
	if (!claimed(ctx, &p, &r))
		return r;
	gw_date_format((int32_t)v[M_ON].i, on);
	if (gw_db_exec(ctx->db, SQL_MATERIAL, "iisi", p.id, v[M_SEQ].i, on, ctx->user->id) != 1) {
		gw_db_rollback(ctx->db);
		return gw_db_errno(ctx->db) == 1062 ? refused(ctx, &p, "material_done") : 500;
	}
	failed = event(ctx, p.id, "material", gw_arena_printf(&ctx->arena, "%s · %s", name, on));
	return finish(ctx, &p, failed, "project.material", "material_received");
}
