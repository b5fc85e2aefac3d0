/* test_valid.c — table tests for the validators in lib/valid.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "guwen/valid.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

struct vector {
	const char *value;
	int valid;
};

/* From check-digit-vectors.tsv (GB 32100-2015, GB 11643-1999), then our own. */
static const struct vector uscc_vectors[] = {
    {"91350100M000100Y43", 1},
    {"91110000600037341L", 1},
    {"91440300708461136T", 1},
    {"91350100M000100Y44", 0},
    {"91310000MA1FL4CT3X", 0},
    {"91350100M000100I43", 0},
    {"9135010M000100Y43", 0},
    /* Own: check value 0 (sum % 31 == 0), letter checks, case, alphabet, length. */
    {"91110108MA01000010", 1},
    {"91110108MA0100020Y", 1},
    {"91110108MA0100014A", 1},
    {"91350100m000100y43", 0},
    {"91350100M000100O43", 0},
    {"91350100M000100Z43", 0},
    {"91350100M000100S43", 0},
    {"91350100M000100V43", 0},
    {"91350100M000100Y4-", 0},
    {"91350100M000100Y4 ", 0},
    {"91350100M000100Y431", 0},
    {"", 0},
};

static const struct vector id_vectors[] = {
    {"11010519491231002X", 1},
    {"11010519491231002x", 1},
    {"440524188001010014", 1},
    {"11010519491231002Y", 0},
    {"110105194912310021", 0},
    {"1101051949123100", 0},
    /* Own: the check digit is right but the birth date is not a real day. */
    {"110105194902310026", 0},
    {"110105194913010029", 0},
    {"11010519490001002X", 0},
    {"110105202302291236", 0},
    {"110105190002291239", 0},
    /* Leap days that exist. */
    {"110105200002291235", 1},
    {"110105202402291233", 1},
    /* Shape. */
    {"11010519491231002XX", 0},
    {"1101051949123100X2", 0},
    {"11010519491231 02X", 0},
    {"", 0},
};

static void test_uscc_check_digit_vectors(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N(uscc_vectors); i++) {
		if (gw_valid_uscc(uscc_vectors[i].value) != uscc_vectors[i].valid)
			fail_msg("uscc %s: expected %d", uscc_vectors[i].value,
				 uscc_vectors[i].valid);
	}
}

static void test_idcard_check_digit_and_birth_date(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N(id_vectors); i++) {
		if (gw_valid_idcard(id_vectors[i].value) != id_vectors[i].valid)
			fail_msg("id %s: expected %d", id_vectors[i].value, id_vectors[i].valid);
	}
}

static void test_phone_mobile_and_landline_forms(void **state)
{
	static const struct vector t[] = {
	    {"13800138000", 1},
	    {"19912345678", 1},
	    {"138 0013 8000", 1},
	    {"138-0013-8000", 1},
	    {"+8613800138000", 1},
	    {"+86 138 0013 8000", 1},
	    {"+86-13800138000", 1},
	    {"010-62345678", 1},
	    {"010 6234 5678", 1},
	    {"0571-87654321", 1},
	    {"0755-2345678", 1},
	    {"010-62345678-123", 1},
	    {"01062345678", 1},
	    {"", 0},
	    {"+86", 0},
	    {"12345678901", 0},
	    {"1380013800", 0},
	    {"138001380000", 0},
	    {"138--0013-8000", 1},
	    {" 13800138000", 1},
	    {"13800138000 ", 1},
	    {"13800138000\n", 0},
	    {"-13800138000", 1},
	    {"138001380a0", 0},
	    {"+85 13800138000", 0},
	    {"+86 +86 13800138000", 0},
	    {"010-623456", 0},
	    {"010-623456789", 0},
	    {"10-62345678", 0},
	    {"01-62345678", 0},
	    {"01234-6234567", 0},
	    {"010-02345678", 0},
	    {"010-12345678", 0},
	    {"010-62345678-1234567", 0},
	    {"010-62345678-12-34", 0},
	};
	size_t i;

	(void)state;
	for (i = 0; i < N(t); i++) {
		if (gw_valid_phone(t[i].value) != t[i].valid)
			fail_msg("phone \"%s\": expected %d", t[i].value, t[i].valid);
	}
}

