/* ratelimit.h — per-address counters for public forms. The address is kept only
 * as a keyed hash (it is personal data), with the time of each event. */
#ifndef GUWEN_RATELIMIT_H
#define GUWEN_RATELIMIT_H

#include "guwen/app.h"

/* Events of this purpose ("complaint", "lookup-fail") from the request's address
 * within the last window_seconds; -1 on a database error. */
long long gw_rate_count(struct gw_ctx *ctx, const char *purpose, long window_seconds);
/* Record one event of this purpose from the request's address. 0 or -1. */
int gw_rate_hit(struct gw_ctx *ctx, const char *purpose);
/* Remember a signed form token as used; 1 if it was new, 0 if it had been used
 * before (a replay), -1 on a database error. */
int gw_form_token_use(struct gw_ctx *ctx, const char *token);

#endif
