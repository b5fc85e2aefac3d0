/* actions.c — projects.fcgi: what is done to a project: steps checked off, the
 * slip accepted or rejected (二次分配 after the first rejection; the
 * department manager answers market after the second, and market the client),
 * the slip assigned again. Each claims the project's version first. */
#include "guwen/client_store.h"
#include "projects.h"

static const char SQL_STEP[] =
    "INSERT INTO project_steps (project_id, seq, done_on, done_by, remark, done_at)"
    " VALUES (?, ?, ?, ?, ?, ?)";
/* the count the progress summary reads (019) */
static const char SQL_STEP_COUNT[] = "UPDATE projects SET steps_done = steps_done + 1 WHERE id = ?";
static const char SQL_SLIP_ANSWER[] =
    "UPDATE project_slips SET status = ?, answered_by = ?, answered_at = ?, reason = ?"
    " WHERE id = ? AND status = 'open'";
/* the slip's first deadline becomes the lead's to record (deadline_due, 019) */
static const char SQL_ACCEPTED[] =
    "UPDATE projects SET status = 'active', lead_id = ?, deadline_due = ? WHERE id = ?";
static const char SQL_REJECTED[] =
    "UPDATE projects SET status = ?, rejections = rejections + 1 WHERE id = ?";
static const char SQL_STATUS[] = "UPDATE projects SET status = ? WHERE id = ?";

enum { S_SEQ, S_DONE_ON, S_REMARK, S__N };
static const struct gw_fdef step_form[] = {
    [S_SEQ] = {.name = "seq", .type = GW_F_INT, .required = 1, .maxlen = 3, .min = 1, .max = 99},
    [S_DONE_ON] = {.name = "done_on", .type = GW_F_DATE, .required = 1, .maxlen = 10},
    [S_REMARK] = {.name = "remark", .type = GW_F_TEXT, .maxlen = 500},
    [S__N] = {.name = NULL},
};
GW_FORM_CHECK(step_form, S__N);

enum { T_TEXT, T__N };
static const struct gw_fdef reason_form[] = {
    [T_TEXT] = {.name = "reason", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 1000},
    [T__N] = {.name = NULL},
};
GW_FORM_CHECK(reason_form, T__N);

static const struct gw_fdef answer_form[] = {
    [T_TEXT] = {.name = "answer", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 2000},
    [T__N] = {.name = NULL},
};
GW_FORM_CHECK(answer_form, T__N);

enum { R_DEPT, R_ADVISOR, R_SLIP_ON, R__N };
static const struct gw_fdef reassign_form[] = {
    [R_DEPT] = {.name = "department",
		.type = GW_F_INT,
		.required = 1,
		.maxlen = 10,
		.min = 1,
		.max = MAX_ID},
    [R_ADVISOR] = {.name = "advisor", .type = GW_F_INT, .maxlen = 10, .min = 1, .max = MAX_ID},
    [R_SLIP_ON] = {.name = "slip_on", .type = GW_F_DATE, .required = 1, .maxlen = 10},
    [R__N] = {.name = NULL},
};
GW_FORM_CHECK(reassign_form, R__N);

/* Load the route's project; r as load() gives it. */
int loaded(struct gw_ctx *ctx, struct gw_project *p)
{
	return load(ctx, gw_param_id(ctx, 0), p);
}

/* After the claim: run fn's statements, audit, commit, redirect. */
int finish(struct gw_ctx *ctx, const struct gw_project *p, int failed, const char *action,
	   const char *flash)
{
	if (failed || gw_audit(ctx, action, "project", p->id, "status=%s", p->status)) {
		gw_db_rollback(ctx->db);
		return gw_db_unavailable(ctx->db) ? 503 : 500;
	}
	return done(ctx, p, flash);
}

/* Claim the project: 1 claimed; 0 not, with the handler's answer in *answer
 * (500, or the page as it is now). */
int claimed(struct gw_ctx *ctx, const struct gw_project *p, int *answer)
{
	int r = claim(ctx, p);

	if (r == 0)
		return 1;
	*answer = r < 0 ? 500 : refused(ctx, p, "changed");
	return 0;
}

/* ---- steps ------------------------------------------------------------------- */