/* People type numbers every way: each is stored in one form. */
static void test_phone_normal_form(void **state)
{
	static const struct {
		const char *typed, *stored;
	} t[] = {
	    {"13800138000", "13800138000"},
	    {"１３８００１３８０００", "13800138000"},
	    {"１３８　００１３　８０００", "13800138000"},
	    {"+86 138 0013 8000", "13800138000"},
	    {"＋８６－１３８００１３８０００", "13800138000"},
	    {"0086 13800138000", "13800138000"},
	    {"8613800138000", "13800138000"},
	    {"(+86) 138-0013-8000", "13800138000"},
	    {"138.0013.8000", "13800138000"},
	    {"138 0013 8000 转 123", "13800138000-123"},
	    {"13800138000转123", "13800138000-123"},
	    {"138 0013 8000 ext. 123", "13800138000-123"},
	    {"138 0013 8000 EXT 123", "13800138000-123"},
	    {"13800138000x9", "13800138000-9"},
	    {"13800138000-123", "13800138000-123"},
	    {"010-62345678", "010-62345678"},
	    {"(010) 6234 5678", "010-62345678"},
	    {"（０１０）６２３４５６７８", "010-62345678"},
	    {"01062345678", "010-62345678"},
	    {"+86 10 6234 5678", "010-62345678"},
	    {"0086-571-87654321", "0571-87654321"},
	    {"0571 8765 4321 分机 8001", "0571-87654321-8001"},
	    {"010-62345678-123", "010-62345678-123"},
	    {"010-62345678 # 123", "010-62345678-123"},
	    {"0755-2345678", "0755-2345678"},
	    {"0755 234 5678", "0755-2345678"},
	    {"0601-2345678-9", "0601-2345678-9"},
	    {"+86 )06(01 234-5678 ext. 9", "0601-2345678-9"},
	    {"400 800 1234", "400-800-1234"},
	    {"400-800-1234 转 5", "400-800-1234-5"},
	    {"+86 400 800 1234", "400-800-1234"},
	};
	static const char *const bad[] = {
	    "",
	    "+86",
	    "转 123",
	    "13800138000 转",
	    "13800138000 转 1234567",
	    "13800138000 转 12 转 3",
	    "+85 13800138000",
	    "+86 +86 13800138000",
	    "12345678901",
	    "1380013800",
	    "138001380000",
	    "138001380a0",
	    "010-02345678",
	    "010-12345678",
	    "010-623456",
	    "13800138000-12-34",
	    "电话13800138000",
	    "13800138000\n",
	    "１３８００１３８００",
	    "++8613800138000",
	    "+8600864644 0000-1", /* fuzz: 00 after +86 is no area code */
	    "0086-46440000",
	};
	char out[GW_PHONE_MAX];

	(void)state;
	for (size_t i = 0; i < N(t); i++) {
		if (gw_phone_normalize(t[i].typed, out))
			fail_msg("phone \"%s\" refused", t[i].typed);
		if (strcmp(out, t[i].stored))
			fail_msg("phone \"%s\": stored \"%s\", expected \"%s\"", t[i].typed, out,
				 t[i].stored);
		if (gw_phone_normalize(out, out) || strcmp(out, t[i].stored))
			fail_msg("phone \"%s\": its normal form is not kept", t[i].stored);
	}
	for (size_t i = 0; i < N(bad); i++)
		if (!gw_phone_normalize(bad[i], out))
			fail_msg("phone \"%s\" taken as \"%s\"", bad[i], out);
}

/* Stored numbers are shown grouped, the extension with the language's word. */
static void test_phone_format(void **state)
{
	static const struct {
		const char *stored, *ext, *shown;
	} t[] = {
	    {"13800138000", "转", "138 0013 8000"},
	    {"13800138000-123", "转", "138 0013 8000 转 123"},
	    {"13800138000-123", "ext.", "138 0013 8000 ext. 123"},
	    {"010-62345678", "转", "010-6234 5678"},
	    {"0755-2345678", "转", "0755-234 5678"},
	    {"0571-87654321-8001", "ext.", "0571-8765 4321 ext. 8001"},
	    {"400-800-1234", "转", "400-800-1234"},
	    {"400-800-1234-5", "转", "400-800-1234 转 5"},
	    {"call me", "转", "call me"},
	};
	char out[64];

	(void)state;
	for (size_t i = 0; i < N(t); i++) {
		gw_phone_format(t[i].stored, t[i].ext, out, sizeof(out));
		if (strcmp(out, t[i].shown))
			fail_msg("phone \"%s\" shown \"%s\", expected \"%s\"", t[i].stored, out,
				 t[i].shown);
	}
}

