/* calendar_watch.c — the working-day calendar's reach and the admins' warning
 * (see calendar_watch.h). */
#include <stdio.h>
#include <string.h>

#include "guwen/buf.h"
#include "guwen/calendar_watch.h"
#include "guwen/complaint_notify.h"
#include "guwen/valid.h"

static const char SQL_LAST_YEAR[] = "SELECT COALESCE(YEAR(MAX(day)), 0) FROM calendar_days";
static const char SQL_WARNED_ON[] =
    "SELECT COUNT(*) FROM settings WHERE name = 'calendar_warned_on' AND value = ?";
static const char SQL_WARNED_SET[] =
    "INSERT INTO settings (name, value, updated_at) VALUES ('calendar_warned_on', ?,"
    " UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE value = VALUES(value),"
    " updated_at = VALUES(updated_at)";

int gw_calendar_end(struct gw_db *db, int32_t *end)
{
	long long year = 0;

	if (gw_db_int(db, &year, SQL_LAST_YEAR, NULL) < 0)
		return -1;
	*end = year > 1970 ? gw_date_from_ymd((int)year, 12, 31) : 0;
	return 0;
}

int gw_calendar_short(struct gw_db *db, int32_t today, int32_t *end)
{
	if (gw_calendar_end(db, end))
		return -1;
	return *end < today + GW_CALENDAR_AHEAD_DAYS ? 1 : 0;
}

static const char *word(HDF *words, const char *key)
{
	return hdf_get_value(words, key, key);
}

/* The warning: subject, and a text naming the calendar's last day. */
static int warn_admins(struct gw_db *db, HDF *words, int32_t end)
{
	char day[16];
	struct gw_buf text = {0};
	struct gw_mail m;
	int rc;

	if (end)
		gw_date_format(end, day);
	gw_buf_printf(&text, "%s %s\n\n%s\n", word(words, "L.CalendarWatch.Ends"),
		      end ? day : word(words, "L.CalendarWatch.Empty"),
		      word(words, "L.CalendarWatch.Action"));
	m = (struct gw_mail){word(words, "L.CalendarWatch.Subject"), text.p, NULL};
	rc = gw_complaint_mail_role_msg(db, "admin", 0, &m, NULL);
	gw_buf_free(&text);
	return rc < 0 ? -1 : 0;
}

int gw_calendar_watch(struct gw_db *db, HDF *words, int32_t today)
{
	int32_t end;
	long long warned = 0;
	char day[16];
	int s = gw_calendar_short(db, today, &end);

	if (s <= 0)
		return s;
	gw_date_format(today, day);
	if (gw_db_int(db, &warned, SQL_WARNED_ON, "s", day) < 0)
		return -1;
	if (warned)
		return 0;
	if (warn_admins(db, words, end) || gw_db_exec(db, SQL_WARNED_SET, "s", day) < 0)
		return -1;
	return 1;
}
