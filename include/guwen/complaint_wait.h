/* complaint_wait.h — waiting on the complainant (等待投诉人): the clock stopped
 * with a question, started again by staff or by the complainant's answer on
 * the public status page. Each runs inside the caller's transaction except
 * gw_complaint_answer, which is one transaction of its own. */
#ifndef GUWEN_COMPLAINT_WAIT_H
#define GUWEN_COMPLAINT_WAIT_H

#include "guwen/buf.h"
#include "guwen/complaint_record.h"
#include "guwen/complaint_store.h"

/* Stop the clock now; the question goes into text (for the timeline). 0 or -1
 * (-1 also when it was waiting already). */
int gw_complaint_wait_start(struct gw_ctx *ctx, const struct gw_complaint *c, const char *note,
			    struct gw_buf *text);
/* Start the clock again: both due times move on by the working time spent
 * waiting; text gets the new resolution due time (local) and the note. 0 or -1
 * (-1 also when it was not waiting). */
int gw_complaint_wait_end(struct gw_ctx *ctx, const struct gw_complaint *c, const char *note,
			  struct gw_buf *text);

/* The complainant's answer from the status page. */
struct gw_complaint_answer {
	const char *text;
	const struct gw_field *files[GW_COMPLAINT_MAX_FILES]; /* checked by the caller */
	const char *file_types[GW_COMPLAINT_MAX_FILES];	      /* from gw_upload_sniff */
	int nfiles;
	const char *token; /* the signed form token: stored as used, so a second post is not */
	/* the caller's own work in the same transaction (the portal counts the
	 * address): 0 to go on, < 0 on an error. NULL for none. */
	int (*also)(struct gw_ctx *ctx, void *arg);
};

enum {
	GW_ANSWER_STORED = 0,
	GW_ANSWER_AGAIN = 1,	   /* the same form posted before: stored then */
	GW_ANSWER_NOT_WAITING = 2, /* nothing asked (any more): nothing stored */
};

/* Store the answer to the complaint c (loaded while it waited): its files, the
 * public "answered" event, the clock resumed as by staff (an internal "resumed"
 * event with the new due time), the audit record — all or nothing. Returns a
 * GW_ANSWER_* value, GW_COMPLAINT_EFILES when the files could not be written,
 * or -1 (database). */
int gw_complaint_answer(struct gw_ctx *ctx, const struct gw_complaint *c,
			const struct gw_complaint_answer *a);

#endif
