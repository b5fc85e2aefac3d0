/* archive.c — visits.fcgi: the named keeper (档案管理员, the admin's setting
 * visit_keeper) classifies accepted reports (a category from a fixed list,
 * free tags) and archives them; archived reports are read-only and
 * searchable by client, category, tag and the text of what was discussed and
 * the client's opinions. */
#include <string.h>

#include "guwen/audit.h"
#include "guwen/form.h"
#include "guwen/hdfset.h"
#include "guwen/list.h"
#include "guwen/view.h"
#include "after.h"

/* the words are L.VisitArchive.Categories.<name> */
static const char *const categories[] = {"service", "needs", "suggestion", "complaint",
					 "policy",  "other", NULL};

enum { K_CATEGORY, K_TAGS, K__N };
static const struct gw_fdef keeper_form[] = {
    [K_CATEGORY] = {.name = "category",
		    .type = GW_F_CHOICE,
		    .required = 1,
		    .maxlen = 16,
		    .choices = categories},
    [K_TAGS] = {.name = "tags", .type = GW_F_TEXT, .maxlen = 200},
    [K__N] = {.name = NULL},
};
GW_FORM_CHECK(keeper_form, K__N);

static const char SQL_ARCHIVE[] =
    "UPDATE visits SET status = 'archived', category = ?, tags = NULLIF(?, ''),"
    " archived_by = ?, archived_at = ? WHERE id = ?";

static void category_options(struct gw_ctx *ctx)
{
	for (const char *const *c = categories; *c; c++)
		gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "Opt.Categories.%s", *c),
			   gw_view_word(ctx, gw_arena_printf(&ctx->arena,
							     "L.VisitArchive.Categories.%s", *c)));
}

/* The keeper's page, or why not: 404, 403 (not the keeper), 409 (not
 * accepted yet); *archived set for an archived report (read-only). */
static int keeper_gate(struct gw_ctx *ctx, struct gw_visit *v, int *answer, int *archived)
{
	int r = after_load(ctx, v);

	*answer = r < 0 ? 500 : 404;
	*archived = r > 0 && after_is(v, "archived");
	if (r <= 0 || *archived)
		return 0;
	if (!after_is_keeper(ctx))
		*answer = 403;
	else if (!after_is(v, "accepted"))
		*answer = after_page(ctx, v, "after_refused.cs", "VisitReview.RefusedTitle",
				     "not_accepted");
	else
		return 1;
	return 0;
}

static int show(struct gw_ctx *ctx, const struct gw_visit *v)
{
	category_options(ctx);
	return after_page(ctx, v, "archive.cs", "VisitArchive.Title", NULL);
}

/* GET /:id/archive — 200 the report with the classification form, or an
 * archived report read-only (also for the keeper, who may be outside the
 * visit's scope); 403, 404, 409. */
int keeper_page(struct gw_ctx *ctx)
{
	struct gw_visit v;
	int answer, archived;

	if (keeper_gate(ctx, &v, &answer, &archived))
		return show(ctx, &v);
	if (archived)
		return after_page(ctx, &v, "after_refused.cs", "VisitArchive.Archived", NULL);
	return answer;
}

/* POST /:id/archive — 303 to the visit, archived (read-only from now on);
 * 409 when archived already;
 * 200 the form with messages; 403, 404, 409. */
int keeper_submit(struct gw_ctx *ctx)
{
	struct gw_visit v;
	struct gw_fval f[K__N];
	const char *line;
	int answer, r, failed, archived;

	if (!keeper_gate(ctx, &v, &answer, &archived))
		return archived ? after_archived(ctx, &v) : answer;
	if (GW_FORM_READ(ctx, keeper_form, f))
		return show(ctx, &v);
	if ((r = after_claim(ctx, &v)) != 0)
		return r < 0 ? 500
			     : after_page(ctx, &v, "after_refused.cs", "VisitReview.RefusedTitle",
					  "changed");
	line = gw_arena_printf(
	    &ctx->arena, "%s%s%s",
	    gw_view_word(
		ctx, gw_arena_printf(&ctx->arena, "L.VisitArchive.Categories.%s", f[K_CATEGORY].s)),
	    f[K_TAGS].present ? " · " : "", f[K_TAGS].s);
	failed = gw_db_exec(ctx->db, SQL_ARCHIVE, "ssisi", f[K_CATEGORY].s, f[K_TAGS].s,
			    ctx->user->id, gw_now_utc(ctx), v.id) != 1 ||
		 after_event(ctx, &v, "archived", line);
	return after_finish(ctx, &v, failed, "visit.archive", "visit_archived");
}

/* ---- the archive, searched ------------------------------------------------------ */

static const char *const states[] = {"archived", "accepted", NULL};

static const char *tag_like(struct gw_ctx *ctx, const struct gw_fval *v)
{
	return gw_arena_printf(&ctx->arena, "%%%s%%", v->s);
}

static const struct gw_list_filter archive_filters[] = {
    /* a tab: the archive, or (for the keeper) the accepted reports to classify */
    {{"state", GW_F_CHOICE, 0, 8, 0, 0, states}, NULL, NULL},
    {{"category", GW_F_CHOICE, 0, 16, 0, 0, categories}, "v.category = ?", NULL},
    {{"tag", GW_F_TEXT, 0, 50, 0, 0, NULL}, "v.tags LIKE ?", tag_like},
    {{NULL, 0, 0, 0, 0, 0, NULL}, NULL, NULL},
};

