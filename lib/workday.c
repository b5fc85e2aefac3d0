/* workday.c — working-day calendar: Mon–Fri plus holiday/make-up exceptions, and its TSV parser. */
#include <stddef.h> /* workday.h uses size_t without including it */

#include "guwen/workday.h"
#include "guwen/valid.h"

#include <stdlib.h>
#include <string.h>

void gw_workday_init(struct gw_workday_cal *cal)
{
	cal->days = NULL;
	cal->kinds = NULL;
	cal->n = 0;
	cal->cap = 0;
}

void gw_workday_free(struct gw_workday_cal *cal)
{
	free(cal->days);
	free(cal->kinds);
	gw_workday_init(cal);
}

/* Index of the first entry >= day (n if none). */
static size_t lower_bound(const struct gw_workday_cal *cal, int32_t day)
{
	size_t lo = 0, hi = cal->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cal->days[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Make room for one more entry. Each array is swapped in as soon as it has grown,
 * so a failure half-way leaves the calendar intact. */
static int grow(struct gw_workday_cal *cal)
{
	size_t cap = cal->cap ? cal->cap * 2 : 32;
	int32_t *days;
	unsigned char *kinds;

	if (cal->n < cal->cap)
		return 0;
	days = realloc(cal->days, cap * sizeof *days);
	if (!days)
		return -1;
	cal->days = days;
	kinds = realloc(cal->kinds, cap * sizeof *kinds);
	if (!kinds)
		return -1;
	cal->kinds = kinds;
	cal->cap = cap;
	return 0;
}

int gw_workday_set(struct gw_workday_cal *cal, int32_t day, enum gw_day_kind kind)
{
	size_t i = lower_bound(cal, day);

	if (i < cal->n && cal->days[i] == day) {
		cal->kinds[i] = (unsigned char)kind;
		return 0;
	}
	if (grow(cal) < 0)
		return -1;
	memmove(cal->days + i + 1, cal->days + i, (cal->n - i) * sizeof *cal->days);
	memmove(cal->kinds + i + 1, cal->kinds + i, cal->n - i);
	cal->days[i] = day;
	cal->kinds[i] = (unsigned char)kind;
	cal->n++;
	return 0;
}

int gw_workday_is_working(const struct gw_workday_cal *cal, int32_t day)
{
	size_t i = lower_bound(cal, day);

	if (i < cal->n && cal->days[i] == day)
		return cal->kinds[i] == GW_DAY_WORKDAY;
	return gw_date_weekday(day) <= 5;
}

int32_t gw_workday_next(const struct gw_workday_cal *cal, int32_t day)
{
	/* Terminates: the calendar is finite and every week has weekdays. */
	while (!gw_workday_is_working(cal, day))
		day++;
	return day;
}

int32_t gw_workday_add(const struct gw_workday_cal *cal, int32_t day, int n)
{
	if (n <= 0)
		return gw_workday_next(cal, day);
	for (; n > 0; n--)
		day = gw_workday_next(cal, day + 1);
	return day;
}

/* Mondays-to-Fridays on or before day, counted from the Monday 1970-01-05 (day 4);
 * only differences of this are meaningful. */
static int64_t weekdays_upto(int32_t day)
{
	int64_t t = (int64_t)day - 4;
	int64_t weeks = (t >= 0 ? t : t - 6) / 7;
	int64_t rest = t - weeks * 7 + 1;

	return weeks * 5 + (rest < 5 ? rest : 5);
}

int gw_workday_count(const struct gw_workday_cal *cal, int32_t from, int32_t to)
{
	int64_t count;
	size_t i;
	int weekday;

	if (to <= from)
		return 0;
	count = weekdays_upto(to) - weekdays_upto(from);
	for (i = lower_bound(cal, from + 1); i < cal->n && cal->days[i] <= to; i++) {
		weekday = gw_date_weekday(cal->days[i]) <= 5;
		if (cal->kinds[i] == GW_DAY_WORKDAY && !weekday)
			count++;
		else if (cal->kinds[i] != GW_DAY_WORKDAY && weekday)
			count--;
	}
	return (int)count;
}

/* Parse one data line "YYYY-MM-DD\tholiday|workday\tname" of length len.
 * Returns 0 and fills the outputs, or -1 if malformed. */
static int parse_line(const char *line, size_t len, int32_t *day, enum gw_day_kind *kind,
		      const char **name, size_t *namelen)
{
	char date[11];
	const char *p = line + 11;
	size_t rest;

	if (len < 12 || line[10] != '\t')
		return -1;
	memcpy(date, line, 10);
	date[10] = '\0';
	if (gw_valid_date(date, day) < 0)
		return -1;
	rest = len - 11;
	if (rest >= 8 && memcmp(p, "holiday\t", 8) == 0)
		*kind = GW_DAY_HOLIDAY;
	else if (rest >= 8 && memcmp(p, "workday\t", 8) == 0)
		*kind = GW_DAY_WORKDAY;
	else
		return -1;
	*name = p + 8;
	*namelen = rest - 8;
	if (memchr(*name, '\t', *namelen) || !gw_valid_utf8(*name, *namelen))
		return -1;
	return 0;
}

int gw_workday_parse_tsv(const char *text,
			 int (*fn)(void *ctx, int32_t day, enum gw_day_kind kind, const char *name,
				   size_t namelen),
			 void *ctx)
{
	const char *line = text, *end, *name;
	int lineno = 0, count = 0;
	size_t len, namelen;
	int32_t day;
	enum gw_day_kind kind;

	for (; *line; line = *end ? end + 1 : end) {
		end = strchr(line, '\n');
		if (!end)
			end = line + strlen(line);
		len = (size_t)(end - line);
		lineno++;
		if (len > 0 && line[len - 1] == '\r')
			len--;
		if (len == 0 || line[0] == '#')
			continue;
		if (parse_line(line, len, &day, &kind, &name, &namelen) < 0 ||
		    fn(ctx, day, kind, name, namelen) != 0)
			return -lineno;
		count++;
	}
	return count;
}
