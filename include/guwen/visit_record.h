/* visit_record.h — a return visit (回访) as a typed record: its one loader
 * (with the client, the people's names, the plan and the signed scans
 * counted), its export to the page data, and the scope rule: who may see
 * which visit. Handlers read the struct, never the page data. */
#ifndef GUWEN_VISIT_RECORD_H
#define GUWEN_VISIT_RECORD_H

#include <stdint.h>

#include "guwen/ctx.h"

/* Texts are NULL for SQL NULL; DATETIMEs are local "YYYY-MM-DD HH:MM:SS",
 * DATEs "YYYY-MM-DD". overdue: the report is late (visited or returned, today
 * past report_due); nfiles: signed scans in visit_files. */
struct gw_visit {
	long long id, client_id, plan_id, complaint_id, project_id, department_id, visitor_id;
	long long agreed_with, failed_attempts, satisfaction, signed_, reviewed_by, archived_by;
	long long version, created_by, plan_created_by, nfiles, overdue, premium;
	const char *client_name, *client_email, *client_phone, *origin, *propose_key, *method;
	const char *status, *dept_name, *visitor_name, *contact_name, *contact_role, *due_on;
	const char *agreed_at, *agreed_topics, *agreed_with_name, *close_note, *visited_on;
	const char *report_due, *report_escalated_at, *discussed, *opinions, *actions;
	const char *submitted_at, *guidance, *reviewer_name, *reviewed_at, *category, *tags;
	const char *archiver_name, *archived_at, *mail_text, *mail_queued_at, *creator_name;
	const char *created_at, *updated_at, *plan_purpose;
	uint64_t nulls; /* gw_visit_null */
};

/* Visit id into *v (the arena holds its texts), whoever asks: 1 found, 0
 * none, -1 error. Callers that show it check gw_visit_scope first. */
int gw_visit_load(struct gw_ctx *ctx, long long id, struct gw_visit *v);
/* 1 when the column (by its name, "visited_on") was SQL NULL. */
int gw_visit_null(const struct gw_visit *v, const char *column);
/* The visit under prefix.<column> for the templates (signed_ as "signed_"). */
void gw_visit_to_hdf(HDF *hdf, const char *prefix, const struct gw_visit *v);

/* The scope rule: 1 when the signed-in user may see visit v — its visitor
 * always; a director every visit; a department manager the department's;
 * market (and anyone) the visits they planned (created_by). 0 otherwise (the pages answer 404). */
int gw_visit_scope(struct gw_ctx *ctx, const struct gw_visit *v);
/* The user's own list of visits as SQL over "visits v", each part of the
 * rule on its own key: a director every visit (NULL); a department manager
 * the department's; market the visits they planned; anyone else their own as
 * the visitor. (The visits a user is visitor of or planned, outside that, are
 * the lists "v.visitor_id = ?" and "v.created_by = ?".) A static condition
 * whose '?' are bound by the values written to args (room for 1; *nargs set). */
const char *gw_visit_scope_sql(struct gw_ctx *ctx, struct gw_db_arg *args, int *nargs);

/* gw_visit_load and gw_visit_scope: 1 loaded and in scope, 0 absent or out of
 * scope, -1 error. */
int gw_visit_load_scoped(struct gw_ctx *ctx, long long id, struct gw_visit *v);

#endif
