/* calendar.c — the working-day calendar (/admin/calendar…): a year of holidays
 * and adjusted workdays, one day set or removed, a TSV import. */
#include <stdio.h>
#include <string.h>
#include "guwen/audit.h"
#include "guwen/form.h"
#include "guwen/valid.h"
#include "guwen/workday.h"
#include "guwen/view.h"
#include "admin.h"

static const char *const kind_choices[] = {"holiday", "workday", NULL};

enum { D_DATE, D_KIND, D_NAME, D__N };
static const struct gw_fdef day_form[] = {
    [D_DATE] = {.name = "date", .type = GW_F_DATE, .required = 1, .maxlen = 10},
    [D_KIND] =
	{.name = "kind", .type = GW_F_CHOICE, .required = 1, .maxlen = 8, .choices = kind_choices},
    [D_NAME] = {.name = "name", .type = GW_F_TEXT, .maxlen = 100},
    [D__N] = {.name = NULL},
};
GW_FORM_CHECK(day_form, D__N);
enum { X_DAY, X__N };
static const struct gw_fdef day_delete_form[] = {
    [X_DAY] = {.name = "day", .type = GW_F_DATE, .required = 1, .maxlen = 10},
    [X__N] = {.name = NULL},
};
GW_FORM_CHECK(day_delete_form, X__N);
enum { I_TSV, I__N };
static const struct gw_fdef import_form[] = {
    [I_TSV] = {.name = "tsv", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 30000},
    [I__N] = {.name = NULL},
};
GW_FORM_CHECK(import_form, I__N);

static const char SQL_CAL_YEAR[] =
    "SELECT day, kind, name FROM calendar_days WHERE day BETWEEN ? AND ? ORDER BY day";
static const char SQL_CAL_DAY[] = "SELECT kind, name FROM calendar_days WHERE day = ?";
static const char SQL_CAL_SET[] =
    "INSERT INTO calendar_days (day, kind, name, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)"
    " ON DUPLICATE KEY UPDATE kind = VALUES(kind), name = VALUES(name),"
    " updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)";
static const char SQL_CAL_DELETE[] = "DELETE FROM calendar_days WHERE day = ?";

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
static int year_row(void *p, int ncols, char **vals, const size_t *lens, const char *const *names)
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
	gw_hdf_set(row, "day", vals[0]);
	gw_hdf_set(row, "kind", kind == GW_DAY_WORKDAY ? "workday" : "holiday");
	gw_hdf_set(row, "name", y->name[day - y->jan1]);
	gw_hdf_set_int(row, "wd", gw_date_weekday(day));
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
	gw_hdf_set_int(ctx->hdf, key, m);
	for (int i = 0; i < cells; i++) {
		int32_t day = first - lead + i, k = day - y->jan1;
		HDF *cell;

		snprintf(key, sizeof(key), "Cal.Months.%d.W.%d.%d", m, i / 7, i % 7);
		if (day < first || day >= next) {
			gw_hdf_set(ctx->hdf, key, "");
			continue;
		}
		gw_hdf_set_int(ctx->hdf, key, day - first + 1);
		if (!(cell = hdf_get_obj(ctx->hdf, key)))
			continue;
		if (y->kind[k])
			gw_hdf_set(cell, "c", y->kind[k] == GW_DAY_WORKDAY ? "workday" : "holiday");
		else if (gw_date_weekday(day) > 5)
			gw_hdf_set(cell, "c", "off");
		if (y->name[k] && *y->name[k])
			gw_hdf_set(cell, "t", y->name[k]);
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
	gw_hdf_set_int(ctx->hdf, "Cal.WorkingDays",
		       gw_workday_count(&y->cal, y->jan1 - 1, y->jan1 + y->ndays - 1));
	gw_workday_free(&y->cal);
	if (n < 0)
		return 500;
	gw_hdf_set_int(ctx->hdf, "Cal.Year", year);
	gw_hdf_set_int(ctx->hdf, "Cal.Prev", year - 1);
	gw_hdf_set_int(ctx->hdf, "Cal.Next", year + 1);
	return admin_page(ctx, "calendar", "Admin.Calendar.Title", "admin_calendar.cs");
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
	return gw_redirect(ctx, "admin", admin_path_id(ctx, "/calendar?year=%lld", year), flash);
}

