/* record.c — a row of an entity into its C struct by the entity's column table:
 * sealed columns opened with row and column as associated data, level-3 reads
 * audited, the record written to the page data only for rendering. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/audit.h"
#include "guwen/hdfset.h"
#include "guwen/log.h"
#include "guwen/record.h"

#define FIELD(rec, off, type) ((type *)(void *)((char *)(rec) + (off)))

static uint64_t *nulls_of(const struct gw_record_desc *d, void *rec)
{
	return FIELD(rec, d->nulls_offset, uint64_t);
}

static int col_index(const struct gw_record_desc *d, const char *name)
{
	for (size_t i = 0; i < d->ncols; i++)
		if (!strcmp(d->cols[i].name, name))
			return (int)i;
	return -1;
}

/* The sealed value of column c opened into the arena (NUL-terminated); NULL when
 * it does not open (wrong row, column or key, or tampered with). */
static char *open_sealed(struct gw_record_read *r, const struct gw_col *c, const char *v, size_t n)
{
	long long id = *FIELD(r->rec, r->d->id_offset, long long);
	const char *ad = gw_arena_printf(&r->ctx->arena, "%s.%s:%lld", r->d->table, c->name, id);
	unsigned char *out;
	size_t len = 0;

	if (n < GW_SEAL_OVERHEAD || !r->ctx->keys)
		return NULL;
	out = gw_arena_alloc(&r->ctx->arena, n - GW_SEAL_OVERHEAD + 1);
	if (gw_crypto_open(r->ctx->keys, ad, (const unsigned char *)v, n, out, &len))
		return NULL;
	out[len] = 0;
	return (char *)out;
}

/* A level-3 value only for a user cleared for it (jobs and tools: no user). */
static int cleared(struct gw_record_read *r, const struct gw_col *c)
{
	return c->level < 3 || !r->ctx->user || r->ctx->user->clearance >= 3;
}

static int text_value(struct gw_record_read *r, const struct gw_col *c, const char *v, size_t n)
{
	char *s = c->sealed ? open_sealed(r, c, v, n) : gw_arena_strndup(&r->ctx->arena, v, n);

	if (!s) {
		gw_log_error("%s.%s: a sealed value did not open", r->d->table, c->name);
		r->failed = 1;
		return -1;
	}
	*FIELD(r->rec, c->offset, const char *) = s;
	return 0;
}

/* One column's value (v not NULL) into the record. */
static void set_value(struct gw_record_read *r, int i, const char *v, size_t n)
{
	const struct gw_col *c = &r->d->cols[i];

	if (!cleared(r, c))
		return;
	if (c->type == GW_COL_INT)
		*FIELD(r->rec, c->offset, long long) = strtoll(v, NULL, 10);
	else if (text_value(r, c, v, n))
		return;
	*nulls_of(r->d, r->rec) &= ~(1ULL << i);
	if (c->level >= 3)
		r->level3++;
}

/* Sealed columns after the id: their associated data holds it. */
static void read_pass(struct gw_record_read *r, int sealed, int ncols, char **vals,
		      const size_t *lens, const char *const *names)
{
	for (int k = 0; k < ncols; k++) {
		int i = col_index(r->d, names[k]);

		if (i >= 0 && vals[k] && r->d->cols[i].sealed == sealed)
			set_value(r, i, vals[k], lens[k]);
	}
}

int gw_record_row(void *p, int ncols, char **vals, const size_t *lens, const char *const *names)
{
	struct gw_record_read *r = p;

	*nulls_of(r->d, r->rec) = r->d->ncols >= 64 ? ~0ULL : (1ULL << r->d->ncols) - 1;
	read_pass(r, 0, ncols, vals, lens, names);
	read_pass(r, 1, ncols, vals, lens, names);
	return 1;
}

/* "id_number,revenue": the level-3 columns read, for the audit record. */
static const char *level3_names(struct gw_record_read *r)
{
	const char *s = "";

	for (size_t i = 0; i < r->d->ncols; i++)
		if (r->d->cols[i].level >= 3 && !gw_record_null(r->d, r->rec, r->d->cols[i].name))
			s = gw_arena_printf(&r->ctx->arena, "%s%s%s", s, *s ? "," : "",
					    r->d->cols[i].name);
	return s;
}

int gw_record_done(struct gw_record_read *r)
{
	long long id = *FIELD(r->rec, r->d->id_offset, long long);

	if (r->failed)
		return -1;
	if (!r->level3)
		return 0;
	return gw_audit(r->ctx, gw_arena_printf(&r->ctx->arena, "%s.read_sensitive", r->d->entity),
			r->d->entity, id, "%s", level3_names(r));
}

int gw_record_null(const struct gw_record_desc *d, const void *rec, const char *name)
{
	int i = col_index(d, name);

	return i < 0 ||
	       (*(const uint64_t *)(const void *)((const char *)rec + d->nulls_offset) >> i) & 1;
}

void gw_record_to_hdf(HDF *hdf, const char *prefix, const struct gw_record_desc *d, const void *rec)
{
	char name[256];

	for (size_t i = 0; i < d->ncols; i++) {
		const struct gw_col *c = &d->cols[i];
		const char *at = (const char *)rec + c->offset;

		if (gw_record_null(d, rec, c->name))
			continue;
		snprintf(name, sizeof(name), "%s.%s", prefix, c->name);
		if (c->type == GW_COL_INT)
			gw_hdf_set_int(hdf, name, *(const long long *)(const void *)at);
		else
			gw_hdf_set(hdf, name, *(const char *const *)(const void *)at);
	}
}
