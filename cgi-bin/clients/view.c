/* view.c — clients.fcgi: a client's page: its classes of information as far
 * as the user may see them, contacts, leads, history with readable diffs,
 * financial periods and files (audited), the complaints about it, its
 * projects with their leads, its return visits, and for directors who saw
 * its financials. */
#include <stdlib.h>

#include "clients.h"

#define MAX_PERIODS 12
/* the latest reads of its level-3 data on the page; all of them in the audit
 * log (a read adds rows: the page would grow with every look at it) */
#define READERS_SHOWN 20

static const char SQL_CONTACTS[] =
    "SELECT id, name, role, phone, email, wechat, qq, is_primary FROM client_contacts"
    " WHERE client_id = ? ORDER BY is_primary DESC, id";
static const char SQL_LEADS[] =
    "SELECT u.id, u.name, u.role, d.name AS dept_name, l.added_at FROM client_leads l"
    " JOIN users u ON u.id = l.user_id LEFT JOIN departments d ON d.id = u.department_id"
    " WHERE l.client_id = ? ORDER BY l.added_at, u.id";
/* The latest 50 changes with their fields, one row per field (a change without
 * one the user may see: one row, its field columns NULL). A financial
 * period's or file's change only for those who see level 3, an edit only for
 * those who see one of its fields, and the fields of a class the user may not
 * see left out, not even named: for anyone else not even whether there is
 * information of a class above theirs. A department's or a lead's name for the
 * id a value holds. (client, level, level, level, level) */
static const char SQL_HISTORY[] =
    "SELECT h.id, h.at, h.kind, h.reason, h.user_name, f.field, f.sealed, f.old_value,"
    " f.new_value, COALESCE(od.name, ou.name) AS old_name, COALESCE(nd.name, nu.name) AS new_name"
    " FROM (SELECT h.id, h.at, h.kind, h.reason, u.name AS user_name FROM client_history h"
    " LEFT JOIN users u ON u.id = h.user_id WHERE h.client_id = ?"
    " AND (? >= 3 OR h.kind NOT IN ('period', 'file'))"
    " AND (? >= 3 OR h.kind <> 'edited' OR EXISTS (SELECT 1 FROM client_history_fields hf"
    " WHERE hf.history_id = h.id AND hf.level <= ?)) ORDER BY h.id DESC LIMIT 50) h"
    " LEFT JOIN client_history_fields f ON f.history_id = h.id AND f.level <= ?"
    " LEFT JOIN departments od ON f.field = 'department_id' AND od.id = f.old_value"
    " LEFT JOIN departments nd ON f.field = 'department_id' AND nd.id = f.new_value"
    " LEFT JOIN users ou ON f.field = 'lead_id' AND ou.id = f.old_value"
    " LEFT JOIN users nu ON f.field = 'lead_id' AND nu.id = f.new_value"
    " ORDER BY h.id DESC, f.id";
enum { H_ID, H_AT, H_KIND, H_REASON, H_USER, H_FIELD, H_SEALED, H_OLD, H_NEW, H_OLDN, H_NEWN };
static const char SQL_FILES[] =
    "SELECT f.id, f.kind, f.ctype, f.size, f.created_at, p.period, u.name AS user_name"
    " FROM client_files f LEFT JOIN client_periods p ON p.id = f.period_id"
    " LEFT JOIN users u ON u.id = f.created_by WHERE f.client_id = ? ORDER BY f.id DESC";
static const char SQL_READERS[] =
    "SELECT a.at, SUBSTRING_INDEX(a.action, '.', -1) AS kind, a.detail, u.name AS user_name"
    " FROM audit_log a"
    " LEFT JOIN users u ON u.id = a.user_id WHERE a.entity = 'client' AND a.entity_id = ?"
    " AND a.action IN ('client.read_sensitive', 'client.read_financial',"
    " 'client.file_download') ORDER BY a.at DESC, a.id DESC LIMIT ?";
static const char SQL_COMPLAINTS[] =
    "SELECT COUNT(*) FROM complaints WHERE client_id = ? AND trust = 'ok'";
/* the client's projects with their leads (who share its documents) */
static const char SQL_PROJECTS[] =
    "SELECT p.id, p.status, t.name_zh AS type_zh, t.name_en AS type_en, u.name AS lead_name,"
    " d.name AS dept_name, p.created_at FROM projects p"
    " JOIN project_types t ON t.id = p.type_id LEFT JOIN users u ON u.id = p.lead_id"
    " LEFT JOIN departments d ON d.id = p.department_id"
    " WHERE p.client_id = ? ORDER BY p.id DESC LIMIT 50";
