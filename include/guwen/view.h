/* view.h — ClearSilver rendering with HTML auto-escape, one layout, and the
 * words of lang/zh-CN.hdf and lang/en.hdf (L.*). */
#ifndef GUWEN_VIEW_H
#define GUWEN_VIEW_H

#include "guwen/app.h"

/* The language files of App.Templates/lang: both loaded now (0, or -1 when one
 * cannot be), or with on_demand each at its first use (a plain CGI run needs
 * one language at most). */
int gw_view_init(HDF *cfg, int on_demand);
/* Set a value every page of the process sees (e.g. URL.admin), kept with the
 * words rather than set again on every request. A changed value drops the
 * anonymous pages kept rendered (gw_view_render_with_token), which show it. */
void gw_view_set_global(const char *name, const char *value);
/* Free what gw_view_init loaded. */
void gw_view_done(void);
/* Render templates/<page> inside layout.cs into ctx->resp as text/html.
 * Returns 0, or -1 (logged) if the template failed; a handler may return it
 * as it is (the app answers a handler's -1 with 500). */
int gw_view_render(struct gw_ctx *ctx, const char *page);
/* Render a page for an anonymous visitor that differs between requests only
 * in its signed form token (put at Form.token): rendered once per process and
 * language, the token put in per request. Only a page whose data holds nothing
 * but the language, its path, title and template is kept; anything else (a
 * signed-in user, a flash message, kept input, a message, any key added later)
 * has it rendered in full for this request. Returns as gw_view_render. */
int gw_view_render_with_token(struct gw_ctx *ctx, const char *page, const char *token);
/* Render the error page for status (403, 404, 500 …) into ctx->resp. */
void gw_view_error(struct gw_ctx *ctx, int status);
/* The word at L.<key> in the request's language (for mail and CSV headers);
 * never NULL (the key itself when missing). Owned by the language HDF. */
const char *gw_view_word(struct gw_ctx *ctx, const char *key);
/* All the words (L.*) of the request's language, for mail templates; NULL when
 * the request's language cannot be loaded. */
HDF *gw_view_words(struct gw_ctx *ctx);

#endif
