/* project_work.c — the projects on the start page ("my work"): the user's own
 * (slips to accept, the slips' two deadlines not yet done and the 代理记账
 * months not filed, in the next 2 working days or overdue: alert), then the
 * role's (market: answers owed to clients, rejected slips to assign again,
 * projects that cannot proceed, collection cases; managers: second rejections
 * to answer, projects that cannot proceed, the department's deadlines `guwen
 * jobs` found passed undone; directors and legal: collection cases). Two
 * statements of (id, client, type, type, learn due, due, which, order) rows:
 * each statement costs the database about 0.15 ms however little it reads. */
#include <stdlib.h>
#include <string.h>

#include "guwen/complaint.h"
#include "guwen/hdfset.h"
#include "guwen/project.h"
#include "guwen/valid.h"
#include "guwen/view.h"
#include "guwen/work_query.h"

/* Each statement names its tables in the order to read them (STRAIGHT_JOIN):
 * from the index that picks the few rows (the user's, the department's, the
 * open ones) in the order shown, so that LIMIT stops the reading; then the
 * client's and the type's names by primary key (W_NAMES: the type by its key
 * too, not a buffered scan of the few types, which would sort every row
 * first). Scalar subqueries for the names cost a third of each statement. */
/* Every row is tagged 'pj' (work_query.h): the user's own work and the role's
 * are two parts of the page's statement that fill one section. */
#define W_SELECT(DUE)                                                                              \
	"SELECT STRAIGHT_JOIN 'pj', p.id, c.name, t.name_zh, t.name_en, sl.learn_due, " DUE
#define W_NAMES                                                                                    \
	" JOIN clients c ON c.id = p.client_id"                                                    \
	" JOIN project_types t FORCE INDEX (PRIMARY) ON t.id = p.type_id"
/* a project's latest slip (its open or accepted one, or the last rejected) */
#define W_LATEST_SLIP                                                                              \
	" AND sl.id = (SELECT MAX(x.id) FROM project_slips x WHERE x.project_id = p.id)"

/* The role's items in one statement per role, each part in its own order and
 * tagged with what it is, k (the part) and its order key (s: a date, si: an
 * id, negative for newest first). MariaDB sends a UNION ALL's parts in turn,
 * each in the order of its ORDER BY ... LIMIT: no sort of the whole (a derived
 * table and a sort of its rows, 0.06 ms a statement). */
#define W_TAG(WHAT, K, S, SI) ", '" WHAT "', " K " AS k, " S " AS s, " SI " AS si" GW_PAD1
/* clang-format off */
#define W_PART(WHAT, K, COND) "(" W_SELECT("sl.coach_due" W_TAG(WHAT, K, "NULL", "-CAST(p.id AS SIGNED)")) \
    " FROM projects p JOIN project_slips sl ON sl.project_id = p.id" W_LATEST_SLIP W_NAMES \
    " WHERE " COND " ORDER BY p.id DESC LIMIT 10)"
/* market: the manager answered a second rejection, market answers the client */
#define P_TELL(K) W_PART("TellClient", K, "p.created_by = ? AND p.status = 'answered'")
#define P_REASSIGN(K) W_PART("Reassign", K, "p.created_by = ? AND p.status = 'reassign'")
/* "cannot proceed": the manager to tell market, then market */
#define P_BLOCKED_MARKET(K) W_PART("Blocked", K, "p.blocked_stage = 'market' AND p.created_by = ?")
#define P_BLOCKED_MANAGER(K) W_PART("Blocked", K, "p.blocked_stage = 'manager' AND p.department_id = ?")
#define P_ANSWER(K) W_PART("Answer", K, "p.department_id = ? AND p.status = 'escalated'")
/* open collection cases, newest first: market's own, every one for legal (? = 0) */
#define P_COLLECT(K) "(" W_SELECT("sl.coach_due" W_TAG("Collect", K, "NULL", "-CAST(pc.id AS SIGNED)")) \
    " FROM project_collections pc JOIN projects p ON p.id = pc.project_id" \
    " JOIN project_slips sl ON sl.project_id = p.id" W_LATEST_SLIP \
    W_NAMES " WHERE pc.closed_at IS NULL AND (? = 0 OR p.created_by = ?) ORDER BY pc.id DESC LIMIT 10)"
