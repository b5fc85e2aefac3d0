/* workday.h — the working-day calendar: weekends, public holidays and make-up
 * working days (调休). Pure arithmetic over a calendar the caller fills. */
#ifndef GUWEN_WORKDAY_H
#define GUWEN_WORKDAY_H

#include <stddef.h>
#include <stdint.h>

enum gw_day_kind { GW_DAY_HOLIDAY = 1, GW_DAY_WORKDAY = 2 };

/* Exceptions to the Monday–Friday rule, sorted by day for binary search.
 * Days are day numbers as in valid.h (days since 1970-01-01). */
struct gw_workday_cal {
	int32_t *days;
	unsigned char *kinds; /* enum gw_day_kind per entry */
	size_t n, cap;
};

/* Start an empty calendar (Mon–Fri working). */
void gw_workday_init(struct gw_workday_cal *cal);
/* Free what the calendar holds (not the struct itself). */
void gw_workday_free(struct gw_workday_cal *cal);
/* Add or replace the exception for day; returns 0, or -1 on out of memory. */
int gw_workday_set(struct gw_workday_cal *cal, int32_t day, enum gw_day_kind kind);
/* 1 if day is a working day under cal. */
int gw_workday_is_working(const struct gw_workday_cal *cal, int32_t day);
/* The first working day on or after day. */
int32_t gw_workday_next(const struct gw_workday_cal *cal, int32_t day);
/* The day n working days after day (n >= 0; day itself does not count:
 * add(Fri, 1) = next Monday if that is working). n = 0 returns next(day). */
int32_t gw_workday_add(const struct gw_workday_cal *cal, int32_t day, int n);
/* Working days in (from, to]: days after from up to and including to; 0 if to <= from. */
int gw_workday_count(const struct gw_workday_cal *cal, int32_t from, int32_t to);

/* Parse a holiday list in the TSV format of `guwen calendar import`
 * ("YYYY-MM-DD<TAB>holiday|workday<TAB>name", '#' comments, blank lines) from a
 * NUL-terminated buffer. For each good line calls fn(ctx, day, kind, name, namelen);
 * returns the number of lines read, or -(line number) of the first bad line. */
int gw_workday_parse_tsv(const char *text,
			 int (*fn)(void *ctx, int32_t day, enum gw_day_kind kind, const char *name,
				   size_t namelen),
			 void *ctx);

#endif
