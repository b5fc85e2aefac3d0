/* visit_jobs.h — `guwen jobs` for return visits (回访): the visits the system
 * proposes by itself and the escalation of overdue visit reports. */
#ifndef GUWEN_VISIT_JOBS_H
#define GUWEN_VISIT_JOBS_H

#include <ClearSilver.h>
#include <stdint.h>

#include "guwen/db.h"

struct gw_visit_jobs {
	int monthly, yearly, escalated, failed;
};

/* One run at now (UTC seconds; the centre's local date from tz_minutes):
 * - a monthly email visit (origin monthly, propose_key monthly:<client>:<YYYY-MM>,
 *   due the month's last day) for each active client with an active 代理记账
 *   (bookkeeping) project, visited by that project's lead in its department;
 * - a yearly on-site visit (yearly:<client>:<YYYY>, due the month's last day)
 *   for each active client with a project in the last year (still open, or
 *   changed within 365 days), proposed from the month the client joined (its
 *   anniversary) on, so the year's on-site visits spread over the year;
 * - each visit whose report is overdue (status visited, report_due before the
 *   last working day up to today by the working-day calendar: a report due on
 *   a Friday is escalated on the next working day, not over the weekend)
 *   escalated once: report_escalated_at
 *   set, the department's managers mailed (the directors when the visit has no
 *   department; templates/mail/visit_overdue.cs), a line on its timeline, an
 *   audit record; the start page shows it to them until the report is in.
 * gw_visit_create applies the premium rule; the propose keys make a second run
 * add nothing. Proposals commit in batches. 0, or -1 when the run could not
 * start (out counts what was done and what failed). */
int gw_visit_jobs_run(struct gw_db *db, HDF *words, const char *dir, int tz_minutes, int64_t now,
		      struct gw_visit_jobs *out);

#endif
