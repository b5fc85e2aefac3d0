/* list.c — complaints.fcgi: the lists (mine / department / all / 待核实) with
 * their filters and keyset paging, and the CSV export. */
#include "complaints.h"

#define PAGE_ROWS 20

#define EXPORT_MAX 100000

/* The list's columns in this order (see enum col); filters, then keyset paging
 * on id (newest first, no COUNT). Empty text / 0 leaves a filter out. */
#define LIST_SELECT                                                                          \
	"SELECT c.id, c.tracking_no, c.source, c.name, c.company, c.severity, c.stage,"      \
	" c.created_at, c.resolution_due, c.waiting_since IS NOT NULL AS waiting,"          \
	" d.name AS dept_name, ow.name AS owner_name, cl.name AS client_name, " OVERDUE     \
	" AS overdue FROM complaints c LEFT JOIN departments d ON d.id = c.department_id"   \
	" LEFT JOIN users ow ON ow.id = c.owner_id LEFT JOIN clients cl ON cl.id = c.client_id"

#define LIST_FILTER                                                                          \
	" AND (? = '' OR c.stage = ?) AND (? = '' OR c.severity <=> NULLIF(?, 'none'))"     \
	" AND (? = '' OR c.source = ?) AND (? = 0 OR " OVERDUE ")"                          \
	" AND (? = 0 OR c.client_id = ?) AND (? = 0 OR c.advisor_id = ?)"                   \
	" AND c.id < ? ORDER BY c.id DESC LIMIT ?"

#define LIST_ARGS "sissssssisiiiiii"

enum col { C_ID, C_TRACKING, C_SOURCE, C_NAME, C_COMPANY, C_SEVERITY, C_STAGE, C_CREATED,
	   C_DUE, C_WAITING, C_DEPT, C_OWNER, C_CLIENT, C_OVERDUE, C__N };

/* suspected (待核实) and discarded public posts are in no list but their own */
#define LIST_TRUSTED " AND c.trust = 'ok'"

static const char SQL_LIST_MINE[] = LIST_SELECT " WHERE c.owner_id = ?" LIST_TRUSTED LIST_FILTER;

static const char SQL_LIST_DEPT[] =
	LIST_SELECT " WHERE c.department_id = ?" LIST_TRUSTED LIST_FILTER;

/* a classifier's department list also holds the new ones nobody has yet */
static const char SQL_LIST_DEPT_NEW[] =
	LIST_SELECT " WHERE (c.department_id = ? OR c.department_id IS NULL)"
		    " AND (c.department_id IS NOT NULL OR c.severity IS NULL)" LIST_TRUSTED LIST_FILTER;

static const char SQL_LIST_ALL[] = LIST_SELECT " WHERE c.id > ?" LIST_TRUSTED LIST_FILTER;

static const char SQL_LIST_SUSPECTED[] =
	LIST_SELECT " WHERE c.trust = 'suspected' AND c.id > ?" LIST_FILTER;

static const char SQL_CLIENT_NAME[] = "SELECT name FROM clients WHERE id = ?" CLIENT_SCOPE;

/* ---- the list and its export ------------------------------------------------ */

struct filter {
	const char *tab, *stage, *severity, *source;
	long long overdue, client, advisor, before;
};

static const char *const stage_keys[] = { "registered", "investigating", "resolved",
					  "followup", "closed", NULL };

static const char *const severity_keys[] = { "a", "b", "c", "d", "none", NULL };

static const char *const source_keys[] = { "web", "phone", "visit", "email", NULL };

/* The export's words, looked up once rather than per row. */
struct csv {
	struct gw_buf *b;
	const char *source[4], *stage[5], *severity[5];
};

/* The query parameter name if it is one of keys, else "". */
static const char *query_choice(struct gw_ctx *ctx, const char *name, const char *const *keys)
{
	const char *v = gw_query(&ctx->req, name);

	for (; v && *keys; keys++)
		if (!strcmp(v, *keys))
			return *keys;
	return "";
}

static long long query_id(struct gw_ctx *ctx, const char *name)
{
	const char *v = gw_query(&ctx->req, name);
	int64_t n;

	return v && *v && !gw_valid_int(v, 1, INT64_MAX, &n) ? n : 0;
}

static const char *default_tab(struct gw_ctx *ctx)
{
	if (has(ctx, GW_PERM_COMPLAINT_ALL))
		return "all";
	return has(ctx, GW_PERM_COMPLAINT_CLASSIFY) ? "department" : "mine";
}

