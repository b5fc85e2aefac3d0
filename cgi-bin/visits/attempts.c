/* attempts.c — visits.fcgi: before and at the visit: the on-site agreement
 * (time, topics, with whom in the business staff), appointment attempts (the
 * third failed one closes the visit as 默认回访完毕 with a required note), the
 * visit recorded (its report due the next working day), a planned visit
 * cancelled with a note. Each claims the visit's version first. */
#include "visits.h"

/* Three failed attempts (三次预约未果) close the visit by default. */
#define MAX_FAILED 3

static const char SQL_AGREE[] =
    "UPDATE visits SET agreed_at = ?, agreed_topics = ?, agreed_with = ? WHERE id = ?"
    " AND status = 'planned'";
static const char SQL_ATTEMPT[] =
    "INSERT INTO visit_attempts (visit_id, tried_at, method, outcome, note, user_id, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char SQL_FAILED[] =
    "UPDATE visits SET failed_attempts = failed_attempts + 1 WHERE id = ? AND status = 'planned'";
static const char SQL_DEFAULT_DONE[] =
    "UPDATE visits SET status = 'default_done', close_note = ? WHERE id = ?"
    " AND status = 'planned'";
static const char SQL_VISITED[] =
    "UPDATE visits SET status = 'visited', visited_on = ?, report_due = ? WHERE id = ?"
    " AND status = 'planned'";
static const char SQL_CANCEL[] =
    "UPDATE visits SET status = 'cancelled', close_note = ? WHERE id = ? AND status = 'planned'";
static const char SQL_USER[] =
    "SELECT COUNT(*) FROM users WHERE id = ? AND active = 1 AND role <> 'admin'";

static const char *const outcomes[] = {"agreed",       "no_answer", "declined",
				       "wrong_number", "later",	    NULL};

enum { A_AT, A_TOPICS, A_WITH, A__N };
static const struct gw_fdef agree_form[] = {
    [A_AT] = {.name = "agreed_at", .type = GW_F_TEXT, .required = 1, .maxlen = 19},
    [A_TOPICS] = {.name = "agreed_topics", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 2000},
    [A_WITH] = {.name = "agreed_with",
		.type = GW_F_INT,
		.required = 1,
		.maxlen = 10,
		.min = 1,
		.max = MAX_ID},
    [A__N] = {.name = NULL},
};
GW_FORM_CHECK(agree_form, A__N);

enum { T_AT, T_HOW, T_OUTCOME, T_NOTE, T__N };
static const struct gw_fdef attempt_form[] = {
    [T_AT] = {.name = "tried_at", .type = GW_F_TEXT, .maxlen = 19},
    [T_HOW] = {.name = "how",
	       .type = GW_F_CHOICE,
	       .required = 1,
	       .maxlen = 16,
	       .choices = method_choices},
    [T_OUTCOME] =
	{.name = "outcome", .type = GW_F_CHOICE, .required = 1, .maxlen = 16, .choices = outcomes},
    [T_NOTE] = {.name = "note", .type = GW_F_TEXTAREA, .maxlen = 1000},
    [T__N] = {.name = NULL},
};
GW_FORM_CHECK(attempt_form, T__N);

enum { V_ON, V__N };
static const struct gw_fdef visited_form[] = {
    [V_ON] = {.name = "visited_on", .type = GW_F_DATE, .required = 1, .maxlen = 10},
    [V__N] = {.name = NULL},
};
GW_FORM_CHECK(visited_form, V__N);

enum { C_NOTE, C__N };
static const struct gw_fdef cancel_form[] = {
    [C_NOTE] = {.name = "cancel_note", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 1000},
    [C__N] = {.name = NULL},
};
GW_FORM_CHECK(cancel_form, C__N);

/* A local "YYYY-MM-DD HH:MM" (or the T of datetime-local, seconds optional)
 * as UTC text in the arena; NULL when it is not a time. */
