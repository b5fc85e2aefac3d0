/* test_record.c — unit tests for lib/record.c: a row into a typed record, sealed
 * columns opened only in their own row and column, level-3 values only for the
 * cleared, the record out to the page data. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "guwen/record.h"

struct person {
	long long id, age;
	const char *name, *id_number;
	uint64_t nulls;
};

static const struct gw_col cols[] = {
    {.name = "id", .type = GW_COL_INT, .offset = offsetof(struct person, id), .level = 1},
    {.name = "age", .type = GW_COL_INT, .offset = offsetof(struct person, age), .level = 1},
    {.name = "name", .type = GW_COL_TEXT, .offset = offsetof(struct person, name), .level = 1},
    {.name = "id_number",
     .type = GW_COL_TEXT,
     .offset = offsetof(struct person, id_number),
     .level = 3,
     .sealed = 1},
};

static const struct gw_record_desc desc = {
    .table = "people",
    .entity = "person",
    .cols = cols,
    .ncols = 4,
    .id_offset = offsetof(struct person, id),
    .nulls_offset = offsetof(struct person, nulls),
};

struct world {
	struct gw_keyring kr;
	struct gw_user user;
	struct gw_ctx ctx;
	unsigned char sealed[64];
	size_t sealed_len;
};

/* A key ring in memory, a user cleared for level 3, the ID number sealed for row 42. */
static void world_init(struct world *w, int clearance)
{
	static const char idn[] = "11010519491231002X";

	memset(w, 0, sizeof(*w));
	w->kr.n = 1;
	w->kr.ids[0] = 1;
	memset(w->kr.keys[0], 0x11, GW_KEY_LEN);
	w->user.clearance = clearance;
	w->ctx.keys = &w->kr;
	w->ctx.user = &w->user;
	assert_int_equal(gw_crypto_seal(&w->kr, "people.id_number:42", idn, strlen(idn), w->sealed),
			 0);
	w->sealed_len = strlen(idn) + GW_SEAL_OVERHEAD;
}

/* The row as gw_db_each gives it: id, age NULL, name, the sealed ID number. */
static struct gw_record_read read_row(struct world *w, struct person *p, const char *id)
{
	static const char *const names[] = {"name", "id_number", "age", "id"};
	char *vals[] = {"王五", (char *)w->sealed, NULL, (char *)id};
	size_t lens[] = {strlen("王五"), w->sealed_len, 0, strlen(id)};
	struct gw_record_read r = {.ctx = &w->ctx, .d = &desc, .rec = p};

	assert_int_equal(gw_record_row(&r, 4, vals, lens, names), 1);
	return r;
}

static void test_sealed_opens_in_its_row(void **state)
{
	struct world w;
	struct person p = {0};
	struct gw_record_read r;

	(void)state;
	world_init(&w, 3);
	r = read_row(&w, &p, "42");
	assert_int_equal(r.failed, 0);
	assert_int_equal(r.level3, 1); /* gw_record_done writes the audit record */
	assert_int_equal(p.id, 42);
	assert_string_equal(p.name, "王五");
	assert_string_equal(p.id_number, "11010519491231002X");
	assert_true(gw_record_null(&desc, &p, "age"));
	assert_false(gw_record_null(&desc, &p, "id_number"));
	gw_arena_free(&w.ctx.arena);
}

/* A sealed value copied into another row does not open: nothing of it is shown. */
static void test_sealed_refused_in_another_row(void **state)
{
	struct world w;
	struct person p = {0};
	struct gw_record_read r;

	(void)state;
	world_init(&w, 3);
	r = read_row(&w, &p, "43");
	assert_int_equal(r.failed, 1);
	assert_null(p.id_number);
	assert_int_equal(gw_record_done(&r), -1);
	gw_arena_free(&w.ctx.arena);
}

/* Below level-3 clearance the value is neither opened nor counted as read. */
static void test_level3_needs_clearance(void **state)
{
	struct world w;
	struct person p = {0};
	struct gw_record_read r;

	(void)state;
	world_init(&w, 2);
	r = read_row(&w, &p, "42");
	assert_null(p.id_number);
	assert_int_equal(r.level3, 0);
	assert_true(gw_record_null(&desc, &p, "id_number"));
	assert_int_equal(gw_record_done(&r), 0); /* nothing to audit */
	gw_arena_free(&w.ctx.arena);
}

static void test_to_hdf_leaves_out_nulls(void **state)
{
	struct world w;
	struct person p = {0};
	HDF *h = NULL;

	(void)state;
	world_init(&w, 2);
	read_row(&w, &p, "42");
	assert_int_equal(hdf_init(&h), STATUS_OK);
	gw_record_to_hdf(h, "P", &desc, &p);
	assert_string_equal(hdf_get_value(h, "P.id", ""), "42");
	assert_string_equal(hdf_get_value(h, "P.name", ""), "王五");
	assert_null(hdf_get_value(h, "P.age", NULL));
	assert_null(hdf_get_value(h, "P.id_number", NULL));
	hdf_destroy(&h);
	gw_arena_free(&w.ctx.arena);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sealed_opens_in_its_row),
	    cmocka_unit_test(test_sealed_refused_in_another_row),
	    cmocka_unit_test(test_level3_needs_clearance),
	    cmocka_unit_test(test_to_hdf_leaves_out_nulls),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
