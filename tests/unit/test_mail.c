/* test_mail.c — the Internet message of a queued mail (lib/mail_mime.c):
 * encoded-words that decode back, never split a character and stay within 75
 * bytes; headers that cannot be injected into; text-only and multipart. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/mail_mime.h"
#include "guwen/valid.h"

/* Decode a header of encoded-words ("=?UTF-8?B?...?=" separated by CRLF SP)
 * into out, checking each word's length and that each decodes to whole
 * UTF-8 characters. */
static void decode_words(const char *s, char *out, size_t outsz)
{
	size_t n = 0;

	while (*s) {
		const char *end;
		unsigned char buf[128];
		int k, pad = 0;

		assert_memory_equal(s, "=?UTF-8?B?", 10);
		end = strstr(s + 10, "?=");
		assert_non_null(end);
		assert_true(end + 2 - s <= 75);
		k = EVP_DecodeBlock(buf, (const unsigned char *)s + 10, (int)(end - s - 10));
		assert_true(k >= 0);
		pad = end[-1] == '=' ? (end[-2] == '=' ? 2 : 1) : 0;
		k -= pad;
		assert_true(gw_valid_utf8((const char *)buf, (size_t)k));
		assert_true(n + (size_t)k < outsz);
		memcpy(out + n, buf, (size_t)k);
		n += (size_t)k;
		s = end + 2;
		if (!strncmp(s, "\r\n ", 3))
			s += 3;
	}
	out[n] = '\0';
}

static void test_ascii_subject_stays_plain(void **state)
{
	struct gw_buf b = {0};

	(void)state;
	gw_mime_word(&b, "Deadline TS-20261130-0001");
	assert_string_equal(b.p, "Deadline TS-20261130-0001");
	gw_buf_free(&b);
}

static void test_chinese_subject_round_trips_in_short_words(void **state)
{
	const char *subjects[] = {
	    "您的投诉已受理 TS-20261130-0001",
	    "【超期升级】投诉严重超期 TS-20261130-0030，请登录客户服务系统在“投诉处理”中查看并处理",
	    "=?UTF-8?B?bm90IGEgd29yZA==?= looks like one",
	    "a",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(subjects) / sizeof(subjects[0]); i++) {
		struct gw_buf b = {0};
		char out[512];

		gw_mime_word(&b, subjects[i]);
		if (strcmp(b.p, subjects[i])) {
			decode_words(b.p, out, sizeof(out));
			assert_string_equal(out, subjects[i]);
		}
		gw_buf_free(&b);
	}
}

static struct gw_mime sample(void)
{
	return (struct gw_mime){"service@guwen.example",
				"财税顾问中心",
				"wang@example.com",
				"您的投诉已受理",
				"正文\n第二行",
				"<p>正文</p>",
				"<guwen.1.2@guwen.example>",
				1796022260,
				"=_guwen_abc"};
}

static void test_multipart_message_has_the_headers(void **state)
{
	struct gw_mime m = sample();
	struct gw_buf b = {0};

	(void)state;
	assert_int_equal(gw_mime_build(&b, &m), 0);
	assert_non_null(strstr(b.p, "From: =?UTF-8?B?"));
	assert_non_null(strstr(b.p, " <service@guwen.example>\r\nTo: wang@example.com\r\n"));
	assert_non_null(strstr(b.p, "\r\nDate: Mon, 30 Nov 2026 07:04:20 +0000\r\n"));
	assert_non_null(strstr(b.p, "\r\nMessage-ID: <guwen.1.2@guwen.example>\r\n"));
	assert_non_null(strstr(b.p, "multipart/alternative; boundary=\"=_guwen_abc\""));
	assert_non_null(strstr(b.p, "Content-Type: text/plain; charset=UTF-8"));
	assert_non_null(strstr(b.p, "Content-Type: text/html; charset=UTF-8"));
	assert_non_null(strstr(b.p, "\r\n--=_guwen_abc--\r\n"));
	for (char *l = b.p, *e; (e = strstr(l, "\r\n")); l = e + 2)
		assert_true(e - l <= 78);
	gw_buf_free(&b);
}

static void test_text_only_when_no_html(void **state)
{
	struct gw_mime m = sample();
	struct gw_buf b = {0};

	(void)state;
	m.html = NULL;
	assert_int_equal(gw_mime_build(&b, &m), 0);
	assert_null(strstr(b.p, "multipart"));
	assert_non_null(strstr(b.p, "Content-Type: text/plain; charset=UTF-8"));
	gw_buf_free(&b);
}

static void test_line_breaks_in_headers_are_refused(void **state)
{
	struct gw_mime m = sample();
	struct gw_buf b = {0};

	(void)state;
	m.to = "a@example.com\r\nBcc: everyone@example.com";
	assert_int_equal(gw_mime_build(&b, &m), -1);
	m = sample();
	m.subject = "hello\nBcc: x@example.com";
	assert_int_equal(gw_mime_build(&b, &m), -1);
	m = sample();
	m.from_addr = "";
	assert_int_equal(gw_mime_build(&b, &m), -1);
	assert_int_equal((int)b.n, 0);
	gw_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_ascii_subject_stays_plain),
	    cmocka_unit_test(test_chinese_subject_round_trips_in_short_words),
	    cmocka_unit_test(test_multipart_message_has_the_headers),
	    cmocka_unit_test(test_text_only_when_no_html),
	    cmocka_unit_test(test_line_breaks_in_headers_are_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
