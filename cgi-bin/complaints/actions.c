/* actions.c — complaints.fcgi: the actions on a complaint (classify, move to the
 * next stage, note, reply, wait, refer to market) and the release or discard
 * of a suspected public post. */
#include "guwen/complaint_events.h"
#include "guwen/visit_followup.h"
#include "complaints.h"

enum { K_SEVERITY, K_DEPARTMENT, K_OWNER, K_REASON, K__N };

static const struct gw_fdef classify_form[] = {
    [K_SEVERITY] = {.name = "severity",
		    .type = GW_F_CHOICE,
		    .required = 1,
		    .maxlen = 1,
		    .choices = severity_choices},
    [K_DEPARTMENT] =
	{.name = "department", .type = GW_F_INT, .maxlen = 10, .min = 1, .max = MAX_ID},
    [K_OWNER] = {.name = "owner", .type = GW_F_INT, .maxlen = 10, .min = 1, .max = MAX_ID},
    [K_REASON] = {.name = "reason", .type = GW_F_TEXTAREA, .maxlen = 1000},
    [K__N] = {.name = NULL},
};
GW_FORM_CHECK(classify_form, K__N);

enum { S_TO, S_DONE, S_FOLLOWUP, S_CAUSE, S_ACTION, S__N };

static const struct gw_fdef stage_form[] = {
    [S_TO] = {.name = "to",
	      .type = GW_F_CHOICE,
	      .required = 1,
	      .maxlen = 16,
	      .choices = next_stage_choices},
    [S_DONE] = {.name = "done", .type = GW_F_TEXTAREA, .maxlen = 5000},
    [S_FOLLOWUP] = {.name = "followup", .type = GW_F_TEXTAREA, .maxlen = 2000},
    [S_CAUSE] = {.name = "root_cause", .type = GW_F_TEXTAREA, .maxlen = 5000},
    [S_ACTION] = {.name = "corrective_action", .type = GW_F_TEXTAREA, .maxlen = 5000},
    [S__N] = {.name = NULL},
};
GW_FORM_CHECK(stage_form, S__N);

/* the one-field forms: the text at T_TEXT */
enum { T_TEXT, T__N };

static const struct gw_fdef note_form[] = {
    [T_TEXT] = {.name = "note", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 5000},
    [T__N] = {.name = NULL},
};
GW_FORM_CHECK(note_form, T__N);

static const struct gw_fdef reply_form[] = {
    [T_TEXT] = {.name = "reply", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 5000},
    [T__N] = {.name = NULL},
};
GW_FORM_CHECK(reply_form, T__N);

static const struct gw_fdef contact_form[] = {
    [T_TEXT] = {.name = "contact", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 5000},
    [T__N] = {.name = NULL},
};
GW_FORM_CHECK(contact_form, T__N);

static const struct gw_fdef wait_form[] = {
    [T_TEXT] = {.name = "wait_note", .type = GW_F_TEXT, .maxlen = 500},
    [T__N] = {.name = NULL},
};
GW_FORM_CHECK(wait_form, T__N);

static const struct gw_fdef refer_form[] = {
    [T_TEXT] = {.name = "refer", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 5000},
    [T__N] = {.name = NULL},
};
GW_FORM_CHECK(refer_form, T__N);

static const struct gw_fdef answer_form[] = {
    [T_TEXT] = {.name = "answer", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 5000},
    [T__N] = {.name = NULL},
};
GW_FORM_CHECK(answer_form, T__N);

static const struct gw_fdef discard_form[] = {
    [T_TEXT] = {.name = "discard_reason", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 1000},
    [T__N] = {.name = NULL},
};
GW_FORM_CHECK(discard_form, T__N);

static const char SQL_DEPT[] = "SELECT name FROM departments WHERE id = ? AND active = 1";

static const char SQL_OWNER[] =
    "SELECT name, role, COALESCE(department_id, 0) AS dept FROM users"
    " WHERE id = ? AND active = 1 AND role IN ('advisor', 'manager', 'director')";

static const char SQL_CLASSIFY[] =
    "UPDATE complaints SET severity = ?, department_id = NULLIF(?, 0), owner_id = NULLIF(?, 0),"
    " response_due = COALESCE(?, response_due), resolution_due = COALESCE(?, resolution_due),"
    " updated_at = ? WHERE id = ?";

/* the response deadline is met by the first reply or recorded contact with the
 * complainant (not by a stage); the resolution deadline has its own warning */
