/* main.c — administration (/admin/…): staff accounts, departments, the
 * working-day calendar, settings, the project types, the mail outbox and the audit log, one file
 * per page group in cgi-bin/admin/; here the helpers they share, the overview
 * and the routes. */
#include <stdio.h>
#include <string.h>

#include "guwen/view.h"
#include "admin.h"

/* Render an admin page: title is an L key, section marks the sub-navigation. */
int admin_page(struct gw_ctx *ctx, const char *section, const char *title, const char *tpl)
{
	gw_hdf_set(ctx->hdf, "Page.Nav", "admin");
	gw_hdf_set(ctx->hdf, "Page.Title", title);
	gw_hdf_set(ctx->hdf, "Admin.Section", section);
	return gw_view_render(ctx, tpl);
}

/* A path of this program with a number in it ("/users/%lld"), in the arena. */
const char *admin_path_id(struct gw_ctx *ctx, const char *fmt, long long id)
{
	return gw_arena_printf(&ctx->arena, fmt, id);
}

int admin_option_row(void *p, int ncols, char **vals, const size_t *lens, const char *const *names)
{
	struct admin_options *o = p;
	char key[96];

	(void)lens, (void)names;
	if (ncols < 2 || !vals[0] || !vals[1])
		return 0;
	snprintf(key, sizeof(key), "%s.%s", o->prefix, vals[0]); /* a number: safe as a name */
	gw_hdf_set(o->hdf, key, vals[1]);
	return 0;
}

/* ---- overview ---- */

/* GET / — links to the sections the user may use (200); 403 with none. */
static int overview(struct gw_ctx *ctx)
{
	static const enum gw_perm perms[] = {GW_PERM_ADMIN_USERS, GW_PERM_ADMIN_CALENDAR,
					     GW_PERM_ADMIN_SETTINGS, GW_PERM_AUDIT_READ};
	int any = 0;

	for (size_t i = 0; i < sizeof(perms) / sizeof(perms[0]); i++)
		any |= gw_perm_has(ctx->user->role, perms[i]);
	return any ? admin_page(ctx, "overview", "Admin.Title", "admin_index.cs") : 403;
}

static const struct gw_route routes[] = {
    {"GET", "/", overview, GW_PERM_LOGIN, 0},
    {"GET", "/users", users_list, GW_PERM_ADMIN_USERS, 0},
    {"POST", "/users", user_create, GW_PERM_ADMIN_USERS, 0},
    {"GET", "/users/new", user_new, GW_PERM_ADMIN_USERS, 0},
    {"GET", "/users/:id", user_edit, GW_PERM_ADMIN_USERS, 0},
    {"POST", "/users/:id", user_update, GW_PERM_ADMIN_USERS, 0},
    {"POST", "/users/:id/deactivate", user_deactivate, GW_PERM_ADMIN_USERS, 0},
    {"POST", "/users/:id/activate", user_activate, GW_PERM_ADMIN_USERS, 0},
    {"POST", "/users/:id/password", user_reset_password, GW_PERM_ADMIN_USERS, 0},
    {"GET", "/departments", depts_list, GW_PERM_ADMIN_USERS, 0},
    {"POST", "/departments", dept_create, GW_PERM_ADMIN_USERS, 0},
    {"GET", "/departments/:id", dept_edit, GW_PERM_ADMIN_USERS, 0},
    {"POST", "/departments/:id", dept_rename, GW_PERM_ADMIN_USERS, 0},
    {"POST", "/departments/:id/deactivate", dept_deactivate, GW_PERM_ADMIN_USERS, 0},
    {"POST", "/departments/:id/activate", dept_activate, GW_PERM_ADMIN_USERS, 0},
    {"GET", "/calendar", calendar, GW_PERM_ADMIN_CALENDAR, 0},
    {"POST", "/calendar/day", calendar_set, GW_PERM_ADMIN_CALENDAR, 0},
    {"POST", "/calendar/delete", calendar_delete, GW_PERM_ADMIN_CALENDAR, 0},
    {"POST", "/calendar/import", calendar_import, GW_PERM_ADMIN_CALENDAR, 0},
    {"GET", "/settings", settings, GW_PERM_ADMIN_SETTINGS, 0},
    {"POST", "/settings", settings_save, GW_PERM_ADMIN_SETTINGS, 0},
    {"GET", "/project-types", types_list, GW_PERM_ADMIN_SETTINGS, 0},
    {"POST", "/project-types", type_create, GW_PERM_ADMIN_SETTINGS, 0},
    {"GET", "/project-types/:id", type_edit, GW_PERM_ADMIN_SETTINGS, 0},
    {"POST", "/project-types/:id", type_rename, GW_PERM_ADMIN_SETTINGS, 0},
    {"POST", "/project-types/:id/deactivate", type_deactivate, GW_PERM_ADMIN_SETTINGS, 0},
    {"POST", "/project-types/:id/activate", type_activate, GW_PERM_ADMIN_SETTINGS, 0},
    {"POST", "/project-types/:id/steps", step_add, GW_PERM_ADMIN_SETTINGS, 0},
    {"POST", "/project-types/:id/steps/:seq", step_rename, GW_PERM_ADMIN_SETTINGS, 0},
    {"POST", "/project-types/:id/steps/:seq/up", step_up, GW_PERM_ADMIN_SETTINGS, 0},
    {"POST", "/project-types/:id/steps/:seq/down", step_down, GW_PERM_ADMIN_SETTINGS, 0},
    {"POST", "/project-types/:id/steps/:seq/deactivate", step_deactivate, GW_PERM_ADMIN_SETTINGS,
     0},
    {"POST", "/project-types/:id/steps/:seq/activate", step_activate, GW_PERM_ADMIN_SETTINGS, 0},
    {"POST", "/project-types/:id/materials", material_add, GW_PERM_ADMIN_SETTINGS, 0},
    {"POST", "/project-types/:id/materials/:seq", material_rename, GW_PERM_ADMIN_SETTINGS, 0},
    {"POST", "/project-types/:id/materials/:seq/up", material_up, GW_PERM_ADMIN_SETTINGS, 0},
    {"POST", "/project-types/:id/materials/:seq/down", material_down, GW_PERM_ADMIN_SETTINGS, 0},
    {"POST", "/project-types/:id/materials/:seq/deactivate", material_deactivate,
     GW_PERM_ADMIN_SETTINGS, 0},
    {"POST", "/project-types/:id/materials/:seq/activate", material_activate,
     GW_PERM_ADMIN_SETTINGS, 0},
    {"GET", "/mail", admin_mail_list, GW_PERM_ADMIN_SETTINGS, 0},
    {"POST", "/mail/:id/resend", admin_mail_resend, GW_PERM_ADMIN_SETTINGS, 0},
    {"GET", "/audit", audit_list, GW_PERM_AUDIT_READ, 0},
    {"GET", "/audit/export", audit_export, GW_PERM_AUDIT_READ, 0},
    {NULL, NULL, NULL, 0, 0},
};

int main(void)
{
	static const struct gw_app app = {"admin", routes};

	return gw_app_run(&app);
}
