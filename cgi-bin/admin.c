/* admin.c — administration (/admin/…): staff accounts, departments, the
 * working-day calendar, settings and the audit log; the mail page is in
 * admin_mail.c (cgi-bin/admin_*.c are linked into this program). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "guwen/app.h"
#include "guwen/audit.h"
#include "guwen/auth.h"
#include "guwen/csv.h"
#include "guwen/crypto.h"
#include "guwen/form.h"
#include "guwen/valid.h"
#include "guwen/view.h"
#include "guwen/workday.h"
#include "admin_mail.h"

#define USERS_PER_PAGE 20
#define AUDIT_PER_PAGE 50
#define AUDIT_CSV_MAX 100000 /* rows in one export; the filters narrow it further */
#define PASSWORD_MIN 10
#define PASSWORD_LEN 14 /* generated: 14 of 56 symbols ≈ 81 bits */
#define DUPLICATE 1062  /* server error: duplicate key */

/* ---- forms ---- */

static const char *const role_choices[] = { "advisor", "manager", "market", "legal",
					    "project", "director", "admin", NULL };
static const char *const active_choices[] = { "1", "0", NULL };
static const char *const kind_choices[] = { "holiday", "workday", NULL };

/* The fields an account's new and edit forms share, in this order. */
enum { F_NAME, F_EMAIL, F_PHONE, F_ROLE, F_DEPT, F_CLEARANCE, F_COUNT };
#define USER_FIELDS                                                            \
	{ "name", GW_F_TEXT, 1, 100, 0, 0, NULL },                             \
	{ "email", GW_F_EMAIL, 0, 254, 0, 0, NULL },                           \
	{ "phone", GW_F_PHONE, 0, 32, 0, 0, NULL },                            \
	{ "role", GW_F_CHOICE, 1, 16, 0, 0, role_choices },                    \
	{ "department_id", GW_F_INT, 1, 10, 1, 4294967295LL, NULL },           \
	{ "clearance", GW_F_INT, 1, 1, 1, 3, NULL }
#define END { NULL, 0, 0, 0, 0, 0, NULL }

static const struct gw_fdef user_new_form[] = {
	{ "login", GW_F_LOGIN, 1, 64, 0, 0, NULL },
	USER_FIELDS,
	{ "password", GW_F_PASSWORD, 0, 200, 0, 0, NULL }, /* empty: generate one */
	END,
};
static const struct gw_fdef user_edit_form[] = { USER_FIELDS, END };

/* GET /users?department=&role=&active=&page= */
static const struct gw_fdef user_filter[] = {
	{ "department", GW_F_INT, 0, 10, 1, 4294967295LL, NULL },
	{ "role", GW_F_CHOICE, 0, 16, 0, 0, role_choices },
	{ "active", GW_F_CHOICE, 0, 1, 0, 0, active_choices },
	{ "page", GW_F_INT, 0, 6, 1, 100000, NULL },
	END,
};

static const struct gw_fdef dept_form[] = {
	{ "name", GW_F_TEXT, 1, 100, 0, 0, NULL },
	END,
};

static const struct gw_fdef day_form[] = {
	{ "date", GW_F_DATE, 1, 10, 0, 0, NULL },
	{ "kind", GW_F_CHOICE, 1, 8, 0, 0, kind_choices },
	{ "name", GW_F_TEXT, 0, 100, 0, 0, NULL },
	END,
};
static const struct gw_fdef day_delete_form[] = {
	{ "day", GW_F_DATE, 1, 10, 0, 0, NULL },
	END,
};
static const struct gw_fdef import_form[] = {
	{ "tsv", GW_F_TEXTAREA, 1, 30000, 0, 0, NULL },
	END,
};

/* One field per row of the settings table; the name is the row's name. */
static const struct gw_fdef settings_form[] = {
	{ "centre_name", GW_F_TEXT, 1, 100, 0, 0, NULL },
	{ "contact_days", GW_F_INT, 1, 3, 1, 365, NULL },
	{ "summary_weekday", GW_F_INT, 1, 1, 1, 7, NULL },
	/* complaint deadlines: working days for a and b, clock hours for c and d */
	{ "complaint_a_response", GW_F_INT, 1, 3, 1, 60, NULL },
	{ "complaint_a_resolution", GW_F_INT, 1, 3, 1, 120, NULL },
	{ "complaint_b_response", GW_F_INT, 1, 3, 1, 60, NULL },
	{ "complaint_b_resolution", GW_F_INT, 1, 3, 1, 120, NULL },
	{ "complaint_c_response", GW_F_INT, 1, 4, 1, 720, NULL },
	{ "complaint_c_resolution", GW_F_INT, 1, 4, 1, 2160, NULL },
	{ "complaint_d_response", GW_F_INT, 1, 4, 1, 720, NULL },
	{ "complaint_d_resolution", GW_F_INT, 1, 4, 1, 2160, NULL },
	{ "complaint_warn_hours", GW_F_INT, 1, 4, 1, 720, NULL },
	{ "complaint_director_after_hours", GW_F_INT, 1, 4, 1, 720, NULL },
	END,
};

/* GET /audit?user=&entity=&action=&from=&to=&page= (dates are local days) */
enum { A_USER, A_ENTITY, A_ACTION, A_FROM, A_TO, A_PAGE, A_COUNT };
static const struct gw_fdef audit_filter[] = {
	{ "user", GW_F_TEXT, 0, 64, 0, 0, NULL },
	{ "entity", GW_F_TEXT, 0, 32, 0, 0, NULL },
	{ "action", GW_F_TEXT, 0, 48, 0, 0, NULL },
	{ "from", GW_F_DATE, 0, 10, 0, 0, NULL },
	{ "to", GW_F_DATE, 0, 10, 0, 0, NULL },
	{ "page", GW_F_INT, 0, 6, 1, 100000, NULL },
	END,
};

/* ---- statements ---- */

/* An empty filter value switches its condition off; MariaDB folds the constant
 * per execution, so the index of the filter that is on gets used. */
