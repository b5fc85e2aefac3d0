/* mail.h — outgoing mail goes into the outbox table; `guwen mail` sends it.
 * Mails are written in templates/mail/<name>.cs (subject, text and HTML in one
 * file, in the words of either language). */
#ifndef GUWEN_MAIL_H
#define GUWEN_MAIL_H

#include <ClearSilver.h>

#include "guwen/buf.h"
#include "guwen/db.h"

/* One mail: a one-line subject, the plain text, and HTML (NULL for text only). */
struct gw_mail {
	const char *subject, *text, *html;
};

/* Queue a plain-text message. Returns the outbox id, or -1 (bad address or
 * database error). */
long long gw_mail_queue(struct gw_db *db, const char *to, const char *subject, const char *body);
/* Queue a mail with its HTML part. Returns the outbox id or -1. */
long long gw_mail_queue_msg(struct gw_db *db, const char *to, const struct gw_mail *m);
/* Record a notice that found nobody to receive it (for_whom says who it was
 * meant for, e.g. "manager · 记账一部"): the admin's outbox page shows it as
 * "no recipient". Returns the outbox id or -1. */
long long gw_mail_no_recipient(struct gw_db *db, const char *for_whom, const struct gw_mail *m);

/* A rendered mail (the buffers are the caller's: gw_mail_text_free). */
struct gw_mail_text {
	struct gw_buf subject, text, html;
};
/* Render <dir>/mail/<name>.cs three times with Mail.Part = subject, text (no
 * escaping) and html (HTML-escaped), over data (Mail.* values) and words (L.*).
 * The subject is made one line. 0, or -1 (logged). */
int gw_mail_render(const char *dir, HDF *words, HDF *data, const char *name,
		   struct gw_mail_text *out);
/* Data for a mail template: Mail.<name> = value for each pair of arguments
 * (NULL-terminated; a NULL value is left out). NULL on failure. */
HDF *gw_mail_data(const char *name, ...);
/* Render template name with data and words and queue it to to. The outbox id or -1. */
long long gw_mail_queue_cs(struct gw_db *db, const char *to, const char *dir, HDF *words, HDF *data,
			   const char *name);
/* The rendered mail as a struct gw_mail (pointers into t). */
struct gw_mail gw_mail_of(const struct gw_mail_text *t);
void gw_mail_text_free(struct gw_mail_text *t);

#endif
