/* view.c — ClearSilver templates: auto-escaped, laid out, in the user's language. */
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guwen/config.h"
#include "guwen/hdfset.h"
#include "guwen/log.h"
#include "guwen/view.h"

static HDF *lang_zh, *lang_en;
static const char *template_dir;
static const char *page_dir; /* App.PageCache: plain CGI's anonymous pages on disk */

/* Parsed templates, one per page, kept for the life of the process: parsing
 * costs more than rendering. The parse sees only a small HDF of its own (the
 * escaping mode and which page to include); each render points the tree at the
 * request's data and the user's words. App.TemplateCache = 0 turns it off. */
#define CACHE_MAX 32
static struct cached {
	char page[64];
	CSPARSE *cs;
	HDF *hdf;
} cache[CACHE_MAX];
static int ncache, cache_on = 1;

static void free_anon(void);

static HDF *load_lang(const char *dir, const char *name)
{
	char path[1024];

	snprintf(path, sizeof(path), "%s/lang/%s.hdf", dir, name);
	return gw_config_load(path);
}

/* The values of gw_view_set_global, put into each language as it is loaded. */
#define GLOBALS_MAX 16
static struct {
	char *name, *value;
} globals[GLOBALS_MAX];
static int nglobals, lazy;

static void put_globals(HDF *lang)
{
	NEOERR *err = STATUS_OK;

	for (int i = 0; i < nglobals && err == STATUS_OK; i++)
		err = hdf_set_value(lang, globals[i].name, globals[i].value);
	nerr_ignore(&err);
}

/* The language's words, loaded at its first use. */
static HDF *lang_get(int en)
{
	HDF **l = en ? &lang_en : &lang_zh;

	if (!*l && template_dir && (*l = load_lang(template_dir, en ? "en" : "zh-CN")))
		put_globals(*l);
	return *l;
}

int gw_view_init(HDF *cfg, int on_demand)
{
	template_dir = hdf_get_value(cfg, "App.Templates", "templates");
	cache_on = hdf_get_int_value(cfg, "App.TemplateCache", 1);
	lazy = on_demand;
	page_dir = lazy && cache_on ? hdf_get_value(cfg, "App.PageCache", NULL) : NULL;
	if (lazy)
		return 0;
	return lang_get(0) && lang_get(1) ? 0 : -1;
}

void gw_view_done(void)
{
	for (int i = 0; i < ncache; i++) {
		cs_destroy(&cache[i].cs);
		hdf_destroy(&cache[i].hdf);
	}
	ncache = 0;
	free_anon();
	hdf_destroy(&lang_zh);
	hdf_destroy(&lang_en);
	for (int i = 0; i < nglobals; i++) {
		free(globals[i].name);
		free(globals[i].value);
	}
	nglobals = 0;
}

void gw_view_set_global(const char *name, const char *value)
{
	int i = 0;

	while (i < nglobals && strcmp(globals[i].name, name))
		i++;
	if (i < nglobals && globals[i].value && !strcmp(globals[i].value, value ? value : ""))
		return; /* unchanged: the pages kept stay */
	free_anon();	/* they show the old value */
	if (i == nglobals && i < GLOBALS_MAX && (globals[i].name = strdup(name)))
		nglobals++;
	else if (i < nglobals)
		free(globals[i].value);
	if (i < nglobals)
		globals[i].value = strdup(value ? value : "");
	if (lang_zh)
		gw_hdf_set(lang_zh, name, value);
	if (lang_en)
		gw_hdf_set(lang_en, name, value);
}

static HDF *lang_of(struct gw_ctx *ctx)
{
	return lang_get(ctx->lang && !strcmp(ctx->lang, "en"));
}

const char *gw_view_word(struct gw_ctx *ctx, const char *key)
{
	HDF *l = lang_of(ctx);

	return l ? hdf_get_value(l, key, key) : key;
}

HDF *gw_view_words(struct gw_ctx *ctx)
{
	return lang_of(ctx);
}

static NEOERR *append_out(void *ctx, char *s)
{
	gw_buf_puts(ctx, s);
	return STATUS_OK;
}

