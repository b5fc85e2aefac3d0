/* view.c — projects.fcgi: a project's page: its facts, the latest slip with its
 * deadlines, the type's steps as a timeline (checked off with date, who and a
 * remark), the project's events, and the actions the user may take. */
#include "projects.h"

/* The type's steps in the admin's order (n: the place shown), those switched
 * off only where this project checked them off. */
#define STEPS_SQL(NAME)                                                                            \
	"SELECT t.seq, ROW_NUMBER() OVER (ORDER BY t.pos, t.seq) AS n, t." NAME " AS name,"        \
	" t.active, s.done_on, s.remark, u.name AS done_by_name"                                   \
	" FROM project_type_steps t LEFT JOIN project_steps s"                                     \
	"  ON s.project_id = ? AND s.seq = t.seq LEFT JOIN users u ON u.id = s.done_by"            \
	" WHERE t.type_id = ? AND (t.active = 1 OR s.done_on IS NOT NULL) ORDER BY t.pos, t.seq"
static const char SQL_STEPS_ZH[] = STEPS_SQL("name_zh");
static const char SQL_STEPS_EN[] = STEPS_SQL("name_en");

static const char SQL_EVENTS[] =
    "SELECT e.at, e.kind, e.body, u.name AS user_name FROM project_events e"
    " LEFT JOIN users u ON u.id = e.user_id WHERE e.project_id = ? ORDER BY e.id";

static const char SQL_SLIPS[] =
    "SELECT sl.id, sl.slip_on, d.name AS dept_name, u.name AS advisor_name, sl.learn_due,"
    " sl.coach_due, sl.learn_done_on, sl.coach_done_on, sl.status, sl.reason,"
    " (sl.status <> 'rejected' AND sl.learn_done_on IS NULL AND sl.learn_due < ?) AS learn_late,"
    " (sl.status <> 'rejected' AND sl.coach_done_on IS NULL AND sl.coach_due < ?) AS coach_late"
    " FROM project_slips sl"
    " JOIN departments d ON d.id = sl.department_id LEFT JOIN users u ON u.id = sl.advisor_id"
    " WHERE sl.project_id = ? ORDER BY sl.id";

static const char SQL_NOTES[] =
    "SELECT n.at, n.body, u.name AS user_name, pc.closed_at FROM project_collection_notes n"
    " JOIN project_collections pc ON pc.id = n.collection_id"
    " LEFT JOIN users u ON u.id = n.user_id WHERE pc.project_id = ? ORDER BY n.id";

/* The checklist in the admin's order, materials switched off only where received. */
#define MATERIALS_SQL(NAME)                                                                        \
	"SELECT m.seq, ROW_NUMBER() OVER (ORDER BY m.pos, m.seq) AS n, m." NAME " AS name,"        \
	" pm.received_on, u.name AS received_by_name"                                              \
	" FROM project_type_materials m LEFT JOIN project_materials pm"                            \
	"  ON pm.project_id = ? AND pm.seq = m.seq LEFT JOIN users u ON u.id = pm.received_by"     \
	" WHERE m.type_id = ? AND (m.active = 1 OR pm.received_on IS NOT NULL)"                    \
	" ORDER BY m.pos, m.seq"
static const char SQL_MATERIALS_ZH[] = MATERIALS_SQL("name_zh");
static const char SQL_MATERIALS_EN[] = MATERIALS_SQL("name_en");

/* overdue: not filed by the deadline (late, or not yet and the day passed) */
static const char SQL_PERIODS[] =
    "SELECT pp.month, pp.filing_due, pp.filed_on,"
    " (SELECT COUNT(*) FROM project_period_steps s WHERE s.project_id = pp.project_id"
    "  AND s.month = pp.month) AS steps_done,"
    " (SELECT COUNT(*) FROM project_corrections c WHERE c.project_id = pp.project_id"
    "  AND c.month = pp.month) AS corrections,"
    " COALESCE(pp.filed_on > pp.filing_due, pp.filing_due < ?) AS overdue"
    " FROM project_periods pp WHERE pp.project_id = ? ORDER BY pp.month DESC LIMIT 36";
