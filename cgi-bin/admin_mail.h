/* admin_mail.h — the admin program's mail page (cgi-bin/admin_mail.c, linked
 * into admin.fcgi): what is waiting in the outbox, what failed for good, the
 * notices that found nobody to receive them; resend a failed message. */
#ifndef GUWEN_ADMIN_MAIL_H
#define GUWEN_ADMIN_MAIL_H

#include "guwen/app.h"

/* GET /mail — the outbox's trouble and queue, newest first (200). */
int admin_mail_list(struct gw_ctx *ctx);
/* POST /mail/:id/resend — a failed message back in the queue, audited (303); 404. */
int admin_mail_resend(struct gw_ctx *ctx);

#endif
