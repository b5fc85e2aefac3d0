/* test_upload.c — uploads are recognised by their bytes, not their names. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "guwen/upload.h"

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
	assert_null(gw_upload_sniff("MZ\x90\0", 4));                  /* a Windows program */
	assert_null(gw_upload_sniff("<svg onload=alert(1)>", 21));    /* SVG can script */
	assert_null(gw_upload_sniff("<html><script>", 14));
	assert_null(gw_upload_sniff("\x89PNG", 4));                   /* truncated signature */
	assert_null(gw_upload_sniff("RIFF\0\0\0\0WAVE", 12));          /* audio, not WebP */
	assert_null(gw_upload_sniff("", 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sniff_known_types),
		cmocka_unit_test(test_sniff_refuses_the_rest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
