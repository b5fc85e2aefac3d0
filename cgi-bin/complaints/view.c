/* view.c — complaints.fcgi: a complaint's page with its timeline, files and the
 * actions allowed; attachments downloaded. */
#include "complaints.h"

static const char SQL_EVENTS[] =
	"SELECT e.id, e.at, e.kind, e.visibility, e.body, u.name AS user_name"
	" FROM complaint_events e LEFT JOIN users u ON u.id = e.user_id"
	" WHERE e.complaint_id = ? ORDER BY e.id";

static const char SQL_FILES[] =
	"SELECT id, orig_name, ctype, size FROM complaint_files WHERE complaint_id = ? ORDER BY id";

static const char SQL_FILE[] =
	"SELECT stored_name, orig_name, ctype FROM complaint_files WHERE id = ? AND complaint_id = ?";

static const char SQL_DEPTS[] = "SELECT id, name FROM departments WHERE active = 1 ORDER BY name";

static const char SQL_OWNERS[] =
	"SELECT u.id, u.name, u.role, d.name FROM users u"
	" LEFT JOIN departments d ON d.id = u.department_id"
	" WHERE u.active = 1 AND u.role IN ('advisor', 'manager', 'director') ORDER BY u.name";

/* ---- the complaint's page ------------------------------------------------------ */

/* The next stage and the form it needs, for the page. */
static void next_stage_to_hdf(struct gw_ctx *ctx)
{
	int cur = gw_stage_from(hdf_get_value(ctx->hdf, "C.stage", NULL));

	if (cur < 0 || cur >= GW_STAGE_CLOSED)
		return;
	hdf_set_value(ctx->hdf, "Next.stage", gw_stage_name((enum gw_stage)(cur + 1)));
	if (cur + 1 == GW_STAGE_CLOSED &&
	    gw_complaint_close_needs_cause(gw_severity_from(hdf_get_value(ctx->hdf, "C.severity",
									    NULL))))
		hdf_set_int_value(ctx->hdf, "Next.needs_cause", 1);
}

/* The classification form starts from the complaint's current values. */
static void classify_defaults(struct gw_ctx *ctx)
{
	static const char *const pairs[][2] = {
		{ "Form.severity", "C.severity" },
		{ "Form.department", "C.department_id" },
		{ "Form.owner", "C.owner_id" },
	};

	if (hdf_get_value(ctx->hdf, "Form.severity", NULL))
		return; /* the user's own input, shown again */
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		hdf_set_value(ctx->hdf, pairs[i][0], hdf_get_value(ctx->hdf, pairs[i][1], ""));
}

/* Released into the normal flow (not a suspected or discarded public post). */
static int is_trusted(struct gw_ctx *ctx)
{
	return !strcmp(hdf_get_value(ctx->hdf, "C.trust", "ok"), "ok");
}

/* No action but release / discard: closed, or a public post not released. */
int is_closed(struct gw_ctx *ctx)
{
	return !strcmp(hdf_get_value(ctx->hdf, "C.stage", ""), "closed") || !is_trusted(ctx);
}

/* Render the complaint in C.* with its timeline, files and the allowed actions. */
int show_page(struct gw_ctx *ctx)
{
	long long id = hdf_ll(ctx->hdf, "C.id");

	if (gw_db_rows(ctx->db, ctx->hdf, "Events", SQL_EVENTS, "i", id) < 0 ||
	    gw_db_rows(ctx->db, ctx->hdf, "Files", SQL_FILES, "i", id) < 0)
		return 500;
	next_stage_to_hdf(ctx);
	if (has(ctx, GW_PERM_COMPLAINT_CLASSIFY) && !is_closed(ctx)) {
		choice_options(ctx, "Opt.Severities", "L.Complaint.Severities", severity_choices);
		options(ctx, "Opt.Departments", SQL_DEPTS, option_row);
		options(ctx, "Opt.Owners", SQL_OWNERS, owner_row);
		classify_defaults(ctx);
	}
	hdf_set_value(ctx->hdf, "Page.Title", "Complaints.ViewTitle");
	hdf_set_value(ctx->hdf, "Page.Nav", "complaints");
	return gw_view_render(ctx, "complaints_view.cs");
}

/* The page again, with a message for the whole action (L.Complaints.Msg.<key>)
 * when msg is not NULL; messages at fields are in Form.* already. */
int show_error(struct gw_ctx *ctx, const char *msg)
{
	if (msg && !strcmp(msg, "closed") && !is_trusted(ctx))
		msg = "not_released";
	if (msg)
		hdf_set_value(ctx->hdf, "Page.Error", msg);
	return show_page(ctx);
}

/* GET /:id — 200 the complaint; 404 when absent or outside the user's lists. */
int view_page(struct gw_ctx *ctx)
{
	int rc = load(ctx, gw_param_id(ctx, 0));

	return rc ? rc : show_page(ctx);
}

/* GET /:id/file/:fid — 200 the attachment (as a download); 404 otherwise. */
int file_get(struct gw_ctx *ctx)
{
	long long id = gw_param_id(ctx, 0);
	int rc = load(ctx, id);

	if (rc)
		return rc;
	rc = gw_db_row(ctx->db, ctx->hdf, "F", SQL_FILE, "ii", gw_param_id(ctx, 1), id);
	if (rc <= 0)
		return rc < 0 ? 500 : 404;
	return gw_upload_send(ctx, hdf_get_value(ctx->hdf, "F.stored_name", ""),
			      hdf_get_value(ctx->hdf, "F.orig_name", "file"),
			      hdf_get_value(ctx->hdf, "F.ctype", "application/octet-stream"));
}
