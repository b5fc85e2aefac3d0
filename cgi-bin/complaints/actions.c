/* actions.c — complaints.fcgi: the actions on a complaint (classify, move to the
 * next stage, note, reply, wait, refer to market) and the release or discard
 * of a suspected public post. */
#include "complaints.h"

enum { K_SEVERITY, K_DEPARTMENT, K_OWNER, K_REASON, K__N };

static const struct gw_fdef classify_form[] = {
	{ "severity", GW_F_CHOICE, 1, 1, 0, 0, severity_choices },
	{ "department", GW_F_INT, 0, 10, 1, MAX_ID, NULL },
	{ "owner", GW_F_INT, 0, 10, 1, MAX_ID, NULL },
	{ "reason", GW_F_TEXTAREA, 0, 1000, 0, 0, NULL },
	{ NULL, 0, 0, 0, 0, 0, NULL },
};

enum { S_TO, S_DONE, S_FOLLOWUP, S_CAUSE, S_ACTION, S__N };

static const struct gw_fdef stage_form[] = {
	{ "to", GW_F_CHOICE, 1, 16, 0, 0, next_stage_choices },
	{ "done", GW_F_TEXTAREA, 0, 5000, 0, 0, NULL },
	{ "followup", GW_F_TEXTAREA, 0, 2000, 0, 0, NULL },
	{ "root_cause", GW_F_TEXTAREA, 0, 5000, 0, 0, NULL },
	{ "corrective_action", GW_F_TEXTAREA, 0, 5000, 0, 0, NULL },
	{ NULL, 0, 0, 0, 0, 0, NULL },
};

static const struct gw_fdef note_form[] = {
	{ "note", GW_F_TEXTAREA, 1, 5000, 0, 0, NULL },
	{ NULL, 0, 0, 0, 0, 0, NULL },
};

static const struct gw_fdef reply_form[] = {
	{ "reply", GW_F_TEXTAREA, 1, 5000, 0, 0, NULL },
	{ NULL, 0, 0, 0, 0, 0, NULL },
};

static const struct gw_fdef wait_form[] = {
	{ "wait_note", GW_F_TEXT, 0, 500, 0, 0, NULL },
	{ NULL, 0, 0, 0, 0, 0, NULL },
};

static const struct gw_fdef refer_form[] = {
	{ "refer", GW_F_TEXTAREA, 1, 5000, 0, 0, NULL },
	{ NULL, 0, 0, 0, 0, 0, NULL },
};

static const struct gw_fdef discard_form[] = {
	{ "discard_reason", GW_F_TEXTAREA, 1, 1000, 0, 0, NULL },
	{ NULL, 0, 0, 0, 0, 0, NULL },
};

static const char SQL_DEPT[] = "SELECT name FROM departments WHERE id = ? AND active = 1";

static const char SQL_OWNER[] =
	"SELECT name, role, COALESCE(department_id, 0) AS dept FROM users"
	" WHERE id = ? AND active = 1 AND role IN ('advisor', 'manager', 'director')";

static const char SQL_CLASSIFY[] =
	"UPDATE complaints SET severity = ?, department_id = NULLIF(?, 0), owner_id = NULLIF(?, 0),"
	" response_due = COALESCE(?, response_due), resolution_due = COALESCE(?, resolution_due),"
	" updated_at = ? WHERE id = ?";

/* left to right: warned_at is cleared (for the resolution deadline's own warning)
 * only on the move that answers the complaint */
static const char SQL_STAGE[] =
	"UPDATE complaints SET stage = ?,"
	" warned_at = IF(responded_at IS NULL AND escalation = 0, NULL, warned_at),"
	" responded_at = COALESCE(responded_at, ?),"
	" resolved_at = IF(? = 'resolved', ?, resolved_at), closed_at = IF(? = 'closed', ?, closed_at),"
	" root_cause = COALESCE(NULLIF(?, ''), root_cause),"
	" corrective_action = COALESCE(NULLIF(?, ''), corrective_action), updated_at = ?"
	" WHERE id = ? AND stage = ?";

