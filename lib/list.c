/* list.c — declared lists: filters, search, sort, keyset paging, CSV (see list.h). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "guwen/csv.h"
#include "guwen/hdfset.h"
#include "guwen/list.h"
#include "guwen/log.h"
#include "guwen/valid.h"
#include "guwen/view.h"

/* distinct statement texts of all lists, per process: each is a prepared
 * statement on the server too (max_prepared_stmt_count is 16,382 for all
 * connections); past it a new combination of filters fails (logged) */
#define MAX_STATEMENTS 1024
#define CSV_CHUNK      16384 /* bytes gathered before they go to the client */

static const struct gw_fdef search_def = {"q", GW_F_TEXT, 0, 100, 0, 0, NULL};
static const struct gw_fdef at_def = {"at", GW_F_TEXT, 0, 100, 0, 0, NULL};

/* ---- reading the query string ---- */

/* The filter i of the list, or NULL past the last (or past the values a run
 * holds: a longer declaration is cut, not overrun). */
static const struct gw_list_filter *filter(const struct gw_list *l, int i)
{
	return i < GW_LIST_MAX_FILTERS && l->filters[i].def.name ? &l->filters[i] : NULL;
}

static const struct gw_list_col *find_col(const struct gw_list *l, const char *name)
{
	for (const struct gw_list_col *c = l->cols; name && c->name; c++)
		if ((c->flags & GW_LC_SORT) && !strcmp(c->name, name))
			return c;
	return NULL;
}

static int sorts_by_key(const struct gw_list_run *r)
{
	return !strcmp(r->sort->expr, r->l->key);
}

/* A parameter of the list: from the body of a POST (a search that must stay
 * out of URLs and so out of access logs), else from the query string. */
static const char *param(struct gw_ctx *ctx, const char *name)
{
	if (ctx->req.method && !strcmp(ctx->req.method, "POST"))
		return gw_form(&ctx->req, name);
	return gw_query(&ctx->req, name);
}

/* One field: its value in v, Form.<name> kept; 1 when bad (and marked). */
static int read_field(struct gw_ctx *ctx, const struct gw_fdef *def, int lenient, struct gw_fval *v)
{
	const char *err = gw_form_check(def, param(ctx, def->name), v, &ctx->arena);

	if (err && lenient)
		*v = (struct gw_fval){"", 0, 0};
	gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "Form.%s", def->name), v->s ? v->s : "");
	return err && !lenient ? gw_form_error(ctx, def->name, err) : 0;
}

static void read_order(struct gw_ctx *ctx, struct gw_list_run *r)
{
	const char *dir = param(ctx, "dir"), *before = param(ctx, "before");
	const struct gw_list_col *c = find_col(r->l, param(ctx, "sort"));
	int64_t key;

	r->sort = c ? c : find_col(r->l, r->l->sort);
	r->desc = dir && !strcmp(dir, "desc")	       ? 1
		  : dir && !strcmp(dir, "asc")	       ? 0
		  : !c || !strcmp(c->name, r->l->sort) ? r->l->desc
						       : 0;
	if (before && !gw_valid_int(before, 1, INT64_MAX, &key))
		r->before = key;
}

int gw_list_read(struct gw_ctx *ctx, const struct gw_list *l, struct gw_list_run *r)
{
	struct gw_fval at;

	memset(r, 0, sizeof(*r));
	r->l = l;
	for (int i = 0; filter(l, i); i++)
		r->bad += read_field(ctx, &l->filters[i].def, l->lenient, &r->v[i]);
	r->bad += read_field(ctx, &search_def, 0, &at);
	r->q = at.s;
	read_order(ctx, r);
	if (r->before && !sorts_by_key(r) && !read_field(ctx, &at_def, 1, &at) && at.present)
		r->at = at.s;
	else if (!sorts_by_key(r))
		r->before = 0; /* a cursor without its sort value: the first page */
	return r->bad;
}

struct gw_fval *gw_list_value(struct gw_list_run *r, const char *name)
{
	for (int i = 0; filter(r->l, i); i++)
		if (!strcmp(r->l->filters[i].def.name, name))
			return &r->v[i];
	return NULL;
}

void gw_list_scope(struct gw_list_run *r, const char *cond, const struct gw_db_arg *args, int n)
{
	r->scope = cond;
	r->nscope = n < GW_LIST_MAX_ARGS / 2 ? n : GW_LIST_MAX_ARGS / 2;
	if (r->nscope) /* args may be NULL for none (memcpy wants a pointer even for 0) */
		memcpy(r->args, args, sizeof(*args) * (size_t)r->nscope);
}

