/* project_types.c — the project types as a catalogue (/admin/project-types…):
 * an admin adds a type (code, names, monthly or not) and edits its ordered
 * steps and its materials checklist (项目资料清单): add, rename, move up or
 * down, switch off and on. Nothing is deleted: a step checked off and a
 * material received refer to their seq, which never changes; the order is pos. */
#include <string.h>

#include "guwen/audit.h"
#include "guwen/form.h"
#include "guwen/view.h"
#include "admin.h"

#define MAX_ITEMS 99 /* a step or material number is 1–99 in the project forms */

enum { T_CODE, T_ZH, T_EN, T_MONTHLY, T__N };
static const struct gw_fdef type_form[] = {
    [T_CODE] = {.name = "code", .type = GW_F_LOGIN, .required = 1, .maxlen = 32},
    [T_ZH] = {.name = "name_zh", .type = GW_F_TEXT, .required = 1, .maxlen = 100},
    [T_EN] = {.name = "name_en", .type = GW_F_TEXT, .required = 1, .maxlen = 100},
    [T_MONTHLY] = {.name = "monthly", .type = GW_F_CHECKBOX},
    [T__N] = {.name = NULL},
};
GW_FORM_CHECK(type_form, T__N);

/* renaming a type: its code and monthly stay (projects and periods rely on them) */
enum { N_ZH, N_EN, N__N };
static const struct gw_fdef rename_form[] = {
    [N_ZH] = {.name = "name_zh", .type = GW_F_TEXT, .required = 1, .maxlen = 100},
    [N_EN] = {.name = "name_en", .type = GW_F_TEXT, .required = 1, .maxlen = 100},
    [N__N] = {.name = NULL},
};
GW_FORM_CHECK(rename_form, N__N);

/* a step or material, added or renamed: the fields are named per list so that
 * the page's several forms keep their own input */
enum { I_ZH, I_EN, I__N };

static const char SQL_TYPES[] =
    "SELECT t.id, t.code, t.name_zh, t.name_en, t.monthly, t.active,"
    " (SELECT COUNT(*) FROM project_type_steps s WHERE s.type_id = t.id AND s.active = 1)"
    "  AS steps,"
    " (SELECT COUNT(*) FROM project_type_materials m WHERE m.type_id = t.id AND m.active = 1)"
    "  AS materials FROM project_types t ORDER BY t.id";
static const char SQL_TYPE[] =
    "SELECT id, code, name_zh, name_en, monthly, active FROM project_types WHERE id = ?";
static const char SQL_TYPE_INSERT[] =
    "INSERT INTO project_types (code, name_zh, name_en, monthly) VALUES (?, ?, ?, ?)";
static const char SQL_TYPE_RENAME[] =
    "UPDATE project_types SET name_zh = ?, name_en = ? WHERE id = ?";
static const char SQL_TYPE_ACTIVE[] = "UPDATE project_types SET active = ? WHERE id = ?";

/* One ordered list of a type: its steps or its materials. */
struct item_list {
	const char *kind;  /* "steps" | "materials": the path and the HDF node */
	const char *audit; /* "project_type.step" | "project_type.material" */
	struct gw_fdef form[I__N + 1];
	const char *rows, *get, *count, *insert, *rename, *active, *pos, *above, *below;
};

#define ITEM_SQL(T)                                                                                \
	.rows = "SELECT seq, pos, name_zh, name_en, active FROM " T " WHERE type_id = ?"           \
		" ORDER BY pos, seq",                                                              \
	.get =                                                                                     \
	    "SELECT seq, pos, name_zh, name_en, active FROM " T " WHERE type_id = ? AND seq = ?",  \
	.count = "SELECT COUNT(*) FROM " T " WHERE type_id = ?",                                   \
	.insert = "INSERT INTO " T " (type_id, seq, pos, name_zh, name_en)"                        \
		  " SELECT ?, COALESCE(MAX(seq), 0) + 1, COALESCE(MAX(pos), 0) + 1, ?, ?"          \
		  " FROM " T " WHERE type_id = ?",                                                 \
	.rename = "UPDATE " T " SET name_zh = ?, name_en = ? WHERE type_id = ? AND seq = ?",       \
	.active = "UPDATE " T " SET active = ? WHERE type_id = ? AND seq = ?",                     \
	.pos = "UPDATE " T " SET pos = ? WHERE type_id = ? AND seq = ?",                           \
	.above = "SELECT seq, pos FROM " T " WHERE type_id = ? AND pos < ?"                        \
		 " ORDER BY pos DESC LIMIT 1",                                                     \
	.below = "SELECT seq, pos FROM " T " WHERE type_id = ? AND pos > ? ORDER BY pos LIMIT 1"