static NEOERR *parse(const char *page, CSPARSE **out, HDF **hdf_out)
{
	char path[1024];
	HDF *h = NULL;
	CSPARSE *cs = NULL;
	NEOERR *err = hdf_init(&h);

	/* read by cs_init: escaping on before anything is parsed */
	if (err == STATUS_OK)
		err = hdf_set_value(h, "Config.VarEscapeMode", "html");
	if (err == STATUS_OK)
		err = hdf_set_value(h, "hdf.loadpaths.0", template_dir);
	if (err == STATUS_OK)
		err = hdf_set_value(h, "Page.Template", page);
	if (err == STATUS_OK)
		err = cs_init(&cs, h);
	if (err == STATUS_OK)
		err = cgi_register_strfuncs(cs);
	snprintf(path, sizeof(path), "%s/layout.cs", template_dir);
	if (err == STATUS_OK)
		err = cs_parse_file(cs, path);
	if (err != STATUS_OK) {
		cs_destroy(&cs);
		hdf_destroy(&h);
		return err;
	}
	*out = cs;
	*hdf_out = h;
	return STATUS_OK;
}

static struct cached *lookup(const char *page, NEOERR **err)
{
	static struct cached once;

	for (int i = 0; i < ncache; i++)
		if (!strcmp(cache[i].page, page))
			return &cache[i];
	if (!cache_on || ncache == CACHE_MAX || strlen(page) >= sizeof(once.page)) {
		/* not kept: the caller frees it after rendering */
		*err = parse(page, &once.cs, &once.hdf);
		return *err ? NULL : &once;
	}
	*err = parse(page, &cache[ncache].cs, &cache[ncache].hdf);
	if (*err)
		return NULL;
	snprintf(cache[ncache].page, sizeof(cache[ncache].page), "%s", page);
	return &cache[ncache++];
}

static NEOERR *render(struct gw_ctx *ctx, const char *page)
{
	NEOERR *err = STATUS_OK;
	struct cached *c = lookup(page, &err);

	if (!c)
		return err;
	c->cs->hdf = ctx->hdf;
	/* the words live in a per-process HDF consulted after the page's own */
	c->cs->global_hdf = lang_of(ctx);
	err = cs_render(c->cs, &ctx->resp.body, append_out);
	c->cs->hdf = c->hdf;
	c->cs->global_hdf = NULL;
	if (c < cache || c >= cache + CACHE_MAX) {
		cs_destroy(&c->cs);
		hdf_destroy(&c->hdf);
	}
	return err;
}

int gw_view_render(struct gw_ctx *ctx, const char *page)
{
	NEOERR *err;

	gw_hdf_set(ctx->hdf, "Page.Template", page);
	gw_buf_reset(&ctx->resp.body);
	err = render(ctx, page);
	if (err != STATUS_OK) {
		STRING s;

		string_init(&s);
		nerr_error_traceback(err, &s);
		gw_log_error("template %s: %s", page, s.buf ? s.buf : "?");
		string_clear(&s);
		nerr_ignore(&err);
		return -1;
	}
	ctx->resp.ctype = "text/html; charset=utf-8";
	return 0;
}

void gw_view_error(struct gw_ctx *ctx, int status)
{
	ctx->resp.status = status;
	gw_hdf_set_int(ctx->hdf, "Page.Status", status);
	if (gw_view_render(ctx, "error.cs")) {
		gw_buf_reset(&ctx->resp.body);
		gw_buf_printf(&ctx->resp.body, "<!doctype html><title>%d</title><p>%d %s</p>",
			      status, status, gw_response_reason(status));
	}
}

/* Anonymous pages kept rendered, split where the form token goes. */
#define TOKEN_MARK "gw-form-token-3f9c2a"
static struct anon_page {
	char page[64], lang[8];
	char *html;
	size_t head, len; /* bytes before the mark; total without the mark */
} anon[CACHE_MAX];
static int nanon;

/* All an anonymous page's data may hold for the page to be kept and served to
 * the next visitor. Anything else — a flash message, kept input, a message, an
 * expired session, or a key added tomorrow — has the page rendered for this
 * request only. */
static const char *const anon_keys[] = {"Lang",		 "Page.Path",  "Page.Title",
					"Page.Template", "Form.token", NULL};

static int anon_key(const char *name)
{
	for (int i = 0; anon_keys[i]; i++)
		if (!strcmp(anon_keys[i], name))
			return 1;
	return 0;
}

