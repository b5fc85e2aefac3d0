/* test_core.c — the small core modules: arena, buf, response, perm
 * and route matching. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "guwen/app.h"
#include "guwen/arena.h"
#include "guwen/buf.h"
#include "guwen/config.h"
#include "guwen/log.h"
#include "guwen/perm.h"
#include "guwen/response.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static int is_zero(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return 0;
	return 1;
}

/* --- arena ------------------------------------------------------------- */

static void test_arena_many_allocations_aligned_zeroed_distinct(void **state)
{
	enum { COUNT = 5000 };
	struct gw_arena a = {0};
	unsigned char *p[COUNT];
	size_t asked = 0;
	(void)state;

	for (size_t i = 0; i < COUNT; i++) {
		size_t n = 1 + (i * 37) % 300;

		p[i] = gw_arena_alloc(&a, n);
		assert_non_null(p[i]);
		assert_int_equal((uintptr_t)p[i] % 16, 0);
		assert_true(is_zero(p[i], n));
		/* Fill it with its own byte: an overlap would show below. */
		memset(p[i], (int)(i % 251) + 1, n);
		asked += n;
	}
	for (size_t i = 0; i < COUNT; i++) {
		size_t n = 1 + (i * 37) % 300;

		for (size_t k = 0; k < n; k++)
			if (p[i][k] != (unsigned char)((i % 251) + 1))
				fail_msg("allocation %zu byte %zu overwritten", i, k);
	}
	assert_true(a.total >= asked);
	gw_arena_free(&a);
	assert_null(a.head);
}

static void test_arena_zero_size_and_odd_sizes_stay_aligned(void **state)
{
	struct gw_arena a = {0};
	void *z1, *z2;
	(void)state;

	z1 = gw_arena_alloc(&a, 0);
	z2 = gw_arena_alloc(&a, 0);
	assert_non_null(z1);
	assert_non_null(z2);
	assert_ptr_not_equal(z1, z2);
	for (size_t n = 1; n < 64; n++) {
		long double *d = gw_arena_alloc(&a, n * 3);

		assert_int_equal((uintptr_t)d % 16, 0);
	}
	gw_arena_free(&a);
}

static void test_arena_strdup_strndup_printf(void **state)
{
	struct gw_arena a = {0};
	char src[] = "顾问中心";
	char *s, *big;
	(void)state;

	s = gw_arena_strdup(&a, src);
	assert_string_equal(s, "顾问中心");
	assert_ptr_not_equal(s, src);
	src[0] = 'X';
	assert_string_equal(s, "顾问中心");
	assert_null(gw_arena_strdup(&a, NULL));
	assert_null(gw_arena_strndup(&a, NULL, 3));
	assert_string_equal(gw_arena_strndup(&a, "abcdef", 3), "abc");
	assert_string_equal(gw_arena_strndup(&a, "abc", 0), "");
	/* strndup copies n bytes even past a NUL, then terminates. */
	s = gw_arena_strndup(&a, "a\0b", 3);
	assert_memory_equal(s, "a\0b\0", 4);
	assert_string_equal(gw_arena_printf(&a, "%s-%05d-%.2f", "fen", 42, 1.5), "fen-00042-1.50");
	assert_string_equal(gw_arena_printf(&a, "%s", ""), "");
	big = gw_arena_printf(&a, "<%*d>", 40000, 7);
	assert_int_equal(strlen(big), 40002);
	assert_int_equal(big[0], '<');
	assert_int_equal(big[40000], '7');
	assert_int_equal(big[40001], '>');
	gw_arena_free(&a);
}

