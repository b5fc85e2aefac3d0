/* test_complaint.c — complaint rules: deadlines across the National Day holiday,
 * the pause while waiting, escalation steps, tracking numbers and codes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "guwen/complaint.h"
#include "guwen/valid.h"

/* The 2026 autumn rows of etc/cn-holidays-2025-2026.tsv. */
static const char autumn[] = "2026-09-20\tworkday\t国庆节调休上班\n"
			     "2026-09-25\tholiday\t中秋节\n2026-09-26\tholiday\t中秋节\n"
			     "2026-09-27\tholiday\t中秋节\n2026-10-01\tholiday\t国庆节\n"
			     "2026-10-02\tholiday\t国庆节\n2026-10-03\tholiday\t国庆节\n"
			     "2026-10-04\tholiday\t国庆节\n2026-10-05\tholiday\t国庆节\n"
			     "2026-10-06\tholiday\t国庆节\n2026-10-07\tholiday\t国庆节\n"
			     "2026-10-10\tworkday\t国庆节调休上班\n";

static int add_day(void *ctx, int32_t day, enum gw_day_kind kind, const char *name, size_t n)
{
	(void)name, (void)n;
	return gw_workday_set(ctx, day, kind);
}

struct fixture {
	struct gw_workday_cal cal;
	struct gw_complaint_policy p;
};

static int setup(void **state)
{
	static struct fixture f;

	gw_workday_init(&f.cal);
	assert_int_equal(gw_workday_parse_tsv(autumn, add_day, &f.cal), 12);
	gw_complaint_policy_default(&f.p, 480);
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	gw_workday_free(&f->cal);
	return 0;
}

static int64_t utc(const char *s)
{
	int64_t t = 0;

	assert_int_equal(gw_time_parse(s, &t), 0);
	return t;
}

static void assert_time(int64_t t, const char *want)
{
	char buf[20];

	gw_time_format(t, buf);
	assert_string_equal(buf, want);
}

/* Registered 2026-09-30 10:00 in Shanghai (02:00 UTC), the day before the holiday. */
static void test_general_deadlines_skip_national_day(void **state)
{
	struct fixture *f = *state;
	int64_t from = utc("2026-09-30 02:00:00");

	/* 1 working day: Thu 10-08 is the first working day after the holiday */
	assert_time(gw_complaint_due(&f->p, &f->cal, GW_SEV_B, 0, from), "2026-10-08 15:59:59");
	/* 10 working days: 10-08, 09, 10 (make-up Saturday), 12..16, 19, 20 */
	assert_time(gw_complaint_due(&f->p, &f->cal, GW_SEV_B, 1, from), "2026-10-20 15:59:59");
	/* minor: 5 working days → Tue 10-13 */
	assert_time(gw_complaint_due(&f->p, &f->cal, GW_SEV_A, 1, from), "2026-10-13 15:59:59");
}

static void test_major_and_severe_run_on_the_clock(void **state)
{
	struct fixture *f = *state;
	int64_t from = utc("2026-09-30 02:00:00");

	assert_time(gw_complaint_due(&f->p, &f->cal, GW_SEV_C, 0, from), "2026-09-30 06:00:00");
	assert_time(gw_complaint_due(&f->p, &f->cal, GW_SEV_C, 1, from), "2026-10-02 02:00:00");
	assert_time(gw_complaint_due(&f->p, &f->cal, GW_SEV_D, 0, from), "2026-09-30 04:00:00");
	assert_time(gw_complaint_due(&f->p, &f->cal, GW_SEV_D, 1, from), "2026-10-03 02:00:00");
	assert_int_equal(gw_complaint_due(&f->p, &f->cal, GW_SEV_NONE, 1, from), 0);
}

/* Late evening local time is already the next local day. */
static void test_local_day_counts_not_utc_day(void **state)
{
	struct fixture *f = *state;

	/* 2026-10-09 17:00 UTC = Sat 10-10 01:00 local (a make-up working day):
	 * 1 working day after it is Mon 10-12 */
	assert_time(gw_complaint_due(&f->p, &f->cal, GW_SEV_B, 0, utc("2026-10-09 17:00:00")),
		    "2026-10-12 15:59:59");
}

static void test_waiting_moves_the_deadline(void **state)
{
	struct fixture *f = *state;
	int64_t due = utc("2026-10-20 15:59:59");

	/* waited Mon 10-12 10:00 → Wed 10-14 10:00 local: two working days */
	assert_time(gw_complaint_resume(&f->p, &f->cal, GW_SEV_B, due, utc("2026-10-12 02:00:00"),
					utc("2026-10-14 02:00:00")),
		    "2026-10-22 15:59:59");
	/* waited over the holiday only: no working day passed, nothing moves */
	assert_time(gw_complaint_resume(&f->p, &f->cal, GW_SEV_B, due, utc("2026-10-01 02:00:00"),
					utc("2026-10-06 02:00:00")),
		    "2026-10-20 15:59:59");
	/* on the clock: five hours waited, five hours later */
	assert_time(gw_complaint_resume(&f->p, &f->cal, GW_SEV_C, utc("2026-10-02 02:00:00"),
					utc("2026-10-01 00:00:00"), utc("2026-10-01 05:00:00")),
		    "2026-10-02 07:00:00");
}

