/* project_summary.h — the progress summary (项目进度汇总表): per advisor (lead)
 * and per department, the projects, the steps reached, the slips' deadlines
 * met and missed, the open collection cases. One statement per grouping, used
 * by the page, its CSV and the weekly mail of `guwen jobs`. */
#ifndef GUWEN_PROJECT_SUMMARY_H
#define GUWEN_PROJECT_SUMMARY_H

#include <ClearSilver.h>

#include "guwen/db.h"

enum gw_summary_by { GW_SUMMARY_ADVISOR, GW_SUMMARY_DEPARTMENT };

/* Who sees what: every project (all), or those the user created or leads,
 * or (dept_ok) those of department dept. */
struct gw_summary_scope {
	long long all, user, dept_ok, dept;
};

/* The summary's rows under prefix.N.{dept_name, lead_name, projects, active,
 * steps_done, steps_total, met, missed, collections} as of today
 * ("YYYY-MM-DD", for the deadlines passed), ordered by department and lead.
 * One statement, per advisor; the department rows are its rows summed. The
 * row count or -1. */
int gw_project_summary(struct gw_db *db, HDF *hdf, const char *prefix, enum gw_summary_by by,
		       const char *today, const struct gw_summary_scope *s);
/* The department rows (lead_name "") under to.N, summed from the advisor rows
 * under from (as gw_project_summary gives them: a department's rows adjacent).
 * The row count or -1. */
int gw_project_summary_departments(HDF *hdf, const char *from, const char *to);

#endif
