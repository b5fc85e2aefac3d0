/* complaint_work.h — the complaints' sections of the start page ("my work"),
 * declared in lib/programs.c. */
#ifndef GUWEN_COMPLAINT_WORK_H
#define GUWEN_COMPLAINT_WORK_H

#include "guwen/ctx.h"

/* Each writes one start-page section under prefix ("Work.N"): Items.N.{title,
 * href,alert} (the newest 10), count (up to "1000+"), due (the nearest deadline
 * still running, local time), more (the list of all of it). 0, -1 on error, 1
 * when the section is not for this user. */

/* Complaints to handle: for directors first the open major and severe ones (c,
 * d), about which they were alerted (marked .alert, and the section's alert),
 * then the user's own open ones (counted); none twice; nothing without
 * COMPLAINT_READ. */
int gw_complaint_work(struct gw_ctx *ctx, const char *prefix);
/* Open complaints to classify: unclassified web and staff ones of the user's
 * department or none (every one for COMPLAINT_ALL). */
int gw_complaint_work_classify(struct gw_ctx *ctx, const char *prefix);
/* Open a-level complaints of the user's department with no owner. */
int gw_complaint_work_unowned(struct gw_ctx *ctx, const char *prefix);
/* Open complaints escalated to the user (complaint_escalations, by `guwen jobs`). */
int gw_complaint_work_escalated(struct gw_ctx *ctx, const char *prefix);
/* Market: complaints referred to market and not yet answered. */
int gw_complaint_work_referred(struct gw_ctx *ctx, const char *prefix);

#endif