static const char SQL_CORRECTIONS[] =
    "SELECT c.month, c.at, c.what, c.why, u.name AS user_name FROM project_corrections c"
    " LEFT JOIN users u ON u.id = c.user_id WHERE c.project_id = ? ORDER BY c.id DESC LIMIT 50";

static const char SQL_DEPTS[] = "SELECT id, name FROM departments WHERE active = 1 ORDER BY name";
static const char SQL_ADVISORS[] =
    "SELECT u.id, CONCAT(u.name, ' · ', d.name) FROM users u"
    " JOIN departments d ON d.id = u.department_id"
    " WHERE u.active = 1 AND u.role IN ('advisor', 'manager') ORDER BY d.name, u.name";

int is(const char *a, const char *b)
{
	return a && !strcmp(a, b);
}

/* The open slip is the user's to answer. */
int slip_mine(struct gw_ctx *ctx, const struct gw_project *p)
{
	struct gw_user *u = ctx->user;

	if (!is(p->status, "assigning") || !is(p->slip_status, "open"))
		return 0;
	if (p->slip_advisor_id)
		return p->slip_advisor_id == u->id;
	return sees_department(ctx) && u->dept_id == p->slip_department_id;
}

/* The lead, the department's manager or a director checks steps off. */
int may_tick(struct gw_ctx *ctx, const struct gw_project *p)
{
	struct gw_user *u = ctx->user;

	if (!is(p->status, "active"))
		return 0;
	return p->lead_id == u->id || sees_all(ctx) ||
	       (u->role == GW_ROLE_MANAGER && u->dept_id == p->department_id);
}

int is_creator(struct gw_ctx *ctx, const struct gw_project *p)
{
	return has(ctx, GW_PERM_PROJECT_CREATE) &&
	       (p->created_by == ctx->user->id || sees_all(ctx));
}

int is_manager_of(struct gw_ctx *ctx, const struct gw_project *p)
{
	struct gw_user *u = ctx->user;

	return sees_all(ctx) || (u->role == GW_ROLE_MANAGER && u->dept_id == p->department_id);
}

static void actions_to_hdf(struct gw_ctx *ctx, const struct gw_project *p)
{
	HDF *h = ctx->hdf;

	gw_hdf_set_int(h, "Can.Answer", slip_mine(ctx, p));
	gw_hdf_set_int(h, "Can.Tick", may_tick(ctx, p));
	gw_hdf_set_int(h, "Can.Deadline", may_deadline(ctx, p));
	gw_hdf_set_int(h, "Can.Reassign",
		       is_creator(ctx, p) &&
			   (is(p->status, "reassign") || is(p->status, "answered")));
	gw_hdf_set_int(h, "Can.ManagerAnswer", is_manager_of(ctx, p) && is(p->status, "escalated"));
	gw_hdf_set_int(h, "Can.ClientAnswer", is_creator(ctx, p) && is(p->status, "answered"));
	gw_hdf_set_int(h, "Can.Block", may_block(ctx, p));
	gw_hdf_set_int(h, "Can.Forward", is_manager_of(ctx, p) && is(p->blocked_stage, "manager"));
	gw_hdf_set_int(h, "Can.Unblock", may_unblock(ctx, p));
	gw_hdf_set_int(h, "Can.Paid", may_collect(ctx, p) && !p->fee_paid_on);
	gw_hdf_set_int(h, "Can.Note", may_collect(ctx, p) && p->collection_id);
	gw_hdf_set_int(h, "Can.Lead", may_change_lead(ctx, p));
	gw_hdf_set_int(h, "Can.Start", may_start(ctx, p) && !p->checklist_sent_at);
	gw_hdf_set_int(h, "Can.Material",
		       (may_start(ctx, p) || is_manager_of(ctx, p)) && is(p->status, "active") &&
			   p->checklist_sent_at);
	if (may_change_lead(ctx, p))
		lead_options(ctx, p);
	if (hdf_get_int_value(h, "Can.Reassign", 0)) {
		options(ctx, "Opt.Departments", SQL_DEPTS, NULL, 0);
		options(ctx, "Opt.Advisors", SQL_ADVISORS, NULL, 0);
	}
}