#define USERS_WHERE                                                               \
	" WHERE (? = 0 OR u.department_id = ?) AND (? = '' OR u.role = ?)"       \
	" AND (? < 0 OR u.active = ?)"
static const char SQL_USERS[] =
	"SELECT u.id, u.login, u.name, u.role, u.clearance, u.active, COALESCE(d.name, '') AS dept"
	" FROM users u LEFT JOIN departments d ON d.id = u.department_id" USERS_WHERE
	" ORDER BY u.login LIMIT ? OFFSET ?";
static const char SQL_USERS_COUNT[] = "SELECT COUNT(*) FROM users u" USERS_WHERE;
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

#define DEPT_MEMBERS                                                            \
	"(SELECT COUNT(*) FROM users u WHERE u.department_id = d.id AND u.active = 1)"
static const char SQL_DEPTS[] = "SELECT d.id, d.name, d.active, " DEPT_MEMBERS " AS members"
				" FROM departments d ORDER BY d.active DESC, d.name";
static const char SQL_DEPT[] = "SELECT d.id, d.name, d.active, " DEPT_MEMBERS " AS members"
			       " FROM departments d WHERE d.id = ?";
static const char SQL_DEPT_NAME_TAKEN[] =
	"SELECT COUNT(*) FROM departments WHERE name = ? AND id <> ?";
static const char SQL_DEPT_INSERT[] = "INSERT INTO departments (name, created_at) VALUES (?, ?)";
static const char SQL_DEPT_RENAME[] = "UPDATE departments SET name = ? WHERE id = ?";
static const char SQL_DEPT_ACTIVE[] = "UPDATE departments SET active = ? WHERE id = ?";

static const char SQL_CAL_YEAR[] =
	"SELECT day, kind, name FROM calendar_days WHERE day BETWEEN ? AND ? ORDER BY day";
static const char SQL_CAL_DAY[] = "SELECT kind, name FROM calendar_days WHERE day = ?";
static const char SQL_CAL_SET[] =
	"INSERT INTO calendar_days (day, kind, name, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)"
	" ON DUPLICATE KEY UPDATE kind = VALUES(kind), name = VALUES(name),"
	" updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)";
static const char SQL_CAL_DELETE[] = "DELETE FROM calendar_days WHERE day = ?";

static const char SQL_SETTINGS[] = "SELECT name, value FROM settings";
static const char SQL_SETTING_SET[] =
	"INSERT INTO settings (name, value, updated_by, updated_at) VALUES (?, ?, ?, ?)"
	" ON DUPLICATE KEY UPDATE value = VALUES(value), updated_by = VALUES(updated_by),"
	" updated_at = VALUES(updated_at)";

static const char SQL_USER_ID[] = "SELECT id FROM users WHERE login = ?";
#define AUDIT_WHERE                                                               \
	" WHERE (? = 0 OR a.user_id = ?) AND (? = '' OR a.entity = ?)"           \
	" AND (? = '' OR a.action LIKE ?) AND (? = '' OR a.at >= ?) AND (? = '' OR a.at < ?)"
static const char SQL_AUDIT_PAGE[] =
	"SELECT a.id, a.at, a.ip, a.action, a.entity, a.entity_id, a.detail,"
	" COALESCE(u.login, '') AS login, COALESCE(u.name, '') AS name"
	" FROM audit_log a LEFT JOIN users u ON u.id = a.user_id" AUDIT_WHERE
	" ORDER BY a.id DESC LIMIT ? OFFSET ?";
static const char SQL_AUDIT_CSV[] =
	"SELECT a.at, COALESCE(u.login, ''), COALESCE(u.name, ''), a.ip, a.action, a.entity,"
	" a.entity_id, a.detail FROM audit_log a LEFT JOIN users u ON u.id = a.user_id"
	AUDIT_WHERE " ORDER BY a.id DESC LIMIT ?";

/* ---- helpers ---- */

/* Render an admin page: title is an L key, section marks the sub-navigation. */
static int page(struct gw_ctx *ctx, const char *section, const char *title, const char *tpl)
{
	hdf_set_value(ctx->hdf, "Page.Nav", "admin");
	hdf_set_value(ctx->hdf, "Page.Title", title);
	hdf_set_value(ctx->hdf, "Admin.Section", section);
	return gw_view_render(ctx, tpl);
}

/* A path of this program with a number in it ("/users/%lld"), in the arena. */
static const char *path_id(struct gw_ctx *ctx, const char *fmt, long long id)
{
	return gw_arena_printf(&ctx->arena, fmt, id);
}

/* Like gw_form_read, for the fields of a GET filter form in the query string. */
static int query_read(struct gw_ctx *ctx, const struct gw_fdef *defs, struct gw_fval *out)
{
	char key[128];
	int bad = 0;

	for (int i = 0; defs[i].name; i++) {
		const char *err = gw_form_check(&defs[i], gw_query(&ctx->req, defs[i].name),
						&out[i], &ctx->arena);

		snprintf(key, sizeof(key), "Form.%s", defs[i].name);
		hdf_set_value(ctx->hdf, key, out[i].s);
		if (err)
			bad += gw_form_error(ctx, defs[i].name, err);
	}
	return bad;
}

/* qs with "&name=value" appended, URL-encoded; an empty value adds nothing. */
static const char *qs_add(struct gw_ctx *ctx, const char *qs, const char *name, const char *value)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out, *p;

	if (!value || !*value)
		return qs;
	out = gw_arena_alloc(&ctx->arena, strlen(qs) + strlen(name) + 3 * strlen(value) + 3);
	p = out + sprintf(out, "%s%s%s=", qs, *qs ? "&" : "", name);
	for (const unsigned char *s = (const unsigned char *)value; *s; s++) {
		if (isalnum(*s) || strchr("-_.~", *s)) {
			*p++ = (char)*s;
		} else {
			*p++ = '%';
			*p++ = hex[*s >> 4];
			*p++ = hex[*s & 15];
		}
	}
	*p = '\0';
	return out;
}

