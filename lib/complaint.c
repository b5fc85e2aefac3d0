/* complaint.c — complaint rules: severities, stages, deadlines, escalation,
 * tracking numbers and verification codes. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/complaint.h"
#include "guwen/ctx.h"
#include "guwen/valid.h"

static const char *const sev_names[] = {"", "a", "b", "c", "d"};
static const char *const stage_names[GW_STAGE__COUNT] = {
    "registered", "investigating", "resolved", "followup", "closed",
};

enum gw_severity gw_severity_from(const char *s)
{
	for (int i = 1; s && i <= GW_SEV_D; i++)
		if (!strcmp(s, sev_names[i]))
			return (enum gw_severity)i;
	return GW_SEV_NONE;
}

const char *gw_severity_name(enum gw_severity s)
{
	return s >= GW_SEV_A && s <= GW_SEV_D ? sev_names[s] : "";
}

int gw_stage_from(const char *s)
{
	for (int i = 0; s && i < GW_STAGE__COUNT; i++)
		if (!strcmp(s, stage_names[i]))
			return i;
	return -1;
}

const char *gw_stage_name(enum gw_stage s)
{
	return s < GW_STAGE__COUNT ? stage_names[s] : "";
}

int gw_complaint_needs_owner(enum gw_severity s)
{
	return s == GW_SEV_B || s == GW_SEV_C || s == GW_SEV_D;
}

int gw_complaint_owner_must_be_director(enum gw_severity s)
{
	return s == GW_SEV_D;
}

int gw_complaint_alerts_director(enum gw_severity s)
{
	return s == GW_SEV_C || s == GW_SEV_D;
}

int gw_complaint_close_needs_cause(enum gw_severity s)
{
	return s >= GW_SEV_B;
}

void gw_complaint_policy_default(struct gw_complaint_policy *p, int tz_minutes)
{
	static const int resp[5] = {0, 1, 1, 4, 2}, resol[5] = {0, 5, 10, 48, 72};

	memcpy(p->response, resp, sizeof(resp));
	memcpy(p->resolution, resol, sizeof(resol));
	p->warn_hours = 24;
	p->director_after_hours = 24;
	p->tz_minutes = tz_minutes;
}

static const char SQL_POLICY[] = "SELECT name, value FROM settings WHERE name LIKE 'complaint\\_%'";

static int policy_row(void *ctx, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct gw_complaint_policy *p = ctx;
	int64_t n;
	char sev;
	char which[16];

	(void)lens, (void)names;
	if (ncols < 2 || !v[0] || !v[1] || gw_valid_int(v[1], 0, 100000, &n))
		return 0;
	if (!strcmp(v[0], "complaint_warn_hours"))
		p->warn_hours = (int)n;
	else if (!strcmp(v[0], "complaint_director_after_hours"))
		p->director_after_hours = (int)n;
	else if (sscanf(v[0], "complaint_%c_%15s", &sev, which) == 2 && sev >= 'a' && sev <= 'd')
		(strcmp(which, "response") ? p->resolution : p->response)[sev - 'a' + 1] = (int)n;
	return 0;
}

int gw_complaint_policy_load(struct gw_db *db, int tz_minutes, struct gw_complaint_policy *p)
{
	gw_complaint_policy_default(p, tz_minutes);
	return gw_db_each(db, policy_row, p, SQL_POLICY, NULL) < 0 ? -1 : 0;
}

static int32_t local_day(const struct gw_complaint_policy *p, int64_t t)
{
	int64_t local = t + (int64_t)p->tz_minutes * 60;

	return (int32_t)(local >= 0 ? local / 86400 : (local - 86399) / 86400);
}

/* The UTC instant of 23:59:59 local on a local day. */
static int64_t end_of_local_day(const struct gw_complaint_policy *p, int32_t day)
{
	return (int64_t)day * 86400 + 86399 - (int64_t)p->tz_minutes * 60;
}

static int on_calendar(enum gw_severity s)
{
	return s == GW_SEV_A || s == GW_SEV_B;
}

int64_t gw_complaint_due(const struct gw_complaint_policy *p, const struct gw_workday_cal *cal,
			 enum gw_severity s, int resolution, int64_t from)
{
	int n;

	if (s < GW_SEV_A || s > GW_SEV_D)
		return 0;
	n = resolution ? p->resolution[s] : p->response[s];
	if (on_calendar(s))
		return end_of_local_day(p, gw_workday_add(cal, local_day(p, from), n));
	return from + (int64_t)n * 3600;
}

