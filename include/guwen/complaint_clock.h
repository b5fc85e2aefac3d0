/* complaint_clock.h — the clock of complaints: deadline policy, working-day
 * calendar, due times. */
#ifndef GUWEN_COMPLAINT_CLOCK_H
#define GUWEN_COMPLAINT_CLOCK_H

#include "guwen/complaint.h"
#include "guwen/db.h"
#include "guwen/workday.h"

/* The clock of complaints: the deadline policy (settings) and the working-day
 * calendar for the local days from from's day - 1 to to's day + 120. The caller
 * frees cal with gw_workday_free (also after a failure). 0 or -1. */
int gw_complaint_clock_load(struct gw_db *db, int tz_minutes, int64_t from, int64_t to,
			    struct gw_complaint_policy *p, struct gw_workday_cal *cal);
/* Response and resolution due times (UTC seconds) of a complaint of severity s
 * registered at created, from the settings and the calendar. 0 or -1. */
int gw_complaint_deadlines(struct gw_db *db, int tz_minutes, enum gw_severity s, int64_t created,
			   int64_t *response, int64_t *resolution);
/* After waiting on the complainant from waiting_since until now, move both due
 * times (in place; 0 stays 0) by the time spent waiting. 0 or -1. */
int gw_complaint_resume_dues(struct gw_db *db, int tz_minutes, enum gw_severity s,
			     int64_t waiting_since, int64_t now, int64_t *response,
			     int64_t *resolution);

#endif
