/* settings.c — the centre's settings (/admin/settings): the public pages' phone
 * and hours, the complaint deadlines and escalation, the progress summary's
 * weekday, the visit reports' keeper. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "guwen/audit.h"
#include "guwen/form.h"
#include "guwen/view.h"
#include "admin.h"

/* One field per row of the settings table; the name is the row's name. Only
 * settings a feature reads are shown: the rows centre_name and contact_days
 * (clients not contacted for so many days, 1–365) wait in the table, unshown
 * and kept as they are, until their features land; each comes back here with
 * its feature. */
static const struct gw_fdef settings_form[] = {
    /* the public pages' contact line (cgi-bin/portal/contact.c) */
    {"centre_phone", GW_F_PHONE, 0, 32, 0, 0, NULL},
    {"office_hours_zh", GW_F_TEXT, 0, 100, 0, 0, NULL},
    {"office_hours_en", GW_F_TEXT, 0, 100, 0, 0, NULL},
    /* complaint deadlines: working days for a and b, clock hours for c and d */
    {"complaint_a_response", GW_F_INT, 1, 3, 1, 60, NULL},
    {"complaint_a_resolution", GW_F_INT, 1, 3, 1, 120, NULL},
    {"complaint_b_response", GW_F_INT, 1, 3, 1, 60, NULL},
    {"complaint_b_resolution", GW_F_INT, 1, 3, 1, 120, NULL},
    {"complaint_c_response", GW_F_INT, 1, 4, 1, 720, NULL},
    {"complaint_c_resolution", GW_F_INT, 1, 4, 1, 2160, NULL},
    {"complaint_d_response", GW_F_INT, 1, 4, 1, 720, NULL},
    {"complaint_d_resolution", GW_F_INT, 1, 4, 1, 2160, NULL},
    {"complaint_warn_hours", GW_F_INT, 1, 4, 1, 720, NULL},
    {"complaint_director_after_hours", GW_F_INT, 1, 4, 1, 720, NULL},
    /* the day `guwen jobs` mails the progress summary to the managers (1 Monday … 7 Sunday) */
    {"summary_weekday", GW_F_INT, 1, 1, 1, 7, NULL},
    /* the named keeper (档案管理员) of visit reports: an active staff member's
     * id, empty for none (cgi-bin/visits/archive.c) */
    {"visit_keeper", GW_F_INT, 0, 10, 1, 4294967295LL, NULL},
    END,
};

static const char SQL_SETTINGS[] = "SELECT name, value FROM settings";
/* who may keep the visit archive: active staff who read visits (an admin sees
 * no client data) */
static const char SQL_KEEPERS[] =
    "SELECT u.id, CONCAT(u.name, ' · ', COALESCE(d.name, '—')) FROM users u"
    " LEFT JOIN departments d ON d.id = u.department_id"
    " WHERE u.active = 1 AND u.role IN ('advisor', 'manager', 'market', 'director')"
    " ORDER BY u.name";
static const char SQL_KEEPER_OK[] = "SELECT COUNT(*) FROM users WHERE id = ? AND active = 1"
				    " AND role IN ('advisor', 'manager', 'market', 'director')";
static const char SQL_SETTING_SET[] =
    "INSERT INTO settings (name, value, updated_by, updated_at) VALUES (?, ?, ?, ?)"
    " ON DUPLICATE KEY UPDATE value = VALUES(value), updated_by = VALUES(updated_by),"
    " updated_at = VALUES(updated_at)";

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
			gw_hdf_set(s->hdf, key, vals[1]);
		}
	return 0;
}

static int settings_page(struct gw_ctx *ctx)
{
	struct admin_options o = {ctx->hdf, "Opt.Keepers"};

	gw_hdf_set(ctx->hdf, "Opt.Keepers", "");
	if (gw_db_each(ctx->db, admin_option_row, &o, SQL_KEEPERS, NULL) < 0)
		return 500;
	return admin_page(ctx, "settings", "Admin.Settings.Title", "admin_settings.cs");
}

/* GET /settings — the settings form (200). */
int settings(struct gw_ctx *ctx)
{
	struct settings_load s = {ctx->hdf, "Form"};

	return gw_db_each(ctx->db, setting_row, &s, SQL_SETTINGS, NULL) < 0 ? 500
									    : settings_page(ctx);
}

/* Store one setting if it changed, audited old → new. 0 or -1. */
static int save_setting(struct gw_ctx *ctx, const struct gw_fdef *def, const struct gw_fval *v)
{
	const char *val = v->s, *old;
	char key[96];

	if (def->type == GW_F_INT) /* an optional one left empty stays empty */
		val = v->present ? gw_arena_printf(&ctx->arena, "%lld", v->i) : "";
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

/* The keeper chosen is an active staff member: 0, or 1 (marked at the field). */
static int keeper_check(struct gw_ctx *ctx)
{
	const char *sent = gw_form(&ctx->req, "visit_keeper");
	long long n = 0;

	if (!sent || !*sent || gw_form_failed(ctx, "visit_keeper"))
		return 0;
	if (gw_db_int(ctx->db, &n, SQL_KEEPER_OK, "i", strtoll(sent, NULL, 10)) == 1 && n == 1)
		return 0;
	return gw_form_error(ctx, "visit_keeper", "bad_choice");
}

/* POST /settings — save what changed: 303 back; 200 with messages. */
int settings_save(struct gw_ctx *ctx)
{
	struct gw_fval v[sizeof(settings_form) / sizeof(settings_form[0]) - 1];
	struct settings_load s = {ctx->hdf, "Old"};

	if (GW_FORM_READ(ctx, settings_form, v) + keeper_check(ctx))
		return settings_page(ctx);
	if (gw_db_each(ctx->db, setting_row, &s, SQL_SETTINGS, NULL) < 0 || gw_db_begin(ctx->db))
		return 500;
	for (int i = 0; settings_form[i].name; i++)
		if (gw_form(&ctx->req, settings_form[i].name) && /* not sent: left as it is */
		    save_setting(ctx, &settings_form[i], &v[i])) {
			gw_db_rollback(ctx->db);
			return 500;
		}
	if (gw_db_commit(ctx->db))
		return 500;
	return gw_redirect(ctx, "admin", "/settings", "saved");
}
