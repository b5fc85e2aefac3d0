/* test_workday.c — working-day arithmetic across Spring Festival 2026 and the holiday TSV parser.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/valid.h"
#include "guwen/workday.h"

/* Shipped with the project; tests run from the source root (make unit). */
#define HOLIDAY_FILE "etc/cn-holidays-2025-2026.tsv"

/* Spring Festival 2026 rows from etc/cn-holidays-2025-2026.tsv: Sat 02-14 and Sat 02-28
 * are make-up working days, Sun 02-15 .. Mon 02-23 are off. CRLF and a comment on purpose. */
static const char spring_2026[] =
    "# date\tkind\tname\n"
    "\n"
    "2026-02-"
    "14\tworkday\t\xE6\x98\xA5\xE8\x8A\x82\xE8\xB0\x83\xE4\xBC\x91\xE4\xB8\x8A\xE7\x8F\xAD\n"
    "2026-02-15\tholiday\t\xE6\x98\xA5\xE8\x8A\x82\n"
    "2026-02-16\tholiday\t\xE6\x98\xA5\xE8\x8A\x82\n"
    "2026-02-17\tholiday\t\xE6\x98\xA5\xE8\x8A\x82\n"
    "2026-02-18\tholiday\t\xE6\x98\xA5\xE8\x8A\x82\n"
    "2026-02-19\tholiday\t\xE6\x98\xA5\xE8\x8A\x82\n"
    "2026-02-20\tholiday\t\xE6\x98\xA5\xE8\x8A\x82\r\n"
    "2026-02-21\tholiday\t\xE6\x98\xA5\xE8\x8A\x82\n"
    "2026-02-22\tholiday\t\xE6\x98\xA5\xE8\x8A\x82\n"
    "2026-02-23\tholiday\t\xE6\x98\xA5\xE8\x8A\x82\n"
    "2026-02-28\tworkday\t\xE6\x98\xA5\xE8\x8A\x82\xE8\xB0\x83\xE4\xBC\x91\xE4\xB8\x8A\xE7\x8F\xAD";

static int32_t D(const char *s)
{
	int32_t day = 0;

	if (gw_valid_date(s, &day) != 0)
		fail_msg("bad date in test: %s", s);
	return day;
}

static void assert_day(int32_t got, const char *want)
{
	char buf[11];

	gw_date_format(got, buf);
	assert_string_equal(buf, want);
}

static int add_to_cal(void *ctx, int32_t day, enum gw_day_kind kind, const char *name,
		      size_t namelen)
{
	(void)name;
	(void)namelen;
	return gw_workday_set(ctx, day, kind);
}

static int setup_spring(void **state)
{
	struct gw_workday_cal *cal = malloc(sizeof *cal);

	if (!cal)
		return -1;
	gw_workday_init(cal);
	if (gw_workday_parse_tsv(spring_2026, add_to_cal, cal) != 11) {
		gw_workday_free(cal);
		free(cal);
		return -1;
	}
	*state = cal;
	return 0;
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *text = NULL;
	long len;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (text = malloc((size_t)len + 1)) != NULL) {
		if (fread(text, 1, (size_t)len, f) == (size_t)len) {
			text[len] = '\0';
		} else {
			free(text);
			text = NULL;
		}
	}
	fclose(f);
	return text;
}

static int setup_full(void **state)
{
	struct gw_workday_cal *cal = malloc(sizeof *cal);
	char *text = read_file(HOLIDAY_FILE);
	int n;

	if (!cal || !text) {
		fprintf(stderr, "cannot read %s (run from the source root)\n", HOLIDAY_FILE);
		free(cal);
		free(text);
		return -1;
	}
	gw_workday_init(cal);
	n = gw_workday_parse_tsv(text, add_to_cal, cal);
	free(text);
	if (n != 72) {
		fprintf(stderr, "%s: parse returned %d, want 72\n", HOLIDAY_FILE, n);
		gw_workday_free(cal);
		free(cal);
		return -1;
	}
	*state = cal;
	return 0;
}

