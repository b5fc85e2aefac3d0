/* complaint_notify.h — mail to staff about complaints, by role or to one user. */
#ifndef GUWEN_COMPLAINT_NOTIFY_H
#define GUWEN_COMPLAINT_NOTIFY_H

#include "guwen/buf.h"
#include "guwen/db.h"
#include "guwen/mail.h"

/* Queue the mail m (text and HTML) to every active user with the role (only in
 * department dept_id when it is > 0) who has an e-mail address. When names is
 * not NULL, the names of those mailed are appended to it, separated by "、".
 * With nobody to mail, the notice is kept in the outbox as "no recipient"
 * (gw_mail_no_recipient). Returns the number of mails queued, or -1 on a
 * database error. */
int gw_complaint_mail_role_msg(struct gw_db *db, const char *role, long long dept_id,
			       const struct gw_mail *m, struct gw_buf *names);
/* The same for one user by id (when active and with an address): 1 queued, 0
 * not, -1 error. */
int gw_complaint_mail_user_msg(struct gw_db *db, long long user_id, const struct gw_mail *m,
			       struct gw_buf *names);

#endif
