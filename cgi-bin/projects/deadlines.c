/* deadlines.c — projects.fcgi: the slip's two working-day deadlines (learn the
 * client's basics, finish the on-site coaching) recorded as done by the
 * assignee, with the day; the progress summary counts them met or missed, and
 * `guwen jobs` tells the assignee and their manager of one that passed undone
 * (lib/project_deadlines.c). */
#include "projects.h"

static const char SQL_LEARN_DONE[] =
    "UPDATE project_slips SET learn_done_on = ? WHERE id = ? AND learn_done_on IS NULL";
static const char SQL_COACH_DONE[] =
    "UPDATE project_slips SET coach_done_on = ? WHERE id = ? AND coach_done_on IS NULL";

/* the next deadline not recorded done, NULL when none (the start page's index) */
static const char SQL_NEXT_DUE[] = "UPDATE projects SET deadline_due = ? WHERE id = ?";

static const char *const deadline_choices[] = {"learn", "coach", NULL};

enum { D_WHICH, D_ON, D__N };
static const struct gw_fdef deadline_form[] = {
    [D_WHICH] = {.name = "deadline",
		 .type = GW_F_CHOICE,
		 .required = 1,
		 .maxlen = 8,
		 .choices = deadline_choices},
    [D_ON] = {.name = "deadline_on", .type = GW_F_DATE, .required = 1, .maxlen = 10},
    [D__N] = {.name = NULL},
};
GW_FORM_CHECK(deadline_form, D__N);

/* The lead, on the slip they accepted, while a deadline is still open. */
int may_deadline(struct gw_ctx *ctx, const struct gw_project *p)
{
	return is(p->status, "active") && is(p->slip_status, "accepted") &&
	       p->lead_id == ctx->user->id && (!p->learn_done_on || !p->coach_done_on);
}

/* The day is not after today nor before the slip; else a message at the field. */
static int bad_day(struct gw_ctx *ctx, const struct gw_project *p, long long day)
{
	char on[16];

	gw_date_format((int32_t)day, on);
	if (day > gw_today(ctx))
		return gw_form_error(ctx, "deadline_on", "future_date");
	if (p->slip_on && strcmp(on, p->slip_on) < 0)
		return gw_form_error(ctx, "deadline_on", "before_slip");
	return 0;
}

/* "了解客户基本情况 · 完成 2026-10-09 · 期限 2026-10-09" for the timeline. */
static const char *deadline_line(struct gw_ctx *ctx, const struct gw_project *p, int learn,
				 const char *on)
{
	return gw_arena_printf(&ctx->arena, "%s · %s %s · %s %s",
			       word(ctx, learn ? "L.Projects.LearnDue" : "L.Projects.CoachDue"),
			       word(ctx, "L.Projects.DoneOn"), on, word(ctx, "L.Projects.Due"),
			       learn ? p->learn_due : p->coach_due);
}

/* After one is recorded (learn: the learning one), the other if still open. */
static const char *next_due(const struct gw_project *p, int learn)
{
	if (!learn && !p->learn_done_on)
		return p->learn_due;
	if (learn && !p->coach_done_on)
		return p->coach_due;
	return NULL;
}

/* POST /:id/deadline — the assignee records a deadline as done: 303; 200 with
 * the page and a message; 403 not theirs; 404. */
int deadline_submit(struct gw_ctx *ctx)
{
	struct gw_project p;
	struct gw_fval v[D__N];
	char on[16];
	int r = loaded(ctx, &p), learn;
	long long n;

	if (r <= 0)
		return not_loaded(r);
	if (!may_deadline(ctx, &p))
		return p.lead_id == ctx->user->id ? refused(ctx, &p, "not_open") : 403;
	if (GW_FORM_READ(ctx, deadline_form, v) || bad_day(ctx, &p, v[D_ON].i))
		return show_page(ctx, &p, NULL);
	if (!claimed(ctx, &p, &r))
		return r;
	learn = !strcmp(v[D_WHICH].s, "learn");
	gw_date_format((int32_t)v[D_ON].i, on);
	n = gw_db_exec(ctx->db, learn ? SQL_LEARN_DONE : SQL_COACH_DONE, "si", on, p.slip_id);
	if (n != 1) {
		gw_db_rollback(ctx->db);
		return n == 0 ? refused(ctx, &p, "deadline_done") : 500;
	}
	return finish(ctx, &p,
		      gw_db_exec(ctx->db, SQL_NEXT_DUE, "si", next_due(&p, learn), p.id) < 0 ||
			  event(ctx, p.id, "deadline_done", deadline_line(ctx, &p, learn, on)),
		      "project.deadline", "deadline_done");
}
