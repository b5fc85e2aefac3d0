/* list.h — a list declared once: its statement, typed filters read from the
 * query string, sort keys (any declared column, both directions), keyset paging
 * on a unique key (no OFFSET, no COUNT), a free-text search over declared
 * columns, and the columns of its CSV. From the one declaration it renders a
 * page (templates/macros.cs: list_filter, list_sort, list_pager) and streams
 * the CSV (UTF-8 BOM, formula-safe cells, constant memory, every row).
 *
 * A page's data: Rows.N.<column>; List.Query (filters, search and sort as a
 * query string, for links), List.Filters (the same without the sort),
 * List.Base (the list's URL), List.Sort, List.Dir ("asc" / "desc"),
 * List.Next (href of the next page), List.First (href of the first page, when
 * this is not it), List.Export (href of the CSV). The arguments of a page and
 * its CSV are one typed array, built once by gw_list_read. */
#ifndef GUWEN_LIST_H
#define GUWEN_LIST_H

#include "guwen/app.h"
#include "guwen/buf.h"
#include "guwen/db.h"
#include "guwen/form.h"

#define GW_LIST_MAX_FILTERS 12
#define GW_LIST_MAX_ARGS    32

struct gw_list_run;

/* A filter: a field of the query string (checked as gw_form_read checks a
 * form field: GW_F_CHOICE, GW_F_INT for ids, GW_F_TEXT, GW_F_DATE,
 * GW_F_CHECKBOX). When it holds a value, cond (SQL with one or more '?', each
 * bound to the value, or to what value() makes of it, and naming only columns
 * of the first table of from) is added to the statement; cond NULL: a parameter the caller reads (a
 * tab), kept in links. */
struct gw_list_filter {
	struct gw_fdef def;
	const char *cond;
	const char *(*value)(struct gw_ctx *ctx, const struct gw_fval *v);
};

enum {
	GW_LC_SORT = 1,	  /* sortable (expr gives no NULLs) */
	GW_LC_SEARCH = 2, /* the free-text search looks in it (expr LIKE '%q%') */
	GW_LC_ZONE = 4,	  /* CSV header: "word (UTC+08:00)": a time in the configured zone */
};

/* A column: its alias in the statement (Rows.N.<name>, sort=<name>), its SQL
 * expression for sorting and searching, and its CSV cell: header word (an L
 * key; NULL: not in the CSV), the value as a key of words under an L prefix
 * (NULL: as is), the L key for a NULL value. */
struct gw_list_col {
	const char *name;
	const char *expr;
	unsigned flags;
	const char *csv;
	const char *words;
	const char *none;
};

struct gw_list {
	const char *columns;		      /* "c.id, c.tracking_no, …" (aliases = col names) */
	const char *from;		      /* "complaints c LEFT JOIN …" */
	const char *key;		      /* unique, non-NULL integer key: "c.id" */
	const char *key_col;		      /* the key's alias among columns, or NULL */
	const struct gw_list_filter *filters; /* ending in a NULL def.name */
	const struct gw_list_col *cols;	      /* ending in a NULL name */
	const char *sort;		      /* the default sort column's name */
	int desc;			      /* ... and direction */
	int rows;			      /* a page */
	const char *program, *path;	      /* the list's URL (gw_url) */
	const char *csv_name;		      /* the file: <csv_name>-YYYYMMDD.csv */
	/* after the first table of from when a filter is on or the scope asks
	 * (gw_list_run.hint): e.g. "IGNORE INDEX FOR ORDER BY (PRIMARY)", so the
	 * server reads the filter's own index in key order instead of walking
	 * the key past rows that do not match (its ORDER BY … LIMIT guess) */
	const char *hint;
	/* the index of each filter (as many as filters; NULL: none). A list
	 * that names them is read, in key order and without a search, in one
	 * statement with "USE INDEX" of the filters on and of the scope
	 * (gw_list_run.index) in place of hint: the server weighs only those
	 * indexes, reads the page's rows through one, and joins only them */
	const char *const *filter_index;
	int lenient; /* bad filter values are left out, not marked */
	/* the list's own search (NULL: every GW_LC_SEARCH column LIKE '%q%'):
	 * writes its condition for r->q (naming only the first table's columns)
	 * into b and adds the values of its '?' with gw_list_arg */
	void (*search)(struct gw_ctx *ctx, struct gw_list_run *r, struct gw_buf *b);
};

/* One request's list: the values read, the statement and its arguments. */
struct gw_list_run {
	const struct gw_list *l;
	struct gw_fval v[GW_LIST_MAX_FILTERS];
	const char *scope; /* a static SQL condition, or NULL */
	struct gw_db_arg args[GW_LIST_MAX_ARGS];
	int nargs, nscope, nconds;
	const struct gw_list_col *sort;
	int desc, bad;
	int hint; /* the scope is served by an index: use l->hint */
	/* with l->filter_index: the scope's index ("PRIMARY": the key's walk,
	 * when no filter names one), "" when the scope needs none (the
	 * filters' serve), NULL when its own condition must choose (a
	 * subquery): the page is then built as for other lists */
	const char *index;
	const char *q; /* the search, "" for none */
	/* the search stays out of every link (List.*; List.Private set, no next
	 * page): a value that must not reach a URL, read from a POST's body */
	int private_q;
	long long before; /* the cursor: the last row's key (0: first page) */
	const char *at;	  /* ... and its sort value */
};

/* Read the filters, search, sort and cursor of the query string (of the body
 * for a POST) into r (and
 * Form.* for the filter form). Returns 0, or the number of bad fields (messages
 * at the fields; the page then shows no rows). */
int gw_list_read(struct gw_ctx *ctx, const struct gw_list *l, struct gw_list_run *r);
/* The value read for the filter called name (NULL if there is none). */
struct gw_fval *gw_list_value(struct gw_list_run *r, const char *name);
/* The next '?' of a condition being written (a search's). */
void gw_list_arg(struct gw_list_run *r, enum gw_db_type t, long long i, const char *s);
/* Narrow the list to cond (a static SQL text, or NULL for none; a tab's scope)
 * with n arguments: first those of any '?' in the list's columns, then cond's. */
void gw_list_scope(struct gw_list_run *r, const char *cond, const struct gw_db_arg *args, int n);
/* The filters and search as a query string (URL-encoded), in the arena. */
const char *gw_list_qs(struct gw_ctx *ctx, const struct gw_list_run *r);
/* A page of rows under Rows.* and the List.* links. 0 or -1. */
int gw_list_page(struct gw_ctx *ctx, struct gw_list_run *r);
/* GET …/export: the whole list as CSV, streamed (200 text/csv, attachment).
 * Returns the number of rows, or -1 before anything was sent (the handler then
 * answers 500); a failure after the first bytes ends the file with a line
 * saying it was cut. */
long long gw_list_csv(struct gw_ctx *ctx, struct gw_list_run *r);
/* The filters and search as "name=value …" for an audit entry, in the arena. */
const char *gw_list_describe(struct gw_ctx *ctx, const struct gw_list_run *r);

#endif
