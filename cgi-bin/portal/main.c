/* main.c — portal.fcgi, the public pages (no login): the complaint form, the
 * status look-up with the complainant's replies, the rating after resolution,
 * and the onboarding application with its private status link. */
#include "portal.h"

int portal_limit(struct gw_ctx *ctx, const char *key, int def)
{
	return hdf_get_int_value(ctx->cfg, key, def);
}

/* Only a filled honeypot or a forged token: people are never taken for bots. */
int portal_is_bot(struct gw_ctx *ctx, enum gw_form_token t)
{
	const char *pot = gw_form(&ctx->req, "website");

	return (pot && *pot) || t == GW_TOKEN_BAD;
}

/* GET / — the public start: links to the complaint form and the look-up. */
static int portal_index(struct gw_ctx *ctx)
{
	gw_hdf_set(ctx->hdf, "Page.Title", "Portal.Title");
	return gw_view_render(ctx, "portal_index.cs");
}

static const struct gw_route routes[] = {
	{ "GET", "/", portal_index, GW_PERM_PUBLIC, 0 },
	{ "GET", "/complaint", complaint_page, GW_PERM_PUBLIC, 0 },
	{ "POST", "/complaint", complaint_submit, GW_PERM_PUBLIC, GW_ROUTE_NOCSRF },
	{ "GET", "/complaint/status", status_page, GW_PERM_PUBLIC, 0 },
	{ "POST", "/complaint/status", status_submit, GW_PERM_PUBLIC, GW_ROUTE_NOCSRF },
	{ "POST", "/complaint/rate", rate_submit, GW_PERM_PUBLIC, GW_ROUTE_NOCSRF },
	{ "GET", "/apply", apply_page, GW_PERM_PUBLIC, 0 },
	{ "POST", "/apply", apply_submit, GW_PERM_PUBLIC, GW_ROUTE_NOCSRF },
	{ "GET", "/apply/s/:token", apply_status, GW_PERM_PUBLIC, 0 },
	{ "GET", "/apply/s/:token/edit", apply_edit_page, GW_PERM_PUBLIC, 0 },
	{ "POST", "/apply/s/:token/edit", apply_edit_submit, GW_PERM_PUBLIC, GW_ROUTE_NOCSRF },
	{ "POST", "/apply/s/:token/withdraw", apply_withdraw, GW_PERM_PUBLIC, GW_ROUTE_NOCSRF },
	{ NULL, NULL, NULL, 0, 0 },
};

int main(void)
{
	static const struct gw_app app = { "portal", routes };

	return gw_app_run(&app);
}
