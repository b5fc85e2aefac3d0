/* db_time.c — the db module's DATETIME values shown in the configured zone
 * (App.TZOffsetMinutes): UTC as stored, local as read. */
#include <stdio.h>
#include <string.h>

#include "guwen/db.h"
#include "db_conn.h"
#include "guwen/valid.h"

/* The digits of s[0..n) as a number, or -1 when one is not a digit. */
static int digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static char *put2(char *p, int v)
{
	*p++ = (char)('0' + v / 10 % 10);
	*p++ = (char)('0' + v % 10);
	return p;
}

/* By hand, not sscanf and snprintf: a list page converts 40 of these. */
void gw_db_local_time(const struct gw_db *db, const char *utc, char *out)
{
	int ok = strnlen(utc, 19) == 19, y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
	long long t;
	char *p = out;

	if (ok) {
		y = digits(utc, 4), mo = digits(utc + 5, 2), d = digits(utc + 8, 2);
		h = digits(utc + 11, 2), mi = digits(utc + 14, 2), s = digits(utc + 17, 2);
	}
	if (!ok || y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0) {
		snprintf(out, 32, "%s", utc);
		return;
	}
	t = (long long)gw_date_from_ymd(y, mo, d) * 1440 + h * 60 + mi + db->tz_minutes;
	gw_date_to_ymd((int32_t)(t / 1440), &y, &mo, &d);
	t %= 1440;
	p = put2(put2(p, y / 100 % 100), y % 100);
	*p++ = '-', p = put2(p, mo), *p++ = '-', p = put2(p, d), *p++ = ' ';
	p = put2(p, (int)(t / 60)), *p++ = ':', p = put2(p, (int)(t % 60)), *p++ = ':';
	p = put2(p, s);
	*p = '\0';
}