static void test_arena_reset_then_reuse_keeps_one_chunk(void **state)
{
	struct gw_arena a = {0};
	struct gw_arena_chunk *kept;
	char *s;
	(void)state;

	for (int round = 0; round < 3; round++) {
		for (int i = 0; i < 2000; i++)
			gw_arena_printf(&a, "request %d field %d", round, i);
		assert_true(a.total > 0);
		gw_arena_reset(&a);
		assert_int_equal(a.total, 0);
		kept = a.head;
		assert_non_null(kept);
		/* The next request starts in the kept chunk, without malloc. */
		s = gw_arena_strdup(&a, "again");
		assert_string_equal(s, "again");
		assert_ptr_equal(a.head, kept);
		assert_true(a.total >= 6);
	}
	gw_arena_reset(&a);
	gw_arena_free(&a);
	assert_null(a.head);
	/* Freed is reusable too, and a second free is harmless. */
	assert_string_equal(gw_arena_strdup(&a, "x"), "x");
	gw_arena_free(&a);
	gw_arena_free(&a);
	gw_arena_reset(&a);
}

static void test_arena_large_allocation_bigger_than_a_chunk(void **state)
{
	struct gw_arena a = {0};
	unsigned char *small, *large, *after;
	size_t big = 3 * 1024 * 1024 + 5;
	(void)state;

	small = gw_arena_alloc(&a, 10);
	memset(small, 0xAB, 10);
	large = gw_arena_alloc(&a, big);
	assert_int_equal((uintptr_t)large % 16, 0);
	assert_true(is_zero(large, big));
	memset(large, 0xCD, big);
	after = gw_arena_alloc(&a, 100);
	assert_true(is_zero(after, 100));
	memset(after, 0xEF, 100);
	assert_int_equal(small[9], 0xAB);
	assert_int_equal(large[0], 0xCD);
	assert_int_equal(large[big - 1], 0xCD);
	assert_true(a.total >= big + 110);
	gw_arena_free(&a);
}

/* --- buf --------------------------------------------------------------- */

static void test_buf_append_grows_and_stays_terminated(void **state)
{
	struct gw_buf b = {0};
	(void)state;

	for (size_t i = 0; i < 100000; i++) {
		char c = (char)('a' + i % 26);

		gw_buf_append(&b, &c, 1);
	}
	assert_int_equal(b.n, 100000);
	assert_true(b.cap > b.n);
	assert_int_equal(b.p[b.n], '\0');
	for (size_t i = 0; i < b.n; i++)
		if (b.p[i] != (char)('a' + i % 26))
			fail_msg("byte %zu wrong", i);
	/* Binary data with NUL bytes counts all its bytes. */
	gw_buf_reset(&b);
	gw_buf_append(&b, "a\0b", 3);
	assert_int_equal(b.n, 3);
	assert_memory_equal(b.p, "a\0b\0", 4);
	gw_buf_free(&b);
	assert_null(b.p);
	assert_int_equal(b.n, 0);
	assert_int_equal(b.cap, 0);
}

static void test_buf_printf_and_puts_grow(void **state)
{
	struct gw_buf b = {0};
	size_t cap;
	(void)state;

	gw_buf_puts(&b, "head:");
	gw_buf_printf(&b, "%d,%s", 7, "七");
	assert_string_equal(b.p, "head:7,七");
	assert_int_equal(b.n, strlen("head:7,七"));
	/* Much larger than any first allocation. */
	gw_buf_printf(&b, "[%*s]", 50000, "x");
	assert_int_equal(b.n, strlen("head:7,七") + 50002);
	assert_int_equal(strlen(b.p), b.n);
	assert_int_equal(b.p[b.n - 2], 'x');
	assert_int_equal(b.p[b.n - 1], ']');
	for (int i = 0; i < 1000; i++)
		gw_buf_printf(&b, "%04d;", i);
	assert_int_equal(b.n, strlen("head:7,七") + 50002 + 5000);
	assert_memory_equal(b.p + b.n - 5, "0999;", 5);
	/* Reset empties it and keeps its memory. */
	cap = b.cap;
	gw_buf_reset(&b);
	assert_int_equal(b.n, 0);
	assert_string_equal(b.p, "");
	assert_int_equal(b.cap, cap);
	gw_buf_printf(&b, "%s", "again");
	assert_string_equal(b.p, "again");
	gw_buf_free(&b);
}