/* the client's return visits, newest first (ix_visits_client) */
static const char SQL_VISITS[] =
    "SELECT v.id, v.method, v.status, v.due_on, v.visited_on, v.satisfaction,"
    " COALESCE(u.name, '') AS visitor FROM visits v LEFT JOIN users u ON u.id = v.visitor_id"
    " WHERE v.client_id = ? ORDER BY v.id DESC LIMIT 50";

/* ---- history ---- */

struct hist {
	struct gw_ctx *ctx;
	int n;	       /* fields so far */
	int rows;      /* changes so far */
	long long hid; /* the change of the last row */
};

/* A sealed history value opened (its read is part of the page's audited
 * read of level-3 data); NULL when it does not open. */
static const char *open_value(struct gw_ctx *ctx, const char *ad, const char *v, size_t n)
{
	unsigned char *out;
	size_t len = 0;

	if (n < GW_SEAL_OVERHEAD || !ctx->keys)
		return NULL;
	out = gw_arena_alloc(&ctx->arena, n - GW_SEAL_OVERHEAD + 1);
	if (gw_crypto_open(ctx->keys, ad, (const unsigned char *)v, n, out, &len))
		return NULL;
	out[len] = 0;
	return (const char *)out;
}

static const char *value_of(struct gw_ctx *ctx, int sealed, const char *ad, const char *v, size_t n)
{
	if (!v)
		return "";
	if (!sealed)
		return gw_arena_strndup(&ctx->arena, v, n);
	v = open_value(ctx, ad, v, n);
	return v ? v : "?";
}

static int is_figure(const char *field)
{
	for (int i = 0; gw_client_figures[i]; i++)
		if (!strcmp(gw_client_figures[i], field))
			return 1;
	return 0;
}

/* A history value as the page shows it: a department or a lead by name (the
 * value holds its id), a figure in yuan (it holds fen), else as it is. */
static const char *shown(struct gw_ctx *ctx, const char *field, const char *v, const char *name)
{
	char money[32];

	if (name)
		return name;
	if (*v && *v != '?' && is_figure(field)) {
		gw_money_format(strtoll(v, NULL, 10), money);
		return gw_arena_strdup(&ctx->arena, money);
	}
	return v;
}

/* A change's own columns as History.<n>.* (NULL ones left out). */
static void change_to_hdf(struct hist *h, char **v)
{
	static const char *const cols[] = {"id", "at", "kind", "reason", "user_name"};
	struct gw_ctx *ctx = h->ctx;

	for (int i = H_ID; i <= H_USER; i++)
		if (v[i])
			gw_hdf_set(ctx->hdf,
				   gw_arena_printf(&ctx->arena, "History.%d.%s", h->rows, cols[i]),
				   v[i]);
	h->rows++;
}

static int history_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct hist *h = p;
	struct gw_ctx *ctx = h->ctx;
	long long hid = strtoll(v[H_ID], NULL, 10);
	int sealed = v[H_SEALED] && !strcmp(v[H_SEALED], "1");
	const char *pre, *old, *new;

	(void)ncols, (void)names;
	if (!h->rows || hid != h->hid)
		change_to_hdf(h, v);
	h->hid = hid;
	if (!v[H_FIELD])
		return 0;
	pre = gw_arena_printf(&ctx->arena, "HistoryFields.%s.%d", v[H_ID], h->n++);
	old = value_of(ctx, sealed, gw_client_history_ad(ctx, "old", hid, v[H_FIELD]), v[H_OLD],
		       lens[H_OLD]);
	new = value_of(ctx, sealed, gw_client_history_ad(ctx, "new", hid, v[H_FIELD]), v[H_NEW],
		       lens[H_NEW]);
	gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "%s.field", pre), v[H_FIELD]);
	gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "%s.old", pre),
		   shown(ctx, v[H_FIELD], old, v[H_OLDN]));
	gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "%s.new", pre),
		   shown(ctx, v[H_FIELD], new, v[H_NEWN]));
	return 0;
}

/* The changes and their fields in one statement (History.*, HistoryFields.*). */
static int history_to_hdf(struct gw_ctx *ctx, long long id, int level)
{
	struct hist h = {ctx, 0, 0, 0};
	long long l = level;

	return gw_db_each(ctx->db, history_row, &h, SQL_HISTORY, "iiiii", id, l, l, l, l) < 0 ? -1
											      : 0;
}

/* ---- financial information (level 3) ---- */