static int teardown(void **state)
{
	gw_workday_free(*state);
	free(*state);
	return 0;
}

static void test_plain_week_is_monday_to_friday(void **state)
{
	struct gw_workday_cal cal;
	int32_t mon = D("2026-03-02"), i;

	(void)state;
	gw_workday_init(&cal);
	for (i = 0; i < 7; i++)
		assert_int_equal(gw_workday_is_working(&cal, mon + i), i < 5);
	assert_day(gw_workday_add(&cal, D("2026-03-06"), 1), "2026-03-09");
	assert_int_equal(gw_workday_count(&cal, mon - 1, mon + 13), 10);
	gw_workday_free(&cal);
}

static void test_makeup_saturdays_count_as_working(void **state)
{
	const struct gw_workday_cal *cal = *state;

	assert_true(gw_workday_is_working(cal, D("2026-02-13")));  /* Fri */
	assert_true(gw_workday_is_working(cal, D("2026-02-14")));  /* make-up Sat */
	assert_false(gw_workday_is_working(cal, D("2026-02-15"))); /* Sun, holiday */
	assert_false(gw_workday_is_working(cal, D("2026-02-16"))); /* Mon, holiday */
	assert_false(gw_workday_is_working(cal, D("2026-02-20"))); /* Fri, holiday */
	assert_false(gw_workday_is_working(cal, D("2026-02-23"))); /* Mon, holiday */
	assert_true(gw_workday_is_working(cal, D("2026-02-24")));  /* Tue, back */
	assert_true(gw_workday_is_working(cal, D("2026-02-28")));  /* make-up Sat */
	assert_false(gw_workday_is_working(cal, D("2026-03-01"))); /* plain Sun */
}

static void test_add_jumps_over_spring_festival(void **state)
{
	const struct gw_workday_cal *cal = *state;

	/* The last working day before the break is the make-up Saturday. */
	assert_day(gw_workday_add(cal, D("2026-02-13"), 1), "2026-02-14");
	assert_day(gw_workday_add(cal, D("2026-02-14"), 1), "2026-02-24");
	assert_day(gw_workday_add(cal, D("2026-02-13"), 2), "2026-02-24");
	assert_day(gw_workday_add(cal, D("2026-02-24"), 4), "2026-02-28");
	assert_day(gw_workday_add(cal, D("2026-02-24"), 5), "2026-03-02");
	assert_day(gw_workday_add(cal, D("2026-02-12"), 10), "2026-03-04");
	/* Counting from inside the holiday starts at the holiday itself. */
	assert_day(gw_workday_add(cal, D("2026-02-17"), 1), "2026-02-24");
}

static void test_add_zero_is_next(void **state)
{
	const struct gw_workday_cal *cal = *state;

	assert_day(gw_workday_add(cal, D("2026-02-13"), 0), "2026-02-13");
	assert_day(gw_workday_add(cal, D("2026-02-15"), 0), "2026-02-24");
}

static void test_next_from_holiday_is_first_day_back(void **state)
{
	const struct gw_workday_cal *cal = *state;

	assert_day(gw_workday_next(cal, D("2026-02-15")), "2026-02-24");
	assert_day(gw_workday_next(cal, D("2026-02-17")), "2026-02-24");
	assert_day(gw_workday_next(cal, D("2026-02-21")), "2026-02-24");
	assert_day(gw_workday_next(cal, D("2026-02-14")), "2026-02-14");
	assert_day(gw_workday_next(cal, D("2026-02-28")), "2026-02-28");
	assert_day(gw_workday_next(cal, D("2026-03-01")), "2026-03-02");
}

