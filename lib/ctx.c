/* ctx.c — the request context's small accessors: route parameters, URLs,
 * the client's address, the clock and the zone. */
#include <stdio.h>
#include <string.h>

#include "guwen/ctx.h"
#include "guwen/valid.h"

const char *gw_param(struct gw_ctx *ctx, int i)
{
	return i >= 0 && i < ctx->req.nparam ? ctx->req.param[i] : NULL;
}

long long gw_param_id(struct gw_ctx *ctx, int i)
{
	int64_t v;

	if (!gw_param(ctx, i) || gw_valid_int(gw_param(ctx, i), 1, INT64_MAX, &v))
		return 0;
	return v;
}

const char *gw_url(struct gw_ctx *ctx, const char *program, const char *path)
{
	const char *base = hdf_get_value(ctx->cfg, "App.Base", "");

	if (!path)
		path = "";
	if (!strcmp(hdf_get_value(ctx->cfg, "App.URLStyle", "pretty"), "cgi"))
		return gw_arena_printf(&ctx->arena, "%s/cgi-bin/%s.fcgi%s", base, program, path);
	if (!strcmp(program, "home"))
		return gw_arena_printf(&ctx->arena, "%s%s", base, path);
	return gw_arena_printf(&ctx->arena, "%s/%s%s", base, program, path);
}

const char *gw_client_ip(struct gw_ctx *ctx)
{
	return ctx->req.remote_addr ? ctx->req.remote_addr : "";
}

const char *gw_now_utc(struct gw_ctx *ctx)
{
	struct tm tm;

	gmtime_r(&ctx->now, &tm);
	return gw_arena_printf(&ctx->arena, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900,
			       tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

int gw_tz_minutes(struct gw_ctx *ctx)
{
	return hdf_get_int_value(ctx->cfg, "App.TZOffsetMinutes", 480);
}

int32_t gw_today(struct gw_ctx *ctx)
{
	return (int32_t)(((long long)ctx->now + 60LL * gw_tz_minutes(ctx)) / 86400);
}
