/* valid.c — value validators: UTF-8, check digits, phone, e-mail, dates, money, integers. */
#include "guwen/valid.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define MONEY_LIMIT 1000000000000000LL /* 10^15 fen */

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Length of the UTF-8 sequence at p (at most n bytes), or 0 if it is not well formed.
 * Second-byte ranges follow Unicode Table 3-7, which rules out overlongs and surrogates. */
static size_t utf8_seq(const unsigned char *p, size_t n)
{
	unsigned char lo = 0x80, hi = 0xBF;
	size_t len, i;

	if (p[0] >= 0x01 && p[0] <= 0x7F)
		return 1;
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		len = 2;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		len = 3;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		len = 4;
	else
		return 0;
	if (p[0] == 0xE0)
		lo = 0xA0;
	else if (p[0] == 0xED)
		hi = 0x9F;
	else if (p[0] == 0xF0)
		lo = 0x90;
	else if (p[0] == 0xF4)
		hi = 0x8F;
	if (n < len || p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if (p[i] < 0x80 || p[i] > 0xBF)
			return 0;
	return len;
}

int gw_valid_utf8(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len;

	while (n > 0) {
		len = utf8_seq(p, n);
		if (len == 0)
			return 0;
		p += len;
		n -= len;
	}
	return 1;
}

size_t gw_valid_utf8_chars(const char *s)
{
	size_t count = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			count++;
	return count;
}

int gw_valid_uscc(const char *s)
{
	static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	static const int weights[17] = {1,  3,	9,  27, 19, 26, 16, 17, 20,
					29, 25, 13, 8,	24, 10, 30, 28};
	const char *pos;
	int i, sum = 0;

	if (strlen(s) != 18)
		return 0;
	for (i = 0; i < 17; i++) {
		pos = strchr(alphabet, s[i]);
		if (!pos)
			return 0;
		sum += (int)(pos - alphabet) * weights[i];
	}
	return s[17] == alphabet[(31 - sum % 31) % 31];
}

static int days_in_month(int y, int m)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : mdays[m - 1];
}