static const char *local_to_utc(struct gw_ctx *ctx, const char *s)
{
	char buf[20], out[20];
	int64_t t;

	if (strlen(s) < 16 || (s[10] != ' ' && s[10] != 'T'))
		return NULL;
	snprintf(buf, sizeof buf, "%.10s %.5s:%s", s, s + 11, strlen(s) >= 19 ? s + 17 : "00");
	if (gw_time_parse(buf, &t))
		return NULL;
	gw_time_format(t - 60LL * gw_tz_minutes(ctx), out);
	return gw_arena_strdup(&ctx->arena, out);
}

/* The visit of the route when the user may (may) act on it in status planned: 1;
 * otherwise the handler's answer in *answer (404, 403, or the page with
 * "not_planned"). */
static int planned_visit(struct gw_ctx *ctx, struct gw_visit *v,
			 int (*may)(struct gw_ctx *, const struct gw_visit *), int *answer)
{
	int r = load(ctx, v);

	if (r <= 0) {
		*answer = not_loaded(r);
		return 0;
	}
	if (!may(ctx, v)) {
		*answer = 403;
		return 0;
	}
	if (!is(v->status, "planned")) {
		*answer = refused(ctx, v, "not_planned");
		return 0;
	}
	return 1;
}

static int user_ok(struct gw_ctx *ctx, long long id)
{
	long long n = 0;

	return gw_db_int(ctx->db, &n, SQL_USER, "i", id) == 1 && n == 1;
}

/* POST /:id/agree — 303 with the on-site visit's agreed time, topics and
 * person; 200 the page with messages at the fields. */
int agree_submit(struct gw_ctx *ctx)
{
	struct gw_visit v;
	struct gw_fval f[A__N];
	const char *at = NULL;
	int r, bad;

	if (!planned_visit(ctx, &v, may_work, &r))
		return r;
	if (!is(v.method, "onsite"))
		return 403;
	bad = GW_FORM_READ(ctx, agree_form, f);
	if (f[A_AT].present && !(at = local_to_utc(ctx, f[A_AT].s)))
		bad += gw_form_error(ctx, "agreed_at", "visit_bad_time");
	if (f[A_WITH].present && !user_ok(ctx, f[A_WITH].i))
		bad += gw_form_error(ctx, "agreed_with", "bad_choice");
	if (bad)
		return show_page(ctx, &v, NULL);
	if (!claimed(ctx, &v, &r))
		return r;
	r = gw_db_exec(ctx->db, SQL_AGREE, "ssii", at, f[A_TOPICS].s, f[A_WITH].i, v.id) != 1 ||
	    event(ctx, &v, "agreed", f[A_TOPICS].s);
	return finish(ctx, &v, r, "visit.agree", "visit_agreed");
}

/* The attempt's row and what it does to the visit: a failed one counts, the
 * third closes the visit by default (note as the 特殊情况). 0 or -1. */
static int record_attempt(struct gw_ctx *ctx, const struct gw_visit *v, const struct gw_fval *f,
			  const char *at, int closes)
{
	const char *note = f[T_NOTE].present ? f[T_NOTE].s : NULL;

	if (gw_db_exec(ctx->db, SQL_ATTEMPT, "issssis", v->id, at, f[T_HOW].s, f[T_OUTCOME].s, note,
		       ctx->user->id, gw_now_utc(ctx)) != 1 ||
	    event(ctx, v, gw_arena_printf(&ctx->arena, "attempt_%s", f[T_OUTCOME].s), note))
		return -1;
	if (is(f[T_OUTCOME].s, "agreed"))
		return 0;
	if (gw_db_exec(ctx->db, SQL_FAILED, "i", v->id) != 1)
		return -1;
	if (!closes)
		return 0;
	return gw_db_exec(ctx->db, SQL_DEFAULT_DONE, "si", note, v->id) != 1 ||
		       event(ctx, v, "default_done", note) ||
		       gw_visit_finished(ctx->db, (uint32_t)v->id, (uint32_t)ctx->user->id,
					 (int64_t)ctx->now)
		   ? -1
		   : 0;
}