int64_t gw_complaint_resume(const struct gw_complaint_policy *p, const struct gw_workday_cal *cal,
			    enum gw_severity s, int64_t due, int64_t waiting_since, int64_t now)
{
	int32_t due_day;
	int n;

	if (!due || now <= waiting_since)
		return due;
	if (!on_calendar(s))
		return due + (now - waiting_since);
	n = gw_workday_count(cal, local_day(p, waiting_since), local_day(p, now));
	due_day = local_day(p, due);
	return n ? end_of_local_day(p, gw_workday_add(cal, due_day, n)) : due;
}

/* The step for a deadline given the time still left (left, may be negative)
 * and the time already past it (late), both as the severity counts them. */
static enum gw_escalation step(const struct gw_complaint_policy *p, int64_t left, int64_t late,
			       int level, int warned)
{
	if (late > (int64_t)p->director_after_hours * 3600 && level < 2)
		return GW_ESC_DIRECTOR;
	if (late > 0 && level < 1)
		return GW_ESC_MANAGER;
	if (late <= 0 && left <= (int64_t)p->warn_hours * 3600 && !warned && level == 0)
		return GW_ESC_WARN;
	return GW_ESC_NONE;
}

enum gw_escalation gw_complaint_escalation(const struct gw_complaint_policy *p, int64_t now,
					   int64_t due, int level, int warned)
{
	if (!due)
		return GW_ESC_NONE;
	return step(p, due - now, now - due, level, warned);
}

/* The UTC instant local day begins. */
static int64_t start_of_local_day(const struct gw_complaint_policy *p, int32_t day)
{
	return (int64_t)day * 86400 - (int64_t)p->tz_minutes * 60;
}

int64_t gw_complaint_working_seconds(const struct gw_complaint_policy *p,
				     const struct gw_workday_cal *cal, enum gw_severity s,
				     int64_t from, int64_t to)
{
	int64_t n = 0, t = from, end;
	int days = 0;

	if (to <= from)
		return 0;
	if (!on_calendar(s))
		return to - from;
	for (; t < to && days < GW_WORKING_DAYS_MAX; t = end, days++) {
		int32_t day = local_day(p, t);

		end = start_of_local_day(p, day + 1);
		if (end > to)
			end = to;
		if (gw_workday_is_working(cal, day))
			n += end - t;
	}
	return n;
}

enum gw_escalation gw_complaint_escalation_cal(const struct gw_complaint_policy *p,
					       const struct gw_workday_cal *cal, enum gw_severity s,
					       int64_t now, int64_t due, int level, int warned)
{
	int64_t late;

	if (!due)
		return GW_ESC_NONE;
	/* past due is past due whatever the day; how far, in working time (the
	 * warning before it stays on the clock: warn_hours before the due time) */
	late = now > due ? gw_complaint_working_seconds(p, cal, s, due, now) : 0;
	if (now > due && late == 0)
		late = 1;
	return step(p, due - now, late, level, warned);
}

void gw_complaint_tracking_no(int32_t local_day, unsigned n, char out[24])
{
	int y, m, d;

	gw_date_to_ymd(local_day, &y, &m, &d);
	/* four digits, more when a day has more: 1000 and 10000 never meet */
	snprintf(out, 24, "TS-%04d%02d%02d-%04u", y % 10000, m % 100, d % 100, n % 100000000u);
}

int gw_complaint_tracking_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n < 16 || n > 20 || strncmp(s, "TS-", 3) || s[11] != '-')
		return 0;
	for (size_t i = 3; i < n; i++)
		if (i != 11 && !isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* An ASCII character as the look-up reads it: ' ' for separators, upper case. */
static int fold_ascii(int a)
{
	return a == '-' || a == '_' || isspace(a) ? ' ' : toupper(a);
}

/* One typed character at *p as ASCII (full-width forms folded), its byte length
 * in *len; ' ' for spaces and dashes of every width, 0 for anything else. */
static int fold_char(const unsigned char *p, int *len)
{
	*len = 1;
	if (p[0] < 0x80)
		return fold_ascii(p[0]);
	*len = 3;
	if (!p[1] || !p[2])
		return 0;
	if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x81 && p[2] <= 0xBF) /* U+FF01..FF3F */
		return fold_ascii(p[2] - 0x60);
	if (p[0] == 0xEF && p[1] == 0xBD && p[2] >= 0x80 && p[2] <= 0x9E) /* U+FF40..FF5E */
		return fold_ascii(p[2] - 0x20);
	if ((p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) || /* ideographic space */
	    (p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x90 && p[2] <= 0x95) || /* dashes */
	    (p[0] == 0xE2 && p[1] == 0x88 && p[2] == 0x92) ||		      /* minus sign */
	    (p[0] == 0xE3 && p[1] == 0x83 && p[2] == 0xBC))		      /* ー */
		return ' ';
	return 0;
}

