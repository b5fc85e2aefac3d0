/* projects.h — what the files of projects.fcgi share: the loaded project
 * (struct project), its scope, the version claim of every action, the timeline
 * and notices, and each page group's handlers. */
#ifndef GUWEN_PROJECTS_H
#define GUWEN_PROJECTS_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/app.h"
#include "guwen/audit.h"
#include "guwen/complaint.h"
#include "guwen/form.h"
#include "guwen/hdfset.h"
#include "guwen/mail.h"
#include "guwen/project.h"
#include "guwen/valid.h"
#include "guwen/view.h"

#define MAX_ID 4294967295LL

struct opts {
	struct gw_ctx *ctx;
	const char *prefix;
};

/* ---- common.c --------------------------------------------------------------- */
const char *word(struct gw_ctx *ctx, const char *key);
int has(struct gw_ctx *ctx, enum gw_perm p);
int sees_all(struct gw_ctx *ctx);
int sees_department(struct gw_ctx *ctx);
int load(struct gw_ctx *ctx, long long id, struct gw_project *p);
int step_name(struct gw_ctx *ctx, const struct gw_project *p, long long seq, const char **name);
int not_loaded(int r);
int claim(struct gw_ctx *ctx, const struct gw_project *p);
int refused(struct gw_ctx *ctx, const struct gw_project *p, const char *msg);
int event(struct gw_ctx *ctx, long long project_id, const char *kind, const char *body);
int done(struct gw_ctx *ctx, const struct gw_project *p, const char *flash);
void options(struct gw_ctx *ctx, const char *prefix, const char *sql, const char *fmt,
	     long long arg);

/* ---- slip.c: slips and their deadlines --------------------------------------- */
int slip_insert(struct gw_ctx *ctx, long long project_id, int32_t slip_on, long long dept,
		long long advisor);
int advisor_in_department(struct gw_ctx *ctx, long long advisor, long long dept);

/* ---- notify.c --------------------------------------------------------------- */
void notify_user(struct gw_ctx *ctx, const struct gw_project *p, long long user_id,
		 const char *subject_key, const char *text);
void notify_managers(struct gw_ctx *ctx, const struct gw_project *p, long long dept,
		     const char *subject_key, const char *text);
void notify_client(struct gw_ctx *ctx, const struct gw_project *p, const char *text);
void notify_client_as(struct gw_ctx *ctx, const struct gw_project *p, const char *subject_key,
		      const char *text);

/* ---- handlers --------------------------------------------------------------- */
int list_page(struct gw_ctx *ctx);
int export_csv(struct gw_ctx *ctx);
int summary_page(struct gw_ctx *ctx);
int summary_csv(struct gw_ctx *ctx);
int new_page(struct gw_ctx *ctx);
int new_submit(struct gw_ctx *ctx);
int view_page(struct gw_ctx *ctx);
int show_page(struct gw_ctx *ctx, const struct gw_project *p, const char *msg);
int slip_mine(struct gw_ctx *ctx, const struct gw_project *p);
int may_tick(struct gw_ctx *ctx, const struct gw_project *p);
int is(const char *a, const char *b);
int may_block(struct gw_ctx *ctx, const struct gw_project *p);
int may_unblock(struct gw_ctx *ctx, const struct gw_project *p);
int may_collect(struct gw_ctx *ctx, const struct gw_project *p);
int may_change_lead(struct gw_ctx *ctx, const struct gw_project *p);
void lead_options(struct gw_ctx *ctx, const struct gw_project *p);
int lead_submit(struct gw_ctx *ctx);
int may_start(struct gw_ctx *ctx, const struct gw_project *p);
int start_submit(struct gw_ctx *ctx);
int material_submit(struct gw_ctx *ctx);
int may_period(struct gw_ctx *ctx, const struct gw_project *p);
int period_submit(struct gw_ctx *ctx);
int period_filed_submit(struct gw_ctx *ctx);
int period_step_submit(struct gw_ctx *ctx);
int correction_submit(struct gw_ctx *ctx);
int is_creator(struct gw_ctx *ctx, const struct gw_project *p);
int is_manager_of(struct gw_ctx *ctx, const struct gw_project *p);
int step_submit(struct gw_ctx *ctx);
int may_deadline(struct gw_ctx *ctx, const struct gw_project *p);
int deadline_submit(struct gw_ctx *ctx);
int accept_submit(struct gw_ctx *ctx);
int reject_submit(struct gw_ctx *ctx);
int reassign_submit(struct gw_ctx *ctx);
int manager_answer_submit(struct gw_ctx *ctx);
int client_answer_submit(struct gw_ctx *ctx);
int block_submit(struct gw_ctx *ctx);
int block_forward_submit(struct gw_ctx *ctx);
int unblock_submit(struct gw_ctx *ctx);
int paid_submit(struct gw_ctx *ctx);
int collection_note_submit(struct gw_ctx *ctx);
int collections_page(struct gw_ctx *ctx);
int loaded(struct gw_ctx *ctx, struct gw_project *p);
int claimed(struct gw_ctx *ctx, const struct gw_project *p, int *answer);
int finish(struct gw_ctx *ctx, const struct gw_project *p, int failed, const char *action,
	   const char *flash);

#endif
