/* complaint_events.h — timeline events stored as a code with parameters
 * (complaint_events.code, .params) and rendered in the reader's language:
 * the sentence L.Timeline.<code> of the reader's words, each {name} replaced
 * by its parameter and each [ … ] part left out when a parameter in it is
 * empty or missing. Parameter values by name: *_ts are UTC seconds, shown in
 * local time; severity and from a severity (its word); deadline "response"
 * or "resolution" (its word); names a list of people (empty: "nobody");
 * others (names of departments and people, counts) as stored. */
#ifndef GUWEN_COMPLAINT_EVENTS_H
#define GUWEN_COMPLAINT_EVENTS_H

#include <ClearSilver.h>
#include <stdint.h>

#include "guwen/buf.h"
#include "guwen/ctx.h"

/* Append the parameter line "name=value\n" to b (a newline in value becomes a space). */
void gw_event_param(struct gw_buf *b, const char *name, const char *value);
void gw_event_param_int(struct gw_buf *b, const char *name, long long value);
/* The sentence of code with params ("name=value" lines) from words (the L.*
 * tree of the reader's language), in the arena. tz_minutes: local offset. */
const char *gw_event_sentence(struct gw_arena *a, HDF *words, int tz_minutes, const char *code,
			      const char *params);
/* For each child of events (rows with code and params): its sentence at
 * <child>.text in the request's language. */
void gw_complaint_events_words(struct gw_ctx *ctx, HDF *events);

#endif
