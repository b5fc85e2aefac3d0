/* common.c — complaints.fcgi: helpers shared by its pages: words and times, the
 * user's scope and the loaded complaint, the version claim of every action,
 * options for selects. */
#include "complaints.h"

/* ---- statements ------------------------------------------------------------- */


static const char SQL_GET[] =
	"SELECT c.id, c.tracking_no, c.source, c.name, c.phone, c.email, c.company, c.client_id,"
	" cl.name AS client_name, c.subject_text, c.advisor_id, av.name AS advisor_name,"
	" c.happened_on, c.description, c.severity, c.stage, c.department_id,"
	" d.name AS dept_name, c.owner_id, ow.name AS owner_name, c.response_due,"
	" c.resolution_due, c.responded_at, c.resolved_at, c.closed_at, c.waiting_since,"
	" c.escalation, c.warned_at, c.root_cause, c.corrective_action, c.rating,"
	" c.rating_comment, c.rated_at, c.created_at, cb.name AS created_by_name, c.version,"
	" c.trust, c.suspect_reason, c.released_at,"
	/* a released suspected post's clock starts at its release */
	" UNIX_TIMESTAMP(COALESCE(c.released_at, c.created_at)) AS created_ts, UNIX_TIMESTAMP(c.waiting_since) AS waiting_ts,"
	" UNIX_TIMESTAMP(c.response_due) AS response_ts,"
	" UNIX_TIMESTAMP(c.resolution_due) AS resolution_ts, " OVERDUE " AS overdue,"
	" (c.responded_at IS NULL AND c.waiting_since IS NULL AND c.response_due < ?)"
	" AS response_overdue"
	" FROM complaints c LEFT JOIN clients cl ON cl.id = c.client_id"
	" LEFT JOIN users av ON av.id = c.advisor_id"
	" LEFT JOIN departments d ON d.id = c.department_id"
	" LEFT JOIN users ow ON ow.id = c.owner_id LEFT JOIN users cb ON cb.id = c.created_by"
	" WHERE c.id = ?";

#define CLIENT_SCOPE_ARGS "iiii"

/* Every action claims the complaint at the version its form showed: the row is
 * locked until the commit, and a second action from the same state finds 0 rows. */
static const char SQL_CLAIM[] =
	"UPDATE complaints SET version = version + 1 WHERE id = ? AND version = ?";

const char SQL_ADVISORS[] =
	"SELECT id, name FROM users WHERE active = 1 AND role = 'advisor' ORDER BY name";

const char *const next_stage_choices[] = { "investigating", "resolved", "followup",
						  "closed", NULL };

const char *const severity_choices[] = { "a", "b", "c", "d", NULL };

/* ---- helpers ---------------------------------------------------------------- */

long long hdf_ll(HDF *h, const char *name)
{
	const char *v = hdf_get_value(h, name, NULL);

	return v ? strtoll(v, NULL, 10) : 0;
}

