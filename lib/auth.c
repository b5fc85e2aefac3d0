/* auth.c — passwords, sessions and throttling of failed sign-ins. */
#include <stdlib.h>
#include <string.h>

#include "guwen/audit.h"
#include "guwen/auth.h"
#include "guwen/hdfset.h"
#include "guwen/log.h"

static const char SQL_SESSION[] =
    "SELECT s.user_id, s.csrf, TIMESTAMPDIFF(SECOND, s.seen_at, ?) AS idle,"
    " TIMESTAMPDIFF(SECOND, s.created_at, ?) AS age, u.login, u.name, u.role,"
    " COALESCE(u.department_id, 0) AS dept_id, u.clearance, u.lang,"
    " COALESCE(d.name, '') AS dept_name, u.must_change"
    " FROM sessions s JOIN users u ON u.id = s.user_id"
    " LEFT JOIN departments d ON d.id = u.department_id"
    " WHERE s.id = ? AND u.active = 1";
static const char SQL_SESSION_TOUCH[] = "UPDATE sessions SET seen_at = ? WHERE id = ?";
static const char SQL_SESSION_DELETE[] = "DELETE FROM sessions WHERE id = ?";
static const char SQL_SESSION_NEW[] =
    "INSERT INTO sessions (id, user_id, csrf, created_at, seen_at, ip) VALUES (?, ?, ?, ?, ?, ?)";
static const char SQL_SESSIONS_DROP_USER[] = "DELETE FROM sessions WHERE user_id = ? AND id <> ?";
static const char SQL_USER_BY_LOGIN[] =
    "SELECT id, password_hash FROM users WHERE login = ? AND active = 1";
static const char SQL_USER_HASH[] = "SELECT password_hash FROM users WHERE id = ?";
static const char SQL_SET_PASSWORD[] =
    "UPDATE users SET password_hash = ?, must_change = 0, password_changed_at = ? WHERE id = ?";
/* Failures of an account from one address since its last success from there:
 * what locks the account for that address only. */
static const char SQL_FAILS_ACCOUNT_ADDRESS[] =
    "SELECT COUNT(*) FROM login_attempts WHERE login = ? AND ip = ? AND ok = 0 AND at > ?"
    " AND id > COALESCE((SELECT MAX(id) FROM login_attempts WHERE login = ? AND ip = ?"
    " AND ok = 1), 0)";
/* Failures of an account from everywhere: past the cap only addresses the
 * account signed in from before (its owner's) may still try. */
static const char SQL_FAILS_ACCOUNT[] =
    "SELECT COUNT(*) FROM login_attempts WHERE login = ? AND ok = 0 AND at > ?";
static const char SQL_KNOWN_ADDRESS[] =
    "SELECT COUNT(*) FROM login_attempts WHERE login = ? AND ip = ? AND ok = 1 AND at > ?";
static const char SQL_FAILS_ADDRESS[] =
    "SELECT COUNT(*) FROM login_attempts WHERE ip = ? AND ok = 0 AND at > ?";
/* Failures since the account's last sign-in, for the notice to its owner. */
static const char SQL_FAILS_UNSEEN[] =
    "SELECT COUNT(*) FROM login_attempts WHERE login = ? AND ok = 0"
    " AND id > COALESCE((SELECT MAX(id) FROM login_attempts WHERE login = ? AND ok = 1), 0)";
static const char SQL_ATTEMPT[] =
    "INSERT INTO login_attempts (login, ip, at, ok) VALUES (?, ?, ?, ?)";

/* A well-formed hash of a random password: unknown accounts cost as much time
 * as known ones, so timing does not tell which logins exist. */
static const char DUMMY_HASH[] = "scrypt$15$8$3$00112233445566778899aabbccddeeff$"
				 "0000000000000000000000000000000000000000000000000000000000000000";

const char *gw_auth_cookie_name(struct gw_ctx *ctx)
{
	return ctx->https ? "__Host-gw_sid" : "gw_sid";
}

static void session_id_of(const char *token, char out[65])
{
	unsigned char h[32];

	gw_crypto_sha256(token, strlen(token), h);
	gw_hex_encode(h, sizeof(h), out);
}

/* The session's row (columns in the order of SQL_SESSION), read into the
 * request's user directly: no HDF tree built and freed on every page view. */
enum {
	S_USER,
	S_CSRF,
	S_IDLE,
	S_AGE,
	S_LOGIN,
	S_NAME,
	S_ROLE,
	S_DEPT,
	S_CLEAR,
	S_LANG,
	S_DEPT_NAME,
	S_MUST,
	S__N
};
struct session_row {
	struct gw_ctx *ctx;
	long idle, age;
};

static const char *col(char **v, int i, const char *dflt)
{
	return v[i] ? v[i] : dflt;
}

