/* common.c — clients.fcgi: helpers shared by its pages: the route's client with
 * what the user may see of it, phone numbers' normal form, options. */
#include <stdlib.h>

#include "clients.h"

const char *const tier_keys[] = {"normal", "premium", NULL};

int has(struct gw_ctx *ctx, enum gw_perm p)
{
	return gw_perm_has(ctx->user->role, p);
}

const char *client_path(struct gw_ctx *ctx, long long id, const char *tail)
{
	return gw_arena_printf(&ctx->arena, "/%lld%s", id, tail ? tail : "");
}

int open_client(struct gw_ctx *ctx, struct gw_client *c, int *level)
{
	return open_client_upto(ctx, c, level, 3);
}

int open_client_upto(struct gw_ctx *ctx, struct gw_client *c, int *level, int max)
{
	long long id = gw_param_id(ctx, 0);
	int rc;

	if (!id || id > MAX_ID)
		return 404;
	rc = gw_client_open(ctx, id, max, level, c);
	if (rc <= 0)
		return rc < 0 ? 500 : 404;
	return 1;
}

const char *phone_normal(struct gw_ctx *ctx, const char *s)
{
	char out[GW_PHONE_MAX];

	if (gw_phone_normalize(s, out))
		return s;
	return gw_arena_strdup(&ctx->arena, out);
}

struct opts {
	struct gw_ctx *ctx;
	const char *prefix;
};

/* prefix.id = name, the name put together by hand: a printf per option was a
 * tenth of the list page's work in the program (a select of the staff) */
static int option_row(void *p, int n, char **v, const size_t *lens, const char *const *names)
{
	struct opts *o = p;
	char name[128];
	size_t a = strlen(o->prefix);

	(void)n, (void)names;
	if (!v[0] || !v[1] || a + 1 + lens[0] >= sizeof(name))
		return 0;
	memcpy(name, o->prefix, a);
	name[a] = '.';
	memcpy(name + a + 1, v[0], lens[0] + 1);
	gw_hdf_set(o->ctx->hdf, name, v[1]);
	return 0;
}

void options(struct gw_ctx *ctx, const char *prefix, const char *sql)
{
	struct opts o = {ctx, prefix};

	gw_hdf_set(ctx->hdf, prefix, "");
	gw_db_each(ctx->db, option_row, &o, sql, NULL);
}

void page(struct gw_ctx *ctx, const char *title)
{
	gw_hdf_set(ctx->hdf, "Page.Title", title);
	gw_hdf_set(ctx->hdf, "Page.Nav", "clients");
}
