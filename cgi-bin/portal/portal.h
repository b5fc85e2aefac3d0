/* portal.h — what the files of portal.fcgi share: the Portal.* limits, the
 * bot test of public forms and each page group's handlers. */
#ifndef GUWEN_PORTAL_H
#define GUWEN_PORTAL_H

#include <stdlib.h>
#include <string.h>

#include "guwen/app.h"
#include "guwen/csrf.h"
#include "guwen/form.h"
#include "guwen/hdfset.h"
#include "guwen/ratelimit.h"
#include "guwen/upload.h"
#include "guwen/valid.h"
#include "guwen/view.h"

/* Defaults of the Portal.* configuration keys. */
#define FORM_MIN_SECONDS 3         /* a person needs longer than this to fill the form */
#define FORM_MAX_SECONDS (2 * 3600) /* after this the page is shown again: "expired" */
#define POSTS_PER_HOUR 5           /* accepted posts per address per hour */
#define LOOKUP_FAILS_PER_HOUR 10   /* wrong codes per address per hour */

/* The configured Portal.<key>, or def. */
int portal_limit(struct gw_ctx *ctx, const char *key, int def);
/* Only a filled honeypot or a forged token: people are never taken for bots. */
int portal_is_bot(struct gw_ctx *ctx, enum gw_form_token t);

/* complaint.c: the complaint form */
int complaint_page(struct gw_ctx *ctx);
int complaint_submit(struct gw_ctx *ctx);
/* status.c: the complaint look-up and rating */
int status_page(struct gw_ctx *ctx);
int status_submit(struct gw_ctx *ctx);
int rate_submit(struct gw_ctx *ctx);

#endif
