/* app.c — the request loop shared by every program: FastCGI or plain CGI,
 * parse, session, route, permission, CSRF, handler, response. */
#include <fcgiapp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "guwen/app.h"
#include "guwen/auth.h"
#include "guwen/config.h"
#include "guwen/csrf.h"
#include "guwen/hdfset.h"
#include "guwen/log.h"
#include "guwen/programs.h"
#include "guwen/valid.h"
#include "guwen/view.h"

/* Where one request's bytes come from and go to. */
struct io {
	int cgi;
	FCGX_Request fr;
};

static const char *io_env(struct io *io, const char *name)
{
	return io->cgi ? getenv(name) : FCGX_GetParam(name, io->fr.envp);
}

static int io_out(void *ctx, const char *p, size_t n)
{
	struct io *io = ctx;

	if (io->cgi)
		return fwrite(p, 1, n, stdout) == n ? 0 : -1;
	return FCGX_PutStr(p, (int)n, io->fr.out) == (int)n ? 0 : -1;
}

static size_t io_read(void *ctx, char *p, size_t n)
{
	struct io *io = ctx;
	long r = io->cgi ? (long)fread(p, 1, n, stdin) : FCGX_GetStr(p, (int)n, io->fr.in);

	return r > 0 ? (size_t)r : 0;
}

int gw_route_match(const char *pattern, const char *path, struct gw_arena *a, const char **params,
		   int *nparams)
{
	int n = 0;

	while (*pattern && *path) {
		if (*pattern == ':') {
			const char *end = strchr(path, '/');
			size_t len = end ? (size_t)(end - path) : strlen(path);

			if (len == 0 || n == GW_MAX_PARAMS)
				return 0;
			params[n++] = gw_arena_strndup(a, path, len);
			path += len;
			pattern = strchr(pattern, '/');
			if (!pattern)
				pattern = "";
			continue;
		}
		if (*pattern++ != *path++)
			return 0;
	}
	if (*pattern || *path)
		return 0;
	*nparams = n;
	return 1;
}

int gw_redirect(struct gw_ctx *ctx, const char *program, const char *path, const char *flash)
{
	gw_response_redirect(&ctx->resp, gw_url(ctx, program, path));
	if (flash)
		gw_response_cookie(&ctx->resp, "gw_flash", flash, -1, ctx->https);
	return 0;
}

