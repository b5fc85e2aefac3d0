/* visit_work.h — the return visits on the start page ("my work"): the
 * sections of lib/programs.c's table (items under prefix.N.{title,href,alert},
 * each linking to /visits/<id>; 0 or -1). */
#ifndef GUWEN_VISIT_WORK_H
#define GUWEN_VISIT_WORK_H

#include "guwen/ctx.h"

/* The visitor's four sections (a gw_work_batch_fn, one statement): planned
 * visits not yet tried, due within 2 working days (the working-day calendar)
 * or overdue (alert); planned ones with failed appointment attempts, due by
 * then; visits done whose report is not in (the report's due date, an alert
 * once it passed); reports the supervisor returned for more detail. */
int gw_visit_work_mine(struct gw_ctx *ctx, const char *const *prefixes);
/* A supervisor's two sections (a gw_work_batch_fn, one statement): reports
 * submitted for review (the manager's department's, not their own; a
 * director's: those of managers), and reports `guwen jobs` escalated as overdue
 * and still not in (alert; the department's, every one for a director). */
int gw_visit_work_supervise(struct gw_ctx *ctx, const char *const *prefixes);

#endif