static const char SQL_WAIT[] =
	"UPDATE complaints SET waiting_since = ?, updated_at = ? WHERE id = ? AND waiting_since IS NULL";

static const char SQL_RESUME[] =
	"UPDATE complaints SET waiting_since = NULL, response_due = ?, resolution_due = ?,"
	" updated_at = ? WHERE id = ? AND waiting_since IS NOT NULL";

static const char SQL_TOUCH[] = "UPDATE complaints SET updated_at = ? WHERE id = ?";

static const char SQL_RELEASE[] =
	"UPDATE complaints SET trust = 'ok', released_at = ?, updated_at = ?,"
	" version = version + 1"
	" WHERE id = ? AND trust = 'suspected'";

static const char SQL_DISCARD[] =
	"UPDATE complaints SET trust = 'discarded', updated_at = ?,"
	" version = version + 1 WHERE id = ? AND trust = 'suspected'";

struct classify {
	enum gw_severity sev, old;
	long long dept, owner;
	const char *dept_name, *owner_name, *reason;
};

/* ---- actions ---------------------------------------------------------------- */

/* Event, audit record and commit of an action already begun; rolls back on failure. */
static int finish(struct gw_ctx *ctx, const char *kind, int public_, const char *body,
		  const char *action, const char *detail)
{
	long long id = hdf_ll(ctx->hdf, "C.id");

	if ((kind && gw_complaint_event(ctx->db, id, ctx->user->id, kind, public_, body)) ||
	    gw_db_exec(ctx->db, SQL_TOUCH, "si", gw_now_utc(ctx), id) < 0 ||
	    gw_audit(ctx, action, "complaint", id, "%s", detail ? detail : "") ||
	    gw_db_commit(ctx->db)) {
		gw_db_rollback(ctx->db);
		return 500;
	}
	return 0;
}

/* c and d: every director is told at once; the timeline says who. */
static int alert_directors(struct gw_ctx *ctx)
{
	struct gw_buf names = { 0 };
	struct gw_mail m = staff_mail(ctx, "L.Complaints.Mail.AlertSubject",
				      hdf_get_value(ctx->hdf, "C.description", ""));
	char *text;
	int n;

	n = gw_complaint_mail_role_msg(ctx->db, "director", 0, &m, &names);
	text = gw_arena_printf(&ctx->arena, "%s: %s", word(ctx, "L.Complaints.Jobs.Notified"),
			       names.n ? names.p : word(ctx, "L.Complaints.Jobs.NoOne"));
	gw_buf_free(&names);
	if (n < 0)
		return -1;
	return gw_complaint_event(ctx->db, hdf_ll(ctx->hdf, "C.id"), ctx->user->id, "alert", 0,
				  text);
}

/* DOMAIN.md's rules: a needs the department, b–d an owner, d one at director level. */
static int classify_checks(struct gw_ctx *ctx, const struct gw_fval *v, struct classify *k)
{
	HDF *h = ctx->hdf;
	int bad = 0;

	if (k->dept && gw_db_row(ctx->db, h, "Chk.Dept", SQL_DEPT, "i", k->dept) != 1)
		bad += gw_form_error(ctx, "department", "bad_choice");
	if (k->owner && gw_db_row(ctx->db, h, "Chk.Owner", SQL_OWNER, "i", k->owner) != 1)
		bad += gw_form_error(ctx, "owner", "bad_choice");
	if (k->sev == GW_SEV_A && !k->dept && !hdf_get_value(h, "Form.department.Error", NULL))
		bad += gw_form_error(ctx, "department", "required");
	if (gw_complaint_needs_owner(k->sev) && !k->owner)
		bad += gw_form_error(ctx, "owner", "required");
	else if (gw_complaint_owner_must_be_director(k->sev) && k->owner &&
		 !hdf_get_value(h, "Form.owner.Error", NULL) &&
		 strcmp(hdf_get_value(h, "Chk.Owner.role", ""), "director"))
		bad += gw_form_error(ctx, "owner", "owner_not_director");
	if (k->old != GW_SEV_NONE && !v[K_REASON].present)
		bad += gw_form_error(ctx, "reason", "required");
	return bad;
}

