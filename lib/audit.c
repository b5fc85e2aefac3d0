/* audit.c — append-only audit records. */
#include <stdarg.h>

#include "guwen/audit.h"
#include "guwen/log.h"

static const char SQL_AUDIT[] =
    "INSERT INTO audit_log (at, user_id, ip, action, entity, entity_id, detail)"
    " VALUES (UTC_TIMESTAMP(), NULLIF(?, 0), ?, ?, ?, NULLIF(?, 0), ?)";

int gw_audit_db(struct gw_db *db, long long user_id, const char *ip, const char *action,
		const char *entity, long long entity_id, const char *detail)
{
	if (gw_db_exec(db, SQL_AUDIT, "isssis", user_id, ip, action, entity, entity_id, detail) !=
	    1) {
		gw_log_error("audit record %s failed", action);
		return -1;
	}
	return 0;
}

/* two records in one statement: one round trip, one row lock on the log */
static const char SQL_AUDIT2[] =
    "INSERT INTO audit_log (at, user_id, ip, action, entity, entity_id, detail)"
    " VALUES (UTC_TIMESTAMP(), NULLIF(?, 0), ?, ?, ?, NULLIF(?, 0), ?),"
    " (UTC_TIMESTAMP(), NULLIF(?, 0), ?, ?, ?, NULLIF(?, 0), ?)";

struct gw_audit_held {
	const char *action, *entity, *detail;
	long long entity_id;
	struct gw_audit_held *next; /* the one held before */
};

static long long user_of(struct gw_ctx *ctx)
{
	return ctx->user ? ctx->user->id : 0;
}

static int hold(struct gw_ctx *ctx, const char *action, const char *entity, long long entity_id,
		const char *detail)
{
	struct gw_audit_held *h = gw_arena_alloc(&ctx->arena, sizeof(*h));

	*h = (struct gw_audit_held){gw_arena_strdup(&ctx->arena, action),
				    gw_arena_strdup(&ctx->arena, entity), detail, entity_id,
				    ctx->audit_held};
	ctx->audit_held = h;
	return 0;
}

int gw_audit(struct gw_ctx *ctx, const char *action, const char *entity, long long entity_id,
	     const char *detail_fmt, ...)
{
	char *detail = NULL;
	va_list ap;

	if (detail_fmt) {
		va_start(ap, detail_fmt);
		detail = gw_arena_vprintf(&ctx->arena, detail_fmt, ap);
		va_end(ap);
	}
	if (ctx->audit_hold)
		return hold(ctx, action, entity, entity_id, detail);
	return gw_audit_db(ctx->db, user_of(ctx), gw_client_ip(ctx), action, entity, entity_id,
			   detail);
}

void gw_audit_hold(struct gw_ctx *ctx)
{
	ctx->audit_hold = 1;
}

static int write_two(struct gw_ctx *ctx, const struct gw_audit_held *a,
		     const struct gw_audit_held *b)
{
	const char *ip = gw_client_ip(ctx);

	if (gw_db_exec(ctx->db, SQL_AUDIT2, "isssisisssis", user_of(ctx), ip, a->action, a->entity,
		       a->entity_id, a->detail, user_of(ctx), ip, b->action, b->entity,
		       b->entity_id, b->detail) != 2) {
		gw_log_error("audit records %s, %s failed", a->action, b->action);
		return -1;
	}
	return 0;
}

/* The held records, the first held first (the list holds the last first). */
static int write_held(struct gw_ctx *ctx, const struct gw_audit_held *h)
{
	if (!h)
		return 0;
	if (h->next && !h->next->next)
		return write_two(ctx, h->next, h);
	if (write_held(ctx, h->next))
		return -1;
	return gw_audit_db(ctx->db, user_of(ctx), gw_client_ip(ctx), h->action, h->entity,
			   h->entity_id, h->detail);
}

int gw_audit_flush(struct gw_ctx *ctx)
{
	const struct gw_audit_held *h = ctx->audit_held;

	ctx->audit_hold = 0;
	ctx->audit_held = NULL;
	return write_held(ctx, h);
}
