/* departments.c — departments (/admin/departments…): list, create, rename,
 * deactivate. */
#include <string.h>

#include "guwen/audit.h"
#include "guwen/form.h"
#include "guwen/list.h"
#include "guwen/view.h"
#include "admin.h"

enum { P_NAME, P__N };
static const struct gw_fdef dept_form[] = {
    [P_NAME] = {.name = "name", .type = GW_F_TEXT, .required = 1, .maxlen = 100},
    [P__N] = {.name = NULL},
};
GW_FORM_CHECK(dept_form, P__N);

#define DEPT_MEMBERS "(SELECT COUNT(*) FROM users u WHERE u.department_id = d.id AND u.active = 1)"

/* GET /departments?active=&q=&sort=&dir=&before= */
static const char *const active_choices[] = {"1", "0", NULL};
static const struct gw_list_filter dept_filters[] = {
    {{"active", GW_F_CHOICE, 0, 1, 0, 0, active_choices}, "d.active = ?", NULL},
    {{NULL, 0, 0, 0, 0, 0, NULL}, NULL, NULL},
};

static const struct gw_list_col dept_cols[] = {
    {"name", "d.name", GW_LC_SORT | GW_LC_SEARCH, NULL, NULL, NULL},
    {"active", "d.active", GW_LC_SORT, NULL, NULL, NULL},
    {NULL, NULL, 0, NULL, NULL, NULL},
};

static const struct gw_list departments = {
    .columns = "d.id, d.name, d.active, " DEPT_MEMBERS " AS members",
    .from = "departments d",
    .key = "d.id",
    .filters = dept_filters,
    .cols = dept_cols,
    .sort = "name",
    .rows = 50,
    .program = "admin",
    .path = "/departments",
};
static const char SQL_DEPT[] = "SELECT d.id, d.name, d.active, " DEPT_MEMBERS " AS members"
			       " FROM departments d WHERE d.id = ?";
static const char SQL_DEPT_NAME_TAKEN[] =
    "SELECT COUNT(*) FROM departments WHERE name = ? AND id <> ?";
static const char SQL_DEPT_INSERT[] = "INSERT INTO departments (name, created_at) VALUES (?, ?)";
static const char SQL_DEPT_RENAME[] = "UPDATE departments SET name = ? WHERE id = ?";
static const char SQL_DEPT_ACTIVE[] = "UPDATE departments SET active = ? WHERE id = ?";

static int depts_page(struct gw_ctx *ctx)
{
	struct gw_list_run r;

	gw_list_read(ctx, &departments, &r);
	if (gw_list_page(ctx, &r))
		return 500;
	return admin_page(ctx, "departments", "Admin.Departments.Title", "admin_departments.cs");
}

static int dept_page(struct gw_ctx *ctx)
{
	return admin_page(ctx, "departments", "Admin.Departments.EditTitle",
			  "admin_department_form.cs");
}

/* Load department id into Dept.* (with fill, its name into Form.name). 0, 404, 500. */
static int load_dept(struct gw_ctx *ctx, long long id, int fill)
{
	int found = gw_db_row(ctx->db, ctx->hdf, "Dept", SQL_DEPT, "i", id);

	if (found <= 0)
		return found < 0 ? 500 : 404;
	if (fill)
		gw_hdf_set(ctx->hdf, "Form.name", hdf_get_value(ctx->hdf, "Dept.name", ""));
	return 0;
}

/* 1 (and the message at the field) if another department has this name. */
static int dept_name_taken(struct gw_ctx *ctx, const char *name, long long id)
{
	long long n = 0;

	if (gw_db_int(ctx->db, &n, SQL_DEPT_NAME_TAKEN, "si", name, id) < 0 || !n)
		return 0;
	return gw_form_error(ctx, "name", "name_taken");
}

/* GET /departments — departments with their active members, and a form for a new one (200). */
int depts_list(struct gw_ctx *ctx)
{
	return depts_page(ctx);
}

/* POST /departments — create one: 303 to the list; 200 with the form and a message. */
int dept_create(struct gw_ctx *ctx)
{
	struct gw_fval v[P__N];

	if (GW_FORM_READ(ctx, dept_form, v) || dept_name_taken(ctx, v[P_NAME].s, 0))
		return depts_page(ctx);
	if (gw_db_exec(ctx->db, SQL_DEPT_INSERT, "ss", v[P_NAME].s, gw_now_utc(ctx)) != 1) {
		if (gw_db_errno(ctx->db) != DUPLICATE)
			return 500;
		gw_form_error(ctx, "name", "name_taken");
		return depts_page(ctx);
	}
	gw_audit(ctx, "department.create", "department", gw_db_insert_id(ctx->db), "%s",
		 v[P_NAME].s);
	return gw_redirect(ctx, "admin", "/departments", "created");
}

/* GET /departments/:id — rename, deactivate or activate it (200, 404). */
int dept_edit(struct gw_ctx *ctx)
{
	int rc = load_dept(ctx, gw_param_id(ctx, 0), 1);

	return rc ? rc : dept_page(ctx);
}

/* POST /departments/:id — rename: 303 to the list; 200 with a message; 404. */
int dept_rename(struct gw_ctx *ctx)
{
	long long id = gw_param_id(ctx, 0);
	struct gw_fval v[P__N];
	const char *old;
	int rc = load_dept(ctx, id, 0);

	if (rc)
		return rc;
	if (GW_FORM_READ(ctx, dept_form, v) || dept_name_taken(ctx, v[P_NAME].s, id))
		return dept_page(ctx);
	if (gw_db_exec(ctx->db, SQL_DEPT_RENAME, "si", v[P_NAME].s, id) < 0) {
		if (gw_db_errno(ctx->db) != DUPLICATE)
			return 500;
		gw_form_error(ctx, "name", "name_taken");
		return dept_page(ctx);
	}
	old = hdf_get_value(ctx->hdf, "Dept.name", "");
	if (strcmp(old, v[P_NAME].s))
		gw_audit(ctx, "department.rename", "department", id, "%s → %s", old, v[P_NAME].s);
	return gw_redirect(ctx, "admin", "/departments", "saved");
}

/* Switch a department on or off (its members keep it): 303 to the list; 404. */
static int set_dept_active(struct gw_ctx *ctx, int active)
{
	long long id = gw_param_id(ctx, 0);
	int rc = load_dept(ctx, id, 0);

	if (rc)
		return rc;
	if (gw_db_exec(ctx->db, SQL_DEPT_ACTIVE, "ii", (long long)active, id) < 0)
		return 500;
	gw_audit(ctx, active ? "department.activate" : "department.deactivate", "department", id,
		 "%s", hdf_get_value(ctx->hdf, "Dept.name", ""));
	return gw_redirect(ctx, "admin", "/departments",
			   active ? "dept_activated" : "dept_deactivated");
}

/* POST /departments/:id/deactivate — 303; 404. */
int dept_deactivate(struct gw_ctx *ctx)
{
	return set_dept_active(ctx, 0);
}

/* POST /departments/:id/activate — 303; 404. */
int dept_activate(struct gw_ctx *ctx)
{
	return set_dept_active(ctx, 1);
}
