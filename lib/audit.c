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
	return gw_audit_db(ctx->db, ctx->user ? ctx->user->id : 0, gw_client_ip(ctx), action,
			   entity, entity_id, detail);
}
