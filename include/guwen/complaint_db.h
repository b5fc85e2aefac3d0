/* complaint_db.h — storing complaints: registration (tracking number, code,
 * attachments, acknowledgement mail) and the timeline, shared by the public
 * portal, the back office and `guwen jobs`. */
#ifndef GUWEN_COMPLAINT_DB_H
#define GUWEN_COMPLAINT_DB_H

#include "guwen/app.h"
#include "guwen/buf.h"
#include "guwen/complaint.h"
#include "guwen/mail.h"

#define GW_COMPLAINT_MAX_FILES 3

struct gw_complaint_new {
	const char *source; /* web, phone, visit, email */
	const char *name, *phone, *email, *company, *subject_text, *description;
	const char *happened_on; /* YYYY-MM-DD or NULL */
	long long client_id, advisor_id; /* 0 = none */
	const struct gw_field *files[GW_COMPLAINT_MAX_FILES]; /* checked by the caller */
	const char *file_types[GW_COMPLAINT_MAX_FILES];      /* from gw_upload_sniff */
	int nfiles;
	/* The public form's idempotency key (gw_csrf_form_key), NULL for none: a
	 * second post with the same key is not stored (GW_COMPLAINT_EDUP). */
	const char *form_token;
	/* Why the post is suspected ("rate", "fast"): stored as 待核实, kept out of
	 * the lists until released, no acknowledgement mail. NULL for none. */
	const char *suspect;
	/* The caller's own work in the same transaction (the portal records the used
	 * form token and counts the address): 0 to go on, > 0 to abandon quietly
	 * (nothing is stored), < 0 on an error. NULL for none. */
	int (*also)(struct gw_ctx *ctx, void *arg);
	void *also_arg;
};

#define GW_COMPLAINT_EDUP (-3)   /* c->form_token was stored already */
#define GW_COMPLAINT_EFILES (-4) /* the attachments could not be written */

/* Register a complaint: its attachments are written first; then in one
 * transaction the caller's c->also, the day's next tracking number (drawn there:
 * a complaint not stored leaves no gap), the row with its verification code's
 * MAC (number and code into tracking[24] and code[9]), its "created" event, the
 * attachments' rows and the acknowledgement mail when an e-mail was given. The
 * signed-in user (if any) is recorded as the registrar. When the COMMIT's answer
 * is lost, the row is looked for again: found, it is returned; its files are
 * removed only when it is surely not there. Returns the id, -2 when c->also
 * abandoned it, GW_COMPLAINT_EDUP, GW_COMPLAINT_EFILES, or -1 (database). */
long long gw_complaint_create(struct gw_ctx *ctx, const struct gw_complaint_new *c,
			      char tracking[24], char code[9]);
/* The complaint stored with this idempotency key into prefix.id, .tracking_no,
 * .mailed (an e-mail was given), .trust. 1 found, 0 none, -1 error. */
int gw_complaint_by_token(struct gw_db *db, HDF *hdf, const char *prefix,
			  const char *form_token);
/* Append an event to a complaint's timeline; public = shown to the complainant. */
int gw_complaint_event(struct gw_db *db, long long complaint_id, long long user_id,
		       const char *kind, int public_, const char *body);

/* The clock of complaints: the deadline policy (settings) and the working-day
 * calendar for the local days from from's day - 1 to to's day + 120. The caller
 * frees cal with gw_workday_free (also after a failure). 0 or -1. */
int gw_complaint_clock_load(struct gw_db *db, int tz_minutes, int64_t from, int64_t to,
			    struct gw_complaint_policy *p, struct gw_workday_cal *cal);
/* Response and resolution due times (UTC seconds) of a complaint of severity s
 * registered at created, from the settings and the calendar. 0 or -1. */
int gw_complaint_deadlines(struct gw_db *db, int tz_minutes, enum gw_severity s,
			   int64_t created, int64_t *response, int64_t *resolution);
/* After waiting on the complainant from waiting_since until now, move both due
 * times (in place; 0 stays 0) by the time spent waiting. 0 or -1. */
int gw_complaint_resume_dues(struct gw_db *db, int tz_minutes, enum gw_severity s,
			     int64_t waiting_since, int64_t now, int64_t *response,
			     int64_t *resolution);

/* Queue one mail to every active user with the role (only in department dept_id
 * when it is > 0) who has an e-mail address. When names is not NULL, the names
 * of those mailed are appended to it, separated by "、". With nobody to mail,
 * the notice is kept in the outbox as "no recipient" (gw_mail_no_recipient).
 * Returns the number of mails queued, or -1 on a database error. */
int gw_complaint_mail_role(struct gw_db *db, const char *role, long long dept_id,
			   const char *subject, const char *body, struct gw_buf *names);
/* The same with a struct gw_mail (text and HTML). */
int gw_complaint_mail_role_msg(struct gw_db *db, const char *role, long long dept_id,
			       const struct gw_mail *m, struct gw_buf *names);
/* The same for one user by id (when active and with an address): 1 queued, 0 not, -1 error. */
int gw_complaint_mail_user(struct gw_db *db, long long user_id, const char *subject,
			   const char *body, struct gw_buf *names);

/* What one run of `guwen jobs` did to complaints. */
struct gw_complaint_jobs {
	int checked, warned, managers, directors, failed;
};
/* Deadline warnings and escalations at now (UTC seconds) for every complaint that
 * is classified, not yet resolved and not waiting on the complainant: warn the
 * owner before a deadline, tell the department's managers once it passed, every
 * director director_after_hours later. Each step is a mail, an internal event, a
 * flag on the complaint (warned_at, escalation) and an audit record by user 0.
 * words holds the L.* words (a language file) for the mails, dir the templates
 * (mail/complaint_deadline.cs). A step that finds nobody to mail leaves a "no
 * recipient" notice in the outbox. 0, or -1 when the run could not start
 * (counts in out either way). */
int gw_complaint_jobs_run(struct gw_db *db, HDF *words, const char *dir, int tz_minutes,
			  int64_t now, struct gw_complaint_jobs *out);

#endif
