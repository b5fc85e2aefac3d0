/* test_request.c — the request parsers of lib/request.c: urlencoded, cookies,
 * multipart, and the limits and UTF-8 checks that answer 400 or 413. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "guwen/request.h"

/* A string literal with its length, NUL bytes included. */
#define LIT(s) (s), (sizeof(s) - 1)

#define REQUEST(r, a)                                                                              \
	struct gw_arena a = {0};                                                                   \
	struct gw_request r = {0};                                                                 \
	r.arena = &a

static int urlencoded(struct gw_request *r, const char *s, const struct gw_limits *lim)
{
	return gw_request_parse_urlencoded(r, &r->query, s, strlen(s), lim);
}

/* --- urlencoded ------------------------------------------------------- */

static void test_urlencoded_decodes_plus_and_percent(void **state)
{
	REQUEST(r, a);
	(void)state;

	assert_int_equal(
	    urlencoded(&r, "a=1&b=hello+world&c=%2B%26%3d%25&na%6De=x", &gw_default_limits), 0);
	assert_string_equal(gw_query(&r, "a"), "1");
	assert_string_equal(gw_query(&r, "b"), "hello world");
	/* An encoded '&' or '=' is data, not a separator. */
	assert_string_equal(gw_query(&r, "c"), "+&=%");
	assert_string_equal(gw_query(&r, "name"), "x");
	assert_null(gw_query(&r, "na%6De"));
	assert_null(gw_query(&r, "missing"));
	assert_int_equal(r.query.n, 4);
	assert_int_equal(gw_fields_get(&r.query, "c")->len, 4);
	gw_arena_free(&a);
}

static void test_urlencoded_chinese_utf8(void **state)
{
	REQUEST(r, a);
	const struct gw_field *f;
	(void)state;

	assert_int_equal(urlencoded(&r, "%E5%90%8D%E7%A7%B0=%E9%A1%BE%E9%97%AE+%E4%B8%AD%E5%BF%83",
				    &gw_default_limits),
			 0);
	f = gw_fields_get(&r.query, "名称");
	assert_non_null(f);
	assert_string_equal(f->value, "顾问 中心");
	assert_int_equal(f->len, strlen("顾问 中心"));
	assert_null(f->filename);
	gw_arena_free(&a);
}

static void test_urlencoded_empty_values_and_names_without_equals(void **state)
{
	REQUEST(r, a);
	(void)state;

	assert_int_equal(urlencoded(&r, "empty=&flag&&=orphan&last=", &gw_default_limits), 0);
	assert_string_equal(gw_query(&r, "empty"), "");
	assert_int_equal(gw_fields_get(&r.query, "empty")->len, 0);
	assert_string_equal(gw_query(&r, "flag"), "");
	assert_string_equal(gw_query(&r, "last"), "");
	/* "&&" and "=orphan" (no name) add nothing. */
	assert_int_equal(r.query.n, 3);
	assert_null(gw_query(&r, ""));
	gw_arena_free(&a);
}

static void test_urlencoded_repeated_name_gives_first(void **state)
{
	REQUEST(r, a);
	(void)state;

	assert_int_equal(urlencoded(&r, "id=1&id=2&id=3", &gw_default_limits), 0);
	assert_string_equal(gw_query(&r, "id"), "1");
	assert_int_equal(r.query.n, 3);
	assert_string_equal(r.query.v[2].value, "3");
	gw_arena_free(&a);
}

static void test_urlencoded_many_fields_keep_their_values(void **state)
{
	REQUEST(r, a);
	char s[4096], name[16];
	size_t n = 0;
	(void)state;

	/* Enough fields to make the list grow several times. */
	for (int i = 0; i < 200; i++)
		n += (size_t)snprintf(s + n, sizeof(s) - n, "%sf%d=%d", i ? "&" : "", i, i * 7);
	assert_int_equal(urlencoded(&r, s, &gw_default_limits), 0);
	assert_int_equal(r.query.n, 200);
	for (int i = 0; i < 200; i++) {
		char want[16];

		snprintf(name, sizeof(name), "f%d", i);
		snprintf(want, sizeof(want), "%d", i * 7);
		assert_string_equal(gw_query(&r, name), want);
	}
	gw_arena_free(&a);
}

