/* db.c — MariaDB/MySQL through Connector/C prepared statements, cached per
 * process (rows into HDF: db_rows.c); reconnect after the server went away, but never in
 * the middle of a transaction: a failed transaction refuses every statement
 * until it is rolled back. */
#include <errmsg.h>
#include <mysql.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "guwen/db.h"
#include "db_conn.h"
#include "guwen/log.h"

/* a statement's arguments (the start page's one statement of all its sections
 * takes up to about 40) */
#define MAX_ARGS 64
#define MAX_COLS 64

struct cached {
	const char *sql;
	MYSQL_STMT *st;
};

/* last_errno when the request's time is up (not a server number) */
#define GW_DB_DEADLINE 9001

/* Bound arguments of one call: values live here so a retry can bind again. */
struct args {
	MYSQL_BIND bind[MAX_ARGS];
	long long ints[MAX_ARGS];
	int n;
};

struct gw_db *gw_db_new_as(HDF *cfg, const char *user, const char *password)
{
	struct gw_db *db = calloc(1, sizeof(*db));

	if (!db)
		abort();
	db->cfg = cfg;
	db->user = user;
	db->password = password;
	db->tz_minutes = hdf_get_int_value(cfg, "App.TZOffsetMinutes", 480);
	return db;
}

struct gw_db *gw_db_new(HDF *cfg)
{
	return gw_db_new_as(cfg, hdf_get_value(cfg, "DB.User", "guwen"),
			    hdf_get_value(cfg, "DB.Password", NULL));
}

static void forget_statements(struct gw_db *db)
{
	for (size_t i = 0; i < db->ncache; i++)
		if (db->my)
			mysql_stmt_close(db->cache[i].st);
	db->ncache = 0;
}

/* The open transaction (if any) is lost with the connection: it stays marked
 * failed until the caller rolls back, so nothing after it runs on a new one. */
static void disconnect(struct gw_db *db)
{
	forget_statements(db);
	if (db->my)
		mysql_close(db->my);
	db->my = NULL;
	if (db->in_tx)
		db->failed = 1;
}

void gw_db_allow_scripts(struct gw_db *db)
{
	db->scripts = 1;
}

void gw_db_request(struct gw_db *db, time_t deadline)
{
	if (db->in_tx) { /* a handler forgot it: never let it stick to this process */
		gw_log_error("a transaction was left open by the previous request; rolled back");
		gw_db_rollback(db);
	}
	db->deadline = deadline;
	db->unavailable = 0;
}

int gw_db_unavailable(const struct gw_db *db)
{
	return db->unavailable;
}

int gw_db_usable(const struct gw_db *db)
{
	return !db->failed;
}

void gw_db_free(struct gw_db *db)
{
	if (!db)
		return;
	disconnect(db);
	free(db->cache);
	free(db);
	mysql_library_end();
}

/* Seconds from the configuration, at least 1. */
static unsigned seconds(struct gw_db *db, const char *name, int def)
{
	int v = hdf_get_int_value(db->cfg, name, def);

	return v < 1 ? 1u : (unsigned)v;
}

/* Client auth plugins (.so) come only from DB.PluginDir if set; a static build
 * (no _DYNAMIC) otherwise loads none, only its built-in mysql_native_password:
 * the host's plugin directory, if any, belongs to another libmariadb and glibc. */
extern int _DYNAMIC[] __attribute__((weak));
static void set_plugin_dir(struct gw_db *db)
{
	const char *dir = hdf_get_value(db->cfg, "DB.PluginDir", NULL);

	if (dir && *dir)
		mysql_options(db->my, MYSQL_PLUGIN_DIR, dir);
	else if (!_DYNAMIC)
		mysql_options(db->my, MYSQL_PLUGIN_DIR, "/dev/null");
}

/* Timeouts: the client's own (connect, read, write) and the server's for this
 * session (lock waits, statement time), so that a slow database fails a request
 * in bounded time instead of holding it past the web server's patience. */
