/* clients.h — clients.fcgi (客户档案): the shared declarations of its page
 * groups (list.c, edit.c, view.c, people.c, finance.c). */
#ifndef CLIENTS_H
#define CLIENTS_H

#include <string.h>

#include "guwen/app.h"
#include "guwen/audit.h"
#include "guwen/client_record.h"
#include "guwen/client_store.h"
#include "guwen/form.h"
#include "guwen/hdfset.h"
#include "guwen/valid.h"
#include "guwen/view.h"

#define MAX_ID 4294967295LL

extern const char *const tier_keys[];

/* ---- common.c ---- */
int has(struct gw_ctx *ctx, enum gw_perm p);
const char *client_path(struct gw_ctx *ctx, long long id, const char *tail);
/* The client of the route's :id the user may see: 1 (c loaded with the
 * classes of *level), or an HTTP status (404 outside their lists, 500). */
int open_client(struct gw_ctx *ctx, struct gw_client *c, int *level);
/* The same with no class above max loaded (nor its read audited). */
int open_client_upto(struct gw_ctx *ctx, struct gw_client *c, int *level, int max);
/* A phone number in the stored normal form, as complaints keep it
 * (gw_phone_normalize: 13800138000, 010-62345678, an extension as -123), in
 * the arena; s itself when it is no phone number. */
const char *phone_normal(struct gw_ctx *ctx, const char *s);
/* Select options: prefix.<id> = name. */
void options(struct gw_ctx *ctx, const char *prefix, const char *sql);
void page(struct gw_ctx *ctx, const char *title);

/* ---- handlers ---- */
int list_page(struct gw_ctx *ctx);
int export_csv(struct gw_ctx *ctx);
int new_page(struct gw_ctx *ctx);
int new_submit(struct gw_ctx *ctx);
int edit_page(struct gw_ctx *ctx);
int edit_submit(struct gw_ctx *ctx);
int view_page(struct gw_ctx *ctx);
int show_client(struct gw_ctx *ctx, const struct gw_client *c, int level);
int verify_submit(struct gw_ctx *ctx);
int contacted_submit(struct gw_ctx *ctx);
int contact_submit(struct gw_ctx *ctx);
int primary_submit(struct gw_ctx *ctx);
int lead_page(struct gw_ctx *ctx);
int lead_submit(struct gw_ctx *ctx);
int lead_remove(struct gw_ctx *ctx);
int period_submit(struct gw_ctx *ctx);
int file_submit(struct gw_ctx *ctx);
int file_get(struct gw_ctx *ctx);

#endif
