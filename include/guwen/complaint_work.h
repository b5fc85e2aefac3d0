/* complaint_work.h — the complaints' sections of the start page ("my work"),
 * declared in lib/programs.c. */
#ifndef GUWEN_COMPLAINT_WORK_H
#define GUWEN_COMPLAINT_WORK_H

#include "guwen/ctx.h"

/* Complaints to handle: for directors first the open major and severe ones (c,
 * d), about which they were alerted (marked .alert), then the user's own open
 * ones; at most 10 each, none twice. Under prefix.N.{title,href,alert}; nothing
 * without COMPLAINT_READ. 0 or -1. */
int gw_complaint_work(struct gw_ctx *ctx, const char *prefix);

#endif