static void test_email_good_and_bad(void **state)
{
	static const struct vector t[] = {
	    {"a@b.cn", 1},
	    {"zhang.san@example.com", 1},
	    {"user+tag@mail.example.com.cn", 1},
	    {"x_y-z@sub-domain.example.org", 1},
	    {"o'brien@example.ie", 1},
	    {"123456@163.com", 1},
	    {"", 0},
	    {"plain", 0},
	    {"@example.com", 0},
	    {"a@", 0},
	    {"a@b", 0},
	    {"a@@b.cn", 0},
	    {"a@b@c.cn", 0},
	    {"a..b@example.com", 0},
	    {".a@example.com", 0},
	    {"a.@example.com", 0},
	    {"a@-example.com", 0},
	    {"a@example-.com", 0},
	    {"a@example..com", 0},
	    {"a@.example.com", 0},
	    {"a@example.com.", 0},
	    {"a b@example.com", 0},
	    {"a@exa mple.com", 0},
	    {"a@exa_mple.com", 0},
	    {"\xE5\xBC\xA0\xE4\xB8\x89@example.com", 0},
	    {"a@\xE4\xBE\x8B\xE5\xAD\x90.cn", 0},
	};
	size_t i;

	(void)state;
	for (i = 0; i < N(t); i++) {
		if (gw_valid_email(t[i].value) != t[i].valid)
			fail_msg("email \"%s\": expected %d", t[i].value, t[i].valid);
	}
}

/* local@l1.l2.l3 with the given part lengths, all 'a'. */
static void make_email(char *buf, int local, int l1, int l2, int l3)
{
	int n = 0;

	memset(buf + n, 'a', (size_t)local);
	n += local;
	buf[n++] = '@';
	memset(buf + n, 'a', (size_t)l1);
	n += l1;
	buf[n++] = '.';
	memset(buf + n, 'a', (size_t)l2);
	n += l2;
	buf[n++] = '.';
	memset(buf + n, 'a', (size_t)l3);
	n += l3;
	buf[n] = '\0';
}

static void test_email_length_limits(void **state)
{
	char buf[300];

	(void)state;
	make_email(buf, 64, 63, 63, 61);
	assert_int_equal(strlen(buf), 254);
	assert_true(gw_valid_email(buf));
	make_email(buf, 64, 63, 63, 62);
	assert_false(gw_valid_email(buf)); /* 255 in all */
	make_email(buf, 65, 10, 10, 10);
	assert_false(gw_valid_email(buf)); /* local part over 64 */
	make_email(buf, 10, 64, 10, 10);
	assert_false(gw_valid_email(buf)); /* label over 63 */
}

static void test_date_known_day_numbers_and_weekdays(void **state)
{
	static const struct {
		const char *s;
		int32_t days;
		int weekday;
	} t[] = {
	    {"1970-01-01", 0, 4},      {"1969-12-31", -1, 3},	 {"1900-01-01", -25567, 1},
	    {"2000-03-01", 11017, 3},  {"2024-02-29", 19782, 4}, {"2026-11-22", 20779, 7},
	    {"2999-12-31", 376199, 2},
	};
	int32_t days;
	char buf[11];
	size_t i;

	(void)state;
	for (i = 0; i < N(t); i++) {
		assert_int_equal(gw_valid_date(t[i].s, &days), 0);
		assert_int_equal(days, t[i].days);
		assert_int_equal(gw_date_weekday(days), t[i].weekday);
		gw_date_format(days, buf);
		assert_string_equal(buf, t[i].s);
	}
}

