/* db.h — the database: one connection per process, prepared statements cached
 * per process, rows straight into HDF, transactions, reconnect after the server
 * went away. Arguments are bound by a format string:
 *   's' const char *  (NULL binds SQL NULL)
 *   'i' long long
 *   'b' const void *, size_t  (a blob; a NULL pointer binds SQL NULL)
 * Every SQL text passed in must be a string literal or static table entry: the
 * statement cache keys on its address. */
#ifndef GUWEN_DB_H
#define GUWEN_DB_H

#include <ClearSilver.h>
#include <stddef.h>
#include <time.h>

struct gw_db;

/* Connection settings from the configuration (DB.Host, DB.Port, DB.Socket,
 * DB.Name, DB.User, DB.Password; App.TZOffsetMinutes for shown times; the
 * timeouts in seconds DB.ConnectTimeout 3, DB.ReadTimeout 15, DB.WriteTimeout 15,
 * DB.StatementTimeout (the server's max_statement_time; ReadTimeout - 1, so the
 * server answers before the client gives up), DB.LockWaitTimeout 5).
 * Connects lazily; never NULL. */
struct gw_db *gw_db_new(HDF *cfg);
/* Same with explicit credentials (for `guwen migrate`). */
struct gw_db *gw_db_new_as(HDF *cfg, const char *user, const char *password);
void gw_db_free(struct gw_db *db);
/* Connect now if not connected; 0 or -1. */
int gw_db_connect(struct gw_db *db);

/* Run a statement that returns no rows. Returns affected rows (>= 0) or -1. */
long long gw_db_exec(struct gw_db *db, const char *sql, const char *fmt, ...);
/* AUTO_INCREMENT id of the last INSERT. */
long long gw_db_insert_id(struct gw_db *db);
/* Put every row under prefix.N.column (N from 0) in hdf; DATETIME columns are
 * shifted from UTC to the configured zone. Returns the row count or -1. */
int gw_db_rows(struct gw_db *db, HDF *hdf, const char *prefix, const char *sql, const char *fmt,
	       ...);
/* The first row under prefix.column. Returns 1 found, 0 none, -1 error. */
int gw_db_row(struct gw_db *db, HDF *hdf, const char *prefix, const char *sql, const char *fmt,
	      ...);
/* The first column of the first row as an integer. 1 found, 0 none (or NULL), -1 error. */
int gw_db_int(struct gw_db *db, long long *out, const char *sql, const char *fmt, ...);
/* Call fn for each row with the column values (NULL for SQL NULL), their lengths and
 * names; fn returns 0 to go on. DATETIME values are in the configured zone.
 * Returns the number of rows or -1. */
typedef int (*gw_db_row_fn)(void *ctx, int ncols, char **vals, const size_t *lens,
			    const char *const *names);
int gw_db_each(struct gw_db *db, gw_db_row_fn fn, void *ctx, const char *sql, const char *fmt, ...);

/* A statement of tagged parts, (SELECT k, ...) UNION ALL (SELECT k, ...): a
 * page's several small lists in one round trip. The first column says which
 * part a row is of (k, an index into parts); the part names the columns after
 * it by position ("" or past the end of names: not set). Rows go to
 * prefix.N.name (prefix.name with one), or to fn when it is set (with the
 * values after k). The count of each part's rows is left in rows. MariaDB
 * sends a UNION ALL's parts one after the other, each in its own order, when
 * each has ORDER BY and LIMIT (a part's ORDER BY without LIMIT is dropped);
 * a DATETIME column stays one (shifted to the configured zone) only where no
 * part puts anything else in its place. A part whose prefix and fn are NULL
 * is not read (its SELECT should be off by a bound flag). Returns the row
 * count or -1. */
struct gw_db_part {
	const char *prefix;
	const char *const *names; /* NULL-terminated */
	int one;
	gw_db_row_fn fn;
	void *ctx;
	int rows; /* out */
};
int gw_db_parts(struct gw_db *db, HDF *hdf, struct gw_db_part *parts, int nparts, const char *sql,
		const char *fmt, ...);

/* Arguments as a typed array, built once and bound by several calls (a list's
 * page and its CSV): GW_DB_INT binds i, GW_DB_TEXT binds s (NULL: SQL NULL). */
enum gw_db_type { GW_DB_TEXT, GW_DB_INT };
struct gw_db_arg {
	enum gw_db_type type;
	long long i;
	const char *s;
};
/* GW_DB_STREAM: rows come from the server one at a time, none stored in this
 * process (memory stays constant however many); no other statement may run
 * from fn. Outside a transaction only (inside one the rows are stored). */