/* my department's deadlines `guwen jobs` found passed undone (the manager's
 * own ones are in their own work), read in due-date order (the late ones
 * first) from ix_slips_dept_learn / _coach (sql/023) */
#define P_LATE(WHAT, TAG, K) "(" W_SELECT("sl." WHAT "_due" W_TAG(TAG, K, "sl." WHAT "_due", "sl.id")) \
    " FROM project_slips sl USE INDEX (ix_slips_dept_" WHAT ")" \
    " JOIN projects p ON p.id = sl.project_id" W_NAMES \
    " WHERE sl.department_id = ? AND sl." WHAT "_done_on IS NULL" \
    " AND sl." WHAT "_late_at IS NOT NULL AND sl.status IN ('open', 'accepted')" \
    " AND p.status IN ('assigning', 'active') AND COALESCE(p.lead_id, 0) <> ?" W_LATEST_SLIP \
    " ORDER BY sl." WHAT "_due, sl.id LIMIT 10)"
#define W_ROLE(PARTS) PARTS
static const char SQL_MARKET[] = W_ROLE(P_TELL("1") " UNION ALL " P_REASSIGN("2")
    " UNION ALL " P_BLOCKED_MARKET("3") " UNION ALL " P_COLLECT("4"));
static const char SQL_DIRECTOR[] = W_ROLE(P_TELL("1") " UNION ALL " P_REASSIGN("2")
    " UNION ALL " P_COLLECT("3"));
static const char SQL_MANAGER[] = W_ROLE(P_ANSWER("1") " UNION ALL " P_BLOCKED_MANAGER("2")
    " UNION ALL " P_LATE("learn", "Learn", "3") " UNION ALL " P_LATE("coach", "Coach", "4"));
static const char SQL_LEGAL[] = W_ROLE(P_COLLECT("1"));
/* clang-format on */

/* The user's own work in one statement, each part in its order and tagged
 * (k, the order within k): open slips to accept, to me or to my department
 * without an advisor (I am in it; each half reads its ten nearest from an
 * index ending in the due date, and the ten nearest of both are kept); my
 * accepted slips' nearest deadline not recorded done, due by the given day
 * (projects.deadline_due, kept by the accept and deadline actions, from the
 * index (lead_id, deadline_due) of 019); my 代理记账 months not filed, due by
 * the given day (from the periods not filed, index (filed_on, filing_due),
 * mine among them). Past ones too. */
/* clang-format off */
#define W_OWN_ACCEPT(INDEX, WHO) "(" W_SELECT("sl.coach_due, 'Accept', 1 AS k, sl.learn_due AS s") \
    " FROM project_slips sl USE INDEX (" INDEX ") JOIN projects p ON p.id = sl.project_id" W_NAMES \
    " WHERE " WHO " AND sl.status = 'open' AND p.status = 'assigning'" \
    " ORDER BY sl.learn_due LIMIT 10)"
static const char SQL_OWN[] =
    "(SELECT a.*" GW_PAD2 " FROM (" W_OWN_ACCEPT("ix_slips_advisor", "sl.advisor_id = ?")
    " UNION ALL " W_OWN_ACCEPT("ix_slips_department", "sl.department_id = ? AND sl.advisor_id IS NULL")
    ") a ORDER BY s, id LIMIT 10)"
    " UNION ALL (" W_SELECT("p.deadline_due, IF(sl.learn_done_on IS NULL, 'Learn', 'Coach'), 2,"
    " p.deadline_due" GW_PAD2) " FROM projects p USE INDEX (ix_projects_lead_deadline)"
    " JOIN project_slips sl ON sl.project_id = p.id AND sl.status = 'accepted'" W_NAMES
    " WHERE p.lead_id = ? AND p.deadline_due <= ? AND p.status = 'active'"
    " ORDER BY p.deadline_due, p.id LIMIT 10)"
    " UNION ALL (SELECT STRAIGHT_JOIN 'pj', p.id, c.name, t.name_zh, t.name_en, pp.filing_due,"
    " pp.filing_due, 'Filing', 3, pp.filing_due" GW_PAD2 " FROM project_periods pp USE INDEX (ix_periods_due) JOIN projects p ON p.id = pp.project_id"
    W_NAMES " WHERE pp.filed_on IS NULL AND pp.filing_due <= ? AND p.lead_id = ?"
    " AND p.status = 'active' ORDER BY pp.filing_due LIMIT 10)";
