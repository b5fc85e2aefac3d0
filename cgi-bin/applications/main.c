/* main.c — applications.fcgi, the review of onboarding applications (入驻申请):
 * the queue, an application with its rounds and what changed, approve (a
 * client from it) and reject (with the reason the applicant sees). */
#include "applications.h"

int app_load(struct gw_ctx *ctx, long long id, struct gw_application *a)
{
	int rc = gw_application_load(ctx, id, a);

	if (rc == 1)
		gw_application_to_hdf(ctx->hdf, "App", a);
	return rc;
}

const char *app_path(struct gw_ctx *ctx, long long id)
{
	return gw_arena_printf(&ctx->arena, "/%lld", id);
}

static const struct gw_route routes[] = {
    {"GET", "/", list_page, GW_PERM_APPLICATION_REVIEW, 0},
    {"GET", "/:id", view_page, GW_PERM_APPLICATION_REVIEW, 0},
    {"GET", "/:id/file/:fid", file_get, GW_PERM_APPLICATION_REVIEW, 0},
    {"POST", "/:id/approve", approve_submit, GW_PERM_APPLICATION_REVIEW, 0},
    {"POST", "/:id/reject", reject_submit, GW_PERM_APPLICATION_REVIEW, 0},
    {NULL, NULL, NULL, 0, 0},
};

int main(void)
{
	static const struct gw_app app = {"applications", routes};

	return gw_app_run(&app);
}