/* "b 一般 · 负责部门: 记账一部 · 负责人: 李顾问 · 原因: …" for the timeline. */
static const char *classify_text(struct gw_ctx *ctx, const struct classify *k)
{
	struct gw_arena *a = &ctx->arena;
	const char *s = severity_word(ctx, gw_severity_name(k->sev));

	if (k->old != GW_SEV_NONE && k->old != k->sev)
		s = gw_arena_printf(a, "%s → %s", severity_word(ctx, gw_severity_name(k->old)), s);
	if (k->dept_name)
		s = gw_arena_printf(a, "%s · %s: %s", s, word(ctx, "L.Complaint.Department"),
				    k->dept_name);
	if (k->owner_name)
		s = gw_arena_printf(a, "%s · %s: %s", s, word(ctx, "L.Complaint.Owner"),
				    k->owner_name);
	if (k->reason && *k->reason)
		s = gw_arena_printf(a, "%s · %s: %s", s, word(ctx, "L.Complaints.Reason"), k->reason);
	return s;
}

/* Store the classification (new due times when the severity changed) in one
 * transaction with its event, the directors' alert and the audit record.
 * 0 stored, 1 changed by someone else meanwhile (nothing stored), or 500. */
static int classify_store(struct gw_ctx *ctx, const struct classify *k)
{
	HDF *h = ctx->hdf;
	int64_t resp = 0, resol = 0;
	long long id = hdf_ll(h, "C.id");
	int c;

	if (k->sev != k->old && gw_complaint_deadlines(ctx->db, gw_tz_minutes(ctx), k->sev,
						       hdf_ll(h, "C.created_ts"), &resp, &resol))
		return 500;
	if ((c = claim(ctx)))
		return c < 0 ? 500 : 1;
	hdf_set_value(h, "C.severity", gw_severity_name(k->sev)); /* for the alert's text */
	if (gw_db_exec(ctx->db, SQL_CLASSIFY, "siisssi", gw_severity_name(k->sev), k->dept,
		       k->owner, utc_text(ctx, resp), utc_text(ctx, resol), gw_now_utc(ctx),
		       id) < 0 ||
	    (gw_complaint_alerts_director(k->sev) && k->sev != k->old && alert_directors(ctx))) {
		gw_db_rollback(ctx->db);
		return 500;
	}
	return finish(ctx, k->old == GW_SEV_NONE ? "classified" : "reclassified", 0,
		      classify_text(ctx, k), "complaint.classify",
		      gw_arena_printf(&ctx->arena, "severity=%s department=%lld owner=%lld",
				      gw_severity_name(k->sev), k->dept, k->owner));
}

/* POST /:id/classify — 303 to the complaint; 200 with messages at the fields;
 * 404 outside the user's lists. */
int classify_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[K__N];
	struct classify k = { 0 };
	HDF *h = ctx->hdf;
	int rc = load(ctx, gw_param_id(ctx, 0)), bad;

	if (rc)
		return rc;
	bad = gw_form_read(ctx, classify_form, v);
	if (stale(ctx))
		return show_error(ctx, "changed");
	if (is_closed(ctx))
		return show_error(ctx, "closed");
	k.sev = gw_severity_from(v[K_SEVERITY].s);
	k.old = gw_severity_from(hdf_get_value(h, "C.severity", NULL));
	k.dept = v[K_DEPARTMENT].i;
	k.owner = v[K_OWNER].i;
	k.reason = v[K_REASON].s;
	if (bad + (k.sev ? classify_checks(ctx, v, &k) : 0))
		return show_error(ctx, NULL);
	if (!k.dept && k.owner) /* b–d without a department: the owner's */
		k.dept = hdf_ll(h, "Chk.Owner.dept");
	if (k.dept && !hdf_get_value(h, "Chk.Dept.name", NULL))
		gw_db_row(ctx->db, h, "Chk.Dept", SQL_DEPT, "i", k.dept);
	k.dept_name = hdf_get_value(h, "Chk.Dept.name", NULL);
	k.owner_name = hdf_get_value(h, "Chk.Owner.name", NULL);
	rc = classify_store(ctx, &k);
	if (rc)
		return rc == 1 ? show_changed(ctx) : rc;
	/* handed to another department: back to the list, the page is theirs now */
	hdf_set_value(h, "C.department_id", gw_arena_printf(&ctx->arena, "%lld", k.dept));
	hdf_set_value(h, "C.owner_id", gw_arena_printf(&ctx->arena, "%lld", k.owner));
	return gw_redirect(ctx, "complaints", in_scope(ctx) ? path_of(ctx, hdf_ll(h, "C.id")) : "/",
			   "saved");
}