#define ITEM_FORM(zh, en)                                                                          \
	{                                                                                          \
		[I_ZH] = {.name = zh, .type = GW_F_TEXT, .required = 1, .maxlen = 100},            \
		[I_EN] = {.name = en, .type = GW_F_TEXT, .required = 1, .maxlen = 100},            \
		[I__N] = {.name = NULL},                                                           \
	}

static const struct item_list steps = {
    .kind = "steps",
    .audit = "project_type.step",
    .form = ITEM_FORM("step_zh", "step_en"),
    ITEM_SQL("project_type_steps"),
};
static const struct item_list materials = {
    .kind = "materials",
    .audit = "project_type.material",
    .form = ITEM_FORM("material_zh", "material_en"),
    ITEM_SQL("project_type_materials"),
};
/* the row being renamed keeps its own field names, whichever list it is in */
static const struct gw_fdef item_rename_form[] = ITEM_FORM("item_zh", "item_en");

/* ---- pages ---- */

static int types_page(struct gw_ctx *ctx)
{
	if (gw_db_rows(ctx->db, ctx->hdf, "Types", SQL_TYPES, NULL) < 0)
		return 500;
	return admin_page(ctx, "project_types", "Admin.Types.Title", "admin_project_types.cs");
}

/* Load type id into Type.* (with fill, its names into Form.*). 0, 404, 500. */
static int load_type(struct gw_ctx *ctx, long long id, int fill)
{
	int found = gw_db_row(ctx->db, ctx->hdf, "Type", SQL_TYPE, "i", id);

	if (found <= 0)
		return found < 0 ? 500 : 404;
	if (fill) {
		gw_hdf_set(ctx->hdf, "Form.name_zh", hdf_get_value(ctx->hdf, "Type.name_zh", ""));
		gw_hdf_set(ctx->hdf, "Form.name_en", hdf_get_value(ctx->hdf, "Type.name_en", ""));
	}
	return 0;
}

/* The type's page: its names, its steps and its materials in their order. */
static int type_page(struct gw_ctx *ctx, long long id)
{
	if (gw_db_rows(ctx->db, ctx->hdf, "Steps", steps.rows, "i", id) < 0 ||
	    gw_db_rows(ctx->db, ctx->hdf, "Materials", materials.rows, "i", id) < 0)
		return 500;
	return admin_page(ctx, "project_types", "Admin.Types.EditTitle",
			  "admin_project_type_form.cs");
}

/* GET /project-types — the types with their active steps and materials, and a
 * form for a new one (200). */
int types_list(struct gw_ctx *ctx)
{
	return types_page(ctx);
}

/* POST /project-types — add a type: 303 to its page; 200 with messages. */
int type_create(struct gw_ctx *ctx)
{
	struct gw_fval v[T__N];
	long long id;

	if (GW_FORM_READ(ctx, type_form, v))
		return types_page(ctx);
	if (gw_db_exec(ctx->db, SQL_TYPE_INSERT, "sssi", v[T_CODE].s, v[T_ZH].s, v[T_EN].s,
		       v[T_MONTHLY].i) != 1) {
		if (gw_db_errno(ctx->db) != DUPLICATE)
			return 500;
		gw_form_error(ctx, "code", "code_taken");
		return types_page(ctx);
	}
	id = gw_db_insert_id(ctx->db);
	gw_audit(ctx, "project_type.create", "project_type", id, "%s %s / %s%s", v[T_CODE].s,
		 v[T_ZH].s, v[T_EN].s, v[T_MONTHLY].i ? " monthly" : "");
	return gw_redirect(ctx, "admin", admin_path_id(ctx, "/project-types/%lld", id), "created");
}

/* GET /project-types/:id — the type, its steps and materials (200, 404). */
int type_edit(struct gw_ctx *ctx)
{
	long long id = gw_param_id(ctx, 0);
	int rc = load_type(ctx, id, 1);

	return rc ? rc : type_page(ctx, id);
}

