/* visit_work.c — the return visits on the start page ("my work"): visits due,
 * appointments to try again, reports to write, returned reports (the
 * visitor's), reports to review and reports escalated as overdue (the
 * supervisor's). Each section is one statement on an index of visits; each
 * item links to the visit. */
#include <stdlib.h>
#include <string.h>

#include "guwen/complaint.h"
#include "guwen/hdfset.h"
#include "guwen/valid.h"
#include "guwen/view.h"
#include "guwen/visit_work.h"
#include "guwen/work_query.h"

/* The index each statement reads is named (USE INDEX): the optimizer otherwise
 * weighs every index of visits on each execution, which cost more than
 * reading the ten rows. */
#define V_FROM_COLS(MORE, INDEX)                                                                   \
	"SELECT 'vi-sup', v.id, c.name, v.method, v.due_on, v.visited_on, v.report_due,"           \
	" v.failed_attempts, COALESCE(u.name, '')" MORE " FROM visits v USE INDEX (" INDEX ")"     \
	" JOIN clients c ON c.id = v.client_id LEFT JOIN users u ON u.id = v.visitor_id"
#define V_FROM(INDEX) V_FROM_COLS("", INDEX)

/* The visitor's four sections in one statement, each part tagged with its
 * section (k) and the key of its order (s, then si): planned visits not yet
 * tried, due by the horizon (ix_visits_visitor_due: visitor, status, failed
 * attempts, due date); planned ones tried and failed, the next attempt to
 * make; visited ones whose report is due; reports returned, newest first.
 * MariaDB sends a UNION ALL's parts in turn, each in the order of its ORDER BY
 * ... LIMIT: no sort of the whole (a derived table and its sort, 0.06 ms). */
/* the visitor is the user: no join to users (mine_row puts their name in) */
#define V_MINE(K, S, SI, INDEX)                                                                    \
	"(SELECT 'vi-mine', v.id, c.name, v.method, v.due_on, v.visited_on, v.report_due,"         \
	" v.failed_attempts, '' AS visitor, " K " AS k, " S " AS s, " SI " AS si"                  \
	" FROM visits v USE INDEX (" INDEX ") JOIN clients c ON c.id = v.client_id"
/* clang-format off */
static const char SQL_MINE[] =
    V_MINE("0", "v.due_on", "v.id", "ix_visits_visitor_due")
    " WHERE v.visitor_id = ? AND v.status = 'planned' AND v.due_on <= ?"
    " AND v.failed_attempts = 0 ORDER BY v.due_on, v.id LIMIT 10)"
    " UNION ALL " V_MINE("1", "v.due_on", "v.id", "ix_visits_visitor_due")
    " WHERE v.visitor_id = ? AND v.status = 'planned' AND v.due_on <= ?"
    " AND v.failed_attempts > 0 ORDER BY v.due_on, v.id LIMIT 10)"
    " UNION ALL " V_MINE("2", "v.report_due", "v.id", "ix_visits_visitor_report")
    " WHERE v.visitor_id = ? AND v.status = 'visited' ORDER BY v.report_due, v.id LIMIT 10)"
    " UNION ALL " V_MINE("3", "NULL", "-CAST(v.id AS SIGNED)", "ix_visits_visitor")
    " WHERE v.visitor_id = ? AND v.status = 'returned' ORDER BY v.id DESC LIMIT 10)";

/* A supervisor's two sections in one statement: reports waiting for review
 * (a manager: the department's, not their own; a director: the managers'
 * own, from the managers to their submitted visits, where the status index
 * would read every submitted report of the centre), the longest waiting
 * first; reports `guwen jobs` escalated as overdue and still not in (the
 * department's; a director: every one, as the ones of departments without a
 * manager are mailed to them). */
