/* project_record.c — the one loader of a project with its latest slip: its
 * statement, its column table, the typed record. */
#include <stddef.h>

#include "guwen/project.h"
#include "guwen/record.h"

static const char SQL_GET[] =
    "SELECT p.id, p.client_id, c.name AS client_name, c.contact_email AS client_email,"
    " p.type_id, t.code AS type_code, t.name_zh AS type_zh, t.name_en AS type_en,"
    " p.department_id, d.name AS dept_name, p.lead_id, l.name AS lead_name, p.created_by,"
    " cb.name AS creator_name, p.status, p.rejections, p.fee_fen, p.fee_purpose, p.fee_due,"
    " p.version, p.created_at, p.fee_paid_on, p.fee_paid_fen, p.blocked_stage, p.blocked_reason,"
    " p.finance_qq, p.finance_wechat, p.checklist_sent_at,"
    " pc.id AS collection_id, pc.opened_at AS collection_opened,"
    " (SELECT COUNT(*) FROM project_type_steps s WHERE s.type_id = p.type_id AND s.active = 1)"
    "  AS nsteps,"
    " sl.id AS slip_id, sl.slip_on, sl.status AS slip_status, sl.learn_due, sl.coach_due,"
    " sl.learn_done_on, sl.coach_done_on,"
    " sl.advisor_id AS slip_advisor_id, sa.name AS slip_advisor_name,"
    " sl.department_id AS slip_department_id, sd.name AS slip_dept_name"
    " FROM projects p JOIN clients c ON c.id = p.client_id"
    " JOIN project_types t ON t.id = p.type_id JOIN departments d ON d.id = p.department_id"
    " LEFT JOIN users l ON l.id = p.lead_id LEFT JOIN users cb ON cb.id = p.created_by"
    " LEFT JOIN project_slips sl ON sl.project_id = p.id AND sl.id ="
    "  (SELECT MAX(x.id) FROM project_slips x WHERE x.project_id = p.id)"
    " LEFT JOIN project_collections pc ON pc.project_id = p.id AND pc.closed_at IS NULL"
    " LEFT JOIN users sa ON sa.id = sl.advisor_id"
    " LEFT JOIN departments sd ON sd.id = sl.department_id"
    " WHERE p.id = ?";

#define INT(m)                                                                                     \
	{                                                                                          \
		.name = #m, .type = GW_COL_INT, .offset = offsetof(struct gw_project, m),          \
		.level = 1                                                                         \
	}
#define TEXT(m)                                                                                    \
	{                                                                                          \
		.name = #m, .type = GW_COL_TEXT, .offset = offsetof(struct gw_project, m),         \
		.level = 1                                                                         \
	}

/* The fee and its purpose are business information (level 2). */
static const struct gw_col cols[] = {
    INT(id),
    INT(client_id),
    INT(type_id),
    INT(department_id),
    INT(lead_id),
    INT(created_by),
    INT(rejections),
    INT(version),
    INT(nsteps),
    INT(slip_id),
    INT(slip_advisor_id),
    INT(slip_department_id),
    INT(collection_id),
    {.name = "fee_paid_fen",
     .type = GW_COL_INT,
     .offset = offsetof(struct gw_project, fee_paid_fen),
     .level = 2},
    {.name = "fee_fen",
     .type = GW_COL_INT,
     .offset = offsetof(struct gw_project, fee_fen),
     .level = 2},
    TEXT(status),
    TEXT(client_name),
    TEXT(client_email),
    TEXT(type_code),
    TEXT(type_zh),
    TEXT(type_en),
    TEXT(dept_name),
    TEXT(lead_name),
    TEXT(creator_name),
    {.name = "fee_purpose",
     .type = GW_COL_TEXT,
     .offset = offsetof(struct gw_project, fee_purpose),
     .level = 2},
    TEXT(fee_due),
    TEXT(created_at),
    TEXT(slip_on),
    TEXT(slip_status),
    TEXT(learn_due),
    TEXT(coach_due),
    TEXT(slip_advisor_name),
    TEXT(slip_dept_name),
    TEXT(fee_paid_on),
    TEXT(blocked_stage),
    TEXT(blocked_reason),
    TEXT(collection_opened),
    {.name = "finance_qq",
     .type = GW_COL_TEXT,
     .offset = offsetof(struct gw_project, finance_qq),
     .level = 2},
    {.name = "finance_wechat",
     .type = GW_COL_TEXT,
     .offset = offsetof(struct gw_project, finance_wechat),
     .level = 2},
    TEXT(checklist_sent_at),
    TEXT(learn_done_on),
    TEXT(coach_done_on),
};

_Static_assert(sizeof(cols) / sizeof(cols[0]) <= 64, "the null mask holds 64 columns");

static const struct gw_record_desc desc = {
    .table = "projects",
    .entity = "project",
    .cols = cols,
    .ncols = sizeof(cols) / sizeof(cols[0]),
    .id_offset = offsetof(struct gw_project, id),
    .nulls_offset = offsetof(struct gw_project, nulls),
};

int gw_project_load(struct gw_ctx *ctx, long long id, struct gw_project *p)
{
	struct gw_record_read r = {.ctx = ctx, .d = &desc, .rec = p};
	int n;

	*p = (struct gw_project){0};
	n = gw_db_each(ctx->db, gw_record_row, &r, SQL_GET, "i", id);
	if (n <= 0)
		return n;
	return gw_record_done(&r) ? -1 : 1;
}

void gw_project_to_hdf(HDF *hdf, const char *prefix, const struct gw_project *p)
{
	gw_record_to_hdf(hdf, prefix, &desc, p);
}
