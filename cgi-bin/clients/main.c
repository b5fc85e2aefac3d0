/* main.c — clients.fcgi, client records (客户档案): its routes. A client
 * outside the user's lists answers 404 on every route. */
#include "clients.h"

static const struct gw_route routes[] = {
    {"GET", "/", list_page, GW_PERM_CLIENT_READ, 0},
    {"POST", "/", list_page, GW_PERM_CLIENT_READ, 0},
    {"GET", "/export", export_csv, GW_PERM_CLIENT_READ, 0},
    {"POST", "/export", export_csv, GW_PERM_CLIENT_READ, 0},
    {"GET", "/new", new_page, GW_PERM_CLIENT_WRITE, 0},
    {"POST", "/new", new_submit, GW_PERM_CLIENT_WRITE, 0},
    {"GET", "/:id", view_page, GW_PERM_CLIENT_READ, 0},
    {"GET", "/:id/edit", edit_page, GW_PERM_CLIENT_WRITE, 0},
    {"POST", "/:id/edit", edit_submit, GW_PERM_CLIENT_WRITE, 0},
    {"POST", "/:id/verify", verify_submit, GW_PERM_CLIENT_WRITE, 0},
    {"POST", "/:id/contacted", contacted_submit, GW_PERM_CLIENT_READ, 0},
    {"POST", "/:id/contacts", contact_submit, GW_PERM_CLIENT_WRITE, 0},
    {"POST", "/:id/contacts/:cid/primary", primary_submit, GW_PERM_CLIENT_WRITE, 0},
    {"GET", "/:id/leads", lead_page, GW_PERM_CLIENT_WRITE, 0},
    {"POST", "/:id/leads", lead_submit, GW_PERM_CLIENT_WRITE, 0},
    {"POST", "/:id/leads/:uid/remove", lead_remove, GW_PERM_CLIENT_WRITE, 0},
    {"POST", "/:id/periods", period_submit, GW_PERM_CLIENT_WRITE, 0},
    {"POST", "/:id/files", file_submit, GW_PERM_CLIENT_WRITE, 0},
    {"GET", "/:id/files/:fid", file_get, GW_PERM_CLIENT_READ, 0},
    {NULL, NULL, NULL, 0, 0},
};

int main(void)
{
	static const struct gw_app app = {"clients", routes};

	return gw_app_run(&app);
}