/* --- response ------------------------------------------------------------ */

static int to_buf(void *ctx, const char *p, size_t n)
{
	gw_buf_append(ctx, p, n);
	return 0;
}

static int refuse(void *ctx, const char *p, size_t n)
{
	(void)ctx, (void)p, (void)n;
	return -1;
}

/* Send r and split it into its header block (without the blank line) and body. */
static void send_response(struct gw_response *r, struct gw_buf *out, const char **body)
{
	char *sep;

	gw_buf_reset(out);
	assert_int_equal(gw_response_send(r, to_buf, out), 0);
	assert_non_null(out->p);
	sep = strstr(out->p, "\r\n\r\n");
	assert_non_null(sep);
	sep[2] = '\0'; /* keep the last header's CRLF */
	*body = sep + 4;
}

/* Value of the first header named name in a header block, copied into val. */
static const char *header(const char *head, const char *name, char *val, size_t vn)
{
	size_t nl = strlen(name);

	for (const char *l = head; *l; l = strstr(l, "\r\n") + 2) {
		const char *eol = strstr(l, "\r\n");

		assert_non_null(eol); /* every header line ends in CRLF */
		if (!strncasecmp(l, name, nl) && l[nl] == ':') {
			const char *v = l + nl + 1;

			while (*v == ' ')
				v++;
			snprintf(val, vn, "%.*s", (int)(eol - v), v);
			return val;
		}
	}
	return NULL;
}

static int count_lines_starting(const char *head, const char *prefix)
{
	int n = 0;

	for (const char *l = head; *l; l = strstr(l, "\r\n") + 2)
		n += !strncasecmp(l, prefix, strlen(prefix));
	return n;
}

static void assert_security_headers(const char *head)
{
	char v[256];

	assert_non_null(header(head, "Content-Security-Policy", v, sizeof(v)));
	assert_true(!strncmp(v, "default-src 'self'", 18));
	assert_string_equal(header(head, "X-Content-Type-Options", v, sizeof(v)), "nosniff");
	assert_string_equal(header(head, "X-Frame-Options", v, sizeof(v)), "DENY");
	assert_string_equal(header(head, "Referrer-Policy", v, sizeof(v)), "same-origin");
}

static void test_response_redirect_303_with_security_headers(void **state)
{
	struct gw_response r = {0};
	struct gw_buf out = {0};
	const char *body;
	char v[256];
	(void)state;

	gw_response_reset(&r);
	gw_response_redirect(&r, "/complaints/17");
	send_response(&r, &out, &body);
	assert_true(!strncmp(out.p, "Status: 303 See Other\r\n", 23));
	assert_string_equal(header(out.p, "Location", v, sizeof(v)), "/complaints/17");
	assert_string_equal(header(out.p, "Content-Length", v, sizeof(v)), "0");
	assert_string_equal(body, "");
	assert_security_headers(out.p);
	gw_buf_free(&out);
	gw_response_free(&r);
}

static void test_response_content_length_counts_bytes(void **state)
{
	struct gw_response r = {0};
	struct gw_buf out = {0};
	const char *body;
	char v[256], want[32];
	(void)state;

	gw_response_reset(&r);
	gw_buf_puts(&r.body, "<p>投诉已受理</p>\n");
	send_response(&r, &out, &body);
	assert_true(!strncmp(out.p, "Status: 200 OK\r\n", 16));
	snprintf(want, sizeof(want), "%zu", strlen("<p>投诉已受理</p>\n"));
	assert_string_equal(header(out.p, "Content-Length", v, sizeof(v)), want);
	assert_int_equal(strlen(body), strtoul(want, NULL, 10));
	assert_string_equal(body, "<p>投诉已受理</p>\n");
	assert_string_equal(header(out.p, "Content-Type", v, sizeof(v)),
			    "text/html; charset=utf-8");
	assert_security_headers(out.p);
	/* Reset for the next request in the same process. */
	r.status = 404;
	r.ctype = "text/plain; charset=utf-8";
	gw_response_header(&r, "X-Old", "1");
	send_response(&r, &out, &body);
	assert_true(!strncmp(out.p, "Status: 404 Not Found\r\n", 23));
	assert_string_equal(header(out.p, "Content-Type", v, sizeof(v)),
			    "text/plain; charset=utf-8");
	gw_response_reset(&r);
	send_response(&r, &out, &body);
	assert_true(!strncmp(out.p, "Status: 200 OK\r\n", 16));
	assert_null(header(out.p, "X-Old", v, sizeof(v)));
	assert_string_equal(header(out.p, "Content-Length", v, sizeof(v)), "0");
	assert_security_headers(out.p);
	gw_buf_free(&out);
	gw_response_free(&r);
}

