/* arena.h — per-request memory: many allocations, one free at the end. */
#ifndef GUWEN_ARENA_H
#define GUWEN_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct gw_arena_chunk;
struct gw_arena {
	struct gw_arena_chunk *head;
	size_t total; /* bytes handed out, for the memory budget */
};

/* Allocate n zeroed bytes aligned for any type; never returns NULL (aborts on
 * out of memory, as a request cannot go on without it). Freed by gw_arena_free. */
void *gw_arena_alloc(struct gw_arena *a, size_t n);
/* Copy of s (NULL gives NULL) / of n bytes of s plus a NUL, in the arena. */
char *gw_arena_strdup(struct gw_arena *a, const char *s);
char *gw_arena_strndup(struct gw_arena *a, const char *s, size_t n);
/* printf into the arena. */
char *gw_arena_printf(struct gw_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
char *gw_arena_vprintf(struct gw_arena *a, const char *fmt, va_list ap);
/* Free every allocation; the arena can be used again afterwards. Keeps one
 * chunk so the next request does not go back to malloc. */
void gw_arena_reset(struct gw_arena *a);
/* Free everything including the kept chunk. */
void gw_arena_free(struct gw_arena *a);

#endif