static void test_urlencoded_bad_percent_escapes_are_400(void **state)
{
	static const char *const bad[] = {"a=%",  "a=%4",  "a=%GZ", "a=%4G",
					  "a=x%", "%ZZ=1", "%=1",   "ok=1&b=%e"};
	(void)state;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		REQUEST(r, a);

		if (urlencoded(&r, bad[i], &gw_default_limits) != 400)
			fail_msg("%s: expected 400", bad[i]);
		assert_non_null(r.why);
		gw_arena_free(&a);
	}
}

static void test_urlencoded_invalid_utf8_is_400(void **state)
{
	/* Overlong '/', a UTF-16 surrogate, a byte never in UTF-8, a truncated
	 * sequence, a NUL byte, and the same faults in a name. */
	static const char *const bad[] = {"a=%C0%AF", "a=%ED%A0%80", "a=%FF",	"a=%E4%B8",
					  "a=x%00y",  "%FF=1",	     "%C0%AF=1"};
	(void)state;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		REQUEST(r, a);

		if (urlencoded(&r, bad[i], &gw_default_limits) != 400)
			fail_msg("%s: expected 400", bad[i]);
		assert_non_null(r.why);
		gw_arena_free(&a);
	}
}

static void test_urlencoded_too_many_fields_is_413(void **state)
{
	struct gw_limits lim = gw_default_limits;
	(void)state;

	lim.fields = 3;
	{
		REQUEST(r, a);

		assert_int_equal(urlencoded(&r, "a=1&b=2&c=3", &lim), 0);
		gw_arena_free(&a);
	}
	{
		REQUEST(r, a);

		assert_int_equal(urlencoded(&r, "a=1&b=2&c=3&d=4", &lim), 413);
		assert_non_null(r.why);
		gw_arena_free(&a);
	}
	{
		/* The limit is per request: query and body count together. */
		REQUEST(r, a);

		assert_int_equal(urlencoded(&r, "a=1&b=2", &lim), 0);
		assert_int_equal(gw_request_parse_body(&r, "application/x-www-form-urlencoded",
						       LIT("c=3&d=4"), &lim),
				 413);
		gw_arena_free(&a);
	}
}

static void test_urlencoded_field_too_long_is_413(void **state)
{
	struct gw_limits lim = gw_default_limits;
	(void)state;

	lim.field_len = 5;
	{
		REQUEST(r, a);

		assert_int_equal(urlencoded(&r, "a=12345&b=%41%42", &lim), 0);
		assert_string_equal(gw_query(&r, "a"), "12345");
		assert_string_equal(gw_query(&r, "b"), "AB");
		gw_arena_free(&a);
	}
	{
		REQUEST(r, a);

		assert_int_equal(urlencoded(&r, "a=123456", &lim), 413);
		assert_non_null(r.why);
		gw_arena_free(&a);
	}
	{
		REQUEST(r, a);

		assert_int_equal(urlencoded(&r, "ok=1&a=abcdefghijklmnop", &lim), 413);
		gw_arena_free(&a);
	}
	{
		REQUEST(r, a);

		assert_int_equal(urlencoded(&r, "a=%E4%B8%AD%E4%B8%AD", &lim), 413);
		gw_arena_free(&a);
	}
}

/* "one text field, bytes" counts decoded bytes: a long Chinese text in an
 * ordinary (urlencoded) form is three times longer on the wire. */
static char *percent_encoded_chinese(const char *name, size_t chars)
{
	size_t nlen = strlen(name);
	char *s = test_malloc(nlen + 1 + chars * 9 + 1);

	memcpy(s, name, nlen);
	s[nlen] = '=';
	for (size_t i = 0; i < chars; i++)
		memcpy(s + nlen + 1 + i * 9, "%E4%B8%AD", 9); /* 中 */
	s[nlen + 1 + chars * 9] = '\0';
	return s;
}

