/* periods.c — projects.fcgi: 代理记账 is monthly: each month is a period with
 * its own steps, the filing deadline (the 15th of the next month, moved to the
 * next working day), the filed date and corrections (what and why). */
#include "projects.h"

static const char SQL_MONTHLY[] = "SELECT monthly FROM project_types WHERE id = ?";
static const char SQL_PERIOD[] =
    "INSERT INTO project_periods (project_id, month, filing_due, created_at) VALUES (?, ?, ?, ?)";
static const char SQL_FILED[] =
    "UPDATE project_periods SET filed_on = ?, filed_by = ? WHERE project_id = ? AND month = ?"
    " AND filed_on IS NULL";
static const char SQL_PERIOD_STEP[] =
    "INSERT INTO project_period_steps (project_id, month, seq, done_on, done_by)"
    " SELECT project_id, month, ?, ?, ? FROM project_periods WHERE project_id = ? AND month = ?";
static const char SQL_CORRECTION[] =
    "INSERT INTO project_corrections (project_id, month, at, user_id, what, why)"
    " SELECT project_id, month, ?, ?, ?, ? FROM project_periods"
    " WHERE project_id = ? AND month = ?";

enum { P_MONTH, P_DATE, P_SEQ, P_WHAT, P_WHY, P__N };
static const struct gw_fdef period_form[] = {
    [P_MONTH] = {.name = "month", .type = GW_F_TEXT, .required = 1, .maxlen = 7},
    [P_DATE] = {.name = "on", .type = GW_F_DATE, .maxlen = 10},
    [P_SEQ] = {.name = "pseq", .type = GW_F_INT, .maxlen = 3, .min = 1, .max = 99},
    [P_WHAT] = {.name = "what", .type = GW_F_TEXT, .maxlen = 500},
    [P_WHY] = {.name = "why", .type = GW_F_TEXT, .maxlen = 500},
    [P__N] = {.name = NULL},
};
GW_FORM_CHECK(period_form, P__N);

/* The lead or the department's manager, on a monthly project in progress. */
int may_period(struct gw_ctx *ctx, const struct gw_project *p)
{
	long long monthly = 0;

	if (!is(p->status, "active") || !(may_start(ctx, p) || is_manager_of(ctx, p)))
		return 0;
	return gw_db_int(ctx->db, &monthly, SQL_MONTHLY, "i", p->type_id) == 1 && monthly;
}

/* "YYYY-MM" into year and month; 0 or -1. */
static int parse_month(const char *s, int *y, int *m)
{
	char tail;

	if (strlen(s) != 7 || sscanf(s, "%4d-%2d%c", y, m, &tail) != 2 || s[4] != '-')
		return -1;
	return *y >= 2000 && *y <= 2099 && *m >= 1 && *m <= 12 ? 0 : -1;
}

/* Read the form with the fields the action needs (bits of need: 1 date, 2 seq,
 * 4 what and why); the number of bad fields. */
static int read_period(struct gw_ctx *ctx, struct gw_fval *v, unsigned need, int *y, int *m)
{
	int bad = gw_form_read(ctx, period_form, v); /* v holds P__N values (the callers) */

	if (!bad && parse_month(v[P_MONTH].s, y, m))
		bad += gw_form_error(ctx, "month", "bad_month");
	if ((need & 1) && !v[P_DATE].present)
		bad += gw_form_error(ctx, "on", "required");
	if ((need & 2) && !v[P_SEQ].present)
		bad += gw_form_error(ctx, "pseq", "required");
	if ((need & 4) && !v[P_WHAT].present)
		bad += gw_form_error(ctx, "what", "required");
	if ((need & 4) && !v[P_WHY].present)
		bad += gw_form_error(ctx, "why", "required");
	return bad;
}

/* Load, check, read: 1 go on; 0 answered (in *answer). */
static int begin(struct gw_ctx *ctx, struct gw_project *p, struct gw_fval *v, unsigned need,
		 int *answer)
{
	int r = loaded(ctx, p), y, m;
	const char *name;

	if (r <= 0)
		return *answer = not_loaded(r), 0;
	if (!may_period(ctx, p))
		return *answer = 403, 0;
	if (read_period(ctx, v, need, &y, &m))
		return *answer = show_page(ctx, p, NULL), 0;
	if ((need & 2) && (r = step_name(ctx, p, v[P_SEQ].i, &name)) <= 0)
		return *answer = r < 0 ? 500 : show_page(ctx, p, "bad_step"), 0;
	return claimed(ctx, p, answer);
}

