/* visits.h — what the files of visits.fcgi share: the loaded visit (struct
 * gw_visit, in the user's scope), who may act on it, the version claim of
 * every action, the timeline, and each page group's handlers. */
#ifndef GUWEN_VISITS_H
#define GUWEN_VISITS_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/app.h"
#include "guwen/audit.h"
#include "guwen/form.h"
#include "guwen/hdfset.h"
#include "guwen/valid.h"
#include "guwen/view.h"
#include "guwen/visit.h"
#include "guwen/visit_record.h"

#define MAX_ID 4294967295LL

/* ---- common.c --------------------------------------------------------------- */
int is(const char *a, const char *b);
int has(struct gw_ctx *ctx, enum gw_perm p);
int load(struct gw_ctx *ctx, struct gw_visit *v);
int not_loaded(int r);
int may_work(struct gw_ctx *ctx, const struct gw_visit *v);
int may_cancel(struct gw_ctx *ctx, const struct gw_visit *v);
int claimed(struct gw_ctx *ctx, const struct gw_visit *v, int *answer);
int refused(struct gw_ctx *ctx, const struct gw_visit *v, const char *msg);
int event(struct gw_ctx *ctx, const struct gw_visit *v, const char *kind, const char *body);
int finish(struct gw_ctx *ctx, const struct gw_visit *v, int failed, const char *action,
	   const char *flash);
void options(struct gw_ctx *ctx, const char *prefix, const char *sql);
void words(struct gw_ctx *ctx, const char *prefix, const char *words_at, const char *const *keys);
const char *visit_path(struct gw_ctx *ctx, long long id, const char *rest);

/* ---- list.c ----------------------------------------------------------------- */
int list_page(struct gw_ctx *ctx);
int export_csv(struct gw_ctx *ctx);

/* ---- plan.c: choose clients, register the plan ------------------------------- */
extern const char *const method_choices[];
int plan_page(struct gw_ctx *ctx);
int plan_submit(struct gw_ctx *ctx);

/* ---- view.c: the visit's page and its print form ----------------------------- */
int view_page(struct gw_ctx *ctx);
int show_page(struct gw_ctx *ctx, const struct gw_visit *v, const char *msg);
int print_page(struct gw_ctx *ctx);

/* ---- attempts.c: before the visit -------------------------------------------- */
int agree_submit(struct gw_ctx *ctx);
int attempt_submit(struct gw_ctx *ctx);
int visited_submit(struct gw_ctx *ctx);
int cancel_submit(struct gw_ctx *ctx);

/* ---- report.c: 《客户回访情况表》 and the signed scan -------------------------- */
int report_submit(struct gw_ctx *ctx);
int scan_submit(struct gw_ctx *ctx);
int scan_get(struct gw_ctx *ctx);

#endif