/* GET /calendar?year=2026 — the year view (200). */
int calendar(struct gw_ctx *ctx)
{
	return calendar_page(ctx, year_arg(ctx, gw_query(&ctx->req, "year")));
}

/* POST /calendar/day — make one day a holiday or a working day: 303 to its year;
 * 200 with messages. */
int calendar_set(struct gw_ctx *ctx)
{
	struct gw_fval v[D__N];
	char date[16];
	int had;

	if (GW_FORM_READ(ctx, day_form, v))
		return calendar_page(ctx, year_arg(ctx, gw_form(&ctx->req, "year")));
	gw_date_format((int32_t)v[D_DATE].i, date);
	had = gw_db_row(ctx->db, ctx->hdf, "Old", SQL_CAL_DAY, "s", date);
	if (had < 0 || gw_db_exec(ctx->db, SQL_CAL_SET, "sssis", date, v[D_KIND].s, v[D_NAME].s,
				  ctx->user->id, gw_now_utc(ctx)) < 0)
		return 500;
	gw_audit(ctx, "calendar.set", "calendar", day_id((int32_t)v[D_DATE].i),
		 "%s %s %s (was: %s %s)", date, v[D_KIND].s, v[D_NAME].s,
		 had ? hdf_get_value(ctx->hdf, "Old.kind", "") : "weekday rule",
		 hdf_get_value(ctx->hdf, "Old.name", ""));
	return to_year(ctx, year_of((int32_t)v[D_DATE].i), "saved");
}

/* POST /calendar/delete — back to the Monday–Friday rule for one day: 303 to its
 * year; 400 for a bad date; 404 if the day had no exception. */
int calendar_delete(struct gw_ctx *ctx)
{
	struct gw_fval v[X__N];
	char date[16];
	int had;

	if (GW_FORM_READ(ctx, day_delete_form, v))
		return 400;
	gw_date_format((int32_t)v[X_DAY].i, date);
	had = gw_db_row(ctx->db, ctx->hdf, "Old", SQL_CAL_DAY, "s", date);
	if (had <= 0)
		return had < 0 ? 500 : 404;
	if (gw_db_exec(ctx->db, SQL_CAL_DELETE, "s", date) < 0)
		return 500;
	gw_audit(ctx, "calendar.delete", "calendar", day_id((int32_t)v[X_DAY].i), "%s %s %s", date,
		 hdf_get_value(ctx->hdf, "Old.kind", ""), hdf_get_value(ctx->hdf, "Old.name", ""));
	return to_year(ctx, year_of((int32_t)v[X_DAY].i), "deleted");
}

/* The good lines of a pasted list, kept until all of it has been read. */
struct import {
	struct gw_arena *arena;
	struct {
		int32_t day;
		enum gw_day_kind kind;
		const char *name;
	} * v;
	int n, cap;
};

static int import_line(void *p, int32_t day, enum gw_day_kind kind, const char *name, size_t len)
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
int calendar_import(struct gw_ctx *ctx)
{
	struct gw_fval v[I__N];
	const char *text = gw_form(&ctx->req, "tsv");
	struct import im = {&ctx->arena, NULL, 0, 1};
	int n, year = year_arg(ctx, gw_form(&ctx->req, "year"));

	if (GW_FORM_READ(ctx, import_form, v))
		return calendar_page(ctx, year);
	gw_hdf_set(ctx->hdf, "Form.tsv", text); /* as pasted, so line numbers match */
	for (const char *c = text; *c; c++)
		im.cap += *c == '\n';
	im.v = gw_arena_alloc(&ctx->arena, (size_t)im.cap * sizeof(*im.v));
	n = gw_workday_parse_tsv(text, import_line, &im);
	if (n <= 0) {
		gw_hdf_set_int(ctx->hdf, "Form.tsv.Line", -n);
		gw_form_error(ctx, "tsv", n < 0 ? "bad_tsv" : "no_days");
		return calendar_page(ctx, year);
	}
	if (import_days(ctx, &im))
		return 500;
	return to_year(ctx, year_of(im.v[0].day), "imported");
}