static void read_filter(struct gw_ctx *ctx, struct filter *f)
{
	static const char *const tabs[] = { "mine", "department", "all", "suspected", NULL };

	f->tab = query_choice(ctx, "tab", tabs);
	if (!*f->tab || (!strcmp(f->tab, "all") && !has(ctx, GW_PERM_COMPLAINT_ALL)) ||
	    (!strcmp(f->tab, "suspected") && !has(ctx, GW_PERM_COMPLAINT_CLASSIFY)))
		f->tab = default_tab(ctx);
	f->stage = query_choice(ctx, "stage", stage_keys);
	f->severity = query_choice(ctx, "severity", severity_keys);
	f->source = query_choice(ctx, "source", source_keys);
	f->overdue = gw_query(&ctx->req, "overdue") && !strcmp(gw_query(&ctx->req, "overdue"), "1");
	f->client = query_id(ctx, "client");
	f->advisor = query_id(ctx, "advisor");
	f->before = query_id(ctx, "before");
}

/* The filters as a query string (without tab and paging; without the client
 * when with_client is 0). Values are keys and numbers only: nothing to escape. */
static const char *filter_query(struct gw_ctx *ctx, const struct filter *f, int with_client)
{
	struct gw_arena *a = &ctx->arena;
	char *q = gw_arena_printf(a, "stage=%s&severity=%s&source=%s", f->stage, f->severity,
				  f->source);

	if (f->overdue)
		q = gw_arena_printf(a, "%s&overdue=1", q);
	if (f->client && with_client)
		q = gw_arena_printf(a, "%s&client=%lld", q, f->client);
	if (f->advisor)
		q = gw_arena_printf(a, "%s&advisor=%lld", q, f->advisor);
	return q;
}

static void filter_to_hdf(struct gw_ctx *ctx, const struct filter *f)
{
	HDF *h = ctx->hdf;

	hdf_set_value(h, "Filter.Tab", f->tab);
	hdf_set_value(h, "Filter.Query", filter_query(ctx, f, 1));
	hdf_set_value(h, "Form.stage", f->stage);
	hdf_set_value(h, "Form.severity", f->severity);
	hdf_set_value(h, "Form.source", f->source);
	hdf_set_value(h, "Form.overdue", f->overdue ? "1" : "");
	/* no select of every client here (the list must stay light): the filter
	 * comes from a client's link and can be removed */
	if (f->client) {
		hdf_set_value(h, "Filter.Client", gw_arena_printf(&ctx->arena, "%lld", f->client));
		hdf_set_value(h, "Filter.QueryNoClient", filter_query(ctx, f, 0));
		clients_query(ctx, SQL_CLIENT_NAME, f->client, NULL, NULL, "Filter.ClientName");
	}
	if (f->advisor)
		hdf_set_value(h, "Form.advisor", gw_arena_printf(&ctx->arena, "%lld", f->advisor));
	if (f->before)
		hdf_set_int_value(h, "Filter.Paged", 1);
}

/* The statement of a tab and the value it is scoped by. */
static const char *list_sql(struct gw_ctx *ctx, const char *tab, long long *scope)
{
	if (!strcmp(tab, "all") || !strcmp(tab, "suspected")) {
		*scope = 0;
		return tab[0] == 'a' ? SQL_LIST_ALL : SQL_LIST_SUSPECTED;
	}
	if (!strcmp(tab, "department")) {
		*scope = ctx->user->dept_id;
		return has(ctx, GW_PERM_COMPLAINT_CLASSIFY) ? SQL_LIST_DEPT_NEW : SQL_LIST_DEPT;
	}
	*scope = ctx->user->id;
	return SQL_LIST_MINE;
}

/* Run the list statement with the filters; rows go to fn (or HDF Rows.* when fn
 * is NULL). Returns the row count or -1. */
static int list_query(struct gw_ctx *ctx, const struct filter *f, long long before,
		      long long limit, gw_db_row_fn fn, void *fctx)
{
	const char *now = gw_now_utc(ctx);
	long long scope;
	const char *sql = list_sql(ctx, f->tab, &scope);

	if (!strcmp(f->tab, "department") && !scope)
		return 0; /* no department, no department list */
	if (!fn)
		return gw_db_rows(ctx->db, ctx->hdf, "Rows", sql, LIST_ARGS, now, scope, f->stage,
				  f->stage, f->severity, f->severity, f->source, f->source,
				  f->overdue, now, f->client, f->client, f->advisor, f->advisor,
				  before, limit);
	return gw_db_each(ctx->db, fn, fctx, sql, LIST_ARGS, now, scope, f->stage, f->stage,
			  f->severity, f->severity, f->source, f->source, f->overdue, now,
			  f->client, f->client, f->advisor, f->advisor, before, limit);
}

