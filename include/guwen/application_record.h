/* application_record.h — an onboarding application (入驻申请) as a typed
 * record: the one loader, by id (staff) or by the SHA-256 of its private link
 * (the applicant), and its export to the page data. Handlers read the struct,
 * never the page data. */
#ifndef GUWEN_APPLICATION_RECORD_H
#define GUWEN_APPLICATION_RECORD_H

#include <stdint.h>

#include "guwen/ctx.h"

/* Texts are NULL for SQL NULL; times are local "YYYY-MM-DD HH:MM:SS". */
struct gw_application {
	long long id, round, client_id;
	const char *status; /* submitted, rejected, approved, withdrawn */
	const char *company_name, *uscc, *contact_name, *contact_phone, *contact_email;
	const char *services; /* "bookkeeping,cleanup" */
	const char *trust, *suspect_reason, *reason;
	const char *submitted_at, *created_at, *reviewed_at, *reviewer_name, *client_name;
	uint64_t nulls;
};

/* Application id into *a (texts in the arena). 1 found, 0 none, -1 error. */
int gw_application_load(struct gw_ctx *ctx, long long id, struct gw_application *a);
/* The application whose private link hashes to link_hash (64 hex). As above. */
int gw_application_by_link(struct gw_ctx *ctx, const char *link_hash, struct gw_application *a);
/* The application under prefix.<column> for the templates. */
void gw_application_to_hdf(HDF *hdf, const char *prefix, const struct gw_application *a);

#endif