/* clang-format on */

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

/* The item kinds (L.Projects.Work.<what>) a statement's rows name. */
static const char *what_of(const char *tag)
{
	static const char *const whats[] = {"Accept",  "Learn",	     "Coach",
					    "Filing",  "TellClient", "Reassign",
					    "Blocked", "Collect",    "Answer"};

	for (size_t i = 0; i < sizeof(whats) / sizeof(*whats); i++)
		if (!strcmp(tag, whats[i]))
			return whats[i];
	return "Coach";
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
	if (ncols >= 7 && v[6]) /* the statement says what the row is */
		w->what = what_of(v[6]);
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

/* The role's items (market, director, manager, legal): one part. */
static int role(struct work *w)
{
	struct gw_ctx *ctx = w->ctx;
	struct gw_user *u = ctx->user;
	struct gw_db_arg *a;

	switch (u->role) {
	case GW_ROLE_MARKET:
		return gw_work_add(ctx, "pj", SQL_MARKET, gw_work_args_int(ctx, 5, u->id), 5,
				   work_row, w);
	case GW_ROLE_DIRECTOR: /* (me, me, 0, 0): every collection case */
		a = gw_work_args_int(ctx, 4, u->id);
		a[2].i = a[3].i = 0;
		return gw_work_add(ctx, "pj", SQL_DIRECTOR, a, 4, work_row, w);
	case GW_ROLE_MANAGER: /* (dept, dept, dept, me, dept, me) */
		if (!u->dept_id)
			return 0;
		a = gw_work_args_int(ctx, 6, u->dept_id);
		a[3].i = a[5].i = u->id;
		return gw_work_add(ctx, "pj", SQL_MANAGER, a, 6, work_row, w);
	case GW_ROLE_LEGAL:
		return gw_work_add(ctx, "pj", SQL_LEGAL, gw_work_args_int(ctx, 2, 0), 2, work_row,
				   w);
	default: return 0;
	}
}

/* The user's own work (SQL_OWN); dept is 0 for roles without slips to a department. */
static int own(struct work *w, long long dept)
{
	struct gw_ctx *ctx = w->ctx;
	struct gw_db_arg *a = gw_work_args_int(ctx, 6, ctx->user->id);
	char *horizon = gw_arena_alloc(&ctx->arena, 16);

	if (gw_calendar_soon(ctx, horizon))
		return -1;
	a[1].i = dept; /* (me, dept, me, horizon, horizon, me) */
	a[3] = a[4] = (struct gw_db_arg){GW_DB_TEXT, 0, horizon};
	return gw_work_add(ctx, "pj", SQL_OWN, a, 6, work_row, w);
}

int gw_project_work(struct gw_ctx *ctx, const char *prefix)
{
	struct work *w;
	struct gw_user *u = ctx->user;

	if (!gw_perm_has(u->role, GW_PERM_PROJECT_READ))
		return 0;
	w = gw_arena_alloc(&ctx->arena, sizeof(*w));
	*w = (struct work){.ctx = ctx, .prefix = prefix};
	gw_date_format(gw_today(ctx), w->today);
	if (own(w, u->role == GW_ROLE_ADVISOR || u->role == GW_ROLE_MANAGER ? u->dept_id : 0))
		return -1;
	return role(w) < 0 ? -1 : 0;
}
