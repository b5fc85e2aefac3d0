/* portal.h — what the files of portal.fcgi share: the Portal.* limits, the
 * bot test of public forms and each page group's handlers. */
#ifndef GUWEN_PORTAL_H
#define GUWEN_PORTAL_H

#include <stdlib.h>
#include <string.h>

#include "guwen/app.h"
#include "guwen/application_services.h"
#include "guwen/csrf.h"
#include "guwen/form.h"
#include "guwen/hdfset.h"
#include "guwen/ratelimit.h"
#include "guwen/upload.h"
#include "guwen/valid.h"
#include "guwen/view.h"

/* Defaults of the Portal.* configuration keys. */
#define FORM_MIN_SECONDS      3		 /* a person needs longer than this to fill the form */
#define FORM_MAX_SECONDS      (2 * 3600) /* after this the page is shown again: "expired" */
#define POSTS_PER_HOUR	      5		 /* accepted posts per address per hour */
#define LOOKUP_FAILS_PER_HOUR 10	 /* wrong codes per address per hour */
#define ANSWERS_PER_HOUR      10	 /* answers to a question per address per hour */

/* The configured Portal.<key>, or def. */
int portal_limit(struct gw_ctx *ctx, const char *key, int def);
/* Only a filled honeypot or a forged token: people are never taken for bots. */
int portal_is_bot(struct gw_ctx *ctx, enum gw_form_token t);

/* contact.c: the centre's phone and hours on every page (read once a minute
 * per process); GET /lang, the language switch */
void contact_refresh(struct gw_ctx *ctx);
int switch_lang(struct gw_ctx *ctx);

/* complaint.c: the complaint form; the attachments of a complaint or an
 * answer (up to 3 "files" parts, by content; 0, or 1 with the message) */
int complaint_page(struct gw_ctx *ctx);
int complaint_submit(struct gw_ctx *ctx);
int read_uploads(struct gw_ctx *ctx, const struct gw_field **files, const char **types, int *n);
/* status.c: the complaint look-up, rating, and the complainant's answer */
int status_page(struct gw_ctx *ctx);
int status_form(struct gw_ctx *ctx);
int status_submit(struct gw_ctx *ctx);
int rate_submit(struct gw_ctx *ctx);
int answer_submit(struct gw_ctx *ctx);

/* apply.c: the onboarding application form; apply_status.c: its private link */
enum { A_COMPANY, A_USCC, A_CONTACT, A_PHONE, A_EMAIL, A__N };

/* One round of an application as posted. */
struct apply_data {
	const char *company, *uscc, *contact, *phone, *email;
	const char *services;		/* "bookkeeping,cleanup" */
	const struct gw_field *licence; /* NULL: none sent (an edit keeps the last) */
	const char *licence_type;
	const char *suspect; /* "fast", "rate" or NULL */
	const char *key;     /* the form token's idempotency key */
};

/* SHA-256 hex of a link token (64 hex chars); -1 when it has not that form. */
int apply_link_hash(const char *token, char out[65]);
/* The path of an application's private page, tail ("", "/edit") appended. */
const char *apply_link(struct gw_ctx *ctx, const char *token, const char *tail);
/* Read and check the posted fields into d; the number of bad fields. */
int apply_read(struct gw_ctx *ctx, struct apply_data *d, int licence_required);
/* Mark that the chosen file must be chosen again. */
void apply_form_again(struct gw_ctx *ctx, const struct apply_data *d);
long long apply_file_row(struct gw_ctx *ctx, long long id, const struct apply_data *d,
			 const char *stored);
int apply_round_row(struct gw_ctx *ctx, long long id, long long round, const struct apply_data *d,
		    long long file_id);
/* Queue the mail with the link (kind "new" or "again"). 0 or -1. */
int apply_mail(struct gw_ctx *ctx, const struct apply_data *d, const char *token, const char *kind);
int apply_suspicion(struct gw_ctx *ctx, enum gw_form_token t, const char **why);
int apply_page(struct gw_ctx *ctx);
int apply_submit(struct gw_ctx *ctx);
int apply_status(struct gw_ctx *ctx);
int apply_edit_page(struct gw_ctx *ctx);
int apply_edit_submit(struct gw_ctx *ctx);
int apply_withdraw(struct gw_ctx *ctx);

#endif
