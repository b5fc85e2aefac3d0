/* response.h — a buffered HTTP response: status, headers, body; headers are
 * written last, with the security headers always. A long body (an export) may
 * instead be streamed: headers first, then the body in chunks as it is made. */
#ifndef GUWEN_RESPONSE_H
#define GUWEN_RESPONSE_H

#include <stddef.h>

#include "guwen/buf.h"

struct gw_response {
	int status;	    /* 200 unless set */
	const char *ctype;  /* "text/html; charset=utf-8" unless set */
	struct gw_buf head; /* extra header lines, each ending in CRLF */
	struct gw_buf body;
	/* where the bytes go (set per request by the program's loop); streamed:
	 * the headers are out, the body goes straight there */
	int (*out)(void *ctx, const char *p, size_t n);
	void *out_ctx;
	int streamed;
};

/* Start a new response, keeping the buffers' memory. */
void gw_response_reset(struct gw_response *r);
void gw_response_free(struct gw_response *r);
/* Add a header; refuses (returns -1) a name or value holding CR or LF. */
int gw_response_header(struct gw_response *r, const char *name, const char *value);
/* Set-Cookie with HttpOnly; SameSite=Lax; Path=/ (and Secure when secure).
 * max_age < 0: session cookie; 0: delete it. */
void gw_response_cookie(struct gw_response *r, const char *name, const char *value, long max_age,
			int secure);
/* 303 See Other to url (a path on this site). */
void gw_response_redirect(struct gw_response *r, const char *url);
/* Serialize the status line, Content-Type, Content-Length, the security
 * headers, then the extra ones, and the body through out(). */
int gw_response_send(struct gw_response *r, int (*out)(void *ctx, const char *p, size_t n),
		     void *ctx);
/* Where gw_response_stream writes (and gw_response_send, once a body streamed,
 * no longer does). */
void gw_response_output(struct gw_response *r, int (*out)(void *ctx, const char *p, size_t n),
			void *ctx);
/* Start streaming: the status line and headers go out now, without a length;
 * from here on body bytes are written with gw_response_flush and the handler's
 * status can no longer change. 0 or -1 (the client went away). */
int gw_response_stream(struct gw_response *r);
/* Streaming: write what body holds and empty it (body stays small). 0 or -1. */
int gw_response_flush(struct gw_response *r);

/* Reason phrase for a status code. */
const char *gw_response_reason(int status);

#endif