/* ---- the statement ---- */

/* The one stored copy of a statement text: the database caches statements by
 * their address, so equal texts must be one string. NULL when full. */
static const char *intern(const char *sql)
{
	static char *table[MAX_STATEMENTS];
	static int n;

	for (int i = 0; i < n; i++)
		if (!strcmp(table[i], sql))
			return table[i];
	if (n == MAX_STATEMENTS || !(table[n] = strdup(sql))) {
		gw_log_error("list: more than %d statements", MAX_STATEMENTS);
		return NULL;
	}
	return table[n++];
}

static void add_arg(struct gw_list_run *r, enum gw_db_type t, long long i, const char *s)
{
	if (r->nargs < GW_LIST_MAX_ARGS)
		r->args[r->nargs++] = (struct gw_db_arg){t, i, s};
}

void gw_list_arg(struct gw_list_run *r, enum gw_db_type t, long long i, const char *s)
{
	add_arg(r, t, i, s);
}

/* Append cond as the statement's next condition. */
static void where(struct gw_list_run *r, struct gw_buf *b, const char *cond)
{
	gw_buf_puts(b, r->nconds++ ? " AND " : " WHERE ");
	gw_buf_puts(b, cond);
}

/* "%s%" with the search's own % _ \ taken literally, in the arena. */
static const char *like_contains(struct gw_ctx *ctx, const char *s)
{
	char *out = gw_arena_alloc(&ctx->arena, 2 * strlen(s) + 3), *p = out;

	*p++ = '%';
	for (; *s; s++) {
		if (strchr("%_\\", *s))
			*p++ = '\\';
		*p++ = *s;
	}
	strcpy(p, "%");
	return out;
}

/* The length of from's first table ("complaints c") and the joins after it. */
static int split_from(const char *from, const char **joins)
{
	const char *sp = strchr(from, ' '), *alias = sp ? strchr(sp + 1, ' ') : NULL;

	*joins = alias ? alias : "";
	return alias ? (int)(alias - from) : (int)strlen(from);
}

/* Whether the rows can be found in the first table alone: no search (its
 * columns may be joined ones) and a sort on that table's columns. */
static int base_only(const struct gw_list_run *r)
{
	const char *sp = strchr(r->l->from, ' ');
	const char *alias = sp ? sp + 1 : r->l->from;
	size_t n = strcspn(alias, " ");

	return (!*r->q || r->l->search) && !strncmp(r->sort->expr, alias, n) &&
	       r->sort->expr[n] == '.';
}

/* Whether the page's rows are found through the indexes named by the list
 * (l->filter_index): in key order, without a search (whose conditions have
 * indexes of their own), in a scope that names its index (gw_list_run.index). */
static int named_index(const struct gw_list_run *r)
{
	return r->l->filter_index && r->index && sorts_by_key(r) && !*r->q;
}

/* Whether the page is one statement with its joins: the first page. A later
 * one (key < cursor) finds its keys alone first: with the joins MariaDB reads
 * the filter's index by its equality part ("ref") from the newest row down
 * to the cursor, every row above it, where alone it reads the range below. */
static int one_level(const struct gw_list_run *r)
{
	return named_index(r) && !r->before;
}

/* " USE INDEX (…)" of the scope's index and those of the filters on;
 * 0 when there is none to name. */
static int use_index(const struct gw_list_run *r, struct gw_buf *b)
{
	const char *const *ix = r->l->filter_index;
	int n = 0;

	if (!named_index(r))
		return 0;
	for (int i = 0; filter(r->l, i); i++)
		if (ix[i] && r->l->filters[i].cond && r->v[i].present)
			gw_buf_printf(b, "%s%s", n++ ? ", " : " USE INDEX (", ix[i]);
	/* the key's own walk only when no filter's index reads fewer rows */
	if (*r->index && (!n || strcmp(r->index, "PRIMARY")))
		gw_buf_printf(b, "%s%s", n++ ? ", " : " USE INDEX (", r->index);
	if (n)
		gw_buf_puts(b, ")");
	return n > 0;
}

/* The FROM clause (the joins left out when base), with the indexes to use, or
 * the list's index hint when a filter is on or the scope asks for it. */
