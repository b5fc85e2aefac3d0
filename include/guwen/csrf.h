/* csrf.h — the per-session CSRF token of staff forms, and signed time tokens
 * for forms without a session (login, public portal forms). */
#ifndef GUWEN_CSRF_H
#define GUWEN_CSRF_H

#include "guwen/app.h"

/* 1 if the POSTed "csrf" field equals the session's token (constant time). */
int gw_csrf_ok(struct gw_ctx *ctx);

/* A signed time token for a form of the given purpose ("login", "complaint"):
 * "<unix time>.<random>.<hmac hex>". In the arena. */
const char *gw_csrf_form_token(struct gw_ctx *ctx, const char *purpose);

enum gw_form_token {
	GW_TOKEN_OK = 0,
	GW_TOKEN_BAD,	   /* missing, malformed or forged */
	GW_TOKEN_TOO_FAST, /* sent sooner than min_age seconds after the form was shown */
	GW_TOKEN_EXPIRED,  /* older than max_age seconds */
};

/* Check a signed time token for purpose. */
enum gw_form_token gw_csrf_form_check(struct gw_ctx *ctx, const char *purpose, const char *token,
				      long min_age, long max_age);

/* A form token's idempotency key: its SHA-256 in hex (stored with what the form
 * created, so the same token posted again finds it). */
void gw_csrf_form_key(const char *token, char out[65]);

#endif
