/* view.c — clients.fcgi: a client's page: its classes of information as far
 * as the user may see them, contacts, leads, history with readable diffs,
 * financial periods and files (audited), the complaints about it, its
 * projects with their leads, its return visits, and for directors who saw
 * its financials: all but the periods in one statement. */
#include <stdlib.h>

#include "clients.h"

#define MAX_PERIODS 12
/* the latest reads of its level-3 data on the page (the LIMIT of the readers'
 * part); all of them in the audit log (a read adds rows: the page would grow
 * with every look at it) */
#define READERS_SHOWN	  20
#define READERS_SHOWN_SQL "20"

/* Everything on the page that belongs to the client, in one statement of
 * tagged parts (gw_db_parts: eight statements of the page's twelve were
 * these, each a round trip however little it read): the part (k), a DATETIME
 * column (t: shown in the configured zone, so nothing else goes there), then
 * ten columns each part names in its _COLS below. A part the user may not read is
 * switched off by its bound flag (WHERE ... AND 0: not read at all). Every
 * part has ORDER BY with LIMIT, "all" being the largest LIMIT there is. */
#define ALL  " LIMIT 18446744073709551615"
#define PAD1 ", NULL"
#define PAD2 PAD1 PAD1
#define PAD4 PAD2 PAD2
/* contacts, the primary first */
#define SQL_CONTACTS                                                                               \
	"(SELECT 0 AS k, NULL AS t, id, name, role, phone, email, wechat, qq, is_primary" PAD2     \
	" FROM client_contacts WHERE client_id = ? ORDER BY is_primary DESC, id" ALL ")"
/* the leads, the first first */
#define SQL_LEADS                                                                                  \
	"(SELECT 1, l.added_at, u.id, u.name, u.role, d.name" PAD4 PAD2 " FROM client_leads l"     \
	" JOIN users u ON u.id = l.user_id LEFT JOIN departments d ON d.id = u.department_id"      \
	" WHERE l.client_id = ? ORDER BY l.added_at, u.id" ALL ")"
/* The latest 50 changes with their fields, one row per field (a change without
 * one the user may see: one row, its field columns NULL). A financial
 * period's or file's change only for those who see level 3, an edit only for
 * those who see one of its fields, and the fields of a class the user may not
 * see left out, not even named: for anyone else not even whether there is
 * information of a class above theirs. A department's or a lead's name for the
 * id a value holds. The client's changes from their index (client_id, id): the
 * newest 50 without walking the whole table by id. (client, level, level,
 * level, level) */
#define SQL_HISTORY                                                                                \
	"(SELECT 2, h.at, h.id, h.kind, h.reason, h.user_name, f.field, f.sealed, f.old_value,"    \
	" f.new_value, COALESCE(od.name, ou.name), COALESCE(nd.name, nu.name)"                     \
	" FROM (SELECT h.id, h.at, h.kind, h.reason, u.name AS user_name FROM client_history h"    \
	" FORCE INDEX (ix_client_history_client) LEFT JOIN users u ON u.id = h.user_id WHERE "     \
	"h.client_id = ?"                                                                          \
	" AND (? >= 3 OR h.kind NOT IN ('period', 'file'))"                                        \
	" AND (? >= 3 OR h.kind <> 'edited' OR EXISTS (SELECT 1 FROM client_history_fields hf"     \
	" WHERE hf.history_id = h.id AND hf.level <= ?)) ORDER BY h.id DESC LIMIT 50) h"           \
	" LEFT JOIN client_history_fields f ON f.history_id = h.id AND f.level <= ?"               \
	" LEFT JOIN departments od ON f.field = 'department_id' AND od.id = f.old_value"           \
	" LEFT JOIN departments nd ON f.field = 'department_id' AND nd.id = f.new_value"           \
	" LEFT JOIN users ou ON f.field = 'lead_id' AND ou.id = f.old_value"                       \
	" LEFT JOIN users nu ON f.field = 'lead_id' AND nu.id = f.new_value"                       \
	" ORDER BY h.id DESC, f.id" ALL ")"