/* What the move to the next stage needs; 0, or a reason to show the page again. */
static int stage_checks(struct gw_ctx *ctx, const struct gw_fval *v, int next, const char **msg)
{
	enum gw_severity sev = gw_severity_from(hdf_get_value(ctx->hdf, "C.severity", NULL));
	int bad = 0;

	if (next > GW_STAGE_CLOSED)
		return *msg = "closed", 1;
	if (gw_stage_from(v[S_TO].s) != next)
		return *msg = "stage_changed", 1;
	if (next == GW_STAGE_INVESTIGATING && sev == GW_SEV_NONE)
		return *msg = "classify_first", 1;
	if (next == GW_STAGE_RESOLVED && !v[S_DONE].present)
		bad += gw_form_error(ctx, "done", "required");
	if (next == GW_STAGE_FOLLOWUP && !v[S_FOLLOWUP].present)
		bad += gw_form_error(ctx, "followup", "required");
	if (next == GW_STAGE_CLOSED && gw_complaint_close_needs_cause(sev)) {
		if (!v[S_CAUSE].present)
			bad += gw_form_error(ctx, "root_cause", "required");
		if (!v[S_ACTION].present)
			bad += gw_form_error(ctx, "corrective_action", "required");
	}
	return bad;
}

/* The events that come with a stage: what was done is a reply the complainant
 * sees (and is mailed); the follow-up is an internal record. */
static int stage_events(struct gw_ctx *ctx, const struct gw_fval *v, int next)
{
	long long id = hdf_ll(ctx->hdf, "C.id"), uid = ctx->user->id;

	if (next == GW_STAGE_RESOLVED) {
		mail_complainant(ctx, "L.Complaint.Mail.ResolvedSubject", v[S_DONE].s);
		return gw_complaint_event(ctx->db, id, uid, "reply", 1, v[S_DONE].s);
	}
	/* Once the return-visit module exists, the follow-up creates a return visit
	 * (回访) that asks whether the complainant is satisfied; until then the call
	 * or visit is recorded here. */
	if (next == GW_STAGE_FOLLOWUP)
		return gw_complaint_event(ctx->db, id, uid, "followup", 0, v[S_FOLLOWUP].s);
	return 0;
}

/* POST /:id/stage — 303 to the complaint after moving it to the next stage; 200
 * with messages when something is missing; 404 outside the user's lists. */
int stage_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[S__N];
	const char *msg = NULL, *now = gw_now_utc(ctx), *to, *cur;
	int rc = load(ctx, gw_param_id(ctx, 0)), next, bad;
	long long id;

	if (rc)
		return rc;
	cur = hdf_get_value(ctx->hdf, "C.stage", "");
	next = gw_stage_from(cur) + 1;
	bad = gw_form_read(ctx, stage_form, v);
	if (stale(ctx))
		return show_error(ctx, "changed");
	if (bad + stage_checks(ctx, v, next, &msg))
		return show_error(ctx, msg);
	to = gw_stage_name((enum gw_stage)next);
	id = hdf_ll(ctx->hdf, "C.id");
	if ((rc = claim(ctx)))
		return claim_failed(ctx, rc);
	rc = (int)gw_db_exec(ctx->db, SQL_STAGE, "sssssssssis", to, now, to, now, to, now,
			     v[S_CAUSE].s, v[S_ACTION].s, now, id, cur);
	if (rc != 1 || gw_complaint_event(ctx->db, id, ctx->user->id, "stage", 0, to) ||
	    stage_events(ctx, v, next)) {
		gw_db_rollback(ctx->db);
		return rc == 0 ? show_error(ctx, "stage_changed") : 500;
	}
	rc = finish(ctx, NULL, 0, NULL, "complaint.stage", gw_arena_printf(&ctx->arena, "to=%s", to));
	return rc ? rc : gw_redirect(ctx, "complaints", path_of(ctx, id), "saved");
}

