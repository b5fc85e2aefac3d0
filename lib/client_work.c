/* client_work.c — the start page's "clients to contact": the user's clients
 * (as a lead) whose last contact is older than the contact cycle, or never. */
#include "guwen/client_work.h"
#include "guwen/hdfset.h"
#include "guwen/valid.h"
#include "guwen/view.h"
#include "guwen/work_query.h"

/* The contact cycle: the setting, 1..365, else 30 days (the rule written
 * once, here). */
#define CONTACT_DAYS                                                                               \
	"COALESCE((SELECT IF(CAST(value AS SIGNED) BETWEEN 1 AND 365, CAST(value AS SIGNED), 30)"  \
	" FROM settings WHERE name = 'contact_days'), 30)"
static const char SQL_DAYS[] = "SELECT " CONTACT_DAYS;
/* the contact cycle read in the same statement: a statement of its own was
 * one more round trip on every start page */
static const char SQL_DUE[] =
    "(SELECT 'cl-due', c.id, c.name, l.contact_on" GW_PAD4 GW_PAD4
    " FROM client_leads l JOIN clients c"
    " ON c.id = l.client_id WHERE l.user_id = ? AND (l.contact_on IS NULL OR l.contact_on < ?"
    " - INTERVAL " CONTACT_DAYS " DAY)"
    " AND c.active = 1 ORDER BY l.contact_on, l.client_id LIMIT 10)";

struct due {
	struct gw_ctx *ctx;
	const char *prefix;
	int n;
};

static int due_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct due *d = p;
	struct gw_arena *a = &d->ctx->arena;
	const char *at = gw_arena_printf(a, "%s.%d", d->prefix, d->n++);

	(void)ncols, (void)lens, (void)names;
	gw_hdf_set(d->ctx->hdf, gw_arena_printf(a, "%s.title", at),
		   gw_arena_printf(a, "%s · %s %s", v[1],
				   gw_view_word(d->ctx, "L.Client.LastContact"),
				   v[2] ? v[2] : gw_view_word(d->ctx, "L.Client.Never")));
	gw_hdf_set(d->ctx->hdf, gw_arena_printf(a, "%s.href", at),
		   gw_url(d->ctx, "clients", gw_arena_printf(a, "/%s", v[0])));
	return 0;
}

int gw_client_contact_days(struct gw_ctx *ctx)
{
	long long n = 0;

	return gw_db_int(ctx->db, &n, SQL_DAYS, NULL) == 1 ? (int)n : 30;
}

int gw_client_work(struct gw_ctx *ctx, const char *prefix)
{
	struct due *d;
	struct gw_db_arg *a;
	char *today;

	if (!gw_perm_has(ctx->user->role, GW_PERM_CLIENT_READ))
		return 0;
	d = gw_arena_alloc(&ctx->arena, sizeof(*d));
	*d = (struct due){ctx, prefix, 0};
	today = gw_arena_alloc(&ctx->arena, 11);
	gw_date_format(gw_today(ctx), today);
	a = gw_work_args_int(ctx, 2, ctx->user->id);
	a[1] = (struct gw_db_arg){GW_DB_TEXT, 0, today};
	return gw_work_add(ctx, "cl-due", SQL_DUE, a, 2, due_row, d);
}
