/* audit.h — the append-only audit log: who did what to which record, when,
 * from where. The application's database user can only INSERT and SELECT it. */
#ifndef GUWEN_AUDIT_H
#define GUWEN_AUDIT_H

#include "guwen/ctx.h"

/* Record an action ("login", "user.create", "client.read_financial" …) on an
 * entity ("user", 42) with a short detail (no secrets, no passwords).
 * Returns 0 or -1 (logged). */
int gw_audit(struct gw_ctx *ctx, const char *action, const char *entity, long long entity_id,
	     const char *detail_fmt, ...) __attribute__((format(printf, 5, 6)));
/* Same for tools and jobs without a request (user_id 0 = system). */
int gw_audit_db(struct gw_db *db, long long user_id, const char *ip, const char *action,
		const char *entity, long long entity_id, const char *detail);

#endif
