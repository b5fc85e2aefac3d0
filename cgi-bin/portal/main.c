/* main.c — portal.fcgi, the public pages (no login): the complaint form, the
 * status look-up with the complainant's replies, the rating after resolution,
 * the complainant's answer while we wait for them, the onboarding application
 * with its private status link, and the language switch. */
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

/* Every page first refreshes the contact values; then the page itself. */
#define PAGE(name, fn)                                                                             \
	static int name(struct gw_ctx *ctx)                                                        \
	{                                                                                          \
		contact_refresh(ctx);                                                              \
		return fn(ctx);                                                                    \
	}
PAGE(index_page, portal_index)
PAGE(form_page, complaint_page)
PAGE(form_post, complaint_submit)
PAGE(status_get, status_form)
PAGE(status_post, status_submit)
PAGE(rate_post, rate_submit)
PAGE(answer_post, answer_submit)
PAGE(lang_get, switch_lang)
PAGE(apply_get, apply_page)
PAGE(apply_post, apply_submit)
PAGE(apply_status_get, apply_status)
PAGE(apply_edit_get, apply_edit_page)
PAGE(apply_edit_post, apply_edit_submit)
PAGE(apply_withdraw_post, apply_withdraw)

static const struct gw_route routes[] = {
    {"GET", "/", index_page, GW_PERM_PUBLIC, 0},
    {"GET", "/complaint", form_page, GW_PERM_PUBLIC, 0},
    {"POST", "/complaint", form_post, GW_PERM_PUBLIC, GW_ROUTE_NOCSRF},
    {"GET", "/complaint/status", status_get, GW_PERM_PUBLIC, 0},
    {"POST", "/complaint/status", status_post, GW_PERM_PUBLIC, GW_ROUTE_NOCSRF},
    {"POST", "/complaint/rate", rate_post, GW_PERM_PUBLIC, GW_ROUTE_NOCSRF},
    {"POST", "/complaint/answer", answer_post, GW_PERM_PUBLIC, GW_ROUTE_NOCSRF},
    {"GET", "/lang", lang_get, GW_PERM_PUBLIC, 0},
    {"GET", "/apply", apply_get, GW_PERM_PUBLIC, 0},
    {"POST", "/apply", apply_post, GW_PERM_PUBLIC, GW_ROUTE_NOCSRF},
    {"GET", "/apply/s/:token", apply_status_get, GW_PERM_PUBLIC, 0},
    {"GET", "/apply/s/:token/edit", apply_edit_get, GW_PERM_PUBLIC, 0},
    {"POST", "/apply/s/:token/edit", apply_edit_post, GW_PERM_PUBLIC, GW_ROUTE_NOCSRF},
    {"POST", "/apply/s/:token/withdraw", apply_withdraw_post, GW_PERM_PUBLIC, GW_ROUTE_NOCSRF},
    {NULL, NULL, NULL, 0, 0},
};

int main(void)
{
	static const struct gw_app app = {"portal", routes};

	return gw_app_run(&app);
}
