/* db_rows.c — statement results as the page's data: rows as prefix.N.column
 * (gw_db_rows), one row as prefix.column (gw_db_row), the first value as an
 * integer (gw_db_int), the parts of a UNION ALL each as its own rows
 * (gw_db_parts). Statements are run by db.c. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/db.h"
#include "db_conn.h"

struct to_hdf {
	HDF *hdf;
	const char *prefix;
	int row, one;
};

/* vals[0..n) as prefix.row.name (prefix.name with one), NULL values and empty
 * names left out; the name put together by hand: a printf per value cost a
 * list page a quarter of its database time in the program (issue 13). Set
 * from the root as ever: a row's node kept and set under (hdf_get_node) leaves
 * ClearSilver a pointer to it in the root that hdf_remove_tree does not clear
 * (valgrind: portal's reload). 0 or -1 (a name too long). */
static int set_values(HDF *hdf, const char *prefix, int row, int one, int n, char **vals,
		      const char *const *names)
{
	char name[256];
	int at = one ? snprintf(name, sizeof(name), "%s.", prefix)
		     : snprintf(name, sizeof(name), "%s.%d.", prefix, row);

	if (at < 0 || (size_t)at >= sizeof(name))
		return -1;
	for (int i = 0; i < n; i++) {
		size_t len = strlen(names[i]);

		if (!vals[i] || !len)
			continue;
		if ((size_t)at + len >= sizeof(name))
			return -1;
		memcpy(name + at, names[i], len + 1);
		if (hdf_set_value(hdf, name, vals[i]) != STATUS_OK)
			return -1;
	}
	return 0;
}

/* Each value as prefix.row.column (prefix.column for one row). */
static int row_to_hdf(void *ctx, int ncols, char **vals, const size_t *lens,
		      const char *const *names)
{
	struct to_hdf *t = ctx;

	(void)lens;
	if (set_values(t->hdf, t->prefix, t->row, t->one, ncols, vals, names))
		return -1;
	t->row++;
	return t->one;
}

int gw_db_rows(struct gw_db *db, HDF *hdf, const char *prefix, const char *sql, const char *fmt,
	       ...)
{
	struct to_hdf t = {hdf, prefix, 0, 0};
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = gw_db_each_v(db, row_to_hdf, &t, sql, fmt, ap);
	va_end(ap);
	return n;
}

int gw_db_rows_args(struct gw_db *db, HDF *hdf, const char *prefix, const char *sql,
		    const struct gw_db_arg *args, int nargs)
{
	struct to_hdf t = {hdf, prefix, 0, 0};

	return gw_db_each_args(db, row_to_hdf, &t, sql, args, nargs, 0);
}

int gw_db_row(struct gw_db *db, HDF *hdf, const char *prefix, const char *sql, const char *fmt, ...)
{
	struct to_hdf t = {hdf, prefix, 0, 1};
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = gw_db_each_v(db, row_to_hdf, &t, sql, fmt, ap);
	va_end(ap);
	return n < 0 ? -1 : n > 0;
}

struct parts {
	HDF *hdf;
	struct gw_db_part *parts;
	int nparts;
	int failed; /* a row not of a part, a name too long, fn's refusal */
};

/* A part's row: its named values as prefix.N.name (prefix.name), or to fn. */
static int part_to_hdf(struct parts *p, int ncols, char **vals, const size_t *lens,
		       const char *const *names)
{
	struct gw_db_part *part;
	int k, named = 0;

	if (ncols < 1 || !vals[0] || (k = atoi(vals[0])) < 0 || k >= p->nparts)
		return -1;
	part = &p->parts[k];
	if (part->fn && part->fn(part->ctx, ncols - 1, vals + 1, lens + 1, names + 1))
		return -1;
	if (part->fn || !part->prefix)
		return part->rows++, 0;
	while (named < ncols - 1 && part->names[named])
		named++;
	if (set_values(p->hdf, part->prefix, part->rows, part->one, named, vals + 1, part->names))
		return -1;
	part->rows++;
	return 0;
}

static int part_row(void *ctx, int ncols, char **vals, const size_t *lens, const char *const *names)
{
	struct parts *p = ctx;

	if (part_to_hdf(p, ncols, vals, lens, names))
		p->failed = 1;
	return p->failed;
}

int gw_db_parts(struct gw_db *db, HDF *hdf, struct gw_db_part *parts, int nparts, const char *sql,
		const char *fmt, ...)
{
	struct parts p = {hdf, parts, nparts, 0};
	va_list ap;
	int n;

	for (int i = 0; i < nparts; i++)
		parts[i].rows = 0;
	va_start(ap, fmt);
	n = gw_db_each_v(db, part_row, &p, sql, fmt, ap);
	va_end(ap);
	return p.failed ? -1 : n;
}

static int first_int(void *ctx, int ncols, char **vals, const size_t *lens,
		     const char *const *names)
{
	long long *out = ctx;

	(void)lens, (void)names;
	if (ncols < 1 || !vals[0])
		return 1;
	*out = strtoll(vals[0], NULL, 10);
	out[1] = 1;
	return 1;
}

int gw_db_int(struct gw_db *db, long long *out, const char *sql, const char *fmt, ...)
{
	long long v[2] = {0, 0};
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = gw_db_each_v(db, first_int, v, sql, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	*out = v[0];
	return v[1] ? 1 : 0;
}
