/* project_jobs.h — `guwen jobs` for projects: collection cases (追款) opened
 * for fees unpaid past their due date. */
#ifndef GUWEN_PROJECT_JOBS_H
#define GUWEN_PROJECT_JOBS_H

#include <ClearSilver.h>
#include <stdint.h>

#include "guwen/db.h"

struct gw_project_jobs {
	int opened, summaries, late, failed;
};

/* Open a collection case for every project whose fee is unpaid after its due
 * date (the centre's local date of now) and has no open case: the case, a line
 * on the project's timeline, an audit record by user 0, and a mail to the
 * market person who created it and to every active legal user (a "no
 * recipient" notice when one has no address). words: the L.* words; dir: the
 * templates (mail/project_notice.cs). 0, or -1 when the run could not start. */
/* ... and on the weekday of the setting summary_weekday (1 Monday … 7 Sunday,
 * local), once that day (the setting summary_sent_on remembers it), the
 * progress summary of each department (templates/mail/project_summary.cs) to
 * its active managers. */
/* ... and tells each slip deadline that passed undone (gw_project_deadlines_run). */
int gw_project_jobs_run(struct gw_db *db, HDF *words, const char *dir, int tz_minutes, int64_t now,
			struct gw_project_jobs *out);

/* Each deadline of a slip (learn the basics, on-site coaching) due before
 * today (the centre's local date) and not recorded done, on a project's
 * latest slip still open or accepted, told once: the slip remembers when (now,
 * UTC), a line on the timeline, an audit record by user 0, and a mail to the
 * assignee and the managers of the slip's department (the start page shows
 * it: lib/project_work.c). Counts into out->late and out->failed; 0, or -1
 * when a list could not be read. */
int gw_project_deadlines_run(struct gw_db *db, HDF *words, const char *dir, const char *today,
			     const char *now, struct gw_project_jobs *out);

#endif
