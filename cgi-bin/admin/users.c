/* users.c — staff accounts (/admin/users…): the list, new and edit forms,
 * deactivation and password reset. */
#include <stdio.h>
#include <string.h>
#include "guwen/audit.h"
#include "guwen/auth.h"
#include "guwen/crypto.h"
#include "guwen/form.h"
#include "guwen/list.h"
#include "guwen/valid.h"
#include "guwen/view.h"
#include "admin.h"

#define PASSWORD_MIN 10
#define PASSWORD_LEN 14 /* generated: 14 of 56 symbols ≈ 81 bits */

static const char *const role_choices[] = {"advisor", "manager",  "market", "legal",
					   "project", "director", "admin",  NULL};
static const char *const active_choices[] = {"1", "0", NULL};
/* The fields an account's new and edit forms share, in this order. */
enum { F_NAME, F_EMAIL, F_PHONE, F_ROLE, F_DEPT, F_CLEARANCE, F_COUNT };
#define USER_FIELDS                                                                                \
	{"name", GW_F_TEXT, 1, 100, 0, 0, NULL}, {"email", GW_F_EMAIL, 0, 254, 0, 0, NULL},        \
	    {"phone", GW_F_PHONE, 0, 32, 0, 0, NULL},                                              \
	    {"role", GW_F_CHOICE, 1, 16, 0, 0, role_choices},                                      \
	    {"department_id", GW_F_INT, 1, 10, 1, 4294967295LL, NULL},                             \
	{                                                                                          \
		"clearance", GW_F_INT, 1, 1, 1, 3, NULL                                            \
	}

static const struct gw_fdef user_new_form[] = {
    {"login", GW_F_LOGIN, 1, 64, 0, 0, NULL},
    USER_FIELDS,
    {"password", GW_F_PASSWORD, 0, 200, 0, 0, NULL}, /* empty: generate one */
    END,
};
static const struct gw_fdef user_edit_form[] = {USER_FIELDS, END};
/* the new form: the login, the shared fields, the password */
enum { U_LOGIN, U_FIELDS, U_PASSWORD = U_FIELDS + F_COUNT, U__N };
GW_FORM_CHECK(user_new_form, U__N);
GW_FORM_CHECK(user_edit_form, F_COUNT);

/* GET /users?department=&role=&active=&q=&sort=&dir=&before= */
static const struct gw_list_filter user_filters[] = {
    {{"department", GW_F_INT, 0, 10, 1, 4294967295LL, NULL}, "u.department_id = ?", NULL},
    {{"role", GW_F_CHOICE, 0, 16, 0, 0, role_choices}, "u.role = ?", NULL},
    {{"active", GW_F_CHOICE, 0, 1, 0, 0, active_choices}, "u.active = ?", NULL},
    {{NULL, 0, 0, 0, 0, 0, NULL}, NULL, NULL},
};

static const struct gw_list_col user_cols[] = {
    {"login", "u.login", GW_LC_SORT | GW_LC_SEARCH, NULL, NULL, NULL},
    {"name", "u.name", GW_LC_SORT | GW_LC_SEARCH, NULL, NULL, NULL},
    {"role", "u.role", GW_LC_SORT, NULL, NULL, NULL},
    {"dept", "COALESCE(d.name, '')", GW_LC_SORT, NULL, NULL, NULL},
    {"clearance", "u.clearance", GW_LC_SORT, NULL, NULL, NULL},
    {"active", "u.active", GW_LC_SORT, NULL, NULL, NULL},
    {NULL, NULL, 0, NULL, NULL, NULL},
};

static const struct gw_list users = {
    .columns = "u.id, u.login, u.name, u.role, u.clearance, u.active,"
	       " COALESCE(d.name, '') AS dept",
    .from = "users u LEFT JOIN departments d ON d.id = u.department_id",
    .key = "u.id",
    .filters = user_filters,
    .cols = user_cols,
    .sort = "login",
    .rows = 20,
    .program = "admin",
    .path = "/users",
};

static const char SQL_USER[] =
    "SELECT u.id, u.login, u.name, COALESCE(u.email, '') AS email,"
    " COALESCE(u.phone, '') AS phone, u.role, COALESCE(u.department_id, 0) AS department_id,"
    " u.clearance, u.active, u.created_at, u.password_changed_at, COALESCE(d.name, '') AS dept"
    " FROM users u LEFT JOIN departments d ON d.id = u.department_id WHERE u.id = ?";
