/* response.c — buffered responses with security headers. */
#include <stdio.h>
#include <string.h>

#include "guwen/response.h"

static const char security_headers[] =
    /* base-uri: a <base> that slipped into a page cannot re-point its links */
    "Content-Security-Policy: default-src 'self'; base-uri 'none'; object-src 'none';"
    " form-action 'self'; frame-ancestors 'none'\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "X-Frame-Options: DENY\r\n"
    "Referrer-Policy: same-origin\r\n"
    "Cache-Control: no-store\r\n";

void gw_response_reset(struct gw_response *r)
{
	r->streamed = 0;
	r->status = 200;
	r->ctype = "text/html; charset=utf-8";
	gw_buf_reset(&r->head);
	gw_buf_reset(&r->body);
}

void gw_response_free(struct gw_response *r)
{
	gw_buf_free(&r->head);
	gw_buf_free(&r->body);
}

int gw_response_header(struct gw_response *r, const char *name, const char *value)
{
	if (strpbrk(name, "\r\n:") || strpbrk(value, "\r\n"))
		return -1;
	gw_buf_printf(&r->head, "%s: %s\r\n", name, value);
	return 0;
}

void gw_response_cookie(struct gw_response *r, const char *name, const char *value, long max_age,
			int secure)
{
	char age[48] = "";

	if (max_age >= 0)
		snprintf(age, sizeof(age), "; Max-Age=%ld", max_age);
	if (strpbrk(name, "\r\n;,= ") || strpbrk(value, "\r\n;, "))
		return;
	gw_buf_printf(&r->head, "Set-Cookie: %s=%s; Path=/; HttpOnly; SameSite=Lax%s%s\r\n", name,
		      value, age, secure ? "; Secure" : "");
}

void gw_response_redirect(struct gw_response *r, const char *url)
{
	r->status = 303;
	gw_response_header(r, "Location", url);
	gw_buf_reset(&r->body);
}

const char *gw_response_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 413: return "Payload Too Large";
	case 429: return "Too Many Requests";
	case 503: return "Service Unavailable";
	default: return status >= 500 ? "Internal Server Error" : "Error";
	}
}

/* The status line and headers; length < 0 leaves Content-Length out. */
static int send_head(struct gw_response *r, int (*out)(void *ctx, const char *p, size_t n),
		     void *ctx, long long length)
{
	char top[256], len[48] = "";
	int n;

	if (length >= 0)
		snprintf(len, sizeof(len), "Content-Length: %lld\r\n", length);
	n = snprintf(top, sizeof(top), "Status: %d %s\r\nContent-Type: %s\r\n%s", r->status,
		     gw_response_reason(r->status), r->ctype, len);
	if (n < 0 || n >= (int)sizeof(top))
		return -1;
	if (out(ctx, top, (size_t)n) || out(ctx, security_headers, sizeof(security_headers) - 1) ||
	    (r->head.n && out(ctx, r->head.p, r->head.n)) || out(ctx, "\r\n", 2))
		return -1;
	return 0;
}

int gw_response_send(struct gw_response *r, int (*out)(void *ctx, const char *p, size_t n),
		     void *ctx)
{
	if (r->streamed) /* the head went out already; the rest of the body now */
		return gw_response_flush(r);
	if (send_head(r, out, ctx, (long long)r->body.n) ||
	    (r->body.n && out(ctx, r->body.p, r->body.n)))
		return -1;
	return 0;
}

void gw_response_output(struct gw_response *r, int (*out)(void *ctx, const char *p, size_t n),
			void *ctx)
{
	r->out = out;
	r->out_ctx = ctx;
}

int gw_response_stream(struct gw_response *r)
{
	if (r->streamed)
		return 0;
	if (!r->out || send_head(r, r->out, r->out_ctx, -1))
		return -1;
	r->streamed = 1;
	return gw_response_flush(r);
}

int gw_response_flush(struct gw_response *r)
{
	int rc = 0;

	if (!r->streamed)
		return 0;
	if (r->body.n)
		rc = r->out(r->out_ctx, r->body.p, r->body.n);
	gw_buf_reset(&r->body);
	return rc;
}