#define V_REVIEW_ALL(TAG)                                                                          \
	"(SELECT 'vi-sup', v.id, c.name, v.method, v.due_on, v.visited_on, v.report_due,"          \
	" v.failed_attempts, u.name AS visitor" TAG " FROM users u STRAIGHT_JOIN visits v ON v.visitor_id = u.id"      \
	" AND v.status = 'submitted' JOIN clients c ON c.id = v.client_id"                         \
	" WHERE u.role = 'manager' AND u.id <> ? ORDER BY v.submitted_at, v.id LIMIT 10)"
#define V_TAG(K, S) ", " K " AS k, " S " AS s, v.id AS si"
static const char SQL_SUPERVISE_MANAGER[] =
    "(" V_FROM_COLS(V_TAG("0", "v.submitted_at"), "ix_visits_department")
    " WHERE v.department_id = ? AND v.status = 'submitted' AND v.visitor_id <> ?"
    " ORDER BY v.submitted_at, v.id LIMIT 10)"
    " UNION ALL (" V_FROM_COLS(V_TAG("1", "v.report_due"), "ix_visits_department")
    " WHERE v.department_id = ? AND v.status = 'visited'"
    " AND v.report_escalated_at IS NOT NULL ORDER BY v.report_due, v.id LIMIT 10)";
static const char SQL_SUPERVISE_DIRECTOR[] =
    V_REVIEW_ALL(V_TAG("0", "v.submitted_at"))
    " UNION ALL (" V_FROM_COLS(V_TAG("1", "v.report_due"), "ix_visits_report_due")
    " WHERE v.status = 'visited' AND v.report_escalated_at IS NOT NULL"
    " ORDER BY v.report_due, v.id LIMIT 10)";
/* clang-format on */

/* What a section's title line shows after the client's name. */
enum what { W_DUE, W_ATTEMPTS, W_WRITE, W_RETURNED, W_REVIEW, W_OVERDUE };

struct work {
	struct gw_ctx *ctx;
	const char *prefix;
	enum what what;
	char today[16];
	int n;
};

/* The date the section is about: the visit's due date, else the report's. */
static const char *date_of(const struct work *w, char **v)
{
	return w->what == W_DUE || w->what == W_ATTEMPTS ? v[3] : v[5];
}

static int is_alert(const struct work *w, char **v)
{
	const char *d = date_of(w, v);

	if (w->what == W_OVERDUE)
		return 1;
	if (w->what == W_REVIEW || w->what == W_RETURNED)
		return 0;
	return d && strcmp(d, w->today) < 0;
}

static const char *word(struct work *w, const char *key)
{
	return gw_view_word(w->ctx, key);
}

/* "已逾期：某公司 · 电话 · 期限 2026-12-31" and the like. */
static const char *title(struct work *w, char **v, int alert)
{
	struct gw_arena *a = &w->ctx->arena;
	const char *head = gw_arena_printf(
	    a, "%s%s · %s", alert ? word(w, "L.VisitJobs.Overdue") : "", v[1] ? v[1] : "",
	    word(w, gw_arena_printf(a, "L.VisitJobs.Methods.%s", v[2] ? v[2] : "")));

	switch (w->what) {
	case W_DUE: return gw_arena_printf(a, "%s · %s %s", head, word(w, "L.VisitJobs.Due"), v[3]);
	case W_ATTEMPTS:
		return gw_arena_printf(a, "%s · %s %s · %s %s", head, v[6],
				       word(w, "L.VisitJobs.Attempts"), word(w, "L.VisitJobs.Due"),
				       v[3]);
	case W_REVIEW:
	case W_RETURNED:
		return gw_arena_printf(a, "%s · %s · %s %s", head, v[7],
				       word(w, "L.VisitJobs.VisitedOn"), v[4] ? v[4] : "");
	default:
		return gw_arena_printf(a, "%s · %s · %s %s", head, v[7],
				       word(w, "L.VisitJobs.ReportDue"), v[5] ? v[5] : "");
	}
}

