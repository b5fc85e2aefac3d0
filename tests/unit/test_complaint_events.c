/* test_complaint_events.c — timeline events as codes with parameters: the
 * parameter lines and the sentences built from a language's words. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "guwen/arena.h"
#include "guwen/complaint_events.h"

static HDF *words(void)
{
	HDF *h = NULL;

	assert_null(hdf_init(&h));
	hdf_set_value(h, "L.Timeline.reclassified",
		      "[{from} → ]{severity}[ · Department: {dept}][ · Owner: {owner}]");
	hdf_set_value(h, "L.Timeline.resumed", "Runs again[ · due {resolution_ts}]");
	hdf_set_value(h, "L.Timeline.alert", "Notified: {names}");
	hdf_set_value(h, "L.Timeline.Nobody", "nobody");
	hdf_set_value(h, "L.Complaint.Severities.b", "b General");
	hdf_set_value(h, "L.Complaint.Severities.c", "c Major");
	return h;
}

static void test_params_one_per_line(void **state)
{
	struct gw_buf b = {0};

	(void)state;
	gw_event_param(&b, "names", "王\n李");
	gw_event_param_int(&b, "resolution_ts", 86400);
	assert_string_equal(b.p, "names=王 李\nresolution_ts=86400\n");
	gw_buf_free(&b);
}

static void test_sentences(void **state)
{
	struct gw_arena a = {0};
	HDF *w = words();

	(void)state;
	assert_string_equal(gw_event_sentence(&a, w, 0, "reclassified",
					      "severity=c\nfrom=b\ndept=记账一部\nowner=\n"),
			    "b General → c Major · Department: 记账一部");
	assert_string_equal(gw_event_sentence(&a, w, 0, "reclassified", "severity=b\n"),
			    "b General");
	/* UTC seconds shown in the local zone (+08:00) */
	assert_string_equal(gw_event_sentence(&a, w, 480, "resumed", "resolution_ts=0\n"),
			    "Runs again · due 1970-01-01 08:00:00");
	assert_string_equal(gw_event_sentence(&a, w, 0, "resumed", ""), "Runs again");
	assert_string_equal(gw_event_sentence(&a, w, 0, "alert", "names=\n"), "Notified: nobody");
	/* a code this version has no words for shows as the code */
	assert_string_equal(gw_event_sentence(&a, w, 0, "future.code", "x=1\n"), "future.code");
	gw_arena_free(&a);
	hdf_destroy(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_params_one_per_line),
	    cmocka_unit_test(test_sentences),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
