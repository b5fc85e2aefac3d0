/* project.h — service projects (项目): the typed record of one project, the
 * assignment slip's working-day deadlines, and the start-page section. */
#ifndef GUWEN_PROJECT_H
#define GUWEN_PROJECT_H

#include <stdint.h>

#include "guwen/ctx.h"

/* Working days from the slip's date: learn the client's basics, finish the
 * on-site coaching (现场辅导). */
#define GW_SLIP_LEARN_DAYS 2
#define GW_SLIP_COACH_DAYS 3

struct gw_project {
	long long id, client_id, type_id, department_id, lead_id, created_by, rejections, fee_fen,
	    version, nsteps, slip_id, slip_advisor_id, slip_department_id, fee_paid_fen,
	    collection_id;
	const char *status, *client_name, *client_email, *type_code, *type_zh, *type_en, *dept_name,
	    *lead_name, *creator_name, *fee_purpose, *fee_due, *created_at, *slip_on, *slip_status,
	    *learn_due, *coach_due, *slip_advisor_name, *slip_dept_name, *fee_paid_on,
	    *blocked_stage, *blocked_reason, *collection_opened, *finance_qq, *finance_wechat,
	    *checklist_sent_at, *learn_done_on, *coach_done_on;
	uint64_t nulls;
};

/* The project id into *p (with its latest slip): 1, 0 absent, -1 error. */
int gw_project_load(struct gw_ctx *ctx, long long id, struct gw_project *p);
/* The project under prefix.<column> for the templates. */
void gw_project_to_hdf(HDF *hdf, const char *prefix, const struct gw_project *p);

/* The slip's two deadlines from its date on the calendar in the database:
 * 0, or -1 when the calendar could not be read. */
int gw_project_slip_dues(struct gw_db *db, int32_t slip_on, int32_t *learn, int32_t *coach);

/* The filing deadline of a 代理记账 month (year, month 1–12): the 15th of the
 * next month, moved to the next working day. 0, or -1 when the calendar could
 * not be read. */
int gw_project_filing_due(struct gw_db *db, int year, int month, int32_t *due);

/* The start-page section "my projects": slips to accept, rejected slips to
 * assign again, second rejections to answer, deadlines in the next 2 working
 * days and overdue ones (alert). 0 or -1. */
int gw_project_work(struct gw_ctx *ctx, const char *prefix);

#endif
