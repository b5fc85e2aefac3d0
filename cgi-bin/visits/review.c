/* review.c — visits.fcgi: the supervisor's review of a visit report: comments
 * and guidance (指导意见, required), then accept (the visit has ended) or
 * return for more detail (a reason required; the visitor is mailed, edits and
 * submits again); and the reports waiting for the user's review. */
#include <string.h>

#include "guwen/form.h"
#include "guwen/hdfset.h"
#include "guwen/list.h"
#include "guwen/mail.h"
#include "guwen/view.h"
#include "guwen/visit.h"
#include "after.h"

static const char *const decisions[] = {"accept", "return", NULL};

enum { R_GUIDANCE, R_DECISION, R_REASON, R__N };
static const struct gw_fdef review_form[] = {
    [R_GUIDANCE] = {.name = "guidance", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 5000},
    [R_DECISION] =
	{.name = "decision", .type = GW_F_CHOICE, .required = 1, .maxlen = 8, .choices = decisions},
    [R_REASON] = {.name = "return_reason", .type = GW_F_TEXTAREA, .maxlen = 2000},
    [R__N] = {.name = NULL},
};
GW_FORM_CHECK(review_form, R__N);

static const char SQL_VISITOR_EMAIL[] =
    "SELECT email FROM users WHERE id = ? AND active = 1 AND email IS NOT NULL AND email <> ''";

static const char SQL_REVIEWED[] =
    "UPDATE visits SET status = ?, guidance = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?";

/* The review page, or why not: 404 out of scope, 403 not a reviewer of it,
 * 409 archived or not awaiting review. */
static int review_gate(struct gw_ctx *ctx, struct gw_visit *v, int *answer)
{
	int r = after_load(ctx, v);

	*answer = r < 0 ? 500 : 404;
	if (r <= 0)
		return 0;
	if (after_is(v, "archived"))
		*answer = after_archived(ctx, v);
	else if (!after_may_review(ctx, v))
		*answer = 403;
	else if (!after_is(v, "submitted"))
		*answer = after_page(ctx, v, "after_refused.cs", "VisitReview.RefusedTitle",
				     "not_submitted");
	else
		return 1;
	return 0;
}

static int show(struct gw_ctx *ctx, const struct gw_visit *v)
{
	return after_page(ctx, v, "review.cs", "VisitReview.Title", NULL);
}

/* GET /:id/review — 200 the report with the review form; 403, 404, 409. */
int review_page(struct gw_ctx *ctx)
{
	struct gw_visit v;
	int answer;

	if (!review_gate(ctx, &v, &answer))
		return answer;
	gw_hdf_set(ctx->hdf, "Form.decision", "accept");
	return show(ctx, &v);
}

/* The visitor's address (in the arena), or NULL when they have none. */
static const char *visitor_email(struct gw_ctx *ctx, const struct gw_visit *v)
{
	const char *to = NULL;

	if (gw_db_row(ctx->db, ctx->hdf, "Tmp", SQL_VISITOR_EMAIL, "i", v->visitor_id) == 1)
		to = gw_arena_strdup(&ctx->arena, hdf_get_value(ctx->hdf, "Tmp.email", ""));
	gw_hdf_remove(ctx->hdf, "Tmp");
	return to;
}

/* The visitor is told a report came back (templates/mail/visit_notice.cs): to
 * their address, or as a notice without recipient on the admin's outbox page.
 * A failure is logged there; the review itself stands. */
static void tell_visitor(struct gw_ctx *ctx, const struct gw_visit *v, const struct gw_fval *f)
{
	struct gw_mail_text t = {{0}, {0}, {0}};
	struct gw_mail m;
	const char *to = visitor_email(ctx, v);
	HDF *data =
	    gw_mail_data("Subject", gw_view_word(ctx, "L.VisitReview.ReturnedSubject"), "Client",
			 v->client_name, "Number", gw_arena_printf(&ctx->arena, "%lld", v->id),
			 "Text", f[R_REASON].s, "Guidance", f[R_GUIDANCE].s, NULL);

	if (data && !gw_mail_render(hdf_get_value(ctx->cfg, "App.Templates", "templates"),
				    gw_view_words(ctx), data, "visit_notice", &t)) {
		m = gw_mail_of(&t);
		if (to)
			(void)gw_mail_queue_msg(ctx->db, to, &m);
		else
			(void)gw_mail_no_recipient(
			    ctx->db, gw_arena_printf(&ctx->arena, "user %lld", v->visitor_id), &m);
	}
	hdf_destroy(&data);
	gw_mail_text_free(&t);
}

/* Accepted: the visit has ended (the client's last contact). Returned: the
 * reason on the timeline for the visitor. 0 or -1. */