static void test_count_across_spring_festival(void **state)
{
	const struct gw_workday_cal *cal = *state;

	/* 20 weekdays in February 2026, minus 6 weekday holidays, plus 2 make-up Saturdays. */
	assert_int_equal(gw_workday_count(cal, D("2026-02-01"), D("2026-02-28")), 16);
	assert_int_equal(gw_workday_count(cal, D("2026-02-13"), D("2026-02-24")), 2);
	assert_int_equal(gw_workday_count(cal, D("2026-02-14"), D("2026-02-23")), 0);
	assert_int_equal(gw_workday_count(cal, D("2026-02-13"), D("2026-02-14")), 1);
	assert_int_equal(gw_workday_count(cal, D("2026-02-24"), D("2026-02-24")), 0);
	assert_int_equal(gw_workday_count(cal, D("2026-02-24"), D("2026-02-13")), 0);
}

/* count() agrees with add(): n working days after a day is where the count reaches n. */
static void test_count_and_add_agree(void **state)
{
	const struct gw_workday_cal *cal = *state;
	int32_t from = D("2025-12-20"), day;
	int n;

	for (n = 1; n <= 60; n++) {
		day = gw_workday_add(cal, from, n);
		assert_int_equal(gw_workday_count(cal, from, day), n);
		assert_int_equal(gw_workday_count(cal, from, day - 1), n - 1);
	}
}

static void test_full_list_working_days_per_year(void **state)
{
	const struct gw_workday_cal *cal = *state;
	int32_t day, end = D("2026-12-31");
	int brute = 0;

	for (day = D("2025-01-01"); day <= end; day++)
		brute += gw_workday_is_working(cal, day);
	/* 248 each, from the shipped list (independently recomputed). */
	assert_int_equal(gw_workday_count(cal, D("2024-12-31"), D("2025-12-31")), 248);
	assert_int_equal(gw_workday_count(cal, D("2025-12-31"), D("2026-12-31")), 248);
	assert_int_equal(gw_workday_count(cal, D("2024-12-31"), end), brute);
}

static void test_full_list_other_breaks(void **state)
{
	const struct gw_workday_cal *cal = *state;

	assert_true(gw_workday_is_working(cal, D("2026-01-04")));  /* make-up Sunday */
	assert_false(gw_workday_is_working(cal, D("2026-01-02"))); /* Fri, 元旦 */
	assert_day(gw_workday_add(cal, D("2025-09-30"), 1), "2025-10-09");
	assert_day(gw_workday_add(cal, D("2026-02-13"), 2), "2026-02-24");
	assert_day(gw_workday_next(cal, D("2026-10-01")), "2026-10-08");
}

struct collected {
	int n;
	int32_t last_day;
	enum gw_day_kind last_kind;
	char last_name[64];
};

static int collect(void *ctx, int32_t day, enum gw_day_kind kind, const char *name, size_t namelen)
{
	struct collected *c = ctx;

	c->n++;
	c->last_day = day;
	c->last_kind = kind;
	snprintf(c->last_name, sizeof c->last_name, "%.*s", (int)namelen, name);
	return 0;
}

static void test_parse_tsv_passes_each_entry(void **state)
{
	struct collected c = {0};

	(void)state;
	assert_int_equal(gw_workday_parse_tsv(spring_2026, collect, &c), 11);
	assert_int_equal(c.n, 11);
	assert_day(c.last_day, "2026-02-28");
	assert_int_equal(c.last_kind, GW_DAY_WORKDAY);
	assert_string_equal(c.last_name, "\xE6\x98\xA5\xE8\x8A\x82\xE8\xB0\x83\xE4\xBC\x91"
					 "\xE4\xB8\x8A\xE7\x8F\xAD");
	memset(&c, 0, sizeof c);
	assert_int_equal(gw_workday_parse_tsv("2026-01-01\tholiday\t\r\n", collect, &c), 1);
	assert_string_equal(c.last_name, "");
	assert_int_equal(gw_workday_parse_tsv("", collect, &c), 0);
	assert_int_equal(gw_workday_parse_tsv("# only a comment\n\n", collect, &c), 0);
}

