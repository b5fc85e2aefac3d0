/* admin.h — the parts of the admin program (cgi-bin/admin/, linked into
 * admin.fcgi): the helpers its pages share (main.c) and each page group's
 * handlers, for the route table. */
#ifndef GUWEN_ADMIN_H
#define GUWEN_ADMIN_H

#include "guwen/app.h"
#include "guwen/form.h"
#include "guwen/hdfset.h"

#define END                                                                                        \
	{                                                                                          \
		NULL, 0, 0, 0, 0, 0, NULL                                                          \
	}
#define DUPLICATE 1062 /* server error: duplicate key */

/* ---- main.c: shared helpers ---- */

/* Render an admin page: title is an L key, section marks the sub-navigation. */
int admin_page(struct gw_ctx *ctx, const char *section, const char *title, const char *tpl);
/* A path of this program with a number in it ("/users/%lld"), in the arena. */
const char *admin_path_id(struct gw_ctx *ctx, const char *fmt, long long id);
/* Rows (id, label) into prefix.<id> = label, for the select macro (a gw_db_each
 * callback over a struct admin_options). */
struct admin_options {
	HDF *hdf;
	const char *prefix;
};
int admin_option_row(void *p, int ncols, char **vals, const size_t *lens, const char *const *names);

/* ---- users.c: GET/POST /users, /users/new, /users/:id[/deactivate|/activate|/password] ---- */
int users_list(struct gw_ctx *ctx);
int user_new(struct gw_ctx *ctx);
int user_create(struct gw_ctx *ctx);
int user_edit(struct gw_ctx *ctx);
int user_update(struct gw_ctx *ctx);
int user_deactivate(struct gw_ctx *ctx);
int user_activate(struct gw_ctx *ctx);
int user_reset_password(struct gw_ctx *ctx);

/* ---- departments.c: GET/POST /departments, /departments/:id[/deactivate|/activate] ---- */
int depts_list(struct gw_ctx *ctx);
int dept_create(struct gw_ctx *ctx);
int dept_edit(struct gw_ctx *ctx);
int dept_rename(struct gw_ctx *ctx);
int dept_deactivate(struct gw_ctx *ctx);
int dept_activate(struct gw_ctx *ctx);

/* ---- calendar.c: GET /calendar, POST /calendar/{day,delete,import} ---- */
int calendar(struct gw_ctx *ctx);
int calendar_set(struct gw_ctx *ctx);
int calendar_delete(struct gw_ctx *ctx);
int calendar_import(struct gw_ctx *ctx);

/* ---- settings.c: GET/POST /settings ---- */
int settings(struct gw_ctx *ctx);
int settings_save(struct gw_ctx *ctx);

/* ---- project_types.c: GET/POST /project-types, /project-types/:id[/deactivate|/activate],
 * POST /project-types/:id/{steps,materials}[/:seq[/up|/down|/deactivate|/activate]] ---- */
int types_list(struct gw_ctx *ctx);
int type_create(struct gw_ctx *ctx);
int type_edit(struct gw_ctx *ctx);
int type_rename(struct gw_ctx *ctx);
int type_deactivate(struct gw_ctx *ctx);
int type_activate(struct gw_ctx *ctx);
int step_add(struct gw_ctx *ctx);
int step_rename(struct gw_ctx *ctx);
int step_up(struct gw_ctx *ctx);
int step_down(struct gw_ctx *ctx);
int step_deactivate(struct gw_ctx *ctx);
int step_activate(struct gw_ctx *ctx);
int material_add(struct gw_ctx *ctx);
int material_rename(struct gw_ctx *ctx);
int material_up(struct gw_ctx *ctx);
int material_down(struct gw_ctx *ctx);
int material_deactivate(struct gw_ctx *ctx);
int material_activate(struct gw_ctx *ctx);

/* ---- mail.c: the outbox as the admin sees it ---- */
/* GET /mail — the outbox's trouble and queue, newest first (200). */
int admin_mail_list(struct gw_ctx *ctx);
/* POST /mail/:id/resend — a failed message back in the queue, audited (303); 404. */
int admin_mail_resend(struct gw_ctx *ctx);

/* ---- audit.c: GET /audit, /audit/export ---- */
int audit_list(struct gw_ctx *ctx);
int audit_export(struct gw_ctx *ctx);

#endif
