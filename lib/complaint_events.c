/* complaint_events.c — timeline events as codes with parameters, rendered in
 * the reader's language (see complaint_events.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/complaint_events.h"
#include "guwen/hdfset.h"
#include "guwen/valid.h"
#include "guwen/view.h"

void gw_event_param(struct gw_buf *b, const char *name, const char *value)
{
	gw_buf_printf(b, "%s=", name);
	for (const char *p = value ? value : ""; *p; p++)
		gw_buf_printf(b, "%c", *p == '\n' || *p == '\r' ? ' ' : *p);
	gw_buf_puts(b, "\n");
}

void gw_event_param_int(struct gw_buf *b, const char *name, long long value)
{
	gw_buf_printf(b, "%s=%lld\n", name, value);
}

/* The stored value of parameter name (n bytes) in params, length in *len; NULL if absent. */
static const char *param(const char *params, const char *name, size_t n, size_t *len)
{
	for (const char *p = params ? params : ""; *p;) {
		const char *eol = strchr(p, '\n'), *end = eol ? eol : p + strlen(p);

		if ((size_t)(end - p) > n && !strncmp(p, name, n) && p[n] == '=') {
			*len = (size_t)(end - p) - n - 1;
			return p + n + 1;
		}
		p = eol ? eol + 1 : end;
	}
	return NULL;
}

static int ends_with(const char *s, size_t n, const char *tail)
{
	size_t t = strlen(tail);

	return n >= t && !strncmp(s + n - t, tail, t);
}

/* One parameter as the reader reads it; "" when empty or absent. */
static const char *shown(struct gw_arena *a, HDF *words, int tz, const char *name, size_t n,
			 const char *params)
{
	size_t len = 0;
	const char *v = param(params, name, n, &len), *key = NULL;
	char *s, buf[24];

	if (!v || !len)
		return n == 5 && !strncmp(name, "names", 5)
			   ? hdf_get_value(words, "L.Timeline.Nobody", "-")
			   : "";
	s = gw_arena_printf(a, "%.*s", (int)len, v);
	if (ends_with(name, n, "_ts")) {
		gw_time_format(strtoll(s, NULL, 10) + tz * 60LL, buf);
		return gw_arena_strdup(a, buf);
	}
	if ((n == 8 && !strncmp(name, "severity", 8)) || (n == 4 && !strncmp(name, "from", 4)))
		key = gw_arena_printf(a, "L.Complaint.Severities.%s", s);
	else if (n == 8 && !strncmp(name, "deadline", 8))
		key =
		    strcmp(s, "response") ? "L.Complaint.ResolutionDue" : "L.Complaint.ResponseDue";
	return key ? hdf_get_value(words, key, s) : s;
}

/* Expand text up to stop (']' inside a part, '\0' outside) into b; returns
 * where it stopped, *empty set when a parameter in it was empty. */
static const char *expand(struct gw_arena *a, HDF *words, int tz, const char *params, const char *t,
			  char stop, struct gw_buf *b, int *empty)
{
	while (*t && *t != stop) {
		const char *close = *t == '{' ? strchr(t, '}') : NULL;

		if (close) {
			const char *v = shown(a, words, tz, t + 1, (size_t)(close - t - 1), params);

			*empty |= !*v;
			gw_buf_puts(b, v);
			t = close + 1;
		} else if (*t == '[') {
			struct gw_buf part = {0};
			int e = 0;

			t = expand(a, words, tz, params, t + 1, ']', &part, &e);
			if (!e && part.n)
				gw_buf_puts(b, part.p);
			gw_buf_free(&part);
			t += *t == ']';
		} else {
			gw_buf_printf(b, "%c", *t++);
		}
	}
	return t;
}

const char *gw_event_sentence(struct gw_arena *a, HDF *words, int tz_minutes, const char *code,
			      const char *params)
{
	const char *t = hdf_get_value(words, gw_arena_printf(a, "L.Timeline.%s", code), NULL);
	struct gw_buf b = {0};
	const char *out;
	int empty = 0;

	if (!t)
		return code; /* a code this version has no words for */
	expand(a, words, tz_minutes, params, t, '\0', &b, &empty);
	out = gw_arena_strdup(a, b.n ? b.p : "");
	gw_buf_free(&b);
	return out;
}

void gw_complaint_events_words(struct gw_ctx *ctx, HDF *events)
{
	HDF *words = gw_view_words(ctx);

	if (!words)
		return;
	for (HDF *e = events ? hdf_obj_child(events) : NULL; e; e = hdf_obj_next(e)) {
		const char *code = hdf_get_value(e, "code", NULL);

		if (code && *code)
			gw_hdf_set(e, "text",
				   gw_event_sentence(&ctx->arena, words, gw_tz_minutes(ctx), code,
						     hdf_get_value(e, "params", "")));
	}
}