static void test_response_header_refuses_cr_lf(void **state)
{
	struct gw_response r = {0};
	struct gw_buf out = {0};
	const char *body;
	char v[256];
	(void)state;

	gw_response_reset(&r);
	assert_int_equal(gw_response_header(&r, "X-Ok", "fine value"), 0);
	assert_int_equal(gw_response_header(&r, "X-Bad", "a\r\nSet-Cookie: evil=1"), -1);
	assert_int_equal(gw_response_header(&r, "X-Bad", "a\nSet-Cookie: evil=1"), -1);
	assert_int_equal(gw_response_header(&r, "X-Bad", "a\rb"), -1);
	assert_int_equal(gw_response_header(&r, "X-Bad\r\nSet-Cookie: evil", "1"), -1);
	assert_int_equal(gw_response_header(&r, "X-Bad\n", "1"), -1);
	send_response(&r, &out, &body);
	assert_string_equal(header(out.p, "X-Ok", v, sizeof(v)), "fine value");
	assert_null(strstr(out.p, "evil"));
	assert_null(strstr(out.p, "X-Bad"));
	assert_int_equal(count_lines_starting(out.p, "Set-Cookie"), 0);
	gw_buf_free(&out);
	gw_response_free(&r);
}

static void test_response_cookie_flags(void **state)
{
	struct gw_response r = {0};
	struct gw_buf out = {0};
	const char *body;
	char v[256];
	(void)state;

	gw_response_reset(&r);
	gw_response_cookie(&r, "sid", "abc123", -1, 0);
	send_response(&r, &out, &body);
	assert_non_null(header(out.p, "Set-Cookie", v, sizeof(v)));
	assert_true(!strncmp(v, "sid=abc123;", 11));
	assert_non_null(strstr(v, "; HttpOnly"));
	assert_non_null(strstr(v, "; SameSite=Lax"));
	assert_non_null(strstr(v, "; Path=/"));
	assert_null(strstr(v, "Secure"));
	assert_null(strstr(v, "Max-Age")); /* a session cookie */

	gw_response_reset(&r);
	gw_response_cookie(&r, "__Host-sid", "abc123", 1800, 1);
	send_response(&r, &out, &body);
	assert_non_null(header(out.p, "Set-Cookie", v, sizeof(v)));
	assert_true(!strncmp(v, "__Host-sid=abc123;", 18));
	assert_non_null(strstr(v, "; Secure"));
	assert_non_null(strstr(v, "; HttpOnly"));
	assert_non_null(strstr(v, "; SameSite=Lax"));
	assert_non_null(strstr(v, "; Max-Age=1800"));

	gw_response_reset(&r);
	gw_response_cookie(&r, "sid", "", 0, 0);
	send_response(&r, &out, &body);
	assert_non_null(header(out.p, "Set-Cookie", v, sizeof(v)));
	assert_true(!strncmp(v, "sid=;", 5));
	assert_non_null(strstr(v, "; Max-Age=0"));
	assert_non_null(strstr(v, "; HttpOnly"));
	assert_security_headers(out.p);
	gw_buf_free(&out);
	gw_response_free(&r);
}