static const char *step_line(struct gw_ctx *ctx, const char *name, const struct gw_fval *v)
{
	char on[16];

	gw_date_format((int32_t)v[S_DONE_ON].i, on);
	return gw_arena_printf(&ctx->arena, "%lld. %s · %s%s%s", v[S_SEQ].i, name, on,
			       v[S_REMARK].present ? " · " : "", v[S_REMARK].s);
}

int step_submit(struct gw_ctx *ctx)
{
	struct gw_project p;
	struct gw_fval v[S__N];
	char on[16];
	const char *line, *name = NULL;
	int r = loaded(ctx, &p), known;

	if (r <= 0)
		return not_loaded(r);
	if (!may_tick(ctx, &p))
		return 403;
	if (GW_FORM_READ(ctx, step_form, v))
		return show_page(ctx, &p, NULL);
	if ((known = step_name(ctx, &p, v[S_SEQ].i, &name)) <= 0)
		return known < 0 ? 500 : show_page(ctx, &p, "bad_step");
	if (v[S_DONE_ON].i > gw_today(ctx))
		return gw_form_error(ctx, "done_on", "future_date"), show_page(ctx, &p, NULL);
	if (!claimed(ctx, &p, &r))
		return r;
	gw_date_format((int32_t)v[S_DONE_ON].i, on);
	line = step_line(ctx, name, v);
	if (gw_db_exec(ctx->db, SQL_STEP, "iisiss", p.id, v[S_SEQ].i, on, ctx->user->id,
		       v[S_REMARK].present ? v[S_REMARK].s : NULL, gw_now_utc(ctx)) != 1) {
		gw_db_rollback(ctx->db);
		return gw_db_errno(ctx->db) == 1062 ? refused(ctx, &p, "step_done") : 500;
	}
	return finish(ctx, &p,
		      !line || gw_db_exec(ctx->db, SQL_STEP_COUNT, "i", p.id) != 1 ||
			  event(ctx, p.id, "step", line),
		      "project.step", "step_done");
}

/* ---- the slip answered -------------------------------------------------------- */

static int answer_slip(struct gw_ctx *ctx, const struct gw_project *p, const char *status,
		       const char *reason)
{
	return gw_db_exec(ctx->db, SQL_SLIP_ANSWER, "sissi", status, ctx->user->id, gw_now_utc(ctx),
			  reason, p->slip_id) == 1
		   ? 0
		   : -1;
}

int accept_submit(struct gw_ctx *ctx)
{
	struct gw_project p;
	int r = loaded(ctx, &p), failed;

	if (r <= 0)
		return not_loaded(r);
	if (!slip_mine(ctx, &p))
		return is(p.status, "assigning") ? 403 : refused(ctx, &p, "not_open");
	if (!claimed(ctx, &p, &r))
		return r;
	failed = answer_slip(ctx, &p, "accepted", NULL) ||
		 gw_db_exec(ctx->db, SQL_ACCEPTED, "isi", ctx->user->id, p.learn_due, p.id) != 1 ||
		 gw_client_project_lead(ctx, p.client_id, ctx->user->id, p.id) ||
		 event(ctx, p.id, "accepted", NULL);
	return finish(ctx, &p, failed, "project.accept", "slip_accepted");
}

/* First rejection: market assigns again; second: the department manager. */
static void tell_rejected(struct gw_ctx *ctx, const struct gw_project *p, int second,
			  const char *reason)
{
	if (second)
		notify_managers(ctx, p, p->department_id, "L.Projects.Mail.Escalated", reason);
	else
		notify_user(ctx, p, p->created_by, "L.Projects.Mail.Rejected", reason);
}

int reject_submit(struct gw_ctx *ctx)
{
	struct gw_project p;
	struct gw_fval v[T__N];
	int r = loaded(ctx, &p), failed, second;

	if (r <= 0)
		return not_loaded(r);
	if (!slip_mine(ctx, &p))
		return is(p.status, "assigning") ? 403 : refused(ctx, &p, "not_open");
	if (GW_FORM_READ(ctx, reason_form, v))
		return show_page(ctx, &p, NULL);
	if (!claimed(ctx, &p, &r))
		return r;
	second = p.rejections >= 1;
	failed =
	    answer_slip(ctx, &p, "rejected", v[T_TEXT].s) ||
	    gw_db_exec(ctx->db, SQL_REJECTED, "si", second ? "escalated" : "reassign", p.id) != 1 ||
	    event(ctx, p.id, "rejected", v[T_TEXT].s) ||
	    (second && event(ctx, p.id, "escalated", NULL));
	if (!failed)
		tell_rejected(ctx, &p, second, v[T_TEXT].s);
	return finish(ctx, &p, failed, "project.reject", "slip_rejected");
}

