/* buf.c — growable byte buffer. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/buf.h"

static void grow(struct gw_buf *b, size_t need)
{
	size_t cap = b->cap ? b->cap : 1024;
	char *p;

	while (cap < b->n + need + 1)
		cap *= 2;
	if (cap == b->cap)
		return;
	p = realloc(b->p, cap);
	if (!p) {
		fputs("guwen: out of memory\n", stderr);
		abort();
	}
	b->p = p;
	b->cap = cap;
}

void gw_buf_append(struct gw_buf *b, const void *data, size_t n)
{
	grow(b, n);
	memcpy(b->p + b->n, data, n);
	b->n += n;
	b->p[b->n] = '\0';
}

void gw_buf_puts(struct gw_buf *b, const char *s)
{
	gw_buf_append(b, s, strlen(s));
}

void gw_buf_printf(struct gw_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)n;
}

void gw_buf_reset(struct gw_buf *b)
{
	b->n = 0;
	if (b->p)
		b->p[0] = '\0';
}

void gw_buf_free(struct gw_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
}