/* Paging.* for the pager macro: links to page±1 of base?qs. */
static void paging(struct gw_ctx *ctx, const char *base, const char *qs, long long page,
		   long long pages)
{
	const char *sep = *qs ? "&" : "";

	hdf_set_int_value(ctx->hdf, "Paging.Page", (int)page);
	hdf_set_int_value(ctx->hdf, "Paging.Pages", (int)pages);
	if (page > 1)
		hdf_set_value(ctx->hdf, "Paging.Prev", gw_arena_printf(&ctx->arena, "%s?%s%spage=%lld",
								       base, qs, sep, page - 1));
	if (page < pages)
		hdf_set_value(ctx->hdf, "Paging.Next", gw_arena_printf(&ctx->arena, "%s?%s%spage=%lld",
								       base, qs, sep, page + 1));
}

/* Rows (id, label) into prefix.<id> = label, for the select macro. */
struct options {
	HDF *hdf;
	const char *prefix;
};

static int option_row(void *p, int ncols, char **vals, const size_t *lens,
		      const char *const *names)
{
	struct options *o = p;
	char key[96];

	(void)lens, (void)names;
	if (ncols < 2 || !vals[0] || !vals[1])
		return 0;
	snprintf(key, sizeof(key), "%s.%s", o->prefix, vals[0]); /* a number: safe as a name */
	hdf_set_value(o->hdf, key, vals[1]);
	return 0;
}

/* The UTC time at which a local day begins, "YYYY-MM-DD HH:MM:SS", in the arena. */
static const char *local_day_start_utc(struct gw_ctx *ctx, int32_t day)
{
	long long m = (long long)day * 1440 - gw_tz_minutes(ctx);
	int32_t d = (int32_t)(m >= 0 ? m / 1440 : -((-m + 1439) / 1440));
	int mins = (int)(m - (long long)d * 1440);
	char date[16];

	gw_date_format(d, date);
	return gw_arena_printf(&ctx->arena, "%s %02d:%02d:00", date, mins / 60, mins % 60);
}

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

/* ---- overview ---- */

/* GET / — links to the sections the user may use (200); 403 with none. */
static int overview(struct gw_ctx *ctx)
{
	static const enum gw_perm perms[] = { GW_PERM_ADMIN_USERS, GW_PERM_ADMIN_CALENDAR,
					      GW_PERM_ADMIN_SETTINGS, GW_PERM_AUDIT_READ };
	int any = 0;

	for (size_t i = 0; i < sizeof(perms) / sizeof(perms[0]); i++)
		any |= gw_perm_has(ctx->user->role, perms[i]);
	return any ? page(ctx, "overview", "Admin.Title", "admin_index.cs") : 403;
}

/* ---- users ---- */

static int users_page(struct gw_ctx *ctx)
{
	struct options o = { ctx->hdf, "Opt.Depts" };

	if (gw_db_each(ctx->db, option_row, &o, SQL_DEPT_ALL, NULL) < 0)
		return 500;
	return page(ctx, "users", "Admin.Users.Title", "admin_users.cs");
}

/* GET /users — staff accounts by department, role and status, 20 a page (200). */
static int users_list(struct gw_ctx *ctx)
{
	struct gw_fval v[4];
	long long total = 0, dept, active, pg, per = USERS_PER_PAGE;
	const char *role, *qs;

	if (query_read(ctx, user_filter, v))
		return users_page(ctx);
	dept = v[0].present ? v[0].i : 0;
	role = v[1].s;
	active = v[2].present ? v[2].s[0] == '1' : -1;
	pg = v[3].present ? v[3].i : 1;
	if (gw_db_int(ctx->db, &total, SQL_USERS_COUNT, "iissii", dept, dept, role, role, active,
		      active) < 0 ||
	    gw_db_rows(ctx->db, ctx->hdf, "Users", SQL_USERS, "iissiiii", dept, dept, role, role,
		       active, active, per, (pg - 1) * per) < 0)
		return 500;
	hdf_set_int_value(ctx->hdf, "UsersTotal", (int)total);
	qs = qs_add(ctx, qs_add(ctx, qs_add(ctx, "", "department", v[0].s), "role", role),
		    "active", v[2].s);
	paging(ctx, gw_url(ctx, "admin", "/users"), qs, pg, total ? (total + per - 1) / per : 1);
	return users_page(ctx);
}

/* The account form (new or edit) with the departments to choose from: active
 * ones, plus the account's own if that was deactivated. */
