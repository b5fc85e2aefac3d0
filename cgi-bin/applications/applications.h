/* applications.h — what the files of applications.fcgi share: the review of
 * onboarding applications (入驻申请) by market staff and managers. */
#ifndef GUWEN_APPLICATIONS_H
#define GUWEN_APPLICATIONS_H

#include <stdlib.h>
#include <string.h>

#include "guwen/app.h"
#include "guwen/application_record.h"
#include "guwen/application_services.h"
#include "guwen/audit.h"
#include "guwen/form.h"
#include "guwen/hdfset.h"
#include "guwen/upload.h"
#include "guwen/valid.h"
#include "guwen/view.h"

/* The application id into *a and, for the page, App.*: 1, 0 none, -1 error. */
int app_load(struct gw_ctx *ctx, long long id, struct gw_application *a);
/* "/<id>" in the arena. */
const char *app_path(struct gw_ctx *ctx, long long id);

/* list.c */
int list_page(struct gw_ctx *ctx);
/* view.c */
int view_page(struct gw_ctx *ctx);
int file_get(struct gw_ctx *ctx);
/* decide.c */
int approve_submit(struct gw_ctx *ctx);
int reject_submit(struct gw_ctx *ctx);

#endif
