/* list.c — applications.fcgi: the queue (lib/list.c), filtered by status and
 * age, newest first; suspected posts (sent too fast, too many from one
 * address) marked for a second look. */
#include "guwen/list.h"

#include "applications.h"

static const char *const status_keys[] = {"submitted", "rejected", "approved", "withdrawn", NULL};
static const char *const age_keys[] = {"1", "3", "7", "30", NULL};
static const char *const trust_keys[] = {"suspect", NULL};

/* age=N: submitted N days ago or earlier (the current round's time). */
static const char *age_cut(struct gw_ctx *ctx, const struct gw_fval *v)
{
	int64_t t;
	char buf[20];

	if (gw_time_parse(gw_now_utc(ctx), &t))
		return "1970-01-01 00:00:00";
	gw_time_format(t - atoll(v->s) * 86400LL, buf);
	return gw_arena_strdup(&ctx->arena, buf);
}

static const struct gw_list_filter filters[] = {
    {{"status", GW_F_CHOICE, 0, 16, 0, 0, status_keys}, "a.status = ?", NULL},
    {{"age", GW_F_CHOICE, 0, 2, 0, 0, age_keys}, "a.submitted_at <= ?", age_cut},
    {{"trust", GW_F_CHOICE, 0, 8, 0, 0, trust_keys}, "a.trust = ?", NULL},
    {{NULL, 0, 0, 0, 0, 0, NULL}, NULL, NULL},
};

static const struct gw_list_col cols[] = {
    {"submitted_at", "a.id", GW_LC_SORT, "L.Application.Submitted", NULL, NULL},
    {"company_name", "a.company_name", GW_LC_SORT | GW_LC_SEARCH, "L.Application.CompanyName", NULL,
     NULL},
    {"uscc", "a.uscc", GW_LC_SEARCH, "L.Application.Uscc", NULL, NULL},
    {"contact_name", "a.contact_name", GW_LC_SEARCH, "L.Application.ContactName", NULL, NULL},
    {"status", "a.status", GW_LC_SORT, "L.Applications.Status", "L.Application.Statuses", NULL},
    {NULL, NULL, 0, NULL, NULL, NULL},
};

static const struct gw_list queue = {
    .columns = "a.id, a.company_name, a.uscc, a.contact_name, a.status, a.round, a.trust,"
	       " a.submitted_at",
    .from = "applications a",
    .key = "a.id",
    .filters = filters,
    .cols = cols,
    .sort = "submitted_at",
    .desc = 1,
    .rows = 20,
    .program = "applications",
    .path = "/",
    .csv_name = "applications",
    .lenient = 1,
};

static void options(struct gw_ctx *ctx, const char *prefix, const char *words,
		    const char *const *keys)
{
	for (; *keys; keys++)
		gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "%s.%s", prefix, *keys),
			   gw_view_word(ctx, gw_arena_printf(&ctx->arena, "%s.%s", words, *keys)));
}

/* GET /?status=&age=&trust=&q=&sort=&dir=&before= — 200: the queue, 20 at a time. */
int list_page(struct gw_ctx *ctx)
{
	struct gw_list_run r;

	gw_list_read(ctx, &queue, &r);
	if (gw_list_page(ctx, &r))
		return 500;
	options(ctx, "Opt.Statuses", "L.Application.Statuses", status_keys);
	options(ctx, "Opt.Ages", "L.Applications.Ages", age_keys);
	gw_hdf_set(ctx->hdf, "Opt.Trust.suspect", gw_view_word(ctx, "L.Applications.Suspect"));
	gw_hdf_set(ctx->hdf, "Page.Title", "Applications.Title");
	gw_hdf_set(ctx->hdf, "Page.Nav", "applications");
	return gw_view_render(ctx, "applications_list.cs");
}