/* GUWEN_NOW ("YYYY-MM-DD HH:MM:SS" UTC) fixes the clock for tests. */
static time_t now(void)
{
	const char *fixed = getenv("GUWEN_NOW");
	int y, mo, d, h, mi, s;

	if (fixed && sscanf(fixed, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s) == 6)
		return (time_t)gw_date_from_ymd(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
	return time(NULL);
}

static void read_env(struct gw_ctx *ctx, struct io *io)
{
	struct gw_request *r = &ctx->req;

	memset(r, 0, sizeof(*r));
	r->arena = &ctx->arena;
#define ENV(field, name) r->field = gw_arena_strdup(&ctx->arena, io_env(io, name))
	ENV(method, "REQUEST_METHOD");
	ENV(path, "PATH_INFO");
	ENV(query_string, "QUERY_STRING");
	ENV(remote_addr, "REMOTE_ADDR");
	ENV(content_type, "CONTENT_TYPE");
	ENV(host, "HTTP_HOST");
	ENV(https, "HTTPS");
	ENV(user_agent, "HTTP_USER_AGENT");
	ENV(accept_language, "HTTP_ACCEPT_LANGUAGE");
	ENV(script_name, "SCRIPT_NAME");
#undef ENV
	if (!r->method)
		r->method = "GET";
	if (!r->path || !*r->path)
		r->path = "/";
	ctx->https = r->https && (!strcasecmp(r->https, "on") || !strcmp(r->https, "1"));
}

/* Limits first, then the parsers. Returns 0 or 400/405/413. */
static int parse(struct gw_ctx *ctx, struct io *io)
{
	return gw_request_read(&ctx->req, io_env(io, "CONTENT_LENGTH"), io_env(io, "HTTP_COOKIE"),
			       io_read, io, &gw_default_limits);
}

static const struct gw_route *find_route(struct gw_ctx *ctx, int *status)
{
	const char *method = strcmp(ctx->req.method, "HEAD") ? ctx->req.method : "GET";

	*status = 404;
	for (const struct gw_route *rt = ctx->app->routes; rt->pattern; rt++) {
		if (!gw_route_match(rt->pattern, ctx->req.path, &ctx->arena, ctx->req.param,
				    &ctx->req.nparam))
			continue;
		if (!strcmp(rt->method, method))
			return rt;
		*status = 405;
	}
	return NULL;
}

/* The q of one Accept-Language entry ("en-GB;q=0.8"), 0–1000. */
static int accept_q(const char *e, size_t n)
{
	const char *q = memchr(e, ';', n);
	int v = 1000;

	if (q && (q = strstr(q, "q=")) && q < e + n) {
		v = (int)(strtod(q + 2, NULL) * 1000 + 0.5);
		v = v < 0 ? 0 : v > 1000 ? 1000 : v;
	}
	return v;
}

/* A first visit (no account, no cookie): the language the browser prefers
 * of ours (Accept-Language, by q, the earlier on a tie), or NULL. */
static const char *browser_lang(const char *accept)
{
	const char *best = NULL;
	int best_q = 0;

	for (const char *e = accept; e && *e;) {
		size_t n = strcspn(e, ",");
		const char *tag = e + strspn(e, " ");
		const char *l = !strncasecmp(tag, "zh", 2)   ? "zh-CN"
				: !strncasecmp(tag, "en", 2) ? "en"
							     : NULL;
		int q = accept_q(e, n);

		if (l &&
		    (tag[2] == '-' || tag[2] == ';' || tag[2] == ',' || tag[2] == ' ' || !tag[2]) &&
		    q > best_q)
			best = l, best_q = q;
		e += n + (e[n] == ',');
	}
	return best;
}

static const char *pick_lang(struct gw_ctx *ctx)
{
	const char *l = ctx->user ? ctx->user->lang : gw_cookie(&ctx->req, "gw_lang");

	if (l && (!strcmp(l, "en") || !strcmp(l, "zh-CN")))
		return l;
	if (!ctx->user && (l = browser_lang(ctx->req.accept_language)))
		return l;
	return hdf_get_value(ctx->cfg, "App.Lang", "zh-CN");
}

static void set(HDF *h, const char *name, const char *value)
{
	if (value)
		gw_hdf_set(h, name, value);
}

/* What a "next" page may be spelt with: no scheme, no host, no query. */
#define NEXT_CHARS "abcdefghijklmnopqrstuvwxyz0123456789/-_"

/* "Perm.<name>" of each permission: named once per process, set on every
 * signed-in page. */
static char perm_key[GW_PERM__COUNT][48];

/* What every page of the process sees alike: the programs' base URLs and the
 * static files' place depend only on the configuration. */
static void page_globals(struct gw_ctx *ctx)
{
	char name[64];

	for (int p = 0; p < GW_PERM__COUNT; p++)
		snprintf(perm_key[p], sizeof(perm_key[p]), "Perm.%s",
			 gw_perm_name((enum gw_perm)p));

	for (const struct gw_program *p = gw_programs; p->name; p++) {
		snprintf(name, sizeof(name), "URL.%s", p->name);
		gw_view_set_global(name, gw_url(ctx, p->name, ""));
	}
	gw_view_set_global("App.Static", hdf_get_value(ctx->cfg, "App.Static", "/static"));
	if (hdf_get_value(ctx->cfg, "App.Name", NULL))
		gw_view_set_global("App.Name", hdf_get_value(ctx->cfg, "App.Name", NULL));
	gw_arena_reset(&ctx->arena);
}

/* What every page's layout needs: links, the user, permissions, CSRF, flash. */
static void page_basics(struct gw_ctx *ctx)
{
	HDF *h = ctx->hdf;
	const char *flash = gw_cookie(&ctx->req, "gw_flash");

	set(h, "Lang", ctx->lang);
	set(h, "Page.Path", ctx->req.path);
	if (flash && strspn(flash, "abcdefghijklmnopqrstuvwxyz_") == strlen(flash)) {
		set(h, "Flash", flash);
		gw_response_cookie(&ctx->resp, "gw_flash", "", 0, ctx->https);
	}
	if (!ctx->user)
		return;
	set(h, "User.Name", ctx->user->name);
	set(h, "User.Login", ctx->user->login);
	set(h, "User.Role", gw_role_name(ctx->user->role));
	set(h, "User.Dept", ctx->user->dept_name);
	gw_hdf_set_int(h, "User.Clearance", ctx->user->clearance);
	set(h, "CSRF", ctx->csrf);
	for (int p = GW_PERM_LOGIN; p < GW_PERM__COUNT; p++)
		if (gw_perm_has(ctx->user->role, (enum gw_perm)p))
			gw_hdf_set(h, perm_key[p], "1");
	gw_programs_nav(ctx);
}

static int login_redirect(struct gw_ctx *ctx)
{
	const char *next = ctx->req.path;
	char *url;

	/* the page asked for, relative to this program; login sends the user back */
	url = gw_arena_printf(&ctx->arena, "%s?next=%s", gw_url(ctx, "login", "/"),
			      strcmp(ctx->app->name, "home") ? ctx->app->name : "");
	if (next && strspn(next, NEXT_CHARS) == strlen(next))
		url = gw_arena_printf(&ctx->arena, "%s%s", url, next);
	gw_response_redirect(&ctx->resp, url);
	if (hdf_get_value(ctx->hdf, "Session.Expired", NULL))
		gw_response_cookie(&ctx->resp, "gw_flash", "session_expired", -1, ctx->https);
	return 0;
}

int gw_redirect_next(struct gw_ctx *ctx, const char *next, const char *flash)
{
	size_t plen;

	/* "//" anywhere would make the path a host ("//3627734734/phish") */
	if (!next || !*next || strspn(next, NEXT_CHARS) != strlen(next) || strstr(next, "//"))
		return gw_redirect(ctx, "home", "/", flash);
	if (next[0] == '/')
		return gw_redirect(ctx, "home", next, flash);
	plen = strcspn(next, "/");
	for (const struct gw_program *p = gw_programs; p->name; p++)
		if (strlen(p->name) == plen && !strncmp(p->name, next, plen))
			return gw_redirect(ctx, p->name, next + plen, flash);
	return gw_redirect(ctx, "home", "/", flash);
}

/* Session → route → permission → CSRF → handler. Returns 0 or an error status. */
static int dispatch(struct gw_ctx *ctx)
{
	const struct gw_route *rt;
	int status, s = gw_auth_session(ctx);

	if (s < 0)
		return 503;
	ctx->lang = pick_lang(ctx);
	page_basics(ctx);
	if (!(rt = find_route(ctx, &status)))
		return status;
	if (rt->perm != GW_PERM_PUBLIC && !ctx->user)
		return login_redirect(ctx);
	if (ctx->user && ctx->user->must_change && !(rt->flags & GW_ROUTE_FIRST))
		return gw_redirect(ctx, "login", "/password", NULL);
	if (ctx->user && !gw_perm_has(ctx->user->role, rt->perm))
		return 403;
	if (!strcmp(ctx->req.method, "POST") && !(rt->flags & GW_ROUTE_NOCSRF) && !gw_csrf_ok(ctx))
		return ctx->req.why = "CSRF token", 403;
	return rt->fn(ctx);
}

/* The request's time for the database (App.RequestSeconds, default 20): with
 * DB.ReadTimeout for the last statement it must stay under the web server's
 * FastCGI timeout (etc/nginx.conf: fastcgi_read_timeout 60s), so that a slow
 * database gives our 503 page and never a 504 for work that then commits. */
static int request_seconds(struct gw_ctx *ctx)
{
	int s = hdf_get_int_value(ctx->cfg, "App.RequestSeconds", 20);

	return s < 1 ? 1 : s;
}

static void serve(struct gw_ctx *ctx, struct io *io)
{
	int status;
	NEOERR *err;

	gw_arena_reset(&ctx->arena);
	gw_response_reset(&ctx->resp);
	gw_response_output(&ctx->resp, io_out, io);
	ctx->user = NULL;
	ctx->audit_held = NULL; /* in the arena */
	ctx->audit_hold = 0;
	ctx->session_id[0] = ctx->csrf[0] = '\0';
	ctx->now = now();
	ctx->soon = 0;
	ctx->work = NULL;
	ctx->lang = hdf_get_value(ctx->cfg, "App.Lang", "zh-CN");
	read_env(ctx, io);
	if ((err = hdf_init(&ctx->hdf)) != STATUS_OK) {
		nerr_ignore(&err);
		return;
	}
	gw_db_request(ctx->db, time(NULL) + request_seconds(ctx));
	if (ctx->https) /* a year; browsers then never try plain HTTP first */
		gw_response_header(&ctx->resp, "Strict-Transport-Security", "max-age=31536000");
	status = parse(ctx, io);
	if (status == 0)
		status = dispatch(ctx);
	if (status < 0)
		status = 500; /* a helper's failure passed on by the handler */
	if (status == 500 && gw_db_unavailable(ctx->db))
		status = 503; /* the database is down or too slow: "try again", not our fault */
	if (status >= 400) {
		if (status != 404 && status != 403)
			gw_log_warn("%s %s: %d %s", ctx->req.method, ctx->app->name, status,
				    ctx->req.why ? ctx->req.why : "");
		gw_view_error(ctx, status);
	}
	if (!strcmp(ctx->req.method, "HEAD"))
		gw_buf_reset(&ctx->resp.body);
	gw_response_send(&ctx->resp, io_out, io);
	hdf_destroy(&ctx->hdf);
}

/* Configuration, database handle, keys and words: once per process; a plain
 * CGI run (cgi) loads the words of the request's language only, when needed. */
static int setup(struct gw_ctx *ctx, const struct gw_app *app, struct gw_keyring *kr, int cgi)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->app = app;
	gw_log_init(app->name);
	ctx->cfg = gw_config_load(NULL);
	if (!ctx->cfg)
		return -1;
	ctx->db = gw_db_new(ctx->cfg);
	ctx->keys = kr;
	if (gw_keyring_load(kr, hdf_get_value(ctx->cfg, "App.KeyFile", "var/keys"))) {
		char why[512];

		gw_config_keyfile_problem(hdf_get_value(ctx->cfg, "App.KeyFile", "var/keys"), why,
					  sizeof(why));
		gw_log_error("cannot load the key file: %s", why);
		return -1;
	}
	if (gw_view_init(ctx->cfg, cgi))
		return -1;
	page_globals(ctx);
	return 0;
}

