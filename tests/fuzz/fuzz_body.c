/* fuzz_body.c — libFuzzer target for gw_request_read (lib/request.c): the
 * checks app.c makes on every request before routing — method, path,
 * CONTENT_LENGTH against the limit, query, cookies, then the body read in
 * pieces of the fuzzer's choosing. Input: one byte of read size, then six
 * lines (method, path, query, cookie, content type, CONTENT_LENGTH; a line
 * "-" is an absent variable), then the bytes the web server would send. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/request.h"
#include "guwen/valid.h"

struct source {
	const uint8_t *p;
	size_t n, given, asked;
	size_t step; /* at most this many bytes per read: short reads happen */
};

static size_t reader(void *ctx, char *p, size_t n)
{
	struct source *s = ctx;
	size_t k = n < s->step ? n : s->step;

	s->asked += n;
	if (k > s->n - s->given)
		k = s->n - s->given;
	memcpy(p, s->p + s->given, k);
	s->given += k;
	return k;
}

/* The next line of the input as a string of its own (exact size, for ASan),
 * or NULL for "-". Advances *d and *n past the newline. */
static char *line(const uint8_t **d, size_t *n, int *absent)
{
	const uint8_t *nl = memchr(*d, '\n', *n);
	size_t len = nl ? (size_t)(nl - *d) : *n;
	char *s = malloc(len + 1);

	memcpy(s, *d, len);
	s[len] = '\0';
	*d += nl ? len + 1 : len;
	*n -= nl ? len + 1 : len;
	*absent = !strcmp(s, "-");
	return s;
}

static void check(const struct gw_request *r, int rc, const struct source *src,
		  const struct gw_limits *lim)
{
	if (rc != 0 && rc != 400 && rc != 405 && rc != 413)
		abort();
	if (rc != 0 && !r->why)
		abort();
	/* The body is never asked for past CONTENT_LENGTH, nor read twice. */
	if (src->given > r->content_length)
		abort();
	if (rc != 0)
		return;
	if (strcmp(r->method, "GET") && strcmp(r->method, "POST") && strcmp(r->method, "HEAD"))
		abort();
	if (!gw_valid_utf8(r->path, strlen(r->path)) || r->content_length > lim->body)
		abort();
	/* Accepted: every byte CONTENT_LENGTH promised arrived. */
	if (src->given != r->content_length)
		abort();
	if (r->nfields > lim->fields || r->query.n + r->body.n + r->cookies.n != r->nfields)
		abort();
}

static void run(char **v, const int *absent, const uint8_t *body, size_t n, size_t step,
		const struct gw_limits *lim)
{
	struct gw_arena a = {0};
	struct gw_request r = {0};
	struct source src = {body, n, 0, 0, step};
	int rc;

	r.arena = &a;
	r.method = v[0];
	r.path = v[1];
	r.query_string = absent[2] ? NULL : v[2];
	r.content_type = absent[4] ? NULL : v[4];
	rc = gw_request_read(&r, absent[5] ? NULL : v[5], absent[3] ? NULL : v[3], reader, &src,
			     lim);
	check(&r, rc, &src, lim);
	gw_arena_free(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct gw_limits tiny = {
	    .body = 512, .fields = 4, .field_len = 16, .file_len = 32};
	char *v[6];
	int absent[6];
	size_t step;

	if (size < 1)
		return 0;
	step = (size_t)data[0] % 17 + 1;
	data++, size--;
	for (int i = 0; i < 6; i++)
		v[i] = line(&data, &size, &absent[i]);
	/* The body may be short, exact or longer than CONTENT_LENGTH. */
	run(v, absent, data, size, step, &tiny);
	run(v, absent, data, size, 1 << 20, &gw_default_limits);
	for (int i = 0; i < 6; i++)
		free(v[i]);
	return 0;
}
