/* decide.c — applications.fcgi: approve (a client record from the application,
 * nothing retyped: the applicant its primary contact; a USCC already on file
 * links to that client instead) and reject (a reason, shown to the applicant).
 * Only an application waiting for review can be decided: two reviewers at once
 * cannot both decide it (the row is locked, its status checked). */
#include "guwen/client_store.h"
#include "guwen/db.h"

#include "applications.h"

static const char SQL_LOCK[] = "SELECT status, round FROM applications WHERE id = ? FOR UPDATE";
static const char SQL_APPROVE[] =
    "UPDATE applications SET status = 'approved', client_id = ?, reviewer_id = ?,"
    " reviewed_at = ?, updated_at = ? WHERE id = ?";
static const char SQL_REJECT[] =
    "UPDATE applications SET status = 'rejected', reason = ?, reviewer_id = ?,"
    " reviewed_at = ?, updated_at = ? WHERE id = ?";
static const char SQL_ROUND[] =
    "UPDATE application_rounds SET decision = ?, reason = NULLIF(?, ''), reviewer_id = ?,"
    " decided_at = ? WHERE application_id = ? AND round = ?";

enum { R_REASON, R__N };
static const struct gw_fdef reject_form[] = {
    [R_REASON] = {.name = "reason", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 1000},
    [R__N] = {.name = NULL},
};
GW_FORM_CHECK(reject_form, R__N);

/* In the transaction: lock the row; 0 when it waits for review (its round
 * into *round), 1 when it was decided already, -1 on error. */
static int lock_submitted(struct gw_ctx *ctx, long long id, long long *round)
{
	if (gw_db_row(ctx->db, ctx->hdf, "Lock", SQL_LOCK, "i", id) != 1)
		return -1;
	*round = strtoll(hdf_get_value(ctx->hdf, "Lock.round", "1"), NULL, 10);
	return strcmp(hdf_get_value(ctx->hdf, "Lock.status", ""), "submitted") ? 1 : 0;
}

static int decide_round(struct gw_ctx *ctx, long long id, long long round, const char *decision,
			const char *reason)
{
	return gw_db_exec(ctx->db, SQL_ROUND, "ssisii", decision, reason, ctx->user->id,
			  gw_now_utc(ctx), id, round) == 1
		   ? 0
		   : -1;
}

/* The client of application a, as it was when locked: a new one (in the
 * reviewer's department, so that its link opens for them), or the one with its
 * USCC (*linked = 1). Its id, or -1. */
static long long client_of(struct gw_ctx *ctx, const struct gw_application *a, int *linked)
{
	long long id = a->id;
	struct gw_client_new c = {
	    .name = a->company_name,
	    .uscc = a->uscc,
	    .contact_name = a->contact_name,
	    .contact_phone = a->contact_phone,
	    .contact_email = a->contact_email,
	    .contact_role = gw_view_word(ctx, "L.Applications.Applicant"),
	    .department_id = ctx->user->dept_id, /* in the reviewer's lists */
	    .application_id = id,
	    .reason = gw_arena_printf(&ctx->arena, "%s #%lld",
				      gw_view_word(ctx, "L.Applications.FromApplication"), id),
	    .in_tx = 1,
	};
	long long existing = 0, cid = gw_client_create(ctx, &c, &existing);

	*linked = cid == 0;
	return cid == 0 ? existing : cid > 0 ? cid : -1;
}

/* In the transaction: 0 approved (client into *cid), 1 decided already, -1.
 * The row is read again once locked: the client is made of what was
 * submitted last, not of the page the reviewer loaded. */
static int approve_in_tx(struct gw_ctx *ctx, long long id, long long *cid, int *linked)
{
	const char *now = gw_now_utc(ctx);
	struct gw_application a;
	long long round;
	int rc = lock_submitted(ctx, id, &round);

	if (rc)
		return rc;
	if (gw_application_load(ctx, id, &a) != 1 || (*cid = client_of(ctx, &a, linked)) < 0 ||
	    gw_db_exec(ctx->db, SQL_APPROVE, "iissi", *cid, ctx->user->id, now, now, id) != 1 ||
	    decide_round(ctx, id, round, "approved", ""))
		return -1;
	return gw_audit(ctx, "application.approve", "application", id, "client=%lld %s", *cid,
			*linked ? "linked" : "created");
}

/* Run fn's work in a transaction: its result, or -1 when the commit failed. */
static int in_tx(struct gw_ctx *ctx, int rc)
{
	if (rc == 0 && gw_db_commit(ctx->db) == 0)
		return 0;
	gw_db_rollback(ctx->db);
	return rc ? rc : -1;
}

/* POST /:id/approve — 303 to the application ("approved", "approved_linked",
 * or "already_decided"); 404; 503 when the database failed. */
int approve_submit(struct gw_ctx *ctx)
{
	long long id = gw_param_id(ctx, 0), cid = 0;
	struct gw_application a;
	int linked = 0, rc = app_load(ctx, id, &a);

	if (rc <= 0)
		return rc < 0 ? 500 : 404;
	if (gw_db_begin(ctx->db))
		return 503;
	rc = in_tx(ctx, approve_in_tx(ctx, id, &cid, &linked));
	if (rc < 0)
		return 503;
	return gw_redirect(ctx, "applications", app_path(ctx, id),
			   rc	    ? "already_decided"
			   : linked ? "approved_linked"
				    : "approved");
}

static int reject_in_tx(struct gw_ctx *ctx, long long id, const char *reason)
{
	const char *now = gw_now_utc(ctx);
	long long round;
	int rc = lock_submitted(ctx, id, &round);

	if (rc)
		return rc;
	if (gw_db_exec(ctx->db, SQL_REJECT, "sissi", reason, ctx->user->id, now, now, id) != 1 ||
	    decide_round(ctx, id, round, "rejected", reason))
		return -1;
	return gw_audit(ctx, "application.reject", "application", id, "round=%lld", round);
}

/* POST /:id/reject — 303 to the application ("rejected" or "already_decided");
 * without a reason the page again with the message at the field (200). */
int reject_submit(struct gw_ctx *ctx)
{
	long long id = gw_param_id(ctx, 0);
	struct gw_fval v[R__N];
	struct gw_application a;
	int rc = app_load(ctx, id, &a);

	if (rc <= 0)
		return rc < 0 ? 500 : 404;
	if (GW_FORM_READ(ctx, reject_form, v))
		return view_page(ctx);
	if (gw_db_begin(ctx->db))
		return 503;
	rc = in_tx(ctx, reject_in_tx(ctx, id, v[R_REASON].s));
	if (rc < 0)
		return 503;
	return gw_redirect(ctx, "applications", app_path(ctx, id),
			   rc ? "already_decided" : "rejected");
}
