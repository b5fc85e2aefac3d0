/* complaint_record.h — a complaint as a typed record: the one loader of a
 * complaint (its column table is where a sealed or level-3 column would be
 * declared), and its export to the page data for rendering. Handlers read the
 * struct, never the page data. */
#ifndef GUWEN_COMPLAINT_RECORD_H
#define GUWEN_COMPLAINT_RECORD_H

#include <stdint.h>

#include "guwen/ctx.h"
#include "guwen/complaint.h"

/* Overdue: not yet resolved, the clock running, the resolution deadline passed
 * (one parameter: now, UTC text). */
#define GW_COMPLAINT_OVERDUE                                                                       \
	"(c.stage IN ('registered', 'investigating') AND c.waiting_since IS NULL"                  \
	" AND c.resolution_due < ?)"
/* The same at the database's time now (the flag complaints.overdue). */
#define GW_COMPLAINT_OVERDUE_NOW                                                                   \
	"(c.stage IN ('registered', 'investigating') AND c.waiting_since IS NULL"                  \
	" AND COALESCE(c.resolution_due < UTC_TIMESTAMP(), 0))"

/* Texts are NULL for SQL NULL; times shown to people (…_due, …_at) are local
 * "YYYY-MM-DD HH:MM:SS" texts, the *_ts ones UTC seconds (0 for none). */
struct gw_complaint {
	long long id, client_id, advisor_id, department_id, owner_id, version;
	long long escalation, response_escalation, rating, overdue, response_overdue;
	long long created_ts; /* UTC seconds: the clock's start: release of a suspected post, else
				 creation */
	long long waiting_ts, response_ts, resolution_ts;
	long long created_by, duplicate_of; /* who registered it; the original of a duplicate */
	const char *duplicate_of_no;	    /* the original's tracking number */
	const char *tracking_no, *source, *name, *phone, *email, *company, *client_name;
	const char *subject_text, *advisor_name, *happened_on, *description;
	const char *severity, *stage, *dept_name, *owner_name, *trust, *suspect_reason;
	const char *response_due, *resolution_due, *responded_at, *resolved_at, *closed_at;
	const char *waiting_since, *warned_at, *released_at, *created_at, *created_by_name;
	const char *root_cause, *corrective_action, *rating_comment, *rated_at;
	enum gw_severity sev; /* from severity */
	int stage_no;	      /* from stage (gw_stage_from: -1 for none) */
	uint64_t nulls;	      /* gw_record_null */
};

/* Complaint id into *c (the arena holds its texts). 1 found, 0 none, -1 error. */
int gw_complaint_load(struct gw_ctx *ctx, long long id, struct gw_complaint *c);
/* 1 when the column (by its name, "waiting_since") was SQL NULL. */
int gw_complaint_null(const struct gw_complaint *c, const char *column);
/* The complaint under prefix.<column> for the templates. */
void gw_complaint_to_hdf(HDF *hdf, const char *prefix, const struct gw_complaint *c);

#endif
