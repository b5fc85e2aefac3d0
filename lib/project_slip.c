/* project_slip.c — the assignment slip's deadlines: working days from its date
 * on the working-day calendar the admin keeps (holidays, make-up working days). */
#include "guwen/complaint.h"
#include "guwen/project.h"
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
