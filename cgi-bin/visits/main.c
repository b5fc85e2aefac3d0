/* main.c — visits.fcgi, return visits (回访): its routes. A visit outside the
 * user's scope (gw_visit_scope) answers 404 on every route. */
#include "visits.h"
#include "after.h"

static const struct gw_route routes[] = {
    {"GET", "/", list_page, GW_PERM_VISIT_READ, 0},
    {"GET", "/export", export_csv, GW_PERM_VISIT_READ, 0},
    {"GET", "/plan", plan_page, GW_PERM_VISIT_WRITE, 0},
    {"POST", "/plan", plan_submit, GW_PERM_VISIT_WRITE, 0},
    /* review and archive: the lists (before /:id, which would take their names) */
    {"GET", "/review", review_list, GW_PERM_VISIT_REVIEW, 0},
    {"GET", "/archive", archive_list, GW_PERM_VISIT_READ, 0},
    {"GET", "/archive/export", archive_csv, GW_PERM_VISIT_READ, 0},
    {"GET", "/:id", view_page, GW_PERM_VISIT_READ, 0},
    {"GET", "/:id/print", print_page, GW_PERM_VISIT_READ, 0},
    {"GET", "/:id/scan/:fid", scan_get, GW_PERM_VISIT_READ, 0},
    {"POST", "/:id/agree", agree_submit, GW_PERM_VISIT_WRITE, 0},
    {"POST", "/:id/attempt", attempt_submit, GW_PERM_VISIT_WRITE, 0},
    {"POST", "/:id/visited", visited_submit, GW_PERM_VISIT_WRITE, 0},
    {"POST", "/:id/cancel", cancel_submit, GW_PERM_VISIT_WRITE, 0},
    {"POST", "/:id/report", report_submit, GW_PERM_VISIT_WRITE, 0},
    {"POST", "/:id/scan", scan_submit, GW_PERM_VISIT_WRITE, 0},
    /* review and archive (after.h: cgi-bin/visits/review.c, archive.c, mail.c, opinion.c) */
    {"GET", "/:id/review", review_page, GW_PERM_VISIT_REVIEW, 0},
    {"POST", "/:id/review", review_submit, GW_PERM_VISIT_REVIEW, 0},
    {"GET", "/:id/archive", keeper_page, GW_PERM_VISIT_READ, 0},
    {"POST", "/:id/archive", keeper_submit, GW_PERM_VISIT_READ, 0},
    {"GET", "/:id/mail", clientmail_page, GW_PERM_VISIT_WRITE, 0},
    {"POST", "/:id/mail", clientmail_submit, GW_PERM_VISIT_WRITE, 0},
    {"GET", "/:id/complaint", opinion_page, GW_PERM_COMPLAINT_WRITE, 0},
    {"POST", "/:id/complaint", opinion_submit, GW_PERM_COMPLAINT_WRITE, 0},
    {NULL, NULL, NULL, 0, 0},
};

int main(void)
{
	static const struct gw_app app = {"visits", routes};

	return gw_app_run(&app);
}
