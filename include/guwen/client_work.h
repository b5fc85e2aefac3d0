/* client_work.h — the clients on the start page: those the user leads that
 * were not contacted within the contact cycle (setting contact_days). */
#ifndef GUWEN_CLIENT_WORK_H
#define GUWEN_CLIENT_WORK_H

#include "guwen/ctx.h"

/* The contact cycle in days (setting contact_days, 1 to 365; 30 without one). */
int gw_client_contact_days(struct gw_ctx *ctx);
/* Up to 10 of the user's clients due for contact, longest ago first, under
 * prefix.N.{title,href,alert}; nothing without CLIENT_READ. 0 or -1. */
int gw_client_work(struct gw_ctx *ctx, const char *prefix);

#endif
