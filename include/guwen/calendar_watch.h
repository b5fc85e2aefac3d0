/* calendar_watch.h — whether the working-day calendar (calendar_days: holidays
 * and make-up working days, imported a year at a time) reaches far enough
 * ahead for the deadlines counted in working days, and the admins' warning
 * when it does not. */
#ifndef GUWEN_CALENDAR_WATCH_H
#define GUWEN_CALENDAR_WATCH_H

#include <ClearSilver.h>
#include <stdint.h>

#include "guwen/db.h"

/* How far ahead the calendar must reach (days from today). */
#define GW_CALENDAR_AHEAD_DAYS 90

/* The last day the calendar covers into *end (days since 1970-01-01): 31
 * December of the last year holding any entry, since a year's list is
 * imported whole; 0 when the calendar is empty. 0 or -1. */
int gw_calendar_end(struct gw_db *db, int32_t *end);
/* 1 when the calendar ends before today + GW_CALENDAR_AHEAD_DAYS (its end in
 * *end), 0 when it reaches that far, -1 on a database error. */
int gw_calendar_short(struct gw_db *db, int32_t today, int32_t *end);
/* For `guwen jobs`: while the calendar is short, mail the admins once a day
 * (settings row calendar_warned_on holds the day of the last mail); words
 * holds the L.* words. 1 mailed, 0 nothing to do, -1 error. */
int gw_calendar_watch(struct gw_db *db, HDF *words, int32_t today);

#endif