static void from(const struct gw_list_run *r, struct gw_buf *b, int base)
{
	const struct gw_list *l = r->l;
	const char *joins;
	int n = split_from(l->from, &joins), on = r->hint && l->hint;

	for (int i = 0; filter(l, i) && l->hint && !on; i++)
		on = l->filters[i].cond && r->v[i].present;
	gw_buf_printf(b, " FROM %.*s", n, l->from);
	if (!use_index(r, b) && on)
		gw_buf_printf(b, " %s", l->hint);
	gw_buf_puts(b, base ? "" : joins);
}

static void filter_conds(struct gw_ctx *ctx, struct gw_list_run *r, struct gw_buf *b)
{
	for (int i = 0; filter(r->l, i); i++) {
		const struct gw_list_filter *f = &r->l->filters[i];
		int is_int = f->def.type == GW_F_INT && !f->value;
		const char *s;

		if (!f->cond || !r->v[i].present)
			continue; /* value() may read the database: only for a filter on */
		s = f->value ? f->value(ctx, &r->v[i]) : r->v[i].s;
		where(r, b, f->cond);
		for (const char *p = f->cond; (p = strchr(p, '?')); p++)
			add_arg(r, is_int ? GW_DB_INT : GW_DB_TEXT, r->v[i].i, s);
	}
}

static void search_cond(struct gw_ctx *ctx, struct gw_list_run *r, struct gw_buf *b)
{
	const char *like;
	int n = 0;

	if (!*r->q)
		return;
	if (r->l->search) {
		where(r, b, "");
		r->l->search(ctx, r, b);
		return;
	}
	like = like_contains(ctx, r->q);
	for (const struct gw_list_col *c = r->l->cols; c->name; c++) {
		if (!(c->flags & GW_LC_SEARCH))
			continue;
		if (n++)
			gw_buf_puts(b, " OR ");
		else
			where(r, b, "(");
		/* as utf8mb4: an ASCII column (a tracking number) compared with
		 * Chinese words would be an error of mixed collations */
		gw_buf_printf(b, "CONVERT(%s USING utf8mb4) LIKE ?", c->expr);
		add_arg(r, GW_DB_TEXT, 0, like);
	}
	if (n)
		gw_buf_puts(b, ")");
}

/* Rows after the cursor in the list's order: (sort, key) past (at, before). */
static void cursor_cond(struct gw_list_run *r, struct gw_buf *b)
{
	const char *op = r->desc ? "<" : ">";
	const char *k = r->l->key, *s = r->sort->expr;

	if (!r->before)
		return;
	where(r, b, "");
	if (sorts_by_key(r)) {
		gw_buf_printf(b, "%s %s ?", k, op);
	} else {
		gw_buf_printf(b, "(%s %s ? OR (%s = ? AND %s %s ?))", s, op, s, k, op);
		add_arg(r, GW_DB_TEXT, 0, r->at);
		add_arg(r, GW_DB_TEXT, 0, r->at);
	}
	add_arg(r, GW_DB_INT, r->before, NULL);
}

static void order_by(const struct gw_list_run *r, struct gw_buf *b)
{
	const char *dir = r->desc ? "DESC" : "ASC";

	gw_buf_printf(b, " ORDER BY %s %s", r->sort->expr, dir);
	if (!sorts_by_key(r))
		gw_buf_printf(b, ", %s %s", r->l->key, dir);
}

/* FROM … WHERE … ORDER BY … [LIMIT ?]: the rows of this request (the first
 * table alone when base). */
static void rows(struct gw_ctx *ctx, struct gw_list_run *r, struct gw_buf *b, long long limit,
		 int base)
{
	from(r, b, base);
	if (r->scope)
		where(r, b, r->scope);
	filter_conds(ctx, r, b);
	search_cond(ctx, r, b);
	cursor_cond(r, b);
	order_by(r, b);
	if (limit) {
		gw_buf_puts(b, " LIMIT ?");
		add_arg(r, GW_DB_INT, limit, NULL);
	}
}

/* The statement for this request, its arguments in r->args. A page (limit > 0)
 * finds its keys first, from the first table's indexes alone where they serve
 * (filters must name only that table's columns), and only then reads those
 * rows and their joins: a filter whose rows are ordered after
 * reading (overdue) never reads whole rows it does not show. A one_level page
 * and the CSV (limit 0) are one statement in the list's order (the CSV
 * streamed). */
