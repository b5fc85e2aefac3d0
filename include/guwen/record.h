/* record.h — typed records: a row of one entity read into a C struct through a
 * table of column descriptors (name, type, where in the struct, sensitivity
 * level, whether stored sealed). The one loader of an entity is the one place
 * that decrypts sealed columns (row and column as associated data) and audits
 * every read of a level-3 value; the page data gets the record only to render
 * it (gw_record_to_hdf). */
#ifndef GUWEN_RECORD_H
#define GUWEN_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "guwen/ctx.h"

enum gw_col_type {
	GW_COL_INT,  /* long long; SQL NULL reads as 0 (and is marked null) */
	GW_COL_TEXT, /* const char * in the arena; SQL NULL reads as NULL */
};

/* A column of an entity. level: the sensitivity class (DOMAIN.md: 1 basic, 2
 * business, 3 financial and ID numbers); a level-3 value is left NULL for a user
 * whose clearance is below it, and its read is audited. sealed: stored as
 * gw_crypto_seal output with "<table>.<column>:<id>" as associated data. */
struct gw_col {
	const char *name;
	enum gw_col_type type;
	size_t offset; /* offsetof(struct, member) */
	int level;     /* 1, 2 or 3; 0 counts as 1 */
	int sealed;
};

/* An entity: its table (associated data, audit entity), the columns, where its
 * id is (sealed columns need it) and where its null mask is (a uint64_t: bit i
 * set when column i was SQL NULL or not in the row; at most 64 columns). */
struct gw_record_desc {
	const char *table;  /* "complaints": associated data of sealed columns */
	const char *entity; /* "complaint": the audit record's entity */
	const struct gw_col *cols;
	size_t ncols;
	size_t id_offset;    /* long long */
	size_t nulls_offset; /* uint64_t */
};

/* A row being read into a record: the gw_db_each callback's state. */
struct gw_record_read {
	struct gw_ctx *ctx;
	const struct gw_record_desc *d;
	void *rec;
	int failed; /* a sealed value did not open */
	int level3; /* level-3 values read (to audit) */
};

/* gw_db_each callback: the first row into r->rec (stops after it). */
int gw_record_row(void *r, int ncols, char **vals, const size_t *lens, const char *const *names);
/* After gw_db_each found the row: the audit record of its level-3 reads
 * ("<entity>.read_sensitive", the columns read). 0 or -1 (also when a sealed
 * value failed to open: nothing of it is shown). */
int gw_record_done(struct gw_record_read *r);
/* 1 when column name of the record was SQL NULL (or unknown). */
int gw_record_null(const struct gw_record_desc *d, const void *rec, const char *name);
/* The record under prefix.<column> for the templates (NULL columns left out). */
void gw_record_to_hdf(HDF *hdf, const char *prefix, const struct gw_record_desc *d,
		      const void *rec);

#endif