/* The statement ran on one row, else the page (1062 or no such period: msg). */
static int one_row(struct gw_ctx *ctx, const struct gw_project *p, long long n, const char *msg,
		   int *answer)
{
	if (n == 1)
		return 1;
	gw_db_rollback(ctx->db);
	*answer = n == 0 || gw_db_errno(ctx->db) == 1062 ? refused(ctx, p, msg) : 500;
	return 0;
}

static const char *date_of(struct gw_ctx *ctx, long long day)
{
	char *s = gw_arena_alloc(&ctx->arena, 16);

	gw_date_format((int32_t)day, s);
	return s;
}

int period_submit(struct gw_ctx *ctx)
{
	struct gw_project p;
	struct gw_fval v[P__N];
	int32_t due;
	int r, y, m;
	const char *d;

	if (!begin(ctx, &p, v, 0, &r))
		return r;
	parse_month(v[P_MONTH].s, &y, &m);
	if (gw_project_filing_due(ctx->db, y, m, &due))
		return gw_db_rollback(ctx->db), 500;
	d = date_of(ctx, due);
	if (!one_row(
		ctx, &p,
		gw_db_exec(ctx->db, SQL_PERIOD, "isss", p.id, v[P_MONTH].s, d, gw_now_utc(ctx)),
		"period_exists", &r))
		return r;
	return finish(ctx, &p,
		      event(ctx, p.id, "period",
			    gw_arena_printf(&ctx->arena, "%s · %s %s", v[P_MONTH].s,
					    word(ctx, "L.Projects.FilingDue"), d)),
		      "project.period", "period_added");
}

int period_filed_submit(struct gw_ctx *ctx)
{
	struct gw_project p;
	struct gw_fval v[P__N];
	int r;

	if (!begin(ctx, &p, v, 1, &r))
		return r;
	if (!one_row(ctx, &p,
		     gw_db_exec(ctx->db, SQL_FILED, "siis", date_of(ctx, v[P_DATE].i),
				ctx->user->id, p.id, v[P_MONTH].s),
		     "not_open", &r))
		return r;
	return finish(
	    ctx, &p,
	    event(ctx, p.id, "filed",
		  gw_arena_printf(&ctx->arena, "%s · %s", v[P_MONTH].s, date_of(ctx, v[P_DATE].i))),
	    "project.filed", "filed");
}

int period_step_submit(struct gw_ctx *ctx)
{
	struct gw_project p;
	struct gw_fval v[P__N];
	int r;

	if (!begin(ctx, &p, v, 3, &r))
		return r;
	if (!one_row(ctx, &p,
		     gw_db_exec(ctx->db, SQL_PERIOD_STEP, "isiis", v[P_SEQ].i,
				date_of(ctx, v[P_DATE].i), ctx->user->id, p.id, v[P_MONTH].s),
		     "step_done", &r))
		return r;
	return finish(ctx, &p,
		      event(ctx, p.id, "period_step",
			    gw_arena_printf(&ctx->arena, "%s · %lld · %s", v[P_MONTH].s, v[P_SEQ].i,
					    date_of(ctx, v[P_DATE].i))),
		      "project.period_step", "step_done");
}

int correction_submit(struct gw_ctx *ctx)
{
	struct gw_project p;
	struct gw_fval v[P__N];
	int r;

	if (!begin(ctx, &p, v, 4, &r))
		return r;
	if (!one_row(ctx, &p,
		     gw_db_exec(ctx->db, SQL_CORRECTION, "sissis", gw_now_utc(ctx), ctx->user->id,
				v[P_WHAT].s, v[P_WHY].s, p.id, v[P_MONTH].s),
		     "not_open", &r))
		return r;
	return finish(ctx, &p,
		      event(ctx, p.id, "correction",
			    gw_arena_printf(&ctx->arena, "%s · %s · %s", v[P_MONTH].s, v[P_WHAT].s,
					    v[P_WHY].s)),
		      "project.correction", "corrected");
}