static void test_escalation_steps(void **state)
{
	struct fixture *f = *state;
	int64_t due = utc("2026-10-20 15:59:59");

	assert_int_equal(gw_complaint_escalation(&f->p, due - 25 * 3600, due, 0, 0), GW_ESC_NONE);
	assert_int_equal(gw_complaint_escalation(&f->p, due - 23 * 3600, due, 0, 0), GW_ESC_WARN);
	assert_int_equal(gw_complaint_escalation(&f->p, due - 23 * 3600, due, 0, 1), GW_ESC_NONE);
	assert_int_equal(gw_complaint_escalation(&f->p, due + 1, due, 0, 1), GW_ESC_MANAGER);
	assert_int_equal(gw_complaint_escalation(&f->p, due + 3600, due, 1, 1), GW_ESC_NONE);
	assert_int_equal(gw_complaint_escalation(&f->p, due + 25 * 3600, due, 1, 1),
			 GW_ESC_DIRECTOR);
	/* long overdue and never escalated: straight to the director */
	assert_int_equal(gw_complaint_escalation(&f->p, due + 30 * 3600, due, 0, 0),
			 GW_ESC_DIRECTOR);
	assert_int_equal(gw_complaint_escalation(&f->p, due + 90 * 3600, due, 2, 1), GW_ESC_NONE);
}

/* a and b count working hours on the calendar past a deadline: a weekend after
 * the due time does not bring the director in. */
static void test_escalation_working_hours(void **state)
{
	struct fixture *f = *state;
	int64_t fri = utc("2026-10-16 15:59:59"), mon = utc("2026-10-19 15:59:59");
	int64_t mon_9 = utc("2026-10-19 01:00:00"), tue_9 = utc("2026-10-20 01:00:00");

	/* Saturday and Sunday are not counted: 9 working hours (and a second) late */
	assert_int_equal(gw_complaint_working_seconds(&f->p, &f->cal, GW_SEV_B, fri, mon_9),
			 9 * 3600 + 1);
	assert_int_equal(gw_complaint_working_seconds(&f->p, &f->cal, GW_SEV_C, fri, mon_9),
			 57 * 3600 + 1);
	assert_int_equal(gw_complaint_escalation(&f->p, mon_9, fri, 1, 1), GW_ESC_DIRECTOR);
	assert_int_equal(gw_complaint_escalation_cal(&f->p, &f->cal, GW_SEV_B, mon_9, fri, 1, 1),
			 GW_ESC_NONE);
	assert_int_equal(gw_complaint_escalation_cal(&f->p, &f->cal, GW_SEV_B, mon_9, fri, 0, 1),
			 GW_ESC_MANAGER);
	assert_int_equal(gw_complaint_escalation_cal(&f->p, &f->cal, GW_SEV_B, tue_9, fri, 1, 1),
			 GW_ESC_DIRECTOR);
	/* c keeps clock hours */
	assert_int_equal(gw_complaint_escalation_cal(&f->p, &f->cal, GW_SEV_C, mon_9, fri, 1, 1),
			 GW_ESC_DIRECTOR);
	/* the warning stays on the clock: Saturday 01:00 local is 71 hours before
	 * Monday night, Monday 09:00 local within 24 */
	assert_int_equal(gw_complaint_escalation_cal(&f->p, &f->cal, GW_SEV_B,
						     utc("2026-10-16 17:00:00"), mon, 0, 0),
			 GW_ESC_NONE);
	assert_int_equal(gw_complaint_escalation_cal(&f->p, &f->cal, GW_SEV_B, mon_9, mon, 0, 0),
			 GW_ESC_WARN);
	/* the National Day holiday is not working time either */
	assert_int_equal(gw_complaint_working_seconds(&f->p, &f->cal, GW_SEV_A,
						      utc("2026-09-30 16:00:00"),
						      utc("2026-10-07 16:00:00")),
			 0);
}

static void test_handling_rules(void **state)
{
	(void)state;
	assert_false(gw_complaint_needs_owner(GW_SEV_A));
	assert_true(gw_complaint_needs_owner(GW_SEV_B));
	assert_true(gw_complaint_alerts_director(GW_SEV_C));
	assert_false(gw_complaint_alerts_director(GW_SEV_B));
	assert_true(gw_complaint_owner_must_be_director(GW_SEV_D));
	assert_false(gw_complaint_owner_must_be_director(GW_SEV_C));
	assert_false(gw_complaint_close_needs_cause(GW_SEV_A));
	assert_true(gw_complaint_close_needs_cause(GW_SEV_D));
	assert_int_equal(gw_severity_from("c"), GW_SEV_C);
	assert_int_equal(gw_severity_from("e"), GW_SEV_NONE);
	assert_int_equal(gw_stage_from("followup"), GW_STAGE_FOLLOWUP);
	assert_int_equal(gw_stage_from("done"), -1);
	assert_string_equal(gw_stage_name(GW_STAGE_CLOSED), "closed");
}

