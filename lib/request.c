/* request.c — parsers for query strings, urlencoded and multipart bodies and
 * cookies, with limits and UTF-8 validation. Fuzzed by tests/fuzz. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "guwen/request.h"
#include "guwen/valid.h"

const struct gw_limits gw_default_limits = {
    .body = 16 * 1024 * 1024,
    .fields = 300,
    .field_len = 64 * 1024,
    .file_len = 16 * 1024 * 1024,
};

static int fail(struct gw_request *r, int status, const char *why)
{
	r->why = why;
	return status;
}

static int add(struct gw_request *r, struct gw_fields *f, struct gw_field *fld,
	       const struct gw_limits *lim)
{
	if (++r->nfields > lim->fields)
		return fail(r, 413, "too many fields");
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 16;
		struct gw_field *v = gw_arena_alloc(r->arena, cap * sizeof(*v));

		if (f->n)
			memcpy(v, f->v, f->n * sizeof(*v));
		f->v = v;
		f->cap = cap;
	}
	f->v[f->n++] = *fld;
	return 0;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode %XX and '+' of s[0..n) into the arena; -1 on a bad escape. */
static int unescape(struct gw_arena *a, const char *s, size_t n, char **out, size_t *outlen)
{
	char *d = gw_arena_alloc(a, n + 1);
	size_t j = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '+') {
			d[j++] = ' ';
		} else if (s[i] == '%') {
			int hi, lo;

			if (i + 2 >= n)
				return -1;
			hi = hexval(s[i + 1]);
			lo = hexval(s[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			d[j++] = (char)(hi * 16 + lo);
			i += 2;
		} else {
			d[j++] = s[i];
		}
	}
	d[j] = '\0';
	*out = d;
	*outlen = j;
	return 0;
}

static int add_pair(struct gw_request *r, struct gw_fields *f, const char *s, size_t n,
		    const struct gw_limits *lim)
{
	const char *eq = memchr(s, '=', n);
	size_t nlen = eq ? (size_t)(eq - s) : n;
	struct gw_field fld = {0};
	char *name, *value;
	size_t len, vlen;

	if (nlen == 0)
		return 0;
	/* Cheap bound before decoding: %XX turns 3 bytes into 1, so only a value
	 * longer than 3 * field_len encoded is surely too long decoded. */
	if (n > 3 * lim->field_len + nlen + 1)
		return fail(r, 413, "field too long");
	if (unescape(r->arena, s, nlen, &name, &len) ||
	    unescape(r->arena, eq ? eq + 1 : s + n, eq ? n - nlen - 1 : 0, &value, &vlen))
		return fail(r, 400, "bad percent escape");
	if (!gw_valid_utf8(name, len) || !gw_valid_utf8(value, vlen))
		return fail(r, 400, "invalid UTF-8");
	if (vlen > lim->field_len)
		return fail(r, 413, "field too long");
	fld.name = name;
	fld.value = value;
	fld.len = vlen;
	return add(r, f, &fld, lim);
}

int gw_request_parse_urlencoded(struct gw_request *r, struct gw_fields *f, const char *s, size_t n,
				const struct gw_limits *lim)
{
	size_t start = 0;

	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] != '&')
			continue;
		if (i > start) {
			int rc = add_pair(r, f, s + start, i - start, lim);

			if (rc)
				return rc;
		}
		start = i + 1;
	}
	return 0;
}

int gw_request_parse_cookies(struct gw_request *r, const char *s, const struct gw_limits *lim)
{
	while (s && *s) {
		const char *end = strchr(s, ';');
		size_t n = end ? (size_t)(end - s) : strlen(s);
		const char *eq;

		while (n && *s == ' ')
			s++, n--;
		eq = memchr(s, '=', n);
		if (eq && eq > s && n <= lim->field_len) {
			struct gw_field fld = {0};

			fld.name = gw_arena_strndup(r->arena, s, (size_t)(eq - s));
			fld.len = n - (size_t)(eq - s) - 1;
			fld.value = gw_arena_strndup(r->arena, eq + 1, fld.len);
			if (gw_valid_utf8(fld.value, fld.len) && add(r, &r->cookies, &fld, lim))
				return 413;
		}
		s = end ? end + 1 : NULL;
	}
	return 0;
}

