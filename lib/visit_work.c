/* visit_work.c — the return visits on the start page ("my work"): visits due,
 * appointments to try again, reports to write, returned reports (the
 * visitor's), reports to review and reports escalated as overdue (the
 * supervisor's). Each section is one part of the page's statement
 * (work_query.h) on an index of visits; each item links to the visit. */
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
 * reading the ten rows. Each part: its tag, the visit (id, client, method,
 * due date, visited on, report due, failed attempts, visitor), padding. */
#define V_COLS(TAG, VISITOR)                                                                       \
	"(SELECT '" TAG "', v.id, c.name, v.method, v.due_on, v.visited_on, v.report_due,"         \
	" v.failed_attempts, " VISITOR GW_PAD2 GW_PAD1
#define V_FROM(TAG, INDEX)                                                                         \
	V_COLS(TAG, "COALESCE(u.name, '')")                                                        \
	" FROM visits v USE INDEX (" INDEX ")"                                                     \
	" JOIN clients c ON c.id = v.client_id LEFT JOIN users u ON u.id = v.visitor_id"
/* the visitor is the user: no join to users (work_row puts their name in) */
#define V_MINE(TAG, INDEX)                                                                         \
	V_COLS(TAG, "''")                                                                          \
	" FROM visits v USE INDEX (" INDEX ") JOIN clients c ON c.id = v.client_id"
/* clang-format off */
/* The visitor's: planned visits not yet tried, due by the horizon
 * (ix_visits_visitor_due: visitor, status, failed attempts, due date); planned
 * ones tried and failed, the next attempt to make; visited ones whose report is
 * due; reports returned, newest first. */
static const char SQL_DUE[] = V_MINE("vi-due", "ix_visits_visitor_due")
    " WHERE v.visitor_id = ? AND v.status = 'planned' AND v.due_on <= ?"
    " AND v.failed_attempts = 0 ORDER BY v.due_on, v.id LIMIT 10)";
static const char SQL_ATTEMPTS[] = V_MINE("vi-attempts", "ix_visits_visitor_due")
    " WHERE v.visitor_id = ? AND v.status = 'planned' AND v.due_on <= ?"
    " AND v.failed_attempts > 0 ORDER BY v.due_on, v.id LIMIT 10)";
static const char SQL_WRITE[] = V_MINE("vi-write", "ix_visits_visitor_report")
    " WHERE v.visitor_id = ? AND v.status = 'visited' ORDER BY v.report_due, v.id LIMIT 10)";
static const char SQL_RETURNED[] = V_MINE("vi-returned", "ix_visits_visitor")
    " WHERE v.visitor_id = ? AND v.status = 'returned' ORDER BY v.id DESC LIMIT 10)";

/* A supervisor's: reports waiting for review (a manager: the department's, not
 * their own; a director: the managers' own, from the managers to their
 * submitted visits, where the status index would read every submitted report
 * of the centre), the longest waiting first; reports `guwen jobs` escalated as
 * overdue and still not in (the department's; a director: every one, as the
 * ones of departments without a manager are mailed to them). */
static const char SQL_REVIEW_DEPT[] = V_FROM("vi-review", "ix_visits_department")
    " WHERE v.department_id = ? AND v.status = 'submitted' AND v.visitor_id <> ?"
    " ORDER BY v.submitted_at, v.id LIMIT 10)";
static const char SQL_REVIEW_ALL[] = V_COLS("vi-review", "u.name")
    " FROM users u STRAIGHT_JOIN visits v ON v.visitor_id = u.id"
    " AND v.status = 'submitted' JOIN clients c ON c.id = v.client_id"
    " WHERE u.role = 'manager' AND u.id <> ? ORDER BY v.submitted_at, v.id LIMIT 10)";
static const char SQL_OVERDUE_DEPT[] = V_FROM("vi-overdue", "ix_visits_department")
    " WHERE v.department_id = ? AND v.status = 'visited'"
    " AND v.report_escalated_at IS NOT NULL ORDER BY v.report_due, v.id LIMIT 10)";
static const char SQL_OVERDUE_ALL[] = V_FROM("vi-overdue", "ix_visits_report_due")
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
	int mine; /* the visitor is the user (the statement selects no name) */
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
	if (w->mine)
		v[7] = (char *)ctx->user->name;
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

/* A section's part of the page's statement, its rows to work_row. */
static int section(struct gw_ctx *ctx, const char *prefix, enum what what, int mine,
		   const char *tag, const char *sql, struct gw_db_arg *a, int nargs)
{
	struct work *w = gw_arena_alloc(&ctx->arena, sizeof(*w));

	*w = (struct work){.ctx = ctx, .prefix = prefix, .what = what, .mine = mine};
	gw_date_format(gw_today(ctx), w->today);
	return gw_work_add(ctx, tag, sql, a, nargs, work_row, w);
}

/* A visitor's section due by the horizon (me, horizon). */
static int due_by(struct gw_ctx *ctx, const char *prefix, enum what what, const char *tag,
		  const char *sql)
{
	struct gw_db_arg *a = gw_work_args_int(ctx, 2, ctx->user->id);
	char *until = gw_arena_alloc(&ctx->arena, 16);

	if (gw_calendar_soon(ctx, until))
		return -1;
	a[1] = (struct gw_db_arg){GW_DB_TEXT, 0, until};
	return section(ctx, prefix, what, 1, tag, sql, a, 2);
}

int gw_visit_work_due(struct gw_ctx *ctx, const char *prefix)
{
	return due_by(ctx, prefix, W_DUE, "vi-due", SQL_DUE);
}

int gw_visit_work_attempts(struct gw_ctx *ctx, const char *prefix)
{
	return due_by(ctx, prefix, W_ATTEMPTS, "vi-attempts", SQL_ATTEMPTS);
}

int gw_visit_work_write(struct gw_ctx *ctx, const char *prefix)
{
	return section(ctx, prefix, W_WRITE, 1, "vi-write", SQL_WRITE,
		       gw_work_args_int(ctx, 1, ctx->user->id), 1);
}

int gw_visit_work_returned(struct gw_ctx *ctx, const char *prefix)
{
	return section(ctx, prefix, W_RETURNED, 1, "vi-returned", SQL_RETURNED,
		       gw_work_args_int(ctx, 1, ctx->user->id), 1);
}

int gw_visit_work_review(struct gw_ctx *ctx, const char *prefix)
{
	struct gw_user *u = ctx->user;
	struct gw_db_arg *a;

	if (u->role == GW_ROLE_DIRECTOR)
		return section(ctx, prefix, W_REVIEW, 0, "vi-review", SQL_REVIEW_ALL,
			       gw_work_args_int(ctx, 1, u->id), 1);
	if (!u->dept_id)
		return 0;
	a = gw_work_args_int(ctx, 2, u->dept_id); /* department, me */
	a[1].i = u->id;
	return section(ctx, prefix, W_REVIEW, 0, "vi-review", SQL_REVIEW_DEPT, a, 2);
}

int gw_visit_work_overdue(struct gw_ctx *ctx, const char *prefix)
{
	struct gw_user *u = ctx->user;

	if (u->role == GW_ROLE_DIRECTOR)
		return section(ctx, prefix, W_OVERDUE, 0, "vi-overdue", SQL_OVERDUE_ALL, NULL, 0);
	if (!u->dept_id)
		return 0;
	return section(ctx, prefix, W_OVERDUE, 0, "vi-overdue", SQL_OVERDUE_DEPT,
		       gw_work_args_int(ctx, 1, u->dept_id), 1);
}
