/* common.c — complaints.fcgi: helpers shared by its pages: words and times, the
 * user's scope and the loaded complaint, the version claim of every action,
 * options for selects. */
#include "complaints.h"

/* ---- statements ------------------------------------------------------------- */

#define CLIENT_SCOPE_ARGS "iiii"

/* Every action claims the complaint at the version its form showed: the row is
 * locked until the commit, and a second action from the same state finds 0 rows. */
static const char SQL_CLAIM[] =
    "UPDATE complaints SET version = version + 1 WHERE id = ? AND version = ?";

static const char SQL_REFERRED[] = "SELECT COUNT(*) FROM complaint_referrals WHERE complaint_id = ?"
				   " AND (? = 0 OR answered_at IS NULL)";

const char SQL_ADVISORS[] =
    "SELECT id, name FROM users WHERE active = 1 AND role = 'advisor' ORDER BY name";

const char *const next_stage_choices[] = {"investigating", "resolved", "followup", "closed", NULL};

const char *const severity_choices[] = {"a", "b", "c", "d", NULL};

/* ---- helpers ---------------------------------------------------------------- */

/* Remove a subtree of the page's data (absent is fine). */
void drop(struct gw_ctx *ctx, const char *name)
{
	gw_hdf_remove(ctx->hdf, name);
}

int has(struct gw_ctx *ctx, enum gw_perm p)
{
	return gw_perm_has(ctx->user->role, p);
}

/* UTC seconds as "YYYY-MM-DD HH:MM:SS" in the arena; 0 gives NULL (SQL NULL). */
const char *utc_text(struct gw_ctx *ctx, int64_t t)
{
	char *s;

	if (!t)
		return NULL;
	s = gw_arena_alloc(&ctx->arena, 20);
	gw_time_format(t, s);
	return s;
}

/* The same instant in local time, for texts people read. */
const char *local_text(struct gw_ctx *ctx, int64_t t)
{
	return utc_text(ctx, t + gw_tz_minutes(ctx) * 60LL);
}

const char *word(struct gw_ctx *ctx, const char *key)
{
	return gw_view_word(ctx, key);
}

const char *wordf(struct gw_ctx *ctx, const char *prefix, const char *key)
{
	return gw_view_word(ctx, gw_arena_printf(&ctx->arena, "%s.%s", prefix, key));
}

const char *severity_word(struct gw_ctx *ctx, const char *sev)
{
	return sev && *sev ? wordf(ctx, "L.Complaint.Severities", sev)
			   : word(ctx, "L.Complaint.Unclassified");
}

const char *path_of(struct gw_ctx *ctx, long long id)
{
	return gw_arena_printf(&ctx->arena, "/%lld", id);
}

/* Words for the complainant are in the site's language, not the staff member's. */
const char *public_lang(struct gw_ctx *ctx)
{
	const char *l = ctx->lang;

	ctx->lang = hdf_get_value(ctx->cfg, "App.Lang", "zh-CN");
	return l;
}

/* ---- scope ------------------------------------------------------------------ */

/* The complaints a user works on: their own, their department's, the new ones
 * nobody has yet for those who classify, everything with COMPLAINT_ALL. */
int works_on(struct gw_ctx *ctx, const struct gw_complaint *c)
{
	if (has(ctx, GW_PERM_COMPLAINT_ALL) || c->owner_id == ctx->user->id)
		return 1;
	if (c->department_id)
		return c->department_id == ctx->user->dept_id;
	return !c->severity && has(ctx, GW_PERM_COMPLAINT_CLASSIFY);
}

/* 1 when the complaint was referred to market (转交市场), answered or not;
 * 0, or -1 on error. */
int referred(struct gw_ctx *ctx, const struct gw_complaint *c, int open_only)
{
	long long n = 0;

	if (gw_db_int(ctx->db, &n, SQL_REFERRED, "ii", c->id, (long long)open_only) < 0)
		return -1;
	return n > 0;
}

/* The complaints a user may see: those they work on; read-only, those they
 * registered and, for market, those referred to market. 1, 0 or -1. */
int in_scope(struct gw_ctx *ctx, const struct gw_complaint *c)
{
	if (works_on(ctx, c) || (c->created_by && c->created_by == ctx->user->id))
		return 1;
	return ctx->user->role == GW_ROLE_MARKET ? referred(ctx, c, 0) : 0;
}

/* 1 when the complaint is about the user (涉及的顾问): they never handle it. */
int about_user(struct gw_ctx *ctx, const struct gw_complaint *c)
{
	return c->advisor_id && c->advisor_id == ctx->user->id;
}

/* The complaint id into *c when the user may see it: 1, 0 (absent or out of
 * scope), -1 error. */
int load(struct gw_ctx *ctx, long long id, struct gw_complaint *c)
{
	int r;

	if (id <= 0)
		return 0;
	r = gw_complaint_load(ctx, id, c);
	return r <= 0 ? r : in_scope(ctx, c);
}

