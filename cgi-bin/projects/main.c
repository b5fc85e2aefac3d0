/* main.c — projects.fcgi, service projects (项目) and assignment slips (分配单):
 * its routes. A project outside the user's scope answers 404 on every route. */
#include "projects.h"

static const struct gw_route routes[] = {
    {"GET", "/", list_page, GW_PERM_PROJECT_READ, 0},
    {"GET", "/export", export_csv, GW_PERM_PROJECT_READ, 0},
    {"GET", "/summary", summary_page, GW_PERM_PROJECT_READ, 0},
    {"GET", "/summary/export", summary_csv, GW_PERM_PROJECT_READ, 0},
    {"GET", "/new", new_page, GW_PERM_PROJECT_CREATE, 0},
    {"POST", "/new", new_submit, GW_PERM_PROJECT_CREATE, 0},
    {"GET", "/collections", collections_page, GW_PERM_FEE_COLLECT, 0},
    {"GET", "/:id", view_page, GW_PERM_PROJECT_READ, 0},
    {"POST", "/:id/step", step_submit, GW_PERM_PROJECT_READ, 0},
    {"POST", "/:id/deadline", deadline_submit, GW_PERM_PROJECT_READ, 0},
    {"POST", "/:id/accept", accept_submit, GW_PERM_PROJECT_READ, 0},
    {"POST", "/:id/reject", reject_submit, GW_PERM_PROJECT_READ, 0},
    {"POST", "/:id/reassign", reassign_submit, GW_PERM_PROJECT_CREATE, 0},
    {"POST", "/:id/manager-answer", manager_answer_submit, GW_PERM_PROJECT_ASSIGN, 0},
    {"POST", "/:id/client-answer", client_answer_submit, GW_PERM_PROJECT_CREATE, 0},
    {"POST", "/:id/block", block_submit, GW_PERM_PROJECT_READ, 0},
    {"POST", "/:id/block-forward", block_forward_submit, GW_PERM_PROJECT_ASSIGN, 0},
    {"POST", "/:id/unblock", unblock_submit, GW_PERM_PROJECT_READ, 0},
    {"POST", "/:id/paid", paid_submit, GW_PERM_FEE_COLLECT, 0},
    {"POST", "/:id/collection-note", collection_note_submit, GW_PERM_FEE_COLLECT, 0},
    {"POST", "/:id/lead", lead_submit, GW_PERM_PROJECT_READ, 0},
    {"POST", "/:id/start", start_submit, GW_PERM_PROJECT_READ, 0},
    {"POST", "/:id/material", material_submit, GW_PERM_PROJECT_READ, 0},
    {"POST", "/:id/period", period_submit, GW_PERM_PROJECT_READ, 0},
    {"POST", "/:id/period/filed", period_filed_submit, GW_PERM_PROJECT_READ, 0},
    {"POST", "/:id/period/step", period_step_submit, GW_PERM_PROJECT_READ, 0},
    {"POST", "/:id/period/correction", correction_submit, GW_PERM_PROJECT_READ, 0},
    {NULL, NULL, NULL, 0, 0},
};

int main(void)
{
	static const struct gw_app app = {"projects", routes};

	return gw_app_run(&app);
}
