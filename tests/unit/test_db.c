/* test_db.c — the database layer against a real server: a failed transaction
 * refuses every statement until rollback (also after its connection was
 * killed, and without reconnecting), reads outside a transaction reconnect,
 * COMMIT tells committed from not, and only a connection allowed scripts runs
 * several statements at once. Needs GUWEN_CONFIG naming a running stack's
 * configuration (tests/http/t0194-db-layer.sh runs it); skipped without it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <unistd.h>

#include "guwen/config.h"
#include "guwen/db.h"

static HDF *cfg;

static const char SQL_ID[] = "SELECT CONNECTION_ID()";
static const char SQL_KILL[] = "KILL CONNECTION ?";
/* rows of a table the application writes, marked as this run's (never a real
 * token's hex) */
static const char SQL_PUT[] =
    "INSERT INTO used_form_tokens (mac, used_at) VALUES (CONCAT('dbtest-', ?, '-', ?),"
    " UTC_TIMESTAMP())";
static const char SQL_COUNT[] =
    "SELECT COUNT(*) FROM used_form_tokens WHERE mac LIKE CONCAT('dbtest-', ?, '-%')";
static const char SQL_BAD[] = "SELECT no_such_column FROM used_form_tokens";
static long long run_id;

#define PUT(db, n) gw_db_exec(db, SQL_PUT, "ii", run_id, (long long)(n))
static const char SQL_MULTI[] = "SELECT 1; SELECT 2";

static long long count(struct gw_db *db)
{
	long long n = -1;

	assert_int_equal(gw_db_int(db, &n, SQL_COUNT, "i", run_id), 1);
	return n;
}

static int setup(void **state)
{
	struct gw_db *db;

	if (!getenv("GUWEN_CONFIG") || !(cfg = gw_config_load(NULL)))
		return 0;
	db = gw_db_new(cfg);
	if (gw_db_connect(db)) {
		gw_db_free(db);
		return 0;
	}
	run_id = (long long)getpid();
	*state = db;
	return 0;
}

static int teardown(void **state)
{
	gw_db_free(*state);
	return 0;
}

#define NEED_DB()                                                                                  \
	do {                                                                                       \
		if (!*state)                                                                       \
			skip(); /* no stack: GUWEN_CONFIG unset */                                 \
	} while (0)

static void test_failure_fails_the_transaction(void **state)
{
	struct gw_db *db;
	long long before;

	NEED_DB();
	db = *state;
	before = count(db);
	assert_int_equal(gw_db_begin(db), 0);
	assert_int_equal(PUT(db, 1), 1);
	assert_int_equal(PUT(db, 1), -1);	 /* duplicate: */
	assert_int_equal(gw_db_errno(db), 1062); /* the tx goes on */
	assert_true(gw_db_usable(db));
	assert_int_equal(gw_db_int(db, &(long long){0}, SQL_BAD, NULL), -1);
	assert_false(gw_db_usable(db));
	assert_int_equal(PUT(db, 2), -1); /* refused */
	assert_int_equal(gw_db_commit(db), -1);
	gw_db_rollback(db);
	assert_true(gw_db_usable(db));
	assert_int_equal(count(db), before);
}

static void test_killed_connection_fails_the_transaction(void **state)
{
	struct gw_db *db, *other;
	long long id = 0, before;

	NEED_DB();
	db = *state;
	other = gw_db_new(cfg);
	before = count(db);
	assert_int_equal(gw_db_begin(db), 0);
	assert_int_equal(PUT(db, 10), 1);
	assert_int_equal(gw_db_int(db, &id, SQL_ID, NULL), 1);
	assert_int_equal(gw_db_exec(other, SQL_KILL, "i", id), 0);
	gw_db_free(other);
	/* neither this statement nor any after it runs on a new connection */
	assert_int_equal(PUT(db, 11), -1);
	assert_int_equal(PUT(db, 12), -1);
	assert_int_equal(gw_db_int(db, &id, SQL_ID, NULL), -1);
	assert_int_equal(gw_db_commit(db), -1);
	assert_int_equal(gw_db_begin(db), -1); /* not before the rollback */
	gw_db_rollback(db);
	assert_true(gw_db_usable(db));
	assert_int_equal(count(db), before); /* and it works again, reconnected */
}

static void test_reads_reconnect_outside_a_transaction(void **state)
{
	struct gw_db *db, *other;
	long long id = 0, id2 = 0;

	NEED_DB();
	db = *state;
	other = gw_db_new(cfg);
	assert_int_equal(gw_db_int(db, &id, SQL_ID, NULL), 1);
	assert_int_equal(gw_db_exec(other, SQL_KILL, "i", id), 0);
	gw_db_free(other);
	assert_int_equal(gw_db_int(db, &id2, SQL_ID, NULL), 1);
	assert_true(id2 != id);
}

static void test_commit_stores(void **state)
{
	struct gw_db *db;
	long long before;

	NEED_DB();
	db = *state;
	before = count(db);
	assert_int_equal(gw_db_begin(db), 0);
	assert_int_equal(PUT(db, 20), 1);
	assert_int_equal(gw_db_commit(db), 0);
	assert_int_equal(gw_db_commit(db), -1); /* no transaction open */
	assert_int_equal(count(db), before + 1);
}

static void test_scripts_only_when_allowed(void **state)
{
	struct gw_db *web, *migrate;

	NEED_DB();
	web = gw_db_new(cfg);
	assert_int_equal(gw_db_script(web, SQL_MULTI), -1);
	assert_int_equal(gw_db_connect(web), 0);
	assert_int_equal(gw_db_script(web, SQL_MULTI), -1);
	gw_db_free(web);
	migrate = gw_db_new(cfg);
	gw_db_allow_scripts(migrate);
	assert_int_equal(gw_db_script(migrate, SQL_MULTI), 0);
	gw_db_free(migrate);
}

/* Stored UTC shown in the configured zone: across a year's end, with a
 * fraction of a second (dropped), and anything else shown as it is. */
static void test_local_time_in_the_zone(void **state)
{
	HDF *c = NULL;
	struct gw_db *db;
	char out[32];

	(void)state;
	assert_int_equal(hdf_init(&c), STATUS_OK);
	hdf_set_value(c, "App.TZOffsetMinutes", "480");
	db = gw_db_new(c);
	gw_db_local_time(db, "2026-12-31 20:30:05", out);
	assert_string_equal(out, "2027-01-01 04:30:05");
	gw_db_local_time(db, "2024-02-28 16:00:00.250000", out);
	assert_string_equal(out, "2024-02-29 00:00:00");
	gw_db_local_time(db, "2026-11-30", out);
	assert_string_equal(out, "2026-11-30");
	gw_db_local_time(db, "2026-1x-30 10:00:00", out);
	assert_string_equal(out, "2026-1x-30 10:00:00");
	gw_db_free(db);
	hdf_destroy(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_local_time_in_the_zone),
	    cmocka_unit_test(test_failure_fails_the_transaction),
	    cmocka_unit_test(test_killed_connection_fails_the_transaction),
	    cmocka_unit_test(test_reads_reconnect_outside_a_transaction),
	    cmocka_unit_test(test_commit_stores),
	    cmocka_unit_test(test_scripts_only_when_allowed),
	};
	int rc = cmocka_run_group_tests(tests, setup, teardown);

	hdf_destroy(&cfg);
	return rc;
}
