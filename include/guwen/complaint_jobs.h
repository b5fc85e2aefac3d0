/* complaint_jobs.h — `guwen jobs` for complaints: deadline warnings and
 * escalation. */
#ifndef GUWEN_COMPLAINT_JOBS_H
#define GUWEN_COMPLAINT_JOBS_H

#include <ClearSilver.h>
#include <stdint.h>

#include "guwen/db.h"

/* What one run of `guwen jobs` did to complaints. */
struct gw_complaint_jobs {
	int checked, warned, managers, directors, failed;
};
/* Deadline warnings and escalations at now (UTC seconds) for every complaint that
 * is classified, not yet resolved and not waiting on the complainant: warn the
 * owner before a deadline, tell the department's managers once it passed, every
 * director director_after_hours later. Each step is a mail, an internal event, a
 * flag on the complaint (warned_at, escalation) and an audit record by user 0.
 * words holds the L.* words (a language file) for the mails, dir the templates
 * (mail/complaint_deadline.cs). A step that finds nobody to mail leaves a "no
 * recipient" notice in the outbox. 0, or -1 when the run could not start
 * (counts in out either way). */
/* Set the overdue flag (complaints.overdue: the lists' overdue filter) of
 * every complaint whose resolution deadline passed by now (UTC seconds) with
 * the clock running; the first step of gw_complaint_jobs_run (events clear
 * it and set it as a complaint changes). 0 or -1. */
int gw_complaint_overdue_mark(struct gw_db *db, int64_t now);
int gw_complaint_jobs_run(struct gw_db *db, HDF *words, const char *dir, int tz_minutes,
			  int64_t now, struct gw_complaint_jobs *out);

#endif
