/* common.c — visits.fcgi: helpers shared by its pages: the loaded visit and
 * who may act on it, the version claim of every action, the timeline, options
 * and words for selects. */
#include "visits.h"

/* Every action claims the visit at the version its form showed: a second
 * action from the same state finds 0 rows. */
static const char SQL_CLAIM[] =
    "UPDATE visits SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?";

int is(const char *a, const char *b)
{
	return a && !strcmp(a, b);
}

int has(struct gw_ctx *ctx, enum gw_perm p)
{
	return gw_perm_has(ctx->user->role, p);
}

/* The route's visit into *v when the user may see it: 1, 0 (absent or out of
 * scope), -1 error. */
int load(struct gw_ctx *ctx, struct gw_visit *v)
{
	return gw_visit_load_scoped(ctx, gw_param_id(ctx, 0), v);
}

int not_loaded(int r)
{
	return r < 0 ? 500 : 404;
}

/* The visitor, the department's manager or a director works the visit. */
int may_work(struct gw_ctx *ctx, const struct gw_visit *v)
{
	const struct gw_user *u = ctx->user;

	if (!has(ctx, GW_PERM_VISIT_WRITE))
		return 0;
	return v->visitor_id == u->id || u->role == GW_ROLE_DIRECTOR ||
	       (u->role == GW_ROLE_MANAGER && v->department_id == u->dept_id);
}

/* ... and who planned it may call it off. */
int may_cancel(struct gw_ctx *ctx, const struct gw_visit *v)
{
	return may_work(ctx, v) ||
	       (has(ctx, GW_PERM_VISIT_WRITE) && v->created_by == ctx->user->id);
}

static long long form_version(struct gw_ctx *ctx)
{
	const char *sent = gw_form(&ctx->req, "version");
	int64_t n;

	if (!sent)
		return -1;
	return gw_valid_int(sent, 0, UINT32_MAX, &n) ? -1 : n;
}

/* Begin the action's transaction and claim the visit at its form's version:
 * 1 claimed; 0 not, with the handler's answer in *answer (500, or the page as
 * it is now with "changed"). */
int claimed(struct gw_ctx *ctx, const struct gw_visit *v, int *answer)
{
	long long n;

	if (gw_db_begin(ctx->db)) {
		*answer = 500;
		return 0;
	}
	n = gw_db_exec(ctx->db, SQL_CLAIM, "sii", gw_now_utc(ctx), v->id, form_version(ctx));
	if (n == 1)
		return 1;
	gw_db_rollback(ctx->db);
	*answer = n == 0 ? refused(ctx, v, "changed") : 500;
	return 0;
}

/* The page again with the visit as it is now and why the action was not done
 * (L.Visit.Msg.<msg>); what the user typed stays in the forms. */
int refused(struct gw_ctx *ctx, const struct gw_visit *old, const char *msg)
{
	struct gw_visit v;
	int r = gw_visit_load_scoped(ctx, old->id, &v);

	return r <= 0 ? not_loaded(r) : show_page(ctx, &v, msg);
}

/* A line on the visit's timeline by the signed-in user. 0 or -1. */
int event(struct gw_ctx *ctx, const struct gw_visit *v, const char *kind, const char *body)
{
	return gw_visit_event(ctx->db, (uint32_t)v->id, (uint32_t)ctx->user->id, kind, body,
			      (int64_t)ctx->now);
}

const char *visit_path(struct gw_ctx *ctx, long long id, const char *rest)
{
	return gw_arena_printf(&ctx->arena, "/%lld%s", id, rest ? rest : "");
}

/* After the claim and the action's statements (failed: one of them did):
 * audit, commit, back to the visit's page with a flash message. */
int finish(struct gw_ctx *ctx, const struct gw_visit *v, int failed, const char *action,
	   const char *flash)
{
	if (failed || gw_audit(ctx, action, "visit", v->id, "client=%lld", v->client_id) ||
	    gw_db_commit(ctx->db)) {
		gw_db_rollback(ctx->db);
		return gw_db_unavailable(ctx->db) ? 503 : 500;
	}
	return gw_redirect(ctx, "visits", visit_path(ctx, v->id, NULL), flash);
}

struct opts {
	struct gw_ctx *ctx;
	const char *prefix;
};

/* id, label → prefix.<id> = label */
static int option_row(void *arg, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct opts *o = arg;

	(void)lens, (void)names;
	if (ncols < 2 || !v[0] || !v[1] || strspn(v[0], "0123456789") != strlen(v[0]))
		return 0;
	gw_hdf_set(o->ctx->hdf, gw_arena_printf(&o->ctx->arena, "%s.%s", o->prefix, v[0]), v[1]);
	return 0;
}

/* A select's options from sql (no arguments). */
void options(struct gw_ctx *ctx, const char *prefix, const char *sql)
{
	struct opts o = {ctx, prefix};

	gw_hdf_set(ctx->hdf, prefix, "");
	gw_db_each(ctx->db, option_row, &o, sql, NULL);
}

/* A select's options from words: prefix.<key> = L.<words_at>.<key>. */
void words(struct gw_ctx *ctx, const char *prefix, const char *words_at, const char *const *keys)
{
	struct gw_arena *a = &ctx->arena;

	for (; *keys; keys++)
		gw_hdf_set(ctx->hdf, gw_arena_printf(a, "%s.%s", prefix, *keys),
			   gw_view_word(ctx, gw_arena_printf(a, "%s.%s", words_at, *keys)));
}
