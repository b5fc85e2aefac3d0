/* block.c — projects.fcgi: "cannot proceed" (无法进行): the lead raises it with
 * a reason and their department's manager is told; the manager passes it on
 * and market is told; the project shows it until it is cleared. */
#include "projects.h"

static const char SQL_BLOCK[] =
    "UPDATE projects SET blocked_stage = ?, blocked_reason = COALESCE(?, blocked_reason)"
    " WHERE id = ?";

static const char SQL_UNBLOCK[] = "UPDATE projects SET blocked_stage = NULL WHERE id = ?";

enum { B_TEXT, B__N };
static const struct gw_fdef block_form[] = {
    [B_TEXT] = {.name = "block_reason", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 1000},
    [B__N] = {.name = NULL},
};
GW_FORM_CHECK(block_form, B__N);

static const struct gw_fdef forward_form[] = {
    [B_TEXT] = {.name = "forward_note", .type = GW_F_TEXTAREA, .maxlen = 1000},
    [B__N] = {.name = NULL},
};
GW_FORM_CHECK(forward_form, B__N);

/* The lead raises it on a project in progress that is not blocked yet. */
int may_block(struct gw_ctx *ctx, const struct gw_project *p)
{
	return is(p->status, "active") && !p->blocked_stage && p->lead_id == ctx->user->id;
}

/* The lead, the department's manager, or market (the creator) clear it. */
int may_unblock(struct gw_ctx *ctx, const struct gw_project *p)
{
	return p->blocked_stage &&
	       (p->lead_id == ctx->user->id || is_manager_of(ctx, p) || is_creator(ctx, p));
}

static int set_block(struct gw_ctx *ctx, const struct gw_project *p, const char *stage,
		     const char *reason, const char *kind, const char *body)
{
	return gw_db_exec(ctx->db, SQL_BLOCK, "ssi", stage, reason, p->id) != 1 ||
	       event(ctx, p->id, kind, body);
}

int block_submit(struct gw_ctx *ctx)
{
	struct gw_project p;
	struct gw_fval v[B__N];
	int r = loaded(ctx, &p), failed;

	if (r <= 0)
		return not_loaded(r);
	if (!may_block(ctx, &p))
		return p.lead_id == ctx->user->id ? refused(ctx, &p, "not_open") : 403;
	if (GW_FORM_READ(ctx, block_form, v))
		return show_page(ctx, &p, NULL);
	if (!claimed(ctx, &p, &r))
		return r;
	failed = set_block(ctx, &p, "manager", v[B_TEXT].s, "blocked", v[B_TEXT].s);
	if (!failed)
		notify_managers(ctx, &p, p.department_id, "L.Projects.Mail.Blocked", v[B_TEXT].s);
	return finish(ctx, &p, failed, "project.block", "blocked");
}

/* The manager tells market (with an optional note). */
int block_forward_submit(struct gw_ctx *ctx)
{
	struct gw_project p;
	struct gw_fval v[B__N];
	const char *text;
	int r = loaded(ctx, &p), failed;

	if (r <= 0)
		return not_loaded(r);
	if (!is_manager_of(ctx, &p))
		return 403;
	if (!is(p.blocked_stage, "manager"))
		return refused(ctx, &p, "not_open");
	if (GW_FORM_READ(ctx, forward_form, v))
		return show_page(ctx, &p, NULL);
	if (!claimed(ctx, &p, &r))
		return r;
	text = v[B_TEXT].present
		   ? gw_arena_printf(&ctx->arena, "%s\n\n%s", p.blocked_reason, v[B_TEXT].s)
		   : p.blocked_reason;
	failed = set_block(ctx, &p, "market", NULL, "block_forwarded",
			   v[B_TEXT].present ? v[B_TEXT].s : NULL);
	if (!failed)
		notify_user(ctx, &p, p.created_by, "L.Projects.Mail.Blocked", text);
	return finish(ctx, &p, failed, "project.block_forward", "blocked");
}

int unblock_submit(struct gw_ctx *ctx)
{
	struct gw_project p;
	int r = loaded(ctx, &p), failed;

	if (r <= 0)
		return not_loaded(r);
	if (!may_unblock(ctx, &p))
		return p.blocked_stage ? 403 : refused(ctx, &p, "not_open");
	if (!claimed(ctx, &p, &r))
		return r;
	failed =
	    gw_db_exec(ctx->db, SQL_UNBLOCK, "i", p.id) != 1 || event(ctx, p.id, "unblocked", NULL);
	return finish(ctx, &p, failed, "project.unblock", "unblocked");
}
