/* common.c — projects.fcgi: helpers shared by its pages: words, the user's
 * scope and the loaded project, the version claim of every action, the
 * timeline, options for selects. */
#include "projects.h"

/* Every action claims the project at the version its form showed: a second
 * action from the same state finds 0 rows. */
static const char SQL_CLAIM[] =
    "UPDATE projects SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?";

/* a step new work can check off: of the project's type and not switched off */
static const char SQL_STEP_NAME[] =
    "SELECT name_zh FROM project_type_steps WHERE type_id = ? AND seq = ? AND active = 1";

static const char SQL_EVENT[] =
    "INSERT INTO project_events (project_id, at, user_id, kind, body) VALUES (?, ?, ?, ?, ?)";

const char *word(struct gw_ctx *ctx, const char *key)
{
	return gw_view_word(ctx, key);
}

int has(struct gw_ctx *ctx, enum gw_perm p)
{
	return gw_perm_has(ctx->user->role, p);
}

int sees_all(struct gw_ctx *ctx)
{
	return ctx->user->role == GW_ROLE_DIRECTOR;
}

/* Advisors and managers see their department's projects; market does not. */
int sees_department(struct gw_ctx *ctx)
{
	return ctx->user->role == GW_ROLE_ADVISOR || ctx->user->role == GW_ROLE_MANAGER;
}

static int in_scope(struct gw_ctx *ctx, const struct gw_project *p)
{
	long long uid = ctx->user->id;

	if (sees_all(ctx) || p->created_by == uid || p->lead_id == uid)
		return 1;
	if (p->slip_advisor_id == uid && p->slip_status && !strcmp(p->slip_status, "open"))
		return 1;
	/* legal works the collection cases (追款) */
	if (p->collection_id && ctx->user->role == GW_ROLE_LEGAL)
		return 1;
	return sees_department(ctx) && p->department_id == ctx->user->dept_id;
}

/* The Chinese name of step seq of the project's type into *name (in the
 * arena) when it can be checked off: 1; 0 no such step or switched off; -1. */
int step_name(struct gw_ctx *ctx, const struct gw_project *p, long long seq, const char **name)
{
	int r = gw_db_row(ctx->db, ctx->hdf, "Tmp.Step", SQL_STEP_NAME, "ii", p->type_id, seq);

	if (r == 1)
		*name =
		    gw_arena_strdup(&ctx->arena, hdf_get_value(ctx->hdf, "Tmp.Step.name_zh", ""));
	gw_hdf_remove(ctx->hdf, "Tmp");
	return r;
}

/* The project id into *p when the user may see it: 1, 0 (absent or out of
 * scope), -1 error. */
int load(struct gw_ctx *ctx, long long id, struct gw_project *p)
{
	int r;

	if (id <= 0)
		return 0;
	r = gw_project_load(ctx, id, p);
	return r <= 0 ? r : in_scope(ctx, p);
}

int not_loaded(int r)
{
	return r < 0 ? 500 : 404;
}

static long long form_version(struct gw_ctx *ctx)
{
	const char *sent = gw_form(&ctx->req, "version");
	int64_t v;

	if (!sent)
		return -1;
	return gw_valid_int(sent, 0, UINT32_MAX, &v) ? -1 : v;
}

/* Begin the action's transaction and claim the project at its form's version.
 * 0 claimed, 1 changed meanwhile (nothing begun), -1 error. */
int claim(struct gw_ctx *ctx, const struct gw_project *p)
{
	long long n;

	if (gw_db_begin(ctx->db))
		return -1;
	n = gw_db_exec(ctx->db, SQL_CLAIM, "sii", gw_now_utc(ctx), p->id, form_version(ctx));
	if (n == 1)
		return 0;
	gw_db_rollback(ctx->db);
	return n == 0 ? 1 : -1;
}

/* The page again with the project as it is now and why the action was not
 * done (L.Projects.Msg.<msg>); what the user typed stays in the forms. */
int refused(struct gw_ctx *ctx, const struct gw_project *old, const char *msg)
{
	struct gw_project p;
	int r;

	gw_hdf_remove(ctx->hdf, "P");
	r = load(ctx, old->id, &p);
	if (r <= 0)
		return not_loaded(r);
	return show_page(ctx, &p, msg);
}

/* A line on the project's timeline, by the signed-in user. 0 or -1. */
int event(struct gw_ctx *ctx, long long project_id, const char *kind, const char *body)
{
	return gw_db_exec(ctx->db, SQL_EVENT, "isiss", project_id, gw_now_utc(ctx), ctx->user->id,
			  kind, body) == 1
		   ? 0
		   : -1;
}

/* Commit the action and go back to the project's page with a flash message. */
int done(struct gw_ctx *ctx, const struct gw_project *p, const char *flash)
{
	if (gw_db_commit(ctx->db)) {
		gw_db_rollback(ctx->db);
		return gw_db_unavailable(ctx->db) ? 503 : 500;
	}
	return gw_redirect(ctx, "projects", gw_arena_printf(&ctx->arena, "/%lld", p->id), flash);
}

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

/* A select's options from sql (with one argument when fmt is "i"). */
void options(struct gw_ctx *ctx, const char *prefix, const char *sql, const char *fmt,
	     long long arg)
{
	struct opts o = {ctx, prefix};

	gw_hdf_set(ctx->hdf, prefix, "");
	if (fmt)
		gw_db_each(ctx->db, option_row, &o, sql, fmt, arg);
	else
		gw_db_each(ctx->db, option_row, &o, sql, NULL);
}
