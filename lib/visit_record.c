/* visit_record.c — the one loader of a return visit (its statement, its
 * column table, the typed record) and the scope rule of visits. */
#include <stddef.h>
#include <string.h>

#include "guwen/record.h"
#include "guwen/valid.h"
#include "guwen/visit_record.h"

/* overdue: visited, the report not submitted, today (local, '?') past report_due */
static const char SQL_GET[] =
    "SELECT v.id, v.client_id, c.name AS client_name, c.contact_email AS client_email,"
    " c.contact_phone AS client_phone, c.tier = 'premium' AS premium, v.plan_id,"
    " vp.purpose AS plan_purpose, vp.created_by AS plan_created_by, v.complaint_id,"
    " v.project_id, v.origin, v.propose_key, v.method, v.status, v.department_id,"
    " d.name AS dept_name, v.visitor_id, vu.name AS visitor_name, v.contact_name,"
    " v.contact_role, v.due_on, v.agreed_at, v.agreed_topics, v.agreed_with,"
    " aw.name AS agreed_with_name, v.failed_attempts, v.close_note, v.visited_on,"
    " v.report_due, v.report_escalated_at, v.discussed, v.opinions, v.satisfaction,"
    " v.actions, v.signed AS signed_, v.submitted_at, v.guidance, v.reviewed_by,"
    " rv.name AS reviewer_name, v.reviewed_at, v.category, v.tags, v.archived_by,"
    " ar.name AS archiver_name, v.archived_at, v.mail_text, v.mail_queued_at, v.version,"
    " v.created_by, cb.name AS creator_name, v.created_at, v.updated_at,"
    " (SELECT COUNT(*) FROM visit_files f WHERE f.visit_id = v.id) AS nfiles,"
    " (v.status = 'visited' AND v.report_due < ?) AS overdue"
    " FROM visits v JOIN clients c ON c.id = v.client_id"
    " LEFT JOIN visit_plans vp ON vp.id = v.plan_id"
    " LEFT JOIN departments d ON d.id = v.department_id"
    " LEFT JOIN users vu ON vu.id = v.visitor_id LEFT JOIN users aw ON aw.id = v.agreed_with"
    " LEFT JOIN users rv ON rv.id = v.reviewed_by LEFT JOIN users ar ON ar.id = v.archived_by"
    " LEFT JOIN users cb ON cb.id = v.created_by WHERE v.id = ?";

#define INT(m)                                                                                     \
	{                                                                                          \
		.name = #m, .type = GW_COL_INT, .offset = offsetof(struct gw_visit, m), .level = 1 \
	}
#define TEXT(m)                                                                                    \
	{                                                                                          \
		.name = #m, .type = GW_COL_TEXT, .offset = offsetof(struct gw_visit, m),           \
		.level = 1                                                                         \
	}

static const struct gw_col cols[] = {
    INT(id),
    INT(client_id),
    INT(plan_id),
    INT(complaint_id),
    INT(project_id),
    INT(department_id),
    INT(visitor_id),
    INT(agreed_with),
    INT(failed_attempts),
    INT(satisfaction),
    INT(signed_),
    INT(reviewed_by),
    INT(archived_by),
    INT(version),
    INT(created_by),
    INT(plan_created_by),
    INT(nfiles),
    INT(overdue),
    INT(premium),
    TEXT(client_name),
    TEXT(client_email),
    TEXT(client_phone),
    TEXT(origin),
    TEXT(propose_key),
    TEXT(method),
    TEXT(status),
    TEXT(dept_name),
    TEXT(visitor_name),
    TEXT(contact_name),
    TEXT(contact_role),
    TEXT(due_on),
    TEXT(agreed_at),
    TEXT(agreed_topics),
    TEXT(agreed_with_name),
    TEXT(close_note),
    TEXT(visited_on),
    TEXT(report_due),
    TEXT(report_escalated_at),
    TEXT(discussed),
    TEXT(opinions),
    TEXT(actions),
    TEXT(submitted_at),
    TEXT(guidance),
    TEXT(reviewer_name),
    TEXT(reviewed_at),
    TEXT(category),
    TEXT(tags),
    TEXT(archiver_name),
    TEXT(archived_at),
    TEXT(mail_text),
    TEXT(mail_queued_at),
    TEXT(creator_name),
    TEXT(created_at),
    TEXT(updated_at),
    TEXT(plan_purpose),
};

_Static_assert(sizeof(cols) / sizeof(cols[0]) <= 64, "the null mask holds 64 columns");

static const struct gw_record_desc desc = {
    .table = "visits",
    .entity = "visit",
    .cols = cols,
    .ncols = sizeof(cols) / sizeof(cols[0]),
    .id_offset = offsetof(struct gw_visit, id),
    .nulls_offset = offsetof(struct gw_visit, nulls),
};

int gw_visit_load(struct gw_ctx *ctx, long long id, struct gw_visit *v)
{
	struct gw_record_read r = {.ctx = ctx, .d = &desc, .rec = v};
	char today[11];
	int n;

	*v = (struct gw_visit){0};
	gw_date_format(gw_today(ctx), today);
	n = gw_db_each(ctx->db, gw_record_row, &r, SQL_GET, "si", today, id);
	if (n <= 0)
		return n;
	return gw_record_done(&r) ? -1 : 1;
}

int gw_visit_null(const struct gw_visit *v, const char *column)
{
	return gw_record_null(&desc, v, column);
}

void gw_visit_to_hdf(HDF *hdf, const char *prefix, const struct gw_visit *v)
{
	gw_record_to_hdf(hdf, prefix, &desc, v);
}

int gw_visit_scope(struct gw_ctx *ctx, const struct gw_visit *v)
{
	const struct gw_user *u = ctx->user;

	if (!u)
		return 0;
	if (u->role == GW_ROLE_DIRECTOR || v->visitor_id == u->id || v->created_by == u->id)
		return 1;
	return u->role == GW_ROLE_MANAGER && u->dept_id && v->department_id == u->dept_id;
}

static const char SCOPE_DEPARTMENT[] = "v.department_id = ?";
static const char SCOPE_PLANNED[] = "v.created_by = ?";
static const char SCOPE_VISITOR[] = "v.visitor_id = ?";

const char *gw_visit_scope_sql(struct gw_ctx *ctx, struct gw_db_arg *args, int *nargs)
{
	const struct gw_user *u = ctx->user;

	*nargs = u->role == GW_ROLE_DIRECTOR ? 0 : 1;
	switch (u->role) {
	case GW_ROLE_DIRECTOR: return NULL;
	case GW_ROLE_MANAGER:
		args[0] = (struct gw_db_arg){GW_DB_INT, u->dept_id, NULL};
		return SCOPE_DEPARTMENT;
	case GW_ROLE_MARKET:
		args[0] = (struct gw_db_arg){GW_DB_INT, u->id, NULL};
		return SCOPE_PLANNED;
	default: args[0] = (struct gw_db_arg){GW_DB_INT, u->id, NULL}; return SCOPE_VISITOR;
	}
}

int gw_visit_load_scoped(struct gw_ctx *ctx, long long id, struct gw_visit *v)
{
	int r;

	if (id <= 0)
		return 0;
	r = gw_visit_load(ctx, id, v);
	return r <= 0 ? r : gw_visit_scope(ctx, v);
}
