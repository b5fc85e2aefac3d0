/* auth.h — staff sign-in: passwords, sessions (cookie token, SHA-256 in the
 * database), idle and absolute expiry, throttling of failed attempts. */
#ifndef GUWEN_AUTH_H
#define GUWEN_AUTH_H

#include "guwen/ctx.h"

enum gw_login_result {
	GW_LOGIN_OK = 0,
	GW_LOGIN_OK_FAILURES, /* signed in; there were failed attempts since the last time */
	GW_LOGIN_BAD,	      /* unknown account or wrong password: one answer for both */
	GW_LOGIN_LOCKED,      /* too many failures for this account or address */
	GW_LOGIN_ERROR,	      /* the database failed */
};

/* Failures within this many minutes count towards a lock-out. */
#define GW_LOGIN_WINDOW_MIN	 15
#define GW_LOGIN_MAX_PER_ACCOUNT 5  /* one account from one address */
#define GW_LOGIN_MAX_PER_ADDRESS 20 /* one address, any accounts */
#define GW_LOGIN_MAX_ACCOUNT_ALL 50 /* one account from everywhere: then only */
#define GW_LOGIN_KNOWN_DAYS	 90 /* addresses it signed in from this recently */

/* Find the session named by the request's cookie; on success fill ctx->user,
 * ctx->session_id and ctx->csrf and touch its last-seen time. An idle or too old
 * session is deleted. Returns 1 signed in, 0 not, -1 database error. */
int gw_auth_session(struct gw_ctx *ctx);
/* Check the credentials (throttled, audited) and open a new session with a new
 * token (cookie set on ctx->resp); a session the request came with is ended. */
enum gw_login_result gw_auth_login(struct gw_ctx *ctx, const char *login, const char *password);
/* End the current session (row deleted, cookie cleared). */
void gw_auth_logout(struct gw_ctx *ctx);
/* Set a user's password hash and drop their other sessions. 0 or -1. */
int gw_auth_set_password(struct gw_ctx *ctx, long long user_id, const char *password);
/* 1 if password is the signed-in user's current password, 0 if not (recorded
 * as a failed attempt and audited), -1 when throttled like a sign-in. */
int gw_auth_check_password(struct gw_ctx *ctx, const char *password);
/* 1 when sign-in attempts for login from this address must wait: too many
 * failures of the account from this address or of the address altogether, or of
 * the account from everywhere when the address is not one it signed in from
 * within GW_LOGIN_KNOWN_DAYS. 0 otherwise. */
int gw_auth_throttled(struct gw_ctx *ctx, const char *login);
/* Name of the session cookie for this request (__Host- prefixed over HTTPS). */
const char *gw_auth_cookie_name(struct gw_ctx *ctx);

#endif
