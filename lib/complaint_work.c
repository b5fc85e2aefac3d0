/* complaint_work.c — the complaints on the start page ("my work"): one
 * function per section (declared in lib/programs.c), each a condition on the
 * open complaints; its newest 10 rows with a title line each, how many there
 * are, the nearest deadline and the list that shows all of it. */
#include <stdlib.h>
#include <string.h>

#include "guwen/complaint_work.h"
#include "guwen/hdfset.h"
#include "guwen/perm.h"
#include "guwen/valid.h"
#include "guwen/view.h"
#include "guwen/work_query.h"

#define WORK_ROWS 10
/* a section counts up to this many (the start page stays cheap at any size):
 * each counted complaint is an index entry and its row, and 1,000 made the
 * count of the unclassified 1.9 of the 4.4 ms a director's start page cost
 * MariaDB at 1,000,000 complaints (issue 13); "100+" says as much */
#define WORK_COUNT_MAX	   100
#define WORK_COUNT_MAX_SQL "100"

/* One branch per (condition, stage): each reads its 10 newest from the index
 * ending in id, where an IN over the stages would walk the table past every
 * row that does not match (the newest are mostly unclassified) or sort all the
 * open ones. `from` is the table with the index hint a condition needs. */
#define WORK_COLS "SELECT id, tracking_no, name, severity, stage FROM "
#define WORK_BRANCH(from, cond, stage)                                                             \
	"(" WORK_COLS from " WHERE " cond " AND stage = '" stage "' ORDER BY id DESC LIMIT 10)"
#define WORK_OPEN(from, cond)                                                                      \
	WORK_BRANCH(from, cond, "registered")                                                      \
	" UNION ALL " WORK_BRANCH(from, cond, "investigating") " UNION ALL " WORK_BRANCH(          \
	    from, cond, "resolved") " UNION ALL " WORK_BRANCH(from, cond, "followup")

/* How many (up to WORK_COUNT_MAX) and the nearest deadline still running: the
 * response deadline until the complainant was answered, then the resolution's. */
#define WORK_DUE                                                                                   \
	"CASE WHEN waiting_since IS NOT NULL OR stage NOT IN ('registered', 'investigating')"      \
	" THEN NULL WHEN responded_at IS NULL"                                                     \
	" THEN UNIX_TIMESTAMP(LEAST(response_due, resolution_due))"                                \
	" ELSE UNIX_TIMESTAMP(resolution_due) END"
#define WORK_SUM_SQL(tag, from, cond)                                                              \
	"SELECT '" tag "', NULL, NULL, NULL, NULL, NULL, COUNT(*), MIN(due)" GW_PAD4               \
	" FROM (SELECT " WORK_DUE " AS due FROM " from " WHERE " cond                              \
	" AND stage <> 'closed' LIMIT " WORK_COUNT_MAX_SQL ") x"
/* A section's rows and then its summary row (id NULL) in one statement: each
 * statement costs MariaDB about 0.15 ms whatever it reads. MariaDB sends a
 * UNION ALL's parts in turn, the rows in the order of their ORDER BY ... LIMIT:
 * no sort of the whole (a derived table and its sort, 0.06 ms). Each section's
 * rows are tagged for the start page's one statement (work_query.h). */
/* clang-format off */
#define WORK_SECTION_SQL(tag, from, cond) \
	"(SELECT '" tag "', w.*, NULL AS n, NULL AS due" GW_PAD4 " FROM (" WORK_OPEN(from, cond) \
	") w ORDER BY id DESC LIMIT 10) UNION ALL (" WORK_SUM_SQL(tag, from, cond) ")"
/* clang-format on */

/* The tables: plain, or held to the index that serves the condition's branch
 * (condition, stage, id). Without a hint MariaDB intersects three indexes for
 * the unclassified (reading all 66,000 of them at 1,000,000 complaints, 270
 * ms) where one reads 10; and for every branch it weighs each of the table's
 * 20 indexes, which cost the eight branches of the alerts 2.8 ms (issue 13). */
#define F_ANY	   "complaints"
#define F_SEVERITY "complaints USE INDEX (ix_complaints_severity)"
#define F_OWNER	   "complaints USE INDEX (ix_complaints_owner)"
#define F_UNOWNED  "complaints USE INDEX (ix_complaints_unowned)" /* sql/017 */

/* the sections' conditions: each has one parameter, bound to every '?' */
#define C_OWNED "owner_id = ?"
/* the director's alerts: one severity per branch, as IN ('c', 'd') walks
 * the whole table by id past the unclassified on top */
#define C_ALERT_C "severity = 'c' AND 0 < ?"
#define C_ALERT_D "severity = 'd' AND 0 < ?"
#define C_CLASSIFY                                                                                 \
	"severity IS NULL AND trust = 'ok' AND duplicate_of IS NULL"                               \
	" AND (department_id IS NULL OR department_id = ? OR ? = 0)"