/* POST /project-types/:id — rename it: 303 back; 200 with messages; 404. */
int type_rename(struct gw_ctx *ctx)
{
	long long id = gw_param_id(ctx, 0);
	struct gw_fval v[N__N];
	int rc = load_type(ctx, id, 0);

	if (rc)
		return rc;
	if (GW_FORM_READ(ctx, rename_form, v))
		return type_page(ctx, id);
	if (gw_db_exec(ctx->db, SQL_TYPE_RENAME, "ssi", v[N_ZH].s, v[N_EN].s, id) < 0)
		return 500;
	gw_audit(ctx, "project_type.rename", "project_type", id, "%s / %s → %s / %s",
		 hdf_get_value(ctx->hdf, "Type.name_zh", ""),
		 hdf_get_value(ctx->hdf, "Type.name_en", ""), v[N_ZH].s, v[N_EN].s);
	return gw_redirect(ctx, "admin", admin_path_id(ctx, "/project-types/%lld", id), "saved");
}

/* Switch a type off (no new projects of it; its projects go on) or on: 303; 404. */
static int set_type_active(struct gw_ctx *ctx, int active)
{
	long long id = gw_param_id(ctx, 0);
	int rc = load_type(ctx, id, 0);

	if (rc)
		return rc;
	if (gw_db_exec(ctx->db, SQL_TYPE_ACTIVE, "ii", (long long)active, id) < 0)
		return 500;
	gw_audit(ctx, active ? "project_type.activate" : "project_type.deactivate", "project_type",
		 id, "%s", hdf_get_value(ctx->hdf, "Type.code", ""));
	return gw_redirect(ctx, "admin", admin_path_id(ctx, "/project-types/%lld", id),
			   active ? "type_activated" : "type_deactivated");
}

/* POST /project-types/:id/deactivate — 303; 404. */
int type_deactivate(struct gw_ctx *ctx)
{
	return set_type_active(ctx, 0);
}

/* POST /project-types/:id/activate — 303; 404. */
int type_activate(struct gw_ctx *ctx)
{
	return set_type_active(ctx, 1);
}

/* ---- steps and materials ---- */

/* Back to the type's page at the list, with a flash. */
static int back_to(struct gw_ctx *ctx, long long id, const struct item_list *l, const char *flash)
{
	const char *path = gw_arena_printf(&ctx->arena, "/project-types/%lld#%s", id, l->kind);

	return gw_redirect(ctx, "admin", path, flash);
}

/* POST /project-types/:id/{steps,materials} — add one at the end: 303; 200
 * with messages (also when the list holds MAX_ITEMS); 404. */
static int item_add(struct gw_ctx *ctx, const struct item_list *l)
{
	long long id = gw_param_id(ctx, 0), n = 0;
	struct gw_fval v[I__N];
	int rc = load_type(ctx, id, 1);

	if (rc)
		return rc;
	if (gw_form_read(ctx, l->form, v))
		return type_page(ctx, id);
	if (gw_db_int(ctx->db, &n, l->count, "i", id) < 0)
		return 500;
	if (n >= MAX_ITEMS)
		return gw_form_error(ctx, l->form[I_ZH].name, "too_many_items"), type_page(ctx, id);
	if (gw_db_exec(ctx->db, l->insert, "issi", id, v[I_ZH].s, v[I_EN].s, id) != 1)
		return 500;
	gw_audit(ctx, gw_arena_printf(&ctx->arena, "%s.add", l->audit), "project_type", id,
		 "%s / %s", v[I_ZH].s, v[I_EN].s);
	return back_to(ctx, id, l, "item_added");
}

/* Load the type (route :id) and its item (route :seq) into Item.*. 0, 404, 500. */
static int load_item(struct gw_ctx *ctx, const struct item_list *l, long long *id, long long *seq)
{
	int rc, found;

	*id = gw_param_id(ctx, 0);
	*seq = gw_param_id(ctx, 1);
	rc = load_type(ctx, *id, 1);
	if (rc)
		return rc;
	found = gw_db_row(ctx->db, ctx->hdf, "Item", l->get, "ii", *id, *seq);
	return found < 0 ? 500 : found ? 0 : 404;
}

/* POST /project-types/:id/{steps,materials}/:seq — rename it: 303; 200 with
 * the row's input and message; 404. */
