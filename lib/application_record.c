/* application_record.c — the one loader of an onboarding application: its
 * statement, its column table, the typed record. */
#include <stddef.h>

#include "guwen/application_record.h"
#include "guwen/record.h"

#define SQL_COLS                                                                                   \
	"SELECT a.id, a.status, a.round, a.company_name, a.uscc, a.contact_name,"                  \
	" a.contact_phone, a.contact_email, a.services, a.trust, a.suspect_reason, a.reason,"      \
	" a.client_id, a.submitted_at, a.created_at, a.reviewed_at, u.name AS reviewer_name,"      \
	" c.name AS client_name FROM applications a LEFT JOIN users u ON u.id = a.reviewer_id"     \
	" LEFT JOIN clients c ON c.id = a.client_id"
static const char SQL_BY_ID[] = SQL_COLS " WHERE a.id = ?";
static const char SQL_BY_LINK[] = SQL_COLS " WHERE a.link_hash = ?";

#define INT(m)                                                                                     \
	{                                                                                          \
		.name = #m, .type = GW_COL_INT, .offset = offsetof(struct gw_application, m),      \
		.level = 1                                                                         \
	}
#define TEXT(m)                                                                                    \
	{                                                                                          \
		.name = #m, .type = GW_COL_TEXT, .offset = offsetof(struct gw_application, m),     \
		.level = 1                                                                         \
	}

/* Every column is basic information (level 1), stored in the clear. */
static const struct gw_col cols[] = {
    INT(id),
    INT(round),
    INT(client_id),
    TEXT(status),
    TEXT(company_name),
    TEXT(uscc),
    TEXT(contact_name),
    TEXT(contact_phone),
    TEXT(contact_email),
    TEXT(services),
    TEXT(trust),
    TEXT(suspect_reason),
    TEXT(reason),
    TEXT(submitted_at),
    TEXT(created_at),
    TEXT(reviewed_at),
    TEXT(reviewer_name),
    TEXT(client_name),
};

static const struct gw_record_desc desc = {
    .table = "applications",
    .entity = "application",
    .cols = cols,
    .ncols = sizeof(cols) / sizeof(cols[0]),
    .id_offset = offsetof(struct gw_application, id),
    .nulls_offset = offsetof(struct gw_application, nulls),
};

static int load(struct gw_ctx *ctx, const char *sql, struct gw_db_arg key, struct gw_application *a)
{
	struct gw_record_read r = {.ctx = ctx, .d = &desc, .rec = a};
	int n;

	*a = (struct gw_application){0};
	n = gw_db_each_args(ctx->db, gw_record_row, &r, sql, &key, 1, 0);
	if (n <= 0)
		return n;
	return gw_record_done(&r) ? -1 : 1;
}

int gw_application_load(struct gw_ctx *ctx, long long id, struct gw_application *a)
{
	return id > 0 ? load(ctx, SQL_BY_ID, (struct gw_db_arg){GW_DB_INT, id, NULL}, a) : 0;
}

int gw_application_by_link(struct gw_ctx *ctx, const char *link_hash, struct gw_application *a)
{
	return load(ctx, SQL_BY_LINK, (struct gw_db_arg){GW_DB_TEXT, 0, link_hash}, a);
}

void gw_application_to_hdf(HDF *hdf, const char *prefix, const struct gw_application *a)
{
	gw_record_to_hdf(hdf, prefix, &desc, a);
}
