/* view.c — ClearSilver templates: auto-escaped, laid out, in the user's language. */
#include <string.h>

#include "guwen/log.h"
#include "guwen/view.h"

static HDF *lang_zh, *lang_en;
static const char *template_dir;

static HDF *load_lang(const char *dir, const char *name)
{
	HDF *h = NULL;
	char path[1024];
	NEOERR *err;

	snprintf(path, sizeof(path), "%s/lang/%s.hdf", dir, name);
	err = hdf_init(&h);
	if (err == STATUS_OK)
		err = hdf_read_file(h, path);
	if (err != STATUS_OK) {
		gw_log_error("cannot load language file %s", path);
		nerr_ignore(&err);
		hdf_destroy(&h);
		return NULL;
	}
	return h;
}

int gw_view_init(HDF *cfg)
{
	template_dir = hdf_get_value(cfg, "App.Templates", "templates");
	lang_zh = load_lang(template_dir, "zh-CN");
	lang_en = load_lang(template_dir, "en");
	return lang_zh && lang_en ? 0 : -1;
}

void gw_view_done(void)
{
	hdf_destroy(&lang_zh);
	hdf_destroy(&lang_en);
}

static HDF *lang_of(struct gw_ctx *ctx)
{
	return ctx->lang && !strcmp(ctx->lang, "en") ? lang_en : lang_zh;
}

const char *gw_view_word(struct gw_ctx *ctx, const char *key)
{
	HDF *l = lang_of(ctx);

	return l ? hdf_get_value(l, key, key) : key;
}

static NEOERR *append_out(void *ctx, char *s)
{
	gw_buf_puts(ctx, s);
	return STATUS_OK;
}

static NEOERR *render(struct gw_ctx *ctx, const char *layout)
{
	CSPARSE *cs = NULL;
	NEOERR *err;
	char path[1024];

	/* read by cs_init: escaping on before anything is parsed */
	err = hdf_set_value(ctx->hdf, "Config.VarEscapeMode", "html");
	if (err == STATUS_OK)
		err = hdf_set_value(ctx->hdf, "Config.WhiteSpaceStrip", "1");
	if (err == STATUS_OK)
		err = hdf_set_value(ctx->hdf, "hdf.loadpaths.0", template_dir);
	if (err == STATUS_OK)
		err = cs_init(&cs, ctx->hdf);
	if (err == STATUS_OK) {
		/* the words live in a per-process HDF consulted after the page's own */
		cs->global_hdf = lang_of(ctx);
		err = cgi_register_strfuncs(cs);
	}
	snprintf(path, sizeof(path), "%s/%s", template_dir, layout);
	if (err == STATUS_OK)
		err = cs_parse_file(cs, path);
	if (err == STATUS_OK)
		err = cs_render(cs, &ctx->resp.body, append_out);
	cs_destroy(&cs);
	return err;
}

int gw_view_render(struct gw_ctx *ctx, const char *page)
{
	NEOERR *err;

	hdf_set_value(ctx->hdf, "Page.Template", page);
	gw_buf_reset(&ctx->resp.body);
	err = render(ctx, "layout.cs");
	if (err != STATUS_OK) {
		STRING s;

		string_init(&s);
		nerr_error_traceback(err, &s);
		gw_log_error("template %s: %s", page, s.buf ? s.buf : "?");
		string_clear(&s);
		nerr_ignore(&err);
		return 500;
	}
	ctx->resp.ctype = "text/html; charset=utf-8";
	return 0;
}

void gw_view_error(struct gw_ctx *ctx, int status)
{
	ctx->resp.status = status;
	hdf_set_int_value(ctx->hdf, "Page.Status", status);
	if (gw_view_render(ctx, "error.cs")) {
		gw_buf_reset(&ctx->resp.body);
		gw_buf_printf(&ctx->resp.body, "<!doctype html><title>%d</title><p>%d %s</p>",
			      status, status, gw_response_reason(status));
	}
}