#define GW_DB_STREAM 1u
/* gw_db_each / gw_db_rows with a typed array of nargs arguments. */
int gw_db_each_args(struct gw_db *db, gw_db_row_fn fn, void *ctx, const char *sql,
		    const struct gw_db_arg *args, int nargs, unsigned flags);
int gw_db_rows_args(struct gw_db *db, HDF *hdf, const char *prefix, const char *sql,
		    const struct gw_db_arg *args, int nargs);

/* Transactions. Inside one, the first failure of any statement (except a
 * duplicate key, 1062, which undoes only that statement) fails the whole
 * transaction: from then on every gw_db_* call returns -1 and nothing runs, and
 * no reconnect happens, until gw_db_rollback. A connection lost inside a
 * transaction is such a failure (the server undoes the work).
 * gw_db_begin: 0 or -1 (also when a transaction is open already).
 * gw_db_commit: 0 committed; -1 not committed (the transaction had failed, the
 *   server refused, or the request's time was up: call gw_db_rollback);
 *   -2 outcome unknown: the connection was lost (or timed out) while COMMIT was
 *   under way, so the work may or may not be stored. Before returning, the old
 *   server thread is killed on a new connection and waited for, so a look-up
 *   sees the final outcome: the caller finds out (e.g. by the row's idempotency
 *   key or tracking number) before it answers or undoes anything outside the
 *   database (uploaded files). When that could not be made sure, the handle
 *   stays failed (look-ups return -1: still unknown) until gw_db_rollback.
 * gw_db_rollback: ends the transaction (failed or not); always safe to call. */
int gw_db_begin(struct gw_db *db);
int gw_db_commit(struct gw_db *db);
void gw_db_rollback(struct gw_db *db);
/* 1 when statements may run; 0 inside a failed transaction (until rollback). */
int gw_db_usable(const struct gw_db *db);
/* Start of a request: no statement starts from deadline on (0 = no limit; the
 * open transaction then fails), and gw_db_unavailable is reset. A transaction
 * the previous request left open is rolled back (and logged). */
void gw_db_request(struct gw_db *db, time_t deadline);
/* 1 when since gw_db_request the database could not be reached, the connection
 * was lost, a lock wait or statement ran out of time, or the deadline passed:
 * the answer is "try again later" (503), not a fault of ours (500). */
int gw_db_unavailable(const struct gw_db *db);
/* The server's error number of the last failure (1062 = duplicate key), 0 if none. */
unsigned gw_db_errno(struct gw_db *db);
/* Let this connection run scripts of several statements (CLIENT_MULTI_STATEMENTS):
 * call before the first statement; only `guwen migrate` and the demo loader do.
 * The web programs' connections never allow them. */
void gw_db_allow_scripts(struct gw_db *db);
/* Run a script of several statements (migrations; not for user input). 0 or -1
 * (also without gw_db_allow_scripts). */
int gw_db_script(struct gw_db *db, const char *sql);
/* Tools only (migrations, backups): a text query that is not prepared or cached,
 * so its text may be built at run time from trusted parts (never user input).
 * Any result is discarded. 0 or -1 (gw_db_errno, gw_db_error say why). */
int gw_db_query(struct gw_db *db, const char *sql, size_t len);
/* The server's message for the last failure of gw_db_query / gw_db_stream. */
const char *gw_db_error(struct gw_db *db);
/* One row of gw_db_stream: raw values (NULL for SQL NULL) and their lengths;
 * binary[i] is 1 for a binary string column (BLOB, VARBINARY). */
struct gw_db_rawrow {
	int ncols;
	char **vals;
	unsigned long *lens;
	unsigned char binary[64];
};
typedef int (*gw_db_raw_fn)(void *ctx, const struct gw_db_rawrow *row);
/* Tools only: run a text query and call fn for each row as it arrives (memory
 * stays bounded); fn returns 0 to go on. Returns the row count or -1. */
int gw_db_stream(struct gw_db *db, const char *sql, gw_db_raw_fn fn, void *ctx);
/* Escape n bytes for a quoted literal (out holds 2n+1); returns the length. */
size_t gw_db_escape(struct gw_db *db, char *out, const char *in, size_t n);
/* Shift a "YYYY-MM-DD HH:MM:SS" UTC text by the configured offset into out (32 bytes). */
void gw_db_local_time(const struct gw_db *db, const char *utc, char *out);

#endif
