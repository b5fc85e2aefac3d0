/* application_services.h — the services an applicant may ask for on the
 * onboarding form: the centre's active project types (issue 10: "from the
 * project types when they exist"), else the fixed list L.Application.Services.
 * An application stores its choice as the types' codes, "bookkeeping,cleanup". */
#ifndef GUWEN_APPLICATION_SERVICES_H
#define GUWEN_APPLICATION_SERVICES_H

#include "guwen/ctx.h"

/* The services to offer under prefix.<code> = name in the request's language
 * (project types in their order; the fixed list when there are none or the
 * database cannot be read). Their count. */
int gw_app_services(struct gw_ctx *ctx, const char *prefix);

/* A stored choice in words, "代理记账、财务理账": each code's project type name
 * in the request's language (also of a type since retired), else its fixed
 * word, else the code. In the arena. */
const char *gw_app_service_words(struct gw_ctx *ctx, const char *list);

/* Each code of a stored choice under prefix.<code> = its word (as above). */
void gw_app_services_chosen(struct gw_ctx *ctx, const char *prefix, const char *list);

#endif