static int user_form_page(struct gw_ctx *ctx, const char *title, long long own_dept)
{
	struct options o = { ctx->hdf, "Opt.Depts" };

	if (gw_db_each(ctx->db, option_row, &o, SQL_DEPT_CHOICES, "i", own_dept) < 0)
		return 500;
	return page(ctx, "users", title, "admin_user_form.cs");
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
		hdf_set_value(ctx->hdf, to, hdf_get_value(ctx->hdf, from, ""));
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
static int show_password(struct gw_ctx *ctx, long long id, const char *password,
			 const char *flash)
{
	int rc = load_user(ctx, id, 0);

	if (rc)
		return rc;
	hdf_set_value(ctx->hdf, "NewPassword", password);
	hdf_set_value(ctx->hdf, "Flash", flash);
	return page(ctx, "users", "Admin.Users.PasswordTitle", "admin_user_password.cs");
}

/* GET /users/new — the form for a new account (200). */
static int user_new(struct gw_ctx *ctx)
{
	hdf_set_value(ctx->hdf, "Form.clearance", "1");
	return user_form_page(ctx, "Admin.Users.NewTitle", 0);
}

/* POST /users — create an account: 303 to it when the admin typed the password;
 * 200 with a generated password shown once; 200 with the form and messages. */
static int user_create(struct gw_ctx *ctx)
{
	struct gw_fval v[F_COUNT + 2];
	const struct gw_fval *login = &v[0], *f = &v[1], *pw = &v[F_COUNT + 1];
	int bad = gw_form_read(ctx, user_new_form, v);
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
		return gw_redirect(ctx, "admin", path_id(ctx, "/users/%lld", id), "created");
	return show_password(ctx, id, password, "created");
}

static int user_edit_page(struct gw_ctx *ctx)
{
	return user_form_page(ctx, "Admin.Users.EditTitle",
			      hdf_get_int_value(ctx->hdf, "Target.department_id", 0));
}

/* GET /users/:id — the account's form and actions (200, 404). */
static int user_edit(struct gw_ctx *ctx)
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
static int user_update(struct gw_ctx *ctx)
{
	long long id = gw_param_id(ctx, 0);
	struct gw_fval f[F_COUNT];
	const char *changes;
	int bad, rc = load_user(ctx, id, 0);

	if (rc)
		return rc;
	bad = gw_form_read(ctx, user_edit_form, f);
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
	    gw_db_exec(ctx->db, SQL_USER_ACTIVE, "isi", (long long)active, gw_now_utc(ctx), id) < 0 ||
	    (!active && (ended = gw_db_exec(ctx->db, SQL_USER_SESSIONS_END, "i", id)) < 0) ||
	    gw_audit(ctx, active ? "user.activate" : "user.deactivate", "user", id, "login %s%s",
		     hdf_get_value(ctx->hdf, "Target.login", ""),
		     active ? "" : gw_arena_printf(&ctx->arena, "; sessions ended %lld", ended)) ||
	    gw_db_commit(ctx->db)) {
		gw_db_rollback(ctx->db);
		return 500;
	}
	return gw_redirect(ctx, "admin", path_id(ctx, "/users/%lld", id),
			   active ? "activated" : "deactivated");
}

/* POST /users/:id/deactivate — 303; 403 for one's own account; 404. */
static int user_deactivate(struct gw_ctx *ctx)
{
	long long id = gw_param_id(ctx, 0);

	return id == ctx->user->id ? 403 : set_user_active(ctx, id, 0);
}

/* POST /users/:id/activate — 303; 404. */
static int user_activate(struct gw_ctx *ctx)
{
	return set_user_active(ctx, gw_param_id(ctx, 0), 1);
}

/* POST /users/:id/password — a generated password, shown once (200); the
 * account's sessions end; 404. */
static int user_reset_password(struct gw_ctx *ctx)
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

/* ---- departments ---- */

static int depts_page(struct gw_ctx *ctx)
{
	if (gw_db_rows(ctx->db, ctx->hdf, "Depts", SQL_DEPTS, NULL) < 0)
		return 500;
	return page(ctx, "departments", "Admin.Departments.Title", "admin_departments.cs");
}

static int dept_page(struct gw_ctx *ctx)
{
	return page(ctx, "departments", "Admin.Departments.EditTitle", "admin_department_form.cs");
}

