/* project_slip.c — the working-day deadlines of projects: the assignment
 * slip's (working days from its date) and a 代理记账 month's filing deadline,
 * on the calendar the admin keeps (holidays, make-up working days). */
#include "guwen/complaint.h"
#include "guwen/project.h"
#include "guwen/valid.h"
#include "guwen/workday.h"

int gw_project_slip_dues(struct gw_db *db, int32_t slip_on, int32_t *learn, int32_t *coach)
{
	struct gw_workday_cal cal;
	int rc;

	gw_workday_init(&cal);
	/* 3 working days lie within a month even across the Spring Festival */
	rc = gw_calendar_load(db, &cal, slip_on - 1, slip_on + 60);
	if (rc == 0) {
		*learn = gw_workday_add(&cal, slip_on, GW_SLIP_LEARN_DAYS);
		*coach = gw_workday_add(&cal, slip_on, GW_SLIP_COACH_DAYS);
	}
	gw_workday_free(&cal);
	return rc;
}

int gw_project_filing_due(struct gw_db *db, int year, int month, int32_t *due)
{
	struct gw_workday_cal cal;
	int32_t day =
	    month == 12 ? gw_date_from_ymd(year + 1, 1, 15) : gw_date_from_ymd(year, month + 1, 15);
	int rc;

	gw_workday_init(&cal);
	rc = gw_calendar_load(db, &cal, day - 1, day + 40);
	if (rc == 0)
		*due = gw_workday_next(&cal, day);
	gw_workday_free(&cal);
	return rc;
}
