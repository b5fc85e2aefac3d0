/* csrf.c — session CSRF tokens and signed time tokens for session-less forms. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/csrf.h"

int gw_csrf_ok(struct gw_ctx *ctx)
{
	const char *sent = gw_form(&ctx->req, "csrf");

	return sent && ctx->csrf[0] && strlen(sent) == strlen(ctx->csrf) &&
	       gw_crypto_equal(sent, ctx->csrf, strlen(sent));
}

static void sign(struct gw_ctx *ctx, const char *purpose, const char *stamp, char out[65])
{
	unsigned char mac[32];
	char msg[256];
	int n = snprintf(msg, sizeof(msg), "form|%s|%s", purpose, stamp);

	gw_crypto_hmac(ctx->keys->index_key, GW_KEY_LEN, msg, (size_t)(n > 0 ? n : 0), mac);
	gw_hex_encode(mac, sizeof(mac), out);
}

/* Tokens must differ (a used one is remembered), not be secret: a random
 * per-process prefix and a counter do, without a call to the DRBG per page. */
static int nonce(char out[17])
{
	static char prefix[9];
	static unsigned counter;

	if (!prefix[0] && gw_crypto_token(4, prefix))
		return -1;
	snprintf(out, 17, "%s%08x", prefix, ++counter);
	return 0;
}

const char *gw_csrf_form_token(struct gw_ctx *ctx, const char *purpose)
{
	char n[17], stamp[64], mac[65];

	if (nonce(n))
		return "";
	snprintf(stamp, sizeof(stamp), "%lld.%s", (long long)ctx->now, n);
	sign(ctx, purpose, stamp, mac);
	return gw_arena_printf(&ctx->arena, "%s.%s", stamp, mac);
}

enum gw_form_token gw_csrf_form_check(struct gw_ctx *ctx, const char *purpose, const char *token,
				      long min_age, long max_age)
{
	const char *dot;
	char stamp[64], mac[65];
	long long t;

	if (!token || !(dot = strrchr(token, '.')) || strlen(dot + 1) != 64 ||
	    (size_t)(dot - token) >= sizeof(stamp))
		return GW_TOKEN_BAD;
	memcpy(stamp, token, (size_t)(dot - token));
	stamp[dot - token] = '\0';
	sign(ctx, purpose, stamp, mac);
	if (!gw_crypto_equal(mac, dot + 1, 64))
		return GW_TOKEN_BAD;
	t = strtoll(stamp, NULL, 10);
	if (ctx->now - t < min_age)
		return GW_TOKEN_TOO_FAST;
	if (ctx->now - t > max_age)
		return GW_TOKEN_EXPIRED;
	return GW_TOKEN_OK;
}

void gw_csrf_form_key(const char *token, char out[65])
{
	unsigned char h[32];

	gw_crypto_sha256(token, strlen(token), h);
	gw_hex_encode(h, sizeof(h), out);
}