/* 1 when every value under h (its names after name[0..len)) is an anon_key. */
static int only_anon_keys(HDF *h, char *name, size_t len, size_t cap)
{
	for (HDF *c = hdf_obj_child(h); c; c = hdf_obj_next(c)) {
		int n = snprintf(name + len, cap - len, "%s%s", len ? "." : "", hdf_obj_name(c));

		if (n < 0 || (size_t)n >= cap - len)
			return 0;
		if (hdf_obj_value(c) && !anon_key(name))
			return 0;
		if (!only_anon_keys(c, name, len + (size_t)n, cap))
			return 0;
	}
	return 1;
}

static int personal(struct gw_ctx *ctx)
{
	char name[128];

	return ctx->user || !cache_on || !only_anon_keys(ctx->hdf, name, 0, sizeof(name));
}

static struct anon_page *anon_find(struct gw_ctx *ctx, const char *page)
{
	for (int i = 0; i < nanon; i++)
		if (!strcmp(anon[i].page, page) && !strcmp(anon[i].lang, ctx->lang))
			return &anon[i];
	return NULL;
}

/* Render with the mark as the token and keep the page if the mark is there once. */
static int anon_render(struct gw_ctx *ctx, const char *page)
{
	struct anon_page *a = &anon[nanon];
	const char *mark;
	int rc;

	gw_hdf_set(ctx->hdf, "Form.token", TOKEN_MARK);
	if ((rc = gw_view_render(ctx, page)))
		return rc;
	mark = strstr(ctx->resp.body.p, TOKEN_MARK);
	if (!mark || strstr(mark + 1, TOKEN_MARK) || nanon == CACHE_MAX ||
	    strlen(page) >= sizeof(a->page) || strlen(ctx->lang) >= sizeof(a->lang))
		return -1;
	a->head = (size_t)(mark - ctx->resp.body.p);
	a->len = ctx->resp.body.n - strlen(TOKEN_MARK);
	a->html = malloc(a->len);
	if (!a->html)
		return -1;
	memcpy(a->html, ctx->resp.body.p, a->head);
	memcpy(a->html + a->head, mark + strlen(TOKEN_MARK), a->len - a->head);
	snprintf(a->page, sizeof(a->page), "%s", page);
	snprintf(a->lang, sizeof(a->lang), "%s", ctx->lang);
	nanon++;
	return 0;
}

/* Plain CGI: an anonymous page kept on disk (App.PageCache, a directory only
 * the programs' user may write), since the process ends after one request.
 * Reading the language's words and the templates is most of a CGI run of a
 * form page (2.4 and 0.7 of 3.4 million instructions, issue 13); reading the
 * kept page is not. Its file name holds a digest of everything the page is
 * made of: the page, the language, the anonymous values, the globals, every
 * template and language file (name, size, time) and the program itself, so
 * that a changed one makes a new file and a stale page is never served. */
static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3ULL;
	return h;
}

static uint64_t fnv_str(uint64_t h, const char *s)
{
	return fnv(h, s ? s : "", s ? strlen(s) + 1 : 1);
}

static uint64_t stat_digest(uint64_t h, const char *path)
{
	struct stat st;

	if (stat(path, &st))
		return fnv_str(h, "-");
	h = fnv(h, &st.st_size, sizeof(st.st_size));
	h = fnv(h, &st.st_mtim, sizeof(st.st_mtim));
	return fnv(h, &st.st_ino, sizeof(st.st_ino));
}

/* The files of dir, in any order (the sum does not depend on it). 0 when it
 * cannot be read. */
static uint64_t dir_digest(const char *dir)
{
	char path[1024];
	uint64_t sum = 0;
	struct dirent *e;
	DIR *d = opendir(dir);

	if (!d)
		return 0;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.') /* the parent changes with anything beside it */
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		sum += stat_digest(fnv_str(0xcbf29ce484222325ULL, e->d_name), path);
	}
	closedir(d);
	return sum ? sum : 1;
}

/* The kept page's file of this request, or NULL when no digest can be made. */
static const char *disk_path(struct gw_ctx *ctx, const char *page)
{
	char dir[1024];
	uint64_t h = 0xcbf29ce484222325ULL, t, l;

	snprintf(dir, sizeof(dir), "%s/lang", template_dir);
	if (!(t = dir_digest(template_dir)) || !(l = dir_digest(dir)))
		return NULL;
	h = fnv(fnv(h, &t, sizeof(t)), &l, sizeof(l));
	h = stat_digest(fnv_str(fnv_str(h, page), ctx->lang), "/proc/self/exe");
	/* not the token nor the template, set only while rendering (the page is hashed) */
	for (int i = 0; anon_keys[i]; i++)
		if (strcmp(anon_keys[i], "Form.token") && strcmp(anon_keys[i], "Page.Template"))
			h = fnv_str(fnv_str(h, anon_keys[i]),
				    hdf_get_value(ctx->hdf, anon_keys[i], NULL));
	for (int i = 0; i < nglobals; i++)
		h = fnv_str(fnv_str(h, globals[i].name), globals[i].value);
	return gw_arena_printf(&ctx->arena, "%s/%s-%s-%016llx.html", page_dir, page, ctx->lang,
			       (unsigned long long)h);
}

