/* form_key.h — staff forms that create once however often they are sent (a
 * reload, a second click): complaint registration, a complaint from a visit's
 * opinions, a project with its slip, a visit plan. Each form shown carries a
 * random key (staff_form_keys, sql/005 and 023), marked used in the creating
 * transaction and then pointed at what it made. */
#ifndef GUWEN_FORM_KEY_H
#define GUWEN_FORM_KEY_H

#include "guwen/ctx.h"

/* The posted form_key when well formed (64 hex digits), else NULL. */
const char *gw_form_key(struct gw_ctx *ctx);
/* Form.form_key for the form shown: the posted key (shown again after a
 * mistake: still unused) or a fresh one. 0, or -1 when none could be made. */
int gw_form_key_show(struct gw_ctx *ctx);
/* In the creating transaction (for a complaint: gw_complaint_new.also, key as
 * its arg): mark the key used by this user; 1 when it was already (create
 * nothing), 0 to go on, -1 on an error. */
int gw_form_key_use(struct gw_ctx *ctx, void *key);
/* The key now stands for what its form made (a complaint, a project, a
 * visit plan): id. 0 or -1. */
int gw_form_key_done(struct gw_ctx *ctx, const char *key, long long id);
/* What the key stands for into *id (0 while the first post is still being
 * stored). 0 or -1. */
int gw_form_key_find(struct gw_ctx *ctx, const char *key, long long *id);

#endif