#define C_UNOWNED "department_id = ? AND severity = 'a' AND owner_id IS NULL"
#define C_REFERRED                                                                                 \
	"id IN (SELECT complaint_id FROM complaint_referrals WHERE answered_at IS NULL) AND 0 < ?"

struct work_def {
	const char *tag;  /* of its rows in the start page's statement */
	const char *rows; /* WORK_SECTION_SQL of one condition (the alerts: rows only) */
	const char *more; /* the complaints list that shows all of it */
	int alert;	  /* the director's c/d alert: marked, shown apart */
};

static const struct work_def owned = {"cm-owned", WORK_SECTION_SQL("cm-owned", F_OWNER, C_OWNED),
				      "/?tab=mine&open=1", 0};
/* shown without a count: no summary statement */
/* clang-format off */
static const struct work_def alerts = {"cm-alerts",
    "(SELECT 'cm-alerts', w.*, NULL, NULL" GW_PAD4 " FROM (" WORK_OPEN(F_SEVERITY, C_ALERT_C)
    " UNION ALL " WORK_OPEN(F_SEVERITY, C_ALERT_D) ") w ORDER BY id DESC LIMIT 10)",
    "/?tab=all&grave=1&open=1", 1};
/* clang-format on */
static const struct work_def to_classify = {"cm-classify",
					    WORK_SECTION_SQL("cm-classify", F_SEVERITY, C_CLASSIFY),
					    "/?tab=department&severity=none&open=1", 0};
static const struct work_def to_classify_all = {
    "cm-classify", WORK_SECTION_SQL("cm-classify", F_SEVERITY, C_CLASSIFY),
    "/?tab=all&severity=none&open=1", 0};
static const struct work_def unowned = {"cm-unowned",
					WORK_SECTION_SQL("cm-unowned", F_UNOWNED, C_UNOWNED),
					"/?tab=department&severity=a&unowned=1&open=1", 0};
/* Escalated to me: from the person's escalations still open (is_open, sql/023;
 * a director at a million complaints had 68,930, and walking them all for each
 * branch took 231 ms), the newest first, each complaint once. */
#define E_OPEN(N)                                                                                  \
	"SELECT DISTINCT complaint_id FROM complaint_escalations USE INDEX (ix_escalations_open)"  \
	" WHERE user_id = ? AND is_open = 1 ORDER BY complaint_id DESC LIMIT " N
#define E_FROM(N) " FROM (" E_OPEN(N) ") e JOIN complaints c ON c.id = e.complaint_id"
/* clang-format off */
static const struct work_def escalated = {"cm-escalated",
    "(SELECT 'cm-escalated', c.id, c.tracking_no, c.name, c.severity, c.stage, NULL AS n,"
    " NULL AS due" GW_PAD4 E_FROM("10") " WHERE c.stage <> 'closed' ORDER BY c.id DESC LIMIT 10)"
    " UNION ALL (SELECT 'cm-escalated', NULL, NULL, NULL, NULL, NULL, COUNT(*), MIN(due)" GW_PAD4
    " FROM (SELECT " WORK_DUE " AS due" E_FROM(WORK_COUNT_MAX_SQL)
    " WHERE c.stage <> 'closed') x)",
    "/?tab=escalated&open=1", 0};
/* clang-format on */
static const struct work_def referred = {
    "cm-referred", WORK_SECTION_SQL("cm-referred", F_ANY, C_REFERRED), "/?tab=referred&open=1", 0};

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
	const char *sev =
	    v[3] ? gw_view_word(ctx, gw_arena_printf(a, "L.Complaint.Severities.%s", v[3]))
		 : gw_view_word(ctx, "L.Complaint.Unclassified");

	return gw_arena_printf(
	    a, "%s%s%s · %s · %s · %s",
	    w->alert ? gw_view_word(ctx, "L.Complaints.Home.Alert") : "", w->alert ? " " : "", v[1],
	    v[2] ? v[2] : "", sev,
	    gw_view_word(ctx, gw_arena_printf(a, "L.Complaint.Stages.%s", v[4] ? v[4] : "")));
}

/* id, tracking, name, severity, stage → prefix.Items.N.title / href (/ alert) */
static int work_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct work *w = p;
	struct gw_arena *a = &w->ctx->arena;
	const char *at;

	(void)lens, (void)names;
	if (ncols < 5 || !v[0] || !v[1] || seen(w, strtoll(v[0], NULL, 10)))
		return 0;
	at = gw_arena_printf(a, "%s.Items.%d", w->prefix, w->n++);
	gw_hdf_set(w->ctx->hdf, gw_arena_printf(a, "%s.title", at), title(w, v));
	gw_hdf_set(w->ctx->hdf, gw_arena_printf(a, "%s.href", at),
		   gw_url(w->ctx, "complaints", gw_arena_printf(a, "/%s", v[0])));
	if (w->alert)
		gw_hdf_set_int(w->ctx->hdf, gw_arena_printf(a, "%s.alert", at), 1);
	return 0;
}

