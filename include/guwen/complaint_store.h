/* complaint_store.h — registering complaints (tracking number, code,
 * attachments, acknowledgement mail) and their timeline, shared by the public
 * portal, the back office and `guwen jobs`. */
#ifndef GUWEN_COMPLAINT_STORE_H
#define GUWEN_COMPLAINT_STORE_H

#include "guwen/complaint.h"
#include "guwen/ctx.h"

#define GW_COMPLAINT_MAX_FILES 3

struct gw_complaint_new {
	const char *source; /* web, phone, visit, email */
	const char *name, *phone, *email, *company, *subject_text, *description;
	const char *happened_on;			      /* YYYY-MM-DD or NULL */
	long long client_id, advisor_id;		      /* 0 = none */
	const struct gw_field *files[GW_COMPLAINT_MAX_FILES]; /* checked by the caller */
	const char *file_types[GW_COMPLAINT_MAX_FILES];	      /* from gw_upload_sniff */
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

#define GW_COMPLAINT_EDUP   (-3) /* c->form_token was stored already */
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
int gw_complaint_by_token(struct gw_db *db, HDF *hdf, const char *prefix, const char *form_token);
/* Append an event to a complaint's timeline; public = shown to the complainant.
 * body: a person's own words (or a code word: a stage, a source). */
int gw_complaint_event(struct gw_db *db, long long complaint_id, long long user_id,
		       const char *kind, int public_, const char *body);
/* The same with what the system says as a code and its parameters, rendered
 * in each reader's language (gw_complaint_events_words): code names the
 * sentence L.Timeline.<code>, params holds "name=value" lines (no newline in
 * a value; gw_event_param builds them), body only a person's own words (or
 * NULL). 0 or -1. */
int gw_complaint_event_coded(struct gw_db *db, long long complaint_id, long long user_id,
			     const char *kind, int public_, const char *code, const char *params,
			     const char *body);

#endif