static const char SQL_LOGIN_TAKEN[] = "SELECT COUNT(*) FROM users WHERE login = ?";
static const char SQL_USER_INSERT[] =
    "INSERT INTO users (login, name, email, phone, role, department_id, clearance,"
    " password_hash, must_change, created_at, updated_at, password_changed_at)"
    " VALUES (?, ?, NULLIF(?, ''), NULLIF(?, ''), ?, ?, ?, ?, 1, ?, ?, ?)";
static const char SQL_USER_UPDATE[] =
    "UPDATE users SET name = ?, email = NULLIF(?, ''), phone = NULLIF(?, ''), role = ?,"
    " department_id = ?, clearance = ?, updated_at = ? WHERE id = ?";
static const char SQL_USER_ACTIVE[] = "UPDATE users SET active = ?, updated_at = ? WHERE id = ?";
static const char SQL_USER_SESSIONS_END[] = "DELETE FROM sessions WHERE user_id = ?";
static const char SQL_USER_MUST_CHANGE[] =
    "UPDATE users SET must_change = 1, updated_at = ? WHERE id = ?";
static const char SQL_DEPT_CHOICES[] =
    "SELECT id, name FROM departments WHERE active = 1 OR id = ? ORDER BY name";
static const char SQL_DEPT_ALL[] = "SELECT id, name FROM departments ORDER BY name";
static const char SQL_DEPT_VALID[] =
    "SELECT COUNT(*) FROM departments WHERE id = ? AND (active = 1 OR id = ?)";

/* A readable random password (no 0/O, 1/l/I), in the arena; NULL if the system
 * has no randomness. Never logged. */