/* COUNT(*), MIN(due) → prefix.count ("100+" at the cap) and prefix.due (local
 * time). At the cap no due: the nearest of the hundred counted need not be
 * the nearest of all, and the page would say it is. */
static void sum_row(struct work *w, const char *count, const char *min_due)
{
	struct gw_ctx *ctx = w->ctx;
	long long n = count ? strtoll(count, NULL, 10) : 0;
	char due[20];

	gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "%s.count", w->prefix),
		   gw_arena_printf(&ctx->arena, "%lld%s", n, n >= WORK_COUNT_MAX ? "+" : ""));
	if (min_due && n < WORK_COUNT_MAX) {
		gw_time_format(strtoll(min_due, NULL, 10) + gw_tz_minutes(ctx) * 60LL, due);
		gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "%s.due", w->prefix), due);
	}
}

/* A row of WORK_SECTION_SQL: an item, or (id NULL) the count and nearest due. */
static int section_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names)
{
	if (ncols >= 7 && !v[0]) {
		sum_row(p, v[5], v[6]);
		return 0;
	}
	return work_row(p, ncols, v, lens, names);
}

/* One part of a section in the page's statement: its rows into the section's
 * items, as the director's alert or not (alerts and then their own
 * complaints share one section, each complaint once). */
struct part {
	struct work *w;
	int alert, summary;
};

static int part_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct part *pt = p;
	struct work *w = pt->w;
	int before = w->n;

	w->alert = pt->alert;
	if (pt->summary)
		section_row(w, ncols, v, lens, names);
	else
		work_row(w, ncols, v, lens, names);
	if (pt->alert && w->n > before) /* an alert shown: the section is one */
		gw_hdf_set_int(w->ctx->hdf, gw_arena_printf(&w->ctx->arena, "%s.alert", w->prefix),
			       1);
	return 0;
}

/* A section's rows into w (its items after those already there), its count,
 * nearest deadline and link under prefix: a part of the page's statement,
 * arg bound to each of its '?'. 0 or -1. */
static int fill(struct work *w, const struct work_def *d, long long arg, int summary)
{
	struct gw_ctx *ctx = w->ctx;
	struct part *pt = gw_arena_alloc(&ctx->arena, sizeof(*pt));
	int n = 0;

	for (const char *q = d->rows; (q = strchr(q, '?')); q++)
		n++;
	*pt = (struct part){w, d->alert, summary};
	if (summary)
		gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "%s.more", w->prefix),
			   gw_url(ctx, "complaints", d->more));
	return gw_work_add(ctx, d->tag, d->rows, gw_work_args_int(ctx, n, arg), n, part_row, pt);
}

/* A section's items being filled, in the arena (its rows come when the page's
 * statement runs). */
static struct work *new_work(struct gw_ctx *ctx, const char *prefix)
{
	struct work *w = gw_arena_alloc(&ctx->arena, sizeof(*w));

	memset(w, 0, sizeof(*w));
	w->ctx = ctx;
	w->prefix = prefix;
	return w;
}

int gw_complaint_work(struct gw_ctx *ctx, const char *prefix)
{
	struct work *w;

	if (!gw_perm_has(ctx->user->role, GW_PERM_COMPLAINT_READ))
		return 0;
	w = new_work(ctx, prefix);
	if (ctx->user->role == GW_ROLE_DIRECTOR && fill(w, &alerts, 1, 0))
		return -1;
	return fill(w, &owned, ctx->user->id, 1);
}

int gw_complaint_work_classify(struct gw_ctx *ctx, const char *prefix)
{
	long long dept = ctx->user->dept_id ? ctx->user->dept_id : -1; /* -1: none */

	if (gw_perm_has(ctx->user->role, GW_PERM_COMPLAINT_ALL))
		return fill(new_work(ctx, prefix), &to_classify_all, 0, 1);
	return fill(new_work(ctx, prefix), &to_classify, dept, 1);
}

int gw_complaint_work_unowned(struct gw_ctx *ctx, const char *prefix)
{
	if (!ctx->user->dept_id)
		return 1;
	return fill(new_work(ctx, prefix), &unowned, ctx->user->dept_id, 1);
}

int gw_complaint_work_escalated(struct gw_ctx *ctx, const char *prefix)
{
	return fill(new_work(ctx, prefix), &escalated, ctx->user->id, 1);
}

int gw_complaint_work_referred(struct gw_ctx *ctx, const char *prefix)
{
	if (ctx->user->role != GW_ROLE_MARKET)
		return 1;
	return fill(new_work(ctx, prefix), &referred, 1, 1);
}
