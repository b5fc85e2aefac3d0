/* request.h — one HTTP request: CGI variables, query, urlencoded and multipart
 * bodies, cookies; limits and UTF-8 checks. Everything lives in the arena. */
#ifndef GUWEN_REQUEST_H
#define GUWEN_REQUEST_H

#include <stddef.h>

#include "guwen/arena.h"

/* One name/value pair. value is NUL-terminated; len excludes the NUL. A file
 * part of a multipart body has filename (possibly "") and ctype set. */
struct gw_field {
	const char *name;
	const char *value;
	size_t len;
	const char *filename;
	const char *ctype;
};

struct gw_fields {
	struct gw_field *v;
	size_t n, cap;
};

struct gw_limits {
	size_t body;	  /* whole body, bytes */
	size_t fields;	  /* fields per request (query + body + cookies) */
	size_t field_len; /* one text field, bytes */
	size_t file_len;  /* one uploaded file, bytes */
};

#define GW_MAX_PARAMS 4

struct gw_request {
	struct gw_arena *arena;
	const char *method, *path, *query_string, *remote_addr, *content_type;
	const char *host, *https, *user_agent, *accept_language, *script_name;
	size_t content_length;
	struct gw_fields query, body, cookies;
	const char *param[GW_MAX_PARAMS]; /* values of :name segments of the route */
	int nparam;
	size_t nfields;	 /* counted against limits.fields */
	const char *why; /* for the log when parsing failed (no user data) */
};

/* Default limits: 16 MiB body, 300 fields, 64 KiB per text field, 16 MiB per file
 * (programs set their own smaller limits per upload, with a message at the field). */
extern const struct gw_limits gw_default_limits;

/* Parse "a=1&b=%E4%B8%AD" into f. Returns 0, 400 (bad escape, invalid UTF-8) or
 * 413 (too many fields, field too long). */
int gw_request_parse_urlencoded(struct gw_request *r, struct gw_fields *f, const char *s, size_t n,
				const struct gw_limits *lim);
/* Parse a Cookie header ("a=1; b=2"); malformed pairs are skipped, not fatal. */
int gw_request_parse_cookies(struct gw_request *r, const char *s, const struct gw_limits *lim);
/* Parse a body by its Content-Type (urlencoded or multipart/form-data; other
 * types are ignored). Returns 0, 400 or 413. */
int gw_request_parse_body(struct gw_request *r, const char *ctype, const char *body, size_t n,
			  const struct gw_limits *lim);

/* Reads up to n bytes of the body into p; returns how many, 0 at its end. */
typedef size_t (*gw_body_reader)(void *ctx, char *p, size_t n);
/* The request's own checks once the CGI variables are in r (method, path,
 * query_string, content_type): the method, a UTF-8 path, CONTENT_LENGTH (cl as
 * the server passed it, NULL when absent) against lim->body, the query string,
 * the Cookie header (NULL when absent), then exactly CONTENT_LENGTH bytes of
 * body through rd, parsed by their type. Returns 0, 400, 405 or 413 with r->why. */
int gw_request_read(struct gw_request *r, const char *cl, const char *cookie, gw_body_reader rd,
		    void *rctx, const struct gw_limits *lim);

/* First value of name in the query string / the body / the cookies, or NULL. */
const char *gw_query(const struct gw_request *r, const char *name);
const char *gw_form(const struct gw_request *r, const char *name);
const char *gw_cookie(const struct gw_request *r, const char *name);
/* The first file part named name, or NULL (also NULL when no file was chosen). */
const struct gw_field *gw_form_file(const struct gw_request *r, const char *name);
/* The field list entry at a given name (NULL if absent), for callers that need len. */
const struct gw_field *gw_fields_get(const struct gw_fields *f, const char *name);

#endif