static int item_rename(struct gw_ctx *ctx, const struct item_list *l)
{
	long long id, seq;
	struct gw_fval v[I__N];
	int rc = load_item(ctx, l, &id, &seq);

	if (rc)
		return rc;
	if (gw_form_read(ctx, item_rename_form, v)) {
		gw_hdf_set(ctx->hdf, "Edit.kind", l->kind);
		gw_hdf_set_int(ctx->hdf, "Edit.seq", (int)seq);
		return type_page(ctx, id);
	}
	if (gw_db_exec(ctx->db, l->rename, "ssii", v[I_ZH].s, v[I_EN].s, id, seq) < 0)
		return 500;
	gw_audit(ctx, gw_arena_printf(&ctx->arena, "%s.rename", l->audit), "project_type", id,
		 "%lld: %s / %s → %s / %s", seq, hdf_get_value(ctx->hdf, "Item.name_zh", ""),
		 hdf_get_value(ctx->hdf, "Item.name_en", ""), v[I_ZH].s, v[I_EN].s);
	return back_to(ctx, id, l, "saved");
}

/* Switch an item off (new projects no longer list it; where it was checked
 * off or received it stays shown) or on: 303; 404. */
static int item_set_active(struct gw_ctx *ctx, const struct item_list *l, int active)
{
	long long id, seq;
	int rc = load_item(ctx, l, &id, &seq);

	if (rc)
		return rc;
	if (gw_db_exec(ctx->db, l->active, "iii", (long long)active, id, seq) < 0)
		return 500;
	gw_audit(
	    ctx,
	    gw_arena_printf(&ctx->arena, "%s.%s", l->audit, active ? "activate" : "deactivate"),
	    "project_type", id, "%lld: %s", seq, hdf_get_value(ctx->hdf, "Item.name_zh", ""));
	return back_to(ctx, id, l, active ? "item_activated" : "item_deactivated");
}

/* Swap the item's place with its neighbour above (up) or below: 303 (also
 * when it is first or last already); 404. */
static int item_move(struct gw_ctx *ctx, const struct item_list *l, int up)
{
	long long id, seq, pos;
	int rc = load_item(ctx, l, &id, &seq), found;

	if (rc)
		return rc;
	pos = hdf_get_int_value(ctx->hdf, "Item.pos", 0);
	found = gw_db_row(ctx->db, ctx->hdf, "Next", up ? l->above : l->below, "ii", id, pos);
	if (found < 0)
		return 500;
	if (!found)
		return back_to(ctx, id, l, NULL);
	if (gw_db_begin(ctx->db) ||
	    gw_db_exec(ctx->db, l->pos, "iii", hdf_get_int_value(ctx->hdf, "Next.pos", 0), id,
		       seq) < 0 ||
	    gw_db_exec(ctx->db, l->pos, "iii", pos, id,
		       (long long)hdf_get_int_value(ctx->hdf, "Next.seq", 0)) < 0 ||
	    gw_audit(ctx, gw_arena_printf(&ctx->arena, "%s.move", l->audit), "project_type", id,
		     "%lld %s", seq, up ? "up" : "down") ||
	    gw_db_commit(ctx->db)) {
		gw_db_rollback(ctx->db);
		return 500;
	}
	return back_to(ctx, id, l, "moved");
}

/* The routes' handlers, one per list and action (all 303; 200 with messages; 404). */
int step_add(struct gw_ctx *ctx)
{
	return item_add(ctx, &steps);
}
int step_rename(struct gw_ctx *ctx)
{
	return item_rename(ctx, &steps);
}
int step_up(struct gw_ctx *ctx)
{
	return item_move(ctx, &steps, 1);
}
int step_down(struct gw_ctx *ctx)
{
	return item_move(ctx, &steps, 0);
}
int step_deactivate(struct gw_ctx *ctx)
{
	return item_set_active(ctx, &steps, 0);
}
int step_activate(struct gw_ctx *ctx)
{
	return item_set_active(ctx, &steps, 1);
}
int material_add(struct gw_ctx *ctx)
{
	return item_add(ctx, &materials);
}
int material_rename(struct gw_ctx *ctx)
{
	return item_rename(ctx, &materials);
}
int material_up(struct gw_ctx *ctx)
{
	return item_move(ctx, &materials, 1);
}
int material_down(struct gw_ctx *ctx)
{
	return item_move(ctx, &materials, 0);
}
int material_deactivate(struct gw_ctx *ctx)
{
	return item_set_active(ctx, &materials, 0);
}
int material_activate(struct gw_ctx *ctx)
{
	return item_set_active(ctx, &materials, 1);
}
