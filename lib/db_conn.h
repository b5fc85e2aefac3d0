/* db_conn.h — inside the db module only (db.c, db_rows.c, db_text.c, db_time.c):
 * the connection handle's fields and gw_db_each_v. Everything else sees struct gw_db as opaque
 * (guwen/db.h). */
#ifndef GUWEN_DB_CONN_H
#define GUWEN_DB_CONN_H

#include <mysql.h>
#include <stdarg.h>
#include <time.h>

#include <ClearSilver.h>

#include "guwen/db.h"

struct cached;

struct gw_db {
	MYSQL *my;
	HDF *cfg;
	const char *user, *password;
	struct cached *cache;
	size_t ncache, capcache;
	int in_tx;
	int failed;	 /* a statement of the open transaction failed: refuse until rollback */
	int scripts;	 /* CLIENT_MULTI_STATEMENTS (migrations only) */
	int unavailable; /* since gw_db_request: the server was unreachable or too slow */
	time_t deadline; /* no statement starts from then on (0: none) */
	int tz_minutes;
	unsigned last_errno;
};

/* gw_db_each with its arguments as a va_list (db_rows.c's conveniences). */
int gw_db_each_v(struct gw_db *db, gw_db_row_fn fn, void *ctx, const char *sql, const char *fmt,
		 va_list ap);

#endif
