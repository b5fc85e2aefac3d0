/* complaint_notify.c — mail to staff about complaints: to every holder of a
 * role (in a department), or to one user; a notice with nobody to mail is kept
 * in the outbox as "no recipient". */
#include <string.h>

#include "guwen/complaint_notify.h"
#include "guwen/log.h"
#include "guwen/valid.h"

static const char SQL_ROLE_MAILS[] =
    "SELECT email, name FROM users WHERE role = ? AND active = 1"
    " AND (? = 0 OR department_id = ?) AND email IS NOT NULL AND email <> '' ORDER BY id";
static const char SQL_USER_MAIL[] = "SELECT email, name FROM users WHERE id = ? AND active = 1"
				    " AND email IS NOT NULL AND email <> ''";

/* Collects recipients as "address<TAB>name<NL>" lines. */
static int collect_recipient(void *ctx, int ncols, char **v, const size_t *lens,
			     const char *const *names)
{
	(void)lens, (void)names;
	if (ncols == 2 && v[0] && v[1] && !strpbrk(v[0], "\t\n") && !strpbrk(v[1], "\t\n"))
		gw_buf_printf(ctx, "%s\t%s\n", v[0], v[1]);
	return 0;
}

/* Queue the mail to each collected recipient; returns how many were queued, or
 * -1 when the outbox did not take one (an address that is not one is skipped). */
static int mail_list(struct gw_db *db, struct gw_buf *list, const struct gw_mail *m,
		     struct gw_buf *names)
{
	int n = 0;

	for (char *line = list->p; line && *line;) {
		char *nl = strchr(line, '\n'), *tab = strchr(line, '\t'), *to = line;

		*nl = *tab = '\0';
		line = nl + 1;
		if (!gw_valid_email(to))
			continue;
		if (gw_mail_queue_msg(db, to, m) < 0)
			return -1;
		n++;
		if (names && names->n)
			gw_buf_puts(names, "、");
		if (names)
			gw_buf_puts(names, tab + 1);
	}
	return n;
}

/* Mail everyone on the list; with nobody on it, the notice is kept in the
 * outbox as "no recipient" for the admin to see. Count, or -1. */
static int mail_or_record(struct gw_db *db, struct gw_buf *list, const struct gw_mail *m,
			  struct gw_buf *names, const char *for_whom)
{
	int n = mail_list(db, list, m, names);

	if (n == 0 && gw_mail_no_recipient(db, for_whom, m) < 0)
		return -1;
	return n;
}

static int mail_role(struct gw_db *db, const char *role, long long dept_id, const struct gw_mail *m,
		     struct gw_buf *names)
{
	struct gw_buf list = {0};
	char who[96];
	int n = -1;

	snprintf(who, sizeof(who), dept_id > 0 ? "role %s, department #%lld" : "role %s", role,
		 dept_id);
	if (gw_db_each(db, collect_recipient, &list, SQL_ROLE_MAILS, "sii", role, dept_id,
		       dept_id) >= 0)
		n = mail_or_record(db, &list, m, names, who);
	gw_buf_free(&list);
	return n;
}

static int mail_user(struct gw_db *db, long long user_id, const struct gw_mail *m,
		     struct gw_buf *names)
{
	struct gw_buf list = {0};
	char who[48];
	int n = -1;

	snprintf(who, sizeof(who), "user #%lld", user_id);
	if (gw_db_each(db, collect_recipient, &list, SQL_USER_MAIL, "i", user_id) >= 0)
		n = mail_or_record(db, &list, m, names, who);
	gw_buf_free(&list);
	return n;
}

int gw_complaint_mail_role_msg(struct gw_db *db, const char *role, long long dept_id,
			       const struct gw_mail *m, struct gw_buf *names)
{
	return mail_role(db, role, dept_id, m, names);
}

int gw_complaint_mail_user_msg(struct gw_db *db, long long user_id, const struct gw_mail *m,
			       struct gw_buf *names)
{
	return mail_user(db, user_id, m, names);
}
