/* main.c — complaints.fcgi, the back office of complaints (投诉处理): its routes.
 * A complaint outside the user's lists answers 404 on every route. */
#include "complaints.h"

static const struct gw_route routes[] = {
    {"GET", "/", list_page, GW_PERM_COMPLAINT_READ, 0},
    {"GET", "/export", export_csv, GW_PERM_COMPLAINT_READ, 0},
    {"GET", "/new", new_page, GW_PERM_COMPLAINT_WRITE, 0},
    {"POST", "/new", new_submit, GW_PERM_COMPLAINT_WRITE, 0},
    {"GET", "/:id", view_page, GW_PERM_COMPLAINT_READ, 0},
    {"GET", "/:id/file/:fid", file_get, GW_PERM_COMPLAINT_READ, 0},
    {"GET", "/:id/print", print_page, GW_PERM_COMPLAINT_READ, 0},
    {"POST", "/:id/classify", classify_submit, GW_PERM_COMPLAINT_CLASSIFY, 0},
    {"POST", "/:id/stage", stage_submit, GW_PERM_COMPLAINT_WRITE, 0},
    {"POST", "/:id/note", note_submit, GW_PERM_COMPLAINT_WRITE, 0},
    {"POST", "/:id/reply", reply_submit, GW_PERM_COMPLAINT_WRITE, 0},
    {"POST", "/:id/contact", contact_submit, GW_PERM_COMPLAINT_WRITE, 0},
    {"POST", "/:id/wait", wait_submit, GW_PERM_COMPLAINT_WRITE, 0},
    {"POST", "/:id/refer", refer_submit, GW_PERM_COMPLAINT_WRITE, 0},
    {"POST", "/:id/answer", answer_submit, GW_PERM_COMPLAINT_WRITE, 0},
    {"POST", "/:id/duplicate", duplicate_submit, GW_PERM_COMPLAINT_CLASSIFY, 0},
    {"POST", "/:id/release", release_submit, GW_PERM_COMPLAINT_CLASSIFY, 0},
    {"POST", "/:id/discard", discard_submit, GW_PERM_COMPLAINT_CLASSIFY, 0},
    {NULL, NULL, NULL, 0, 0},
};

int main(void)
{
	static const struct gw_app app = {"complaints", routes};

	return gw_app_run(&app);
}