/* Value of n decimal digits at s, or -1 if any is not a digit. */
static int digits(const char *s, int n)
{
	int v = 0;

	for (; n > 0; n--, s++) {
		if (!is_digit(*s))
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

static int real_date(int y, int m, int d)
{
	return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

int gw_valid_idcard(const char *s)
{
	static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	static const char checks[] = "10X98765432";
	int i, sum = 0;
	char last;

	if (strlen(s) != 18)
		return 0;
	for (i = 0; i < 17; i++) {
		if (!is_digit(s[i]))
			return 0;
		sum += (s[i] - '0') * weights[i];
	}
	if (!real_date(digits(s + 6, 4), digits(s + 10, 2), digits(s + 12, 2)))
		return 0;
	last = s[17] == 'x' ? 'X' : s[17];
	return last == checks[sum % 11];
}

/* ---- phone numbers -------------------------------------------------------------- */

/* Words and signs people type in phone numbers, as one ASCII character each: a
 * digit, '+', 'x' (an extension follows) or ' ' (a separator). */
static const struct {
	const char *typed;
	char c;
} phone_words[] = {
    {"\xE5\x88\x86\xE6\x9C\xBA", 'x'}, /* 分机 */
    {"\xE8\xBD\xAC", 'x'},	       /* 转 */
    {"\xEF\xBC\x83", 'x'},	       /* ＃ */
    {"ext.", 'x'},
    {"ext", 'x'},
    {"\xEF\xBC\x8B", '+'}, /* ＋ */
    {"\xEF\xBC\x8D", ' '}, /* － */
    {"\xE3\x80\x80", ' '}, /* ideographic space */
    {"\xEF\xBC\x88", ' '},
    {"\xEF\xBC\x89", ' '}, /* （ ） */
    {"\xE2\x80\x90", ' '},
    {"\xE2\x80\x93", ' '},
    {"\xE2\x80\x94", ' '}, /* ‐ – — */
};

/* The character at s as above (its bytes into *len), or 0 for anything else. */
static char phone_char(const char *s, int *len)
{
	const unsigned char *u = (const unsigned char *)s;

	*len = 3;
	if (u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99) /* ０-９ */
		return (char)('0' + (u[2] - 0x90));
	for (size_t i = 0; i < sizeof(phone_words) / sizeof(phone_words[0]); i++) {
		size_t n = strlen(phone_words[i].typed);

		if (!strncasecmp(s, phone_words[i].typed, n))
			return *len = (int)n, phone_words[i].c;
	}
	*len = 1;
	if (is_digit(*s) || *s == '+')
		return *s;
	if (*s == 'x' || *s == 'X' || *s == '#')
		return 'x';
	return *s && strchr(" -.()/", *s) ? ' ' : 0;
}

/* A typed number in parts: its digits, where its last group began, the
 * extension after a marker, whether it began with '+'. */
struct phone_parts {
	char main[20], ext[8];
	int nm, ne, last_group, plus;
};

static int phone_digit(struct phone_parts *p, int in_ext, char c, int new_group)
{
	if (in_ext)
		return p->ne < 6 ? (p->ext[p->ne++] = c, 0) : -1;
	if (p->nm == (int)sizeof(p->main) - 1)
		return -1;
	if (new_group)
		p->last_group = p->nm;
	p->main[p->nm++] = c;
	return 0;
}

static int phone_split(const char *s, struct phone_parts *p)
{
	int len, in_ext = 0, sep = 0;

	memset(p, 0, sizeof(*p));
	for (; *s; s += len) {
		char c = phone_char(s, &len);

		if (!c || (c == '+' && (p->nm || p->plus)) || (c == 'x' && (in_ext || !p->nm)))
			return -1;
		if (c == '+' || c == 'x') {
			p->plus |= c == '+';
			in_ext |= c == 'x';
		} else if (c != ' ' && phone_digit(p, in_ext, c, sep))
			return -1;
		sep = c == ' ';
	}
	return p->nm && (!in_ext || p->ne) ? 0 : -1;
}

/* The national number d (no country code) in its normal form into out:
 * 13800138000, 010-62345678, 0571-8765432, 400-800-1234. 0 or -1. */
static int phone_national(const char *d, char *out, size_t outsz)
{
	size_t n = strlen(d), area;

	if (n == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9')
		return snprintf(out, outsz, "%s", d), 0;
	if (n == 10 && (!strncmp(d, "400", 3) || !strncmp(d, "800", 3)))
		return snprintf(out, outsz, "%.3s-%.3s-%s", d, d + 3, d + 6), 0;
	/* 010, never 011–019; 00 is the international prefix, no area code */
	if (d[0] != '0' || n < 3 || d[1] == '0' || (d[1] == '1' && d[2] != '0'))
		return -1;
	area = d[1] == '1' || d[1] == '2' ? 3 : 4; /* 010, 02X; else 0XXX */
	if (n < area + 7 || n > area + 8 || d[area] == '0' || d[area] == '1')
		return -1;
	return snprintf(out, outsz, "%.*s-%s", (int)area, d, d + area), 0;
}

/* Without the country code (+86, 0086, 86 before a mobile number); a landline
 * written after +86 gets its trunk 0 back. */
static const char *phone_domestic(const struct phone_parts *p, char *buf, size_t bufsz)
{
	const char *d = p->main;
	int cc = 0;

	if (p->plus && strncmp(d, "86", 2))
		return NULL;
	if (p->plus || (!strncmp(d, "861", 3) && strlen(d) == 13))
		d += 2, cc = 1;
	else if (!strncmp(d, "0086", 4))
		d += 4, cc = 1;
	if (cc && d[0] != '0' && d[0] != '1' && strncmp(d, "400", 3) && strncmp(d, "800", 3))
		return snprintf(buf, bufsz, "0%s", d), buf;
	if (cc && d[0] == '1' && strlen(d) == 10) /* +86 10 6234 5678 */
		return snprintf(buf, bufsz, "0%s", d), buf;
	return d;
}

static int phone_build(const struct phone_parts *p, char out[GW_PHONE_MAX])
{
	char buf[24];
	const char *d = phone_domestic(p, buf, sizeof(buf));
	size_t n;

	if (!d || phone_national(d, out, GW_PHONE_MAX))
		return -1;
	n = strlen(out);
	if (p->ne)
		snprintf(out + n, GW_PHONE_MAX - n, "-%.*s", p->ne, p->ext);
	return 0;
}

/* "010-62345678-123", "0571-8765432-1", "13800138000-123" (the normal form):
 * the last group an extension when what comes before it is a number. */
static int phone_last_group_ext(struct phone_parts p, char out[GW_PHONE_MAX])
{
	int g = p.last_group;

	if (p.ne || g == 0 || p.nm - g > 6)
		return -1;
	p.ne = p.nm - g;
	memcpy(p.ext, p.main + g, (size_t)p.ne);
	p.main[p.nm = g] = '\0';
	return phone_build(&p, out);
}

int gw_phone_normalize(const char *s, char out[GW_PHONE_MAX])
{
	struct phone_parts p;

	if (phone_split(s, &p))
		return -1;
	if (!phone_last_group_ext(p, out))
		return 0;
	return phone_build(&p, out);
}

int gw_valid_phone(const char *s)
{
	char out[GW_PHONE_MAX];

	return gw_phone_normalize(s, out) == 0;
}

/* The stored number's parts: main (ending at its extension's '-'), extension. */
static const char *phone_ext(char *d)
{
	char *dash = NULL;

	if (d[0] == '1' && strlen(d) > 11 && d[11] == '-')
		dash = d + 11;
	else if ((!strncmp(d, "400-", 4) || !strncmp(d, "800-", 4)) && strlen(d) > 12)
		dash = d + 12;
	else if (d[0] == '0' && strchr(d, '-'))
		dash = strchr(strchr(d, '-') + 1, '-');
	if (!dash || *dash != '-')
		return NULL;
	*dash = '\0';
	return dash + 1;
}

void gw_phone_format(const char *norm, const char *ext_word, char *out, size_t outsz)
{
	char d[GW_PHONE_MAX + 8];
	const char *ext, *local;
	size_t n;

	snprintf(d, sizeof(d), "%s", norm);
	ext = phone_ext(d);
	n = strlen(d);
	local = d[0] == '0' ? strchr(d, '-') : NULL;
	if (d[0] == '1' && n == 11 && strspn(d, "0123456789") == 11)
		snprintf(out, outsz, "%.3s %.4s %s", d, d + 3, d + 7);
	else if (local && (strlen(local + 1) == 7 || strlen(local + 1) == 8))
		snprintf(out, outsz, "%.*s %s", (int)(n - 4), d, d + n - 4);
	else if (n == 12 && (!strncmp(d, "400-", 4) || !strncmp(d, "800-", 4)))
		snprintf(out, outsz, "%s", d);
	else
		snprintf(out, outsz, "%s", ext ? norm : d);
	n = strlen(out);
	if (ext && *ext && n < outsz && strcmp(out, norm))
		snprintf(out + n, outsz - n, " %s %s", ext_word, ext);
}

static int email_local_char(char c)
{
	return is_alnum(c) || (c && strchr("!#$%&'*+/=?^_`{|}~-.", c));
}

static int email_local(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 64 || s[0] == '.' || s[n - 1] == '.')
		return 0;
	for (i = 0; i < n; i++)
		if (!email_local_char(s[i]) || (s[i] == '.' && s[i + 1] == '.'))
			return 0;
	return 1;
}

/* Domain: two or more dot-separated labels of 1-63 letters, digits or hyphens,
 * no label starting or ending with a hyphen. */
static int email_domain(const char *s)
{
	size_t len = 0;
	int labels = 0;

	for (;; s++) {
		if (*s == '.' || *s == '\0') {
			if (len == 0 || len > 63 || s[-1] == '-')
				return 0;
			labels++;
			if (*s == '\0')
				break;
			len = 0;
		} else if (is_alnum(*s) || (*s == '-' && len > 0)) {
			len++;
		} else {
			return 0;
		}
	}
	return labels >= 2;
}

int gw_valid_email(const char *s)
{
	const char *at = strchr(s, '@');

	if (!at || strchr(at + 1, '@') || strlen(s) > 254)
		return 0;
	return email_local(s, (size_t)(at - s)) && email_domain(at + 1);
}

int32_t gw_date_from_ymd(int y, int m, int d)
{
	int32_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void gw_date_to_ymd(int32_t days, int *y, int *m, int *d)
{
	int64_t z = (int64_t)days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int gw_valid_date(const char *s, int32_t *days)
{
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < 1900 || y > 2999 || !real_date(y, m, d))
		return -1;
	*days = gw_date_from_ymd(y, m, d);
	return 0;
}

void gw_date_format(int32_t days, char *buf)
{
	int y, m, d;

	gw_date_to_ymd(days, &y, &m, &d);
	/* m and d are always in range; the modulo only tells the compiler the width. */
	snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
		 (unsigned)d % 100u);
}

int gw_date_weekday(int32_t days)
{
	/* 1970-01-01 was a Thursday (ISO 4). */
	return (int)((((int64_t)days + 3) % 7 + 7) % 7) + 1;
}

/* Skip an optional '-' and an optional '¥' (U+00A5), in either order. */
static const char *money_prefix(const char *s, int *neg)
{
	int yen = 0, i;

	*neg = 0;
	for (i = 0; i < 2; i++) {
		if (*s == '-' && !*neg) {
			*neg = 1;
			s++;
		} else if (!yen && strncmp(s, "\xC2\xA5", 2) == 0) {
			yen = 1;
			s += 2;
		}
	}
	return s;
}

/* Integer part: digits, with thousands separators either absent or all in place
 * (1-3 digits, then groups of exactly 3). Accumulates into *v, stopping once it
 * reaches the limit; returns the char after it, or NULL if malformed. */
static const char *money_int(const char *s, int64_t *v)
{
	int group = 0, first = 1;

	for (; is_digit(*s) || *s == ','; s++) {
		if (*s == ',') {
			if (first ? group < 1 || group > 3 : group != 3)
				return NULL;
			first = 0;
			group = 0;
			continue;
		}
		if (*v >= MONEY_LIMIT)
			return NULL;
		*v = *v * 10 + (*s - '0');
		group++;
	}
	if (group == 0 || (!first && group != 3))
		return NULL;
	return s;
}

int gw_valid_money(const char *s, int64_t *fen)
{
	int neg;
	int64_t v = 0;

	s = money_int(money_prefix(s, &neg), &v);
	if (!s)
		return -1;
	v *= 100;
	if (*s == '.') {
		if (!is_digit(s[1]))
			return -1;
		v += (s[1] - '0') * 10;
		s += 2;
		if (is_digit(*s))
			v += *s++ - '0';
	}
	if (*s != '\0' || v >= MONEY_LIMIT)
		return -1;
	*fen = neg ? -v : v;
	return 0;
}

void gw_money_format(int64_t fen, char *buf)
{
	uint64_t v = fen < 0 ? 0 - (uint64_t)fen : (uint64_t)fen;
	char tmp[32];
	int n = 0, i, out = 0;

	tmp[n++] = (char)('0' + v % 10);
	v /= 10;
	tmp[n++] = (char)('0' + v % 10);
	v /= 10;
	tmp[n++] = '.';
	i = 0;
	do {
		if (i > 0 && i % 3 == 0)
			tmp[n++] = ',';
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
		i++;
	} while (v > 0);
	if (fen < 0)
		buf[out++] = '-';
	while (n > 0)
		buf[out++] = tmp[--n];
	buf[out] = '\0';
}

int gw_valid_int(const char *s, int64_t min, int64_t max, int64_t *out)
{
	int neg = *s == '-';
	uint64_t v = 0, limit;
	int64_t r;

	if (*s == '-' || *s == '+')
		s++;
	if (!is_digit(*s))
		return -1;
	limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; is_digit(*s); s++) {
		if (v > (limit - (uint64_t)(*s - '0')) / 10)
			return -1;
		v = v * 10 + (uint64_t)(*s - '0');
	}
	if (*s != '\0')
		return -1;
	r = neg ? (v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v) : (int64_t)v;
	if (r < min || r > max)
		return -1;
	*out = r;
	return 0;
}

int gw_time_parse(const char *s, int64_t *t)
{
	int y, mo, d, h, mi, se, n = 0, y2, mo2, d2;
	int32_t day;

	if (!s || sscanf(s, "%4d-%2d-%2d %2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &se, &n) != 6 ||
	    s[n] || h > 23 || mi > 59 || se > 59 || h < 0 || mi < 0 || se < 0 || y < 1900 ||
	    mo < 1 || mo > 12 || d < 1 || d > 31)
		return -1;
	day = gw_date_from_ymd(y, mo, d);
	gw_date_to_ymd(day, &y2, &mo2, &d2);
	if (y2 != y || mo2 != mo || d2 != d)
		return -1;
	*t = (int64_t)day * 86400 + h * 3600 + mi * 60 + se;
	return 0;
}

/* 0000-01-01 00:00:00 and 9999-12-31 23:59:59 UTC: what four digits of year hold. */
#define TIME_MIN (-62167219200LL)
#define TIME_MAX 253402300799LL

void gw_time_format(int64_t t, char *buf)
{
	int64_t day, sec;
	int y, m, d;
	char tmp[64];

	/* Clamped first: t - 86399 would overflow near INT64_MIN, and a day past
	 * int32 would wrap into some other date. */
	t = t < TIME_MIN ? TIME_MIN : t > TIME_MAX ? TIME_MAX : t;
	day = t >= 0 ? t / 86400 : (t - 86399) / 86400;
	sec = t - day * 86400;
	gw_date_to_ymd((int32_t)day, &y, &m, &d);
	snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d %02d:%02d:%02d", y, m, d, (int)(sec / 3600),
		 (int)(sec / 60 % 60), (int)(sec % 60));
	memcpy(buf, tmp, 19);
	buf[19] = '\0';
}
