/* after.c — visits.fcgi: what the pages after the report share: who sees and
 * who may review a visit, the keeper named in the settings, the version claim
 * of every action, the timeline, the pages' frame and the visit page's part
 * (review, archive, mail and complaints from the visit). */
#include <stdlib.h>
#include <string.h>

#include "guwen/audit.h"
#include "guwen/hdfset.h"
#include "guwen/valid.h"
#include "guwen/view.h"
#include "guwen/visit.h"
#include "after.h"

static const char SQL_KEEPER[] = "SELECT value FROM settings WHERE name = 'visit_keeper'";

/* Every action claims the visit at the version (and status) its form showed:
 * a second action from the same state finds 0 rows. */
static const char SQL_CLAIM[] = "UPDATE visits SET version = version + 1, updated_at = ?"
				" WHERE id = ? AND version = ? AND status = ?";

/* the mail's state as the outbox has it (never from the visit's flag alone) */
static const char SQL_MAIL_STATE[] = "SELECT o.status, o.created_at, o.sent_at, o.to_addr"
				     " FROM visits v JOIN outbox o ON o.id = v.mail_outbox_id"
				     " WHERE v.id = ?";

static const char SQL_COMPLAINTS[] =
    "SELECT c.id, c.tracking_no FROM visit_complaints vc JOIN complaints c"
    " ON c.id = vc.complaint_id WHERE vc.visit_id = ? ORDER BY c.id LIMIT 20";

int after_is(const struct gw_visit *v, const char *s)
{
	return v->status && !strcmp(v->status, s);
}

int after_is_keeper(struct gw_ctx *ctx)
{
	long long id = 0;

	return gw_db_int(ctx->db, &id, SQL_KEEPER, NULL) == 1 && id == ctx->user->id;
}

int after_load(struct gw_ctx *ctx, struct gw_visit *v)
{
	long long id = gw_param_id(ctx, 0);
	int r;

	if (id <= 0)
		return 0;
	r = gw_visit_load(ctx, id, v);
	if (r <= 0 || gw_visit_scope(ctx, v))
		return r;
	return (after_is(v, "accepted") || after_is(v, "archived")) && after_is_keeper(ctx);
}

int after_may_review(struct gw_ctx *ctx, const struct gw_visit *v)
{
	const struct gw_user *u = ctx->user;

	if (!gw_perm_has(u->role, GW_PERM_VISIT_REVIEW) || v->visitor_id == u->id)
		return 0;
	if (u->role == GW_ROLE_DIRECTOR)
		return 1;
	return u->role == GW_ROLE_MANAGER && u->dept_id && v->department_id == u->dept_id;
}

static long long form_version(struct gw_ctx *ctx)
{
	const char *sent = gw_form(&ctx->req, "version");
	int64_t n;

	if (!sent)
		return -1;
	return gw_valid_int(sent, 0, UINT32_MAX, &n) ? -1 : n;
}

int after_claim(struct gw_ctx *ctx, const struct gw_visit *v)
{
	long long n;

	if (gw_db_begin(ctx->db))
		return -1;
	n = gw_db_exec(ctx->db, SQL_CLAIM, "siis", gw_now_utc(ctx), v->id, form_version(ctx),
		       v->status);
	if (n == 1)
		return 0;
	gw_db_rollback(ctx->db);
	return n == 0 ? 1 : -1;
}

int after_event(struct gw_ctx *ctx, const struct gw_visit *v, const char *kind, const char *body)
{
	return gw_visit_event(ctx->db, (uint32_t)v->id, (uint32_t)ctx->user->id, kind, body,
			      (int64_t)ctx->now);
}

int after_finish(struct gw_ctx *ctx, const struct gw_visit *v, int failed, const char *action,
		 const char *flash)
{
	if (failed || gw_audit(ctx, action, "visit", v->id, "status=%s", v->status) ||
	    gw_db_commit(ctx->db)) {
		gw_db_rollback(ctx->db);
		return gw_db_unavailable(ctx->db) ? 503 : 500;
	}
	/* the keeper may be outside the visit's scope: the report's own page */
	return gw_redirect(
	    ctx, "visits",
	    gw_arena_printf(&ctx->arena, gw_visit_scope(ctx, v) ? "/%lld" : "/%lld/archive", v->id),
	    flash);
}

int after_page(struct gw_ctx *ctx, const struct gw_visit *v, const char *tpl, const char *title,
	       const char *msg)
{
	gw_visit_to_hdf(ctx->hdf, "V", v);
	after_to_hdf(ctx, v);
	if (gw_visit_scope(ctx, v))
		gw_hdf_set_int(ctx->hdf, "After.InScope", 1);
	if (!hdf_get_value(ctx->hdf, "Form.version", NULL))
		gw_hdf_set_int(ctx->hdf, "Form.version", v->version);
	if (msg) {
		ctx->resp.status = 409;
		gw_hdf_set(ctx->hdf, "After.Msg", msg);
	}
	gw_hdf_set(ctx->hdf, "Page.Title", title);
	gw_hdf_set(ctx->hdf, "Page.Nav", "visits");
	return gw_view_render(ctx, gw_arena_printf(&ctx->arena, "visits/%s", tpl));
}

int after_archived(struct gw_ctx *ctx, const struct gw_visit *v)
{
	return after_page(ctx, v, "after_refused.cs", "VisitReview.RefusedTitle", "archived");
}

/* The mail's outbox row, as the outbox has it now (After.Mail.*). */
static void mail_state(struct gw_ctx *ctx, const struct gw_visit *v)
{
	if (gw_db_row(ctx->db, ctx->hdf, "After.Mail", SQL_MAIL_STATE, "i", v->id) < 0)
		gw_hdf_set_int(ctx->hdf, "After.Mail.unknown", 1);
}

void after_to_hdf(struct gw_ctx *ctx, const struct gw_visit *v)
{
	int archived = after_is(v, "archived"), accepted = after_is(v, "accepted");
	int reported = after_is(v, "submitted") || after_is(v, "returned") || accepted;

	if (archived)
		gw_hdf_set_int(ctx->hdf, "After.ReadOnly", 1);
	if (after_is(v, "submitted") && after_may_review(ctx, v))
		gw_hdf_set_int(ctx->hdf, "After.CanReview", 1);
	if (accepted && after_is_keeper(ctx))
		gw_hdf_set_int(ctx->hdf, "After.CanArchive", 1);
	if (accepted && !v->mail_queued_at && gw_visit_scope(ctx, v))
		gw_hdf_set_int(ctx->hdf, "After.CanMail", 1);
	if (reported && v->opinions && gw_perm_has(ctx->user->role, GW_PERM_COMPLAINT_WRITE) &&
	    gw_visit_scope(ctx, v))
		gw_hdf_set_int(ctx->hdf, "After.CanComplain", 1);
	mail_state(ctx, v);
	gw_db_rows(ctx->db, ctx->hdf, "After.Complaints", SQL_COMPLAINTS, "i", v->id);
}