static void test_parse_tsv_reports_first_bad_line(void **state)
{
	static const char *const bad[] = {
	    "2026-02-30\tholiday\tx",  "2026-2-14\tworkday\tx",
	    "2026-02-14\tholliday\tx", "2026-02-14 workday x",
	    "2026-02-14\tworkday",     "2026-02-14\tworkday\tx\ty",
	    "2026-02-14\tWORKDAY\tx",  "2026-02-14\tworkday\t\xE6\x98",
	    " 2026-02-14\tworkday\tx", "garbage",
	};
	char text[256];
	struct collected c;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memset(&c, 0, sizeof c);
		snprintf(text, sizeof text,
			 "# header\n2026-01-01\tholiday\tA\n\n%s\n"
			 "2026-01-02\tholiday\tB\n",
			 bad[i]);
		if (gw_workday_parse_tsv(text, collect, &c) != -4)
			fail_msg("bad line \"%s\" not reported as line 4", bad[i]);
		assert_int_equal(c.n, 1); /* nothing after the bad line is delivered */
	}
}

static int refuse_second(void *ctx, int32_t day, enum gw_day_kind kind, const char *name,
			 size_t namelen)
{
	int *calls = ctx;

	(void)day;
	(void)kind;
	(void)name;
	(void)namelen;
	return ++*calls == 2 ? -1 : 0;
}

static void test_parse_tsv_stops_when_callback_fails(void **state)
{
	int calls = 0;

	(void)state;
	assert_int_equal(gw_workday_parse_tsv(spring_2026, refuse_second, &calls), -4);
	assert_int_equal(calls, 2);
}

static void test_set_replaces_entry(void **state)
{
	struct gw_workday_cal *cal = *state;
	size_t n = cal->n;

	assert_true(gw_workday_is_working(cal, D("2026-02-14")));
	assert_int_equal(gw_workday_set(cal, D("2026-02-14"), GW_DAY_HOLIDAY), 0);
	assert_int_equal(cal->n, n);
	assert_false(gw_workday_is_working(cal, D("2026-02-14")));
	assert_day(gw_workday_add(cal, D("2026-02-13"), 1), "2026-02-24");
	assert_int_equal(gw_workday_set(cal, D("2026-02-16"), GW_DAY_WORKDAY), 0);
	assert_int_equal(cal->n, n);
	assert_day(gw_workday_next(cal, D("2026-02-14")), "2026-02-16");
}

/* Inserting out of order (and past the first growth) keeps the table sorted. */
static void test_set_keeps_days_sorted(void **state)
{
	struct gw_workday_cal cal;
	int32_t base = D("2027-01-04"); /* a Monday */
	size_t i;
	int k;

	(void)state;
	gw_workday_init(&cal);
	for (k = 99; k >= 0; k--)
		assert_int_equal(gw_workday_set(&cal, base + (k * 37) % 100, GW_DAY_HOLIDAY), 0);
	assert_int_equal(cal.n, 100);
	for (i = 1; i < cal.n; i++)
		assert_true(cal.days[i - 1] < cal.days[i]);
	assert_false(gw_workday_is_working(&cal, base));
	assert_day(gw_workday_next(&cal, base), "2027-04-14");
	gw_workday_free(&cal);
	assert_int_equal(cal.n, 0);
	assert_null(cal.days);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plain_week_is_monday_to_friday),
	    cmocka_unit_test_setup_teardown(test_makeup_saturdays_count_as_working, setup_spring,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_add_jumps_over_spring_festival, setup_spring,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_add_zero_is_next, setup_spring, teardown),
	    cmocka_unit_test_setup_teardown(test_next_from_holiday_is_first_day_back, setup_spring,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_count_across_spring_festival, setup_spring,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_count_and_add_agree, setup_full, teardown),
	    cmocka_unit_test_setup_teardown(test_full_list_working_days_per_year, setup_full,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_full_list_other_breaks, setup_full, teardown),
	    cmocka_unit_test(test_parse_tsv_passes_each_entry),
	    cmocka_unit_test(test_parse_tsv_reports_first_bad_line),
	    cmocka_unit_test(test_parse_tsv_stops_when_callback_fails),
	    cmocka_unit_test_setup_teardown(test_set_replaces_entry, setup_spring, teardown),
	    cmocka_unit_test(test_set_keeps_days_sorted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
