/* test_csv.c — CSV that spreadsheets read as text: quoting, and cells that
 * would run as formulas (also after a separator inside the cell). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "guwen/csv.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Undo CSV quoting of one field, as a spreadsheet would read it. */
static char *csv_read(const char *s, char *out)
{
	char *o = out;

	if (*s != '"') {
		strcpy(out, s);
		return out;
	}
	for (s++; *s; s++) {
		if (*s == '"' && s[1] == '"')
			*o++ = *s++;
		else if (*s == '"')
			break;
		else
			*o++ = *s;
	}
	assert_string_equal(s, "\"");
	*o = '\0';
	return out;
}

static void test_csv_quotes_when_needed(void **state)
{
	static const struct {
		const char *in, *read;
		int quoted;
	} cases[] = {
	    {"plain", "plain", 0},
	    {"上海 顾问", "上海 顾问", 0},
	    {"", "", 0},
	    {"a=b", "a=b", 0},
	    {"1,234.50", "1,234.50", 1},
	    {"say \"hi\"", "say \"hi\"", 1},
	    {"\"", "\"", 1},
	    {"line1\nline2", "line1\nline2", 1},
	    {"cr\rhere", "cr\rhere", 1},
	};
	(void)state;

	for (size_t i = 0; i < N(cases); i++) {
		struct gw_buf b = {0};
		char out[64];

		gw_csv_cell(&b, cases[i].in);
		if (!b.p)
			gw_buf_puts(&b, "");
		assert_int_equal(b.p[0] == '"', cases[i].quoted);
		assert_string_equal(csv_read(b.p, out), cases[i].read);
		gw_buf_free(&b);
	}
}

static void test_csv_formula_injection_gets_apostrophe(void **state)
{
	static const char *const formulas[] = {"=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3",
					       "@SUM(A1)", "=1,2"};
	struct gw_buf b = {0};
	(void)state;

	for (size_t i = 0; i < N(formulas); i++) {
		char out[64], want[64];

		gw_buf_reset(&b);
		gw_csv_cell(&b, formulas[i]);
		snprintf(want, sizeof(want), "'%s", formulas[i]);
		assert_string_equal(csv_read(b.p, out), want);
	}
	/* A row: fields separated by the caller, NULL as empty. */
	gw_buf_reset(&b);
	gw_csv_cell(&b, "a");
	gw_buf_puts(&b, ",");
	gw_csv_cell(&b, NULL);
	gw_buf_puts(&b, ",");
	gw_csv_cell(&b, "b,c");
	assert_string_equal(b.p, "a,,\"b,c\"");
	gw_buf_free(&b);
}

static void test_csv_formula_after_a_separator_gets_apostrophe(void **state)
{
	static const char *const risky[] = {
	    "a;=cmd|' /C calc'!A0",
	    "x,=1+1",
	    "note\t@SUM(A1)",
	    "line\r\n-2+3",
	    "x; +1",
	    "\t=1",
	    "\rfoo",
	    "ok,@x",
	};
	static const char *const safe[] = {"a=b",  "1-2", "e-mail@example.test",    "a; b",
					   "x, y", "",	  "税号 91350100M000100Y0A"};
	struct gw_buf b = {0};
	(void)state;

	for (size_t i = 0; i < N(risky); i++) {
		char out[64], want[64];

		assert_true(gw_csv_risky(risky[i]));
		gw_buf_reset(&b);
		gw_csv_cell(&b, risky[i]);
		snprintf(want, sizeof(want), "'%s", risky[i]);
		assert_string_equal(csv_read(b.p, out), want);
	}
	for (size_t i = 0; i < N(safe); i++)
		assert_false(gw_csv_risky(safe[i]));
	gw_buf_free(&b);
}

static void test_csv_row_joins_and_ends_in_crlf(void **state)
{
	const char *cells[] = {"a", NULL, "b;c", "=x"};
	struct gw_buf b = {0};
	(void)state;

	gw_csv_row(&b, cells, 4);
	assert_string_equal(b.p, "a,,\"b;c\",\"'=x\"\r\n");
	gw_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_csv_quotes_when_needed),
	    cmocka_unit_test(test_csv_formula_injection_gets_apostrophe),
	    cmocka_unit_test(test_csv_formula_after_a_separator_gets_apostrophe),
	    cmocka_unit_test(test_csv_row_joins_and_ends_in_crlf),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