/* A note or a reply: one text field, one event. */
static int text_action(struct gw_ctx *ctx, const struct gw_fdef *form, const char *kind,
		       int public_)
{
	struct gw_fval v[1];
	int rc = load(ctx, gw_param_id(ctx, 0));

	if (rc)
		return rc;
	if (gw_form_read(ctx, form, v) + !!refusal(ctx))
		return show_error(ctx, refusal(ctx));
	if ((rc = claim(ctx)))
		return claim_failed(ctx, rc);
	if (public_)
		mail_complainant(ctx, "L.Complaint.Mail.ReplySubject", v[0].s);
	rc = finish(ctx, kind, public_, v[0].s, public_ ? "complaint.reply" : "complaint.note",
		    NULL);
	return rc ? rc
		  : gw_redirect(ctx, "complaints", path_of(ctx, hdf_ll(ctx->hdf, "C.id")), "saved");
}

/* POST /:id/note — 303; an internal note, never shown to the complainant. */
int note_submit(struct gw_ctx *ctx)
{
	return text_action(ctx, note_form, "note", 0);
}

/* POST /:id/reply — 303; a reply the complainant sees (and gets by mail). */
int reply_submit(struct gw_ctx *ctx)
{
	return text_action(ctx, reply_form, "reply", 1);
}

/* Resume the clock: both due times move by the time spent waiting. */
static int resume(struct gw_ctx *ctx, const char *note, struct gw_buf *text)
{
	HDF *h = ctx->hdf;
	int64_t resp = hdf_ll(h, "C.response_ts"), resol = hdf_ll(h, "C.resolution_ts");
	enum gw_severity sev = gw_severity_from(hdf_get_value(h, "C.severity", NULL));

	if (sev != GW_SEV_NONE && gw_complaint_resume_dues(ctx->db, gw_tz_minutes(ctx), sev,
							   hdf_ll(h, "C.waiting_ts"),
							   (int64_t)ctx->now, &resp, &resol))
		return -1;
	if (resol)
		gw_buf_printf(text, "%s: %s", word(ctx, "L.Complaint.ResolutionDue"),
			      local_text(ctx, resol));
	if (*note)
		gw_buf_printf(text, "%s%s", text->n ? " · " : "", note);
	return gw_db_exec(ctx->db, SQL_RESUME, "sssi", utc_text(ctx, resp), utc_text(ctx, resol),
			  gw_now_utc(ctx), hdf_ll(h, "C.id")) == 1
		       ? 0
		       : -1;
}

/* Stop the clock. */
static int start_waiting(struct gw_ctx *ctx, const char *note, struct gw_buf *text)
{
	gw_buf_puts(text, note);
	return gw_db_exec(ctx->db, SQL_WAIT, "ssi", gw_now_utc(ctx), gw_now_utc(ctx),
			  hdf_ll(ctx->hdf, "C.id")) == 1
		       ? 0
		       : -1;
}

/* POST /:id/wait — 303; waiting on the complainant stops the clock, the second
 * press starts it again. */
