/* slip.c — projects.fcgi: assignment slips (分配单): a slip to a department,
 * and to one of its advisors or to anyone there, with its two deadlines. */
#include "projects.h"

static const char SQL_SLIP[] =
    "INSERT INTO project_slips (project_id, slip_on, department_id, advisor_id, learn_due,"
    " coach_due, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

static const char SQL_ADVISOR_OK[] =
    "SELECT COUNT(*) FROM users WHERE id = ? AND department_id = ? AND active = 1"
    " AND role IN ('advisor', 'manager')";

static const char *date_text(struct gw_ctx *ctx, int32_t day)
{
	char *s = gw_arena_alloc(&ctx->arena, 16);

	gw_date_format(day, s);
	return s;
}

/* Insert the slip and its line on the timeline; 0 or -1. */
int slip_insert(struct gw_ctx *ctx, long long project_id, int32_t slip_on, long long dept,
		long long advisor)
{
	int32_t learn, coach;
	const char *on = date_text(ctx, slip_on);

	if (gw_project_slip_dues(ctx->db, slip_on, &learn, &coach))
		return -1;
	if (gw_db_exec(ctx->db, SQL_SLIP, "isisssis", project_id, on, dept,
		       advisor ? gw_arena_printf(&ctx->arena, "%lld", advisor) : NULL,
		       date_text(ctx, learn), date_text(ctx, coach), ctx->user->id,
		       gw_now_utc(ctx)) != 1)
		return -1;
	return event(ctx, project_id, "slip",
		     gw_arena_printf(&ctx->arena, "%s %s · %s %s · %s %s",
				     word(ctx, "L.Projects.SlipOn"), on,
				     word(ctx, "L.Projects.LearnDue"), date_text(ctx, learn),
				     word(ctx, "L.Projects.CoachDue"), date_text(ctx, coach)));
}

/* 1 when advisor is an active advisor or manager of department dept. */
int advisor_in_department(struct gw_ctx *ctx, long long advisor, long long dept)
{
	long long n = 0;

	return gw_db_int(ctx->db, &n, SQL_ADVISOR_OK, "ii", advisor, dept) == 1 && n == 1;
}
