/* audit.c — the audit log (/admin/audit): filtered, searchable, sortable pages,
 * newest first, and its CSV export; one list declaration (lib/list.c). */
#include <string.h>

#include "guwen/audit.h"
#include "guwen/list.h"
#include "guwen/valid.h"
#include "guwen/view.h"
#include "admin.h"

/* The UTC time at which a local day begins, "YYYY-MM-DD HH:MM:SS", in the arena. */
static const char *local_day_start_utc(struct gw_ctx *ctx, long long day)
{
	long long m = day * 1440 - gw_tz_minutes(ctx);
	int32_t d = (int32_t)(m >= 0 ? m / 1440 : -((-m + 1439) / 1440));
	int mins = (int)(m - (long long)d * 1440);
	char date[16];

	gw_date_format(d, date);
	return gw_arena_printf(&ctx->arena, "%s %02d:%02d:00", date, mins / 60, mins % 60);
}

/* from = the instant that local day begins; to = the instant the next one does */
static const char *day_start(struct gw_ctx *ctx, const struct gw_fval *v)
{
	return local_day_start_utc(ctx, v->i);
}

static const char *day_end(struct gw_ctx *ctx, const struct gw_fval *v)
{
	return local_day_start_utc(ctx, v->i + 1);
}

/* "prefix%" for LIKE with the prefix's own % _ \ taken literally, in the arena. */
static const char *like_prefix(struct gw_ctx *ctx, const struct gw_fval *v)
{
	const char *s = v->s;
	char *out = gw_arena_alloc(&ctx->arena, 2 * strlen(s) + 2), *p = out;

	for (; *s; s++) {
		if (strchr("%_\\", *s))
			*p++ = '\\';
		*p++ = *s;
	}
	strcpy(p, "%");
	return out;
}

/* GET /audit?user=&entity=&action=&from=&to=&q=&sort=&dir=&before= (local days) */
static const struct gw_list_filter audit_filters[] = {
    {{"user", GW_F_TEXT, 0, 64, 0, 0, NULL},
     "a.user_id = (SELECT id FROM users WHERE login = ?)",
     NULL},
    {{"entity", GW_F_TEXT, 0, 32, 0, 0, NULL}, "a.entity = ?", NULL},
    /* one record's entries (a client page's "earlier reads") */
    {{"entity_id", GW_F_INT, 0, 20, 1, 9223372036854775807LL, NULL}, "a.entity_id = ?", NULL},
    {{"action", GW_F_TEXT, 0, 48, 0, 0, NULL}, "a.action LIKE ?", like_prefix},
    {{"from", GW_F_DATE, 0, 10, 0, 0, NULL}, "a.at >= ?", day_start},
    {{"to", GW_F_DATE, 0, 10, 0, 0, NULL}, "a.at < ?", day_end},
    {{NULL, 0, 0, 0, 0, 0, NULL}, NULL, NULL},
};

static const struct gw_list_col audit_cols[] = {
    {"at", "a.at", GW_LC_SORT | GW_LC_ZONE, "L.Admin.Audit.At", NULL, NULL},
    {"login", "u.login", GW_LC_SORT | GW_LC_SEARCH, "L.Admin.Audit.Login", NULL, NULL},
    {"name", "u.name", GW_LC_SEARCH, "L.Admin.Audit.Name", NULL, NULL},
    {"ip", "a.ip", 0, "L.Admin.Audit.Ip", NULL, NULL},
    {"action", "a.action", GW_LC_SORT | GW_LC_SEARCH, "L.Admin.Audit.Action", NULL, NULL},
    {"entity", "a.entity", GW_LC_SORT, "L.Admin.Audit.Entity", NULL, NULL},
    {"entity_id", "a.entity_id", 0, "L.Admin.Audit.EntityId", NULL, NULL},
    {"detail", "a.detail", GW_LC_SEARCH, "L.Admin.Audit.Detail", NULL, NULL},
    {"id", "a.id", GW_LC_SORT, NULL, NULL, NULL},
    {NULL, NULL, 0, NULL, NULL, NULL},
};

static const struct gw_list audit_log = {
    .columns = "a.id, a.at, a.ip, a.action, a.entity, a.entity_id, a.detail,"
	       " COALESCE(u.login, '') AS login, COALESCE(u.name, '') AS name",
    .from = "audit_log a LEFT JOIN users u ON u.id = a.user_id",
    .key = "a.id",
    .filters = audit_filters,
    .cols = audit_cols,
    .sort = "id",
    .desc = 1,
    .rows = 50,
    .program = "admin",
    .path = "/audit",
    .csv_name = "audit",
};

/* The configured zone as "UTC+08:00", in the arena. */
static const char *zone_name(struct gw_ctx *ctx)
{
	int tz = gw_tz_minutes(ctx), a = tz < 0 ? -tz : tz;

	return gw_arena_printf(&ctx->arena, "UTC%c%02d:%02d", tz < 0 ? '-' : '+', a / 60, a % 60);
}

/* GET /audit — the audit log, filtered, newest first, 50 a page (200). */
int audit_list(struct gw_ctx *ctx)
{
	struct gw_list_run r;

	gw_hdf_set(ctx->hdf, "Audit.Zone", zone_name(ctx));
	gw_list_read(ctx, &audit_log, &r);
	if (gw_list_page(ctx, &r))
		return 500;
	return admin_page(ctx, "audit", "Admin.Audit.Title", "admin_audit.cs");
}

/* GET /audit/export — every filtered row as CSV for Excel (UTF-8 with BOM),
 * streamed (200 text/csv); 400 for bad filters. The export is audited itself. */
int audit_export(struct gw_ctx *ctx)
{
	struct gw_list_run r;
	long long n;

	if (gw_list_read(ctx, &audit_log, &r))
		return 400;
	n = gw_list_csv(ctx, &r);
	if (n < 0 && !ctx->resp.streamed)
		return 500;
	gw_audit(ctx, "audit.export", "audit", 0, "%lld rows; %s", n, gw_list_describe(ctx, &r));
	return 0;
}