/* Load department id into Dept.* (with fill, its name into Form.name). 0, 404, 500. */
static int load_dept(struct gw_ctx *ctx, long long id, int fill)
{
	int found = gw_db_row(ctx->db, ctx->hdf, "Dept", SQL_DEPT, "i", id);

	if (found <= 0)
		return found < 0 ? 500 : 404;
	if (fill)
		hdf_set_value(ctx->hdf, "Form.name", hdf_get_value(ctx->hdf, "Dept.name", ""));
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
static int depts_list(struct gw_ctx *ctx)
{
	return depts_page(ctx);
}

/* POST /departments — create one: 303 to the list; 200 with the form and a message. */
static int dept_create(struct gw_ctx *ctx)
{
	struct gw_fval v[1];

	if (gw_form_read(ctx, dept_form, v) || dept_name_taken(ctx, v[0].s, 0))
		return depts_page(ctx);
	if (gw_db_exec(ctx->db, SQL_DEPT_INSERT, "ss", v[0].s, gw_now_utc(ctx)) != 1) {
		if (gw_db_errno(ctx->db) != DUPLICATE)
			return 500;
		gw_form_error(ctx, "name", "name_taken");
		return depts_page(ctx);
	}
	gw_audit(ctx, "department.create", "department", gw_db_insert_id(ctx->db), "%s", v[0].s);
	return gw_redirect(ctx, "admin", "/departments", "created");
}

/* GET /departments/:id — rename, deactivate or activate it (200, 404). */
static int dept_edit(struct gw_ctx *ctx)
{
	int rc = load_dept(ctx, gw_param_id(ctx, 0), 1);

	return rc ? rc : dept_page(ctx);
}

/* POST /departments/:id — rename: 303 to the list; 200 with a message; 404. */
static int dept_rename(struct gw_ctx *ctx)
{
	long long id = gw_param_id(ctx, 0);
	struct gw_fval v[1];
	const char *old;
	int rc = load_dept(ctx, id, 0);

	if (rc)
		return rc;
	if (gw_form_read(ctx, dept_form, v) || dept_name_taken(ctx, v[0].s, id))
		return dept_page(ctx);
	if (gw_db_exec(ctx->db, SQL_DEPT_RENAME, "si", v[0].s, id) < 0) {
		if (gw_db_errno(ctx->db) != DUPLICATE)
			return 500;
		gw_form_error(ctx, "name", "name_taken");
		return dept_page(ctx);
	}
	old = hdf_get_value(ctx->hdf, "Dept.name", "");
	if (strcmp(old, v[0].s))
		gw_audit(ctx, "department.rename", "department", id, "%s → %s", old, v[0].s);
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
static int dept_deactivate(struct gw_ctx *ctx)
{
	return set_dept_active(ctx, 0);
}

/* POST /departments/:id/activate — 303; 404. */
static int dept_activate(struct gw_ctx *ctx)
{
	return set_dept_active(ctx, 1);
}

/* ---- working-day calendar ---- */

/* One year's exceptions, as a calendar for the workday module and by day of year. */
struct year {
	int year;
	int32_t jan1, ndays;
	struct gw_workday_cal cal;
	unsigned char kind[366];
	const char *name[366];
	struct gw_ctx *ctx;
	int n;
};

/* A calendar_days row: into the year and into Cal.Days.N for the list. */
static int year_row(void *p, int ncols, char **vals, const size_t *lens,
		    const char *const *names)
{
	struct year *y = p;
	enum gw_day_kind kind;
	int32_t day;
	HDF *row;
	char key[48];

	(void)lens, (void)names;
	if (ncols < 3 || !vals[0] || gw_valid_date(vals[0], &day) || day < y->jan1 ||
	    day >= y->jan1 + y->ndays)
		return 0;
	kind = vals[1] && !strcmp(vals[1], "workday") ? GW_DAY_WORKDAY : GW_DAY_HOLIDAY;
	if (gw_workday_set(&y->cal, day, kind))
		return 1;
	y->kind[day - y->jan1] = (unsigned char)kind;
	y->name[day - y->jan1] = gw_arena_strdup(&y->ctx->arena, vals[2] ? vals[2] : "");
	snprintf(key, sizeof(key), "Cal.Days.%d", y->n++);
	if (hdf_get_node(y->ctx->hdf, key, &row) != STATUS_OK)
		return 1;
	hdf_set_value(row, "day", vals[0]);
	hdf_set_value(row, "kind", kind == GW_DAY_WORKDAY ? "workday" : "holiday");
	hdf_set_value(row, "name", y->name[day - y->jan1]);
	hdf_set_int_value(row, "wd", gw_date_weekday(day));
	return 0;
}

/* Month m as Cal.Months.m.W.<week>.<0–6> = day of month ("" outside it), with
 * .c = holiday | workday | off and .t = the day's name. */
static void draw_month(struct gw_ctx *ctx, const struct year *y, int m)
{
	int32_t first = gw_date_from_ymd(y->year, m, 1);
	int32_t next = m == 12 ? y->jan1 + y->ndays : gw_date_from_ymd(y->year, m + 1, 1);
	int lead = gw_date_weekday(first) - 1, cells = (lead + (next - first) + 6) / 7 * 7;
	char key[64];

	snprintf(key, sizeof(key), "Cal.Months.%d", m);
	hdf_set_int_value(ctx->hdf, key, m);
	for (int i = 0; i < cells; i++) {
		int32_t day = first - lead + i, k = day - y->jan1;
		HDF *cell;

		snprintf(key, sizeof(key), "Cal.Months.%d.W.%d.%d", m, i / 7, i % 7);
		if (day < first || day >= next) {
			hdf_set_value(ctx->hdf, key, "");
			continue;
		}
		hdf_set_int_value(ctx->hdf, key, day - first + 1);
		if (!(cell = hdf_get_obj(ctx->hdf, key)))
			continue;
		if (y->kind[k])
			hdf_set_value(cell, "c", y->kind[k] == GW_DAY_WORKDAY ? "workday" : "holiday");
		else if (gw_date_weekday(day) > 5)
			hdf_set_value(cell, "c", "off");
		if (y->name[k] && *y->name[k])
			hdf_set_value(cell, "t", y->name[k]);
	}
}

/* The year view (200): 12 months, the exceptions, the working-day count, the forms. */
static int calendar_page(struct gw_ctx *ctx, int year)
{
	struct year *y = gw_arena_alloc(&ctx->arena, sizeof(*y));
	char from[16], to[16];
	int n;

	y->year = year;
	y->ctx = ctx;
	y->jan1 = gw_date_from_ymd(year, 1, 1);
	y->ndays = gw_date_from_ymd(year + 1, 1, 1) - y->jan1;
	gw_date_format(y->jan1, from);
	gw_date_format(y->jan1 + y->ndays - 1, to);
	gw_workday_init(&y->cal);
	n = gw_db_each(ctx->db, year_row, y, SQL_CAL_YEAR, "ss", from, to);
	for (int m = 1; n >= 0 && m <= 12; m++)
		draw_month(ctx, y, m);
	hdf_set_int_value(ctx->hdf, "Cal.WorkingDays",
			  gw_workday_count(&y->cal, y->jan1 - 1, y->jan1 + y->ndays - 1));
	gw_workday_free(&y->cal);
	if (n < 0)
		return 500;
	hdf_set_int_value(ctx->hdf, "Cal.Year", year);
	hdf_set_int_value(ctx->hdf, "Cal.Prev", year - 1);
	hdf_set_int_value(ctx->hdf, "Cal.Next", year + 1);
	return page(ctx, "calendar", "Admin.Calendar.Title", "admin_calendar.cs");
}

/* The year named by s (2000–2100), else the current year in the configured zone. */
static int year_arg(struct gw_ctx *ctx, const char *s)
{
	int64_t v;
	int y, m, d;

	if (s && !gw_valid_int(s, 2000, 2100, &v))
		return (int)v;
	gw_date_to_ymd(gw_today(ctx), &y, &m, &d);
	return y;
}

/* The year of a day number. */
static int year_of(int32_t day)
{
	int y, m, d;

	gw_date_to_ymd(day, &y, &m, &d);
	return y;
}

/* A day as the audit log's entity id: YYYYMMDD. */
static long long day_id(int32_t day)
{
	int y, m, d;

	gw_date_to_ymd(day, &y, &m, &d);
	return y * 10000LL + m * 100 + d;
}

static int to_year(struct gw_ctx *ctx, int year, const char *flash)
{
	return gw_redirect(ctx, "admin", path_id(ctx, "/calendar?year=%lld", year), flash);
}

/* GET /calendar?year=2026 — the year view (200). */
static int calendar(struct gw_ctx *ctx)
{
	return calendar_page(ctx, year_arg(ctx, gw_query(&ctx->req, "year")));
}

/* POST /calendar/day — make one day a holiday or a working day: 303 to its year;
 * 200 with messages. */
static int calendar_set(struct gw_ctx *ctx)
{
	struct gw_fval v[3];
	char date[16];
	int had;

	if (gw_form_read(ctx, day_form, v))
		return calendar_page(ctx, year_arg(ctx, gw_form(&ctx->req, "year")));
	gw_date_format((int32_t)v[0].i, date);
	had = gw_db_row(ctx->db, ctx->hdf, "Old", SQL_CAL_DAY, "s", date);
	if (had < 0 || gw_db_exec(ctx->db, SQL_CAL_SET, "sssis", date, v[1].s, v[2].s,
				  ctx->user->id, gw_now_utc(ctx)) < 0)
		return 500;
	gw_audit(ctx, "calendar.set", "calendar", day_id((int32_t)v[0].i), "%s %s %s (was: %s %s)",
		 date, v[1].s, v[2].s, had ? hdf_get_value(ctx->hdf, "Old.kind", "") : "weekday rule",
		 hdf_get_value(ctx->hdf, "Old.name", ""));
	return to_year(ctx, year_of((int32_t)v[0].i), "saved");
}

/* POST /calendar/delete — back to the Monday–Friday rule for one day: 303 to its
 * year; 400 for a bad date; 404 if the day had no exception. */
static int calendar_delete(struct gw_ctx *ctx)
{
	struct gw_fval v[1];
	char date[16];
	int had;

	if (gw_form_read(ctx, day_delete_form, v))
		return 400;
	gw_date_format((int32_t)v[0].i, date);
	had = gw_db_row(ctx->db, ctx->hdf, "Old", SQL_CAL_DAY, "s", date);
	if (had <= 0)
		return had < 0 ? 500 : 404;
	if (gw_db_exec(ctx->db, SQL_CAL_DELETE, "s", date) < 0)
		return 500;
	gw_audit(ctx, "calendar.delete", "calendar", day_id((int32_t)v[0].i), "%s %s %s", date,
		 hdf_get_value(ctx->hdf, "Old.kind", ""), hdf_get_value(ctx->hdf, "Old.name", ""));
	return to_year(ctx, year_of((int32_t)v[0].i), "deleted");
}

/* The good lines of a pasted list, kept until all of it has been read. */
struct import {
	struct gw_arena *arena;
	struct {
		int32_t day;
		enum gw_day_kind kind;
		const char *name;
	} *v;
	int n, cap;
};

static int import_line(void *p, int32_t day, enum gw_day_kind kind, const char *name,
		       size_t len)
{
	struct import *im = p;
	char *nm;

	if (im->n == im->cap)
		return 1;
	nm = gw_arena_strndup(im->arena, name, len);
	if (gw_valid_utf8_chars(nm) > 100)
		return 1; /* the name column's length: the line counts as bad */
	for (const char *c = nm; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			return 1;
	im->v[im->n].day = day;
	im->v[im->n].kind = kind;
	im->v[im->n++].name = nm;
	return 0;
}

/* Write every day of the list in one transaction. 0 or -1 (nothing written). */
static int import_days(struct gw_ctx *ctx, const struct import *im)
{
	const char *now = gw_now_utc(ctx);
	char date[16], first[16], last[16];

	if (gw_db_begin(ctx->db))
		return -1;
	for (int i = 0; i < im->n; i++) {
		gw_date_format(im->v[i].day, date);
		if (gw_db_exec(ctx->db, SQL_CAL_SET, "sssis", date,
			       im->v[i].kind == GW_DAY_WORKDAY ? "workday" : "holiday",
			       im->v[i].name, ctx->user->id, now) < 0)
			goto fail;
	}
	gw_date_format(im->v[0].day, first);
	gw_date_format(im->v[im->n - 1].day, last);
	if (gw_audit(ctx, "calendar.import", "calendar", 0, "%d days, %s … %s", im->n, first,
		     last) ||
	    gw_db_commit(ctx->db))
		goto fail;
	return 0;
fail:
	gw_db_rollback(ctx->db);
	return -1;
}

/* POST /calendar/import — import a pasted TSV list, all or nothing: 303 to the
 * year of its first day; 200 with the bad line's number at the field and the
 * text kept. */
static int calendar_import(struct gw_ctx *ctx)
{
	struct gw_fval v[1];
	const char *text = gw_form(&ctx->req, "tsv");
	struct import im = { &ctx->arena, NULL, 0, 1 };
	int n, year = year_arg(ctx, gw_form(&ctx->req, "year"));

	if (gw_form_read(ctx, import_form, v))
		return calendar_page(ctx, year);
	hdf_set_value(ctx->hdf, "Form.tsv", text); /* as pasted, so line numbers match */
	for (const char *c = text; *c; c++)
		im.cap += *c == '\n';
	im.v = gw_arena_alloc(&ctx->arena, (size_t)im.cap * sizeof(*im.v));
	n = gw_workday_parse_tsv(text, import_line, &im);
	if (n <= 0) {
		hdf_set_int_value(ctx->hdf, "Form.tsv.Line", -n);
		gw_form_error(ctx, "tsv", n < 0 ? "bad_tsv" : "no_days");
		return calendar_page(ctx, year);
	}
	if (import_days(ctx, &im))
		return 500;
	return to_year(ctx, year_of(im.v[0].day), "imported");
}

/* ---- settings ---- */

/* settings rows into prefix.<name>, for the names the form knows. */
struct settings_load {
	HDF *hdf;
	const char *prefix;
};

static int setting_row(void *p, int ncols, char **vals, const size_t *lens,
		       const char *const *names)
{
	struct settings_load *s = p;
	char key[96];

	(void)lens, (void)names;
	for (int i = 0; ncols >= 2 && vals[0] && vals[1] && settings_form[i].name; i++)
		if (!strcmp(vals[0], settings_form[i].name)) {
			snprintf(key, sizeof(key), "%s.%s", s->prefix, settings_form[i].name);
			hdf_set_value(s->hdf, key, vals[1]);
		}
	return 0;
}

static int settings_page(struct gw_ctx *ctx)
{
	return page(ctx, "settings", "Admin.Settings.Title", "admin_settings.cs");
}

/* GET /settings — the settings form (200). */
static int settings(struct gw_ctx *ctx)
{
	struct settings_load s = { ctx->hdf, "Form" };

	return gw_db_each(ctx->db, setting_row, &s, SQL_SETTINGS, NULL) < 0 ? 500
									     : settings_page(ctx);
}

/* Store one setting if it changed, audited old → new. 0 or -1. */
static int save_setting(struct gw_ctx *ctx, const struct gw_fdef *def, const struct gw_fval *v)
{
	const char *val = v->s, *old;
	char key[96];

	if (def->type == GW_F_INT)
		val = gw_arena_printf(&ctx->arena, "%lld", v->i);
	snprintf(key, sizeof(key), "Old.%s", def->name);
	old = hdf_get_value(ctx->hdf, key, NULL);
	if (old && !strcmp(old, val))
		return 0;
	if (gw_db_exec(ctx->db, SQL_SETTING_SET, "ssis", def->name, val, ctx->user->id,
		       gw_now_utc(ctx)) < 0)
		return -1;
	return gw_audit(ctx, "settings.update", "setting", 0, "%s: %s → %s", def->name,
			old ? old : "", val);
}

/* POST /settings — save what changed: 303 back; 200 with messages. */
static int settings_save(struct gw_ctx *ctx)
{
	struct gw_fval v[sizeof(settings_form) / sizeof(settings_form[0])];
	struct settings_load s = { ctx->hdf, "Old" };

	if (gw_form_read(ctx, settings_form, v))
		return settings_page(ctx);
	if (gw_db_each(ctx->db, setting_row, &s, SQL_SETTINGS, NULL) < 0 || gw_db_begin(ctx->db))
		return 500;
	for (int i = 0; settings_form[i].name; i++)
		if (save_setting(ctx, &settings_form[i], &v[i])) {
			gw_db_rollback(ctx->db);
			return 500;
		}
	if (gw_db_commit(ctx->db))
		return 500;
	return gw_redirect(ctx, "admin", "/settings", "saved");
}

/* ---- audit log ---- */

/* The filters as bound values ("" or 0 = off), plus their text for links and the log. */
struct audit_q {
	long long uid, page;
	const char *entity, *like, *from, *to;
	const char *qs, *desc;
};
#define AUDIT_ARGS(q)                                                          \
	(q)->uid, (q)->uid, (q)->entity, (q)->entity, (q)->like, (q)->like,    \
		(q)->from, (q)->from, (q)->to, (q)->to

/* "prefix%" for LIKE with the prefix's own % _ \ taken literally, in the arena. */
static const char *like_prefix(struct gw_ctx *ctx, const char *s)
{
	char *out = gw_arena_alloc(&ctx->arena, 2 * strlen(s) + 2), *p = out;

	for (; *s; s++) {
		if (strchr("%_\\", *s))
			*p++ = '\\';
		*p++ = *s;
	}
	*p = '%';
	return out;
}

/* Read the filters of the query string. Dates are days in the configured zone:
 * from = the UTC instant that day begins, to = the instant the next day begins
 * (exclusive). Returns 0, 1 for bad input (messages at the fields), -1. */
static int audit_query(struct gw_ctx *ctx, struct audit_q *q)
{
	struct gw_fval v[A_COUNT];
	const char *qs = "";

	memset(q, 0, sizeof(*q));
	if (query_read(ctx, audit_filter, v))
		return 1;
	if (v[A_USER].present && gw_db_int(ctx->db, &q->uid, SQL_USER_ID, "s", v[A_USER].s) <= 0)
		q->uid = -1; /* nobody by that name: no rows (or the error shows next) */
	q->entity = v[A_ENTITY].s;
	q->like = v[A_ACTION].present ? like_prefix(ctx, v[A_ACTION].s) : "";
	q->from = v[A_FROM].present ? local_day_start_utc(ctx, (int32_t)v[A_FROM].i) : "";
	q->to = v[A_TO].present ? local_day_start_utc(ctx, (int32_t)v[A_TO].i + 1) : "";
	q->page = v[A_PAGE].present ? v[A_PAGE].i : 1;
	for (int i = 0; i < A_PAGE; i++)
		qs = qs_add(ctx, qs, audit_filter[i].name, v[i].s);
	q->qs = qs;
	q->desc = gw_arena_printf(&ctx->arena, "user=%s entity=%s action=%s from=%s to=%s",
				  v[A_USER].s, v[A_ENTITY].s, v[A_ACTION].s, v[A_FROM].s, v[A_TO].s);
	return 0;
}

/* Newer / older links (the log is not counted: no scan of a growing table) and
 * the export link. */
static void audit_links(struct gw_ctx *ctx, const struct audit_q *q, int more)
{
	const char *base = gw_url(ctx, "admin", "/audit");
	const char *sep = *q->qs ? "&" : "";

	hdf_set_int_value(ctx->hdf, "Paging.Page", (int)q->page);
	if (q->page > 1)
		hdf_set_value(ctx->hdf, "Paging.Prev", gw_arena_printf(&ctx->arena, "%s?%s%spage=%lld",
								       base, q->qs, sep, q->page - 1));
	if (more)
		hdf_set_value(ctx->hdf, "Paging.Next", gw_arena_printf(&ctx->arena, "%s?%s%spage=%lld",
								       base, q->qs, sep, q->page + 1));
	hdf_set_value(ctx->hdf, "Audit.Export",
		      gw_arena_printf(&ctx->arena, "%s/export%s%s", base, *q->qs ? "?" : "", q->qs));
}

/* The configured zone as "UTC+08:00", in the arena. */
static const char *zone_name(struct gw_ctx *ctx)
{
	int tz = gw_tz_minutes(ctx), a = tz < 0 ? -tz : tz;

	return gw_arena_printf(&ctx->arena, "UTC%c%02d:%02d", tz < 0 ? '-' : '+', a / 60, a % 60);
}

/* GET /audit — the audit log, filtered, newest first, 50 a page (200). */
static int audit_list(struct gw_ctx *ctx)
{
	struct audit_q q;
	char last[32];
	int n, rc = audit_query(ctx, &q);

	hdf_set_value(ctx->hdf, "Audit.Zone", zone_name(ctx));
	if (rc < 0)
		return 500;
	if (rc == 0) {
		n = gw_db_rows(ctx->db, ctx->hdf, "Audit.Rows", SQL_AUDIT_PAGE, "iissssssssii",
			       AUDIT_ARGS(&q), (long long)AUDIT_PER_PAGE + 1,
			       (q.page - 1) * AUDIT_PER_PAGE);
		if (n < 0)
			return 500;
		snprintf(last, sizeof(last), "Audit.Rows.%d", AUDIT_PER_PAGE);
		hdf_remove_tree(ctx->hdf, last); /* fetched only to know there is more */
		audit_links(ctx, &q, n > AUDIT_PER_PAGE);
	}
	return page(ctx, "audit", "Admin.Audit.Title", "admin_audit.cs");
}

static int csv_row(void *p, int ncols, char **vals, const size_t *lens, const char *const *names)
{
	struct gw_buf *b = p;

	(void)lens, (void)names;
	gw_csv_row(b, (const char *const *)vals, ncols);
	return 0;
}

/* The header row, in the user's language, in the order of SQL_AUDIT_CSV. */
static void csv_header(struct gw_ctx *ctx, struct gw_buf *b)
{
	static const char *const cols[] = { "At", "Login", "Name", "Ip", "Action", "Entity",
					    "EntityId", "Detail" };
	char key[64];

	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		snprintf(key, sizeof(key), "L.Admin.Audit.%s", cols[i]);
		if (i)
			gw_buf_puts(b, ",");
		gw_csv_cell(b, i ? gw_view_word(ctx, key)
				: gw_arena_printf(&ctx->arena, "%s (%s)", gw_view_word(ctx, key),
						  zone_name(ctx)));
	}
	gw_buf_puts(b, "\r\n");
}

/* GET /audit/export — the filtered rows as CSV for Excel (UTF-8 with BOM), newest
 * first (200 text/csv); 400 for bad filters. The export is audited itself. */
static int audit_export(struct gw_ctx *ctx)
{
	struct audit_q q;
	struct gw_buf *b = &ctx->resp.body;
	char date[16], disp[64];
	int n, rc = audit_query(ctx, &q);

	if (rc)
		return rc < 0 ? 500 : 400;
	gw_buf_reset(b);
	gw_buf_puts(b, "\xEF\xBB\xBF");
	csv_header(ctx, b);
	n = gw_db_each(ctx->db, csv_row, b, SQL_AUDIT_CSV, "iissssssssi", AUDIT_ARGS(&q),
		       (long long)AUDIT_CSV_MAX);
	if (n < 0 || gw_audit(ctx, "audit.export", "audit", 0, "%d rows; %s", n, q.desc))
		return 500;
	gw_date_format(gw_today(ctx), date);
	snprintf(disp, sizeof(disp), "attachment; filename=audit-%.4s%.2s%.2s.csv", date, date + 5,
		 date + 8);
	ctx->resp.ctype = "text/csv; charset=utf-8";
	gw_response_header(&ctx->resp, "Content-Disposition", disp);
	return 0;
}

static const struct gw_route routes[] = {
	{ "GET", "/", overview, GW_PERM_LOGIN, 0 },
	{ "GET", "/users", users_list, GW_PERM_ADMIN_USERS, 0 },
	{ "POST", "/users", user_create, GW_PERM_ADMIN_USERS, 0 },
	{ "GET", "/users/new", user_new, GW_PERM_ADMIN_USERS, 0 },
	{ "GET", "/users/:id", user_edit, GW_PERM_ADMIN_USERS, 0 },
	{ "POST", "/users/:id", user_update, GW_PERM_ADMIN_USERS, 0 },
	{ "POST", "/users/:id/deactivate", user_deactivate, GW_PERM_ADMIN_USERS, 0 },
	{ "POST", "/users/:id/activate", user_activate, GW_PERM_ADMIN_USERS, 0 },
	{ "POST", "/users/:id/password", user_reset_password, GW_PERM_ADMIN_USERS, 0 },
	{ "GET", "/departments", depts_list, GW_PERM_ADMIN_USERS, 0 },
	{ "POST", "/departments", dept_create, GW_PERM_ADMIN_USERS, 0 },
	{ "GET", "/departments/:id", dept_edit, GW_PERM_ADMIN_USERS, 0 },
	{ "POST", "/departments/:id", dept_rename, GW_PERM_ADMIN_USERS, 0 },
	{ "POST", "/departments/:id/deactivate", dept_deactivate, GW_PERM_ADMIN_USERS, 0 },
	{ "POST", "/departments/:id/activate", dept_activate, GW_PERM_ADMIN_USERS, 0 },
	{ "GET", "/calendar", calendar, GW_PERM_ADMIN_CALENDAR, 0 },
	{ "POST", "/calendar/day", calendar_set, GW_PERM_ADMIN_CALENDAR, 0 },
	{ "POST", "/calendar/delete", calendar_delete, GW_PERM_ADMIN_CALENDAR, 0 },
	{ "POST", "/calendar/import", calendar_import, GW_PERM_ADMIN_CALENDAR, 0 },
	{ "GET", "/settings", settings, GW_PERM_ADMIN_SETTINGS, 0 },
	{ "POST", "/settings", settings_save, GW_PERM_ADMIN_SETTINGS, 0 },
	{ "GET", "/mail", admin_mail_list, GW_PERM_ADMIN_SETTINGS, 0 },
	{ "POST", "/mail/:id/resend", admin_mail_resend, GW_PERM_ADMIN_SETTINGS, 0 },
	{ "GET", "/audit", audit_list, GW_PERM_AUDIT_READ, 0 },
	{ "GET", "/audit/export", audit_export, GW_PERM_AUDIT_READ, 0 },
	{ NULL, NULL, NULL, 0, 0 },
};

int main(void)
{
	static const struct gw_app app = { "admin", routes };

	return gw_app_run(&app);
}
