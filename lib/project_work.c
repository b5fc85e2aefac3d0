/* project_work.c — the projects on the start page ("my work"): slips to accept,
 * rejected slips to assign again (market), second rejections to answer
 * (managers), the slips' two deadlines not yet done and the 代理记账 months not
 * filed, in the next 2 working days or overdue (alert), and for managers their
 * department's deadlines that `guwen jobs` found passed undone. Each is a
 * statement of (id, client, type, type, learn due, due[, which]) rows. */
#include <stdlib.h>
#include <string.h>

#include "guwen/complaint.h"
#include "guwen/hdfset.h"
#include "guwen/project.h"
#include "guwen/valid.h"
#include "guwen/view.h"

/* Each statement names its tables in the order to read them (STRAIGHT_JOIN):
 * from the index that picks the few rows (the user's, the department's, the
 * open ones) in the order shown, so that LIMIT stops the reading; then the
 * client's and the type's names by primary key (W_NAMES: the type by its key
 * too, not a buffered scan of the few types, which would sort every row
 * first). Scalar subqueries for the names cost a third of each statement. */
#define W_SELECT(DUE) "SELECT STRAIGHT_JOIN p.id, c.name, t.name_zh, t.name_en, sl.learn_due, " DUE
#define W_NAMES                                                                                    \
	" JOIN clients c ON c.id = p.client_id"                                                    \
	" JOIN project_types t FORCE INDEX (PRIMARY) ON t.id = p.type_id"
/* the project first, then its latest slip */
#define W_COLS                                                                                     \
	W_SELECT("sl.coach_due")                                                                   \
	" FROM projects p JOIN project_slips sl ON sl.project_id = p.id"                           \
	" AND sl.id = (SELECT MAX(x.id) FROM project_slips x"                                      \
	"  WHERE x.project_id = p.id)" W_NAMES

/* clang-format off */
static const char SQL_TO_REASSIGN[] =
    W_COLS " WHERE p.created_by = ? AND p.status = 'reassign' ORDER BY p.id DESC LIMIT 10";
/* the manager answered market about a second rejection: market answers the client */
static const char SQL_TO_TELL_CLIENT[] =
    W_COLS " WHERE p.created_by = ? AND p.status = 'answered' ORDER BY p.id DESC LIMIT 10";
static const char SQL_TO_ANSWER[] =
    W_COLS " WHERE p.department_id = ? AND p.status = 'escalated' ORDER BY p.id DESC LIMIT 10";
/* "cannot proceed": the manager to tell market, then market */
static const char SQL_BLOCKED_MANAGER[] =
    W_COLS " WHERE p.blocked_stage = 'manager' AND p.department_id = ? ORDER BY p.id DESC LIMIT 10";
static const char SQL_BLOCKED_MARKET[] =
    W_COLS " WHERE p.blocked_stage = 'market' AND p.created_by = ? ORDER BY p.id DESC LIMIT 10";
/* open collection cases, newest first: market's own, every one for legal (? = 0) */
static const char SQL_COLLECT[] = W_SELECT("sl.coach_due")
    " FROM project_collections pc JOIN projects p ON p.id = pc.project_id"
    " JOIN project_slips sl ON sl.project_id = p.id"
    " AND sl.id = (SELECT MAX(x.id) FROM project_slips x WHERE x.project_id = p.id)"
    W_NAMES " WHERE pc.closed_at IS NULL AND (? = 0 OR p.created_by = ?) ORDER BY pc.id DESC LIMIT 10";

/* The user's own work in one statement, each part in its order and tagged
 * (k, the order within k): open slips to accept, to me or to my department
 * without an advisor (I am in it; each half reads its ten nearest from an
 * index ending in the due date); my accepted slips' nearest deadline not
 * recorded done, due by the given day (projects.deadline_due, kept by the
 * accept and deadline actions, from the index (lead_id, deadline_due) of 019);
 * my 代理记账 months not filed, due by the given day (from the periods not
 * filed, index (filed_on, filing_due), mine among them). Past ones too. */
