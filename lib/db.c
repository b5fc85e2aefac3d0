/* db.c — MariaDB/MySQL through Connector/C prepared statements, cached per
 * process; rows into HDF; reconnect after the server went away. */
#include <errmsg.h>
#include <mysql.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "guwen/db.h"
#include "guwen/log.h"
#include "guwen/valid.h"

#define MAX_ARGS 32
#define MAX_COLS 64

struct cached {
	const char *sql;
	MYSQL_STMT *st;
};

struct gw_db {
	MYSQL *my;
	HDF *cfg;
	const char *user, *password;
	struct cached *cache;
	size_t ncache, capcache;
	int in_tx;
	int tz_minutes;
	unsigned last_errno;
};

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

static void disconnect(struct gw_db *db)
{
	forget_statements(db);
	if (db->my)
		mysql_close(db->my);
	db->my = NULL;
	db->in_tx = 0;
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

int gw_db_connect(struct gw_db *db)
{
	unsigned int connect_to = 5, rw_to = 30;
	const char *sock, *host;

	if (db->my)
		return 0;
	db->my = mysql_init(NULL);
	if (!db->my)
		return -1;
	mysql_options(db->my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(db->my, MYSQL_OPT_CONNECT_TIMEOUT, &connect_to);
	mysql_options(db->my, MYSQL_OPT_READ_TIMEOUT, &rw_to);
	mysql_options(db->my, MYSQL_OPT_WRITE_TIMEOUT, &rw_to);
	mysql_options(db->my, MYSQL_INIT_COMMAND, "SET time_zone = '+00:00'");
	sock = hdf_get_value(db->cfg, "DB.Socket", NULL);
	host = hdf_get_value(db->cfg, "DB.Host", NULL);
	if (!mysql_real_connect(db->my, sock && *sock ? NULL : host, db->user, db->password,
				hdf_get_value(db->cfg, "DB.Name", "guwen"),
				(unsigned)hdf_get_int_value(db->cfg, "DB.Port", 0),
				sock && *sock ? sock : NULL, CLIENT_MULTI_STATEMENTS)) {
		db->last_errno = mysql_errno(db->my);
		gw_log_error("database connect failed: %s", mysql_error(db->my));
		mysql_close(db->my);
		db->my = NULL;
		return -1;
	}
	return 0;
}

static int gone(unsigned e)
{
	return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST || e == 1927 /* killed */;
}

static MYSQL_STMT *prepare_once(struct gw_db *db, const char *sql)
{
	MYSQL_STMT *st;
	my_bool on = 1;

	for (size_t i = 0; i < db->ncache; i++)
		if (db->cache[i].sql == sql)
			return db->cache[i].st;
	if (gw_db_connect(db))
		return NULL;
	st = mysql_stmt_init(db->my);
	if (!st)
		return NULL;
	if (mysql_stmt_prepare(st, sql, strlen(sql))) {
		db->last_errno = mysql_stmt_errno(st);
		gw_log_error("prepare failed (%u): %s", db->last_errno, mysql_stmt_error(st));
		mysql_stmt_close(st);
		/* outside a transaction a dead connection is dropped, else every
		 * statement not yet cached fails on it for good */
		if (gone(db->last_errno) && !db->in_tx)
			disconnect(db);
		return NULL;
	}
	mysql_stmt_attr_set(st, STMT_ATTR_UPDATE_MAX_LENGTH, &on);
	if (db->ncache == db->capcache) {
		db->capcache = db->capcache ? db->capcache * 2 : 32;
		db->cache = realloc(db->cache, db->capcache * sizeof(*db->cache));
		if (!db->cache)
			abort();
	}
	db->cache[db->ncache++] = (struct cached){ sql, st };
	return st;
}

/* A statement's handle (cached per process). After a server restart, a
 * statement prepared for the first time meets the dead connection: outside a
 * transaction it is prepared once more on a new one. */
static MYSQL_STMT *prepare(struct gw_db *db, const char *sql)
{
	MYSQL_STMT *st = prepare_once(db, sql);

	if (!st && !db->my && gone(db->last_errno))
		st = prepare_once(db, sql);
	return st;
}

/* A format that does not match the statement's placeholders would read the
 * wrong arguments: refuse it before any argument is read. */
static int check_count(struct gw_db *db, const char *sql, const char *fmt)
{
	MYSQL_STMT *st = prepare(db, sql);
	size_t want = fmt ? strlen(fmt) : 0;

	if (!st)
		return -1;
	if (mysql_stmt_param_count(st) != want) {
		gw_log_error("statement takes %lu arguments, format gives %zu: %.60s",
			     mysql_stmt_param_count(st), want, sql);
		return -1;
	}
	return 0;
}

static int bind_args(struct args *a, const char *fmt, va_list ap)
{
	memset(a, 0, sizeof(*a));
	for (; fmt && *fmt; fmt++, a->n++) {
		MYSQL_BIND *b = &a->bind[a->n];

		if (a->n == MAX_ARGS)
			return -1;
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
			b->buffer_type = MYSQL_TYPE_BLOB;
			b->buffer = (void *)va_arg(ap, const void *);
			b->buffer_length = va_arg(ap, size_t);
		} else {
			return -1;
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
 * when the connection was lost. Returns the statement or NULL. */
static MYSQL_STMT *run(struct gw_db *db, const char *sql, struct args *a)
{
	for (int attempt = 0; attempt < 2; attempt++) {
		MYSQL_STMT *st = prepare(db, sql);
		unsigned e;

		if (st && !mysql_stmt_bind_param(st, a->bind) && !mysql_stmt_execute(st)) {
			db->last_errno = 0;
			return st;
		}
		e = st ? mysql_stmt_errno(st) : db->my ? mysql_errno(db->my) : CR_SERVER_GONE_ERROR;
		db->last_errno = e;
		if (!gone(e) && db->my) {
			/* a duplicate key is an answer the caller asks gw_db_errno about */
			if (st && e != 1062)
				gw_log_error("statement failed (%u): %s", e, mysql_stmt_error(st));
			return NULL;
		}
		gw_log_warn("database connection lost (%u); reconnecting", e);
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

void gw_db_local_time(const struct gw_db *db, const char *utc, char *out)
{
	int y, mo, d, h, mi, s;
	long long t;

	if (sscanf(utc, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s) != 6) {
		snprintf(out, 32, "%s", utc);
		return;
	}
	t = (long long)gw_date_from_ymd(y, mo, d) * 1440 + h * 60 + mi + db->tz_minutes;
	gw_date_to_ymd((int32_t)(t / 1440), &y, &mo, &d);
	t %= 1440;
	snprintf(out, 32, "%04d-%02d-%02d %02d:%02d:%02d", y % 10000, mo % 100, d % 100,
		 (int)(t / 60), (int)(t % 60), s % 100);
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

static int bind_result(MYSQL_STMT *st, struct result *r)
{
	MYSQL_FIELD *f;

	memset(r, 0, sizeof(*r));
	if (mysql_stmt_field_count(st) == 0)
		return 0;
	/* store first: the metadata copied afterwards carries max_length */
	if (mysql_stmt_store_result(st) || !(r->meta = mysql_stmt_result_metadata(st)))
		return -1;
	if (mysql_num_fields(r->meta) > MAX_COLS)
		return -1;
	r->ncols = (int)mysql_num_fields(r->meta);
	f = mysql_fetch_fields(r->meta);
	for (int i = 0; i < r->ncols; i++) {
		size_t cap = (f[i].max_length > 64 ? f[i].max_length : 64) + 1;

		r->vals[i] = malloc(cap);
		if (!r->vals[i])
			abort();
		r->names[i] = f[i].name;
		r->is_time[i] = f[i].type == MYSQL_TYPE_DATETIME || f[i].type == MYSQL_TYPE_TIMESTAMP;
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

static int fetch_all(struct gw_db *db, MYSQL_STMT *st, gw_db_row_fn fn, void *ctx)
{
	struct result r;
	char *vals[MAX_COLS];
	char times[MAX_COLS][32];
	int rows = 0, rc;

	if (bind_result(st, &r)) {
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

static int query_each(struct gw_db *db, gw_db_row_fn fn, void *ctx, const char *sql,
		      const char *fmt, va_list ap)
{
	struct args a;
	MYSQL_STMT *st;

	if (check_count(db, sql, fmt) || bind_args(&a, fmt, ap) || !(st = run(db, sql, &a)))
		return -1;
	return fetch_all(db, st, fn, ctx);
}

int gw_db_each(struct gw_db *db, gw_db_row_fn fn, void *ctx, const char *sql, const char *fmt,
	       ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = query_each(db, fn, ctx, sql, fmt, ap);
	va_end(ap);
	return n;
}

struct to_hdf {
	HDF *hdf;
	const char *prefix;
	int row, one;
};

static int row_to_hdf(void *ctx, int ncols, char **vals, const size_t *lens,
		      const char *const *names)
{
	struct to_hdf *t = ctx;
	char name[256];

	(void)lens;
	for (int i = 0; i < ncols; i++) {
		if (!vals[i])
			continue;
		if (t->one)
			snprintf(name, sizeof(name), "%s.%s", t->prefix, names[i]);
		else
			snprintf(name, sizeof(name), "%s.%d.%s", t->prefix, t->row, names[i]);
		if (hdf_set_value(t->hdf, name, vals[i]) != STATUS_OK)
			return -1;
	}
	t->row++;
	return t->one;
}

int gw_db_rows(struct gw_db *db, HDF *hdf, const char *prefix, const char *sql,
	       const char *fmt, ...)
{
	struct to_hdf t = { hdf, prefix, 0, 0 };
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = query_each(db, row_to_hdf, &t, sql, fmt, ap);
	va_end(ap);
	return n;
}

int gw_db_row(struct gw_db *db, HDF *hdf, const char *prefix, const char *sql,
	      const char *fmt, ...)
{
	struct to_hdf t = { hdf, prefix, 0, 1 };
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = query_each(db, row_to_hdf, &t, sql, fmt, ap);
	va_end(ap);
	return n < 0 ? -1 : n > 0;
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
	long long v[2] = { 0, 0 };
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = query_each(db, first_int, v, sql, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	*out = v[0];
	return v[1] ? 1 : 0;
}

static int simple(struct gw_db *db, const char *sql)
{
	if (gw_db_connect(db))
		return -1;
	if (mysql_query(db->my, sql)) {
		db->last_errno = mysql_errno(db->my);
		gw_log_error("%s failed: %s", sql, mysql_error(db->my));
		if (gone(db->last_errno))
			disconnect(db);
		return -1;
	}
	return 0;
}

int gw_db_begin(struct gw_db *db)
{
	if (simple(db, "START TRANSACTION"))
		return -1;
	db->in_tx = 1;
	return 0;
}

int gw_db_commit(struct gw_db *db)
{
	int rc = simple(db, "COMMIT");

	db->in_tx = 0;
	return rc;
}

void gw_db_rollback(struct gw_db *db)
{
	if (db->my && db->in_tx)
		simple(db, "ROLLBACK");
	db->in_tx = 0;
}

unsigned gw_db_errno(struct gw_db *db)
{
	return db->last_errno;
}

int gw_db_script(struct gw_db *db, const char *sql)
{
	int status;

	if (gw_db_connect(db))
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