static void test_response_send_reports_output_failure(void **state)
{
	struct gw_response r = {0};
	(void)state;

	gw_response_reset(&r);
	gw_buf_puts(&r.body, "x");
	assert_int_not_equal(gw_response_send(&r, refuse, NULL), 0);
	assert_string_equal(gw_response_reason(413), "Payload Too Large");
	assert_string_equal(gw_response_reason(403), "Forbidden");
	assert_string_equal(gw_response_reason(500), "Internal Server Error");
	gw_response_free(&r);
}

/* --- perm -------------------------------------------------------------- */

static void test_perm_matrix_spot_checks(void **state)
{
	(void)state;

	/* Admins run the system but see no client data. */
	assert_true(gw_perm_has(GW_ROLE_ADMIN, GW_PERM_ADMIN_USERS));
	assert_true(gw_perm_has(GW_ROLE_ADMIN, GW_PERM_ADMIN_CALENDAR));
	assert_false(gw_perm_has(GW_ROLE_ADMIN, GW_PERM_CLIENT_READ));
	assert_false(gw_perm_has(GW_ROLE_ADMIN, GW_PERM_COMPLAINT_READ));
	assert_true(gw_perm_has(GW_ROLE_ADVISOR, GW_PERM_COMPLAINT_READ));
	assert_false(gw_perm_has(GW_ROLE_ADVISOR, GW_PERM_COMPLAINT_CLASSIFY));
	assert_false(gw_perm_has(GW_ROLE_ADVISOR, GW_PERM_COMPLAINT_ALL));
	assert_false(gw_perm_has(GW_ROLE_ADVISOR, GW_PERM_ADMIN_USERS));
	assert_true(gw_perm_has(GW_ROLE_MANAGER, GW_PERM_COMPLAINT_CLASSIFY));
	assert_false(gw_perm_has(GW_ROLE_MANAGER, GW_PERM_COMPLAINT_ALL));
	assert_true(gw_perm_has(GW_ROLE_DIRECTOR, GW_PERM_COMPLAINT_ALL));
	assert_false(gw_perm_has(GW_ROLE_DIRECTOR, GW_PERM_ADMIN_USERS));
	/* Every staff role may sign in and see public pages. */
	for (int role = GW_ROLE_ADVISOR; role < GW_ROLE__COUNT; role++) {
		assert_true(gw_perm_has((enum gw_role)role, GW_PERM_PUBLIC));
		assert_true(gw_perm_has((enum gw_role)role, GW_PERM_LOGIN));
		assert_false(gw_perm_has((enum gw_role)role, GW_PERM__COUNT));
	}
}

static void test_perm_unknown_role_has_only_public(void **state)
{
	static const int roles[] = {GW_ROLE_NONE, GW_ROLE__COUNT, 99, -1};
	(void)state;

	for (size_t i = 0; i < N(roles); i++) {
		enum gw_role role = (enum gw_role)roles[i];

		assert_true(gw_perm_has(role, GW_PERM_PUBLIC));
		for (int p = GW_PERM_LOGIN; p < GW_PERM__COUNT; p++)
			if (gw_perm_has(role, (enum gw_perm)p))
				fail_msg("role %d has %s", roles[i], gw_perm_name((enum gw_perm)p));
	}
	assert_int_equal(gw_role_from_name("root"), GW_ROLE_NONE);
	assert_int_equal(gw_role_from_name(""), GW_ROLE_NONE);
	assert_int_equal(gw_role_from_name(NULL), GW_ROLE_NONE);
}

