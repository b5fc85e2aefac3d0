/* app.h — a program: its route table and the request loop (FastCGI or plain
 * CGI). The order of checks is fixed here: limits → session → route →
 * permission → CSRF, then the handler. */
#ifndef GUWEN_APP_H
#define GUWEN_APP_H

#include <ClearSilver.h>
#include <time.h>

#include "guwen/arena.h"
#include "guwen/crypto.h"
#include "guwen/db.h"
#include "guwen/perm.h"
#include "guwen/request.h"
#include "guwen/response.h"

struct gw_ctx;

/* A handler fills ctx->resp (usually through gw_view_render or a redirect) and
 * returns 0, or returns an HTTP status >= 400 for the app to answer with its
 * error page (and the log line). */
typedef int (*gw_handler)(struct gw_ctx *ctx);

enum gw_route_flags {
	GW_ROUTE_NOCSRF = 1, /* public POST that checks its own signed form token */
};

struct gw_route {
	const char *method;  /* "GET" or "POST" */
	const char *pattern; /* "/", "/users/:id/edit" */
	gw_handler fn;
	enum gw_perm perm;
	unsigned flags;
};

struct gw_app {
	const char *name;             /* program name, also its URL prefix */
	const struct gw_route *routes; /* ends with a zeroed entry */
};

/* The signed-in staff member. */
struct gw_user {
	long long id, dept_id;
	const char *login, *name, *dept_name, *lang;
	enum gw_role role;
	int clearance;
};

struct gw_ctx {
	const struct gw_app *app;
	struct gw_arena arena;
	struct gw_request req;
	struct gw_response resp;
	HDF *hdf;           /* the page's data, rendered by the view */
	HDF *cfg;           /* configuration (per process) */
	struct gw_db *db;   /* per process */
	struct gw_keyring *keys;
	struct gw_user *user; /* NULL when nobody is signed in */
	char session_id[65];  /* hex SHA-256 of the session token, "" if none */
	char csrf[65];        /* the session's CSRF token */
	const char *lang;     /* "zh-CN" or "en" */
	time_t now;
	int https;
};

/* Run the program: serve FastCGI requests until the web server stops it, or one
 * plain CGI request. Returns the process exit status. */
int gw_app_run(const struct gw_app *app);

/* Route parameter i (":id" segments in order), or NULL. */
const char *gw_param(struct gw_ctx *ctx, int i);
/* Route parameter i as a positive id, or 0 when absent or not a number. */
long long gw_param_id(struct gw_ctx *ctx, int i);
/* The URL of a path of a program ("admin", "/users") under the configured base
 * and URL style (pretty: /admin/users; cgi: /cgi-bin/admin.fcgi/users). In the arena. */
const char *gw_url(struct gw_ctx *ctx, const char *program, const char *path);
/* Redirect (303) to a program's path, with a flash message key from L.Flash.* to
 * show on the next page (NULL for none). Returns 0 for the handler to return. */
int gw_redirect(struct gw_ctx *ctx, const char *program, const char *path, const char *flash);
/* Redirect (303) to the page a sign-in was asked for: next as the app put it in
 * the sign-in link ("program/path", or "/path" on the start page). Anything
 * else goes to the start page, so next can never lead off the site. */
int gw_redirect_next(struct gw_ctx *ctx, const char *next, const char *flash);
/* The client's address (REMOTE_ADDR). */
const char *gw_client_ip(struct gw_ctx *ctx);
/* Now as UTC "YYYY-MM-DD HH:MM:SS" (honours GUWEN_NOW for tests, see app.c). */
const char *gw_now_utc(struct gw_ctx *ctx);

/* Minutes the configured zone is ahead of UTC (App.TZOffsetMinutes, 480). */
int gw_tz_minutes(struct gw_ctx *ctx);
/* Today's day number (days since 1970-01-01) in the configured zone. */
int32_t gw_today(struct gw_ctx *ctx);

/* Matches path against pattern, filling params; 1 on match. Exposed for tests. */
int gw_route_match(const char *pattern, const char *path, struct gw_arena *a,
		   const char **params, int *nparams);

#endif
