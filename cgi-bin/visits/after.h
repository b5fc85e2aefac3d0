/* after.h — visits.fcgi after the report is submitted: the supervisor's
 * review (指导意见, accept or return), the keeper's classification and the
 * archive (read-only, searchable), the visit content mailed to the client,
 * and an opinion turned into a complaint. What these pages share (after.c)
 * and their handlers, for the route table in main.c. */
#ifndef GUWEN_VISITS_AFTER_H
#define GUWEN_VISITS_AFTER_H

#include "guwen/app.h"
#include "guwen/visit_record.h"

/* ---- after.c: shared by the pages after the report ------------------------ */

/* The route's visit into *v when the user may see it (the scope rule, and the
 * keeper sees every accepted or archived report): 1, 0 (absent or out of
 * scope: 404), -1 error. */
int after_load(struct gw_ctx *ctx, struct gw_visit *v);
/* 1 when the signed-in user is the keeper named in the settings. */
int after_is_keeper(struct gw_ctx *ctx);
/* 1 when the user may review v: visit_review, the manager of the visit's
 * department or a director, and not the visitor themselves. */
int after_may_review(struct gw_ctx *ctx, const struct gw_visit *v);
/* 1 when status is s. */
int after_is(const struct gw_visit *v, const char *s);
/* Begin the action's transaction and claim the visit at the version its form
 * showed, in the status it had: 0 claimed, 1 changed meanwhile (nothing
 * begun), -1 error. */
int after_claim(struct gw_ctx *ctx, const struct gw_visit *v);
/* Audit, commit and go back to the visit's page with a flash message
 * (L.Flash.<flash>); failed: roll back and answer 500 / 503. */
int after_finish(struct gw_ctx *ctx, const struct gw_visit *v, int failed, const char *action,
		 const char *flash);
/* A line on the visit's timeline by the signed-in user. 0 or -1. */
int after_event(struct gw_ctx *ctx, const struct gw_visit *v, const char *kind, const char *body);
/* Render one of these pages (templates/visits/<tpl>) for visit v with the
 * report shown (V.*), the page's title (an L key under L.) and, when msg is
 * given, why the action was not done (L.VisitReview.Msg.<msg>, status 409). */
int after_page(struct gw_ctx *ctx, const struct gw_visit *v, const char *tpl, const char *title,
	       const char *msg);
/* The page of v refusing the action because the visit is archived (409). */
int after_archived(struct gw_ctx *ctx, const struct gw_visit *v);
/* The visit page's part of this module: who may do what next (After.*), the
 * mail's outbox state and the complaints made from the visit. For A's
 * visit page (templates/visits/after_part.cs shows it). */
void after_to_hdf(struct gw_ctx *ctx, const struct gw_visit *v);

/* ---- review.c: the supervisor's review -------------------------------------- */
int review_page(struct gw_ctx *ctx);
int review_submit(struct gw_ctx *ctx);
int review_list(struct gw_ctx *ctx);

/* ---- archive.c: the keeper's classification and the archive ----------------- */
int keeper_page(struct gw_ctx *ctx);
int keeper_submit(struct gw_ctx *ctx);
int archive_list(struct gw_ctx *ctx);
int archive_csv(struct gw_ctx *ctx);

/* ---- mail.c: the visit content mailed to the client ------------------- */
int clientmail_page(struct gw_ctx *ctx);
int clientmail_submit(struct gw_ctx *ctx);

/* ---- opinion.c: an opinion turned into a complaint -------------------------- */
int opinion_page(struct gw_ctx *ctx);
int opinion_submit(struct gw_ctx *ctx);

#endif