/* its projects with their leads (who share its documents), the newest first */
#define SQL_PROJECTS                                                                               \
	"(SELECT 3, p.created_at, p.id, p.status, t.name_zh, t.name_en, u.name, d.name" PAD4       \
	" FROM projects p JOIN project_types t ON t.id = p.type_id"                                \
	" LEFT JOIN users u ON u.id = p.lead_id LEFT JOIN departments d ON d.id = p.department_id" \
	" WHERE p.client_id = ? AND ? <> 0 ORDER BY p.id DESC LIMIT 50)"
/* its return visits, the newest first (ix_visits_client) */
#define SQL_VISITS                                                                                 \
	"(SELECT 4, NULL, v.id, v.method, v.status, v.due_on, v.visited_on, v.satisfaction,"       \
	" COALESCE(u.name, '')" PAD2 PAD1                                                          \
	" FROM visits v LEFT JOIN users u ON u.id = v.visitor_id"                                  \
	" WHERE v.client_id = ? AND ? <> 0 ORDER BY v.id DESC LIMIT 50)"
/* its financial files (level 3), the newest first */
#define SQL_FILES                                                                                  \
	"(SELECT 5, f.created_at, f.id, f.kind, f.ctype, f.size, p.period, u.name" PAD4            \
	" FROM client_files f LEFT JOIN client_periods p ON p.id = f.period_id"                    \
	" LEFT JOIN users u ON u.id = f.created_by WHERE f.client_id = ? AND ? <> 0"               \
	" ORDER BY f.id DESC" ALL ")"
/* who read its level-3 data, the latest READERS_SHOWN (directors): from the
 * client's entries of the audit log, newest first, held to that index (for a
 * client read 80,000 times the optimizer weighed a scan of the whole log and
 * a sort as about as cheap) */
#define SQL_READERS                                                                                \
	"(SELECT 6, a.at, SUBSTRING_INDEX(a.action, '.', -1), a.detail, u.name" PAD4 PAD2 PAD1     \
	" FROM audit_log a FORCE INDEX (ix_audit_entity) LEFT JOIN users u ON u.id = a.user_id"    \
	" WHERE a.entity = 'client' AND a.entity_id = ? AND ? <> 0"                                \
	" AND a.action IN ('client.read_sensitive', 'client.read_financial',"                      \
	" 'client.file_download') ORDER BY a.at DESC, a.id DESC LIMIT " READERS_SHOWN_SQL ")"
/* how many complaints are about it */
#define SQL_COMPLAINTS                                                                             \
	"(SELECT 7, NULL, COUNT(*)" PAD4 PAD4 PAD1 " FROM complaints"                              \
	" WHERE client_id = ? AND trust = 'ok' AND ? <> 0 LIMIT 1)"
static const char SQL_PAGE[] =
    SQL_CONTACTS " UNION ALL " SQL_LEADS " UNION ALL " SQL_HISTORY " UNION ALL " SQL_PROJECTS
		 " UNION ALL " SQL_VISITS " UNION ALL " SQL_FILES " UNION ALL " SQL_READERS
		 " UNION ALL " SQL_COMPLAINTS;
enum part {
	P_CONTACTS,
	P_LEADS,
	P_HISTORY,
	P_PROJECTS,
	P_VISITS,
	P_FILES,
	P_READERS,
	P_COMPLAINTS
};
/* the history part's columns, after k */
enum { H_AT, H_ID, H_KIND, H_REASON, H_USER, H_FIELD, H_SEALED, H_OLD, H_NEW, H_OLDN, H_NEWN };

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
	static const char *const cols[] = {"at", "id", "kind", "reason", "user_name"};
	struct gw_ctx *ctx = h->ctx;

	for (int i = H_AT; i <= H_USER; i++)
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

/* ---- financial information (level 3) ---- */

/* The periods (files came with the page's statement) and the audit record
 * of this read. */
