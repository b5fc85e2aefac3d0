/* client_pick.c — a form's client found by name or USCC among the user's
 * clients (the search field and pick list of client_pick.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/client_pick.h"
#include "guwen/client_record.h"
#include "guwen/client_store.h"
#include "guwen/form.h"
#include "guwen/hdfset.h"
#include "guwen/valid.h"

#define PICK_COLS "SELECT c.id, c.name, c.uscc FROM clients c"
#define IN_LISTS  " AND c.active = 1 AND " GW_CLIENT_SCOPE

static const char SQL_BY_ID[] = PICK_COLS " WHERE c.id = ?" IN_LISTS;
static const char SQL_BY_USCC[] = PICK_COLS " WHERE c.uscc = ?" IN_LISTS;
static const char SQL_BY_NAME[] = PICK_COLS " WHERE c.name = ?" IN_LISTS " LIMIT 2";
/* a part of the name through the name grams (its rarest gram), in name order */
static const char SQL_BY_PART[] =
    PICK_COLS " JOIN client_name_grams g ON g.client_id = c.id WHERE g.gram = ?"
	      " AND g.name LIKE ?" IN_LISTS " ORDER BY g.name, g.client_id LIMIT ?";

/* One pick: the form's field name, its HDF prefix (Pick.<name>), the flags. */
struct pick {
	const char *name, *prefix;
	unsigned flags;
};

/* Run a pick statement: a[0..lead-1] its own arguments, then the scope's;
 * the rows under prefix. The count or -1. */
static int pick_rows(struct gw_ctx *ctx, const struct pick *k, const char *sql, struct gw_db_arg *a,
		     int lead, int limit)
{
	int n = lead;

	gw_client_scope_args(ctx, a + n);
	if (k->flags & GW_PICK_ANY_CLIENT)
		a[n].i = GW_SCOPE_ALL; /* the scope's first test: every client */
	n += 4;
	if (limit)
		a[n++] = (struct gw_db_arg){GW_DB_INT, limit, NULL};
	gw_hdf_remove(ctx->hdf, k->prefix);
	return gw_db_rows_args(ctx->db, ctx->hdf, k->prefix, sql, a, n);
}

static int by_id(struct gw_ctx *ctx, const struct pick *k, long long id)
{
	struct gw_db_arg a[5] = {{GW_DB_INT, id, NULL}};

	return pick_rows(ctx, k, SQL_BY_ID, a, 1, 0);
}

/* The matches of q: a USCC, a whole name, else a part of a name (one more than
 * shown, to tell that there are more). The count or -1. */
static int search(struct gw_ctx *ctx, const struct pick *k, const char *q)
{
	struct gw_db_arg a[8];
	char *u = gw_arena_strdup(&ctx->arena, q);
	int n;

	for (char *p = u; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	if (strlen(u) == 18 && gw_valid_uscc(u)) {
		a[0] = (struct gw_db_arg){GW_DB_TEXT, 0, u};
		return pick_rows(ctx, k, SQL_BY_USCC, a, 1, 0);
	}
	a[0] = (struct gw_db_arg){GW_DB_TEXT, 0, q};
	if ((n = pick_rows(ctx, k, SQL_BY_NAME, a, 1, 0)) != 0)
		return n;
	a[0] = (struct gw_db_arg){GW_DB_TEXT, 0, gw_client_rarest_gram(ctx, q)};
	a[1] = (struct gw_db_arg){GW_DB_TEXT, 0, gw_client_like(ctx, q)};
	return pick_rows(ctx, k, SQL_BY_PART, a, 2, GW_PICK_MAX + 1);
}

/* Row 0 of the rows read as the form's choice. */
static int chosen(struct gw_ctx *ctx, const struct pick *k, long long *id)
{
	const char *v = hdf_get_valuef(ctx->hdf, "%s.0.id", k->prefix);

	*id = v ? strtoll(v, NULL, 10) : 0;
	gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "Form.%s", k->name), v);
	gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "Form.%s_q", k->name),
		   hdf_get_valuef(ctx->hdf, "%s.0.name", k->prefix));
	gw_hdf_remove(ctx->hdf, k->prefix);
	return GW_PICK_ONE;
}

static struct pick pick_of(struct gw_ctx *ctx, const char *name, unsigned flags)
{
	return (struct pick){name, gw_arena_printf(&ctx->arena, "Pick.%s", name), flags};
}

int gw_client_pick_id(struct gw_ctx *ctx, const char *name, unsigned flags, long long id)
{
	struct pick k = pick_of(ctx, name, flags);
	long long got;
	int n = id > 0 ? by_id(ctx, &k, id) : 0;

	if (n <= 0)
		return n;
	chosen(ctx, &k, &got);
	return 1;
}

/* The client kept from before, while the search field still holds its name. */
static int still_kept(struct gw_ctx *ctx, const struct pick *k, long long kept, const char *q)
{
	const char *was;
	int n = by_id(ctx, k, kept);

	if (n <= 0)
		return n;
	was = hdf_get_valuef(ctx->hdf, "%s.0.name", k->prefix);
	return was && !strcmp(was, q);
}

/* n clients matched (not one): the message at the field, the pick list kept. */
static int found(struct gw_ctx *ctx, const struct pick *k, int n)
{
	const char *field = gw_arena_printf(&ctx->arena, "%s_q", k->name);

	if (n == 0) {
		gw_form_error(ctx, field, "client_not_found");
		return GW_PICK_NOTFOUND;
	}
	if (n > GW_PICK_MAX)
		gw_hdf_remove(ctx->hdf,
			      gw_arena_printf(&ctx->arena, "%s.%d", k->prefix, GW_PICK_MAX));
	gw_form_error(ctx, field, n > GW_PICK_MAX ? "client_too_many" : "client_choose");
	return GW_PICK_MANY;
}

/* The client id a form sent without its search field: chosen, or not in the
 * user's lists (bad_choice at the id's field). */
static int by_kept_id(struct gw_ctx *ctx, const struct pick *k, long long kept, long long *id)
{
	int n = by_id(ctx, k, kept);

	if (n <= 0) {
		if (n == 0)
			gw_form_error(ctx, k->name, "bad_choice");
		return n < 0 ? -1 : GW_PICK_NOTFOUND;
	}
	return chosen(ctx, k, id);
}

int gw_client_pick(struct gw_ctx *ctx, const char *name, unsigned flags, long long pick,
		   long long kept, const char *q, long long *id)
{
	struct pick k = pick_of(ctx, name, flags);
	int n;

	*id = 0;
	if (pick > 0 && (n = by_id(ctx, &k, pick)) != 0)
		return n < 0 ? -1 : chosen(ctx, &k, id);
	if (!q) /* a form without the search field names its client by id */
		return kept > 0 ? by_kept_id(ctx, &k, kept, id) : GW_PICK_NONE;
	if (!*q)
		return GW_PICK_NONE;
	if (kept > 0 && (n = still_kept(ctx, &k, kept, q)) != 0)
		return n < 0 ? -1 : chosen(ctx, &k, id);
	if ((n = search(ctx, &k, q)) < 0)
		return -1;
	return n == 1 ? chosen(ctx, &k, id) : found(ctx, &k, n);
}
