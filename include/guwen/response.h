/* response.h — a buffered HTTP response: status, headers, body; headers are
 * written last, with the security headers always. */
#ifndef GUWEN_RESPONSE_H
#define GUWEN_RESPONSE_H

#include <stddef.h>

#include "guwen/buf.h"

struct gw_response {
	int status;          /* 200 unless set */
	const char *ctype;   /* "text/html; charset=utf-8" unless set */
	struct gw_buf head;  /* extra header lines, each ending in CRLF */
	struct gw_buf body;
};

/* Start a new response, keeping the buffers' memory. */
void gw_response_reset(struct gw_response *r);
void gw_response_free(struct gw_response *r);
/* Add a header; refuses (returns -1) a name or value holding CR or LF. */
int gw_response_header(struct gw_response *r, const char *name, const char *value);
/* Set-Cookie with HttpOnly; SameSite=Lax; Path=/ (and Secure when secure).
 * max_age < 0: session cookie; 0: delete it. */
void gw_response_cookie(struct gw_response *r, const char *name, const char *value,
			long max_age, int secure);
/* 303 See Other to url (a path on this site). */
void gw_response_redirect(struct gw_response *r, const char *url);
/* Serialize the status line, Content-Type, Content-Length, the security
 * headers, then the extra ones, and the body through out(). */
int gw_response_send(struct gw_response *r, int (*out)(void *ctx, const char *p, size_t n),
		     void *ctx);
/* Reason phrase for a status code. */
const char *gw_response_reason(int status);

#endif