static int record_review(struct gw_ctx *ctx, const struct gw_visit *v, const struct gw_fval *f,
			 int accept)
{
	if (gw_db_exec(ctx->db, SQL_REVIEWED, "ssisi", accept ? "accepted" : "returned",
		       f[R_GUIDANCE].s, ctx->user->id, gw_now_utc(ctx), v->id) != 1 ||
	    after_event(ctx, v, "guidance", f[R_GUIDANCE].s))
		return -1;
	if (!accept) {
		tell_visitor(ctx, v, f);
		return after_event(ctx, v, "review_returned", f[R_REASON].s);
	}
	if (after_event(ctx, v, "review_accepted", NULL))
		return -1;
	return gw_visit_finished(ctx->db, (uint32_t)v->id, (uint32_t)ctx->user->id,
				 (int64_t)ctx->now);
}

/* POST /:id/review — 303 to the visit (accepted or returned); 200 the form
 * with messages (guidance, or a return's reason, missing); 403, 404, 409
 * (archived, not awaiting review, or reviewed meanwhile). */
int review_submit(struct gw_ctx *ctx)
{
	struct gw_visit v;
	struct gw_fval f[R__N];
	int answer, accept, bad, r;

	if (!review_gate(ctx, &v, &answer))
		return answer;
	bad = GW_FORM_READ(ctx, review_form, f);
	accept = !bad && !strcmp(f[R_DECISION].s, "accept");
	if (!bad && !accept && !f[R_REASON].present)
		bad = gw_form_error(ctx, "return_reason", "required");
	if (bad)
		return show(ctx, &v);
	if ((r = after_claim(ctx, &v)) != 0)
		return r < 0 ? 500
			     : after_page(ctx, &v, "after_refused.cs", "VisitReview.RefusedTitle",
					  "changed");
	return after_finish(ctx, &v, record_review(ctx, &v, f, accept),
			    accept ? "visit.accept" : "visit.return",
			    accept ? "visit_accepted" : "visit_returned");
}

/* ---- the reports waiting for review -------------------------------------------- */

static const struct gw_list_filter review_filters[] = {
    {{NULL, 0, 0, 0, 0, 0, NULL}, NULL, NULL},
};

static const struct gw_list_col review_cols[] = {
    {"id", "v.id", GW_LC_SORT, "L.VisitReview.Number", NULL, NULL},
    {"client_name", "c.name", GW_LC_SORT | GW_LC_SEARCH, "L.VisitReview.Client", NULL, NULL},
    {"visitor_name", "u.name", GW_LC_SEARCH, "L.VisitReview.Visitor", NULL, NULL},
    {"visited_on", "v.visited_on", 0, "L.VisitReview.VisitedOn", NULL, NULL},
    {"submitted_at", "v.submitted_at", GW_LC_SORT | GW_LC_ZONE, "L.VisitReview.SubmittedAt", NULL,
     NULL},
    {NULL, NULL, 0, NULL, NULL, NULL},
};

static const struct gw_list review_queue = {
    .columns = "v.id, c.name AS client_name, u.name AS visitor_name, v.visited_on,"
	       " v.submitted_at, v.method",
    .from = "visits v JOIN clients c ON c.id = v.client_id LEFT JOIN users u"
	    " ON u.id = v.visitor_id",
    .key = "v.id",
    .filters = review_filters,
    .cols = review_cols,
    .sort = "id",
    .desc = 0,
    .rows = 50,
    .program = "visits",
    .path = "/review",
    .csv_name = "visit-reviews",
};

/* What after_may_review allows, as SQL: a director every report but their
 * own; a manager their department's (served by ix_visits_department). */
static const char SCOPE_DIRECTOR[] =
    "v.status = 'submitted' AND (v.visitor_id IS NULL OR v.visitor_id <> ?)";
static const char SCOPE_MANAGER[] = "v.department_id = ? AND v.status = 'submitted'"
				    " AND (v.visitor_id IS NULL OR v.visitor_id <> ?)";

/* GET /review — 200 the reports waiting for the user's review (403 for those
 * who review none). */
int review_list(struct gw_ctx *ctx)
{
	struct gw_user *u = ctx->user;
	struct gw_list_run r;
	struct gw_db_arg args[2] = {{GW_DB_INT, u->dept_id, NULL}, {GW_DB_INT, u->id, NULL}};

	if (u->role != GW_ROLE_DIRECTOR && u->role != GW_ROLE_MANAGER)
		return 403;
	gw_list_read(ctx, &review_queue, &r);
	if (u->role == GW_ROLE_DIRECTOR)
		gw_list_scope(&r, SCOPE_DIRECTOR, args + 1, 1);
	else
		gw_list_scope(&r, SCOPE_MANAGER, args, 2);
	if (gw_list_page(ctx, &r))
		return 500;
	gw_hdf_set(ctx->hdf, "Page.Title", "VisitReview.ListTitle");
	gw_hdf_set(ctx->hdf, "Page.Nav", "visits");
	return gw_view_render(ctx, "visits/review_list.cs");
}
