/* mail_mime.h — a queued mail as an Internet message (RFC 5322 + MIME): UTF-8
 * subject and names as RFC 2047 encoded-words, the text (and HTML, when there
 * is one) base64-encoded, one multipart/alternative when both. Pure: no I/O. */
#ifndef GUWEN_MAIL_MIME_H
#define GUWEN_MAIL_MIME_H

#include <stdint.h>

#include "guwen/buf.h"

struct gw_mime {
	const char *from_addr, *from_name; /* name may be NULL or "" */
	const char *to;
	const char *subject, *text, *html; /* html NULL or "" for text only */
	const char *message_id;		   /* "<...@...>" */
	int64_t date;			   /* UTC seconds */
	const char *boundary;		   /* a random token, [A-Za-z0-9] */
};

/* Append the whole message (CRLF line ends) to out. -1 when an address or the
 * subject holds a line break or the from address is missing. */
int gw_mime_build(struct gw_buf *out, const struct gw_mime *m);
/* Append s as RFC 2047 encoded-words (B encoding, each at most 75 bytes, split
 * at character boundaries, folded with CRLF SP); plain ASCII without specials
 * is appended as it is. Exposed for tests. */
void gw_mime_word(struct gw_buf *out, const char *s);

#endif