int wait_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[1];
	struct gw_buf text = { 0 };
	int rc = load(ctx, gw_param_id(ctx, 0)), waiting;

	if (rc)
		return rc;
	if (gw_form_read(ctx, wait_form, v) + !!refusal(ctx))
		return show_error(ctx, refusal(ctx));
	waiting = hdf_get_value(ctx->hdf, "C.waiting_since", NULL) != NULL;
	if ((rc = claim(ctx)))
		return claim_failed(ctx, rc);
	if ((waiting ? resume : start_waiting)(ctx, v[0].s, &text)) {
		gw_db_rollback(ctx->db);
		rc = 500;
	} else {
		rc = finish(ctx, waiting ? "resumed" : "waiting", 0, text.n ? text.p : "",
			    "complaint.wait", waiting ? "resumed" : "waiting");
	}
	gw_buf_free(&text);
	return rc ? rc
		  : gw_redirect(ctx, "complaints", path_of(ctx, hdf_ll(ctx->hdf, "C.id")), "saved");
}

/* POST /:id/refer — 303; a problem found in the client's affairs goes to market,
 * who answer the client (never the advisor): an internal event and a mail to
 * every market staff member. */
int refer_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[1];
	struct gw_buf names = { 0 };
	struct gw_mail m;
	const char *body;
	int rc = load(ctx, gw_param_id(ctx, 0)), n;

	if (rc)
		return rc;
	if (gw_form_read(ctx, refer_form, v) + !!refusal(ctx))
		return show_error(ctx, refusal(ctx));
	m = staff_mail(ctx, "L.Complaints.Mail.ReferSubject", v[0].s);
	if ((rc = claim(ctx)))
		return claim_failed(ctx, rc);
	n = gw_complaint_mail_role_msg(ctx->db, "market", 0, &m, &names);
	body = gw_arena_printf(&ctx->arena, "%s\n\n%s: %s", v[0].s,
			       word(ctx, "L.Complaints.Jobs.Notified"),
			       names.n ? names.p : word(ctx, "L.Complaints.Jobs.NoOne"));
	gw_buf_free(&names);
	if (n < 0) {
		gw_db_rollback(ctx->db);
		return 500;
	}
	rc = finish(ctx, "referred", 0, body, "complaint.refer",
		    gw_arena_printf(&ctx->arena, "mails=%d", n));
	return rc ? rc
		  : gw_redirect(ctx, "complaints", path_of(ctx, hdf_ll(ctx->hdf, "C.id")),
				"referred");
}

/* ---- suspected public posts (待核实) ---------------------------------------------- */

/* Release or discard a suspected post: one UPDATE guarded by its trust, the
 * event (with the reason), the audit record; 303 to it, or the page again with
 * "already decided" when someone else was first. */
static int decide_suspected(struct gw_ctx *ctx, int release, const char *reason)
{
	const char *now = gw_now_utc(ctx);
	long long id = hdf_ll(ctx->hdf, "C.id");
	long long n;
	int rc;

	if (gw_db_begin(ctx->db))
		return 500;
	n = release ? gw_db_exec(ctx->db, SQL_RELEASE, "ssi", now, now, id)
		    : gw_db_exec(ctx->db, SQL_DISCARD, "si", now, id);
	if (n != 1) {
		gw_db_rollback(ctx->db);
		return n == 0 ? show_error(ctx, "decided") : 500;
	}
	rc = finish(ctx, release ? "released" : "discarded", 0, reason,
		    release ? "complaint.release" : "complaint.discard",
		    gw_arena_printf(&ctx->arena, "suspected=%s",
				    hdf_get_value(ctx->hdf, "C.suspect_reason", "")));
	return rc ? rc
		  : gw_redirect(ctx, "complaints", release ? path_of(ctx, id) : "/?tab=suspected",
				"saved");
}

/* POST /:id/release — 303; a suspected post joins the normal flow, its clock
 * starting now. */
int release_submit(struct gw_ctx *ctx)
{
	int rc = load(ctx, gw_param_id(ctx, 0));

	return rc ? rc : decide_suspected(ctx, 1, NULL);
}

/* POST /:id/discard — 303 to the suspected list; the reason is required and
 * kept in the timeline. */
int discard_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[1];
	int rc = load(ctx, gw_param_id(ctx, 0));

	if (rc)
		return rc;
	if (gw_form_read(ctx, discard_form, v))
		return show_error(ctx, NULL);
	return decide_suspected(ctx, 0, v[0].s);
}