static int financials_to_hdf(struct gw_ctx *ctx, const struct gw_client *c, int files)
{
	struct gw_client_period p[MAX_PERIODS];
	int n = gw_client_periods(ctx, c->id, p, MAX_PERIODS);
	const char *names = "";

	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		gw_client_period_to_hdf(ctx, gw_arena_printf(&ctx->arena, "Periods.%d", i), &p[i]);
		names = gw_arena_printf(&ctx->arena, "%s%s%s", names, i ? "," : "", p[i].period);
	}
	return gw_audit(ctx, "client.read_financial", "client", c->id, "periods=%s files=%d", names,
			files);
}

/* ---- the page ---- */

static const char *const CONTACT_COLS[] = {"",	    "id",     "name", "role",	    "phone",
					   "email", "wechat", "qq",   "is_primary", NULL};
static const char *const LEAD_COLS[] = {"added_at", "id", "name", "role", "dept_name", NULL};
static const char *const PROJECT_COLS[] = {"created_at", "id",	      "status",	   "type_zh",
					   "type_en",	 "lead_name", "dept_name", NULL};
static const char *const VISIT_COLS[] = {
    "", "id", "method", "status", "due_on", "visited_on", "satisfaction", "visitor", NULL};
static const char *const FILE_COLS[] = {"created_at", "id",	"kind",	     "ctype",
					"size",	      "period", "user_name", NULL};
static const char *const READER_COLS[] = {"at", "kind", "detail", "user_name", NULL};
static const char *const COUNT_COLS[] = {"", "Count", NULL};

/* What belongs to the client, as far as the user may see it, in one statement
 * (SQL_PAGE): Contacts, Leads, History and HistoryFields, Projects, Visits,
 * Files (level 3), Readers and ReadersMore (directors), Complaints.Count. */
static int parts_to_hdf(struct gw_ctx *ctx, long long id, int level, int *files)
{
	struct hist h = {ctx, 0, 0, 0};
	int projects = has(ctx, GW_PERM_PROJECT_READ), visits = has(ctx, GW_PERM_VISIT_READ);
	int complaints = has(ctx, GW_PERM_COMPLAINT_READ), l3 = level >= 3;
	int director = ctx->user->role == GW_ROLE_DIRECTOR;
	long long l = level;
	struct gw_db_part parts[] = {
	    [P_CONTACTS] = {"Contacts", CONTACT_COLS, 0, NULL, NULL, 0},
	    [P_LEADS] = {"Leads", LEAD_COLS, 0, NULL, NULL, 0},
	    [P_HISTORY] = {NULL, NULL, 0, history_row, &h, 0},
	    [P_PROJECTS] = {projects ? "Projects" : NULL, PROJECT_COLS, 0, NULL, NULL, 0},
	    [P_VISITS] = {visits ? "Visits" : NULL, VISIT_COLS, 0, NULL, NULL, 0},
	    [P_FILES] = {l3 ? "Files" : NULL, FILE_COLS, 0, NULL, NULL, 0},
	    [P_READERS] = {director ? "Readers" : NULL, READER_COLS, 0, NULL, NULL, 0},
	    [P_COMPLAINTS] = {complaints ? "Complaints" : NULL, COUNT_COLS, 1, NULL, NULL, 0},
	};

	if (gw_db_parts(ctx->db, ctx->hdf, parts, P_COMPLAINTS + 1, SQL_PAGE, "iiiiiiiiiiiiiiiii",
			id, id, id, l, l, l, l, id, (long long)projects, id, (long long)visits, id,
			(long long)l3, id, (long long)director, id, (long long)complaints) < 0)
		return -1;
	if (parts[P_READERS].rows == READERS_SHOWN)
		gw_hdf_set_int(ctx->hdf, "ReadersMore", 1);
	*files = parts[P_FILES].rows;
	return 0;
}

/* The client (Client.*) with what belongs to it, as far as level goes, in the
 * page data. 0 or an HTTP status. */
static int page_data(struct gw_ctx *ctx, const struct gw_client *c, int level)
{
	int files;

	if (parts_to_hdf(ctx, c->id, level, &files) ||
	    (level >= 3 && financials_to_hdf(ctx, c, files)))
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