/* The value of param (e.g. "boundary") in a header value like
 * `form-data; name="x"; filename="a.png"`, unquoted, in the arena. */
static const char *header_param(struct gw_arena *a, const char *h, size_t hn, const char *param)
{
	size_t plen = strlen(param);

	for (size_t i = 0; i + plen < hn; i++) {
		const char *v;
		size_t k = 0;

		if ((i && h[i - 1] != ' ' && h[i - 1] != ';') || strncasecmp(h + i, param, plen) ||
		    h[i + plen] != '=')
			continue;
		v = h + i + plen + 1;
		hn -= (size_t)(v - h);
		if (hn && *v == '"') {
			v++, hn--;
			while (k < hn && v[k] != '"')
				k++;
			if (k == hn)
				return NULL;
		} else {
			while (k < hn && v[k] != ';' && v[k] != ' ' && v[k] != '\r')
				k++;
		}
		return gw_arena_strndup(a, v, k);
	}
	return NULL;
}

struct part {
	const char *name, *filename, *ctype;
};

/* Parse the header block of one part (h[0..n), lines ending in CRLF). */
static int part_headers(struct gw_request *r, const char *h, size_t n, struct part *p)
{
	memset(p, 0, sizeof(*p));
	while (n) {
		const char *eol = memmem(h, n, "\r\n", 2);
		size_t len = eol ? (size_t)(eol - h) : n;

		if (len > 20 && !strncasecmp(h, "Content-Disposition:", 20)) {
			p->name = header_param(r->arena, h + 20, len - 20, "name");
			p->filename = header_param(r->arena, h + 20, len - 20, "filename");
		} else if (len > 13 && !strncasecmp(h, "Content-Type:", 13)) {
			const char *v = h + 13;
			size_t vn = len - 13;

			while (vn && *v == ' ')
				v++, vn--;
			p->ctype = gw_arena_strndup(r->arena, v, vn);
		}
		if (!eol)
			break;
		h += len + 2;
		n -= len + 2;
	}
	if (!p->name || !*p->name)
		return fail(r, 400, "multipart part without a name");
	return 0;
}

static int add_part(struct gw_request *r, const struct part *p, const char *data, size_t n,
		    const struct gw_limits *lim)
{
	struct gw_field fld = {0};

	if (!gw_valid_utf8(p->name, strlen(p->name)) ||
	    (p->filename && !gw_valid_utf8(p->filename, strlen(p->filename))))
		return fail(r, 400, "invalid UTF-8 in part header");
	if (p->filename) {
		if (n > lim->file_len)
			return fail(r, 413, "file too large");
		fld.filename = p->filename;
		fld.ctype = p->ctype ? p->ctype : "application/octet-stream";
	} else {
		if (n > lim->field_len)
			return fail(r, 413, "field too long");
		if (!gw_valid_utf8(data, n))
			return fail(r, 400, "invalid UTF-8");
	}
	fld.name = p->name;
	fld.value = gw_arena_strndup(r->arena, data, n);
	fld.len = n;
	return add(r, &r->body, &fld, lim);
}

static int parse_multipart(struct gw_request *r, const char *boundary, const char *body, size_t n,
			   const struct gw_limits *lim)
{
	size_t blen = strlen(boundary);
	char *delim;
	const char *p, *end = body + n;

	if (blen == 0 || blen > 200)
		return fail(r, 400, "bad multipart boundary");
	delim = gw_arena_printf(r->arena, "\r\n--%s", boundary);
	/* The first delimiter may start the body without the leading CRLF. */
	if (n < blen + 2 || memcmp(body, delim + 2, blen + 2))
		return fail(r, 400, "multipart body does not start with its boundary");
	p = body + blen + 2;
	for (;;) {
		const char *hend, *next;
		struct part part;
		int rc;

		if (end - p >= 2 && !memcmp(p, "--", 2))
			return 0; /* closing delimiter */
		if (end - p < 2 || memcmp(p, "\r\n", 2))
			return fail(r, 400, "malformed multipart delimiter");
		p += 2;
		hend = memmem(p, (size_t)(end - p), "\r\n\r\n", 4);
		if (!hend)
			return fail(r, 400, "multipart part without headers");
		if ((rc = part_headers(r, p, (size_t)(hend - p), &part)))
			return rc;
		p = hend + 4;
		next = memmem(p, (size_t)(end - p), delim, blen + 4);
		if (!next)
			return fail(r, 400, "multipart part not terminated");
		if ((rc = add_part(r, &part, p, (size_t)(next - p), lim)))
			return rc;
		p = next + blen + 4;
	}
}