/* Fill a from the kept page's text (html, n bytes, the mark where the token
 * goes); 0, or -1 when the mark is not there once. Takes html. */
static int anon_from_text(struct anon_page *a, char *html, size_t n)
{
	char *mark = strstr(html, TOKEN_MARK);

	if (!mark || strstr(mark + 1, TOKEN_MARK)) {
		free(html);
		return -1;
	}
	a->head = (size_t)(mark - html);
	a->len = n - strlen(TOKEN_MARK);
	memmove(mark, mark + strlen(TOKEN_MARK), a->len - a->head);
	a->html = html;
	return 0;
}

/* The page from disk into the next slot of anon[], or NULL. */
static struct anon_page *disk_load(struct gw_ctx *ctx, const char *page)
{
	struct anon_page *a = &anon[nanon];
	const char *path;
	struct stat st;
	char *html = NULL;
	int fd, ok;

	if (!page_dir || nanon == CACHE_MAX || strlen(page) >= sizeof(a->page) ||
	    strlen(ctx->lang) >= sizeof(a->lang) || !(path = disk_path(ctx, page)) ||
	    (fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return NULL;
	ok = fstat(fd, &st) == 0 && st.st_size > 0 && (html = malloc((size_t)st.st_size + 1)) &&
	     read(fd, html, (size_t)st.st_size) == st.st_size;
	close(fd);
	if (!ok) {
		free(html);
		return NULL;
	}
	html[st.st_size] = '\0';
	if (anon_from_text(a, html, (size_t)st.st_size))
		return NULL;
	snprintf(a->page, sizeof(a->page), "%s", page);
	snprintf(a->lang, sizeof(a->lang), "%s", ctx->lang);
	nanon++;
	return a;
}

/* Keep a just rendered page on disk for the next run (atomically: a run
 * reading it sees the whole page or none). A failure only costs the next run
 * its rendering. */
static void disk_store(struct gw_ctx *ctx, const struct anon_page *a)
{
	const char *path, *tmp;
	int fd, ok;

	if (!page_dir || !a || !(path = disk_path(ctx, a->page)))
		return;
	tmp = gw_arena_printf(&ctx->arena, "%s.%ld.tmp", path, (long)getpid());
	mkdir(page_dir, 0700); /* the first page kept makes it (EEXIST after) */
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0)
		return;
	ok = write(fd, a->html, a->head) == (ssize_t)a->head &&
	     write(fd, TOKEN_MARK, strlen(TOKEN_MARK)) == (ssize_t)strlen(TOKEN_MARK) &&
	     write(fd, a->html + a->head, a->len - a->head) == (ssize_t)(a->len - a->head);
	if (close(fd) || !ok || rename(tmp, path))
		unlink(tmp);
}

int gw_view_render_with_token(struct gw_ctx *ctx, const char *page, const char *token)
{
	struct anon_page *a;

	if (personal(ctx) || strpbrk(token, "<>\"&'")) {
		gw_hdf_set(ctx->hdf, "Form.token", token);
		return gw_view_render(ctx, page);
	}
	if (!(a = anon_find(ctx, page)) && !(a = disk_load(ctx, page))) {
		if (anon_render(ctx, page)) {
			gw_hdf_set(ctx->hdf, "Form.token", token);
			return gw_view_render(ctx, page);
		}
		a = anon_find(ctx, page);
		disk_store(ctx, a);
	}
	gw_buf_reset(&ctx->resp.body);
	gw_buf_append(&ctx->resp.body, a->html, a->head);
	gw_buf_puts(&ctx->resp.body, token);
	gw_buf_append(&ctx->resp.body, a->html + a->head, a->len - a->head);
	ctx->resp.ctype = "text/html; charset=utf-8";
	return 0;
}

static void free_anon(void)
{
	for (int i = 0; i < nanon; i++)
		free(anon[i].html);
	nanon = 0;
}