static int session_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct session_row *r = p;
	struct gw_arena *a = &r->ctx->arena;
	struct gw_user *u = gw_arena_alloc(a, sizeof(*u));

	(void)lens, (void)names;
	if (ncols != S__N || !u)
		return -1;
	r->idle = strtol(col(v, S_IDLE, "0"), NULL, 10);
	r->age = strtol(col(v, S_AGE, "0"), NULL, 10);
	u->id = strtoll(col(v, S_USER, "0"), NULL, 10);
	u->dept_id = strtoll(col(v, S_DEPT, "0"), NULL, 10);
	u->login = gw_arena_strdup(a, col(v, S_LOGIN, ""));
	u->name = gw_arena_strdup(a, col(v, S_NAME, ""));
	u->dept_name = gw_arena_strdup(a, col(v, S_DEPT_NAME, ""));
	u->lang = gw_arena_strdup(a, col(v, S_LANG, "zh-CN"));
	u->role = gw_role_from_name(col(v, S_ROLE, ""));
	u->clearance = (int)strtol(col(v, S_CLEAR, "1"), NULL, 10);
	u->must_change = !!strtol(col(v, S_MUST, "0"), NULL, 10);
	snprintf(r->ctx->csrf, sizeof(r->ctx->csrf), "%s", col(v, S_CSRF, ""));
	r->ctx->user = u; /* kept only when the session is still valid */
	return 1;
}

int gw_auth_session(struct gw_ctx *ctx)
{
	const char *token = gw_cookie(&ctx->req, gw_auth_cookie_name(ctx));
	const char *now = gw_now_utc(ctx);
	struct session_row r = {ctx, 0, 0};
	char id[65];
	int found;

	if (!token || strlen(token) != 64)
		return 0;
	session_id_of(token, id);
	ctx->user = NULL;
	found = gw_db_each(ctx->db, session_row, &r, SQL_SESSION, "sss", now, now, id);
	if (found < 0 || (found > 0 && !ctx->user)) {
		ctx->user = NULL;
		return -1;
	}
	if (!found)
		return 0;
	if (r.idle > 60L * hdf_get_int_value(ctx->cfg, "Session.IdleMinutes", 30) ||
	    r.age > 3600L * hdf_get_int_value(ctx->cfg, "Session.MaxHours", 12)) {
		ctx->user = NULL;
		ctx->csrf[0] = '\0';
		gw_db_exec(ctx->db, SQL_SESSION_DELETE, "s", id);
		gw_hdf_set(ctx->hdf, "Session.Expired", "1");
		return 0;
	}
	memcpy(ctx->session_id, id, sizeof(id));
	if (r.idle > 60)
		gw_db_exec(ctx->db, SQL_SESSION_TOUCH, "ss", now, id);
	return 1;
}

/* UTC text of now minus minutes, into out[24]. */
static const char *ago(struct gw_ctx *ctx, long minutes, char out[24])
{
	time_t t = ctx->now - minutes * 60;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 24, "%Y-%m-%d %H:%M:%S", &tm);
	return out;
}

static long long count(struct gw_ctx *ctx, const char *sql, const char *fmt, const char *a,
		       const char *b, const char *c)
{
	long long n = 0;

	gw_db_int(ctx->db, &n, sql, fmt, a, b, c, a, b);
	return n;
}

/* Throttled: too many failures of this account from this address, or from this
 * address altogether, or of this account from everywhere when this address is
 * not one it signed in from before. Someone elsewhere guessing cannot lock the
 * owner out of their own office. */
int gw_auth_throttled(struct gw_ctx *ctx, const char *login)
{
	const char *ip = gw_client_ip(ctx);
	char since[24], known[24];

	ago(ctx, GW_LOGIN_WINDOW_MIN, since);
	if (count(ctx, SQL_FAILS_ACCOUNT_ADDRESS, "sssss", login, ip, since) >=
		GW_LOGIN_MAX_PER_ACCOUNT ||
	    count(ctx, SQL_FAILS_ADDRESS, "ss", ip, since, NULL) >= GW_LOGIN_MAX_PER_ADDRESS)
		return 1;
	if (count(ctx, SQL_FAILS_ACCOUNT, "ss", login, since, NULL) < GW_LOGIN_MAX_ACCOUNT_ALL)
		return 0;
	return count(ctx, SQL_KNOWN_ADDRESS, "sss", login, ip,
		     ago(ctx, GW_LOGIN_KNOWN_DAYS * 1440L, known)) == 0;
}

