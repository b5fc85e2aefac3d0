/* duplicate.c — complaints.fcgi: marking a complaint as a duplicate of another
 * (the same matter complained of twice): linked both ways, the duplicate closed
 * at once, without the four stages and without a reply to the complainant. */
#include "complaints.h"

enum { D_ORIGINAL, D__N };

static const struct gw_fdef duplicate_form[] = {
    [D_ORIGINAL] = {.name = "original", .type = GW_F_TEXT, .required = 1, .maxlen = 32},
    [D__N] = {.name = NULL},
};
GW_FORM_CHECK(duplicate_form, D__N);

static const char SQL_BY_TRACKING[] =
    "SELECT id FROM complaints WHERE tracking_no = ? AND duplicate_of IS NULL";

static const char SQL_MARK[] =
    "UPDATE complaints SET duplicate_of = ?, stage = 'closed', closed_at = ?, updated_at = ?"
    " WHERE id = ? AND stage <> 'closed' AND duplicate_of IS NULL";

/* The original by its tracking number into *o when the user may see it and it
 * is no duplicate itself: 1; 0 with the field's message; -1 on error. */
static int find_original(struct gw_ctx *ctx, const struct gw_complaint *c, const char *tracking,
			 struct gw_complaint *o)
{
	long long id = 0;
	int r;

	if (gw_db_int(ctx->db, &id, SQL_BY_TRACKING, "s", tracking) < 0)
		return -1;
	if (id == c->id)
		return gw_form_error(ctx, "original", "duplicate_self"), 0;
	r = id ? load(ctx, id, o) : 0;
	if (r < 0)
		return -1;
	if (r == 0 || (o->trust && strcmp(o->trust, "ok")))
		return gw_form_error(ctx, "original", "duplicate_none"), 0;
	return 1;
}

/* Close c as a duplicate of o, with an event on each, the audit record and the
 * commit (claim() has begun the transaction). 0, or -1 rolled back. */
static int mark(struct gw_ctx *ctx, const struct gw_complaint *c, const struct gw_complaint *o)
{
	const char *now = gw_now_utc(ctx);
	long long uid = ctx->user->id;

	if (gw_db_exec(ctx->db, SQL_MARK, "issi", o->id, now, now, c->id) != 1 ||
	    gw_complaint_event(ctx->db, c->id, uid, "duplicate", 0, o->tracking_no) ||
	    gw_complaint_event(ctx->db, o->id, uid, "duplicated", 0, c->tracking_no) ||
	    gw_audit(ctx, "complaint.duplicate", "complaint", c->id, "original=%lld", o->id) ||
	    gw_db_commit(ctx->db)) {
		gw_db_rollback(ctx->db);
		return -1;
	}
	return 0;
}

/* POST /:id/duplicate — 303 to the duplicate, now closed; 200 with the message
 * at the field (no such original, itself) or for the action (changed, closed,
 * not the user's to handle); 404 outside the user's lists. */
int duplicate_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[D__N];
	struct gw_complaint c, o;
	const char *why;
	char tracking[24];
	int rc = load(ctx, gw_param_id(ctx, 0), &c), bad;

	if (rc <= 0)
		return not_loaded(rc);
	bad = GW_FORM_READ(ctx, duplicate_form, v);
	if ((why = refusal(ctx, &c)))
		return show_error(ctx, &c, why);
	/* any spelling of the number: lower case, spaces, full-width, without "TS" */
	if (!bad && gw_complaint_tracking_normalize(v[D_ORIGINAL].s, tracking))
		bad += gw_form_error(ctx, "original", "duplicate_none");
	if (!bad && (rc = find_original(ctx, &c, tracking, &o)) < 0)
		return 500;
	if (bad || rc == 0)
		return show_error(ctx, &c, NULL);
	if ((rc = claim(ctx, &c)))
		return claim_failed(ctx, &c, rc);
	if (mark(ctx, &c, &o))
		return 500;
	return gw_redirect(ctx, "complaints", path_of(ctx, c.id), "saved");
}
