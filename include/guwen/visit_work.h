/* visit_work.h — the return visits on the start page ("my work"), one
 * function per section of lib/programs.c's table (gw_work_fn: items under
 * prefix.N.{title,href,alert}, each linking to /visits/<id>; 0 or -1). */
#ifndef GUWEN_VISIT_WORK_H
#define GUWEN_VISIT_WORK_H

#include "guwen/ctx.h"

/* The user's planned visits not yet tried, due within 2 working days (the
 * working-day calendar) or overdue (alert). */
int gw_visit_work_due(struct gw_ctx *ctx, const char *prefix);
/* The user's planned visits with failed appointment attempts, due by then. */
int gw_visit_work_attempts(struct gw_ctx *ctx, const char *prefix);
/* The user's visits done whose report is not in: the report's due date, an
 * alert once it passed. */
int gw_visit_work_write(struct gw_ctx *ctx, const char *prefix);
/* The user's reports the supervisor returned for more detail. */
int gw_visit_work_returned(struct gw_ctx *ctx, const char *prefix);
/* Reports submitted for review: the manager's department's (not their own),
 * a director's: those of managers. */
int gw_visit_work_review(struct gw_ctx *ctx, const char *prefix);
/* Reports `guwen jobs` escalated as overdue and still not in (alert): the
 * manager's department's, every one for a director. */
int gw_visit_work_overdue(struct gw_ctx *ctx, const char *prefix);

#endif