static int work_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct work *w = p;
	struct gw_ctx *ctx = w->ctx;
	struct gw_arena *a = &ctx->arena;
	int alert;

	(void)lens, (void)names;
	if (ncols < 8 || !v[0] || !v[3])
		return 0;
	alert = is_alert(w, v);
	gw_hdf_set(ctx->hdf, gw_arena_printf(a, "%s.%d.title", w->prefix, w->n),
		   title(w, v, alert));
	gw_hdf_set(ctx->hdf, gw_arena_printf(a, "%s.%d.href", w->prefix, w->n),
		   gw_url(ctx, "visits", gw_arena_printf(a, "/%s", v[0])));
	if (alert)
		gw_hdf_set_int(ctx->hdf, gw_arena_printf(a, "%s.%d.alert", w->prefix, w->n), 1);
	w->n++;
	return 0;
}

/* The sections of one statement: its rows carry the section's number (k, column
 * 8) and go to that section's items, when the user sees it. */
struct batch {
	struct work w[4];
	int n;
	int mine; /* the visitor is the user (SQL_MINE selects no name) */
};

/* b's n sections at prefixes with their kinds; 0 when the user sees none. */
static int batch_init(struct batch *b, struct gw_ctx *ctx, const char *const *prefixes,
		      const enum what *what, int n)
{
	char today[16];
	int seen = 0;

	gw_date_format(gw_today(ctx), today);
	b->n = n;
	for (int i = 0; i < n; i++) {
		b->w[i] = (struct work){.ctx = ctx, .prefix = prefixes[i], .what = what[i]};
		memcpy(b->w[i].today, today, sizeof(today));
		seen |= prefixes[i] != NULL;
	}
	return seen;
}

static int batch_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct batch *b = p;
	int k = ncols >= 9 && v[8] ? atoi(v[8]) : -1;

	if (k < 0 || k >= b->n || !b->w[k].prefix)
		return 0;
	if (b->mine)
		v[7] = (char *)b->w[k].ctx->user->name;
	return work_row(&b->w[k], ncols, v, lens, names);
}

/* A batch in the arena (its rows come when the page's statement runs). */
static struct batch *new_batch(struct gw_ctx *ctx, int mine)
{
	struct batch *b = gw_arena_alloc(&ctx->arena, sizeof(*b));

	memset(b, 0, sizeof(*b));
	b->mine = mine;
	return b;
}

int gw_visit_work_mine(struct gw_ctx *ctx, const char *const *prefixes)
{
	static const enum what what[4] = {W_DUE, W_ATTEMPTS, W_WRITE, W_RETURNED};
	struct batch *b = new_batch(ctx, 1);
	struct gw_db_arg *a;
	char *until;

	if (!batch_init(b, ctx, prefixes, what, 4))
		return 0;
	until = gw_arena_alloc(&ctx->arena, 16);
	if (gw_calendar_soon(ctx, until))
		return -1;
	a = gw_work_args_int(ctx, 6, ctx->user->id); /* (me, until) twice, me, me */
	a[1] = a[3] = (struct gw_db_arg){GW_DB_TEXT, 0, until};
	return gw_work_add(ctx, "vi-mine", SQL_MINE, a, 6, batch_row, b);
}

int gw_visit_work_supervise(struct gw_ctx *ctx, const char *const *prefixes)
{
	static const enum what what[2] = {W_REVIEW, W_OVERDUE};
	struct gw_user *u = ctx->user;
	struct batch *b = new_batch(ctx, 0);
	struct gw_db_arg *a;

	if (!batch_init(b, ctx, prefixes, what, 2) || (u->role != GW_ROLE_DIRECTOR && !u->dept_id))
		return 0;
	if (u->role == GW_ROLE_DIRECTOR)
		return gw_work_add(ctx, "vi-sup", SQL_SUPERVISE_DIRECTOR,
				   gw_work_args_int(ctx, 1, u->id), 1, batch_row, b);
	a = gw_work_args_int(ctx, 3, u->dept_id); /* department, me, department */
	a[1].i = u->id;
	return gw_work_add(ctx, "vi-sup", SQL_SUPERVISE_MANAGER, a, 3, batch_row, b);
}
