/* login.c — sign in, sign out, change password. */
#include <string.h>

#include "guwen/app.h"
#include "guwen/audit.h"
#include "guwen/auth.h"
#include "guwen/csrf.h"
#include "guwen/form.h"
#include "guwen/hdfset.h"
#include "guwen/view.h"

/* A login form older than this is refused (the page is simply shown again). */
#define LOGIN_FORM_MAX_AGE (2 * 3600)

enum { LG_LOGIN, LG_PASSWORD, LG__N };

static const struct gw_fdef login_form[] = {
    [LG_LOGIN] = {.name = "login", .type = GW_F_TEXT, .required = 1, .maxlen = 64},
    [LG_PASSWORD] = {.name = "password", .type = GW_F_PASSWORD, .required = 1, .maxlen = 200},
    [LG__N] = {.name = NULL},
};
GW_FORM_CHECK(login_form, LG__N);

enum { PW_OLD, PW_NEW, PW_CONFIRM, PW__N };

static const struct gw_fdef password_form[] = {
    [PW_OLD] = {.name = "old", .type = GW_F_PASSWORD, .required = 1, .maxlen = 200},
    [PW_NEW] = {.name = "new", .type = GW_F_PASSWORD, .required = 1, .maxlen = 200},
    [PW_CONFIRM] = {.name = "confirm", .type = GW_F_PASSWORD, .required = 1, .maxlen = 200},
    [PW__N] = {.name = NULL},
};
GW_FORM_CHECK(password_form, PW__N);

/* The pre-session cookie: a random value this browser holds while it signs in.
 * The form's token is signed for it, so a token taken from another browser (a
 * page elsewhere signing the victim in as someone else) is refused. */
static const char *pre_cookie_name(struct gw_ctx *ctx)
{
	return ctx->https ? "__Host-gw_pre" : "gw_pre";
}

/* The browser's pre-session value when well formed, else NULL. */
static const char *pre_session(struct gw_ctx *ctx)
{
	const char *v = gw_cookie(&ctx->req, pre_cookie_name(ctx));

	return v && strlen(v) == 64 && strspn(v, "0123456789abcdef") == 64 ? v : NULL;
}

/* The purpose the sign-in token is signed for: tied to the pre-session value. */
static const char *login_purpose(struct gw_ctx *ctx, const char *pre)
{
	return gw_arena_printf(&ctx->arena, "login|%s", pre);
}

static int show_login(struct gw_ctx *ctx, const char *next)
{
	const char *pre = pre_session(ctx);
	char fresh[65];

	if (!pre) {
		if (gw_crypto_token(32, fresh))
			return 500;
		pre = fresh;
		gw_response_cookie(&ctx->resp, pre_cookie_name(ctx), pre, LOGIN_FORM_MAX_AGE,
				   ctx->https);
	}
	if (next && *next)
		gw_hdf_set(ctx->hdf, "Form.next", next);
	gw_hdf_set(ctx->hdf, "Page.Title", "Login.Title");
	return gw_view_render_with_token(ctx, "login.cs",
					 gw_csrf_form_token(ctx, login_purpose(ctx, pre)));
}

/* 0 when the form's token was issued to this browser within LOGIN_FORM_MAX_AGE. */
static int login_token_bad(struct gw_ctx *ctx)
{
	const char *pre = pre_session(ctx);

	return !pre || gw_csrf_form_check(ctx, login_purpose(ctx, pre), gw_form(&ctx->req, "token"),
					  0, LOGIN_FORM_MAX_AGE) != GW_TOKEN_OK;
}

/* GET / — the sign-in page (200), or 303 to the start page when signed in. */
static int login_page(struct gw_ctx *ctx)
{
	if (ctx->user)
		return gw_redirect_next(ctx, gw_query(&ctx->req, "next"), NULL);
	return show_login(ctx, gw_query(&ctx->req, "next"));
}

/* POST / — 303 onward on success; 200 with the form and a message otherwise. */
static int login_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[LG__N];
	const char *next = gw_form(&ctx->req, "next");
	enum gw_login_result r;

	if (GW_FORM_READ(ctx, login_form, v))
		return show_login(ctx, next);
	if (login_token_bad(ctx)) {
		gw_hdf_set(ctx->hdf, "Page.Error", "form_expired");
		return show_login(ctx, next);
	}
	r = gw_auth_login(ctx, v[LG_LOGIN].s, v[LG_PASSWORD].s);
	if (r == GW_LOGIN_OK || r == GW_LOGIN_OK_FAILURES) {
		gw_response_cookie(&ctx->resp, pre_cookie_name(ctx), "", 0, ctx->https);
		return gw_redirect_next(ctx, next, r == GW_LOGIN_OK ? NULL : "failed_attempts");
	}
	if (r == GW_LOGIN_ERROR)
		return 503;
	gw_hdf_set(ctx->hdf, "Page.Error", r == GW_LOGIN_LOCKED ? "locked" : "bad_login");
	return show_login(ctx, next);
}

/* GET /logout — a page with the sign-out button (signing out is a POST). */
static int logout_page(struct gw_ctx *ctx)
{
	gw_hdf_set(ctx->hdf, "Page.Title", "Login.Logout");
	return gw_view_render(ctx, "logout.cs");
}

/* POST /logout — 303 to the sign-in page. */
static int logout_submit(struct gw_ctx *ctx)
{
	gw_auth_logout(ctx);
	return gw_redirect(ctx, "login", "/", "logged_out");
}

/* GET /password — the change-password form. */
static int password_page(struct gw_ctx *ctx)
{
	if (ctx->user->must_change) /* a new or reset password: no way round it */
		gw_hdf_set_int(ctx->hdf, "Password.Required", 1);
	gw_hdf_set(ctx->hdf, "Page.Title", "Password.Title");
	return gw_view_render(ctx, "password.cs");
}

/* POST /password — 303 to the start page when changed; 200 with messages otherwise. */
static int password_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[PW__N];
	int bad = GW_FORM_READ(ctx, password_form, v), ok;

	if (!bad && (ok = gw_auth_check_password(ctx, v[PW_OLD].s)) != 1)
		bad += gw_form_error(ctx, "old", ok < 0 ? "too_many_attempts" : "wrong_password");
	if (!bad && strlen(v[PW_NEW].s) < 10)
		bad += gw_form_error(ctx, "new", "password_short");
	if (!bad && strcmp(v[PW_NEW].s, v[PW_CONFIRM].s))
		bad += gw_form_error(ctx, "confirm", "password_mismatch");
	if (bad)
		return password_page(ctx);
	if (gw_auth_set_password(ctx, ctx->user->id, v[PW_NEW].s))
		return 500;
	gw_audit(ctx, "user.password", "user", ctx->user->id, NULL);
	return gw_redirect(ctx, "home", "/", "password_changed");
}

static const struct gw_route routes[] = {
    {"GET", "/", login_page, GW_PERM_PUBLIC, 0},
    {"POST", "/", login_submit, GW_PERM_PUBLIC, GW_ROUTE_NOCSRF},
    {"GET", "/logout", logout_page, GW_PERM_PUBLIC, GW_ROUTE_FIRST},
    {"POST", "/logout", logout_submit, GW_PERM_LOGIN, GW_ROUTE_FIRST},
    {"GET", "/password", password_page, GW_PERM_LOGIN, GW_ROUTE_FIRST},
    {"POST", "/password", password_submit, GW_PERM_LOGIN, GW_ROUTE_FIRST},
    {NULL, NULL, NULL, 0, 0},
};

int main(void)
{
	static const struct gw_app app = {"login", routes};

	return gw_app_run(&app);
}
