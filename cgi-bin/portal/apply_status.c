/* apply_status.c — an application's private page (the link's token, only its
 * SHA-256 stored): the status in the words of DOMAIN.md, the reviewer's
 * reason, and for a rejected one 修改 (edit and resubmit: a new round, the
 * earlier ones kept) and 取消 (withdraw). */
#include "guwen/application_record.h"
#include "guwen/db.h"

#include "portal.h"

static const char SQL_LOCK[] = "SELECT status, round FROM applications WHERE id = ? FOR UPDATE";
static const char SQL_LAST_FILE[] =
    "SELECT licence_file_id FROM application_rounds WHERE application_id = ? AND round = ?";
static const char SQL_UPDATE[] =
    "UPDATE applications SET company_name = ?, uscc = ?, contact_name = ?,"
    " contact_phone = NULLIF(?, ''), contact_email = NULLIF(?, ''), services = ?,"
    " round = ?, status = 'submitted', reason = NULL, submitted_at = ?, updated_at = ?"
    " WHERE id = ?";
static const char SQL_WITHDRAW[] = "UPDATE applications SET status = 'withdrawn', updated_at = ?"
				   " WHERE id = ? AND status = 'rejected'";

/* The application of the link into *a and App.*: 1, 0 for no such link (a
 * tampered or made-up token looks the same), -1 on error. */
static int load(struct gw_ctx *ctx, struct gw_application *a)
{
	char hash[65];
	int rc;

	if (apply_link_hash(gw_param(ctx, 0), hash))
		return 0;
	gw_hdf_remove(ctx->hdf, "App"); /* a reload leaves nothing of the last */
	if ((rc = gw_application_by_link(ctx, hash, a)) == 1)
		gw_application_to_hdf(ctx->hdf, "App", a);
	return rc;
}

/* The purpose of a form token of this application ("apply-edit-42"): a
 * token shown on one application's page is worth nothing on another's. */
static const char *purpose(struct gw_ctx *ctx, const struct gw_application *a, const char *what)
{
	return gw_arena_printf(&ctx->arena, "apply-%s-%lld", what, a->id);
}

/* Each chosen service as prefix.<key> = 1 (the form's checkboxes). */
static void services_to_hdf(struct gw_ctx *ctx, const char *prefix, const char *list)
{
	char buf[256], *save = NULL;

	snprintf(buf, sizeof(buf), "%s", list ? list : "");
	for (char *k = strtok_r(buf, ",", &save); k; k = strtok_r(NULL, ",", &save))
		gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "%s.%s", prefix, k), "1");
}

/* 404 with the page saying the link is not valid; 503 on a database error. */
static int no_link(struct gw_ctx *ctx, int found)
{
	if (found < 0)
		return 503;
	ctx->resp.status = 404;
	gw_hdf_set(ctx->hdf, "Page.Error", "apply_link");
	gw_hdf_set(ctx->hdf, "Page.Title", "Portal.Apply.StatusTitle");
	return gw_view_render(ctx, "portal_apply_status.cs");
}

static int show_status(struct gw_ctx *ctx, const struct gw_application *a)
{
	gw_hdf_set(ctx->hdf, "App.Link", apply_link(ctx, gw_param(ctx, 0), ""));
	gw_hdf_set(ctx->hdf, "Form.token", gw_csrf_form_token(ctx, purpose(ctx, a, "withdraw")));
	gw_app_services_chosen(ctx, "App.Services", a->services);
	gw_response_header(&ctx->resp, "Referrer-Policy", "no-referrer");
	gw_response_header(&ctx->resp, "X-Robots-Tag", "noindex");
	gw_hdf_set(ctx->hdf, "Page.Title", "Portal.Apply.StatusTitle");
	return gw_view_render(ctx, "portal_apply_status.cs");
}

/* GET /apply/s/:token — the status page (200), or 404 for a link that is not one. */
int apply_status(struct gw_ctx *ctx)
{
	struct gw_application a;
	int found = load(ctx, &a);

	return found == 1 ? show_status(ctx, &a) : no_link(ctx, found);
}

static int show_edit_form(struct gw_ctx *ctx, const struct gw_application *a)
{
	if (!hdf_get_obj(ctx->hdf, "Opt.Services"))
		gw_app_services(ctx, "Opt.Services");
	gw_hdf_set(ctx->hdf, "Form.Edit", apply_link(ctx, gw_param(ctx, 0), "/edit"));
	gw_hdf_set(ctx->hdf, "Form.token", gw_csrf_form_token(ctx, purpose(ctx, a, "edit")));
	gw_response_header(&ctx->resp, "Referrer-Policy", "no-referrer");
	gw_hdf_set(ctx->hdf, "Page.Title", "Portal.Apply.EditTitle");
	return gw_view_render(ctx, "portal_apply.cs");
}

/* GET /apply/s/:token/edit — the form filled with the last round (a rejected
 * application only; otherwise its status page). */
int apply_edit_page(struct gw_ctx *ctx)
{
	struct gw_application a;
	int found = load(ctx, &a);

	if (found != 1)
		return no_link(ctx, found);
	if (strcmp(a.status, "rejected"))
		return show_status(ctx, &a);
	gw_hdf_set(ctx->hdf, "Form.company_name", a.company_name);
	gw_hdf_set(ctx->hdf, "Form.uscc", a.uscc);
	gw_hdf_set(ctx->hdf, "Form.contact_name", a.contact_name);
	gw_hdf_set(ctx->hdf, "Form.contact_phone", a.contact_phone ? a.contact_phone : "");
	gw_hdf_set(ctx->hdf, "Form.contact_email", a.contact_email ? a.contact_email : "");
	services_to_hdf(ctx, "Form.services", a.services);
	return show_edit_form(ctx, &a);
}

