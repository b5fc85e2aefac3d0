/* contact.c — on every portal page: the centre's phone and office hours
 * (settings), and the language switch. */
#include <time.h>

#include "portal.h"

#define CONTACT_SECONDS 60 /* Portal.ContactSeconds: an admin's change shows within this */

static const char SQL_CONTACT[] =
    "SELECT name, value FROM settings"
    " WHERE name IN ('centre_phone', 'office_hours_zh', 'office_hours_en')";

/* The word for an extension in a language ("转", "ext."). */
static const char *ext_word(struct gw_ctx *ctx, const char *lang)
{
	const char *was = ctx->lang, *w;

	ctx->lang = lang;
	w = gw_view_word(ctx, "L.Complaint.PhoneExt");
	ctx->lang = was;
	return w;
}

/* A settings row as the page values every visitor sees alike (Centre.*). */
static int contact_row(void *p, int n, char **v, const size_t *lens, const char *const *names)
{
	struct gw_ctx *ctx = p;
	char zh[64], en[64];

	(void)lens, (void)names;
	if (n < 2 || !v[0] || !v[1])
		return 0;
	if (!strcmp(v[0], "centre_phone")) {
		gw_phone_format(v[1], ext_word(ctx, "zh-CN"), zh, sizeof(zh));
		gw_phone_format(v[1], ext_word(ctx, "en"), en, sizeof(en));
		gw_view_set_global("Centre.Phone", v[1]);
		gw_view_set_global("Centre.PhoneZh", zh);
		gw_view_set_global("Centre.PhoneEn", en);
	} else {
		gw_view_set_global(
		    !strcmp(v[0], "office_hours_en") ? "Centre.HoursEn" : "Centre.HoursZh", v[1]);
	}
	return 0;
}

/* The centre's phone number and office hours (settings), read once a minute per
 * process into the values every page sees: the same for every visitor, so the
 * anonymous pages kept rendered stay correct (a change drops them: view.c). A
 * database error keeps the last ones. */
void contact_refresh(struct gw_ctx *ctx)
{
	static time_t loaded;

	if (loaded &&
	    ctx->now - loaded < portal_limit(ctx, "Portal.ContactSeconds", CONTACT_SECONDS))
		return;
	loaded = ctx->now;
	gw_view_set_global("Portal.Switch", "1");
	(void)gw_db_each(ctx->db, contact_row, ctx, SQL_CONTACT, NULL);
}

/* Where the switch leads back to: the page's own path when it is one that can
 * be fetched (a posted answer or rating: the look-up), else the start. */
static const char *page_back(const char *next)
{
	if (next && (!strcmp(next, "/complaint") || !strcmp(next, "/complaint/status")))
		return next;
	return next && !strncmp(next, "/complaint/", 11) ? "/complaint/status" : "/";
}

/* GET /lang?to=en&next=/complaint — the visitor's language (a cookie for a
 * year), then 303 back to the page (only a portal page; else the start). */
int switch_lang(struct gw_ctx *ctx)
{
	const char *to = gw_query(&ctx->req, "to"), *next = page_back(gw_query(&ctx->req, "next"));

	if (!to || (strcmp(to, "en") && strcmp(to, "zh-CN")))
		return 400;
	gw_response_cookie(&ctx->resp, "gw_lang", to, 365L * 86400, ctx->https);
	return gw_redirect(ctx, "portal", next, NULL);
}