static void test_date_rejects_days_that_do_not_exist(void **state)
{
	static const char *const bad[] = {
	    "2025-02-29",  "1900-02-29", "2100-02-29", "2024-02-30",	 "2024-04-31", "2024-13-01",
	    "2024-00-10",  "2024-01-00", "1899-12-31", "3000-01-01",	 "2024-2-29",  "2024/02/29",
	    "2024-02-29x", "2024-02-2",	 "",	       "２０２４-02-29", "+024-02-29", "2024-02--9",
	};
	int32_t days = 12345;
	size_t i;

	(void)state;
	for (i = 0; i < N(bad); i++) {
		if (gw_valid_date(bad[i], &days) != -1)
			fail_msg("date \"%s\" accepted", bad[i]);
	}
	assert_int_equal(days, 12345); /* untouched on failure */
}

/* Every day 1900..2999 formats, parses back to itself, and weekdays cycle. */
static void test_date_round_trip_every_day(void **state)
{
	int32_t first = gw_date_from_ymd(1900, 1, 1), last = gw_date_from_ymd(2999, 12, 31);
	int32_t day, back;
	int y, m, d;
	char buf[11];

	(void)state;
	for (day = first; day <= last; day++) {
		gw_date_format(day, buf);
		assert_int_equal(gw_valid_date(buf, &back), 0);
		assert_int_equal(back, day);
		gw_date_to_ymd(day, &y, &m, &d);
		assert_int_equal(gw_date_from_ymd(y, m, d), day);
		assert_int_equal(gw_date_weekday(day), (gw_date_weekday(day - 1) % 7) + 1);
	}
}

static void test_date_leap_years(void **state)
{
	int32_t a, b;

	(void)state;
	assert_int_equal(gw_valid_date("2024-02-29", &a), 0);
	assert_int_equal(gw_valid_date("2024-03-01", &b), 0);
	assert_int_equal(b - a, 1);
	assert_int_equal(gw_valid_date("2025-02-29", &a), -1);
	assert_int_equal(gw_valid_date("2000-02-29", &a), 0);
	assert_int_equal(gw_date_from_ymd(2025, 1, 1) - gw_date_from_ymd(2024, 1, 1), 366);
	assert_int_equal(gw_date_from_ymd(2026, 1, 1) - gw_date_from_ymd(2025, 1, 1), 365);
}

static void test_money_parses_yuan_into_fen(void **state)
{
	static const struct {
		const char *s;
		int64_t fen;
	} t[] = {
	    {"1,234.56", 123456},
	    {"0.5", 50},
	    {"-3", -300},
	    {"1234", 123400},
	    {"1,234.5", 123450},
	    {"1234.56", 123456},
	    {"0", 0},
	    {"-0.05", -5},
	    {"1,000,000", 100000000},
	    {"\xC2\xA5"
	     "12.30",
	     1230},
	    {"-\xC2\xA5"
	     "12.30",
	     -1230},
	    {"9,999,999,999,999.99", 999999999999999LL},
	    {"-9999999999999.99", -999999999999999LL},
	};
	int64_t fen;
	size_t i;

	(void)state;
	for (i = 0; i < N(t); i++) {
		fen = -1;
		if (gw_valid_money(t[i].s, &fen) != 0)
			fail_msg("money \"%s\" rejected", t[i].s);
		assert_int_equal(fen, t[i].fen);
	}
}

static void test_money_rejects_malformed_and_overflow(void **state)
{
	static const char *const bad[] = {
	    "1.234",
	    "abc",
	    "",
	    "-",
	    "\xC2\xA5",
	    "1,23",
	    "12,34.5",
	    "1234,567",
	    ",123",
	    "1,",
	    "1.",
	    ".5",
	    " 12",
	    "12 ",
	    "+5",
	    "--5",
	    "1e3",
	    "1.2.3",
	    ("\xC2\xA5\xC2\xA5"
	     "1"),
	    "1,2345",
	    "1,234,56",
	    "10000000000000",
	    "-10000000000000",
	    "99999999999999999999999",
	    "1.5-",
	    ("\xEF\xBF\xA5"
	     "1"),
	    "18446744073709551716", /* 2^64 + 100: would wrap to 100 */
	};
	int64_t fen = 777;
	size_t i;

	(void)state;
	for (i = 0; i < N(bad); i++) {
		if (gw_valid_money(bad[i], &fen) != -1)
			fail_msg("money \"%s\" accepted", bad[i]);
	}
	assert_int_equal(fen, 777);
}