static void test_perm_role_names_round_trip(void **state)
{
	(void)state;

	assert_string_equal(gw_role_name(GW_ROLE_ADVISOR), "advisor");
	assert_string_equal(gw_role_name(GW_ROLE_ADMIN), "admin");
	assert_string_equal(gw_role_name(GW_ROLE_NONE), "");
	assert_string_equal(gw_role_name((enum gw_role)GW_ROLE__COUNT), "");
	for (int role = GW_ROLE_ADVISOR; role < GW_ROLE__COUNT; role++) {
		const char *name = gw_role_name((enum gw_role)role);

		assert_true(name[0] != '\0');
		assert_int_equal(gw_role_from_name(name), role);
	}
	assert_string_equal(gw_perm_name(GW_PERM_ADMIN_USERS), "admin_users");
	assert_string_equal(gw_perm_name(GW_PERM_COMPLAINT_ALL), "complaint_all");
	/* Permission names are distinct: templates test Perm.<name>. */
	for (int p = 0; p < GW_PERM__COUNT; p++)
		for (int q = p + 1; q < GW_PERM__COUNT; q++)
			assert_string_not_equal(gw_perm_name((enum gw_perm)p),
						gw_perm_name((enum gw_perm)q));
}

static void test_perm_scope_and_clearance(void **state)
{
	(void)state;

	assert_int_equal(gw_perm_scope(GW_ROLE_DIRECTOR), GW_SCOPE_ALL);
	assert_int_equal(gw_perm_scope(GW_ROLE_MANAGER), GW_SCOPE_DEPARTMENT);
	assert_int_equal(gw_perm_scope(GW_ROLE_ADVISOR), GW_SCOPE_OWN);
	assert_int_equal(gw_perm_scope(GW_ROLE_NONE), GW_SCOPE_OWN);
	assert_true(gw_perm_clearance(3, 3));
	assert_true(gw_perm_clearance(2, 1));
	assert_false(gw_perm_clearance(2, 3));
	assert_false(gw_perm_clearance(1, 2));
}

/* --- route matching ----------------------------------------------------- */

struct match {
	const char *pattern, *path;
	int ok, nparams;
	const char *p0, *p1;
};

static void test_route_match_table(void **state)
{
	static const struct match cases[] = {
	    {"/users/:id/edit", "/users/42/edit", 1, 1, "42", NULL},
	    {"/users/:id", "/users/张三", 1, 1, "张三", NULL},
	    {"/:a/x/:b", "/1/x/2", 1, 2, "1", "2"},
	    {"/", "/", 1, 0, NULL, NULL},
	    {"/", "/x", 0, 0, NULL, NULL},
	    {"/x", "/", 0, 0, NULL, NULL},
	    {"/users/:id/edit", "/users/42/view", 0, 0, NULL, NULL},
	    {"/users/:id/edit", "/users/42/edit/", 0, 0, NULL, NULL},
	    {"/users/:id/edit", "/users/42/editor", 0, 0, NULL, NULL},
	    {"/users/:id/edit", "/users/42", 0, 0, NULL, NULL},
	    {"/users/:id/edit", "/users//edit", 0, 0, NULL, NULL},
	    {"/users/:id", "/users/", 0, 0, NULL, NULL},
	    {"/users/:id", "/users/1/2", 0, 0, NULL, NULL},
	    {"/users", "/users/1", 0, 0, NULL, NULL},
	    {"/:a/:b/:c/:d", "/1/2/3/4", 1, 4, "1", "2"},
	};
	(void)state;

	for (size_t i = 0; i < N(cases); i++) {
		struct gw_arena a = {0};
		const char *params[GW_MAX_PARAMS] = {0};
		int n = -1, ok;

		ok = gw_route_match(cases[i].pattern, cases[i].path, &a, params, &n);
		if (ok != cases[i].ok)
			fail_msg("%s vs %s: got %d", cases[i].pattern, cases[i].path, ok);
		if (ok) {
			assert_int_equal(n, cases[i].nparams);
			if (cases[i].p0)
				assert_string_equal(params[0], cases[i].p0);
			if (cases[i].p1)
				assert_string_equal(params[1], cases[i].p1);
		}
		gw_arena_free(&a);
	}
}

