/* complaint.h — the rules of complaints (投诉) shared by the public portal, the
 * back office and `guwen jobs`: severities and their handling, stages, deadlines
 * on the working calendar (a, b) or the clock (c, d), the pause while waiting on
 * the complainant, escalation, tracking numbers and verification codes. */
#ifndef GUWEN_COMPLAINT_H
#define GUWEN_COMPLAINT_H

#include <stdint.h>

#include "guwen/crypto.h"
#include "guwen/db.h"
#include "guwen/workday.h"

struct gw_ctx;

/* Severity: 1..4 = a 轻微, b 一般, c 重大, d 严重; 0 = not yet classified. */
enum gw_severity { GW_SEV_NONE = 0, GW_SEV_A, GW_SEV_B, GW_SEV_C, GW_SEV_D };

/* Stages in order; each moves only to the next. */
enum gw_stage {
	GW_STAGE_REGISTERED = 0, /* 受理登记 */
	GW_STAGE_INVESTIGATING,	 /* 初步调查 */
	GW_STAGE_RESOLVED,	 /* 反馈与解决 */
	GW_STAGE_FOLLOWUP,	 /* 后续跟踪 */
	GW_STAGE_CLOSED,	 /* 已关闭 */
	GW_STAGE__COUNT
};

/* "a".."d" → severity (GW_SEV_NONE for anything else); and back ("" for none). */
enum gw_severity gw_severity_from(const char *s);
const char *gw_severity_name(enum gw_severity s);
/* "registered" … "closed" → stage, -1 if unknown; and back. */
int gw_stage_from(const char *s);
const char *gw_stage_name(enum gw_stage s);

/* Handling rules of DOMAIN.md: a is handled by the department (a department is
 * needed), b is a tracked case with an owner, c is handled at once and alerts
 * the director, d is a special case whose owner must be at director level. */
int gw_complaint_needs_owner(enum gw_severity s);
int gw_complaint_owner_must_be_director(enum gw_severity s);
int gw_complaint_alerts_director(enum gw_severity s);
/* Root cause and corrective action are required to close b–d. */
int gw_complaint_close_needs_cause(enum gw_severity s);

/* Deadlines per severity (settings complaint_<x>_response / _resolution):
 * working days for a and b, clock hours for c and d. */
struct gw_complaint_policy {
	int response[5], resolution[5];
	int warn_hours;		  /* warn the owner this long before a deadline */
	int director_after_hours; /* after the manager, the director this long past due */
	int tz_minutes;		  /* local time = UTC + this (working days are local days) */
};

/* Defaults, then the settings table where present. 0 or -1. */
int gw_complaint_policy_load(struct gw_db *db, int tz_minutes, struct gw_complaint_policy *p);
void gw_complaint_policy_default(struct gw_complaint_policy *p, int tz_minutes);

/* Due time (UTC seconds) of a deadline that starts at from: for a/b the end
 * (23:59:59 local) of the Nth working day after from's local day; for c/d from
 * plus N hours. resolution = 0 for the response deadline, 1 for resolution. */
int64_t gw_complaint_due(const struct gw_complaint_policy *p, const struct gw_workday_cal *cal,
			 enum gw_severity s, int resolution, int64_t from);
/* The clock stopped at waiting_since and starts again at now: the due time moves
 * by the working days (a/b) or the seconds (c/d) spent waiting. */
int64_t gw_complaint_resume(const struct gw_complaint_policy *p, const struct gw_workday_cal *cal,
			    enum gw_severity s, int64_t due, int64_t waiting_since, int64_t now);

enum gw_escalation {
	GW_ESC_NONE = 0,
	GW_ESC_WARN,	 /* deadline near: tell the owner */
	GW_ESC_MANAGER,	 /* deadline passed: the department manager */
	GW_ESC_DIRECTOR, /* still open director_after_hours later: the director */
};
/* What `guwen jobs` should do now for an open complaint with this due time, given
 * how far it was escalated already (0, 1 manager, 2 director) and whether the
 * owner was warned. */
enum gw_escalation gw_complaint_escalation(const struct gw_complaint_policy *p, int64_t now,
					   int64_t due, int level, int warned);
/* Working time in [from, to): for a/b the seconds that fall on working days of
 * the calendar (local days; at most GW_WORKING_DAYS_MAX days are looked at),
 * for c/d every second. 0 when to <= from. */
#define GW_WORKING_DAYS_MAX 3660
int64_t gw_complaint_working_seconds(const struct gw_complaint_policy *p,
				     const struct gw_workday_cal *cal, enum gw_severity s,
				     int64_t from, int64_t to);
/* gw_complaint_escalation with the hours past a deadline counted as the
 * severity counts them: for a/b working hours on the calendar (the director's
 * hours after the manager skip weekends and holidays), for c/d clock hours. The
 * warning before a deadline stays warn_hours on the clock. */
enum gw_escalation gw_complaint_escalation_cal(const struct gw_complaint_policy *p,
					       const struct gw_workday_cal *cal, enum gw_severity s,
					       int64_t now, int64_t due, int level, int warned);

/* "TS-YYYYMMDD-NNNN" for the nth complaint of a local day, more digits from the
 * 10,000th ("TS-YYYYMMDD-12345", up to 8); out has 24 bytes. */
void gw_complaint_tracking_no(int32_t local_day, unsigned n, char out[24]);
/* 1 if s has the form of a tracking number. */
int gw_complaint_tracking_ok(const char *s);
/* A tracking number as people type it (lower case, without or with other dashes,
 * full-width characters, spaces, without "TS") into its stored form; 0, or -1
 * when it cannot be one. */
int gw_complaint_tracking_normalize(const char *in, char out[24]);
/* The number shown to a bot: "TS-YYYYMMDD-" and four letters, a form real
 * numbers never take (not even after gw_complaint_tracking_normalize). 0 or -1. */
int gw_complaint_decoy_no(int32_t local_day, char out[24]);
/* A new 8-character verification code (no 0/O/1/I/L); out has 9 bytes. 0 or -1. */
int gw_complaint_code(char out[9]);
/* The keyed MAC stored for a tracking number and code (code compared without
 * case and spaces). out has 65 bytes. 0, or -1 without an index key. */
int gw_complaint_code_mac(const struct gw_keyring *kr, const char *tracking, const char *code,
			  char out[65]);

/* Load the calendar exceptions for days in [from, to] from calendar_days. 0 or -1. */
int gw_calendar_load(struct gw_db *db, struct gw_workday_cal *cal, int32_t from, int32_t to);
/* The day n working days after day (gw_workday_add, 0 <= n <= 3) by the calendar
 * in calendar_days, into *out: the 40 days after day hold that many working
 * days even across the Spring Festival. 0 or -1. */
int gw_calendar_add(struct gw_db *db, int32_t day, int n, int32_t *out);
/* The last day of "in the next 2 working days" from today, "YYYY-MM-DD" into
 * out: the start page's sections share it, read once per request. 0 or -1. */
int gw_calendar_soon(struct gw_ctx *ctx, char out[16]);

#endif
