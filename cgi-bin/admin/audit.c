/* audit.c — the audit log (/admin/audit): filtered pages, newest first, and its
 * CSV export. */
#include <stdio.h>
#include <string.h>
#include "guwen/audit.h"
#include "guwen/csv.h"
#include "guwen/form.h"
#include "guwen/valid.h"
#include "guwen/workday.h"
#include "guwen/view.h"
#include "admin.h"

#define AUDIT_PER_PAGE 50
#define AUDIT_CSV_MAX 100000 /* rows in one export; the filters narrow it further */

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
	if (admin_query_read(ctx, audit_filter, v))
		return 1;
	if (v[A_USER].present && gw_db_int(ctx->db, &q->uid, SQL_USER_ID, "s", v[A_USER].s) <= 0)
		q->uid = -1; /* nobody by that name: no rows (or the error shows next) */
	q->entity = v[A_ENTITY].s;
	q->like = v[A_ACTION].present ? like_prefix(ctx, v[A_ACTION].s) : "";
	q->from = v[A_FROM].present ? local_day_start_utc(ctx, (int32_t)v[A_FROM].i) : "";
	q->to = v[A_TO].present ? local_day_start_utc(ctx, (int32_t)v[A_TO].i + 1) : "";
	q->page = v[A_PAGE].present ? v[A_PAGE].i : 1;
	for (int i = 0; i < A_PAGE; i++)
		qs = admin_qs_add(ctx, qs, audit_filter[i].name, v[i].s);
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
int audit_list(struct gw_ctx *ctx)
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
	return admin_page(ctx, "audit", "Admin.Audit.Title", "admin_audit.cs");
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
int audit_export(struct gw_ctx *ctx)
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
