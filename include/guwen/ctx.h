/* ctx.h — the request context: what a request carries (the program, its
 * memory, request and response, the page data, configuration, database, keys,
 * the signed-in user) and its small accessors. Below app, auth and audit, which
 * all use it; it uses none of them. */
#ifndef GUWEN_CTX_H
#define GUWEN_CTX_H

#include <ClearSilver.h>
#include <stdint.h>
#include <time.h>

#include "guwen/arena.h"
#include "guwen/crypto.h"
#include "guwen/db.h"
#include "guwen/perm.h"
#include "guwen/request.h"
#include "guwen/response.h"

struct gw_app;

/* The signed-in staff member. */
struct gw_user {
	long long id, dept_id;
	const char *login, *name, *dept_name, *lang;
	enum gw_role role;
	int clearance;
	int must_change; /* a new or reset password: nothing but changing it until then */
};

struct gw_ctx {
	const struct gw_app *app; /* the program serving the request */
	struct gw_arena arena;
	struct gw_request req;
	struct gw_response resp;
	HDF *hdf;	  /* the page's data, rendered by the view */
	HDF *cfg;	  /* configuration (per process) */
	struct gw_db *db; /* per process */
	struct gw_keyring *keys;
	struct gw_user *user; /* NULL when nobody is signed in */
	char session_id[65];  /* hex SHA-256 of the session token, "" if none */
	char csrf[65];	      /* the session's CSRF token */
	const char *lang;     /* "zh-CN" or "en" */
	time_t now;
	int https;
	int32_t soon; /* gw_calendar_soon of this request, 0 until read */
	/* the start page's parts while its sections are laid out (work_query.h) */
	struct gw_work_query *work;
	/* audit records held for one statement (gw_audit_hold, audit.h) */
	struct gw_audit_held *audit_held;
	int audit_hold;
};

/* Route parameter i (":id" segments in order), or NULL. */
const char *gw_param(struct gw_ctx *ctx, int i);
/* Route parameter i as a positive id, or 0 when absent or not a number. */
long long gw_param_id(struct gw_ctx *ctx, int i);
/* The URL of a path of a program ("admin", "/users") under the configured base
 * and URL style (pretty: /admin/users; cgi: /cgi-bin/admin.fcgi/users). In the arena. */
const char *gw_url(struct gw_ctx *ctx, const char *program, const char *path);
/* The client's address (REMOTE_ADDR). */
const char *gw_client_ip(struct gw_ctx *ctx);
/* Now as UTC "YYYY-MM-DD HH:MM:SS" (honours GUWEN_NOW for tests, see app.c, which sets ctx->now).
 */
const char *gw_now_utc(struct gw_ctx *ctx);

/* Minutes the configured zone is ahead of UTC (App.TZOffsetMinutes, 480). */
int gw_tz_minutes(struct gw_ctx *ctx);
/* Today's day number (days since 1970-01-01) in the configured zone. */
int32_t gw_today(struct gw_ctx *ctx);

#endif
