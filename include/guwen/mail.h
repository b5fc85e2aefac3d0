/* mail.h — outgoing mail goes into the outbox table; `guwen mail` sends it. */
#ifndef GUWEN_MAIL_H
#define GUWEN_MAIL_H

#include "guwen/db.h"

/* Queue a plain-text message. Returns the outbox id, or -1 (bad address or
 * database error). */
long long gw_mail_queue(struct gw_db *db, const char *to, const char *subject,
			const char *body);

#endif
