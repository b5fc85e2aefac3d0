/* complaint_record.c — the one loader of a complaint: its statement, its column
 * table, the typed record. */
#include <stddef.h>

#include "guwen/complaint_record.h"
#include "guwen/record.h"

static const char SQL_GET[] =
    "SELECT c.id, c.tracking_no, c.source, c.name, c.phone, c.email, c.company, c.client_id,"
    " cl.name AS client_name, c.subject_text, c.advisor_id, av.name AS advisor_name,"
    " c.happened_on, c.description, c.severity, c.stage, c.department_id,"
    " d.name AS dept_name, c.owner_id, ow.name AS owner_name, c.response_due,"
    " c.resolution_due, c.responded_at, c.resolved_at, c.closed_at, c.waiting_since,"
    " c.escalation, c.response_escalation, c.warned_at, c.root_cause, c.corrective_action,"
    " c.rating,"
    " c.rating_comment, c.rated_at, c.created_at, cb.name AS created_by_name, c.version,"
    " c.trust, c.suspect_reason, c.released_at, c.created_by, c.duplicate_of,"
    " dup.tracking_no AS duplicate_of_no,"
    /* a released suspected post's clock starts at its release */
    " UNIX_TIMESTAMP(COALESCE(c.released_at, c.created_at)) AS created_ts,"
    " UNIX_TIMESTAMP(c.waiting_since) AS waiting_ts,"
    " UNIX_TIMESTAMP(c.response_due) AS response_ts,"
    " UNIX_TIMESTAMP(c.resolution_due) AS resolution_ts, " GW_COMPLAINT_OVERDUE " AS overdue,"
    " (c.responded_at IS NULL AND c.waiting_since IS NULL AND c.response_due < ?)"
    " AS response_overdue"
    " FROM complaints c LEFT JOIN clients cl ON cl.id = c.client_id"
    " LEFT JOIN users av ON av.id = c.advisor_id"
    " LEFT JOIN departments d ON d.id = c.department_id"
    " LEFT JOIN users ow ON ow.id = c.owner_id LEFT JOIN users cb ON cb.id = c.created_by"
    " LEFT JOIN complaints dup ON dup.id = c.duplicate_of"
    " WHERE c.id = ?";

#define INT(m)                                                                                     \
	{                                                                                          \
		.name = #m, .type = GW_COL_INT, .offset = offsetof(struct gw_complaint, m),        \
		.level = 1                                                                         \
	}
#define TEXT(m)                                                                                    \
	{                                                                                          \
		.name = #m, .type = GW_COL_TEXT, .offset = offsetof(struct gw_complaint, m),       \
		.level = 1                                                                         \
	}

/* Every column is level 1 and stored in the clear today; a level-3 sealed one
 * would be { .name = …, .type = GW_COL_TEXT, .offset = …, .level = 3, .sealed = 1 }. */
static const struct gw_col cols[] = {
    INT(id),
    INT(client_id),
    INT(advisor_id),
    INT(department_id),
    INT(owner_id),
    INT(version),
    INT(escalation),
    INT(response_escalation),
    INT(rating),
    INT(overdue),
    INT(response_overdue),
    INT(created_ts),
    INT(waiting_ts),
    INT(response_ts),
    INT(resolution_ts),
    INT(created_by),
    INT(duplicate_of),
    TEXT(duplicate_of_no),
    TEXT(tracking_no),
    TEXT(source),
    TEXT(name),
    TEXT(phone),
    TEXT(email),
    TEXT(company),
    TEXT(client_name),
    TEXT(subject_text),
    TEXT(advisor_name),
    TEXT(happened_on),
    TEXT(description),
    TEXT(severity),
    TEXT(stage),
    TEXT(dept_name),
    TEXT(owner_name),
    TEXT(trust),
    TEXT(suspect_reason),
    TEXT(response_due),
    TEXT(resolution_due),
    TEXT(responded_at),
    TEXT(resolved_at),
    TEXT(closed_at),
    TEXT(waiting_since),
    TEXT(warned_at),
    TEXT(released_at),
    TEXT(created_at),
    TEXT(created_by_name),
    TEXT(root_cause),
    TEXT(corrective_action),
    TEXT(rating_comment),
    TEXT(rated_at),
};

_Static_assert(sizeof(cols) / sizeof(cols[0]) <= 64, "the null mask holds 64 columns");

static const struct gw_record_desc desc = {
    .table = "complaints",
    .entity = "complaint",
    .cols = cols,
    .ncols = sizeof(cols) / sizeof(cols[0]),
    .id_offset = offsetof(struct gw_complaint, id),
    .nulls_offset = offsetof(struct gw_complaint, nulls),
};

int gw_complaint_load(struct gw_ctx *ctx, long long id, struct gw_complaint *c)
{
	struct gw_record_read r = {.ctx = ctx, .d = &desc, .rec = c};
	const char *now = gw_now_utc(ctx);
	int n;

	*c = (struct gw_complaint){0};
	n = gw_db_each(ctx->db, gw_record_row, &r, SQL_GET, "ssi", now, now, id);
	if (n <= 0)
		return n;
	if (gw_record_done(&r))
		return -1;
	c->sev = gw_severity_from(c->severity);
	c->stage_no = gw_stage_from(c->stage);
	return 1;
}

int gw_complaint_null(const struct gw_complaint *c, const char *column)
{
	return gw_record_null(&desc, c, column);
}

void gw_complaint_to_hdf(HDF *hdf, const char *prefix, const struct gw_complaint *c)
{
	gw_record_to_hdf(hdf, prefix, &desc, c);
}