#define W_OWN_ACCEPT(INDEX, WHO)                                                                   \
	"(" W_SELECT("sl.coach_due, 'Accept', 1 AS k, sl.learn_due AS s")                          \
	" FROM project_slips sl USE INDEX (" INDEX ") JOIN projects p ON p.id = sl.project_id"     \
	W_NAMES " WHERE " WHO " AND sl.status = 'open' AND p.status = 'assigning'"                  \
	" ORDER BY sl.learn_due LIMIT 10)"
static const char SQL_OWN[] =
    "SELECT * FROM (" W_OWN_ACCEPT("ix_slips_advisor", "sl.advisor_id = ?")
    " UNION ALL " W_OWN_ACCEPT("ix_slips_department",
			       "sl.department_id = ? AND sl.advisor_id IS NULL")
    " UNION ALL (" W_SELECT("p.deadline_due, IF(sl.learn_done_on IS NULL, 'Learn', 'Coach'), 2,"
			    " p.deadline_due")
    " FROM projects p USE INDEX (ix_projects_lead_deadline)"
    " JOIN project_slips sl ON sl.project_id = p.id AND sl.status = 'accepted'"
    W_NAMES " WHERE p.lead_id = ? AND p.deadline_due <= ? AND p.status = 'active'"
    " ORDER BY p.deadline_due LIMIT 10)"
    " UNION ALL (SELECT STRAIGHT_JOIN p.id, c.name, t.name_zh, t.name_en, pp.filing_due,"
    " pp.filing_due, 'Filing', 3, pp.filing_due FROM project_periods pp USE INDEX (ix_periods_due)"
    " JOIN projects p ON p.id = pp.project_id" W_NAMES
    " WHERE pp.filed_on IS NULL AND pp.filing_due <= ? AND p.lead_id = ? AND p.status = 'active'"
    " ORDER BY pp.filing_due LIMIT 10)) w ORDER BY k, s, id";
/* clang-format on */

/* my department's deadlines `guwen jobs` found passed undone (the manager's
 * own ones are in the section above), read in due-date order (the late ones
 * first) from ix_slips_dept_learn / _coach (sql/023) */
#define W_LATE(WHAT)                                                                               \
	W_SELECT("sl." WHAT "_due")                                                                \
	" FROM project_slips sl USE INDEX (ix_slips_dept_" WHAT ")"                                \
	" JOIN projects p ON p.id = sl.project_id" W_NAMES                                         \
	" WHERE sl.department_id = ? AND sl." WHAT "_done_on IS NULL"                              \
	" AND sl." WHAT "_late_at IS NOT NULL AND sl.status IN ('open', 'accepted')"               \
	" AND p.status IN ('assigning', 'active') AND COALESCE(p.lead_id, 0) <> ?"                 \
	" AND sl.id = (SELECT MAX(x.id) FROM project_slips x WHERE x.project_id = p.id)"           \
	" ORDER BY sl." WHAT "_due LIMIT 10"
static const char SQL_LEARN_LATE[] = W_LATE("learn");
static const char SQL_COACH_LATE[] = W_LATE("coach");

struct work {
	struct gw_ctx *ctx;
	const char *prefix, *what;
	char today[16];
	int n, accept;
};

/* Blocked projects, collection cases and answers owed have no due day. */
static int urgent(const struct work *w)
{
	return !strcmp(w->what, "Blocked") || !strcmp(w->what, "Collect") ||
	       !strcmp(w->what, "TellClient");
}

/* "已超期：待接受分配单 · 客户 · 代理记账 · 期限 2026-10-09" */
static const char *title(struct work *w, char **v, int overdue)
{
	struct gw_ctx *ctx = w->ctx;
	struct gw_arena *a = &ctx->arena;
	const char *type = !strcmp(ctx->lang, "en") ? v[3] : v[2];
	const char *due = !strcmp(w->what, "Accept") ? v[4] : v[5];
	const char *head = gw_arena_printf(
	    a, "%s%s · %s · %s", overdue ? gw_view_word(ctx, "L.Projects.Work.Overdue") : "",
	    gw_view_word(ctx, gw_arena_printf(a, "L.Projects.Work.%s", w->what)), v[1] ? v[1] : "",
	    type ? type : "");

	if (urgent(w))
		return head;
	return gw_arena_printf(a, "%s · %s %s", head, gw_view_word(ctx, "L.Projects.Due"),
			       due ? due : "");
}