static const char *statement(struct gw_ctx *ctx, struct gw_list_run *r, long long limit)
{
	const struct gw_list *l = r->l;
	const char *joins;
	struct gw_buf b = {0};
	const char *sql;
	int n = split_from(l->from, &joins);

	r->nargs = r->nscope;
	r->nconds = 0;
	if (!limit || one_level(r)) {
		gw_buf_printf(&b, "SELECT %s", l->columns);
		if (!limit || !l->key_col)
			gw_buf_printf(&b, ", %s AS gw_key", l->key);
		rows(ctx, r, &b, limit, 0);
	} else {
		gw_buf_printf(&b, "SELECT %s%s%s FROM (SELECT %s AS gw_key", l->columns,
			      l->key_col ? "" : ", k.gw_key", sorts_by_key(r) ? "" : ", k.gw_at",
			      l->key);
		if (!sorts_by_key(r))
			gw_buf_printf(&b, ", CAST(%s AS CHAR) AS gw_at", r->sort->expr);
		rows(ctx, r, &b, limit, base_only(r));
		gw_buf_printf(&b, ") k JOIN %.*s ON %s = k.gw_key%s", n, l->from, l->key, joins);
		order_by(r, &b);
	}
	sql = r->nargs < GW_LIST_MAX_ARGS ? intern(b.p) : NULL;
	gw_buf_free(&b);
	return sql;
}

/* ---- links ---- */

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

const char *gw_list_qs(struct gw_ctx *ctx, const struct gw_list_run *r)
{
	const char *qs = "";

	for (int i = 0; filter(r->l, i); i++)
		qs = qs_add(ctx, qs, r->l->filters[i].def.name, r->v[i].s);
	return r->private_q ? qs : qs_add(ctx, qs, "q", r->q);
}

/* List.* for the template: the query strings and the base and export links. */
static const char *links(struct gw_ctx *ctx, const struct gw_list_run *r)
{
	const char *qs = gw_list_qs(ctx, r), *all;
	int deflt = !strcmp(r->sort->name, r->l->sort) && r->desc == r->l->desc;
	const char *base = gw_url(ctx, r->l->program, r->l->path);

	gw_hdf_set(ctx->hdf, "List.Filters", qs);
	all = deflt ? qs
		    : qs_add(ctx, qs_add(ctx, qs, "sort", r->sort->name), "dir",
			     r->desc ? "desc" : "asc");
	gw_hdf_set(ctx->hdf, "List.Query", all);
	gw_hdf_set(ctx->hdf, "List.Base", base);
	gw_hdf_set(ctx->hdf, "List.Sort", r->sort->name);
	gw_hdf_set(ctx->hdf, "List.Dir", r->desc ? "desc" : "asc");
	if (r->private_q)
		gw_hdf_set_int(ctx->hdf, "List.Private", 1);
	gw_hdf_setf(ctx->hdf, "List.Export", "%s%sexport%s%s", base,
		    base[strlen(base) - 1] == '/' ? "" : "/", *all ? "?" : "", all);
	if (r->before)
		gw_hdf_setf(ctx->hdf, "List.First", "%s%s%s", base, *all ? "?" : "", all);
	return gw_arena_printf(&ctx->arena, "%s?%s%s", base, all, *all ? "&" : "");
}

/* ---- a page ---- */

int gw_list_page(struct gw_ctx *ctx, struct gw_list_run *r)
{
	const char *next = links(ctx, r), *sql, *key, *at;
	int n, rows = r->l->rows;

	if (r->bad)
		return 0;
	if (!(sql = statement(ctx, r, rows + 1)))
		return -1;
	n = gw_db_rows_args(ctx->db, ctx->hdf, "Rows", sql, r->args, r->nargs);
	if (n <= rows)
		return n < 0 ? -1 : 0;
	gw_hdf_remove(ctx->hdf, gw_arena_printf(&ctx->arena, "Rows.%d", rows));
	if (r->private_q) /* a next page's link would need the search in it */
		return 0;
	key = hdf_get_valuef(ctx->hdf, "Rows.%d.%s", rows - 1,
			     r->l->key_col ? r->l->key_col : "gw_key");
	at = hdf_get_valuef(ctx->hdf, "Rows.%d.gw_at", rows - 1);
	at = at && *at ? qs_add(ctx, "", "at", at) : NULL; /* next ends in ? or & */
	gw_hdf_setf(ctx->hdf, "List.Next", "%s%s%sbefore=%s", next, at ? at : "", at ? "&" : "",
		    key ? key : "0");
	return 0;
}

/* ---- the CSV ---- */