static void defaults(struct gw_ctx *ctx)
{
	char today[16];

	gw_date_format(gw_today(ctx), today);
	if (!hdf_get_value(ctx->hdf, "Form.done_on", NULL))
		gw_hdf_set(ctx->hdf, "Form.done_on", today);
	if (!hdf_get_value(ctx->hdf, "Form.slip_on", NULL))
		gw_hdf_set(ctx->hdf, "Form.slip_on", today);
	if (!hdf_get_value(ctx->hdf, "Form.received_on", NULL))
		gw_hdf_set(ctx->hdf, "Form.received_on", today);
	if (!hdf_get_value(ctx->hdf, "Form.paid_on", NULL))
		gw_hdf_set(ctx->hdf, "Form.paid_on", today);
	if (!hdf_get_value(ctx->hdf, "Form.deadline_on", NULL))
		gw_hdf_set(ctx->hdf, "Form.deadline_on", today);
}

static int periods_to_hdf(struct gw_ctx *ctx, const struct gw_project *p)
{
	char today[16];

	gw_date_format(gw_today(ctx), today);
	gw_hdf_set_int(ctx->hdf, "Can.Period", may_period(ctx, p));
	return gw_db_rows(ctx->db, ctx->hdf, "Periods", SQL_PERIODS, "si", today, p->id) < 0 ||
	       gw_db_rows(ctx->db, ctx->hdf, "Corrections", SQL_CORRECTIONS, "i", p->id) < 0;
}

/* Render the project (as P.*) with its steps, slips, timeline and actions. */
int show_page(struct gw_ctx *ctx, const struct gw_project *p, const char *msg)
{
	const char *steps = strcmp(ctx->lang, "en") ? SQL_STEPS_ZH : SQL_STEPS_EN;
	char today[16];

	gw_date_format(gw_today(ctx), today);
	if (gw_db_rows(ctx->db, ctx->hdf, "Steps", steps, "ii", p->id, p->type_id) < 0 ||
	    gw_db_rows(ctx->db, ctx->hdf, "Slips", SQL_SLIPS, "ssi", today, today, p->id) < 0 ||
	    gw_db_rows(ctx->db, ctx->hdf, "Events", SQL_EVENTS, "i", p->id) < 0 ||
	    gw_db_rows(ctx->db, ctx->hdf, "Notes", SQL_NOTES, "i", p->id) < 0 ||
	    gw_db_rows(ctx->db, ctx->hdf, "Materials",
		       strcmp(ctx->lang, "en") ? SQL_MATERIALS_ZH : SQL_MATERIALS_EN, "ii", p->id,
		       p->type_id) < 0)
		return 500;
	if (periods_to_hdf(ctx, p))
		return 500;
	gw_project_to_hdf(ctx->hdf, "P", p);
	gw_hdf_set(ctx->hdf, "P.type_name", strcmp(ctx->lang, "en") ? p->type_zh : p->type_en);
	gw_hdf_set(ctx->hdf, "P.fee_yuan",
		   gw_arena_printf(&ctx->arena, "%lld.%02lld", p->fee_fen / 100, p->fee_fen % 100));
	if (p->fee_paid_on)
		gw_hdf_set(ctx->hdf, "P.paid_yuan",
			   gw_arena_printf(&ctx->arena, "%lld.%02lld", p->fee_paid_fen / 100,
					   p->fee_paid_fen % 100));
	actions_to_hdf(ctx, p);
	defaults(ctx);
	if (msg)
		gw_hdf_set(ctx->hdf, "Page.Error", msg);
	gw_hdf_set(ctx->hdf, "Page.Title", "Projects.ViewTitle");
	gw_hdf_set(ctx->hdf, "Page.Nav", "projects");
	return gw_view_render(ctx, "projects_view.cs");
}

int view_page(struct gw_ctx *ctx)
{
	struct gw_project p;
	int r = load(ctx, gw_param_id(ctx, 0), &p);

	return r <= 0 ? not_loaded(r) : show_page(ctx, &p, NULL);
}