static void test_money_format_two_decimals_and_separators(void **state)
{
	static const struct {
		int64_t fen;
		const char *s;
	} t[] = {
	    {0, "0.00"},
	    {5, "0.05"},
	    {-5, "-0.05"},
	    {123450, "1,234.50"},
	    {99999, "999.99"},
	    {100000, "1,000.00"},
	    {-100000000, "-1,000,000.00"},
	    {INT64_MAX, "92,233,720,368,547,758.07"},
	    {INT64_MIN, "-92,233,720,368,547,758.08"},
	};
	char buf[32];
	size_t i;

	(void)state;
	for (i = 0; i < N(t); i++) {
		gw_money_format(t[i].fen, buf);
		assert_string_equal(buf, t[i].s);
	}
}

static void test_money_format_parses_back(void **state)
{
	int64_t v, back;
	char buf[32];

	(void)state;
	for (v = -999999999999999LL; v <= 999999999999999LL; v += 7777777777777LL) {
		gw_money_format(v, buf);
		assert_int_equal(gw_valid_money(buf, &back), 0);
		assert_int_equal(back, v);
	}
}

static void test_int_range_and_junk(void **state)
{
	int64_t v = 99;

	(void)state;
	assert_int_equal(gw_valid_int("42", 0, 100, &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(gw_valid_int("-42", -100, 100, &v), 0);
	assert_int_equal(v, -42);
	assert_int_equal(gw_valid_int("+7", 0, 10, &v), 0);
	assert_int_equal(v, 7);
	assert_int_equal(gw_valid_int("100", 0, 100, &v), 0);
	assert_int_equal(gw_valid_int("0", 0, 100, &v), 0);
	assert_int_equal(gw_valid_int("9223372036854775807", INT64_MIN, INT64_MAX, &v), 0);
	assert_true(v == INT64_MAX);
	assert_int_equal(gw_valid_int("-9223372036854775808", INT64_MIN, INT64_MAX, &v), 0);
	assert_true(v == INT64_MIN);
	v = 99;
	assert_int_equal(gw_valid_int("101", 0, 100, &v), -1);
	assert_int_equal(gw_valid_int("-1", 0, 100, &v), -1);
	assert_int_equal(gw_valid_int("9223372036854775808", INT64_MIN, INT64_MAX, &v), -1);
	assert_int_equal(gw_valid_int("-9223372036854775809", INT64_MIN, INT64_MAX, &v), -1);
	assert_int_equal(gw_valid_int("99999999999999999999", INT64_MIN, INT64_MAX, &v), -1);
	assert_int_equal(gw_valid_int("", 0, 100, &v), -1);
	assert_int_equal(gw_valid_int("-", 0, 100, &v), -1);
	assert_int_equal(gw_valid_int("12a", 0, 100, &v), -1);
	assert_int_equal(gw_valid_int(" 1", 0, 100, &v), -1);
	assert_int_equal(gw_valid_int("1 ", 0, 100, &v), -1);
	assert_int_equal(gw_valid_int("0x10", 0, 100, &v), -1);
	assert_int_equal(gw_valid_int("--1", -100, 100, &v), -1);
	assert_int_equal(v, 99);
}

static void test_utf8_accepts_well_formed_text(void **state)
{
	static const char *const good[] = {
	    "\xE9\xA1\xBE\xE9\x97\xAE\xE4\xB8\xAD\xE5\xBF\x83", /* 顾问中心 */
	    "plain ascii",
	    "\xF0\x9F\x98\x80", /* U+1F600 */
	    "\xF4\x8F\xBF\xBF", /* U+10FFFF */
	    "\xED\x9F\xBF",	/* U+D7FF */
	    "\xEE\x80\x80",	/* U+E000 */
	    "\xEF\xBF\xBF",	/* U+FFFF */
	    "\xC2\x80",		/* U+0080 */
	    "\xE0\xA0\x80",	/* U+0800 */
	    "\xF0\x90\x80\x80", /* U+10000 */
	};
	size_t i;

	(void)state;
	for (i = 0; i < N(good); i++) {
		if (!gw_valid_utf8(good[i], strlen(good[i])))
			fail_msg("utf8 good[%zu] rejected", i);
	}
	assert_true(gw_valid_utf8("", 0));
}

static void test_utf8_rejects_overlong_surrogate_truncated(void **state)
{
	static const char *const bad[] = {
	    "\xC0\xAF",		/* overlong '/' */
	    "\xC1\xBF",		/* overlong */
	    "\xE0\x80\xAF",	/* overlong 3-byte */
	    "\xF0\x80\x80\xAF", /* overlong 4-byte */
	    "\xED\xA0\x80",	/* U+D800 surrogate */
	    "\xED\xBF\xBF",	/* U+DFFF surrogate */
	    "\xF4\x90\x80\x80", /* U+110000 */
	    "\xF5\x80\x80\x80", /* beyond Unicode */
	    "\xFF",		/* never valid */
	    "\x80",		/* lone continuation */
	    "\xE9\xA1",		/* truncated 顾 */
	    ("\xE9\xA1"
	     "a"),		/* interrupted */
	    "ok\xF0\x9F\x98",	/* truncated at the end */
	    "\xE9\xA1\xBE\xBE", /* extra continuation */
	};
	size_t i;

	(void)state;
	for (i = 0; i < N(bad); i++) {
		if (gw_valid_utf8(bad[i], strlen(bad[i])))
			fail_msg("utf8 bad[%zu] accepted", i);
	}
	assert_false(gw_valid_utf8("ab\0cd", 5));
	assert_true(gw_valid_utf8("ab\0cd", 2));
	/* A length that stops inside a sequence is truncation too. */
	assert_false(gw_valid_utf8("\xE9\xA1\xBE", 2));
}

/* Any int64 gives a well-formed time (found by tests/fuzz/fuzz_valid: near
 * INT64_MIN the floor division overflowed, and days past int32 wrapped). */
static void test_time_format_any_int64(void **state)
{
	static const int64_t t[] = {INT64_MIN, INT64_MIN + 86399, -62167219201LL,
				    (int64_t)INT32_MAX * 86400 + 5, INT64_MAX};
	static const char *const want[] = {"0000-01-01 00:00:00", "0000-01-01 00:00:00",
					   "0000-01-01 00:00:00", "9999-12-31 23:59:59",
					   "9999-12-31 23:59:59"};
	char buf[20];

	(void)state;
	for (size_t i = 0; i < N(t); i++) {
		gw_time_format(t[i], buf);
		assert_string_equal(buf, want[i]);
	}
	gw_time_format(-1, buf);
	assert_string_equal(buf, "1969-12-31 23:59:59");
	gw_time_format(253402300799LL, buf);
	assert_string_equal(buf, "9999-12-31 23:59:59");
}

static void test_utf8_counts_characters(void **state)
{
	(void)state;
	assert_int_equal(gw_valid_utf8_chars(""), 0);
	assert_int_equal(gw_valid_utf8_chars("abc"), 3);
	assert_int_equal(gw_valid_utf8_chars("\xE9\xA1\xBE\xE9\x97\xAE"), 2);
	assert_int_equal(gw_valid_utf8_chars("a\xE9\xA1\xBE"
					     "b"),
			 3);
	assert_int_equal(gw_valid_utf8_chars("\xF0\x9F\x98\x80"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_uscc_check_digit_vectors),
	    cmocka_unit_test(test_idcard_check_digit_and_birth_date),
	    cmocka_unit_test(test_phone_mobile_and_landline_forms),
	    cmocka_unit_test(test_phone_normal_form),
	    cmocka_unit_test(test_phone_format),
	    cmocka_unit_test(test_email_good_and_bad),
	    cmocka_unit_test(test_email_length_limits),
	    cmocka_unit_test(test_date_known_day_numbers_and_weekdays),
	    cmocka_unit_test(test_date_rejects_days_that_do_not_exist),
	    cmocka_unit_test(test_date_round_trip_every_day),
	    cmocka_unit_test(test_date_leap_years),
	    cmocka_unit_test(test_money_parses_yuan_into_fen),
	    cmocka_unit_test(test_money_rejects_malformed_and_overflow),
	    cmocka_unit_test(test_money_format_two_decimals_and_separators),
	    cmocka_unit_test(test_money_format_parses_back),
	    cmocka_unit_test(test_int_range_and_junk),
	    cmocka_unit_test(test_utf8_accepts_well_formed_text),
	    cmocka_unit_test(test_utf8_rejects_overlong_surrogate_truncated),
	    cmocka_unit_test(test_utf8_counts_characters),
	    cmocka_unit_test(test_time_format_any_int64),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
