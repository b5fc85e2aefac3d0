/* form_key.c — staff forms that create once (see form_key.h). */
#include <string.h>

#include "guwen/crypto.h"
#include "guwen/db.h"
#include "guwen/form_key.h"
#include "guwen/hdfset.h"
#include "guwen/request.h"

static const char SQL_USE[] =
    "INSERT IGNORE INTO staff_form_keys (form_key, user_id, used_at) VALUES (?, ?, ?)";
static const char SQL_DONE[] =
    "UPDATE staff_form_keys SET made_id = ? WHERE form_key = ? AND user_id = ?";
static const char SQL_FIND[] =
    "SELECT COALESCE(made_id, 0) FROM staff_form_keys WHERE form_key = ? AND user_id = ?";

const char *gw_form_key(struct gw_ctx *ctx)
{
	const char *k = gw_form(&ctx->req, "form_key");

	return k && strlen(k) == 64 && strspn(k, "0123456789abcdef") == 64 ? k : NULL;
}

int gw_form_key_show(struct gw_ctx *ctx)
{
	char fresh[65];
	const char *key = gw_form_key(ctx);

	if (!key && gw_crypto_token(32, fresh))
		return -1;
	gw_hdf_set(ctx->hdf, "Form.form_key", key ? key : fresh);
	return 0;
}

int gw_form_key_use(struct gw_ctx *ctx, void *key)
{
	long long n =
	    gw_db_exec(ctx->db, SQL_USE, "sis", (const char *)key, ctx->user->id, gw_now_utc(ctx));

	return n < 0 ? -1 : n == 0;
}

int gw_form_key_done(struct gw_ctx *ctx, const char *key, long long id)
{
	return gw_db_exec(ctx->db, SQL_DONE, "isi", id, key, ctx->user->id) < 0 ? -1 : 0;
}

int gw_form_key_find(struct gw_ctx *ctx, const char *key, long long *id)
{
	*id = 0;
	return gw_db_int(ctx->db, id, SQL_FIND, "si", key, ctx->user->id) < 0 ? -1 : 0;
}
