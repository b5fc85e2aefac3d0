/* visit_work.h — the return visits on the start page ("my work"): the
 * sections of lib/programs.c's table (items under prefix.N.{title,href,alert},
 * each linking to /visits/<id>; each a part of the page's statement; 0 or -1). */
#ifndef GUWEN_VISIT_WORK_H
#define GUWEN_VISIT_WORK_H

#include "guwen/ctx.h"

/* The visitor's: planned visits not yet tried, due within 2 working days (the
 * working-day calendar) or overdue (alert); planned ones with failed
 * appointment attempts, due by then; visits done whose report is not in (the
 * report's due date, an alert once it passed); reports the supervisor returned
 * for more detail. */
int gw_visit_work_due(struct gw_ctx *ctx, const char *prefix);
int gw_visit_work_attempts(struct gw_ctx *ctx, const char *prefix);
int gw_visit_work_write(struct gw_ctx *ctx, const char *prefix);
int gw_visit_work_returned(struct gw_ctx *ctx, const char *prefix);
/* A supervisor's: reports submitted for review (the manager's department's,
 * not their own; a director's: those of managers), and reports `guwen jobs`
 * escalated as overdue and still not in (alert; the department's, every one
 * for a director). */
int gw_visit_work_review(struct gw_ctx *ctx, const char *prefix);
int gw_visit_work_overdue(struct gw_ctx *ctx, const char *prefix);

#endif
