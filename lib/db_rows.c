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

/* Each value as prefix.row.column (prefix.column for one row), the name
 * put together by hand: a printf per value cost a list page a quarter of its
 * database time in the program (issue 13). Set from the root as ever: a row's
 * node kept and set under (hdf_get_node) leaves ClearSilver a pointer to it in
 * the root that hdf_remove_tree does not clear (valgrind: portal's reload). */
static int row_to_hdf(void *ctx, int ncols, char **vals, const size_t *lens,
		      const char *const *names)
{
	struct to_hdf *t = ctx;
	char name[256];
	int n = t->one ? snprintf(name, sizeof(name), "%s.", t->prefix)
		       : snprintf(name, sizeof(name), "%s.%d.", t->prefix, t->row);

	(void)lens;
	if (n < 0 || (size_t)n >= sizeof(name))
		return -1;
	for (int i = 0; i < ncols; i++) {
		size_t len = strlen(names[i]);

		if (!vals[i])
			continue;
		if ((size_t)n + len >= sizeof(name))
			return -1;
		memcpy(name + n, names[i], len + 1);
		if (hdf_set_value(t->hdf, name, vals[i]) != STATUS_OK)
			return -1;
	}
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
	char name[256];
	int k, n;

	if (ncols < 1 || !vals[0] || (k = atoi(vals[0])) < 0 || k >= p->nparts)
		return -1;
	part = &p->parts[k];
	if (part->fn && part->fn(part->ctx, ncols - 1, vals + 1, lens + 1, names + 1))
		return -1;
	if (part->fn || !part->prefix)
		return part->rows++, 0;
	n = part->one ? snprintf(name, sizeof(name), "%s.", part->prefix)
		      : snprintf(name, sizeof(name), "%s.%d.", part->prefix, part->rows);
	if (n < 0 || (size_t)n >= sizeof(name))
		return -1;
	for (int i = 1; i < ncols && part->names[i - 1]; i++) {
		size_t len = strlen(part->names[i - 1]);

		if (!vals[i] || !len)
			continue;
		if ((size_t)n + len >= sizeof(name))
			return -1;
		memcpy(name + n, part->names[i - 1], len + 1);
		if (hdf_set_value(p->hdf, name, vals[i]) != STATUS_OK)
			return -1;
	}
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
