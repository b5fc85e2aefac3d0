/* view.c — visits.fcgi: a visit's page (the client and contact, method, due
 * date, the on-site agreement, appointment attempts, the report and its
 * deadline, the signed scans, the timeline, and the actions the user may
 * take) and its print form (《客户回访情况表》 on A4 with signature lines). */
#include "visits.h"
#include "after.h"

static const char SQL_EVENTS[] =
    "SELECT e.at, e.kind, e.body, u.name AS user_name FROM visit_events e"
    " LEFT JOIN users u ON u.id = e.user_id WHERE e.visit_id = ? ORDER BY e.id";
static const char SQL_ATTEMPTS[] =
    "SELECT a.tried_at, a.method, a.outcome, a.note, u.name AS user_name FROM visit_attempts a"
    " LEFT JOIN users u ON u.id = a.user_id WHERE a.visit_id = ? ORDER BY a.id";
static const char SQL_FILES[] =
    "SELECT f.id, f.orig_name, f.ctype, f.size, f.created_at, u.name AS user_name"
    " FROM visit_files f LEFT JOIN users u ON u.id = f.created_by"
    " WHERE f.visit_id = ? ORDER BY f.id";
static const char SQL_STAFF[] =
    "SELECT u.id, u.name FROM visit_plan_staff s JOIN users u ON u.id = s.user_id"
    " WHERE s.plan_id = ? ORDER BY u.name";
/* the business staff an on-site visit is agreed with */
static const char SQL_BUSINESS[] =
    "SELECT id, name FROM users WHERE active = 1 AND role <> 'admin' ORDER BY name";

static const char *const outcome_choices[] = {"agreed",	      "no_answer", "declined",
					      "wrong_number", "later",	   NULL};

static int reportable(const struct gw_visit *v)
{
	return is(v->status, "visited") || is(v->status, "returned");
}

static void actions_to_hdf(struct gw_ctx *ctx, const struct gw_visit *v)
{
	HDF *h = ctx->hdf;
	int work = may_work(ctx, v), planned = is(v->status, "planned");
	int onsite = is(v->method, "onsite");

	gw_hdf_set_int(h, "Can.Agree", work && planned && onsite);
	gw_hdf_set_int(h, "Can.Attempt", work && planned);
	gw_hdf_set_int(h, "Can.Visited", work && planned);
	gw_hdf_set_int(h, "Can.Cancel", may_cancel(ctx, v) && planned);
	gw_hdf_set_int(h, "Can.Report", work && reportable(v));
	gw_hdf_set_int(h, "Can.Scan", work && onsite && reportable(v));
	gw_hdf_set_int(h, "Page.LastTry", v->failed_attempts >= 2);
	if (work && planned && onsite)
		options(ctx, "Opt.Business", SQL_BUSINESS);
	words(ctx, "Opt.Methods", "L.Visit.Methods", method_choices);
	words(ctx, "Opt.Outcomes", "L.Visit.Outcomes", outcome_choices);
}

/* The report form starts from the visit's report as saved (a returned one is
 * edited); what the user just typed wins. */
static void report_defaults(struct gw_ctx *ctx, const struct gw_visit *v)
{
	HDF *h = ctx->hdf;

	if (hdf_get_value(h, "Form.discussed", NULL))
		return;
	gw_hdf_set(h, "Form.discussed", v->discussed ? v->discussed : "");
	gw_hdf_set(h, "Form.opinions", v->opinions ? v->opinions : "");
	gw_hdf_set(h, "Form.actions", v->actions ? v->actions : "");
	if (v->satisfaction)
		gw_hdf_set_int(h, "Form.satisfaction", v->satisfaction);
	if (v->signed_)
		gw_hdf_set(h, "Form.signed", "1");
}

static void defaults(struct gw_ctx *ctx, const struct gw_visit *v)
{
	char today[16];

	gw_date_format(gw_today(ctx), today);
	if (!hdf_get_value(ctx->hdf, "Form.visited_on", NULL))
		gw_hdf_set(ctx->hdf, "Form.visited_on", today);
	if (!hdf_get_value(ctx->hdf, "Form.how", NULL))
		gw_hdf_set(ctx->hdf, "Form.how", v->method);
	report_defaults(ctx, v);
}

static int lists_to_hdf(struct gw_ctx *ctx, const struct gw_visit *v)
{
	struct gw_db *db = ctx->db;

	return gw_db_rows(db, ctx->hdf, "Events", SQL_EVENTS, "i", v->id) < 0 ||
	       gw_db_rows(db, ctx->hdf, "Attempts", SQL_ATTEMPTS, "i", v->id) < 0 ||
	       gw_db_rows(db, ctx->hdf, "Files", SQL_FILES, "i", v->id) < 0 ||
	       (v->plan_id && gw_db_rows(db, ctx->hdf, "Staff", SQL_STAFF, "i", v->plan_id) < 0);
}

/* Render the visit (as V.*) with its lists and actions; msg: why an action
 * was refused (L.Visit.Msg.<msg>), or NULL. */
int show_page(struct gw_ctx *ctx, const struct gw_visit *v, const char *msg)
{
	if (lists_to_hdf(ctx, v))
		return 500;
	gw_visit_to_hdf(ctx->hdf, "V", v);
	actions_to_hdf(ctx, v);
	after_to_hdf(ctx, v); /* review, archive, mail, complaints: after.c */
	defaults(ctx, v);
	if (msg)
		gw_hdf_set(ctx->hdf, "Page.Error", msg);
	gw_hdf_set(ctx->hdf, "Page.Title", "Visit.Title");
	gw_hdf_set(ctx->hdf, "Page.TitleItem", gw_arena_printf(&ctx->arena, "#%lld", v->id));
	gw_hdf_set(ctx->hdf, "Page.Nav", "visits");
	return gw_view_render(ctx, "visits/view.cs");
}

/* GET /:id — 200 the visit; 404 when absent or outside the user's scope. */
int view_page(struct gw_ctx *ctx)
{
	struct gw_visit v;
	int r = load(ctx, &v);

	return r <= 0 ? not_loaded(r) : show_page(ctx, &v, NULL);
}

/* GET /:id/print — 200 the visit report form for paper (A4, the report as
 * filled or blank lines, signature lines for the client and the visitor);
 * 404 as its page. */
int print_page(struct gw_ctx *ctx)
{
	struct gw_visit v;
	int r = load(ctx, &v);

	if (r <= 0)
		return not_loaded(r);
	if (v.plan_id && gw_db_rows(ctx->db, ctx->hdf, "Staff", SQL_STAFF, "i", v.plan_id) < 0)
		return 500;
	gw_visit_to_hdf(ctx->hdf, "V", &v);
	gw_hdf_set(ctx->hdf, "Page.Title", "Visit.PrintTitle");
	gw_hdf_set(ctx->hdf, "Page.TitleItem", gw_arena_printf(&ctx->arena, "#%lld", v.id));
	gw_hdf_set(ctx->hdf, "Page.Nav", "visits");
	return gw_view_render(ctx, "visits/print.cs");
}
