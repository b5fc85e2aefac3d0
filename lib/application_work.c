/* application_work.c — the applications waiting for review on the start page:
 * the oldest first (they have waited longest), read from (status, id). */
#include <stdlib.h>

#include "guwen/application_work.h"
#include "guwen/hdfset.h"
#include "guwen/perm.h"
#include "guwen/view.h"
#include "guwen/work_query.h"

static const char SQL_WORK[] =
    "(SELECT 'ap', id, company_name, contact_name, round, trust" GW_PAD4 GW_PAD2
    " FROM applications WHERE status = 'submitted' ORDER BY id LIMIT 10)";

struct work {
	struct gw_ctx *ctx;
	const char *prefix;
	int n;
};

/* id, company, contact, round, trust → "某某公司 · 张三 · 待审核" */
static int work_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct work *w = p;
	struct gw_arena *a = &w->ctx->arena;
	const char *item = gw_arena_printf(a, "%s.%d", w->prefix, w->n);

	(void)lens, (void)names;
	if (ncols < 5 || !v[0] || !v[1])
		return 0;
	gw_hdf_set(w->ctx->hdf, gw_arena_printf(a, "%s.title", item),
		   gw_arena_printf(a, "%s · %s · %s", v[1], v[2] ? v[2] : "",
				   gw_view_word(w->ctx, "L.Applications.Home.Item")));
	gw_hdf_set(w->ctx->hdf, gw_arena_printf(a, "%s.href", item),
		   gw_url(w->ctx, "applications", gw_arena_printf(a, "/%s", v[0])));
	if (v[4] && v[4][0] == 's')
		gw_hdf_set_int(w->ctx->hdf, gw_arena_printf(a, "%s.alert", item), 1);
	w->n++;
	return 0;
}

int gw_application_work(struct gw_ctx *ctx, const char *prefix)
{
	struct work *w;

	if (!gw_perm_has(ctx->user->role, GW_PERM_APPLICATION_REVIEW))
		return 0;
	w = gw_arena_alloc(&ctx->arena, sizeof(*w));
	*w = (struct work){.ctx = ctx, .prefix = prefix};
	return gw_work_add(ctx, "ap", SQL_WORK, NULL, 0, work_row, w);
}
