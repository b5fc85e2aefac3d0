/* application_services.c — the onboarding form's services: the active project
 * types, or the fixed list until there are any; a stored choice in words. */
#include <stdio.h>
#include <string.h>

#include "guwen/application_services.h"
#include "guwen/hdfset.h"
#include "guwen/view.h"

static const char SQL_ACTIVE_ZH[] =
    "SELECT code, name_zh FROM project_types WHERE active = 1 ORDER BY id";
static const char SQL_ACTIVE_EN[] =
    "SELECT code, name_en FROM project_types WHERE active = 1 ORDER BY id";
static const char SQL_ONE_ZH[] = "SELECT name_zh FROM project_types WHERE code = ?";
static const char SQL_ONE_EN[] = "SELECT name_en FROM project_types WHERE code = ?";

static int english(const struct gw_ctx *ctx)
{
	return ctx->lang && !strcmp(ctx->lang, "en");
}

struct opts {
	struct gw_ctx *ctx;
	const char *prefix;
};

static int type_row(void *p, int n, char **v, const size_t *lens, const char *const *names)
{
	struct opts *o = p;

	(void)n, (void)lens, (void)names;
	gw_hdf_set(o->ctx->hdf, gw_arena_printf(&o->ctx->arena, "%s.%s", o->prefix, v[0]), v[1]);
	return 0;
}

/* The fixed list (L.Application.Services) under prefix. Its count. */
static int fixed(struct gw_ctx *ctx, const char *prefix)
{
	HDF *words = gw_view_words(ctx);
	HDF *s = words ? hdf_get_obj(words, "L.Application.Services") : NULL;
	int n = 0;

	for (s = s ? hdf_obj_child(s) : NULL; s; s = hdf_obj_next(s), n++)
		gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "%s.%s", prefix, hdf_obj_name(s)),
			   hdf_obj_value(s));
	return n;
}

int gw_app_services(struct gw_ctx *ctx, const char *prefix)
{
	struct opts o = {ctx, prefix};
	int n;

	gw_hdf_remove(ctx->hdf, prefix);
	n = gw_db_each(ctx->db, type_row, &o, english(ctx) ? SQL_ACTIVE_EN : SQL_ACTIVE_ZH, NULL);
	if (n > 0)
		return n;
	/* none yet, or the database away: the fixed list, so that a form sent
	 * while it is away comes back with the applicant's choice kept */
	gw_hdf_remove(ctx->hdf, prefix);
	return fixed(ctx, prefix);
}

/* One code in words: its project type's name, its fixed word, or itself. */
static const char *word_of(struct gw_ctx *ctx, const char *code)
{
	const char *prefix = "Svc.Word", *w, *key;

	gw_hdf_remove(ctx->hdf, prefix);
	if (gw_db_row(ctx->db, ctx->hdf, prefix, english(ctx) ? SQL_ONE_EN : SQL_ONE_ZH, "s",
		      code) == 1)
		return gw_arena_strdup(
		    &ctx->arena,
		    hdf_get_value(ctx->hdf, english(ctx) ? "Svc.Word.name_en" : "Svc.Word.name_zh",
				  code));
	key = gw_arena_printf(&ctx->arena, "L.Application.Services.%s", code);
	w = gw_view_word(ctx, key);
	return w && strcmp(w, key) ? w : code;
}

const char *gw_app_service_words(struct gw_ctx *ctx, const char *list)
{
	char buf[256], *save = NULL;
	const char *out = "";

	snprintf(buf, sizeof(buf), "%s", list ? list : "");
	for (char *k = strtok_r(buf, ",", &save); k; k = strtok_r(NULL, ",", &save))
		out =
		    gw_arena_printf(&ctx->arena, "%s%s%s", out, *out ? "、" : "", word_of(ctx, k));
	return out;
}

void gw_app_services_chosen(struct gw_ctx *ctx, const char *prefix, const char *list)
{
	char buf[256], *save = NULL;

	snprintf(buf, sizeof(buf), "%s", list ? list : "");
	for (char *k = strtok_r(buf, ",", &save); k; k = strtok_r(NULL, ",", &save))
		gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "%s.%s", prefix, k),
			   word_of(ctx, k));
}