static void test_urlencoded_field_limit_counts_decoded_bytes(void **state)
{
	char *fits = percent_encoded_chinese("desc", 20000); /* 60,000 bytes, 180,000 sent */
	char *over = percent_encoded_chinese("desc", 21846); /* 65,538 bytes */
	(void)state;

	{
		REQUEST(r, a);

		assert_int_equal(urlencoded(&r, fits, &gw_default_limits), 0);
		assert_int_equal(gw_fields_get(&r.query, "desc")->len, 60000);
		gw_arena_free(&a);
	}
	{
		REQUEST(r, a);

		assert_int_equal(urlencoded(&r, over, &gw_default_limits), 413);
		gw_arena_free(&a);
	}
	test_free(fits);
	test_free(over);
}

/* --- cookies ------------------------------------------------------------ */

static void test_cookies_with_and_without_spaces(void **state)
{
	REQUEST(r, a);
	(void)state;

	assert_int_equal(gw_request_parse_cookies(&r, "sid=abc123; theme=dark;lang=zh-CN;  k=a=b",
						  &gw_default_limits),
			 0);
	assert_string_equal(gw_cookie(&r, "sid"), "abc123");
	assert_string_equal(gw_cookie(&r, "theme"), "dark");
	assert_string_equal(gw_cookie(&r, "lang"), "zh-CN");
	assert_string_equal(gw_cookie(&r, "k"), "a=b");
	assert_int_equal(r.cookies.n, 4);
	/* Cookies are not query or form fields. */
	assert_null(gw_query(&r, "sid"));
	assert_null(gw_form(&r, "sid"));
	gw_arena_free(&a);
}

static void test_cookies_malformed_pairs_are_skipped(void **state)
{
	REQUEST(r, a);
	(void)state;

	assert_int_equal(
	    gw_request_parse_cookies(
		&r, "novalue; =orphan; ;;  ; good=1; bad=\xff\xfe; e=", &gw_default_limits),
	    0);
	assert_string_equal(gw_cookie(&r, "good"), "1");
	assert_string_equal(gw_cookie(&r, "e"), "");
	assert_null(gw_cookie(&r, "novalue"));
	assert_null(gw_cookie(&r, ""));
	assert_null(gw_cookie(&r, "bad"));
	assert_int_equal(r.cookies.n, 2);
	gw_arena_free(&a);
}

static void test_cookies_repeated_name_gives_first_and_empty_header(void **state)
{
	REQUEST(r, a);
	(void)state;

	assert_int_equal(gw_request_parse_cookies(&r, NULL, &gw_default_limits), 0);
	assert_int_equal(gw_request_parse_cookies(&r, "", &gw_default_limits), 0);
	assert_int_equal(r.cookies.n, 0);
	assert_int_equal(gw_request_parse_cookies(&r, "sid=first; sid=second", &gw_default_limits),
			 0);
	assert_string_equal(gw_cookie(&r, "sid"), "first");
	gw_arena_free(&a);
}

static void test_cookies_long_value_skipped_too_many_413(void **state)
{
	struct gw_limits lim = gw_default_limits;
	(void)state;

	lim.field_len = 8;
	lim.fields = 2;
	{
		REQUEST(r, a);

		assert_int_equal(gw_request_parse_cookies(&r, "big=0123456789abcdef; s=1", &lim),
				 0);
		assert_null(gw_cookie(&r, "big"));
		assert_string_equal(gw_cookie(&r, "s"), "1");
		gw_arena_free(&a);
	}
	{
		REQUEST(r, a);

		assert_int_equal(gw_request_parse_cookies(&r, "a=1; b=2; c=3", &lim), 413);
		gw_arena_free(&a);
	}
}

/* --- body by content type ---------------------------------------------- */

static void test_body_urlencoded_goes_to_form_not_query(void **state)
{
	REQUEST(r, a);
	(void)state;

	assert_int_equal(
	    gw_request_parse_body(&r, "application/x-www-form-urlencoded; charset=UTF-8",
				  LIT("name=%E5%BC%A0%E4%B8%89&n=2"), &gw_default_limits),
	    0);
	assert_string_equal(gw_form(&r, "name"), "张三");
	assert_string_equal(gw_form(&r, "n"), "2");
	assert_null(gw_query(&r, "name"));
	gw_arena_free(&a);
}

