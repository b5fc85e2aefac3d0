/* buf.h — a growable byte buffer (malloc'd, reused across requests). */
#ifndef GUWEN_BUF_H
#define GUWEN_BUF_H

#include <stddef.h>

struct gw_buf {
	char *p; /* always NUL-terminated once anything was appended */
	size_t n, cap;
};

void gw_buf_append(struct gw_buf *b, const void *data, size_t n);
void gw_buf_puts(struct gw_buf *b, const char *s);
void gw_buf_printf(struct gw_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Empty the buffer, keeping its memory. */
void gw_buf_reset(struct gw_buf *b);
void gw_buf_free(struct gw_buf *b);

#endif
