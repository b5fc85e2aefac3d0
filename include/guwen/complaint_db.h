/* complaint_db.h — storing complaints: registration (tracking number, code,
 * attachments, acknowledgement mail) and the timeline, shared by the public
 * portal, the back office and `guwen jobs`. */
#ifndef GUWEN_COMPLAINT_DB_H
#define GUWEN_COMPLAINT_DB_H

#include "guwen/app.h"
#include "guwen/complaint.h"

#define GW_COMPLAINT_MAX_FILES 3

struct gw_complaint_new {
	const char *source; /* web, phone, visit, email */
	const char *name, *phone, *email, *company, *subject_text, *description;
	const char *happened_on; /* YYYY-MM-DD or NULL */
	long long client_id, advisor_id; /* 0 = none */
	const struct gw_field *files[GW_COMPLAINT_MAX_FILES]; /* checked by the caller */
	const char *file_types[GW_COMPLAINT_MAX_FILES];      /* from gw_upload_sniff */
	int nfiles;
};

/* Register a complaint: new tracking number and verification code (into
 * tracking[24] and code[9]), the row, its "created" event and its attachments in
 * one transaction, then an acknowledgement mail when an e-mail was given.
 * The signed-in user (if any) is recorded as the registrar. Returns the id or -1. */
long long gw_complaint_create(struct gw_ctx *ctx, const struct gw_complaint_new *c,
			      char tracking[24], char code[9]);
/* Append an event to a complaint's timeline; public = shown to the complainant. */
int gw_complaint_event(struct gw_db *db, long long complaint_id, long long user_id,
		       const char *kind, int public_, const char *body);

#endif
