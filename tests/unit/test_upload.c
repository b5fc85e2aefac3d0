/* test_upload.c — uploads are recognised by their bytes, not their names. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "guwen/upload.h"
#include "guwen/valid.h"

static void test_sniff_known_types(void **state)
{
	(void)state;
	assert_string_equal(gw_upload_sniff("\xFF\xD8\xFF\xE0rest", 8), "image/jpeg");
	assert_string_equal(gw_upload_sniff("\x89PNG\r\n\x1A\n....", 12), "image/png");
	assert_string_equal(gw_upload_sniff("GIF89a..", 8), "image/gif");
	assert_string_equal(gw_upload_sniff("RIFF\0\0\0\0WEBPVP8 ", 16), "image/webp");
	assert_string_equal(gw_upload_sniff("%PDF-1.7\n", 9), "application/pdf");
}

static void test_sniff_refuses_the_rest(void **state)
{
	(void)state;
	assert_null(gw_upload_sniff("MZ\x90\0", 4));		   /* a Windows program */
	assert_null(gw_upload_sniff("<svg onload=alert(1)>", 21)); /* SVG can script */
	assert_null(gw_upload_sniff("<html><script>", 14));
	assert_null(gw_upload_sniff("\x89PNG", 4));	      /* truncated signature */
	assert_null(gw_upload_sniff("RIFF\0\0\0\0WAVE", 12)); /* audio, not WebP */
	assert_null(gw_upload_sniff("", 0));
}

static const char *dl(const char *orig, const char *ctype)
{
	static char out[256];

	gw_upload_download_name(orig, ctype, out, sizeof(out));
	return out;
}

static void test_download_name_takes_the_sniffed_extension(void **state)
{
	(void)state;
	assert_string_equal(dl("a\xE2\x80\xAE"
			       "gnp.html",
			       "image/png"),
			    "agnp.png"); /* RLO */
	assert_string_equal(dl("report.html", "application/pdf"), "report.pdf");
	assert_string_equal(dl("\xE7\x85\xA7\xE7\x89\x87.JPG", "image/jpeg"),
			    "\xE7\x85\xA7\xE7\x89\x87.jpg");
	assert_string_equal(dl("scan", "image/webp"), "scan.webp");
	assert_string_equal(dl("x.png", NULL), "x.bin");
}

static void test_download_name_drops_controls_and_bidi(void **state)
{
	(void)state;
	assert_string_equal(dl("\x01"
			       "evil\r\n.png",
			       "image/png"),
			    "evil.png");
	assert_string_equal(dl("a\xE2\x81\xA7"
			       "b\xE2\x80\x8F"
			       "c\xE2\x80\x8E.gif",
			       "image/gif"),
			    "abc.gif");
	assert_string_equal(dl("a\xE2\x80\xAA"
			       "b\xE2\x80\xAD"
			       "c\xE2\x81\xA9"
			       "d.pdf",
			       "application/pdf"),
			    "abcd.pdf");
	assert_string_equal(dl("..\\../etc/\"passwd\".png", "image/png"), "etcpasswd.png");
	assert_string_equal(dl("\xC2\x85x\x7F.png", "image/png"), "x.png"); /* C1 NEL, DEL */
}

static void test_download_name_never_empty_or_too_long(void **state)
{
	char out[64], longname[601];

	(void)state;
	assert_string_equal(dl("", "application/pdf"), "attachment.pdf");
	assert_string_equal(dl("..", "image/gif"), "attachment.gif");
	assert_string_equal(dl("\xE2\x80\xAE", "image/png"), "attachment.png");
	for (int i = 0; i < 300; i++)
		memcpy(longname + 2 * i, "\xC3\xA9", 2);
	longname[600] = '\0';
	assert_true(gw_upload_download_name(longname, "application/pdf", out, sizeof(out)) < 64);
	assert_int_equal(strlen(out) % 2, 0); /* whole characters: é×n + ".pdf" */
	assert_true(gw_valid_utf8(out, strlen(out)));
	assert_string_equal(out + strlen(out) - 4, ".pdf");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sniff_known_types),
	    cmocka_unit_test(test_sniff_refuses_the_rest),
	    cmocka_unit_test(test_download_name_takes_the_sniffed_extension),
	    cmocka_unit_test(test_download_name_drops_controls_and_bidi),
	    cmocka_unit_test(test_download_name_never_empty_or_too_long),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