int gw_complaint_tracking_normalize(const char *in, char out[24])
{
	char c[24];
	size_t n = 0, skip;
	int len;

	for (const unsigned char *p = (const unsigned char *)in; p && *p; p += len) {
		int ch = fold_char(p, &len);

		if (!ch || n == sizeof(c) - 1)
			return -1;
		if (ch != ' ')
			c[n++] = (char)ch;
	}
	c[n] = '\0';
	skip = !strncmp(c, "TS", 2) ? 2 : 0;
	if (n - skip < 12 || n - skip > 16 || strspn(c + skip, "0123456789") != n - skip)
		return -1;
	snprintf(out, 24, "TS-%.8s-%s", c + skip, c + skip + 8);
	return 0;
}

static const char code_alphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

int gw_complaint_code(char out[9])
{
	unsigned char r[8];

	if (gw_crypto_random(r, sizeof(r)))
		return -1;
	for (int i = 0; i < 8; i++)
		out[i] = code_alphabet[r[i] % (sizeof(code_alphabet) - 1)];
	out[8] = '\0';
	return 0;
}

int gw_complaint_decoy_no(int32_t local_day, char out[24])
{
	char code[9];
	int y, m, d;

	if (gw_complaint_code(code))
		return -1;
	for (int i = 0; i < 4; i++) /* letters only: a real number never has one */
		if (isdigit((unsigned char)code[i]))
			code[i] = (char)('A' + (code[i] - '0'));
	gw_date_to_ymd(local_day, &y, &m, &d);
	snprintf(out, 24, "TS-%04d%02d%02d-%.4s", y % 10000, m % 100, d % 100, code);
	return 0;
}

int gw_complaint_code_mac(const struct gw_keyring *kr, const char *tracking, const char *code,
			  char out[65])
{
	char norm[32], msg[96];
	size_t j = 0;
	unsigned char mac[32];

	if (!kr->has_index_key)
		return -1;
	for (; code && *code && j < sizeof(norm) - 1; code++)
		if (!isspace((unsigned char)*code) && *code != '-')
			norm[j++] = (char)toupper((unsigned char)*code);
	norm[j] = '\0';
	snprintf(msg, sizeof(msg), "complaint-code|%s|%s", tracking, norm);
	gw_crypto_hmac(kr->index_key, GW_KEY_LEN, msg, strlen(msg), mac);
	gw_hex_encode(mac, sizeof(mac), out);
	return 0;
}

static const char SQL_CALENDAR[] =
    "SELECT DATEDIFF(day, '1970-01-01'), kind FROM calendar_days WHERE day BETWEEN ? AND ?";

static int calendar_row(void *ctx, int ncols, char **v, const size_t *lens,
			const char *const *names)
{
	(void)lens, (void)names;
	if (ncols < 2 || !v[0] || !v[1])
		return 0;
	return gw_workday_set(ctx, (int32_t)strtol(v[0], NULL, 10),
			      strcmp(v[1], "holiday") ? GW_DAY_WORKDAY : GW_DAY_HOLIDAY)
		   ? 1
		   : 0;
}

int gw_calendar_load(struct gw_db *db, struct gw_workday_cal *cal, int32_t from, int32_t to)
{
	char a[16], b[16];

	gw_date_format(from, a);
	gw_date_format(to, b);
	return gw_db_each(db, calendar_row, cal, SQL_CALENDAR, "ss", a, b) < 0 ? -1 : 0;
}

int gw_calendar_add(struct gw_db *db, int32_t day, int n, int32_t *out)
{
	struct gw_workday_cal cal;
	int rc;

	gw_workday_init(&cal);
	rc = gw_calendar_load(db, &cal, day - 1, day + 40);
	if (rc == 0)
		*out = gw_workday_add(&cal, day, n);
	gw_workday_free(&cal);
	return rc;
}

int gw_calendar_soon(struct gw_ctx *ctx, char out[16])
{
	if (!ctx->soon && gw_calendar_add(ctx->db, gw_today(ctx), 2, &ctx->soon))
		return -1;
	gw_date_format(ctx->soon, out);
	return 0;
}