/* Remove a subtree of the page's data (absent is fine). */
void drop(struct gw_ctx *ctx, const char *name)
{
	NEOERR *err = hdf_remove_tree(ctx->hdf, name);

	nerr_ignore(&err);
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

/* The lists a user may see: their own, their department's, the new ones nobody
 * has yet for those who classify, everything with COMPLAINT_ALL. C.* is loaded. */
int in_scope(struct gw_ctx *ctx)
{
	long long dept = hdf_ll(ctx->hdf, "C.department_id");

	if (has(ctx, GW_PERM_COMPLAINT_ALL) || hdf_ll(ctx->hdf, "C.owner_id") == ctx->user->id)
		return 1;
	if (dept)
		return dept == ctx->user->dept_id;
	return !hdf_get_value(ctx->hdf, "C.severity", NULL) &&
	       has(ctx, GW_PERM_COMPLAINT_CLASSIFY);
}

/* The complaint id into C.* when the user may see it. Returns 0, 404 or 500. */
int load(struct gw_ctx *ctx, long long id)
{
	const char *now = gw_now_utc(ctx);
	int r;

	if (id <= 0)
		return 404;
	r = gw_db_row(ctx->db, ctx->hdf, "C", SQL_GET, "ssi", now, now, id);
	if (r < 0)
		return 500;
	if (r == 0 || !in_scope(ctx)) {
		drop(ctx, "C");
		return 404;
	}
	return 0;
}

/* ---- two staff on one complaint ----------------------------------------------- */

/* The version the action's form was shown with (hidden field "version"); the
 * loaded one when the form sent none. -1 when it is not a number. */
static long long form_version(struct gw_ctx *ctx)
{
	const char *sent = gw_form(&ctx->req, "version");
	int64_t v;

	if (!sent)
		return hdf_ll(ctx->hdf, "C.version");
	return gw_valid_int(sent, 0, UINT32_MAX, &v) ? -1 : v;
}

/* 1 when the complaint changed since the action's form was shown (C.* loaded). */
int stale(struct gw_ctx *ctx)
{
	return form_version(ctx) != hdf_ll(ctx->hdf, "C.version");
}

/* Why an action on the loaded complaint cannot go on (a message key), or NULL. */
const char *refusal(struct gw_ctx *ctx)
{
	if (stale(ctx))
		return "changed";
	return is_closed(ctx) ? "closed" : NULL;
}

/* Begin the action's transaction and claim the complaint at its form's version.
 * 0 claimed, 1 changed by someone else meanwhile (nothing begun), -1 error. */
int claim(struct gw_ctx *ctx)
{
	long long n;

	if (gw_db_begin(ctx->db))
		return -1;
	n = gw_db_exec(ctx->db, SQL_CLAIM, "ii", hdf_ll(ctx->hdf, "C.id"), form_version(ctx));
	if (n == 1)
		return 0;
	gw_db_rollback(ctx->db);
	return n == 0 ? 1 : -1;
}

/* The page again with the complaint as it is now and the message that someone
 * else changed it; what the user typed stays in the forms, nothing is saved. */
int show_changed(struct gw_ctx *ctx)
{
	long long id = hdf_ll(ctx->hdf, "C.id");
	int rc;

	drop(ctx, "C");
	drop(ctx, "Chk");
	rc = load(ctx, id);
	return rc ? rc : show_error(ctx, "changed");
}

/* claim() failed: 500, or the complaint as it is now. */
int claim_failed(struct gw_ctx *ctx, int c)
{
	return c < 0 ? 500 : show_changed(ctx);
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
	hdf_set_value(o->ctx->hdf, name, v[1]);
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
	label[1] = gw_arena_printf(&o->ctx->arena, "%s（%s%s%s）", v[1],
				   wordf(o->ctx, "L.Role", v[2]), v[3] ? " · " : "",
				   v[3] ? v[3] : "");
	return option_row(p, 2, label, lens, names);
}

void options(struct gw_ctx *ctx, const char *prefix, const char *sql, gw_db_row_fn fn)
{
	struct opts o = { ctx, prefix };

	hdf_set_value(ctx->hdf, prefix, "");
	gw_db_each(ctx->db, fn, &o, sql, NULL);
}

/* Run a client statement whose leading parameter is id (0 for none), then the
 * user's client scope; rows to fn, or the one row into HDF prefix when fn is NULL. */
int clients_query(struct gw_ctx *ctx, const char *sql, long long id, gw_db_row_fn fn,
			 void *arg, const char *prefix)
{
	long long scope = gw_perm_scope(ctx->user->role), uid = ctx->user->id,
		  dept = ctx->user->dept_id;

	if (fn)
		return gw_db_each(ctx->db, fn, arg, sql, CLIENT_SCOPE_ARGS, scope, uid, scope, dept);
	return gw_db_row(ctx->db, ctx->hdf, prefix, sql, "i" CLIENT_SCOPE_ARGS, id, scope, uid,
			 scope, dept);
}

/* Fixed choices with their words: prefix.<key> = L.<words>.<key>. */
void choice_options(struct gw_ctx *ctx, const char *prefix, const char *words,
			   const char *const *keys)
{
	for (; *keys; keys++)
		hdf_set_value(ctx->hdf, gw_arena_printf(&ctx->arena, "%s.%s", prefix, *keys),
			      wordf(ctx, words, *keys));
}
