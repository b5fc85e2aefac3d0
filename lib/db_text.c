/* db_text.c — the db module's text queries, for the command-line tools only
 * (migrations, backups, restore): dynamic SQL run as text, rows streamed as
 * they arrive, literals escaped. The web programs use db.c's prepared
 * statements. */
#include <mysql.h>
#include <string.h>

#include "guwen/db.h"
#include "db_conn.h"

#define MAX_COLS 64

/* Text queries for the command-line tools (migrations, backups): dynamic SQL
 * that must not enter the statement cache, which keys on the text's address. */
int gw_db_query(struct gw_db *db, const char *sql, size_t len)
{
	MYSQL_RES *res;

	db->last_errno = 0;
	if (gw_db_connect(db))
		return -1;
	if (mysql_real_query(db->my, sql, len)) {
		db->last_errno = mysql_errno(db->my);
		return -1;
	}
	res = mysql_store_result(db->my);
	if (res)
		mysql_free_result(res);
	return 0;
}

const char *gw_db_error(struct gw_db *db)
{
	return db->my && db->last_errno ? mysql_error(db->my) : "cannot connect";
}

static void stream_row_info(MYSQL_RES *res, struct gw_db_rawrow *r)
{
	MYSQL_FIELD *f = mysql_fetch_fields(res);

	r->ncols = (int)mysql_num_fields(res);
	for (int i = 0; i < r->ncols && i < MAX_COLS; i++)
		r->binary[i] = f[i].charsetnr == 63 && !IS_NUM(f[i].type) &&
			       f[i].type != MYSQL_TYPE_DATETIME && f[i].type != MYSQL_TYPE_DATE &&
			       f[i].type != MYSQL_TYPE_TIMESTAMP && f[i].type != MYSQL_TYPE_TIME;
}

static int gw_db_query_open(struct gw_db *db, const char *sql, MYSQL_RES **res)
{
	db->last_errno = 0;
	if (gw_db_connect(db))
		return -1;
	if (mysql_query(db->my, sql) || !(*res = mysql_use_result(db->my))) {
		db->last_errno = mysql_errno(db->my);
		return -1;
	}
	return 0;
}

int gw_db_stream(struct gw_db *db, const char *sql, gw_db_raw_fn fn, void *ctx)
{
	struct gw_db_rawrow r;
	MYSQL_RES *res;
	MYSQL_ROW row;
	int n = 0, stop = 0;

	if (gw_db_query_open(db, sql, &res))
		return -1;
	stream_row_info(res, &r);
	if (r.ncols > MAX_COLS) {
		mysql_free_result(res);
		return -1;
	}
	while (!stop && (row = mysql_fetch_row(res))) {
		r.vals = row;
		r.lens = mysql_fetch_lengths(res);
		stop = fn(ctx, &r);
		n++;
	}
	if (!stop && mysql_errno(db->my))
		db->last_errno = mysql_errno(db->my), stop = -1;
	mysql_free_result(res);
	return stop ? -1 : n;
}

size_t gw_db_escape(struct gw_db *db, char *out, const char *in, size_t n)
{
	return mysql_real_escape_string(db->my, out, in, (unsigned long)n);
}
