/* main.c — applications.fcgi, the review of onboarding applications (入驻申请):
 * the queue, an application with its rounds and what changed, approve (a
 * client from it) and reject (with the reason the applicant sees). */
#include "applications.h"

static const char SQL_LOAD[] =
	"SELECT a.id, a.status, a.round, a.company_name, a.uscc, a.contact_name,"
	" a.contact_phone, a.contact_email, a.services, a.trust, a.suspect_reason, a.reason,"
	" a.client_id, a.submitted_at, a.created_at, a.reviewed_at, u.name AS reviewer_name,"
	" c.name AS client_name FROM applications a LEFT JOIN users u ON u.id = a.reviewer_id"
	" LEFT JOIN clients c ON c.id = a.client_id WHERE a.id = ?";

int app_load(struct gw_ctx *ctx, long long id)
{
	if (id <= 0)
		return 0;
	return gw_db_row(ctx->db, ctx->hdf, "App", SQL_LOAD, "i", id);
}

const char *app_path(struct gw_ctx *ctx, long long id)
{
	return gw_arena_printf(&ctx->arena, "/%lld", id);
}

static const struct gw_route routes[] = {
	{ "GET", "/", list_page, GW_PERM_APPLICATION_REVIEW, 0 },
	{ "GET", "/:id", view_page, GW_PERM_APPLICATION_REVIEW, 0 },
	{ "GET", "/:id/file/:fid", file_get, GW_PERM_APPLICATION_REVIEW, 0 },
	{ "POST", "/:id/approve", approve_submit, GW_PERM_APPLICATION_REVIEW, 0 },
	{ "POST", "/:id/reject", reject_submit, GW_PERM_APPLICATION_REVIEW, 0 },
	{ NULL, NULL, NULL, 0, 0 },
};

int main(void)
{
	static const struct gw_app app = { "applications", routes };

	return gw_app_run(&app);
}