/* The periods and files, and the audit record of this read. */
static int financials_to_hdf(struct gw_ctx *ctx, const struct gw_client *c)
{
	struct gw_client_period p[MAX_PERIODS];
	int n = gw_client_periods(ctx, c->id, p, MAX_PERIODS), files;
	const char *names = "";

	if (n < 0 || (files = gw_db_rows(ctx->db, ctx->hdf, "Files", SQL_FILES, "i", c->id)) < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		gw_client_period_to_hdf(ctx, gw_arena_printf(&ctx->arena, "Periods.%d", i), &p[i]);
		names = gw_arena_printf(&ctx->arena, "%s%s%s", names, i ? "," : "", p[i].period);
	}
	return gw_audit(ctx, "client.read_financial", "client", c->id, "periods=%s files=%d", names,
			files);
}

/* Who read its level-3 data: the latest READERS_SHOWN reads (Readers.*), and
 * ReadersMore (a link to all of them in the audit log) when that many. */
static int director_extras(struct gw_ctx *ctx, long long id)
{
	int n;

	if (ctx->user->role != GW_ROLE_DIRECTOR)
		return 0;
	n = gw_db_rows(ctx->db, ctx->hdf, "Readers", SQL_READERS, "ii", id,
		       (long long)READERS_SHOWN);
	if (n == READERS_SHOWN)
		gw_hdf_set_int(ctx->hdf, "ReadersMore", 1);
	return n < 0 ? -1 : 0;
}

static int complaints_count(struct gw_ctx *ctx, long long id)
{
	long long n = 0;

	if (!has(ctx, GW_PERM_COMPLAINT_READ))
		return 0;
	if (gw_db_int(ctx->db, &n, SQL_COMPLAINTS, "i", id) < 0)
		return -1;
	gw_hdf_set_int(ctx->hdf, "Complaints.Count", n);
	return 0;
}

/* The client's projects (Projects.*) for those who may read projects. */
static int projects_to_hdf(struct gw_ctx *ctx, long long id)
{
	if (!has(ctx, GW_PERM_PROJECT_READ))
		return 0;
	return gw_db_rows(ctx->db, ctx->hdf, "Projects", SQL_PROJECTS, "i", id) < 0 ? -1 : 0;
}

/* The client's return visits (Visits.*) for those who may read visits. */
static int visits_to_hdf(struct gw_ctx *ctx, long long id)
{
	if (!has(ctx, GW_PERM_VISIT_READ))
		return 0;
	return gw_db_rows(ctx->db, ctx->hdf, "Visits", SQL_VISITS, "i", id) < 0 ? -1 : 0;
}

/* The client (Client.*) with what belongs to it, as far as level goes, in the
 * page data. 0 or an HTTP status. */
static int page_data(struct gw_ctx *ctx, const struct gw_client *c, int level)
{
	if (gw_db_rows(ctx->db, ctx->hdf, "Contacts", SQL_CONTACTS, "i", c->id) < 0 ||
	    gw_db_rows(ctx->db, ctx->hdf, "Leads", SQL_LEADS, "i", c->id) < 0 ||
	    history_to_hdf(ctx, c->id, level) || complaints_count(ctx, c->id) ||
	    projects_to_hdf(ctx, c->id) || visits_to_hdf(ctx, c->id) ||
	    (level >= 3 && financials_to_hdf(ctx, c)) || director_extras(ctx, c->id))
		return gw_db_unavailable(ctx->db) ? 503 : 500;
	gw_client_to_hdf(ctx->hdf, "Client", c);
	gw_hdf_set_int(ctx->hdf, "Client.Level", level);
	if (!hdf_get_value(ctx->hdf, "Form.contacted_on", NULL)) {
		char today[11];

		gw_date_format(gw_today(ctx), today);
		gw_hdf_set(ctx->hdf, "Form.contacted_on", today);
	}
	return 0;
}

static int render(struct gw_ctx *ctx)
{
	page(ctx, "Clients.ViewTitle");
	return gw_view_render(ctx, "clients_view.cs");
}

int show_client(struct gw_ctx *ctx, const struct gw_client *c, int level)
{
	int rc = page_data(ctx, c, level);

	return rc ? rc : render(ctx);
}

/* GET /:id — 200 the client's page; 404 for a client outside the user's lists.
 * The audit records of its level-3 reads (the ID number, the financials) are
 * held and written in one statement after the reads, which commits them (one
 * log flush) before anything is shown: no transaction around the reads, whose
 * START and COMMIT were two more round trips of the page's sixteen. */
int view_page(struct gw_ctx *ctx)
{
	struct gw_client c;
	int level, rc;

	gw_audit_hold(ctx);
	rc = open_client(ctx, &c, &level);
	if (rc == 1)
		rc = page_data(ctx, &c, level);
	if (gw_audit_flush(ctx) && rc == 0)
		rc = gw_db_unavailable(ctx->db) ? 503 : 500;
	return rc ? rc : render(ctx);
}