/* A handler's answer when load() gave r <= 0. */
int not_loaded(int r)
{
	return r < 0 ? 500 : 404;
}

/* ---- two staff on one complaint ----------------------------------------------- */

/* The version the action's form was shown with (hidden field "version"); the
 * loaded one when the form sent none. -1 when it is not a number. */
static long long form_version(struct gw_ctx *ctx, const struct gw_complaint *c)
{
	const char *sent = gw_form(&ctx->req, "version");
	int64_t v;

	if (!sent)
		return c->version;
	return gw_valid_int(sent, 0, UINT32_MAX, &v) ? -1 : v;
}

/* 1 when the complaint changed since the action's form was shown. */
int stale(struct gw_ctx *ctx, const struct gw_complaint *c)
{
	return form_version(ctx, c) != c->version;
}

/* Why an action on the complaint cannot go on (a message key), or NULL. */
const char *refusal(struct gw_ctx *ctx, const struct gw_complaint *c)
{
	if (stale(ctx, c))
		return "changed";
	if (is_closed(c))
		return "closed";
	if (about_user(ctx, c))
		return "about_you";
	return works_on(ctx, c) ? NULL : "read_only";
}

/* Begin the action's transaction and claim the complaint at its form's version.
 * 0 claimed, 1 changed by someone else meanwhile (nothing begun), -1 error. */
int claim(struct gw_ctx *ctx, const struct gw_complaint *c)
{
	long long n;

	if (gw_db_begin(ctx->db))
		return -1;
	n = gw_db_exec(ctx->db, SQL_CLAIM, "ii", c->id, form_version(ctx, c));
	if (n == 1)
		return 0;
	gw_db_rollback(ctx->db);
	return n == 0 ? 1 : -1;
}

/* The page again with the complaint as it is now and the message that someone
 * else changed it; what the user typed stays in the forms, nothing is saved. */
int show_changed(struct gw_ctx *ctx, const struct gw_complaint *old)
{
	struct gw_complaint c;
	int r;

	drop(ctx, "C");
	r = load(ctx, old->id, &c);
	return r <= 0 ? not_loaded(r) : show_error(ctx, &c, "changed");
}

/* claim() failed with r: 500, or the complaint as it is now. */
int claim_failed(struct gw_ctx *ctx, const struct gw_complaint *c, int r)
{
	return r < 0 ? 500 : show_changed(ctx, c);
}

/* id, label → prefix.<id> = label (ids are numbers: safe as HDF names) */
int option_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct opts *o = p;
	char name[64];

	(void)lens, (void)names;
	if (ncols < 2 || !v[0] || !v[1] || strspn(v[0], "0123456789") != strlen(v[0]))
		return 0;
	snprintf(name, sizeof(name), "%s.%s", o->prefix, v[0]);
	gw_hdf_set(o->ctx->hdf, name, v[1]);
	return 0;
}

/* id, name, role, department → "name（role · department）" */
int owner_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct opts *o = p;
	char *label[2];

	if (ncols < 4 || !v[1] || !v[2])
		return 0;
	label[0] = v[0];
	label[1] =
	    gw_arena_printf(&o->ctx->arena, "%s（%s%s%s）", v[1], wordf(o->ctx, "L.Role", v[2]),
			    v[3] ? " · " : "", v[3] ? v[3] : "");
	return option_row(p, 2, label, lens, names);
}

void options(struct gw_ctx *ctx, const char *prefix, const char *sql, gw_db_row_fn fn)
{
	struct opts o = {ctx, prefix};

	gw_hdf_set(ctx->hdf, prefix, "");
	gw_db_each(ctx->db, fn, &o, sql, NULL);
}

/* Run a client statement whose leading parameter is id (0 for none), then the
 * user's client scope; rows to fn, or the one row into HDF prefix when fn is NULL. */
int clients_query(struct gw_ctx *ctx, const char *sql, long long id, gw_db_row_fn fn, void *arg,
		  const char *prefix)
{
	long long scope = gw_perm_scope(ctx->user->role), uid = ctx->user->id,
		  dept = ctx->user->dept_id;

	if (fn)
		return gw_db_each(ctx->db, fn, arg, sql, CLIENT_SCOPE_ARGS, scope, uid, scope,
				  dept);
	return gw_db_row(ctx->db, ctx->hdf, prefix, sql, "i" CLIENT_SCOPE_ARGS, id, scope, uid,
			 scope, dept);
}

/* Fixed choices with their words: prefix.<key> = L.<words>.<key>. */
void choice_options(struct gw_ctx *ctx, const char *prefix, const char *words,
		    const char *const *keys)
{
	for (; *keys; keys++)
		gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "%s.%s", prefix, *keys),
			   wordf(ctx, words, *keys));
}