static int work_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct work *w = p;
	struct gw_ctx *ctx = w->ctx;
	struct gw_arena *a = &ctx->arena;
	const char *due;
	int overdue;

	(void)lens, (void)names;
	if (ncols < 6 || !v[0])
		return 0;
	if (ncols >= 7 && v[6]) /* the statement says which deadline */
		w->what = !strcmp(v[6], "Learn")    ? "Learn"
			  : !strcmp(v[6], "Filing") ? "Filing"
			  : !strcmp(v[6], "Accept") ? "Accept"
						    : "Coach";
	if (!strcmp(w->what, "Accept") && w->accept++ >= 10) /* of the two halves */
		return 0;
	due = !strcmp(w->what, "Accept") ? v[4] : v[5];
	overdue = !urgent(w) && due && strcmp(due, w->today) < 0;
	gw_hdf_set(ctx->hdf, gw_arena_printf(a, "%s.%d.title", w->prefix, w->n),
		   title(w, v, overdue));
	gw_hdf_set(ctx->hdf, gw_arena_printf(a, "%s.%d.href", w->prefix, w->n),
		   gw_url(ctx, "projects", gw_arena_printf(a, "/%s", v[0])));
	if (overdue || urgent(w))
		gw_hdf_set_int(ctx->hdf, gw_arena_printf(a, "%s.%d.alert", w->prefix, w->n), 1);
	w->n++;
	return 0;
}

static int section(struct work *w, const char *what, const char *sql, long long arg)
{
	w->what = what;
	return gw_db_each(w->ctx->db, work_row, w, sql, "i", arg) < 0 ? -1 : 0;
}

static int collect(struct work *w)
{
	long long mine = w->ctx->user->role == GW_ROLE_MARKET ? w->ctx->user->id : 0;

	w->what = "Collect";
	return gw_db_each(w->ctx->db, work_row, w, SQL_COLLECT, "ii", mine, mine) < 0 ? -1 : 0;
}

/* The department's deadlines found passed undone, for its manager. */
static int late(struct work *w, const char *what, const char *sql)
{
	struct gw_user *u = w->ctx->user;

	w->what = what;
	return gw_db_each(w->ctx->db, work_row, w, sql, "ii", u->dept_id, u->id) < 0 ? -1 : 0;
}

/* The user's own work (SQL_OWN); dept is 0 for roles without slips to a department. */
static int own(struct work *w, long long dept)
{
	struct gw_ctx *ctx = w->ctx;
	long long id = ctx->user->id;
	char horizon[16];

	if (gw_calendar_soon(ctx, horizon))
		return -1;
	return gw_db_each(ctx->db, work_row, w, SQL_OWN, "iiissi", id, dept, id, horizon, horizon,
			  id) < 0
		   ? -1
		   : 0;
}

int gw_project_work(struct gw_ctx *ctx, const char *prefix)
{
	struct work w = {.ctx = ctx, .prefix = prefix};
	struct gw_user *u = ctx->user;
	int rc = 0;

	if (!gw_perm_has(u->role, GW_PERM_PROJECT_READ))
		return 0;
	gw_date_format(gw_today(ctx), w.today);
	if (own(&w, u->role == GW_ROLE_ADVISOR || u->role == GW_ROLE_MANAGER ? u->dept_id : 0))
		return -1;
	if (u->role == GW_ROLE_MARKET || u->role == GW_ROLE_DIRECTOR) {
		rc |= section(&w, "TellClient", SQL_TO_TELL_CLIENT, u->id);
		rc |= section(&w, "Reassign", SQL_TO_REASSIGN, u->id);
	}
	if (u->role == GW_ROLE_MANAGER && u->dept_id) {
		rc |= section(&w, "Answer", SQL_TO_ANSWER, u->dept_id);
		rc |= section(&w, "Blocked", SQL_BLOCKED_MANAGER, u->dept_id);
		rc |= late(&w, "Learn", SQL_LEARN_LATE);
		rc |= late(&w, "Coach", SQL_COACH_LATE);
	}
	if (u->role == GW_ROLE_MARKET)
		rc |= section(&w, "Blocked", SQL_BLOCKED_MARKET, u->id);
	if (gw_perm_has(u->role, GW_PERM_FEE_COLLECT))
		rc |= collect(&w);
	return rc ? -1 : 0;
}
