/* complaint_work.c — the complaints on the start page: each section is a
 * statement of (id, tracking_no, name, severity, stage) rows and a title line
 * per row. */
#include <stdlib.h>

#include "guwen/complaint_work.h"
#include "guwen/hdfset.h"
#include "guwen/view.h"

#define WORK_ROWS 10

/* The user's own open complaints; for directors first the open major and
 * severe ones (c, d), about which they were alerted. One branch per (severity
 * or owner, stage): each reads its 10 newest from the index ending in id, where
 * an IN over both would walk the table past every row that does not match (the
 * newest are mostly unclassified) or sort all the open ones. */
#define WORK_COLS "SELECT id, tracking_no, name, severity, stage FROM complaints"
#define WORK_BRANCH(cond, stage) \
	"(" WORK_COLS " WHERE " cond " AND stage = '" stage "' ORDER BY id DESC LIMIT 10)"
#define WORK_OPEN(cond)                                                                     \
	WORK_BRANCH(cond, "registered") " UNION ALL " WORK_BRANCH(cond, "investigating")   \
	" UNION ALL " WORK_BRANCH(cond, "resolved") " UNION ALL " WORK_BRANCH(cond, "followup")
static const char SQL_WORK_COMPLAINTS[] =
	"SELECT * FROM (" WORK_OPEN("owner_id = ?") ") w ORDER BY id DESC LIMIT 10";
static const char SQL_WORK_ALERTS[] =
	"SELECT * FROM (" WORK_OPEN("severity = 'c'") " UNION ALL " WORK_OPEN("severity = 'd'")
	") w ORDER BY id DESC LIMIT 10";

/* One section being filled: where, how many, which ids it has already. */
struct work {
	struct gw_ctx *ctx;
	const char *prefix;
	int n, alert, nseen;
	long long seen[2 * WORK_ROWS];
};

static int seen(struct work *w, long long id)
{
	for (int i = 0; i < w->nseen; i++)
		if (w->seen[i] == id)
			return 1;
	if (w->nseen < 2 * WORK_ROWS)
		w->seen[w->nseen++] = id;
	return 0;
}

/* "提醒 GW-… · 张三 · 重大 · 初步调查" */
static const char *title(struct work *w, char **v)
{
	struct gw_ctx *ctx = w->ctx;
	struct gw_arena *a = &ctx->arena;
	const char *sev = v[3] ? gw_view_word(ctx, gw_arena_printf(a, "L.Complaint.Severities.%s", v[3]))
			       : gw_view_word(ctx, "L.Complaint.Unclassified");

	return gw_arena_printf(a, "%s%s%s · %s · %s · %s",
			       w->alert ? gw_view_word(ctx, "L.Complaints.Home.Alert") : "",
			       w->alert ? " " : "", v[1], v[2] ? v[2] : "", sev,
			       gw_view_word(ctx, gw_arena_printf(a, "L.Complaint.Stages.%s",
								 v[4] ? v[4] : "")));
}

/* id, tracking, name, severity, stage → prefix.N.title / href (/ alert) */
static int work_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct work *w = p;
	struct gw_arena *a = &w->ctx->arena;

	(void)lens, (void)names;
	if (ncols < 5 || !v[0] || !v[1] || seen(w, strtoll(v[0], NULL, 10)))
		return 0;
	gw_hdf_set(w->ctx->hdf, gw_arena_printf(a, "%s.%d.title", w->prefix, w->n), title(w, v));
	gw_hdf_set(w->ctx->hdf, gw_arena_printf(a, "%s.%d.href", w->prefix, w->n),
		   gw_url(w->ctx, "complaints", gw_arena_printf(a, "/%s", v[0])));
	if (w->alert)
		gw_hdf_set_int(w->ctx->hdf, gw_arena_printf(a, "%s.%d.alert", w->prefix, w->n), 1);
	w->n++;
	return 0;
}

int gw_complaint_work(struct gw_ctx *ctx, const char *prefix)
{
	struct work w = { .ctx = ctx, .prefix = prefix, .alert = 1 };

	if (!gw_perm_has(ctx->user->role, GW_PERM_COMPLAINT_READ))
		return 0;
	if (ctx->user->role == GW_ROLE_DIRECTOR &&
	    gw_db_each(ctx->db, work_row, &w, SQL_WORK_ALERTS, NULL) < 0)
		return -1;
	w.alert = 0;
	return gw_db_each(ctx->db, work_row, &w, SQL_WORK_COMPLAINTS, "iiii", ctx->user->id,
			  ctx->user->id, ctx->user->id, ctx->user->id) < 0
		       ? -1
		       : 0;
}
