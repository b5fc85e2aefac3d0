/* arena.c — per-request bump allocator over a list of malloc'd chunks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/arena.h"

#define CHUNK_MIN (16 * 1024)
#define ALIGN	  16

struct gw_arena_chunk {
	struct gw_arena_chunk *next;
	size_t size, used;
	_Alignas(ALIGN) unsigned char data[];
};

static struct gw_arena_chunk *chunk_new(size_t need)
{
	size_t size = need > CHUNK_MIN ? need : CHUNK_MIN;
	struct gw_arena_chunk *c = malloc(sizeof(*c) + size);

	if (!c) {
		fputs("guwen: out of memory\n", stderr);
		abort();
	}
	c->next = NULL;
	c->size = size;
	c->used = 0;
	return c;
}

void *gw_arena_alloc(struct gw_arena *a, size_t n)
{
	struct gw_arena_chunk *c = a->head;
	size_t need = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	void *p;

	if (need == 0)
		need = ALIGN;
	if (!c || c->size - c->used < need) {
		c = chunk_new(need);
		c->next = a->head;
		a->head = c;
	}
	p = c->data + c->used;
	c->used += need;
	a->total += need;
	memset(p, 0, n);
	return p;
}

char *gw_arena_strndup(struct gw_arena *a, const char *s, size_t n)
{
	char *p;

	if (!s)
		return NULL;
	p = gw_arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *gw_arena_strdup(struct gw_arena *a, const char *s)
{
	return s ? gw_arena_strndup(a, s, strlen(s)) : NULL;
}

char *gw_arena_vprintf(struct gw_arena *a, const char *fmt, va_list ap)
{
	va_list copy;
	int n;
	char *p;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return gw_arena_strdup(a, "");
	p = gw_arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *gw_arena_printf(struct gw_arena *a, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = gw_arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

void gw_arena_reset(struct gw_arena *a)
{
	struct gw_arena_chunk *c = a->head, *next, *keep = NULL;

	/* keep one ordinary-sized chunk; a big one (an upload) goes back to malloc */
	for (; c; c = next) {
		next = c->next;
		if (!keep && c->size == CHUNK_MIN) {
			keep = c;
			continue;
		}
		free(c);
	}
	if (keep) {
		keep->next = NULL;
		keep->used = 0;
	}
	a->head = keep;
	a->total = 0;
}

void gw_arena_free(struct gw_arena *a)
{
	gw_arena_reset(a);
	free(a->head);
	a->head = NULL;
}
