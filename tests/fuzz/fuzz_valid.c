/* fuzz_valid.c — libFuzzer target for the field validators: every function of
 * lib/valid.c and gw_form_check (lib/form.c) for every field type. None may
 * crash, and what they accept must mean what it says (a date formats back to
 * itself, money and times survive a round trip, limits hold). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/form.h"
#include "guwen/valid.h"

static void dates(const char *s)
{
	int32_t days;
	int64_t t, t2;
	char buf[32];

	if (gw_valid_date(s, &days) == 0) {
		gw_date_format(days, buf);
		if (strcmp(buf, s) || gw_date_weekday(days) < 1 || gw_date_weekday(days) > 7)
			abort();
	}
	if (gw_time_parse(s, &t) == 0) {
		gw_time_format(t, buf);
		if (gw_time_parse(buf, &t2) != 0 || t2 != t)
			abort();
	}
}

static void numbers(const char *s)
{
	int64_t v, v2;
	char buf[64];

	if (gw_valid_money(s, &v) == 0) {
		if (v <= -1000000000000000LL || v >= 1000000000000000LL)
			abort();
		gw_money_format(v, buf);
		if (gw_valid_money(buf, &v2) != 0 || v2 != v)
			abort();
	}
	if (gw_valid_int(s, INT64_MIN, INT64_MAX, &v) == 0) {
		snprintf(buf, sizeof buf, "%lld", (long long)v);
		if (gw_valid_int(buf, INT64_MIN, INT64_MAX, &v2) != 0 || v2 != v)
			abort();
	}
	if (gw_valid_int(s, -5, 5, &v) == 0 && (v < -5 || v > 5))
		abort();
}

/* Any 8 bytes as the number argument of the formatters and calendar helpers. */
static void raw_numbers(const uint8_t *d, size_t n)
{
	int64_t x = 0;
	int y, m, dd;
	char buf[64];

	memcpy(&x, d, n < sizeof x ? n : sizeof x);
	gw_money_format(x, buf);
	gw_time_format(x, buf);
	if (strlen(buf) != 19 || strspn(buf, "0123456789-: ") != 19 || buf[4] != '-' ||
	    buf[10] != ' ' || buf[13] != ':')
		abort();
	gw_date_format((int32_t)x, buf);
	if (gw_date_weekday((int32_t)x) < 1 || gw_date_weekday((int32_t)x) > 7)
		abort();
	/* Days of years -999999..999999: ymd and back is the same day. */
	gw_date_to_ymd((int32_t)(x % 365000000), &y, &m, &dd);
	if (m < 1 || m > 12 || dd < 1 || dd > 31 ||
	    gw_date_from_ymd(y, m, dd) != (int32_t)(x % 365000000))
		abort();
}

/* Any text: a number taken is in its normal form (taken again unchanged) and
 * shows within a small buffer, never past it. */
static void phones(const char *s)
{
	char norm[GW_PHONE_MAX], again[GW_PHONE_MAX], shown[24];

	gw_phone_format(s, "ext.", shown, sizeof(shown));
	if (strlen(shown) >= sizeof(shown))
		abort();
	if (gw_phone_normalize(s, norm))
		return;
	if (strspn(norm, "0123456789-") != strlen(norm) || gw_phone_normalize(norm, again) ||
	    strcmp(norm, again))
		abort();
	gw_phone_format(norm, "转", shown, sizeof(shown));
}

static void validators(const char *s)
{
	phones(s);
	(void)gw_valid_utf8_chars(s);
	(void)gw_valid_uscc(s);
	(void)gw_valid_idcard(s);
	(void)gw_valid_phone(s);
	if (gw_valid_email(s) && (strlen(s) > 254 || !strchr(s, '@')))
		abort();
	dates(s);
	numbers(s);
}

static const char *const choices[] = {"a", "b", "中文", NULL};

static void form(const char *s)
{
	struct gw_arena a = {0};
	struct gw_fval out;

	for (int t = GW_F_TEXT; t <= GW_F_LOGIN; t++) {
		struct gw_fdef def = {"f",  (enum gw_ftype)t, t & 1, t % 3 ? 0 : 8, -7,
				      1000, choices};
		const char *err = gw_form_check(&def, s, &out, &a);

		if (!out.s || (err && t == GW_F_CHECKBOX))
			abort();
		if (!err && out.present && gw_valid_utf8_chars(out.s) > (def.maxlen ? 8u : 200u))
			abort();
		if (!err && out.present && t == GW_F_INT && (out.i < -7 || out.i > 1000))
			abort();
		if (!err && t == GW_F_CHOICE && out.present && strcmp(out.s, "a") &&
		    strcmp(out.s, "b") && strcmp(out.s, "中文"))
			abort();
	}
	/* An absent field: required or empty, never a crash. */
	for (int t = GW_F_TEXT; t <= GW_F_LOGIN; t++) {
		struct gw_fdef def = {"f", (enum gw_ftype)t, 1, 0, 0, 0, NULL};

		(void)gw_form_check(&def, NULL, &out, &a);
	}
	gw_arena_free(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1); /* exact size: ASan sees overreads */

	memcpy(s, data, size);
	s[size] = '\0';
	(void)gw_valid_utf8((const char *)data, size);
	raw_numbers(data, size);
	validators(s);
	/* The request parser only hands on valid UTF-8 without NUL bytes. */
	if (gw_valid_utf8(s, size))
		form(s);
	free(s);
	return 0;
}