static void test_body_other_types_and_empty_are_ignored(void **state)
{
	REQUEST(r, a);
	(void)state;

	assert_int_equal(gw_request_parse_body(&r, "text/plain", LIT("a=1"), &gw_default_limits),
			 0);
	assert_int_equal(gw_request_parse_body(&r, NULL, LIT("a=1"), &gw_default_limits), 0);
	assert_int_equal(r.body.n, 0);
	assert_null(gw_form(&r, "a"));
	gw_arena_free(&a);
}

static void test_body_larger_than_limit_is_413(void **state)
{
	static const char body[] = "a=1&b=2";
	struct gw_limits lim = gw_default_limits;
	(void)state;

	lim.body = sizeof(body) - 1;
	{
		REQUEST(r, a);

		assert_int_equal(
		    gw_request_parse_body(&r, "application/x-www-form-urlencoded", LIT(body), &lim),
		    0);
		gw_arena_free(&a);
	}
	lim.body = sizeof(body) - 2;
	{
		REQUEST(r, a);

		assert_int_equal(
		    gw_request_parse_body(&r, "application/x-www-form-urlencoded", LIT(body), &lim),
		    413);
		assert_null(gw_form(&r, "a"));
		gw_arena_free(&a);
	}
	{
		REQUEST(r, a);

		assert_int_equal(
		    gw_request_parse_body(&r, "multipart/form-data; boundary=x", LIT(body), &lim),
		    413);
		gw_arena_free(&a);
	}
}

/* --- multipart ----------------------------------------------------------- */

#define MP_CTYPE "multipart/form-data; boundary=----XyZ"
/* File content: NUL bytes, and CRLF + dashes that look like the boundary but are not. */
#define FILE_DATA "%PDF-1.4\0\x01\x02\r\n------XyNot\r\n------Xy\0\r\n--\r\nend\xff"

static const char mp_good[] =
    "------XyZ\r\n"
    "Content-Disposition: form-data; name=\"title\"\r\n"
    "\r\n"
    "第一季度 报表\r\n"
    "------XyZ\r\n"
    "content-disposition: form-data; name=\"doc\"; filename=\"报表 1.pdf\"\r\n"
    "Content-Type: application/pdf\r\n"
    "\r\n" FILE_DATA "\r\n"
    "------XyZ\r\n"
    "Content-Disposition: form-data; name=\"note\"\r\n"
    "\r\n"
    "\r\n"
    "------XyZ--\r\n";

static void test_multipart_text_field_and_file(void **state)
{
	REQUEST(r, a);
	const struct gw_field *f;
	(void)state;

	assert_int_equal(gw_request_parse_body(&r, MP_CTYPE, LIT(mp_good), &gw_default_limits), 0);
	assert_string_equal(gw_form(&r, "title"), "第一季度 报表");
	assert_string_equal(gw_form(&r, "note"), "");
	f = gw_form_file(&r, "doc");
	assert_non_null(f);
	assert_string_equal(f->filename, "报表 1.pdf");
	assert_string_equal(f->ctype, "application/pdf");
	assert_int_equal(f->len, sizeof(FILE_DATA) - 1);
	assert_memory_equal(f->value, FILE_DATA, sizeof(FILE_DATA) - 1);
	assert_int_equal(f->value[f->len], '\0');
	/* A text field is not a file; a file's bytes never come back as text. */
	assert_null(gw_form_file(&r, "title"));
	assert_null(gw_form(&r, "doc"));
	assert_null(gw_query(&r, "title"));
	gw_arena_free(&a);
}

static void test_multipart_quoted_boundary(void **state)
{
	static const char body[] = "--a b;c=d\r\n"
				   "Content-Disposition: form-data; name=\"x\"\r\n"
				   "\r\n"
				   "1\r\n"
				   "--a b;c=d\r\n"
				   "Content-Disposition: form-data; name=y\r\n"
				   "\r\n"
				   "2\r\n"
				   "--a b;c=d--\r\n";
	REQUEST(r, a);
	(void)state;

	assert_int_equal(gw_request_parse_body(&r, "multipart/form-data; boundary=\"a b;c=d\"",
					       LIT(body), &gw_default_limits),
			 0);
	assert_string_equal(gw_form(&r, "x"), "1");
	assert_string_equal(gw_form(&r, "y"), "2");
	gw_arena_free(&a);
}