static void test_tracking_numbers_and_codes(void **state)
{
	char t[24], c1[9], c2[9], m1[65], m2[65];
	struct gw_keyring kr;

	(void)state;
	gw_complaint_tracking_no(gw_date_from_ymd(2026, 11, 22), 42, t);
	assert_string_equal(t, "TS-20261122-0042");
	assert_true(gw_complaint_tracking_ok(t));
	assert_false(gw_complaint_tracking_ok("TS-2026112-0042"));
	assert_false(gw_complaint_tracking_ok("TS-20261122-00x2"));
	assert_false(gw_complaint_tracking_ok("' OR 1=1 --"));
	assert_int_equal(gw_complaint_code(c1), 0);
	assert_int_equal(gw_complaint_code(c2), 0);
	assert_int_equal(strlen(c1), 8);
	assert_string_not_equal(c1, c2);
	assert_null(strpbrk(c1, "01OIL"));
	memset(&kr, 0, sizeof(kr));
	assert_int_equal(gw_complaint_code_mac(&kr, t, c1, m1), -1);
	kr.has_index_key = 1;
	memset(kr.index_key, 7, sizeof(kr.index_key));
	assert_int_equal(gw_complaint_code_mac(&kr, t, "ab cd-ef gh", m1), 0);
	assert_int_equal(gw_complaint_code_mac(&kr, t, "ABCDEFGH", m2), 0);
	assert_string_equal(m1, m2);
	assert_int_equal(gw_complaint_code_mac(&kr, "TS-20261122-0043", "ABCDEFGH", m2), 0);
	assert_string_not_equal(m1, m2);
}

/* A busy day does not wrap: numbers widen past 9,999 and never meet smaller ones. */
static void test_tracking_numbers_widen(void **state)
{
	int32_t day = gw_date_from_ymd(2026, 11, 22);
	char a[24], b[24];

	(void)state;
	gw_complaint_tracking_no(day, 9999, a);
	assert_string_equal(a, "TS-20261122-9999");
	gw_complaint_tracking_no(day, 100000, a);
	assert_string_equal(a, "TS-20261122-100000");
	assert_true(gw_complaint_tracking_ok(a));
	gw_complaint_tracking_no(day, 1, b);
	assert_string_not_equal(a, b); /* n % 100000 made these equal */
	gw_complaint_tracking_no(day, 10000, a);
	gw_complaint_tracking_no(day, 1000, b);
	assert_string_equal(a, "TS-20261122-10000");
	assert_string_equal(b, "TS-20261122-1000");
	gw_complaint_tracking_no(day, 99999999, a);
	assert_string_equal(a, "TS-20261122-99999999");
	assert_true(gw_complaint_tracking_ok(a));
	assert_false(gw_complaint_tracking_ok("TS-20261122-123456789"));
	assert_false(gw_complaint_tracking_ok("TS-20261122-123"));
}

/* What people type is the same number: case, dashes, full width, spaces. */
static void test_tracking_typed_forms(void **state)
{
	static const char *const same[] = {
	    "TS-20261122-0042",
	    "ts-20261122-0042",
	    "TS202611220042",
	    "202611220042",
	    " ts 20261122 0042 ",
	    "ＴＳ－２０２６１１２２－００４２",
	    "ｔｓ２０２６１１２２００４２",
	    "TS\xe2\x80\x94"
	    "20261122\xe2\x80\x93"
	    "0042",
	    "TS\xe3\x80\x80"
	    "20261122\xe3\x80\x80"
	    "0042",
	};
	static const char *const bad[] = {
	    "",
	    "TS-2026112-0042",
	    "TS-20261122-00x2",
	    "' OR 1=1 --",
	    "TS-20261122-123",
	    "TS-20261122-ABCD",
	    "TS-20261122-123456789",
	    "\xef\xbc",
	    "我的投诉",
	};
	char out[24], decoy[24];

	(void)state;
	for (size_t i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
		assert_int_equal(gw_complaint_tracking_normalize(same[i], out), 0);
		assert_string_equal(out, "TS-20261122-0042");
	}
	assert_int_equal(gw_complaint_tracking_normalize("ts-20261122-100000", out), 0);
	assert_string_equal(out, "TS-20261122-100000");
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(gw_complaint_tracking_normalize(bad[i], out), -1);
	assert_int_equal(gw_complaint_decoy_no(gw_date_from_ymd(2026, 11, 22), decoy), 0);
	assert_int_equal(strncmp(decoy, "TS-20261122-", 12), 0);
	assert_false(gw_complaint_tracking_ok(decoy));
	assert_int_equal(gw_complaint_tracking_normalize(decoy, out), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_general_deadlines_skip_national_day, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_major_and_severe_run_on_the_clock, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_local_day_counts_not_utc_day, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_waiting_moves_the_deadline, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_escalation_steps, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_escalation_working_hours, setup, teardown),
	    cmocka_unit_test(test_handling_rules),
	    cmocka_unit_test(test_tracking_numbers_and_codes),
	    cmocka_unit_test(test_tracking_numbers_widen),
	    cmocka_unit_test(test_tracking_typed_forms),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