static const char SQL_RESPONDED[] =
    "UPDATE complaints SET responded_at = COALESCE(responded_at, ?) WHERE id = ?";

static const char SQL_STAGE[] =
    "UPDATE complaints SET stage = ?,"
    " resolved_at = IF(? = 'resolved', ?, resolved_at), closed_at = IF(? = 'closed', ?, closed_at),"
    " root_cause = COALESCE(NULLIF(?, ''), root_cause),"
    " corrective_action = COALESCE(NULLIF(?, ''), corrective_action), updated_at = ?"
    " WHERE id = ? AND stage = ?";

static const char SQL_REFER[] =
    "INSERT INTO complaint_referrals (complaint_id, referred_by, created_at) VALUES (?, ?, ?)";

static const char SQL_ANSWER[] = "UPDATE complaint_referrals SET answered_by = ?, answered_at = ?"
				 " WHERE complaint_id = ? AND answered_at IS NULL";

static const char SQL_TOUCH[] = "UPDATE complaints SET updated_at = ? WHERE id = ?";

static const char SQL_RELEASE[] =
    "UPDATE complaints SET trust = 'ok', released_at = ?, updated_at = ?,"
    " version = version + 1"
    " WHERE id = ? AND trust = 'suspected'";

static const char SQL_DISCARD[] = "UPDATE complaints SET trust = 'discarded', updated_at = ?,"
				  " version = version + 1 WHERE id = ? AND trust = 'suspected'";

struct classify {
	enum gw_severity sev, old;
	long long dept, owner, owner_dept;
	const char *dept_name, *owner_name, *owner_role, *reason;
	struct gw_arena *a;
};

/* SQL_DEPT's row: the department's name. */
static int dept_row(void *p, int n, char **v, const size_t *lens, const char *const *names)
{
	struct classify *k = p;

	(void)lens, (void)names;
	k->dept_name = n > 0 && v[0] ? gw_arena_strdup(k->a, v[0]) : NULL;
	return 1;
}

/* SQL_OWNER's row: the owner's name, role and department. */
static int owner_of_row(void *p, int n, char **v, const size_t *lens, const char *const *names)
{
	struct classify *k = p;

	(void)lens, (void)names;
	if (n < 3 || !v[0] || !v[1])
		return 1;
	k->owner_name = gw_arena_strdup(k->a, v[0]);
	k->owner_role = gw_arena_strdup(k->a, v[1]);
	k->owner_dept = v[2] ? strtoll(v[2], NULL, 10) : 0;
	return 1;
}

/* ---- actions ---------------------------------------------------------------- */

/* Event, audit record and commit of an action already begun; rolls back on
 * failure. 0 or -1. */
static int finish_coded(struct gw_ctx *ctx, const struct gw_complaint *c, const char *kind,
			int public_, const char *params, const char *body, const char *action,
			const char *detail)
{
	long long id = c->id;

	if ((kind && gw_complaint_event_coded(ctx->db, id, ctx->user->id, kind, public_,
					      params ? kind : NULL, params, body)) ||
	    gw_db_exec(ctx->db, SQL_TOUCH, "si", gw_now_utc(ctx), id) < 0 ||
	    gw_audit(ctx, action, "complaint", id, "%s", detail ? detail : "") ||
	    gw_db_commit(ctx->db)) {
		gw_db_rollback(ctx->db);
		return -1;
	}
	return 0;
}

/* The complainant was answered or contacted: the response deadline is met. */
static int responded(struct gw_ctx *ctx, const struct gw_complaint *c)
{
	return gw_db_exec(ctx->db, SQL_RESPONDED, "si", gw_now_utc(ctx), c->id) < 0 ? -1 : 0;
}

/* The same with the event's words as the person's own (no code). */
static int finish(struct gw_ctx *ctx, const struct gw_complaint *c, const char *kind, int public_,
		  const char *body, const char *action, const char *detail)
{
	return finish_coded(ctx, c, kind, public_, NULL, body, action, detail);
}

