/* status.c — the complaint look-up by tracking number and code, with the
 * public replies, and the rating after resolution. */
#include "guwen/complaint_db.h"

#include "portal.h"

enum { L_TRACKING, L_CODE, L__N };

static const struct gw_fdef lookup_form[] = {
	[L_TRACKING] = { .name = "tracking", .type = GW_F_TEXT,
		.required = 1, .maxlen = 80 }, /* full-width digits take 3 bytes */
	[L_CODE] = { .name = "code", .type = GW_F_TEXT, .required = 1, .maxlen = 20 },
	[L__N] = { .name = NULL },
};
GW_FORM_CHECK(lookup_form, L__N);

static const char *const ratings[] = { "1", "2", "3", "4", "5", NULL };
enum { RT_RATING, RT_COMMENT, RT__N };

static const struct gw_fdef rate_form[] = {
	[RT_RATING] = { .name = "rating", .type = GW_F_CHOICE,
		.required = 1, .maxlen = 1, .choices = ratings },
	[RT_COMMENT] = { .name = "comment", .type = GW_F_TEXTAREA, .maxlen = 1000 },
	[RT__N] = { .name = NULL },
};
GW_FORM_CHECK(rate_form, RT__N);

static const char SQL_LOOKUP[] =
	"SELECT id, tracking_no, verify_mac, stage, created_at, resolved_at, closed_at, rating,"
	" rating_comment, waiting_since FROM complaints WHERE tracking_no = ?";
static const char SQL_REPLIES[] =
	"SELECT at, body FROM complaint_events WHERE complaint_id = ? AND visibility = 'public'"
	" ORDER BY id";
static const char SQL_RATE[] =
	"UPDATE complaints SET rating = ?, rating_comment = NULLIF(?, ''), rated_at = ?,"
	" updated_at = ? WHERE id = ? AND rating IS NULL"
	" AND stage IN ('resolved', 'followup', 'closed')";

/* GET /complaint/status — the look-up form. */
int status_page(struct gw_ctx *ctx)
{
	gw_hdf_set(ctx->hdf, "Page.Title", "Portal.Status.Title");
	return gw_view_render(ctx, "portal_status.cs");
}

/* Too many wrong codes from the address: Page.Until = the local time (HH:MM)
 * when it may look up again. 2, or -1 on a database error. */
static int locked(struct gw_ctx *ctx, long long max)
{
	int64_t at;
	char t[20];

	if (gw_rate_free_at(ctx, "lookup-fail", 3600, max, &at))
		return -1;
	gw_time_format(at + 59 + gw_tz_minutes(ctx) * 60LL, t);
	t[16] = '\0';
	gw_hdf_set(ctx->hdf, "Page.Until", t + 11);
	return 2;
}

/* Find the complaint for the typed number (normalised into tracking) + code into
 * Complaint.*; 1 found, 0 not (unknown number and wrong code look the same), 2
 * the address has had too many wrong codes this hour, -1 error. */
static int find_complaint(struct gw_ctx *ctx, const char *typed, const char *code,
			  char tracking[24])
{
	char mac[65];
	long long max = portal_limit(ctx, "Portal.LookupFailsPerHour", LOOKUP_FAILS_PER_HOUR);
	long long fails = gw_rate_count(ctx, "lookup-fail", 3600);
	int found = 0;

	if (fails < 0)
		return -1;
	if (fails >= max)
		return locked(ctx, max);
	if (!gw_complaint_tracking_normalize(typed, tracking))
		found = gw_db_row(ctx->db, ctx->hdf, "Complaint", SQL_LOOKUP, "s", tracking);
	if (found < 0)
		return -1;
	if (found && !gw_complaint_code_mac(ctx->keys, tracking, code, mac) &&
	    gw_crypto_equal(mac, hdf_get_value(ctx->hdf, "Complaint.verify_mac", ""), 64))
		return 1;
	gw_hdf_remove(ctx->hdf, "Complaint");
	gw_rate_hit(ctx, "lookup-fail");
	return 0;
}

/* The look-up form again with why nothing is shown. */
static int not_shown(struct gw_ctx *ctx, int found)
{
	if (found < 0)
		return 503;
	gw_hdf_set(ctx->hdf, "Page.Error", found == 2 ? "lookup_locked" : "not_found");
	return status_page(ctx);
}

static int show_status(struct gw_ctx *ctx, const char *tracking, const char *code)
{
	long long id = strtoll(hdf_get_value(ctx->hdf, "Complaint.id", "0"), NULL, 10);

	if (gw_db_rows(ctx->db, ctx->hdf, "Replies", SQL_REPLIES, "i", id) < 0)
		return 503;
	gw_hdf_remove(ctx->hdf, "Complaint.verify_mac");
	gw_hdf_set_int(ctx->hdf, "Complaint.StageIndex",
			  gw_stage_from(hdf_get_value(ctx->hdf, "Complaint.stage", "")));
	/* the rating form posts them back: a POST body, never the URL */
	gw_hdf_set(ctx->hdf, "Form.tracking", tracking);
	gw_hdf_set(ctx->hdf, "Form.code", code);
	gw_hdf_set(ctx->hdf, "Page.Title", "Portal.Status.Title");
	return gw_view_render(ctx, "portal_status.cs");
}

/* POST /complaint/status — the stage and replies; "not found"; or "too many
 * attempts, try again after HH:MM" (200 all). */
int status_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[L__N];
	char tracking[24];
	int found;

	if (GW_FORM_READ(ctx, lookup_form, v))
		return status_page(ctx);
	found = find_complaint(ctx, v[L_TRACKING].s, v[L_CODE].s, tracking);
	if (found != 1)
		return not_shown(ctx, found);
	return show_status(ctx, tracking, v[L_CODE].s);
}

/* POST /complaint/rate — store the rating once, then the status page again. */
int rate_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[RT__N], k[L__N];
	const char *now = gw_now_utc(ctx);
	char tracking[24];
	long long id;
	int found;

	if (GW_FORM_READ(ctx, lookup_form, k))
		return status_page(ctx);
	if ((found = find_complaint(ctx, k[L_TRACKING].s, k[L_CODE].s, tracking)) != 1)
		return not_shown(ctx, found);
	if (GW_FORM_READ(ctx, rate_form, v))
		return show_status(ctx, tracking, k[L_CODE].s);
	id = strtoll(hdf_get_value(ctx->hdf, "Complaint.id", "0"), NULL, 10);
	if (gw_db_exec(ctx->db, SQL_RATE, "isssi", atoll(v[RT_RATING].s), v[RT_COMMENT].s, now, now, id) == 1) {
		gw_complaint_event(ctx->db, id, 0, "rated", 0,
				   gw_arena_printf(&ctx->arena, "%s/5 %s", v[RT_RATING].s, v[RT_COMMENT].s));
		gw_hdf_set(ctx->hdf, "Complaint.rating", v[RT_RATING].s);
		gw_hdf_set(ctx->hdf, "Complaint.rating_comment", v[RT_COMMENT].s);
		gw_hdf_set(ctx->hdf, "Page.Notice", "rated");
	}
	return show_status(ctx, tracking, k[L_CODE].s);
}