static void test_multipart_file_without_type_and_no_file_chosen(void **state)
{
	static const char body[] =
	    "--b\r\n"
	    "Content-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n"
	    "\r\n"
	    "hi\r\n"
	    "--b\r\n"
	    "Content-Disposition: form-data; name=\"g\"; filename=\"\"\r\n"
	    "Content-Type: application/octet-stream\r\n"
	    "\r\n"
	    "\r\n"
	    "--b--";
	REQUEST(r, a);
	const struct gw_field *f;
	(void)state;

	assert_int_equal(gw_request_parse_body(&r, "multipart/form-data; boundary=b", LIT(body),
					       &gw_default_limits),
			 0);
	f = gw_form_file(&r, "f");
	assert_non_null(f);
	assert_non_null(f->ctype);
	assert_string_equal(f->value, "hi");
	/* An empty file input (filename="") is no file, and not a text field either. */
	assert_null(gw_form_file(&r, "g"));
	assert_null(gw_form(&r, "g"));
	gw_arena_free(&a);
}

static void test_multipart_missing_boundary_is_400(void **state)
{
	static const char *const ctypes[] = {"multipart/form-data",
					     "multipart/form-data; charset=x",
					     "multipart/form-data; boundary=\"unterminated"};
	(void)state;

	for (size_t i = 0; i < sizeof(ctypes) / sizeof(ctypes[0]); i++) {
		REQUEST(r, a);

		if (gw_request_parse_body(&r, ctypes[i], LIT(mp_good), &gw_default_limits) != 400)
			fail_msg("%s: expected 400", ctypes[i]);
		assert_non_null(r.why);
		gw_arena_free(&a);
	}
}

static void test_multipart_truncated_body_is_400(void **state)
{
	(void)state;

	/* Every prefix that ends before the closing "--" is refused, whichever
	 * byte it stops at: inside a header, a value, the file or a delimiter. */
	for (size_t cut = 1; cut + 2 < sizeof(mp_good) - 1; cut++) {
		REQUEST(r, a);

		if (gw_request_parse_body(&r, MP_CTYPE, mp_good, cut, &gw_default_limits) != 400)
			fail_msg("cut at %zu: expected 400", cut);
		gw_arena_free(&a);
	}
	{
		/* A body that does not start with the boundary. */
		REQUEST(r, a);

		assert_int_equal(gw_request_parse_body(&r, MP_CTYPE, LIT("garbage\r\n------XyZ--"),
						       &gw_default_limits),
				 400);
		gw_arena_free(&a);
	}
}

static void test_multipart_part_without_name_is_400(void **state)
{
	static const char *const bodies[] = {
	    "--b\r\nContent-Disposition: form-data; filename=\"a.txt\"\r\n\r\nx\r\n--b--",
	    "--b\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nx\r\n--b--",
	    "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--",
	};
	(void)state;

	for (size_t i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
		REQUEST(r, a);

		if (gw_request_parse_body(&r, "multipart/form-data; boundary=b", bodies[i],
					  strlen(bodies[i]), &gw_default_limits) != 400)
			fail_msg("body %zu: expected 400", i);
		assert_non_null(r.why);
		gw_arena_free(&a);
	}
}

static void test_multipart_invalid_utf8_text_is_400(void **state)
{
	static const char *const bodies[] = {
	    "--b\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\n\xC0\xAF\r\n--b--",
	    "--b\r\nContent-Disposition: form-data; name=\"\xFF\"\r\n\r\nx\r\n--b--",
	    "--b\r\nContent-Disposition: form-data; name=\"f\"; "
	    "filename=\"\xED\xA0\x80\"\r\n\r\nx\r\n--b--",
	};
	(void)state;

	for (size_t i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
		REQUEST(r, a);

		if (gw_request_parse_body(&r, "multipart/form-data; boundary=b", bodies[i],
					  strlen(bodies[i]), &gw_default_limits) != 400)
			fail_msg("body %zu: expected 400", i);
		gw_arena_free(&a);
	}
	{
		/* A NUL byte in a text field is refused; the same bytes in a file are fine. */
		static const char text[] =
		    "--b\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\n"
		    "a\0b\r\n--b--";
		static const char file[] = "--b\r\nContent-Disposition: form-data; name=\"t\"; "
					   "filename=\"x\"\r\n\r\na\0b\r\n--b--";
		REQUEST(r, a);

		assert_int_equal(gw_request_parse_body(&r, "multipart/form-data; boundary=b",
						       LIT(text), &gw_default_limits),
				 400);
		gw_arena_free(&a);
		r = (struct gw_request){.arena = &a};
		assert_int_equal(gw_request_parse_body(&r, "multipart/form-data; boundary=b",
						       LIT(file), &gw_default_limits),
				 0);
		assert_int_equal(gw_form_file(&r, "t")->len, 3);
		gw_arena_free(&a);
	}
}