/* c and d: every director is told at once; the timeline says who. */
static int alert_directors(struct gw_ctx *ctx, const struct gw_complaint *c)
{
	struct gw_buf names = {0}, params = {0};
	/* d says 严重 (severe), c 重大 (major): the severities' own words */
	struct gw_mail m = staff_mail(ctx, c,
				      c->severity && !strcmp(c->severity, "d")
					  ? "L.Complaints.Mail.AlertSubjectSevere"
					  : "L.Complaints.Mail.AlertSubject",
				      c->description ? c->description : "");
	int n;

	n = gw_complaint_mail_role_msg(ctx->db, "director", 0, &m, &names);
	gw_event_param(&params, "names", names.n ? names.p : "");
	gw_buf_free(&names);
	if (n >= 0)
		n = gw_complaint_event_coded(ctx->db, c->id, ctx->user->id, "alert", 0, "alert",
					     params.p, NULL);
	gw_buf_free(&params);
	return n < 0 ? -1 : 0;
}

/* DOMAIN.md's rules: a needs the department, b–d an owner, d one at director level. */
static int classify_checks(struct gw_ctx *ctx, const struct gw_fval *v, struct classify *k)
{
	int bad = 0;

	if (k->dept && gw_db_each(ctx->db, dept_row, k, SQL_DEPT, "i", k->dept) != 1)
		bad += gw_form_error(ctx, "department", "bad_choice");
	if (k->owner && gw_db_each(ctx->db, owner_of_row, k, SQL_OWNER, "i", k->owner) != 1)
		bad += gw_form_error(ctx, "owner", "bad_choice");
	if (k->sev == GW_SEV_A && !k->dept && !gw_form_failed(ctx, "department"))
		bad += gw_form_error(ctx, "department", "required");
	if (gw_complaint_needs_owner(k->sev) && !k->owner)
		bad += gw_form_error(ctx, "owner", "required");
	else if (gw_complaint_owner_must_be_director(k->sev) && k->owner &&
		 !gw_form_failed(ctx, "owner") &&
		 strcmp(k->owner_role ? k->owner_role : "", "director"))
		bad += gw_form_error(ctx, "owner", "owner_not_director");
	if (k->old != GW_SEV_NONE && !v[K_REASON].present)
		bad += gw_form_error(ctx, "reason", "required");
	return bad;
}

/* "b 一般 · 负责部门: 记账一部 · 负责人: 李顾问 · 原因: …" for the timeline. */
/* The classification's parameters (L.Timeline.classified / reclassified), in the arena. */
static const char *classify_params(struct gw_ctx *ctx, const struct classify *k)
{
	struct gw_buf b = {0};
	const char *s;

	gw_event_param(&b, "severity", gw_severity_name(k->sev));
	if (k->old != GW_SEV_NONE && k->old != k->sev)
		gw_event_param(&b, "from", gw_severity_name(k->old));
	gw_event_param(&b, "dept", k->dept_name);
	gw_event_param(&b, "owner", k->owner_name);
	s = gw_arena_strdup(&ctx->arena, b.p);
	gw_buf_free(&b);
	return s;
}

/* Store the classification (new due times when the severity changed) in one
 * transaction with its event, the directors' alert and the audit record.
 * 0 stored, 1 changed by someone else meanwhile (nothing stored), or -1. */
static int classify_store(struct gw_ctx *ctx, const struct gw_complaint *c,
			  const struct classify *k)
{
	struct gw_complaint now = *c;
	int64_t resp = 0, resol = 0;
	int r;

	if (k->sev != k->old && gw_complaint_deadlines(ctx->db, gw_tz_minutes(ctx), k->sev,
						       c->created_ts, &resp, &resol))
		return -1;
	if ((r = claim(ctx, c)))
		return r;
	now.severity = gw_severity_name(k->sev); /* for the alert's text */
	if (gw_db_exec(ctx->db, SQL_CLASSIFY, "siisssi", gw_severity_name(k->sev), k->dept,
		       k->owner, utc_text(ctx, resp), utc_text(ctx, resol), gw_now_utc(ctx),
		       c->id) < 0 ||
	    (gw_complaint_alerts_director(k->sev) && k->sev != k->old &&
	     alert_directors(ctx, &now))) {
		gw_db_rollback(ctx->db);
		return -1;
	}
	return finish_coded(ctx, c, k->old == GW_SEV_NONE ? "classified" : "reclassified", 0,
			    classify_params(ctx, k), k->reason, "complaint.classify",
			    gw_arena_printf(&ctx->arena, "severity=%s department=%lld owner=%lld",
					    gw_severity_name(k->sev), k->dept, k->owner));
}

/* POST /:id/classify — 303 to the complaint; 200 with messages at the fields;
 * 404 outside the user's lists. */