static void teardown(struct gw_ctx *ctx)
{
	gw_view_done();
	if (ctx->db)
		gw_db_free(ctx->db);
	hdf_destroy(&ctx->cfg);
	gw_response_free(&ctx->resp);
	gw_arena_free(&ctx->arena);
	if (ctx->keys)
		gw_keyring_clear(ctx->keys);
}

static void unavailable(struct io *io)
{
	static const char msg[] = "Status: 503 Service Unavailable\r\nContent-Type: text/plain; "
				  "charset=utf-8\r\n\r\nguwen is not configured correctly; see the "
				  "server's error log.\n";
	gw_log_error("not configured: check GUWEN_CONFIG, the key file and the templates");
	io_out(io, msg, sizeof(msg) - 1);
}

static void log_to_server(void *ctx, const char *line, size_t n)
{
	struct io *io = ctx;

	FCGX_PutStr(line, (int)n, io->fr.err);
}

/* SIGTERM between requests: leave the accept loop (libfcgi only notes it and
 * would wait for one more connection); a request under way is finished first. */
static void on_term(int sig)
{
	(void)sig;
	FCGX_ShutdownPending();
}

static void catch_term(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: accept() returns EINTR */
	sigaction(SIGTERM, &sa, NULL);
}

int gw_app_run(const struct gw_app *app)
{
	static struct gw_ctx ctx;
	static struct gw_keyring kr;
	static struct io io;
	int ok;

	io.cgi = FCGX_IsCGI();
	if (io.cgi)
		gw_crypto_one_shot();
	ok = setup(&ctx, app, &kr, io.cgi) == 0;
	if (io.cgi) {
		ok ? serve(&ctx, &io) : unavailable(&io);
		fflush(stdout);
		/* the process ends here: freeing its trees would cost more than the page */
		gw_keyring_clear(&kr);
		return ok ? 0 : 1;
	} else {
		FCGX_Init();
		catch_term();
		FCGX_InitRequest(&io.fr, 0, FCGI_FAIL_ACCEPT_ON_INTR);
		while (FCGX_Accept_r(&io.fr) >= 0) {
			gw_log_sink(log_to_server, &io);
			if (!ok) /* the configuration may have been fixed since: no restart needed
				  */
				ok = (teardown(&ctx), setup(&ctx, app, &kr, 0) == 0);
			ok ? serve(&ctx, &io) : unavailable(&io);
			gw_log_sink(NULL, NULL);
			FCGX_Finish_r(&io.fr);
		}
	}
	teardown(&ctx);
	return ok ? 0 : 1;
}
