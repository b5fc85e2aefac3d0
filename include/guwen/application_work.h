/* application_work.h — the onboarding applications' section of the start page
 * ("my work") for their reviewers, declared in lib/programs.c. */
#ifndef GUWEN_APPLICATION_WORK_H
#define GUWEN_APPLICATION_WORK_H

#include "guwen/ctx.h"

/* The 10 oldest applications waiting for review (submitted, a suspected one
 * marked .alert), under prefix.N.{title,href,alert}; nothing without
 * APPLICATION_REVIEW. 0 or -1. */
int gw_application_work(struct gw_ctx *ctx, const char *prefix);

#endif
