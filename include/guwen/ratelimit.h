/* ratelimit.h — per-address counters for public forms. The address is kept only
 * as a keyed hash (it is personal data); events are counted per 5-minute slot,
 * so a count costs the same whatever the traffic. */
#ifndef GUWEN_RATELIMIT_H
#define GUWEN_RATELIMIT_H

#include <stdint.h>

#include "guwen/app.h"

/* Events of this kind ("complaint", "lookup-fail") from the request's address
 * within the last window_seconds (whole 5-minute slots: between window - 5 min
 * and window); -1 on a database error. */
long long gw_rate_count(struct gw_ctx *ctx, const char *kind, long window_seconds);
/* Record one event of this kind from the request's address. 0 or -1. */
int gw_rate_hit(struct gw_ctx *ctx, const char *kind);
/* When the address's count in the window falls below limit again if nothing more
 * comes (UTC seconds into *at; now when it is below already). 0 or -1. */
int gw_rate_free_at(struct gw_ctx *ctx, const char *kind, long window_seconds, long long limit,
		    int64_t *at);
/* Remove the counters older than a day (`guwen jobs`). Rows removed, or -1. */
long long gw_rate_purge(struct gw_db *db, int64_t now);
/* Remember a signed form token as used; 1 if it was new, 0 if it had been used
 * before (a replay), -1 on a database error. */
int gw_form_token_use(struct gw_ctx *ctx, const char *token);

#endif