int classify_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[K__N];
	struct classify k = {.a = &ctx->arena};
	struct gw_complaint c;
	int rc = load(ctx, gw_param_id(ctx, 0), &c), bad;

	if (rc <= 0)
		return not_loaded(rc);
	bad = GW_FORM_READ(ctx, classify_form, v);
	if (stale(ctx, &c))
		return show_error(ctx, &c, "changed");
	if (is_closed(&c))
		return show_error(ctx, &c, "closed");
	if (!works_on(ctx, &c))
		return show_error(ctx, &c, "read_only");
	if (v[K_OWNER].i && v[K_OWNER].i == c.advisor_id) /* 涉及的顾问 never handles it */
		bad += gw_form_error(ctx, "owner", "owner_is_advisor");
	k.sev = gw_severity_from(v[K_SEVERITY].s);
	k.old = c.sev;
	k.dept = v[K_DEPARTMENT].i;
	k.owner = v[K_OWNER].i;
	k.reason = v[K_REASON].s;
	if (bad + (k.sev ? classify_checks(ctx, v, &k) : 0))
		return show_error(ctx, &c, NULL);
	if (!k.dept && k.owner) /* b–d without a department: the owner's */
		k.dept = k.owner_dept;
	if (k.dept && !k.dept_name && gw_db_each(ctx->db, dept_row, &k, SQL_DEPT, "i", k.dept) < 0)
		return 500;
	rc = classify_store(ctx, &c, &k);
	if (rc)
		return rc == 1 ? show_changed(ctx, &c) : 500;
	/* handed to another department: back to the list, the page is theirs now */
	c.department_id = k.dept;
	c.owner_id = k.owner;
	return gw_redirect(ctx, "complaints", in_scope(ctx, &c) ? path_of(ctx, c.id) : "/",
			   "saved");
}

/* What the move to the next stage needs; 0, or a reason to show the page again. */
static int stage_checks(struct gw_ctx *ctx, const struct gw_complaint *c, const struct gw_fval *v,
			int next, const char **msg)
{
	enum gw_severity sev = c->sev;
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
static int stage_events(struct gw_ctx *ctx, const struct gw_complaint *c, const struct gw_fval *v,
			int next)
{
	long long id = c->id, uid = ctx->user->id;
	uint32_t visit;

	if (next == GW_STAGE_RESOLVED) {
		mail_complainant(ctx, c, "L.Complaint.Mail.ResolvedSubject", v[S_DONE].s);
		return responded(ctx, c)
			   ? -1
			   : gw_complaint_event(ctx->db, id, uid, "reply", 1, v[S_DONE].s);
	}
	/* the follow-up is a return visit (回访) that asks the complainant whether
	 * they are satisfied; its end closes the follow-up. A complaint naming no
	 * client record has no client to visit: the page says so. */
	if (next == GW_STAGE_FOLLOWUP)
		return gw_complaint_event(ctx->db, id, uid, "followup", 0, v[S_FOLLOWUP].s) ||
			       gw_visit_followup_create(ctx->db, id, c->client_id, c->department_id,
							c->owner_id, c->name, (uint32_t)uid,
							(int64_t)ctx->now, &visit) < 0
			   ? -1
			   : 0;
	return 0;
}

/* POST /:id/stage — 303 to the complaint after moving it to the next stage; 200
 * with messages when something is missing; 404 outside the user's lists. */
int stage_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[S__N];
	struct gw_complaint c;
	const char *msg = NULL, *now = gw_now_utc(ctx), *to;
	int rc = load(ctx, gw_param_id(ctx, 0), &c), next, bad;

	if (rc <= 0)
		return not_loaded(rc);
	next = c.stage_no + 1;
	bad = GW_FORM_READ(ctx, stage_form, v);
	if ((msg = refusal(ctx, &c)))
		return show_error(ctx, &c, msg);
	if (bad + stage_checks(ctx, &c, v, next, &msg))
		return show_error(ctx, &c, msg);
	to = gw_stage_name((enum gw_stage)next);
	if ((rc = claim(ctx, &c)))
		return claim_failed(ctx, &c, rc);
	rc = (int)gw_db_exec(ctx->db, SQL_STAGE, "ssssssssis", to, to, now, to, now, v[S_CAUSE].s,
			     v[S_ACTION].s, now, c.id, c.stage ? c.stage : "");
	if (rc != 1 || gw_complaint_event(ctx->db, c.id, ctx->user->id, "stage", 0, to) ||
	    stage_events(ctx, &c, v, next)) {
		gw_db_rollback(ctx->db);
		return rc == 0 ? show_error(ctx, &c, "stage_changed") : 500;
	}
	if (finish(ctx, &c, NULL, 0, NULL, "complaint.stage",
		   gw_arena_printf(&ctx->arena, "to=%s", to)))
		return 500;
	return gw_redirect(ctx, "complaints", path_of(ctx, c.id), "saved");
}