static void test_multipart_file_too_large_is_413(void **state)
{
	static const char body[] =
	    "--b\r\n"
	    "Content-Disposition: form-data; name=\"f\"; filename=\"a.bin\"\r\n"
	    "\r\n"
	    "12345\r\n"
	    "--b--\r\n";
	struct gw_limits lim = gw_default_limits;
	(void)state;

	lim.file_len = 5;
	{
		REQUEST(r, a);

		assert_int_equal(
		    gw_request_parse_body(&r, "multipart/form-data; boundary=b", LIT(body), &lim),
		    0);
		assert_int_equal(gw_form_file(&r, "f")->len, 5);
		gw_arena_free(&a);
	}
	lim.file_len = 4;
	{
		REQUEST(r, a);

		assert_int_equal(
		    gw_request_parse_body(&r, "multipart/form-data; boundary=b", LIT(body), &lim),
		    413);
		assert_non_null(r.why);
		assert_null(gw_form_file(&r, "f"));
		gw_arena_free(&a);
	}
}

static void test_multipart_text_too_long_and_too_many_parts_are_413(void **state)
{
	struct gw_limits lim = gw_default_limits;
	(void)state;

	lim.field_len = 3;
	lim.fields = 2;
	{
		REQUEST(r, a);

		assert_int_equal(gw_request_parse_body(
				     &r, "multipart/form-data; boundary=b",
				     LIT("--b\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\n"
					 "abcd\r\n--b--"),
				     &lim),
				 413);
		gw_arena_free(&a);
	}
	{
		REQUEST(r, a);

		assert_int_equal(
		    gw_request_parse_body(
			&r, "multipart/form-data; boundary=b",
			LIT("--b\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
			    "--b\r\nContent-Disposition: form-data; name=b\r\n\r\n2\r\n"
			    "--b\r\nContent-Disposition: form-data; name=c\r\n\r\n3\r\n"
			    "--b--"),
			&lim),
		    413);
		gw_arena_free(&a);
	}
}

/* --- gw_request_read: CONTENT_LENGTH and the body ---------------------- */

struct chunks {
	const char *s;
	size_t at, step, calls;
};

/* Hands out the body a few bytes at a time, as a socket may. */
static size_t chunked(void *ctx, char *p, size_t n)
{
	struct chunks *c = ctx;
	size_t k = strlen(c->s + c->at);

	k = k < n ? k : n;
	k = k < c->step ? k : c->step;
	memcpy(p, c->s + c->at, k);
	c->at += k;
	c->calls++;
	return k;
}

static int read_post(struct gw_request *r, const char *cl, struct chunks *c,
		     const struct gw_limits *lim)
{
	r->method = "POST";
	r->path = "/";
	r->content_type = "application/x-www-form-urlencoded";
	return gw_request_read(r, cl, "sid=1", chunked, c, lim);
}

static void test_read_body_in_pieces(void **state)
{
	struct chunks c = {"a=1&b=%E4%B8%AD", 0, 2, 0};
	REQUEST(r, a);
	(void)state;

	assert_int_equal(read_post(&r, "15", &c, &gw_default_limits), 0);
	assert_string_equal(gw_form(&r, "b"), "中");
	assert_string_equal(gw_cookie(&r, "sid"), "1");
	assert_int_equal(c.calls, 8);
	gw_arena_free(&a);
}

static void test_read_short_body_is_400(void **state)
{
	struct chunks c = {"a=1", 0, 64, 0};
	REQUEST(r, a);
	(void)state;

	assert_int_equal(read_post(&r, "10", &c, &gw_default_limits), 400);
	assert_string_equal(r.why, "short body");
	gw_arena_free(&a);
}

