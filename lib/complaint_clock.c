/* complaint_clock.c — the clock of complaints: the deadline policy, the
 * working-day calendar and the due times. */
#include "guwen/complaint_clock.h"

static int32_t local_day_of(int tz_minutes, int64_t t)
{
	int64_t l = t + (int64_t)tz_minutes * 60;

	return (int32_t)(l >= 0 ? l / 86400 : (l - 86399) / 86400);
}

int gw_complaint_clock_load(struct gw_db *db, int tz_minutes, int64_t from, int64_t to,
			    struct gw_complaint_policy *p, struct gw_workday_cal *cal)
{
	gw_workday_init(cal);
	if (gw_complaint_policy_load(db, tz_minutes, p))
		return -1;
	return gw_calendar_load(db, cal, local_day_of(tz_minutes, from) - 1,
				local_day_of(tz_minutes, to) + 120);
}

int gw_complaint_deadlines(struct gw_db *db, int tz_minutes, enum gw_severity s, int64_t created,
			   int64_t *response, int64_t *resolution)
{
	struct gw_complaint_policy p;
	struct gw_workday_cal cal;
	int rc = gw_complaint_clock_load(db, tz_minutes, created, created, &p, &cal);

	if (rc == 0) {
		*response = gw_complaint_due(&p, &cal, s, 0, created);
		*resolution = gw_complaint_due(&p, &cal, s, 1, created);
	}
	gw_workday_free(&cal);
	return rc;
}

int gw_complaint_resume_dues(struct gw_db *db, int tz_minutes, enum gw_severity s,
			     int64_t waiting_since, int64_t now, int64_t *response,
			     int64_t *resolution)
{
	struct gw_complaint_policy p;
	struct gw_workday_cal cal;
	int64_t to = now;
	int rc;

	if (*response > to)
		to = *response;
	if (*resolution > to)
		to = *resolution;
	rc = gw_complaint_clock_load(db, tz_minutes, waiting_since, to, &p, &cal);
	if (rc == 0) {
		*response = gw_complaint_resume(&p, &cal, s, *response, waiting_since, now);
		*resolution = gw_complaint_resume(&p, &cal, s, *resolution, waiting_since, now);
	}
	gw_workday_free(&cal);
	return rc;
}