struct csv {
	struct gw_ctx *ctx;
	const struct gw_list *l;
	int at[64]; /* the statement's column of each declared column, -1 none */
	int ncsv;
	const char *cells[64];
};

/* The declared columns' places among the statement's (from the first row). */
static void csv_places(struct csv *c, int ncols, const char *const *names)
{
	int k = 0;

	for (const struct gw_list_col *col = c->l->cols; col->name && k < 64; col++) {
		if (!col->csv)
			continue;
		c->at[k] = -1;
		for (int i = 0; i < ncols; i++)
			if (!strcmp(names[i], col->name))
				c->at[k] = i;
		k++;
	}
	c->ncsv = k;
}

static const char *csv_value(struct gw_ctx *ctx, const struct gw_list_col *col, const char *v)
{
	char key[128];

	if (!v)
		return col->none ? gw_view_word(ctx, col->none) : "";
	if (!col->words)
		return v;
	snprintf(key, sizeof(key), "%s.%s", col->words, v);
	return gw_view_word(ctx, key);
}

static int csv_row(void *p, int ncols, char **vals, const size_t *lens, const char *const *names)
{
	struct csv *c = p;
	struct gw_response *resp = &c->ctx->resp;
	int k = 0;

	(void)lens;
	if (!c->ncsv)
		csv_places(c, ncols, names);
	for (const struct gw_list_col *col = c->l->cols; col->name && k < c->ncsv; col++)
		if (col->csv) {
			c->cells[k] = csv_value(c->ctx, col, c->at[k] < 0 ? NULL : vals[c->at[k]]);
			k++;
		}
	gw_csv_row(&resp->body, c->cells, k);
	return resp->body.n >= CSV_CHUNK && gw_response_flush(resp) ? 1 : 0;
}

static void csv_head(struct gw_ctx *ctx, const struct gw_list *l)
{
	struct gw_buf *b = &ctx->resp.body;
	int tz = gw_tz_minutes(ctx), a = tz < 0 ? -tz : tz, n = 0;

	gw_buf_reset(b);
	gw_buf_puts(b, "\xEF\xBB\xBF"); /* BOM: Excel then reads UTF-8 */
	for (const struct gw_list_col *col = l->cols; col->name; col++) {
		if (!col->csv)
			continue;
		if (n++)
			gw_buf_puts(b, ",");
		gw_csv_cell(b, !(col->flags & GW_LC_ZONE)
				   ? gw_view_word(ctx, col->csv)
				   : gw_arena_printf(&ctx->arena, "%s (UTC%c%02d:%02d)",
						     gw_view_word(ctx, col->csv),
						     tz < 0 ? '-' : '+', a / 60, a % 60));
	}
	gw_buf_puts(b, "\r\n");
}

long long gw_list_csv(struct gw_ctx *ctx, struct gw_list_run *r)
{
	struct csv c = {ctx, r->l, {0}, 0, {0}};
	const char *sql;
	char day[16];
	int n;

	r->before = 0;
	if (!(sql = statement(ctx, r, 0)))
		return -1;
	gw_date_format(gw_today(ctx), day);
	ctx->resp.ctype = "text/csv; charset=utf-8";
	gw_response_header(&ctx->resp, "Content-Disposition",
			   gw_arena_printf(&ctx->arena,
					   "attachment; filename=\"%s-%.4s%.2s%.2s.csv\"",
					   r->l->csv_name, day, day + 5, day + 8));
	csv_head(ctx, r->l);
	if (gw_response_stream(&ctx->resp))
		return -1;
	n = gw_db_each_args(ctx->db, csv_row, &c, sql, r->args, r->nargs, GW_DB_STREAM);
	if (n < 0) { /* said in the file: never a silently shorter export */
		gw_buf_puts(&ctx->resp.body, "\r\n");
		gw_csv_cell(&ctx->resp.body, gw_view_word(ctx, "L.List.Cut"));
		gw_buf_puts(&ctx->resp.body, "\r\n");
	}
	gw_response_flush(&ctx->resp);
	return n;
}

const char *gw_list_describe(struct gw_ctx *ctx, const struct gw_list_run *r)
{
	const char *d = "";

	for (int i = 0; filter(r->l, i); i++)
		d = gw_arena_printf(&ctx->arena, "%s%s%s=%s", d, i ? " " : "",
				    r->l->filters[i].def.name, r->v[i].s);
	return *r->q ? gw_arena_printf(&ctx->arena, "%s q=%s", d, r->q) : d;
}