/* A note or a reply: one text field, one event. */
static int text_action(struct gw_ctx *ctx, const struct gw_fdef *form, const char *kind,
		       int public_)
{
	struct gw_fval v[T__N];
	struct gw_complaint c;
	int rc = load(ctx, gw_param_id(ctx, 0), &c);

	if (rc <= 0)
		return not_loaded(rc);
	if (gw_form_read(ctx, form, v) + !!refusal(ctx, &c))
		return show_error(ctx, &c, refusal(ctx, &c));
	if ((rc = claim(ctx, &c)))
		return claim_failed(ctx, &c, rc);
	if (public_)
		mail_complainant(ctx, &c, "L.Complaint.Mail.ReplySubject", v[T_TEXT].s);
	if ((public_ || !strcmp(kind, "contact")) && responded(ctx, &c)) {
		gw_db_rollback(ctx->db);
		return 500;
	}
	if (finish(ctx, &c, kind, public_, v[T_TEXT].s,
		   gw_arena_printf(&ctx->arena, "complaint.%s", kind), NULL))
		return 500;
	return gw_redirect(ctx, "complaints", path_of(ctx, c.id), "saved");
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

/* POST /:id/contact — 303; a contact with the complainant outside the system
 * (a phone call, a visit) recorded: like a reply, it meets the response deadline. */
int contact_submit(struct gw_ctx *ctx)
{
	return text_action(ctx, contact_form, "contact", 0);
}

/* POST /:id/wait — 303; waiting on the complainant stops the clock (the
 * question is public: on their status page, and mailed), the second press
 * starts it again. */
int wait_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[T__N];
	struct gw_buf text = {0};
	struct gw_complaint c;
	int rc = load(ctx, gw_param_id(ctx, 0), &c), waiting;

	if (rc <= 0)
		return not_loaded(rc);
	if (GW_FORM_READ(ctx, wait_form, v) + !!refusal(ctx, &c))
		return show_error(ctx, &c, refusal(ctx, &c));
	waiting = c.waiting_since != NULL;
	if ((rc = claim(ctx, &c)))
		return claim_failed(ctx, &c, rc);
	if ((waiting ? gw_complaint_wait_end : gw_complaint_wait_start)(ctx, &c, v[T_TEXT].s,
									&text)) {
		gw_db_rollback(ctx->db);
		rc = -1;
	} else {
		if (!waiting && *v[T_TEXT].s)
			mail_complainant(ctx, &c, "L.Complaint.Mail.QuestionSubject", v[T_TEXT].s);
		rc =
		    finish(ctx, &c, waiting ? "resumed" : "waiting", !waiting, text.n ? text.p : "",
			   "complaint.wait", waiting ? "resumed" : "waiting");
	}
	gw_buf_free(&text);
	return rc ? 500 : gw_redirect(ctx, "complaints", path_of(ctx, c.id), "saved");
}

/* POST /:id/refer — 303; a problem found in the client's affairs goes to market,
 * who answer the client (never the advisor): an internal event and a mail to
 * every market staff member. */
int refer_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[T__N];
	struct gw_buf names = {0}, params = {0};
	struct gw_complaint c;
	struct gw_mail m;
	int rc = load(ctx, gw_param_id(ctx, 0), &c), n;

	if (rc <= 0)
		return not_loaded(rc);
	if (GW_FORM_READ(ctx, refer_form, v) + !!refusal(ctx, &c))
		return show_error(ctx, &c, refusal(ctx, &c));
	m = staff_mail(ctx, &c, "L.Complaints.Mail.ReferSubject", v[T_TEXT].s);
	if ((rc = claim(ctx, &c)))
		return claim_failed(ctx, &c, rc);
	n = gw_complaint_mail_role_msg(ctx->db, "market", 0, &m, &names);
	gw_event_param(&params, "names", names.n ? names.p : "");
	gw_buf_free(&names);
	if (n < 0 ||
	    gw_db_exec(ctx->db, SQL_REFER, "iis", c.id, ctx->user->id, gw_now_utc(ctx)) != 1) {
		gw_buf_free(&params);
		gw_db_rollback(ctx->db);
		return 500;
	}
	rc = finish_coded(ctx, &c, "referred", 0, params.p, v[T_TEXT].s, "complaint.refer",
			  gw_arena_printf(&ctx->arena, "mails=%d", n));
	gw_buf_free(&params);
	if (rc)
		return 500;
	return gw_redirect(ctx, "complaints", path_of(ctx, c.id), "referred");
}