static int open_session(struct gw_ctx *ctx, long long user_id)
{
	char token[65], id[65];
	const char *now = gw_now_utc(ctx);

	if (gw_crypto_token(32, token) || gw_crypto_token(32, ctx->csrf))
		return -1;
	/* signing in again ends the session the browser had: it never stays valid */
	if (ctx->session_id[0] && gw_db_exec(ctx->db, SQL_SESSION_DELETE, "s", ctx->session_id) < 0)
		return -1;
	session_id_of(token, id);
	if (gw_db_exec(ctx->db, SQL_SESSION_NEW, "sissss", id, user_id, ctx->csrf, now, now,
		       gw_client_ip(ctx)) != 1)
		return -1;
	memcpy(ctx->session_id, id, sizeof(id));
	gw_response_cookie(&ctx->resp, gw_auth_cookie_name(ctx), token, -1, ctx->https);
	return 0;
}

/* Record the attempt; the typed user name only when it names an account (people
 * type passwords into it). The audit row likewise. */
static void attempt(struct gw_ctx *ctx, const char *login, long long uid, int ok)
{
	const char *known = uid ? login : "";

	gw_db_exec(ctx->db, SQL_ATTEMPT, "sssi", known, gw_client_ip(ctx), gw_now_utc(ctx),
		   (long long)ok);
	if (!ok)
		gw_audit(ctx, "login.failed", "user", uid, uid ? "account %s" : "unknown account",
			 known);
}

/* The account's id when login names an active one (0 if not, -1 on error) and
 * whether password is its password; as slow for unknown accounts. */
static long long verify(struct gw_ctx *ctx, const char *login, const char *password, int *ok)
{
	HDF *row = NULL;
	long long uid = 0;
	int found;

	row = gw_hdf_new();
	found = gw_db_row(ctx->db, row, "U", SQL_USER_BY_LOGIN, "s", login);
	if (found > 0)
		uid = strtoll(hdf_get_value(row, "U.id", "0"), NULL, 10);
	*ok = gw_password_verify(password, found > 0 ? hdf_get_value(row, "U.password_hash", "")
						     : DUMMY_HASH) &&
	      found > 0;
	hdf_destroy(&row);
	return found < 0 ? -1 : uid;
}

enum gw_login_result gw_auth_login(struct gw_ctx *ctx, const char *login, const char *password)
{
	long long uid, unseen = 0;
	int ok;

	if (gw_auth_throttled(ctx, login)) {
		gw_audit(ctx, "login.locked", "user", 0, "%s", "throttled");
		return GW_LOGIN_LOCKED;
	}
	uid = verify(ctx, login, password, &ok);
	if (uid < 0)
		return GW_LOGIN_ERROR;
	if (ok)
		gw_db_int(ctx->db, &unseen, SQL_FAILS_UNSEEN, "ss", login, login);
	attempt(ctx, login, uid, ok);
	if (!ok)
		return GW_LOGIN_BAD;
	if (open_session(ctx, uid))
		return GW_LOGIN_ERROR;
	gw_audit_db(ctx->db, uid, gw_client_ip(ctx), "login", "user", uid, NULL);
	return unseen > 0 ? GW_LOGIN_OK_FAILURES : GW_LOGIN_OK;
}

void gw_auth_logout(struct gw_ctx *ctx)
{
	if (ctx->session_id[0]) {
		gw_db_exec(ctx->db, SQL_SESSION_DELETE, "s", ctx->session_id);
		gw_audit(ctx, "logout", "user", ctx->user ? ctx->user->id : 0, NULL);
	}
	gw_response_cookie(&ctx->resp, gw_auth_cookie_name(ctx), "", 0, ctx->https);
	ctx->session_id[0] = '\0';
	ctx->user = NULL;
}

int gw_auth_set_password(struct gw_ctx *ctx, long long user_id, const char *password)
{
	char hash[GW_PASSWORD_HASH_MAX];

	if (gw_password_hash(password, hash, sizeof(hash)))
		return -1;
	if (gw_db_exec(ctx->db, SQL_SET_PASSWORD, "ssi", hash, gw_now_utc(ctx), user_id) < 0)
		return -1;
	/* every other session of that user ends: a changed password locks out a thief */
	return gw_db_exec(ctx->db, SQL_SESSIONS_DROP_USER, "is", user_id, ctx->session_id) < 0 ? -1
											       : 0;
}

int gw_auth_check_password(struct gw_ctx *ctx, const char *password)
{
	HDF *row = NULL;
	int ok = 0;

	if (!ctx->user)
		return 0;
	if (gw_auth_throttled(ctx, ctx->user->login))
		return -1;
	row = gw_hdf_new();
	if (gw_db_row(ctx->db, row, "U", SQL_USER_HASH, "i", ctx->user->id) > 0)
		ok = gw_password_verify(password, hdf_get_value(row, "U.password_hash", ""));
	hdf_destroy(&row);
	if (!ok) { /* counts like a failed sign-in: a borrowed session must not guess */
		attempt(ctx, ctx->user->login, ctx->user->id, 0);
		gw_audit(ctx, "user.password_wrong", "user", ctx->user->id, NULL);
	}
	return ok;
}
