/* ratelimit.c — per-address rate limits (one counter per keyed address hash,
 * kind and 5-minute slot: a count reads at most a window's slots, whatever the
 * traffic) and one-time form tokens. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/ratelimit.h"
#include "guwen/valid.h"

#define SLOT	     300   /* seconds per counter */
#define KEEP_SECONDS 86400 /* `guwen jobs` removes slots older than this */

static const char SQL_COUNT[] =
    "SELECT COALESCE(SUM(n), 0) FROM rate_counts WHERE addr = ? AND kind = ? AND slot > ?";
static const char SQL_SLOTS[] =
    "SELECT slot, n FROM rate_counts WHERE addr = ? AND kind = ? AND slot > ? ORDER BY slot";
static const char SQL_HIT[] = "INSERT INTO rate_counts (addr, kind, slot, n) VALUES (?, ?, ?, 1)"
			      " ON DUPLICATE KEY UPDATE n = n + 1";
static const char SQL_PURGE[] = "DELETE FROM rate_counts WHERE slot < ?";
static const char SQL_TOKEN[] = "INSERT INTO used_form_tokens (mac, used_at) VALUES (?, ?)";

/* The address as a keyed hash: it is personal data. */
static void addr_hash(struct gw_ctx *ctx, char out[65])
{
	char msg[160];
	unsigned char mac[32];

	snprintf(msg, sizeof(msg), "rate|%s", gw_client_ip(ctx));
	gw_crypto_hmac(ctx->keys->index_key, GW_KEY_LEN, msg, strlen(msg), mac);
	gw_hex_encode(mac, sizeof(mac), out);
}

/* Slots newer than this one count in a window ending now (the current slot and
 * the window's whole slots before it). */
static long long first_out(int64_t now, long window_seconds)
{
	return now / SLOT - window_seconds / SLOT;
}

long long gw_rate_count(struct gw_ctx *ctx, const char *kind, long window_seconds)
{
	char a[65];
	long long n = 0;

	addr_hash(ctx, a);
	return gw_db_int(ctx->db, &n, SQL_COUNT, "ssi", a, kind,
			 first_out((int64_t)ctx->now, window_seconds)) < 0
		   ? -1
		   : n;
}

int gw_rate_hit(struct gw_ctx *ctx, const char *kind)
{
	char a[65];

	addr_hash(ctx, a);
	return gw_db_exec(ctx->db, SQL_HIT, "ssi", a, kind, (long long)ctx->now / SLOT) >= 0 ? 0
											     : -1;
}

struct until {
	long long total, limit, window_slots;
	int64_t at;
};

/* Slots oldest first: once the slots still ahead sum below the limit, the
 * address is free when this slot leaves the window. */
static int until_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct until *u = p;
	long long slot, n;

	(void)lens, (void)names;
	if (u->at || ncols < 2 || !v[0] || !v[1])
		return 0;
	slot = strtoll(v[0], NULL, 10);
	n = strtoll(v[1], NULL, 10);
	u->total -= n;
	if (u->total < u->limit)
		u->at = (int64_t)(slot + u->window_slots) * SLOT;
	return 0;
}

int gw_rate_free_at(struct gw_ctx *ctx, const char *kind, long window_seconds, long long limit,
		    int64_t *at)
{
	struct until u = {0, limit, window_seconds / SLOT, 0};
	char a[65];

	u.total = gw_rate_count(ctx, kind, window_seconds);
	if (u.total < 0)
		return -1;
	*at = (int64_t)ctx->now;
	if (u.total < limit)
		return 0;
	addr_hash(ctx, a);
	if (gw_db_each(ctx->db, until_row, &u, SQL_SLOTS, "ssi", a, kind,
		       first_out((int64_t)ctx->now, window_seconds)) < 0)
		return -1;
	if (u.at)
		*at = u.at;
	return 0;
}

long long gw_rate_purge(struct gw_db *db, int64_t now)
{
	return gw_db_exec(db, SQL_PURGE, "i", (long long)((now - KEEP_SECONDS) / SLOT));
}

int gw_form_token_use(struct gw_ctx *ctx, const char *token)
{
	unsigned char h[32];
	char hex[65];

	gw_crypto_sha256(token, strlen(token), h);
	gw_hex_encode(h, sizeof(h), hex);
	if (gw_db_exec(ctx->db, SQL_TOKEN, "ss", hex, gw_now_utc(ctx)) == 1)
		return 1;
	return gw_db_errno(ctx->db) == 1062 ? 0 : -1;
}
