/* mail.c — queue outgoing mail in the outbox table. */
#include <string.h>

#include "guwen/log.h"
#include "guwen/mail.h"
#include "guwen/valid.h"

static const char SQL_QUEUE[] =
	"INSERT INTO outbox (to_addr, subject, body, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP())";

long long gw_mail_queue(struct gw_db *db, const char *to, const char *subject, const char *body)
{
	if (!to || !gw_valid_email(to) || strpbrk(subject, "\r\n"))
		return -1;
	if (gw_db_exec(db, SQL_QUEUE, "sss", to, subject, body) != 1) {
		gw_log_error("could not queue a mail");
		return -1;
	}
	return gw_db_insert_id(db);
}