static void test_route_match_more_params_than_room_fails(void **state)
{
	struct gw_arena a = {0};
	const char *params[GW_MAX_PARAMS + 1] = {0};
	int n = 0;
	(void)state;

	/* One more :param than GW_MAX_PARAMS must not write past the array. */
	assert_false(gw_route_match("/:a/:b/:c/:d/:e", "/1/2/3/4/5", &a, params, &n));
	assert_null(params[GW_MAX_PARAMS]);
	gw_arena_free(&a);
}

/* --- configuration ---------------------------------------------------- */

static void quiet(void *ctx, const char *line, size_t n)
{
	(void)ctx, (void)line, (void)n;
}

/* A configuration file with the given text, loaded (NULL when refused). */
static HDF *config_from(const char *text)
{
	char path[] = "/tmp/guwen-test-config.XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	HDF *cfg;

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	gw_log_sink(quiet, NULL);
	cfg = gw_config_load(path);
	gw_log_sink(NULL, NULL);
	unlink(path);
	return cfg;
}

/* Found by tests/fuzz/fuzz_config: "App : App" made every look-up under App
 * recurse until the stack overflowed, and with a block under it, reading the
 * file did. Links (and copies, attributes, includes) are refused at load. */
static void test_config_refuses_links(void **state)
{
	HDF *cfg;
	(void)state;

	assert_null(config_from("App : App\nDB.Name = guwen\n"));
	assert_null(config_from("A:A\n{Ap{\n{\nA {\nN{\np{\np{.\nN:"));
	assert_null(config_from("A.B = 1\nC : A\n"));
	assert_null(config_from("A.B = 1\nC := A\n"));
	assert_null(config_from("A [x=1] = 2\n"));
	assert_null(config_from("#include \"/etc/passwd\"\n"));
	cfg = config_from("App {\n  URLStyle = cgi\n  Name = 财税 : 中心\n}\nDB.Name = guwen\n");
	assert_non_null(cfg);
	assert_string_equal(gw_config_get(cfg, "App.URLStyle", ""), "cgi");
	assert_string_equal(gw_config_get(cfg, "App.Name", ""), "财税 : 中心");
	assert_int_equal(gw_config_int(cfg, "App.Missing", 7), 7);
	hdf_destroy(&cfg);
	/* Comments and "=" values may hold a colon. */
	cfg = config_from("# Note: x\nA.URL = http://h:1/\nB << EOM\ntext\nEOM\n");
	assert_non_null(cfg);
	assert_string_equal(gw_config_get(cfg, "A.URL", ""), "http://h:1/");
	assert_string_equal(gw_config_get(cfg, "B", ""), "text\n");
	hdf_destroy(&cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_arena_many_allocations_aligned_zeroed_distinct),
	    cmocka_unit_test(test_arena_zero_size_and_odd_sizes_stay_aligned),
	    cmocka_unit_test(test_arena_strdup_strndup_printf),
	    cmocka_unit_test(test_arena_reset_then_reuse_keeps_one_chunk),
	    cmocka_unit_test(test_arena_large_allocation_bigger_than_a_chunk),
	    cmocka_unit_test(test_buf_append_grows_and_stays_terminated),
	    cmocka_unit_test(test_buf_printf_and_puts_grow),
	    cmocka_unit_test(test_response_redirect_303_with_security_headers),
	    cmocka_unit_test(test_response_content_length_counts_bytes),
	    cmocka_unit_test(test_response_header_refuses_cr_lf),
	    cmocka_unit_test(test_response_cookie_flags),
	    cmocka_unit_test(test_response_send_reports_output_failure),
	    cmocka_unit_test(test_perm_matrix_spot_checks),
	    cmocka_unit_test(test_perm_unknown_role_has_only_public),
	    cmocka_unit_test(test_perm_role_names_round_trip),
	    cmocka_unit_test(test_perm_scope_and_clearance),
	    cmocka_unit_test(test_route_match_table),
	    cmocka_unit_test(test_route_match_more_params_than_room_fails),
	    cmocka_unit_test(test_config_refuses_links),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
