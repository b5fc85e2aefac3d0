/* valid.h — value validators: check digits, phone, email, dates, money (pure, no I/O). */
#ifndef GUWEN_VALID_H
#define GUWEN_VALID_H

#include <stddef.h>
#include <stdint.h>

/* True if s is a well-formed UTF-8 byte sequence of length n (no overlongs,
 * no surrogates, nothing above U+10FFFF, no NUL bytes). */
int gw_valid_utf8(const char *s, size_t n);

/* Number of Unicode characters in a valid UTF-8 string. */
size_t gw_valid_utf8_chars(const char *s);

/* 统一社会信用代码 per GB 32100-2015: 18 chars, alphabet 0-9 A-Z without I O Z S V,
 * check digit mod 31. Upper case only. Returns 1 if valid. */
int gw_valid_uscc(const char *s);

/* 公民身份号码 per GB 11643-1999: 18 chars, 17 digits + check (0-9 or X/x),
 * birth date must be a real date. Returns 1 if valid. */
int gw_valid_idcard(const char *s);

/* A phone number's normal form fits this (with its NUL). */
#define GW_PHONE_MAX 32

/* A phone number as people type it — full-width digits and signs, +86 / 0086
 * (or 86 before a mobile number), spaces, dashes, dots, brackets, and an
 * extension after 转, 分机, ext., x or # (or as a last group: 010-62345678-123)
 * — in its one stored form: mobile 13800138000, landline 010-62345678 or
 * 0571-8765432 (area code 3 digits for 01X/02X, else 4), 400-800-1234; an
 * extension of 1–6 digits as "-123" after it. 0, or -1 for anything else. */
int gw_phone_normalize(const char *s, char out[GW_PHONE_MAX]);
/* 1 when gw_phone_normalize takes s. */
int gw_valid_phone(const char *s);
/* A stored number for people: "138 0013 8000 转 123", "010-6234 5678",
 * "0755-234 5678", "400-800-1234" (ext_word is the language's "转" / "ext.").
 * Anything not in the normal form is shown as it is. */
void gw_phone_format(const char *norm, const char *ext_word, char *out, size_t outsz);

/* A pragmatic e-mail check: one @, non-empty local part of allowed chars, a domain
 * with at least one dot, labels of letters/digits/hyphen, total <= 254. */
int gw_valid_email(const char *s);

/* Parse YYYY-MM-DD into a day number (days since 1970-01-01); returns 0 on
 * success, -1 if malformed or not a real date. Years 1900..2999. */
int gw_valid_date(const char *s, int32_t *days);

/* Format a day number as YYYY-MM-DD into buf (at least 11 bytes). */
void gw_date_format(int32_t days, char *buf);

/* Day of week for a day number: 1 = Monday ... 7 = Sunday (ISO). */
int gw_date_weekday(int32_t days);

/* Day number from year, month (1-12), day (1-31); no range check. */
int32_t gw_date_from_ymd(int y, int m, int d);

/* Split a day number into year, month, day. */
void gw_date_to_ymd(int32_t days, int *y, int *m, int *d);

/* UTC date and time "YYYY-MM-DD HH:MM:SS" <-> seconds since the epoch.
 * parse returns 0, or -1 when malformed. format needs 20 bytes; times outside
 * years 0000..9999 are written as the nearest end of that range. */
int gw_time_parse(const char *s, int64_t *t);
void gw_time_format(int64_t t, char *buf);

/* Parse a money amount in yuan ("1234", "1,234.5", "1234.56", optional leading
 * '-' or '¥') into integer fen. At most 2 decimals; |value| < 10^15 fen.
 * Returns 0 on success, -1 on anything else. */
int gw_valid_money(const char *s, int64_t *fen);

/* Format fen as yuan with two decimals and thousands separators
 * ("1,234.50", "-0.05") into buf (at least 32 bytes). */
void gw_money_format(int64_t fen, char *buf);

/* Parse a decimal integer in [min, max] (optional sign, no spaces, no junk). */
int gw_valid_int(const char *s, int64_t min, int64_t max, int64_t *out);

#endif