/* Why market cannot answer the referral now (a message key), or NULL. */
static const char *answer_refusal(struct gw_ctx *ctx, const struct gw_complaint *c)
{
	int open;

	if (ctx->user->role != GW_ROLE_MARKET)
		return "market_only";
	if (stale(ctx, c))
		return "changed";
	if (is_closed(c))
		return "closed";
	open = referred(ctx, c, 1);
	return open < 0 ? "error" : open ? NULL : "not_referred";
}

/* POST /:id/answer — 303; market's answer to the client on a referral (转交市场):
 * a reply the complainant sees (and gets by mail); the referral is done. */
int answer_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[T__N];
	struct gw_complaint c;
	const char *why;
	int rc = load(ctx, gw_param_id(ctx, 0), &c);

	if (rc <= 0)
		return not_loaded(rc);
	why = answer_refusal(ctx, &c);
	if (why && !strcmp(why, "error"))
		return 500;
	if (gw_form_read(ctx, answer_form, v) + !!why)
		return show_error(ctx, &c, why);
	if ((rc = claim(ctx, &c)))
		return claim_failed(ctx, &c, rc);
	mail_complainant(ctx, &c, "L.Complaint.Mail.ReplySubject", v[T_TEXT].s);
	if (gw_db_exec(ctx->db, SQL_ANSWER, "isi", ctx->user->id, gw_now_utc(ctx), c.id) < 1 ||
	    responded(ctx, &c)) {
		gw_db_rollback(ctx->db);
		return 500;
	}
	if (finish(ctx, &c, "reply", 1, v[T_TEXT].s, "complaint.answer", "referral=answered"))
		return 500;
	return gw_redirect(ctx, "complaints", path_of(ctx, c.id), "saved");
}

/* ---- suspected public posts (待核实) ---------------------------------------------- */

/* Release or discard a suspected post: one UPDATE guarded by its trust, the
 * event (with the reason), the audit record; 303 to it, or the page again with
 * "already decided" when someone else was first. */
static int decide_suspected(struct gw_ctx *ctx, const struct gw_complaint *c, int release,
			    const char *reason)
{
	const char *now = gw_now_utc(ctx);
	long long id = c->id, n;

	if (gw_db_begin(ctx->db))
		return 500;
	n = release ? gw_db_exec(ctx->db, SQL_RELEASE, "ssi", now, now, id)
		    : gw_db_exec(ctx->db, SQL_DISCARD, "si", now, id);
	if (n != 1) {
		gw_db_rollback(ctx->db);
		return n == 0 ? show_error(ctx, c, "decided") : 500;
	}
	if (finish(ctx, c, release ? "released" : "discarded", 0, reason,
		   release ? "complaint.release" : "complaint.discard",
		   gw_arena_printf(&ctx->arena, "suspected=%s",
				   c->suspect_reason ? c->suspect_reason : "")))
		return 500;
	return gw_redirect(ctx, "complaints", release ? path_of(ctx, id) : "/?tab=suspected",
			   "saved");
}

/* POST /:id/release — 303; a suspected post joins the normal flow, its clock
 * starting now. */
int release_submit(struct gw_ctx *ctx)
{
	struct gw_complaint c;
	int rc = load(ctx, gw_param_id(ctx, 0), &c);

	return rc <= 0 ? not_loaded(rc) : decide_suspected(ctx, &c, 1, NULL);
}

/* POST /:id/discard — 303 to the suspected list; the reason is required and
 * kept in the timeline. */
int discard_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[T__N];
	struct gw_complaint c;
	int rc = load(ctx, gw_param_id(ctx, 0), &c);

	if (rc <= 0)
		return not_loaded(rc);
	if (GW_FORM_READ(ctx, discard_form, v))
		return show_error(ctx, &c, NULL);
	return decide_suspected(ctx, &c, 0, v[T_TEXT].s);
}
