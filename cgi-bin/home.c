/* home.c — the staff start page ("my work") and the language switch. */
#include <string.h>

#include "guwen/app.h"
#include "guwen/audit.h"
#include "guwen/calendar_watch.h"
#include "guwen/hdfset.h"
#include "guwen/programs.h"
#include "guwen/valid.h"
#include "guwen/view.h"

static const char SQL_SET_LANG[] = "UPDATE users SET lang = ?, updated_at = ? WHERE id = ?";

/* Whoever keeps the working-day calendar is told when it does not reach 90
 * days ahead (Calendar.End: its last day). 0 or -1. */
static int calendar_notice(struct gw_ctx *ctx)
{
	int32_t end;
	char day[16];
	int s;

	if (!gw_perm_has(ctx->user->role, GW_PERM_ADMIN_CALENDAR))
		return 0;
	if ((s = gw_calendar_short(ctx->db, gw_today(ctx), &end)) <= 0)
		return s;
	if (end)
		gw_date_format(end, day);
	gw_hdf_set(ctx->hdf, "Calendar.End", end ? day : "-");
	return 0;
}

/* GET / — the start page: the lists of the signed-in person's work, one
 * section per entry of gw_work_sections (lib/programs.c). */
static int start_page(struct gw_ctx *ctx)
{
	gw_hdf_set(ctx->hdf, "Page.Title", "Home.Title");
	gw_hdf_set(ctx->hdf, "Page.Nav", "home");
	if (gw_programs_work(ctx) || calendar_notice(ctx))
		return 500;
	return gw_view_render(ctx, "home.cs");
}

/* POST /lang — switch the interface language; 303 back to the start page. */
static int switch_lang(struct gw_ctx *ctx)
{
	const char *lang = gw_form(&ctx->req, "lang");

	if (!lang || (strcmp(lang, "en") && strcmp(lang, "zh-CN")))
		return 400;
	if (gw_db_exec(ctx->db, SQL_SET_LANG, "ssi", lang, gw_now_utc(ctx), ctx->user->id) < 0)
		return 500;
	gw_response_cookie(&ctx->resp, "gw_lang", lang, 365L * 86400, ctx->https);
	return gw_redirect(ctx, "home", "/", NULL);
}

static const struct gw_route routes[] = {
    {"GET", "/", start_page, GW_PERM_LOGIN, 0},
    {"POST", "/lang", switch_lang, GW_PERM_LOGIN, GW_ROUTE_FIRST},
    {NULL, NULL, NULL, 0, 0},
};

int main(void)
{
	static const struct gw_app app = {"home", routes};

	return gw_app_run(&app);
}
