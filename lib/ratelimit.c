/* ratelimit.c — per-address rate limits and one-time form tokens. */
#include <stdio.h>
#include <string.h>

#include "guwen/ratelimit.h"
#include "guwen/valid.h"

static const char SQL_COUNT[] = "SELECT COUNT(*) FROM rate_events WHERE bucket = ? AND at > ?";
static const char SQL_HIT[] = "INSERT INTO rate_events (bucket, at) VALUES (?, ?)";
static const char SQL_TOKEN[] = "INSERT INTO used_form_tokens (mac, used_at) VALUES (?, ?)";

static void bucket(struct gw_ctx *ctx, const char *purpose, char out[65])
{
	char msg[160];
	unsigned char mac[32];

	snprintf(msg, sizeof(msg), "rate|%s|%s", purpose, gw_client_ip(ctx));
	gw_crypto_hmac(ctx->keys->index_key, GW_KEY_LEN, msg, strlen(msg), mac);
	gw_hex_encode(mac, sizeof(mac), out);
}

long long gw_rate_count(struct gw_ctx *ctx, const char *purpose, long window_seconds)
{
	char b[65], since[20];
	long long n = 0;

	bucket(ctx, purpose, b);
	gw_time_format((int64_t)ctx->now - window_seconds, since);
	return gw_db_int(ctx->db, &n, SQL_COUNT, "ss", b, since) < 0 ? -1 : n;
}

int gw_rate_hit(struct gw_ctx *ctx, const char *purpose)
{
	char b[65];

	bucket(ctx, purpose, b);
	return gw_db_exec(ctx->db, SQL_HIT, "ss", b, gw_now_utc(ctx)) == 1 ? 0 : -1;
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
