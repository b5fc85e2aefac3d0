/* test_visit_store.c — creating return visits against a real server: the
 * premium rule (an advisor's visit of a premium client goes to the
 * department's manager, with the client's general manager as the contact; a
 * manager keeps it), a normal client's visit goes to its lead with the primary
 * contact, a second proposal with the same propose_key creates nothing (also
 * inside a transaction, which stays usable), and the end of a visit moves the
 * client's last contact forward only. Needs GUWEN_CONFIG and the fixtures'
 * ids in VT_DEPT, VT_ADVISOR, VT_MANAGER, VT_PREMIUM, VT_NORMAL
 * (tests/http/t0700-visit-store.sh sets them); skipped without. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "guwen/config.h"
#include "guwen/db.h"
#include "guwen/valid.h"
#include "guwen/visit.h"

static HDF *cfg;
static struct gw_db *db;
static uint32_t dept, advisor, manager, premium, normal;
static int64_t now;

static const char SQL_VISITOR[] = "SELECT COALESCE(visitor_id, 0) FROM visits WHERE id = ?";
static const char SQL_DEPT[] = "SELECT COALESCE(department_id, 0) FROM visits WHERE id = ?";
static const char SQL_GM[] =
    "SELECT COUNT(*) FROM visits WHERE id = ? AND contact_role = 'general_manager'"
    " AND contact_name = '王总'";
static const char SQL_PRIMARY[] =
    "SELECT COUNT(*) FROM visits WHERE id = ? AND contact_role IS NULL"
    " AND contact_name = '李会计' AND status = 'planned' AND due_on = '2026-12-01'";
static const char SQL_EVENTS[] =
    "SELECT COUNT(*) FROM visit_events WHERE visit_id = ? AND kind = 'created'";
static const char SQL_KEYED[] = "SELECT COUNT(*) FROM visits WHERE propose_key = ?";
static const char SQL_SET_VISITED[] = "UPDATE visits SET visited_on = ? WHERE id = ?";
static const char SQL_CONTACT[] =
    "SELECT COUNT(*) FROM clients WHERE id = ? AND last_contact_on = ?";

static uint32_t env_id(const char *name)
{
	const char *s = getenv(name);

	return s ? (uint32_t)strtoul(s, NULL, 10) : 0;
}

static int setup(void **state)
{
	(void)state;
	if (!getenv("GUWEN_CONFIG") || !(cfg = gw_config_load(NULL)))
		return 0;
	dept = env_id("VT_DEPT"), advisor = env_id("VT_ADVISOR"), manager = env_id("VT_MANAGER");
	premium = env_id("VT_PREMIUM"), normal = env_id("VT_NORMAL");
	db = gw_db_new(cfg);
	if (!premium || gw_db_connect(db)) {
		gw_db_free(db);
		db = NULL;
	}
	now = (int64_t)time(NULL);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	gw_db_free(db);
	hdf_destroy(&cfg);
	return 0;
}

#define NEED_DB()                                                                                  \
	do {                                                                                       \
		if (!db)                                                                           \
			skip();                                                                    \
	} while (0)

static long long one(const char *sql, const char *fmt, long long a, const char *s)
{
	long long n = -1;

	if (fmt[0] == 's')
		assert_int_equal(gw_db_int(db, &n, sql, fmt, s), 1);
	else if (fmt[1] == 's')
		assert_int_equal(gw_db_int(db, &n, sql, fmt, a, s), 1);
	else
		assert_int_equal(gw_db_int(db, &n, sql, fmt, a), 1);
	return n;
}

static struct gw_visit_new planned(uint32_t client, uint32_t visitor)
{
	return (struct gw_visit_new){.client_id = client,
				     .origin = "plan",
				     .method = "phone",
				     .visitor_id = visitor,
				     .due_on = "2026-12-01",
				     .created_by = manager};
}

static void test_premium_goes_to_the_manager(void **state)
{
	struct gw_visit_new v = planned(premium, advisor);
	uint32_t id = 0;

	(void)state;
	NEED_DB();
	assert_int_equal(gw_visit_create(db, &v, now, &id), 1);
	assert_true(id > 0);
	assert_int_equal(one(SQL_VISITOR, "i", id, NULL), manager);
	assert_int_equal(one(SQL_DEPT, "i", id, NULL), dept);
	assert_int_equal(one(SQL_GM, "i", id, NULL), 1);
	assert_int_equal(one(SQL_EVENTS, "i", id, NULL), 1);
}

static void test_premium_keeps_a_manager(void **state)
{
	struct gw_visit_new v = planned(premium, manager);
	uint32_t id = 0;

	(void)state;
	NEED_DB();
	assert_int_equal(gw_visit_create(db, &v, now, &id), 1);
	assert_int_equal(one(SQL_VISITOR, "i", id, NULL), manager);
	assert_int_equal(one(SQL_GM, "i", id, NULL), 1);
}

static void test_normal_goes_to_its_lead(void **state)
{
	struct gw_visit_new v = planned(normal, 0);
	uint32_t id = 0;

	(void)state;
	NEED_DB();
	assert_int_equal(gw_visit_create(db, &v, now, &id), 1);
	assert_int_equal(one(SQL_VISITOR, "i", id, NULL), advisor);
	assert_int_equal(one(SQL_DEPT, "i", id, NULL), dept);
	assert_int_equal(one(SQL_PRIMARY, "i", id, NULL), 1);
}

static void test_propose_key_is_idempotent(void **state)
{
	struct gw_visit_new v = planned(normal, 0);
	char key[48];
	uint32_t id = 0, again = 7;

	(void)state;
	NEED_DB();
	snprintf(key, sizeof key, "monthly:%u:t%ld", normal, (long)getpid());
	v.origin = "monthly", v.method = "email", v.propose_key = key, v.created_by = 0;
	assert_int_equal(gw_visit_create(db, &v, now, &id), 1);
	assert_int_equal(gw_visit_create(db, &v, now, &again), 0);
	assert_int_equal(again, 0);
	assert_int_equal(gw_db_begin(db), 0);
	assert_int_equal(gw_visit_create(db, &v, now, &again), 0);
	assert_int_equal(gw_db_usable(db), 1);
	assert_int_equal(gw_db_commit(db), 0);
	assert_int_equal(one(SQL_KEYED, "s", 0, key), 1);
}

static void test_finished_sets_last_contact(void **state)
{
	struct gw_visit_new v = planned(normal, 0);
	uint32_t id = 0;

	(void)state;
	NEED_DB();
	assert_int_equal(gw_visit_create(db, &v, now, &id), 1);
	assert_int_equal(gw_db_exec(db, SQL_SET_VISITED, "si", "2030-01-02", (long long)id), 1);
	assert_int_equal(gw_visit_finished(db, id, manager, now), 0);
	assert_int_equal(one(SQL_CONTACT, "is", normal, "2030-01-02"), 1);
	assert_int_equal(gw_db_exec(db, SQL_SET_VISITED, "si", "2029-01-02", (long long)id), 1);
	assert_int_equal(gw_visit_finished(db, id, manager, now), 0);
	assert_int_equal(one(SQL_CONTACT, "is", normal, "2030-01-02"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_premium_goes_to_the_manager),
	    cmocka_unit_test(test_premium_keeps_a_manager),
	    cmocka_unit_test(test_normal_goes_to_its_lead),
	    cmocka_unit_test(test_propose_key_is_idempotent),
	    cmocka_unit_test(test_finished_sets_last_contact),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