static const struct gw_list_col archive_cols[] = {
    {"id", "v.id", GW_LC_SORT, "L.VisitReview.Number", NULL, NULL},
    {"client_name", "c.name", GW_LC_SORT | GW_LC_SEARCH, "L.VisitReview.Client", NULL, NULL},
    {"visitor_name", "u.name", 0, "L.VisitReview.Visitor", NULL, NULL},
    {"visited_on", "v.visited_on", 0, "L.VisitReview.VisitedOn", NULL, NULL},
    {"category", "v.category", 0, "L.VisitArchive.Category", "L.VisitArchive.Categories",
     "L.VisitArchive.NoCategory"},
    {"tags", "v.tags", 0, "L.VisitArchive.Tags", NULL, NULL},
    {"discussed", "v.discussed", GW_LC_SEARCH, "L.VisitReview.Discussed", NULL, NULL},
    {"opinions", "v.opinions", GW_LC_SEARCH, "L.VisitReview.Opinions", NULL, NULL},
    {"archived_at", "v.archived_at", GW_LC_ZONE, "L.VisitArchive.ArchivedAt", NULL, NULL},
    {NULL, NULL, 0, NULL, NULL, NULL},
};

static const struct gw_list archive = {
    .columns = "v.id, c.name AS client_name, u.name AS visitor_name, v.visited_on,"
	       " v.category, v.tags, LEFT(v.discussed, 200) AS discussed,"
	       " LEFT(v.opinions, 200) AS opinions, v.archived_at",
    .from = "visits v JOIN clients c ON c.id = v.client_id LEFT JOIN users u"
	    " ON u.id = v.visitor_id",
    .key = "v.id",
    .filters = archive_filters,
    .cols = archive_cols,
    .sort = "id",
    .desc = 1,
    .rows = 50,
    .program = "visits",
    .path = "/archive",
    .csv_name = "visit-archive",
    /* a person's or department's archive: along their keys, never the primary
     * key past the archived reports of others (6 ms instead of 360 with
     * 200,000 archived reports of the department) */
    .hint = "IGNORE INDEX FOR ORDER BY (PRIMARY)",
};

/* The scope rule of visits (lib/visit_record.c) for the archive: the keeper
 * and directors every report; a manager the department's and their own;
 * everyone else the visits they made or planned. */
static const char SCOPE_ALL[] = "v.status = ?";
static const char SCOPE_MANAGER[] =
    "v.status = ? AND (v.department_id = ? OR v.visitor_id = ? OR v.created_by = ?)";
static const char SCOPE_OWN[] = "v.status = ? AND (v.visitor_id = ? OR v.created_by = ?)";

static void archive_scope(struct gw_ctx *ctx, struct gw_list_run *r, const char *state, int keeper)
{
	struct gw_user *u = ctx->user;
	struct gw_db_arg a[4] = {{GW_DB_TEXT, 0, state},
				 {GW_DB_INT, u->dept_id, NULL},
				 {GW_DB_INT, u->id, NULL},
				 {GW_DB_INT, u->id, NULL}};

	if (keeper || u->role == GW_ROLE_DIRECTOR) {
		gw_list_scope(r, SCOPE_ALL, a, 1);
		return;
	}
	if (u->role == GW_ROLE_MANAGER)
		gw_list_scope(r, SCOPE_MANAGER, a, 4);
	else
		gw_list_scope(r, SCOPE_OWN, (struct gw_db_arg[]){a[0], a[2], a[3]}, 3);
	r->hint = 1;
}

/* The archive's filters, search and the user's scope into r; *state is the
 * tab shown ("archived", or the keeper's "accepted"). The number of bad fields. */
static int read_archive(struct gw_ctx *ctx, struct gw_list_run *r, const char **state, int keeper)
{
	int bad = gw_list_read(ctx, &archive, r);
	struct gw_fval *tab = gw_list_value(r, "state");

	*state = keeper && tab && tab->present ? tab->s : "archived";
	archive_scope(ctx, r, *state, keeper);
	return bad;
}

/* GET /archive — 200 the archived reports the user may see, filtered and
 * searched; the keeper's tab state=accepted lists the reports to classify. */
int archive_list(struct gw_ctx *ctx)
{
	struct gw_list_run r;
	const char *state;
	int keeper = after_is_keeper(ctx);

	read_archive(ctx, &r, &state, keeper);
	if (gw_list_page(ctx, &r))
		return 500;
	category_options(ctx);
	if (keeper)
		gw_hdf_set_int(ctx->hdf, "After.Keeper", 1);
	gw_hdf_set(ctx->hdf, "After.State", state);
	gw_hdf_set(ctx->hdf, "Page.Title", "VisitArchive.ListTitle");
	gw_hdf_set(ctx->hdf, "Page.Nav", "visits");
	return gw_view_render(ctx, "visits/archive_list.cs");
}

/* GET /archive/export — the same reports as CSV (streamed); audited. 400 on
 * bad filters. */
int archive_csv(struct gw_ctx *ctx)
{
	struct gw_list_run r;
	const char *state;
	long long n;

	if (read_archive(ctx, &r, &state, after_is_keeper(ctx)))
		return 400;
	n = gw_list_csv(ctx, &r);
	if (n < 0 && !ctx->resp.streamed)
		return 500;
	gw_audit(ctx, "visit.archive_export", "visit", 0, "%lld rows; %s", n,
		 gw_list_describe(ctx, &r));
	return 0;
}
