/* complaints.h — what the files of complaints.fcgi share: the statements and
 * forms used by more than one page group, the loaded complaint's helpers (struct gw_complaint)
 * (scope, version claim, options for selects) and each page group's handlers. */
#ifndef GUWEN_COMPLAINTS_H
#define GUWEN_COMPLAINTS_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/app.h"
#include "guwen/audit.h"
#include "guwen/client_pick.h"
#include "guwen/client_record.h"
#include "guwen/complaint.h"
#include "guwen/complaint_db.h"
#include "guwen/complaint_record.h"
#include "guwen/complaint_wait.h"
#include "guwen/csv.h"
#include "guwen/form.h"
#include "guwen/hdfset.h"
#include "guwen/mail.h"
#include "guwen/upload.h"
#include "guwen/valid.h"
#include "guwen/view.h"

/* Overdue: not yet resolved, the clock running, the resolution deadline passed. */
#define OVERDUE GW_COMPLAINT_OVERDUE

#define MAX_ID 4294967295LL

/* The clients in a user's lists (on clients c; DOMAIN.md: any of their leads,
 * their department's managers, directors), as the client pages have them:
 * scope, user, scope, department. */
#define CLIENT_SCOPE " AND " GW_CLIENT_SCOPE

/* A select's options under prefix.N.{value,label} (option_row, owner_row). */
struct opts {
	struct gw_ctx *ctx;
	const char *prefix;
};

/* ---- search.c: the lists' search box (struct gw_list.search) ---- */
struct gw_list_run;
void complaint_search(struct gw_ctx *ctx, struct gw_list_run *r, struct gw_buf *b);
/* "q%" for LIKE with q's own % _ \ taken literally, in the arena. */
const char *like_prefix(struct gw_ctx *ctx, const char *q);

/* ---- common.c: forms' choices, words, scope, the loaded complaint, claims ---- */
extern const char *const severity_choices[];
extern const char *const next_stage_choices[];
extern const char SQL_ADVISORS[];
void drop(struct gw_ctx *ctx, const char *name);
int has(struct gw_ctx *ctx, enum gw_perm p);
const char *utc_text(struct gw_ctx *ctx, int64_t t);
const char *local_text(struct gw_ctx *ctx, int64_t t);
const char *word(struct gw_ctx *ctx, const char *key);
const char *wordf(struct gw_ctx *ctx, const char *prefix, const char *key);
const char *severity_word(struct gw_ctx *ctx, const char *sev);
const char *path_of(struct gw_ctx *ctx, long long id);
const char *public_lang(struct gw_ctx *ctx);
int works_on(struct gw_ctx *ctx, const struct gw_complaint *c);
int referred(struct gw_ctx *ctx, const struct gw_complaint *c, int open_only);
int in_scope(struct gw_ctx *ctx, const struct gw_complaint *c);
int about_user(struct gw_ctx *ctx, const struct gw_complaint *c);
int load(struct gw_ctx *ctx, long long id, struct gw_complaint *c);
int not_loaded(int r);
int stale(struct gw_ctx *ctx, const struct gw_complaint *c);
const char *refusal(struct gw_ctx *ctx, const struct gw_complaint *c);
int claim(struct gw_ctx *ctx, const struct gw_complaint *c);
int show_changed(struct gw_ctx *ctx, const struct gw_complaint *c);
int claim_failed(struct gw_ctx *ctx, const struct gw_complaint *c, int r);
int option_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names);
int owner_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names);
void options(struct gw_ctx *ctx, const char *prefix, const char *sql, gw_db_row_fn fn);
int clients_query(struct gw_ctx *ctx, const char *sql, long long id, gw_db_row_fn fn, void *arg,
		  const char *prefix);
void choice_options(struct gw_ctx *ctx, const char *prefix, const char *words,
		    const char *const *keys);

/* ---- the page groups' handlers (list.c, view.c, register.c, mail.c, actions.c,
 * duplicate.c) */
int list_page(struct gw_ctx *ctx);
int export_csv(struct gw_ctx *ctx);
int is_closed(const struct gw_complaint *c);
int show_page(struct gw_ctx *ctx, const struct gw_complaint *c);
int show_error(struct gw_ctx *ctx, const struct gw_complaint *c, const char *msg);
int view_page(struct gw_ctx *ctx);
int print_page(struct gw_ctx *ctx);
int file_get(struct gw_ctx *ctx);
int new_page(struct gw_ctx *ctx);
int exists(struct gw_ctx *ctx, const char *sql, long long id);
int new_submit(struct gw_ctx *ctx);
void mail_complainant(struct gw_ctx *ctx, const struct gw_complaint *c, const char *subject_key,
		      const char *text);
struct gw_mail staff_mail(struct gw_ctx *ctx, const struct gw_complaint *c, const char *subject_key,
			  const char *text);
int classify_submit(struct gw_ctx *ctx);
int stage_submit(struct gw_ctx *ctx);
int note_submit(struct gw_ctx *ctx);
int reply_submit(struct gw_ctx *ctx);
int contact_submit(struct gw_ctx *ctx);
int wait_submit(struct gw_ctx *ctx);
int refer_submit(struct gw_ctx *ctx);
int answer_submit(struct gw_ctx *ctx);
int duplicate_submit(struct gw_ctx *ctx);
int release_submit(struct gw_ctx *ctx);
int discard_submit(struct gw_ctx *ctx);

#endif
