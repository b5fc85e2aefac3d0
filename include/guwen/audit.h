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
/* Hold the request's next audit records instead of writing each at once:
 * gw_audit_flush writes them, two in one statement (a page's level-3 reads:
 * the ID number and the financials): outside a transaction that statement
 * commits them, inside one the caller's COMMIT does. */
void gw_audit_hold(struct gw_ctx *ctx);
/* Write the held records and stop holding; 0 or -1 (nothing read may then be
 * shown; in a transaction, it has failed). */
int gw_audit_flush(struct gw_ctx *ctx);
/* Same for tools and jobs without a request (user_id 0 = system). */
int gw_audit_db(struct gw_db *db, long long user_id, const char *ip, const char *action,
		const char *entity, long long entity_id, const char *detail);

#endif
