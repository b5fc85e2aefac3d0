/* app.h — a program: its route table and the request loop (FastCGI or plain
 * CGI). The order of checks is fixed here: limits → session → route →
 * permission → CSRF, then the handler. */
#ifndef GUWEN_APP_H
#define GUWEN_APP_H

#include <ClearSilver.h>

#include "guwen/ctx.h"

/* A handler fills ctx->resp (usually through gw_view_render or a redirect) and
 * returns 0, or returns an HTTP status >= 400 for the app to answer with its
 * error page (and the log line). Only handlers speak HTTP: helpers return 0 or
 * -1, and a -1 a handler passes on (return gw_view_render(…)) is answered as 500. */
typedef int (*gw_handler)(struct gw_ctx *ctx);

enum gw_route_flags {
	GW_ROUTE_NOCSRF = 1, /* public POST that checks its own signed form token */
	GW_ROUTE_FIRST =
	    2, /* open before a required password change (password, sign-out, language) */
};

struct gw_route {
	const char *method;  /* "GET" or "POST" */
	const char *pattern; /* "/", "/users/:id/edit" */
	gw_handler fn;
	enum gw_perm perm;
	unsigned flags;
};

struct gw_app {
	const char *name;	       /* program name, also its URL prefix */
	const struct gw_route *routes; /* ends with a zeroed entry */
};

/* Run the program: serve FastCGI requests until the web server stops it, or one
 * plain CGI request. Returns the process exit status. */
int gw_app_run(const struct gw_app *app);

/* Redirect (303) to a program's path, with a flash message key from L.Flash.* to
 * show on the next page (NULL for none). Returns 0 for the handler to return. */
int gw_redirect(struct gw_ctx *ctx, const char *program, const char *path, const char *flash);
/* Redirect (303) to the page a sign-in was asked for: next as the app put it in
 * the sign-in link ("program/path", or "/path" on the start page). Anything
 * else goes to the start page, so next can never lead off the site. */
int gw_redirect_next(struct gw_ctx *ctx, const char *next, const char *flash);
/* Matches path against pattern, filling params; 1 on match. Exposed for tests. */
int gw_route_match(const char *pattern, const char *path, struct gw_arena *a, const char **params,
		   int *nparams);

#endif
