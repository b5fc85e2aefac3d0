/* mail.c — the outbox as the admin sees it (see admin.h). Addresses
 * are shown masked (w***@example.com) and bodies not at all: the admin sees no
 * client data, only enough to tell a relay problem from a wrong address. */
#include "guwen/audit.h"
#include "guwen/list.h"
#include "guwen/view.h"
#include "admin.h"

/* GET /mail?status=&q=&sort=&dir=&before= — the trouble and the queue, newest first */
static const char *const statuses[] = {"failed", "norecipient", "queued", "sending", NULL};
static const struct gw_list_filter mail_filters[] = {
    {{"status", GW_F_CHOICE, 0, 16, 0, 0, statuses}, "status = ?", NULL},
    {{NULL, 0, 0, 0, 0, 0, NULL}, NULL, NULL},
};

static const struct gw_list_col mail_cols[] = {
    {"id", "o.id", GW_LC_SORT, NULL, NULL, NULL},
    {"status", "status", GW_LC_SORT, NULL, NULL, NULL},
    {"subject", "subject", GW_LC_SEARCH, NULL, NULL, NULL},
    {"for_whom", "for_whom", GW_LC_SEARCH, NULL, NULL, NULL},
    {"last_error", "last_error", GW_LC_SEARCH, NULL, NULL, NULL},
    {"attempts", "attempts", GW_LC_SORT, NULL, NULL, NULL},
    {NULL, NULL, 0, NULL, NULL, NULL},
};

static const struct gw_list outbox = {
    .columns = "id, status, CASE WHEN to_addr = '' THEN '' ELSE CONCAT(LEFT(to_addr, 1), '***',"
	       " SUBSTRING(to_addr, LOCATE('@', to_addr))) END AS to_masked, for_whom, subject,"
	       " attempts, last_error, created_at, next_try_at, failed_at",
    .from = "outbox o",
    .key = "o.id",
    .filters = mail_filters,
    .cols = mail_cols,
    .sort = "id",
    .desc = 1,
    .rows = 50,
    .program = "admin",
    .path = "/mail",
    .lenient = 1, /* the status words also name "sent", which is in no list here */
};
static const char SCOPE_TROUBLE[] = "status IN ('failed', 'norecipient', 'queued', 'sending')";

static const char SQL_COUNTS[] = "SELECT status, COUNT(*) AS n FROM outbox GROUP BY status";
static const char SQL_ONE[] = "SELECT id, subject FROM outbox WHERE id = ? AND status = 'failed'";
static const char SQL_RESEND[] =
    "UPDATE outbox SET status = 'queued', attempts = 0, next_try_at = NULL, failed_at = NULL"
    " WHERE id = ? AND status = 'failed'";

int admin_mail_list(struct gw_ctx *ctx)
{
	struct gw_list_run r;

	gw_list_read(ctx, &outbox, &r);
	gw_list_scope(&r, SCOPE_TROUBLE, NULL, 0);
	if (gw_list_page(ctx, &r) ||
	    gw_db_rows(ctx->db, ctx->hdf, "Mail.Counts", SQL_COUNTS, NULL) < 0)
		return 500;
	gw_hdf_set(ctx->hdf, "Page.Nav", "admin");
	gw_hdf_set(ctx->hdf, "Page.Title", "Admin.Mail.Title");
	gw_hdf_set(ctx->hdf, "Admin.Section", "mail");
	return gw_view_render(ctx, "admin_mail.cs");
}

int admin_mail_resend(struct gw_ctx *ctx)
{
	long long id = gw_param_id(ctx, 0);
	int found = gw_db_row(ctx->db, ctx->hdf, "Target", SQL_ONE, "i", id);

	if (found <= 0)
		return found < 0 ? 500 : 404;
	if (gw_db_begin(ctx->db) || gw_db_exec(ctx->db, SQL_RESEND, "i", id) != 1 ||
	    gw_audit(ctx, "mail.resend", "outbox", id, "%s",
		     hdf_get_value(ctx->hdf, "Target.subject", "")) ||
	    gw_db_commit(ctx->db)) {
		gw_db_rollback(ctx->db);
		return 500;
	}
	return gw_redirect(ctx, "admin", "/mail", "mail_resent");
}