static const char *new_password(struct gw_ctx *ctx)
{
	static const char sym[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	unsigned char r[64];
	char *pw = gw_arena_alloc(&ctx->arena, PASSWORD_LEN + 1);
	int n = 0;

	if (gw_crypto_random(r, sizeof(r)))
		return NULL;
	/* 224 = 4 × 56: larger bytes are skipped so every symbol is equally likely */
	for (size_t i = 0; i < sizeof(r) && n < PASSWORD_LEN; i++)
		if (r[i] < 224)
			pw[n++] = sym[r[i] % (sizeof(sym) - 1)];
	return n == PASSWORD_LEN ? pw : NULL;
}

static int users_page(struct gw_ctx *ctx)
{
	struct admin_options o = {ctx->hdf, "Opt.Depts"};

	if (gw_db_each(ctx->db, admin_option_row, &o, SQL_DEPT_ALL, NULL) < 0)
		return 500;
	return admin_page(ctx, "users", "Admin.Users.Title", "admin_users.cs");
}

/* GET /users — staff accounts by department, role and status, searched and
 * sorted, 20 a page (200). */
int users_list(struct gw_ctx *ctx)
{
	struct gw_list_run r;

	gw_list_read(ctx, &users, &r);
	if (gw_list_page(ctx, &r))
		return 500;
	return users_page(ctx);
}

/* The account form (new or edit) with the departments to choose from: active
 * ones, plus the account's own if that was deactivated. */
static int user_form_page(struct gw_ctx *ctx, const char *title, long long own_dept)
{
	struct admin_options o = {ctx->hdf, "Opt.Depts"};

	if (gw_db_each(ctx->db, admin_option_row, &o, SQL_DEPT_CHOICES, "i", own_dept) < 0)
		return 500;
	return admin_page(ctx, "users", title, "admin_user_form.cs");
}

/* Load account id into Target.* (and, with fill, its editable values into Form.*).
 * Returns 0, 404 or 500. */
static int load_user(struct gw_ctx *ctx, long long id, int fill)
{
	int found = gw_db_row(ctx->db, ctx->hdf, "Target", SQL_USER, "i", id);
	char from[64], to[64];

	if (found <= 0)
		return found < 0 ? 500 : 404;
	for (int i = 0; fill && user_edit_form[i].name; i++) {
		snprintf(from, sizeof(from), "Target.%s", user_edit_form[i].name);
		snprintf(to, sizeof(to), "Form.%s", user_edit_form[i].name);
		gw_hdf_set(ctx->hdf, to, hdf_get_value(ctx->hdf, from, ""));
	}
	return 0;
}

/* Checks the form table cannot express: the department must exist and be active
 * (or be the account's current one). Returns the number of bad fields. */
static int check_user(struct gw_ctx *ctx, const struct gw_fval *f, long long own_dept)
{
	long long ok = 0;

	if (!f[F_DEPT].present || hdf_get_value(ctx->hdf, "Form.department_id.Error", NULL))
		return 0;
	gw_db_int(ctx->db, &ok, SQL_DEPT_VALID, "ii", f[F_DEPT].i, own_dept);
	return ok ? 0 : gw_form_error(ctx, "department_id", "bad_choice");
}

/* Insert the account with the password's hash; its id, 0 if the login is taken, -1. */
static long long insert_user(struct gw_ctx *ctx, const char *login, const struct gw_fval *f,
			     const char *password)
{
	char hash[GW_PASSWORD_HASH_MAX];
	const char *now = gw_now_utc(ctx);

	if (gw_password_hash(password, hash, sizeof(hash)))
		return -1;
	if (gw_db_exec(ctx->db, SQL_USER_INSERT, "sssssiissss", login, f[F_NAME].s, f[F_EMAIL].s,
		       f[F_PHONE].s, f[F_ROLE].s, f[F_DEPT].i, f[F_CLEARANCE].i, hash, now, now,
		       now) != 1)
		return gw_db_errno(ctx->db) == DUPLICATE ? 0 : -1;
	return gw_db_insert_id(ctx->db);
}

/* The page that shows a new password once (200): it is in this response only,
 * never in a URL, a cookie or the log; responses are never cached. */
static int show_password(struct gw_ctx *ctx, long long id, const char *password, const char *flash)
{
	int rc = load_user(ctx, id, 0);

	if (rc)
		return rc;
	gw_hdf_set(ctx->hdf, "NewPassword", password);
	gw_hdf_set(ctx->hdf, "Flash", flash);
	return admin_page(ctx, "users", "Admin.Users.PasswordTitle", "admin_user_password.cs");
}

/* GET /users/new — the form for a new account (200). */
int user_new(struct gw_ctx *ctx)
{
	gw_hdf_set(ctx->hdf, "Form.clearance", "1");
	return user_form_page(ctx, "Admin.Users.NewTitle", 0);
}

/* POST /users — create an account: 303 to it when the admin typed the password;
 * 200 with a generated password shown once; 200 with the form and messages. */
int user_create(struct gw_ctx *ctx)
{
	struct gw_fval v[U__N];
	const struct gw_fval *login = &v[U_LOGIN], *f = &v[U_FIELDS], *pw = &v[U_PASSWORD];
	int bad = GW_FORM_READ(ctx, user_new_form, v);
	long long taken = 0, id = 0;
	const char *password;

	bad += check_user(ctx, f, 0);
	if (pw->present && strlen(pw->s) < PASSWORD_MIN)
		bad += gw_form_error(ctx, "password", "password_short");
	if (!bad && gw_db_int(ctx->db, &taken, SQL_LOGIN_TAKEN, "s", login->s) >= 0 && taken)
		bad += gw_form_error(ctx, "login", "login_taken");
	password = pw->present ? pw->s : new_password(ctx);
	if (!bad && (!password || (id = insert_user(ctx, login->s, f, password)) < 0))
		return 500;
	if (!bad && id == 0)
		bad += gw_form_error(ctx, "login", "login_taken"); /* created meanwhile */
	if (bad)
		return user_form_page(ctx, "Admin.Users.NewTitle", 0);
	gw_audit(ctx, "user.create", "user", id,
		 "login %s; name %s; role %s; department_id %lld; clearance %lld; password %s",
		 login->s, f[F_NAME].s, f[F_ROLE].s, f[F_DEPT].i, f[F_CLEARANCE].i,
		 pw->present ? "set by admin" : "generated");
	if (pw->present)
		return gw_redirect(ctx, "admin", admin_path_id(ctx, "/users/%lld", id), "created");
	return show_password(ctx, id, password, "created");
}

static int user_edit_page(struct gw_ctx *ctx)
{
	return user_form_page(ctx, "Admin.Users.EditTitle",
			      hdf_get_int_value(ctx->hdf, "Target.department_id", 0));
}

/* GET /users/:id — the account's form and actions (200, 404). */
int user_edit(struct gw_ctx *ctx)
{
	int rc = load_user(ctx, gw_param_id(ctx, 0), 1);

	return rc ? rc : user_edit_page(ctx);
}

/* "field: old → new; …" for each field of f that differs from Target.*. */
static const char *user_changes(struct gw_ctx *ctx, const struct gw_fval *f)
{
	const char *out = "";
	char key[64];

	for (int i = 0; i < F_COUNT; i++) {
		const char *name = user_edit_form[i].name, *old, *now = f[i].s;

		snprintf(key, sizeof(key), "Target.%s", name);
		old = hdf_get_value(ctx->hdf, key, "");
		if (user_edit_form[i].type == GW_F_INT)
			now = gw_arena_printf(&ctx->arena, "%lld", f[i].i);
		if (strcmp(old, now))
			out = gw_arena_printf(&ctx->arena, "%s%s%s: %s → %s", out, *out ? "; " : "",
					      name, old, now);
	}
	return out;
}

/* POST /users/:id — save the account: 303 to the list; 200 with messages; 404. */
int user_update(struct gw_ctx *ctx)
{
	long long id = gw_param_id(ctx, 0);
	struct gw_fval f[F_COUNT];
	const char *changes;
	int bad, rc = load_user(ctx, id, 0);

	if (rc)
		return rc;
	bad = GW_FORM_READ(ctx, user_edit_form, f);
	bad += check_user(ctx, f, hdf_get_int_value(ctx->hdf, "Target.department_id", 0));
	/* an admin who demoted themselves could lock everyone out */
	if (id == ctx->user->id && strcmp(f[F_ROLE].s, hdf_get_value(ctx->hdf, "Target.role", "")))
		bad += gw_form_error(ctx, "role", "own_role");
	if (bad)
		return user_edit_page(ctx);
	changes = user_changes(ctx, f);
	if (gw_db_exec(ctx->db, SQL_USER_UPDATE, "ssssiisi", f[F_NAME].s, f[F_EMAIL].s,
		       f[F_PHONE].s, f[F_ROLE].s, f[F_DEPT].i, f[F_CLEARANCE].i, gw_now_utc(ctx),
		       id) < 0)
		return 500;
	if (*changes)
		gw_audit(ctx, "user.update", "user", id, "%s", changes);
	return gw_redirect(ctx, "admin", "/users", "saved");
}

/* Switch an account on or off; off also ends its sessions at once. 303; 404. */
static int set_user_active(struct gw_ctx *ctx, long long id, int active)
{
	long long ended = 0;
	int rc = load_user(ctx, id, 0);

	if (rc)
		return rc;
	if (gw_db_begin(ctx->db) ||
	    gw_db_exec(ctx->db, SQL_USER_ACTIVE, "isi", (long long)active, gw_now_utc(ctx), id) <
		0 ||
	    (!active && (ended = gw_db_exec(ctx->db, SQL_USER_SESSIONS_END, "i", id)) < 0) ||
	    gw_audit(ctx, active ? "user.activate" : "user.deactivate", "user", id, "login %s%s",
		     hdf_get_value(ctx->hdf, "Target.login", ""),
		     active ? "" : gw_arena_printf(&ctx->arena, "; sessions ended %lld", ended)) ||
	    gw_db_commit(ctx->db)) {
		gw_db_rollback(ctx->db);
		return 500;
	}
	return gw_redirect(ctx, "admin", admin_path_id(ctx, "/users/%lld", id),
			   active ? "activated" : "deactivated");
}

/* POST /users/:id/deactivate — 303; 403 for one's own account; 404. */
int user_deactivate(struct gw_ctx *ctx)
{
	long long id = gw_param_id(ctx, 0);

	return id == ctx->user->id ? 403 : set_user_active(ctx, id, 0);
}

/* POST /users/:id/activate — 303; 404. */
int user_activate(struct gw_ctx *ctx)
{
	return set_user_active(ctx, gw_param_id(ctx, 0), 1);
}

/* POST /users/:id/password — a generated password, shown once (200); the
 * account's sessions end; 404. */
int user_reset_password(struct gw_ctx *ctx)
{
	long long id = gw_param_id(ctx, 0);
	const char *pw;
	int rc = load_user(ctx, id, 0);

	if (rc)
		return rc;
	if (!(pw = new_password(ctx)) || gw_auth_set_password(ctx, id, pw) ||
	    gw_db_exec(ctx->db, SQL_USER_MUST_CHANGE, "si", gw_now_utc(ctx), id) < 0)
		return 500;
	gw_audit(ctx, "user.password_reset", "user", id, "login %s",
		 hdf_get_value(ctx->hdf, "Target.login", ""));
	return show_password(ctx, id, pw, "password_reset");
}