/* Over the limit: refused before a byte of body is read. */
static void test_read_length_over_limit_is_413_unread(void **state)
{
	static const struct gw_limits lim = {.body = 8, .fields = 4, .field_len = 8, .file_len = 8};
	struct chunks c = {"a=123456789", 0, 64, 0};
	REQUEST(r, a);
	(void)state;

	assert_int_equal(read_post(&r, "11", &c, &lim), 413);
	assert_int_equal(read_post(&r, "-1", &c, &lim), 413);
	assert_int_equal(c.calls, 0);
	gw_arena_free(&a);
}

/* Only CONTENT_LENGTH bytes are read; no header means no body. */
static void test_read_stops_at_content_length(void **state)
{
	struct chunks c = {"a=1&b=2", 0, 64, 0};
	REQUEST(r, a);
	(void)state;

	assert_int_equal(read_post(&r, "3", &c, &gw_default_limits), 0);
	assert_string_equal(gw_form(&r, "a"), "1");
	assert_null(gw_form(&r, "b"));
	assert_int_equal(read_post(&r, NULL, &c, &gw_default_limits), 0);
	assert_int_equal(c.at, 3);
	gw_arena_free(&a);
}

static void test_read_bad_method_and_path(void **state)
{
	struct chunks c = {"", 0, 64, 0};
	REQUEST(r, a);
	(void)state;

	r.method = "PUT";
	r.path = "/";
	assert_int_equal(gw_request_read(&r, NULL, NULL, chunked, &c, &gw_default_limits), 405);
	r.method = "GET";
	r.path = "/\xff";
	assert_int_equal(gw_request_read(&r, NULL, NULL, chunked, &c, &gw_default_limits), 400);
	gw_arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_urlencoded_decodes_plus_and_percent),
	    cmocka_unit_test(test_urlencoded_chinese_utf8),
	    cmocka_unit_test(test_urlencoded_empty_values_and_names_without_equals),
	    cmocka_unit_test(test_urlencoded_repeated_name_gives_first),
	    cmocka_unit_test(test_urlencoded_many_fields_keep_their_values),
	    cmocka_unit_test(test_urlencoded_bad_percent_escapes_are_400),
	    cmocka_unit_test(test_urlencoded_invalid_utf8_is_400),
	    cmocka_unit_test(test_urlencoded_too_many_fields_is_413),
	    cmocka_unit_test(test_urlencoded_field_too_long_is_413),
	    cmocka_unit_test(test_urlencoded_field_limit_counts_decoded_bytes),
	    cmocka_unit_test(test_cookies_with_and_without_spaces),
	    cmocka_unit_test(test_cookies_malformed_pairs_are_skipped),
	    cmocka_unit_test(test_cookies_repeated_name_gives_first_and_empty_header),
	    cmocka_unit_test(test_cookies_long_value_skipped_too_many_413),
	    cmocka_unit_test(test_body_urlencoded_goes_to_form_not_query),
	    cmocka_unit_test(test_body_other_types_and_empty_are_ignored),
	    cmocka_unit_test(test_body_larger_than_limit_is_413),
	    cmocka_unit_test(test_multipart_text_field_and_file),
	    cmocka_unit_test(test_multipart_quoted_boundary),
	    cmocka_unit_test(test_multipart_file_without_type_and_no_file_chosen),
	    cmocka_unit_test(test_multipart_missing_boundary_is_400),
	    cmocka_unit_test(test_multipart_truncated_body_is_400),
	    cmocka_unit_test(test_multipart_part_without_name_is_400),
	    cmocka_unit_test(test_multipart_invalid_utf8_text_is_400),
	    cmocka_unit_test(test_multipart_file_too_large_is_413),
	    cmocka_unit_test(test_multipart_text_too_long_and_too_many_parts_are_413),
	    cmocka_unit_test(test_read_body_in_pieces),
	    cmocka_unit_test(test_read_short_body_is_400),
	    cmocka_unit_test(test_read_length_over_limit_is_413_unread),
	    cmocka_unit_test(test_read_stops_at_content_length),
	    cmocka_unit_test(test_read_bad_method_and_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
