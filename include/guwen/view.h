/* view.h — ClearSilver rendering with HTML auto-escape, one layout, and the
 * words of lang/zh-CN.hdf and lang/en.hdf (L.*). */
#ifndef GUWEN_VIEW_H
#define GUWEN_VIEW_H

#include "guwen/app.h"

/* Load the language files once per process from App.Templates/lang. 0 or -1. */
int gw_view_init(HDF *cfg);
/* Free what gw_view_init loaded. */
void gw_view_done(void);
/* Render templates/<page> inside layout.cs into ctx->resp as text/html.
 * Returns 0, or 500 (logged) if the template failed. */
int gw_view_render(struct gw_ctx *ctx, const char *page);
/* Render the error page for status (403, 404, 500 …) into ctx->resp. */
void gw_view_error(struct gw_ctx *ctx, int status);
/* The word at L.<key> in the request's language (for mail and CSV headers);
 * never NULL (the key itself when missing). Owned by the language HDF. */
const char *gw_view_word(struct gw_ctx *ctx, const char *key);

#endif
