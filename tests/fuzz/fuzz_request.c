/* fuzz_request.c — libFuzzer target for lib/request.c. Input: a content type
 * (first line), then the body; the parsers must never crash, and what they
 * accept must keep the promises of request.h. Run with tests/fuzz/run.sh. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/request.h"
#include "guwen/valid.h"

enum kind { BODY, QUERY, COOKIES };

/* The parsers may refuse anything, but what they return must be well-formed. */
static void check_fields(const struct gw_fields *f, const struct gw_limits *lim, enum kind k)
{
	for (size_t i = 0; i < f->n; i++) {
		const struct gw_field *fld = &f->v[i];

		if (!fld->name || !fld->name[0] || !fld->value || fld->value[fld->len] != '\0')
			abort();
		/* Cookie names are only ever compared, never shown: not checked. */
		if (k != COOKIES && !gw_valid_utf8(fld->name, strlen(fld->name)))
			abort();
		if (fld->filename) {
			if (k != BODY || !fld->ctype || fld->len > lim->file_len)
				abort();
		} else {
			/* Text is valid UTF-8 without NUL bytes, within the limit. */
			if (!gw_valid_utf8(fld->value, fld->len) ||
			    strlen(fld->value) != fld->len || fld->len > lim->field_len)
				abort();
		}
		/* The getters find the first field of that name. */
		if (gw_fields_get(f, fld->name) > fld)
			abort();
	}
}

static void lookups(const struct gw_request *r)
{
	for (size_t i = 0; i < r->body.n; i++) {
		const struct gw_field *f = &r->body.v[i];
		const struct gw_field *file = gw_form_file(r, f->name);
		const char *text = gw_form(r, f->name);

		/* A file's content is never handed out as a text value. */
		if (file && (!file->filename || !file->filename[0] || text == file->value))
			abort();
		if (f->filename && text == f->value)
			abort();
	}
	for (size_t i = 0; i < r->query.n; i++)
		if (!gw_query(r, r->query.v[i].name))
			abort();
	for (size_t i = 0; i < r->cookies.n; i++)
		if (!gw_cookie(r, r->cookies.v[i].name))
			abort();
	(void)gw_query(r, "a");
	(void)gw_form(r, "");
	(void)gw_form_file(r, "file");
	(void)gw_cookie(r, "sid");
}

/* 0, 400 or 413, and a refusal says why for the log. */
static void check_rc(const struct gw_request *r, int rc)
{
	if (rc != 0 && ((rc != 400 && rc != 413) || !r->why))
		abort();
}

static void run(const char *ctype, const uint8_t *body, size_t n, const struct gw_limits *lim)
{
	struct gw_arena a = {0};
	struct gw_request r = {0};
	int rc;

	r.arena = &a;
	/* The body's bytes stay in the fuzzer's buffer, so ASan sees any overread. */
	rc = gw_request_parse_body(&r, ctype, (const char *)body, n, lim);
	check_rc(&r, rc);
	if (rc == 0)
		check_fields(&r.body, lim, BODY);
	/* The same bytes as a query string, and the content type as a Cookie header. */
	rc = gw_request_parse_urlencoded(&r, &r.query, (const char *)body, n, lim);
	check_rc(&r, rc);
	if (rc == 0)
		check_fields(&r.query, lim, QUERY);
	rc = gw_request_parse_cookies(&r, ctype, lim);
	check_rc(&r, rc);
	if (rc == 0)
		check_fields(&r.cookies, lim, COOKIES);
	if (r.body.n + r.query.n + r.cookies.n > lim->fields)
		abort();
	lookups(&r);
	gw_arena_free(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Small limits reach the 413 paths that default ones never would. */
	static const struct gw_limits tiny = {
	    .body = 512, .fields = 4, .field_len = 16, .file_len = 32};
	const uint8_t *nl = memchr(data, '\n', size);
	size_t clen = nl ? (size_t)(nl - data) : size;
	char *ctype = malloc(clen + 1); /* exact size: ASan sees overreads */

	if (!ctype)
		return 0;
	memcpy(ctype, data, clen);
	ctype[clen] = '\0';
	data += nl ? clen + 1 : size;
	size -= nl ? clen + 1 : size;
	run(ctype, data, size, &gw_default_limits);
	run(ctype, data, size, &tiny);
	free(ctype);
	return 0;
}