static void set_options(struct gw_db *db)
{
	unsigned connect_to = seconds(db, "DB.ConnectTimeout", 3);
	unsigned read_to = seconds(db, "DB.ReadTimeout", 15);
	unsigned write_to = seconds(db, "DB.WriteTimeout", 15);
	/* the server stops a statement before the client gives up on it, so that
	 * a slow COMMIT ends with an answer (not committed) rather than unknown */
	unsigned stmt_to = seconds(db, "DB.StatementTimeout", (int)read_to - 1);
	char init[160];

	mysql_options(db->my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(db->my, MYSQL_OPT_CONNECT_TIMEOUT, &connect_to);
	set_plugin_dir(db);
	if (db->scripts) { /* migrations and bulk loads take the time they need */
		mysql_options(db->my, MYSQL_INIT_COMMAND, "SET time_zone = '+00:00'");
		return;
	}
	snprintf(init, sizeof(init),
		 "SET time_zone = '+00:00', innodb_lock_wait_timeout = %u,"
		 " lock_wait_timeout = %u, max_statement_time = %u",
		 seconds(db, "DB.LockWaitTimeout", 5), seconds(db, "DB.LockWaitTimeout", 5),
		 stmt_to);
	mysql_options(db->my, MYSQL_OPT_READ_TIMEOUT, &read_to);
	mysql_options(db->my, MYSQL_OPT_WRITE_TIMEOUT, &write_to);
	mysql_options(db->my, MYSQL_INIT_COMMAND, init);
}

int gw_db_connect(struct gw_db *db)
{
	const char *sock, *host;

	if (db->my)
		return 0;
	if (db->failed)
		return -1;
	db->my = mysql_init(NULL);
	if (!db->my)
		return -1;
	set_options(db);
	sock = hdf_get_value(db->cfg, "DB.Socket", NULL);
	host = hdf_get_value(db->cfg, "DB.Host", NULL);
	if (!mysql_real_connect(db->my, sock && *sock ? NULL : host, db->user, db->password,
				hdf_get_value(db->cfg, "DB.Name", "guwen"),
				(unsigned)hdf_get_int_value(db->cfg, "DB.Port", 0),
				sock && *sock ? sock : NULL,
				db->scripts ? CLIENT_MULTI_STATEMENTS : 0)) {
		db->last_errno = mysql_errno(db->my);
		db->unavailable = 1;
		gw_log_error("database connect failed: %s", mysql_error(db->my));
		mysql_close(db->my);
		db->my = NULL;
		return -1;
	}
	return 0;
}

static int gone(unsigned e)
{
	return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST || e == 1927 /* killed */ ||
	       e == 1053 /* shutting down */;
}

/* The server is there but too slow: a lock wait or the statement time ran out. */
static int slow(unsigned e)
{
	return e == 1205 /* lock wait */ || e == 1969 /* max_statement_time */ ||
	       e == GW_DB_DEADLINE;
}

/* Whether a statement may start now: not in a failed transaction, not past the
 * request's deadline (which fails the transaction). */
static int may_run(struct gw_db *db)
{
	if (db->failed)
		return 0;
	if (db->deadline && time(NULL) >= db->deadline) {
		gw_log_warn("the request's time for the database is up");
		db->last_errno = GW_DB_DEADLINE;
		db->unavailable = 1;
		db->failed |= db->in_tx;
		return 0;
	}
	return 1;
}

/* A statement failed: inside a transaction that fails the transaction, unless
 * it is a duplicate key (the server undid that statement only, and callers
 * ask gw_db_errno about it). */
static void note_failure(struct gw_db *db, unsigned e)
{
	db->last_errno = e;
	if (gone(e) || slow(e))
		db->unavailable = 1;
	if (db->in_tx && e != 1062)
		db->failed = 1;
}

static void cache_add(struct gw_db *db, const char *sql, MYSQL_STMT *st)
{
	if (db->ncache == db->capcache) {
		db->capcache = db->capcache ? db->capcache * 2 : 32;
		db->cache = realloc(db->cache, db->capcache * sizeof(*db->cache));
		if (!db->cache)
			abort();
	}
	db->cache[db->ncache++] = (struct cached){sql, st};
}

/* Prepare on the current connection (connecting if there is none); NULL with
 * the error noted. A lost connection is closed. */
static MYSQL_STMT *prepare_once(struct gw_db *db, const char *sql)
{
	MYSQL_STMT *st;
	my_bool on = 1;
	unsigned e;

	if (gw_db_connect(db))
		return NULL;
	st = mysql_stmt_init(db->my);
	if (!st)
		return NULL;
	if (mysql_stmt_prepare(st, sql, strlen(sql))) {
		e = mysql_stmt_errno(st);
		gw_log_error("prepare failed (%u): %s", e, mysql_stmt_error(st));
		mysql_stmt_close(st);
		note_failure(db, e);
		if (gone(e))
			disconnect(db);
		return NULL;
	}
	mysql_stmt_attr_set(st, STMT_ATTR_UPDATE_MAX_LENGTH, &on);
	cache_add(db, sql, st);
	return st;
}

/* The cached statement, or a new one; outside a transaction a connection found
 * lost is made again once. */
static MYSQL_STMT *prepare(struct gw_db *db, const char *sql)
{
	MYSQL_STMT *st;

	for (size_t i = 0; i < db->ncache; i++)
		if (db->cache[i].sql == sql)
			return db->cache[i].st;
	st = prepare_once(db, sql);
	if (!st && !db->in_tx && !db->my && gone(db->last_errno))
		st = prepare_once(db, sql);
	return st;
}

/* A format that does not match the statement's placeholders would read the
 * wrong arguments: refuse it before any argument is read. */
static int check_count_n(struct gw_db *db, const char *sql, size_t want)
{
	MYSQL_STMT *st = may_run(db) ? prepare(db, sql) : NULL;

	if (!st) {
		db->failed |= db->in_tx;
		return -1;
	}
	if (mysql_stmt_param_count(st) != want) {
		gw_log_error("statement takes %lu arguments, format gives %zu: %.60s",
			     mysql_stmt_param_count(st), want, sql);
		db->failed |= db->in_tx;
		return -1;
	}
	return 0;
}

static int check_count(struct gw_db *db, const char *sql, const char *fmt)
{
	return check_count_n(db, sql, fmt ? strlen(fmt) : 0);
}

static int bind_args(struct args *a, const char *fmt, va_list ap)
{
	a->n = 0; /* each bind is cleared as it is used (not all MAX_ARGS) */
	for (; fmt && *fmt; fmt++, a->n++) {
		MYSQL_BIND *b = &a->bind[a->n];

		if (a->n == MAX_ARGS) {
			gw_log_error("statement with more than %d arguments", MAX_ARGS);
			return -1;
		}
		*b = (MYSQL_BIND){0};
		if (*fmt == 'i') {
			a->ints[a->n] = va_arg(ap, long long);
			b->buffer_type = MYSQL_TYPE_LONGLONG;
			b->buffer = &a->ints[a->n];
		} else if (*fmt == 's') {
			const char *s = va_arg(ap, const char *);

			b->buffer_type = s ? MYSQL_TYPE_STRING : MYSQL_TYPE_NULL;
			b->buffer = (void *)s;
			b->buffer_length = s ? strlen(s) : 0;
		} else if (*fmt == 'b') {
			b->buffer = (void *)va_arg(ap, const void *);
			b->buffer_type = b->buffer ? MYSQL_TYPE_BLOB : MYSQL_TYPE_NULL;
			b->buffer_length = va_arg(ap, size_t);
		} else {
			return -1;
		}
	}
	return 0;
}

/* The same from a typed array (gw_db_each_args). */
static int bind_array(struct args *a, const struct gw_db_arg *v, int n)
{
	a->n = 0;
	if (n < 0 || n > MAX_ARGS) {
		gw_log_error("statement with %d arguments (at most %d)", n, MAX_ARGS);
		return -1;
	}
	for (; a->n < n; a->n++, v++) {
		MYSQL_BIND *b = &a->bind[a->n];

		*b = (MYSQL_BIND){0};
		if (v->type == GW_DB_INT) {
			a->ints[a->n] = v->i;
			b->buffer_type = MYSQL_TYPE_LONGLONG;
			b->buffer = &a->ints[a->n];
		} else {
			b->buffer_type = v->s ? MYSQL_TYPE_STRING : MYSQL_TYPE_NULL;
			b->buffer = (void *)v->s;
			b->buffer_length = v->s ? strlen(v->s) : 0;
		}
	}
	return 0;
}

static int is_read(const char *sql)
{
	while (*sql == ' ' || *sql == '\n' || *sql == '\t')
		sql++;
	return !strncasecmp(sql, "SELECT", 6);
}

/* Prepare (cached), bind and execute; one retry for reads outside a transaction
 * when the connection was lost. Inside a transaction any failure but a duplicate
 * key fails the transaction. Returns the statement or NULL. */
static MYSQL_STMT *run(struct gw_db *db, const char *sql, struct args *a)
{
	for (int attempt = 0; attempt < 2; attempt++) {
		MYSQL_STMT *st = may_run(db) ? prepare(db, sql) : NULL;
		unsigned e;

		if (!st)
			return NULL;
		if (!mysql_stmt_bind_param(st, a->bind) && !mysql_stmt_execute(st)) {
			db->last_errno = 0;
			return st;
		}
		e = mysql_stmt_errno(st);
		note_failure(db, e);
		if (!gone(e)) {
			/* a duplicate key is an answer the caller asks gw_db_errno about;
			 * 1094: the thread to kill ended already (see fence) */
			if (e != 1062 && e != 1094)
				gw_log_error("statement failed (%u): %s", e, mysql_stmt_error(st));
			return NULL;
		}
		gw_log_warn("database connection lost (%u)%s", e,
			    db->in_tx ? "; the transaction failed" : "; reconnecting");
		disconnect(db);
		if (!is_read(sql) || db->in_tx)
			return NULL;
	}
	return NULL;
}

long long gw_db_exec(struct gw_db *db, const char *sql, const char *fmt, ...)
{
	struct args a;
	va_list ap;
	MYSQL_STMT *st;
	int bad;

	if (check_count(db, sql, fmt))
		return -1;
	va_start(ap, fmt);
	bad = bind_args(&a, fmt, ap);
	va_end(ap);
	if (bad || !(st = run(db, sql, &a)))
		return -1;
	return (long long)mysql_stmt_affected_rows(st);
}

long long gw_db_insert_id(struct gw_db *db)
{
	return db->my ? (long long)mysql_insert_id(db->my) : 0;
}

struct result {
	int ncols;
	MYSQL_BIND bind[MAX_COLS];
	char *vals[MAX_COLS];
	size_t lens[MAX_COLS];
	my_bool nulls[MAX_COLS];
	my_bool errs[MAX_COLS];
	const char *names[MAX_COLS];
	int is_time[MAX_COLS];
	MYSQL_RES *meta; /* column names point into it */
};

static int bind_result(MYSQL_STMT *st, struct result *r, int stream)
{
	MYSQL_FIELD *f;

	/* only the columns there are are cleared: the whole of r (MAX_COLS of
	 * each) was a tenth of a page's statements' work in the program */
	r->ncols = 0;
	r->meta = NULL;
	if (mysql_stmt_field_count(st) == 0)
		return 0;
	/* store first: the metadata copied afterwards carries max_length; a
	 * stream fetches row by row (buffers grow on a long value, see refetch) */
	if ((!stream && mysql_stmt_store_result(st)) || !(r->meta = mysql_stmt_result_metadata(st)))
		return -1;
	if (mysql_num_fields(r->meta) > MAX_COLS)
		return -1;
	r->ncols = (int)mysql_num_fields(r->meta);
	f = mysql_fetch_fields(r->meta);
	memset(r->bind, 0, sizeof(r->bind[0]) * (size_t)r->ncols);
	for (int i = 0; i < r->ncols; i++) {
		size_t cap = (f[i].max_length > 64 ? f[i].max_length : 64) + 1;

		r->lens[i] = 0;
		r->nulls[i] = r->errs[i] = 0;
		r->vals[i] = malloc(cap);
		if (!r->vals[i])
			abort();
		r->names[i] = f[i].name;
		r->is_time[i] =
		    f[i].type == MYSQL_TYPE_DATETIME || f[i].type == MYSQL_TYPE_TIMESTAMP;
		r->bind[i].buffer_type = MYSQL_TYPE_STRING;
		r->bind[i].buffer = r->vals[i];
		r->bind[i].buffer_length = cap;
		r->bind[i].length = &r->lens[i];
		r->bind[i].is_null = &r->nulls[i];
		r->bind[i].error = &r->errs[i];
	}
	if (mysql_stmt_bind_result(st, r->bind))
		return -1;
	return 0;
}

/* A column longer than its buffer: grow the buffer and fetch that column again. */
static int refetch(MYSQL_STMT *st, struct result *r, int i)
{
	char *p = realloc(r->vals[i], r->lens[i] + 1);

	if (!p)
		abort();
	r->vals[i] = p;
	r->bind[i].buffer = p;
	r->bind[i].buffer_length = r->lens[i] + 1;
	/* the statement keeps its own copy of the binds: give it the new buffer */
	if (mysql_stmt_bind_result(st, r->bind))
		return -1;
	return mysql_stmt_fetch_column(st, &r->bind[i], (unsigned)i, 0);
}

static void free_result(MYSQL_STMT *st, struct result *r)
{
	for (int i = 0; i < r->ncols; i++)
		free(r->vals[i]);
	if (r->meta)
		mysql_free_result(r->meta);
	mysql_stmt_free_result(st);
}

static int fetch_all(struct gw_db *db, MYSQL_STMT *st, gw_db_row_fn fn, void *ctx, int stream)
{
	struct result r;
	char *vals[MAX_COLS];
	char times[MAX_COLS][32];
	int rows = 0, rc;

	if (bind_result(st, &r, stream)) {
		free_result(st, &r);
		return -1;
	}
	while ((rc = mysql_stmt_fetch(st)) == 0 || rc == MYSQL_DATA_TRUNCATED) {
		for (int i = 0; i < r.ncols; i++) {
			if (rc == MYSQL_DATA_TRUNCATED && r.errs[i] && !r.nulls[i] &&
			    refetch(st, &r, i))
				break;
			vals[i] = r.nulls[i] ? NULL : r.vals[i];
			if (vals[i])
				r.vals[i][r.lens[i]] = '\0';
			if (vals[i] && r.is_time[i]) {
				gw_db_local_time(db, vals[i], times[i]);
				vals[i] = times[i];
			}
		}
		rows++;
		if (fn && fn(ctx, r.ncols, vals, r.lens, r.names))
			break;
	}
	free_result(st, &r);
	return rows;
}

/* Rows of an executed statement to fn; the count or -1 (a lost connection closed). */
static int fetch_rows(struct gw_db *db, MYSQL_STMT *st, gw_db_row_fn fn, void *ctx, int stream)
{
	int n = fetch_all(db, st, fn, ctx, stream);

	if (n < 0 || (stream && mysql_stmt_errno(st))) { /* the rows did not arrive */
		note_failure(db, mysql_stmt_errno(st));
		if (gone(db->last_errno))
			disconnect(db);
		return -1;
	}
	return n;
}

int gw_db_each_v(struct gw_db *db, gw_db_row_fn fn, void *ctx, const char *sql, const char *fmt,
		 va_list ap)
{
	struct args a;
	MYSQL_STMT *st;

	if (check_count(db, sql, fmt) || bind_args(&a, fmt, ap) || !(st = run(db, sql, &a)))
		return -1;
	return fetch_rows(db, st, fn, ctx, 0);
}

int gw_db_each_args(struct gw_db *db, gw_db_row_fn fn, void *ctx, const char *sql,
		    const struct gw_db_arg *args, int nargs, unsigned flags)
{
	struct args a;
	MYSQL_STMT *st;

	if (check_count_n(db, sql, (size_t)nargs) || bind_array(&a, args, nargs) ||
	    !(st = run(db, sql, &a)))
		return -1;
	return fetch_rows(db, st, fn, ctx, (flags & GW_DB_STREAM) && !db->in_tx);
}

int gw_db_each(struct gw_db *db, gw_db_row_fn fn, void *ctx, const char *sql, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = gw_db_each_v(db, fn, ctx, sql, fmt, ap);
	va_end(ap);
	return n;
}

/* A statement without arguments or rows (transaction control); 0 or -1 with
 * the error noted. A lost connection is closed. */
static int simple(struct gw_db *db, const char *sql)
{
	unsigned e;

	if (gw_db_connect(db))
		return -1;
	if (!mysql_query(db->my, sql))
		return 0;
	e = mysql_errno(db->my);
	gw_log_error("%s failed (%u): %s", sql, e, mysql_error(db->my));
	note_failure(db, e);
	if (gone(e))
		disconnect(db);
	return -1;
}

/* Nothing has happened yet: a connection found lost is made again once. */
int gw_db_begin(struct gw_db *db)
{
	if (db->in_tx || !may_run(db))
		return -1;
	if (simple(db, "START TRANSACTION") &&
	    (db->my || !gone(db->last_errno) || simple(db, "START TRANSACTION")))
		return -1;
	db->in_tx = 1;
	db->failed = 0;
	return 0;
}

static const char SQL_KILL[] = "KILL CONNECTION ?";
static const char SQL_THREAD_LIVES[] =
    "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ?";

/* After the answer to COMMIT was lost, the server's thread of the old
 * connection may still be waiting to commit (a client timeout does not stop
 * it): end it (one may kill one's own threads) and wait until it is gone, so a
 * look-up afterwards sees the final outcome. 0, or -1 when that is not sure. */
static int fence(struct gw_db *db, unsigned long thread)
{
	long long alive = 1;

	if (gw_db_exec(db, SQL_KILL, "i", (long long)thread) < 0 && db->last_errno != 1094)
		return -1; /* 1094: no such thread, it ended already */
	for (int i = 0; i < 100 && alive; i++) {
		if (gw_db_int(db, &alive, SQL_THREAD_LIVES, "i", (long long)thread) < 0)
			return -1;
		if (alive)
			nanosleep(&(struct timespec){0, 50 * 1000 * 1000}, NULL);
	}
	return alive ? -1 : 0;
}

/* 0 committed, -1 not (the transaction had failed, or the server refused), -2
 * unknown (the connection was lost while COMMIT was under way). The
 * transaction is over either way except after -1, which the caller's
 * gw_db_rollback ends; after -2 the old transaction is finished on the server
 * when this returns, or (when that could not be made sure) the handle stays
 * failed until gw_db_rollback so that no look-up gives a false answer. */
int gw_db_commit(struct gw_db *db)
{
	unsigned long thread;

	if (!db->in_tx || db->failed || !may_run(db))
		return -1;
	thread = mysql_thread_id(db->my);
	if (simple(db, "COMMIT") == 0) {
		db->in_tx = 0;
		return 0;
	}
	if (db->my) {
		db->failed = 1;
		return -1;
	}
	db->in_tx = db->failed = 0; /* lost: the server may or may not commit */
	db->unavailable = 1;
	if (fence(db, thread)) {
		gw_log_error("the answer to COMMIT was lost and its outcome cannot be known yet");
		db->in_tx = db->failed = 1;
	} else {
		gw_log_warn("the answer to COMMIT was lost; the transaction is over, look it up");
	}
	return -2;
}

void gw_db_rollback(struct gw_db *db)
{
	if (db->my && db->in_tx && mysql_query(db->my, "ROLLBACK")) {
		gw_log_error("ROLLBACK failed (%u): %s", mysql_errno(db->my), mysql_error(db->my));
		db->in_tx = 0; /* closing the connection undoes the transaction */
		disconnect(db);
	}
	db->in_tx = db->failed = 0;
}

unsigned gw_db_errno(struct gw_db *db)
{
	return db->last_errno;
}

int gw_db_script(struct gw_db *db, const char *sql)
{
	int status;

	if (!db->scripts) {
		gw_log_error("gw_db_script on a connection without gw_db_allow_scripts");
		return -1;
	}
	if (!may_run(db) || gw_db_connect(db))
		return -1;
	if (mysql_query(db->my, sql)) {
		fprintf(stderr, "SQL error: %s\n", mysql_error(db->my));
		return -1;
	}
	do {
		MYSQL_RES *res = mysql_store_result(db->my);

		if (res)
			mysql_free_result(res);
		status = mysql_next_result(db->my);
		if (status > 0) {
			fprintf(stderr, "SQL error: %s\n", mysql_error(db->my));
			return -1;
		}
	} while (status == 0);
	return 0;
}