/* ---- 二次分配 and the answers ------------------------------------------------- */

int reassign_submit(struct gw_ctx *ctx)
{
	struct gw_project p;
	struct gw_fval v[R__N];
	int r = loaded(ctx, &p), bad, failed;

	if (r <= 0)
		return not_loaded(r);
	if (!is_creator(ctx, &p) || !(is(p.status, "reassign") || is(p.status, "answered")))
		return is_creator(ctx, &p) ? refused(ctx, &p, "not_open") : 403;
	bad = GW_FORM_READ(ctx, reassign_form, v);
	if (!bad && v[R_ADVISOR].present &&
	    !advisor_in_department(ctx, v[R_ADVISOR].i, v[R_DEPT].i))
		bad = gw_form_error(ctx, "advisor", "not_in_department");
	if (bad)
		return show_page(ctx, &p, NULL);
	if (!claimed(ctx, &p, &r))
		return r;
	failed = gw_db_exec(ctx->db, SQL_STATUS, "si", "assigning", p.id) != 1 ||
		 event(ctx, p.id, "reassigned", NULL) ||
		 slip_insert(ctx, p.id, (int32_t)v[R_SLIP_ON].i, v[R_DEPT].i,
			     v[R_ADVISOR].present ? v[R_ADVISOR].i : 0);
	if (!failed && v[R_ADVISOR].present)
		notify_user(ctx, &p, v[R_ADVISOR].i, "L.Projects.Mail.Slip",
			    word(ctx, "L.Projects.Mail.SlipText"));
	else if (!failed)
		notify_managers(ctx, &p, v[R_DEPT].i, "L.Projects.Mail.Slip",
				word(ctx, "L.Projects.Mail.SlipText"));
	return finish(ctx, &p, failed, "project.reassign", "slip_reassigned");
}

/* The manager answers market (recorded; market is told). */
int manager_answer_submit(struct gw_ctx *ctx)
{
	struct gw_project p;
	struct gw_fval v[T__N];
	int r = loaded(ctx, &p), failed;

	if (r <= 0)
		return not_loaded(r);
	if (!is_manager_of(ctx, &p))
		return 403;
	if (!is(p.status, "escalated"))
		return refused(ctx, &p, "not_open");
	if (GW_FORM_READ(ctx, answer_form, v))
		return show_page(ctx, &p, NULL);
	if (!claimed(ctx, &p, &r))
		return r;
	failed = gw_db_exec(ctx->db, SQL_STATUS, "si", "answered", p.id) != 1 ||
		 event(ctx, p.id, "manager_answer", v[T_TEXT].s);
	if (!failed)
		notify_user(ctx, &p, p.created_by, "L.Projects.Mail.ManagerAnswer", v[T_TEXT].s);
	return finish(ctx, &p, failed, "project.manager_answer", "answered");
}

/* Market answers the client (recorded; mailed to the client); then assigns again. */
int client_answer_submit(struct gw_ctx *ctx)
{
	struct gw_project p;
	struct gw_fval v[T__N];
	int r = loaded(ctx, &p), failed;

	if (r <= 0)
		return not_loaded(r);
	if (!is_creator(ctx, &p))
		return 403;
	if (!is(p.status, "answered"))
		return refused(ctx, &p, "not_open");
	if (GW_FORM_READ(ctx, answer_form, v))
		return show_page(ctx, &p, NULL);
	if (!claimed(ctx, &p, &r))
		return r;
	failed = gw_db_exec(ctx->db, SQL_STATUS, "si", "reassign", p.id) != 1 ||
		 event(ctx, p.id, "client_answer", v[T_TEXT].s);
	if (!failed)
		notify_client(ctx, &p, v[T_TEXT].s);
	return finish(ctx, &p, failed, "project.client_answer", "answered");
}