/* POST /:id/attempt — 303 with the attempt recorded (the third failed one
 * closes the visit as 默认回访完毕); 200 the page with messages at the fields:
 * the note is required with the third failure, a time must be a time. */
int attempt_submit(struct gw_ctx *ctx)
{
	struct gw_visit v;
	struct gw_fval f[T__N];
	const char *at;
	int r, bad, closes;

	if (!planned_visit(ctx, &v, may_work, &r))
		return r;
	bad = GW_FORM_READ(ctx, attempt_form, f);
	at = f[T_AT].present ? local_to_utc(ctx, f[T_AT].s) : gw_now_utc(ctx);
	if (!at)
		bad += gw_form_error(ctx, "tried_at", "visit_bad_time");
	else if (strcmp(at, gw_now_utc(ctx)) > 0) /* both UTC "YYYY-MM-DD HH:MM:SS" */
		bad += gw_form_error(ctx, "tried_at", "future_date");
	closes = f[T_OUTCOME].present && !is(f[T_OUTCOME].s, "agreed") &&
		 v.failed_attempts + 1 >= MAX_FAILED;
	if (closes && !f[T_NOTE].present)
		bad += gw_form_error(ctx, "note", "visit_note_required");
	if (bad)
		return show_page(ctx, &v, NULL);
	if (!claimed(ctx, &v, &r))
		return r;
	return finish(ctx, &v, record_attempt(ctx, &v, f, at, closes),
		      closes ? "visit.default_done" : "visit.attempt",
		      closes ? "visit_default_done" : "visit_attempt");
}

/* POST /:id/visited — 303 with the visit's day recorded and the report due
 * the next working day after it; 200 the page with the message at the date
 * (missing, not a date, in the future). */
int visited_submit(struct gw_ctx *ctx)
{
	struct gw_visit v;
	struct gw_fval f[V__N];
	char on[11], due_s[11];
	int32_t due;
	int r;

	if (!planned_visit(ctx, &v, may_work, &r))
		return r;
	if (GW_FORM_READ(ctx, visited_form, f))
		return show_page(ctx, &v, NULL);
	if (f[V_ON].i > gw_today(ctx))
		return gw_form_error(ctx, "visited_on", "future_date"), show_page(ctx, &v, NULL);
	if (gw_visit_report_due(ctx->db, (int32_t)f[V_ON].i, &due))
		return 500;
	if (!claimed(ctx, &v, &r))
		return r;
	gw_date_format((int32_t)f[V_ON].i, on);
	gw_date_format(due, due_s);
	r = gw_db_exec(ctx->db, SQL_VISITED, "ssi", on, due_s, v.id) != 1 ||
	    event(ctx, &v, "visited", gw_arena_printf(&ctx->arena, "%s → %s", on, due_s));
	return finish(ctx, &v, r, "visit.visited", "visit_visited");
}

/* POST /:id/cancel — 303 with the planned visit cancelled; 200 the page with
 * the message at the note (required). */
int cancel_submit(struct gw_ctx *ctx)
{
	struct gw_visit v;
	struct gw_fval f[C__N];
	int r;

	if (!planned_visit(ctx, &v, may_cancel, &r))
		return r;
	if (GW_FORM_READ(ctx, cancel_form, f))
		return show_page(ctx, &v, NULL);
	if (!claimed(ctx, &v, &r))
		return r;
	r = gw_db_exec(ctx->db, SQL_CANCEL, "si", f[C_NOTE].s, v.id) != 1 ||
	    event(ctx, &v, "cancelled", f[C_NOTE].s);
	return finish(ctx, &v, r, "visit.cancel", "visit_cancelled");
}