int gw_request_parse_body(struct gw_request *r, const char *ctype, const char *body, size_t n,
			  const struct gw_limits *lim)
{
	if (!ctype || n == 0)
		return 0;
	if (n > lim->body)
		return fail(r, 413, "body too large");
	if (!strncasecmp(ctype, "application/x-www-form-urlencoded", 33))
		return gw_request_parse_urlencoded(r, &r->body, body, n, lim);
	if (!strncasecmp(ctype, "multipart/form-data", 19)) {
		const char *b = header_param(r->arena, ctype, strlen(ctype), "boundary");

		if (!b)
			return fail(r, 400, "multipart without boundary");
		return parse_multipart(r, b, body, n, lim);
	}
	return 0;
}

/* CONTENT_LENGTH as the web server passed it (strtoul: no header is 0). */
static size_t content_length(const char *cl)
{
	return cl ? strtoul(cl, NULL, 10) : 0;
}

/* Read exactly r->content_length bytes through rd into the arena. */
static int read_body(struct gw_request *r, gw_body_reader rd, void *rctx, char **body)
{
	size_t got = 0, n = r->content_length;

	*body = gw_arena_alloc(r->arena, n + 1);
	while (got < n) {
		size_t k = rd(rctx, *body + got, n - got);

		if (k == 0 || k > n - got)
			break;
		got += k;
	}
	if (got != n)
		return fail(r, 400, "short body");
	(*body)[n] = '\0';
	return 0;
}

int gw_request_read(struct gw_request *r, const char *cl, const char *cookie, gw_body_reader rd,
		    void *rctx, const struct gw_limits *lim)
{
	char *body;
	int rc;

	if (strcmp(r->method, "GET") && strcmp(r->method, "POST") && strcmp(r->method, "HEAD"))
		return fail(r, 405, "method");
	if (!gw_valid_utf8(r->path, strlen(r->path)))
		return fail(r, 400, "invalid UTF-8 in path");
	r->content_length = content_length(cl);
	if (r->content_length > lim->body)
		return fail(r, 413, "body too large");
	if (r->query_string && (rc = gw_request_parse_urlencoded(r, &r->query, r->query_string,
								 strlen(r->query_string), lim)))
		return rc;
	if (cookie && (rc = gw_request_parse_cookies(r, cookie, lim)))
		return rc;
	if (!r->content_length)
		return 0;
	if ((rc = read_body(r, rd, rctx, &body)))
		return rc;
	return gw_request_parse_body(r, r->content_type, body, r->content_length, lim);
}

const struct gw_field *gw_fields_get(const struct gw_fields *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (!strcmp(f->v[i].name, name))
			return &f->v[i];
	return NULL;
}

const char *gw_query(const struct gw_request *r, const char *name)
{
	const struct gw_field *f = gw_fields_get(&r->query, name);

	return f ? f->value : NULL;
}

const char *gw_form(const struct gw_request *r, const char *name)
{
	const struct gw_field *f = gw_fields_get(&r->body, name);

	return f && !f->filename ? f->value : NULL;
}

const char *gw_cookie(const struct gw_request *r, const char *name)
{
	const struct gw_field *f = gw_fields_get(&r->cookies, name);

	return f ? f->value : NULL;
}

const struct gw_field *gw_form_file(const struct gw_request *r, const char *name)
{
	for (size_t i = 0; i < r->body.n; i++) {
		const struct gw_field *f = &r->body.v[i];

		if (!strcmp(f->name, name) && f->filename && f->filename[0])
			return f;
	}
	return NULL;
}