/* GET / — 200: the tab's complaints, newest first, PAGE_ROWS at a time. */
int list_page(struct gw_ctx *ctx)
{
	struct filter f;
	int n;

	read_filter(ctx, &f);
	filter_to_hdf(ctx, &f);
	n = list_query(ctx, &f, f.before ? f.before : INT64_MAX, PAGE_ROWS + 1, NULL, NULL);
	if (n < 0)
		return 500;
	if (n > PAGE_ROWS) {
		drop(ctx, gw_arena_printf(&ctx->arena, "Rows.%d", PAGE_ROWS));
		hdf_set_value(ctx->hdf, "Filter.Next",
			      hdf_get_valuef(ctx->hdf, "Rows.%d.id", PAGE_ROWS - 1));
	}
	if (has(ctx, GW_PERM_COMPLAINT_ALL))
		hdf_set_int_value(ctx->hdf, "Filter.CanAll", 1);
	if (has(ctx, GW_PERM_COMPLAINT_CLASSIFY))
		hdf_set_int_value(ctx->hdf, "Filter.CanSuspected", 1);
	choice_options(ctx, "Opt.Stages", "L.Complaint.Stages", stage_keys);
	choice_options(ctx, "Opt.Severities", "L.Complaint.Severities", severity_choices);
	hdf_set_value(ctx->hdf, "Opt.Severities.none", word(ctx, "L.Complaint.Unclassified"));
	choice_options(ctx, "Opt.Sources", "L.Complaint.Sources", source_keys);
	options(ctx, "Opt.Advisors", SQL_ADVISORS, option_row);
	hdf_set_value(ctx->hdf, "Page.Title", "Complaints.Title");
	hdf_set_value(ctx->hdf, "Page.Nav", "complaints");
	return gw_view_render(ctx, "complaints_list.cs");
}

static void csv_words(struct gw_ctx *ctx, struct csv *c)
{
	for (int i = 0; i < 4; i++)
		c->source[i] = wordf(ctx, "L.Complaint.Sources", source_keys[i]);
	for (int i = 0; i < 5; i++)
		c->stage[i] = wordf(ctx, "L.Complaint.Stages", stage_keys[i]);
	for (int i = 0; i < 4; i++)
		c->severity[i] = severity_word(ctx, severity_choices[i]);
	c->severity[4] = severity_word(ctx, NULL);
}

/* The word of v among keys (n of them), or fallback. */
static const char *key_word(const char *const *keys, const char *const *words, int n,
			    const char *v, const char *fallback)
{
	for (int i = 0; v && i < n; i++)
		if (!strcmp(keys[i], v))
			return words[i];
	return fallback;
}

static int csv_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct csv *c = p;
	const char *out[11];

	(void)lens, (void)names;
	if (ncols < C__N)
		return 1;
	out[0] = v[C_TRACKING];
	out[1] = v[C_CREATED];
	out[2] = key_word(source_keys, c->source, 4, v[C_SOURCE], "");
	out[3] = v[C_NAME];
	out[4] = v[C_COMPANY];
	out[5] = v[C_CLIENT];
	out[6] = key_word(severity_choices, c->severity, 4, v[C_SEVERITY], c->severity[4]);
	out[7] = key_word(stage_keys, c->stage, 5, v[C_STAGE], "");
	out[8] = v[C_DEPT];
	out[9] = v[C_OWNER];
	out[10] = v[C_DUE];
	gw_csv_row(c->b, out, 11);
	return 0;
}

static void csv_head(struct gw_ctx *ctx, struct gw_buf *b)
{
	static const char *const keys[] = {
		"L.Complaint.Tracking", "L.Complaints.Created", "L.Complaint.Source",
		"L.Complaints.Complainant", "L.Complaint.Company", "L.Complaint.Client",
		"L.Complaint.Severity", "L.Complaint.Stage", "L.Complaint.Department",
		"L.Complaint.Owner", "L.Complaint.ResolutionDue",
	};
	const char *h[11];

	for (int i = 0; i < 11; i++)
		h[i] = word(ctx, keys[i]);
	gw_buf_puts(b, "\xEF\xBB\xBF"); /* BOM: Excel then reads UTF-8 */
	gw_csv_row(b, h, 11);
}

/* GET /export — 200 text/csv (attachment): the list with the same filters, all
 * pages (up to EXPORT_MAX rows, newest first), times in local time. */
int export_csv(struct gw_ctx *ctx)
{
	struct filter f;
	struct csv c = { &ctx->resp.body, { 0 }, { 0 }, { 0 } };
	int total;
	char day[11];

	read_filter(ctx, &f);
	csv_words(ctx, &c);
	gw_buf_reset(&ctx->resp.body);
	csv_head(ctx, &ctx->resp.body);
	/* one statement: chunks by keyset would each walk the index from the top */
	total = list_query(ctx, &f, INT64_MAX, EXPORT_MAX, csv_row, &c);
	if (total < 0) {
		gw_buf_reset(&ctx->resp.body);
		return 500;
	}
	gw_date_format(gw_today(ctx), day);
	ctx->resp.ctype = "text/csv; charset=utf-8";
	gw_response_header(&ctx->resp, "Content-Disposition",
			   gw_arena_printf(&ctx->arena,
					   "attachment; filename=\"complaints-%s.csv\"", day));
	gw_audit(ctx, "complaint.export", "complaint", 0, "tab=%s %s rows=%d", f.tab,
		 filter_query(ctx, &f, 1), total);
	return 0;
}