/* In the transaction: still rejected? then the new round (the last licence
 * kept when none was sent) and the application's current data. 0, 1 when it
 * is no longer rejected (nothing done), -3 for a key used already, -1. */
static int resubmit_in_tx(struct gw_ctx *ctx, long long id, const struct apply_data *d,
			  const char *stored)
{
	long long round, file_id = 0;
	int rc;

	if (gw_db_row(ctx->db, ctx->hdf, "Lock", SQL_LOCK, "i", id) != 1)
		return -1;
	if (strcmp(hdf_get_value(ctx->hdf, "Lock.status", ""), "rejected"))
		return 1;
	round = strtoll(hdf_get_value(ctx->hdf, "Lock.round", "1"), NULL, 10);
	if (d->licence ? (file_id = apply_file_row(ctx, id, d, stored)) < 0
		       : gw_db_int(ctx->db, &file_id, SQL_LAST_FILE, "ii", id, round) < 0)
		return -1;
	if ((rc = apply_round_row(ctx, id, round + 1, d, file_id)) < 0)
		return rc;
	return gw_db_exec(ctx->db, SQL_UPDATE, "ssssssissi", d->company, d->uscc, d->contact,
			  d->phone, d->email, d->services, round + 1, gw_now_utc(ctx),
			  gw_now_utc(ctx), id) == 1
		   ? 0
		   : -1;
}

/* The new round stored: 0; 1 nothing to do; -3 key used; -4 disk; -1 database. */
static int resubmit(struct gw_ctx *ctx, long long id, const struct apply_data *d)
{
	char stored[33] = "";
	int rc;

	if (d->licence && gw_upload_store(ctx, d->licence->value, d->licence->len, stored))
		return -4;
	if (gw_db_begin(ctx->db))
		rc = -1;
	else if ((rc = resubmit_in_tx(ctx, id, d, stored)) != 0 || gw_db_commit(ctx->db) < 0) {
		gw_db_rollback(ctx->db);
		rc = rc ? rc : -1;
	}
	if (rc && *stored)
		gw_upload_remove(ctx, stored);
	return rc;
}

/* The edit form again (bad fields, an expired form: 200; a failure: 503)
 * with everything typed; the file must be chosen again. */
static int edit_again(struct gw_ctx *ctx, const struct gw_application *a,
		      const struct apply_data *d, int status)
{
	ctx->resp.status = status;
	apply_form_again(ctx, d);
	return show_edit_form(ctx, a);
}

/* POST /apply/s/:token/edit — the edited application as a new round; its
 * status page (submitted) again. A token posted again (a double click) is the
 * same round; bad fields or an expired form: the form again, input kept. */
int apply_edit_submit(struct gw_ctx *ctx)
{
	struct apply_data d = {0};
	struct gw_application a;
	const char *token = gw_form(&ctx->req, "token");
	enum gw_form_token t;
	char key[65];
	int found = load(ctx, &a), bad, rc;

	if (found != 1)
		return no_link(ctx, found);
	t = gw_csrf_form_check(ctx, purpose(ctx, &a, "edit"), token, 0,
			       portal_limit(ctx, "Portal.FormMaxSeconds", FORM_MAX_SECONDS));
	bad = apply_read(ctx, &d, 0);
	gw_csrf_form_key(token, key);
	d.key = key;
	if (t != GW_TOKEN_OK)
		gw_hdf_set(ctx->hdf, "Page.Error", "form_expired");
	if (bad || t != GW_TOKEN_OK)
		return edit_again(ctx, &a, &d, 200);
	rc = resubmit(ctx, a.id, &d);
	if (rc == -4 || rc == -1) {
		gw_hdf_set(ctx->hdf, "Page.Error",
			   rc == -4 ? "apply_unavailable_disk" : "apply_unavailable_db");
		return edit_again(ctx, &a, &d, 503);
	}
	return load(ctx, &a) == 1 ? show_status(ctx, &a) : 503;
}

/* POST /apply/s/:token/withdraw — 取消: a rejected application is withdrawn;
 * the status page again (a forged or expired form token changes nothing). */
int apply_withdraw(struct gw_ctx *ctx)
{
	struct gw_application a;
	const char *token = gw_form(&ctx->req, "token");
	int found = load(ctx, &a);

	if (found != 1)
		return no_link(ctx, found);
	if (gw_csrf_form_check(ctx, purpose(ctx, &a, "withdraw"), token, 0,
			       portal_limit(ctx, "Portal.FormMaxSeconds", FORM_MAX_SECONDS)) !=
	    GW_TOKEN_OK) {
		gw_hdf_set(ctx->hdf, "Page.Error", "form_expired");
		return show_status(ctx, &a);
	}
	if (gw_db_exec(ctx->db, SQL_WITHDRAW, "si", gw_now_utc(ctx), a.id) < 0)
		return 503;
	return load(ctx, &a) == 1 ? show_status(ctx, &a) : 503;
}
