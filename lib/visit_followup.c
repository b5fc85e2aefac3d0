/* visit_followup.c — a complaint's follow-up (后续跟踪) is a return visit that
 * asks the complainant whether they are satisfied; when it ends, the
 * complaint's follow-up closes with its satisfaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/audit.h"
#include "guwen/complaint.h"
#include "guwen/complaint_events.h"
#include "guwen/complaint_store.h"
#include "guwen/valid.h"
#include "guwen/visit.h"
#include "guwen/visit_followup.h"

static const char SQL_VISITOR[] =
    "SELECT COALESCE(u.name, '') FROM visits v LEFT JOIN users u ON u.id = v.visitor_id"
    " WHERE v.id = ?";
/* the follow-up visit's complaint, still in 后续跟踪: its severity, whether it
 * has its root cause and corrective action, the visit's end */
static const char SQL_DONE[] =
    "SELECT v.complaint_id, v.status, COALESCE(v.satisfaction, 0), c.severity,"
    " COALESCE(c.root_cause, '') <> '' AND COALESCE(c.corrective_action, '') <> ''"
    " FROM visits v JOIN complaints c ON c.id = v.complaint_id"
    " WHERE v.id = ? AND v.origin = 'followup' AND c.stage = 'followup'";
static const char SQL_CLOSE[] =
    "UPDATE complaints SET stage = 'closed', closed_at = ?, updated_at = ?"
    " WHERE id = ? AND stage = 'followup'";
static const char SQL_TOUCH[] = "UPDATE complaints SET updated_at = ? WHERE id = ?";

/* The centre's local day of now (the database's configured zone). */
static int32_t local_day(struct gw_db *db, int64_t now)
{
	char utc[20], local[32];
	int32_t day = (int32_t)(now / 86400);

	gw_time_format(now, utc);
	gw_db_local_time(db, utc, local);
	local[10] = '\0';
	(void)gw_valid_date(local, &day);
	return day;
}

/* 2 working days after today by the working-day calendar. 0 or -1. */
static int followup_due(struct gw_db *db, int64_t now, char out[11])
{
	int32_t day;

	if (gw_calendar_add(db, local_day(db, now), 2, &day))
		return -1;
	gw_date_format(day, out);
	return 0;
}

static int text_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names)
{
	(void)lens, (void)names;
	if (ncols >= 1 && v[0])
		snprintf(p, 128, "%s", v[0]);
	return 1;
}

/* "Return visit no. 12 …, 李顾问, due 2026-12-02" on the complaint's timeline. */
static int created_event(struct gw_db *db, long long complaint_id, uint32_t visit, uint32_t user,
			 const char *due)
{
	char visitor[128] = "";
	struct gw_buf p = {0};
	int rc;

	if (gw_db_each(db, text_row, visitor, SQL_VISITOR, "i", (long long)visit) < 0)
		return -1;
	gw_event_param_int(&p, "visit", visit);
	gw_event_param(&p, "visitor", visitor);
	gw_event_param(&p, "due", due);
	rc = gw_complaint_event_coded(db, complaint_id, user, "followup_visit", 0, "followup_visit",
				      p.p, NULL);
	gw_buf_free(&p);
	return rc;
}

int gw_visit_followup_create(struct gw_db *db, long long complaint_id, long long client_id,
			     long long dept_id, long long owner_id, const char *complainant,
			     uint32_t user_id, int64_t now, uint32_t *visit)
{
	char key[48], due[11];
	struct gw_visit_new v = {.client_id = (uint32_t)client_id,
				 .complaint_id = (uint32_t)complaint_id,
				 .origin = "followup",
				 .propose_key = key,
				 .method = "phone",
				 .department_id = (uint32_t)dept_id,
				 .visitor_id = (uint32_t)owner_id,
				 .contact_name = complainant,
				 .due_on = due,
				 .created_by = user_id};
	int rc;

	*visit = 0;
	if (!client_id)
		return 0;
	snprintf(key, sizeof(key), "complaint:%lld", complaint_id);
	if (followup_due(db, now, due))
		return -1;
	rc = gw_visit_create(db, &v, now, visit);
	if (rc == 1 && created_event(db, complaint_id, *visit, user_id, due))
		return -1;
	return rc;
}

struct done {
	long long complaint, satisfaction, has_cause;
	char status[16], severity[4];
	int found;
};

static int done_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct done *d = p;

	(void)lens, (void)names;
	if (ncols < 5 || !v[0])
		return 1;
	d->complaint = strtoll(v[0], NULL, 10);
	snprintf(d->status, sizeof(d->status), "%s", v[1] ? v[1] : "");
	d->satisfaction = v[2] ? strtoll(v[2], NULL, 10) : 0;
	snprintf(d->severity, sizeof(d->severity), "%s", v[3] ? v[3] : "");
	d->has_cause = v[4] && atoi(v[4]);
	d->found = 1;
	return 1;
}

/* The timeline line: which visit, its satisfaction or "complete by default",
 * closed or what closing still needs. */
static int done_event(struct gw_db *db, const struct done *d, uint32_t visit, uint32_t user,
		      int closed)
{
	const char *code = !closed				? "followup_done_open"
			   : !strcmp(d->status, "default_done") ? "followup_default"
								: "followup_done";
	struct gw_buf p = {0};
	int rc;

	gw_event_param_int(&p, "visit", visit);
	if (d->satisfaction > 0)
		gw_event_param_int(&p, "satisfaction", d->satisfaction);
	rc = gw_complaint_event_coded(db, d->complaint, user, "followup_done", 0, code, p.p, NULL);
	gw_buf_free(&p);
	return rc;
}

int gw_visit_followup_done(struct gw_db *db, uint32_t visit_id, uint32_t user_id, int64_t now)
{
	struct done d = {0};
	char at[20], detail[64];
	int closed;

	if (gw_db_each(db, done_row, &d, SQL_DONE, "i", (long long)visit_id) < 0)
		return -1;
	if (!d.found)
		return 0;
	gw_time_format(now, at);
	closed = d.has_cause || !gw_complaint_close_needs_cause(gw_severity_from(d.severity));
	if (done_event(db, &d, visit_id, user_id, closed))
		return -1;
	if (!closed)
		return gw_db_exec(db, SQL_TOUCH, "si", at, d.complaint) < 0 ? -1 : 0;
	snprintf(detail, sizeof(detail), "to=closed visit=%u", visit_id);
	return gw_db_exec(db, SQL_CLOSE, "ssi", at, at, d.complaint) != 1 ||
		       gw_complaint_event(db, d.complaint, user_id, "stage", 0, "closed") ||
		       gw_audit_db(db, user_id, "", "complaint.stage", "complaint", d.complaint,
				   detail)
		   ? -1
		   : 0;
}
