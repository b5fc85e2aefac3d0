/* test_client.c — the client store's pure parts: a name's search grams (1 and
 * 2 characters, not bytes, ASCII lower-cased) as they are stored and searched. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "guwen/client_store.h"

struct joined {
	char s[256];
	int n;
};

static int join(void *p, const char *gram, size_t len)
{
	struct joined *j = p;

	assert_int_equal(strlen(gram), len);
	snprintf(j->s + strlen(j->s), sizeof(j->s) - strlen(j->s), "%s%s", j->n++ ? "|" : "", gram);
	return 0;
}

static const char *grams(const char *s, int size)
{
	static struct joined j;

	memset(&j, 0, sizeof(j));
	assert_int_equal(gw_client_each_gram(s, size, join, &j), 0);
	return j.s;
}

static void test_grams_are_characters(void **state)
{
	(void)state;
	assert_string_equal(grams("华信科技", 2), "华信|信科|科技");
	assert_string_equal(grams("华信科技", 1), "华|信|科|技");
	assert_string_equal(grams("ABC有限", 2), "ab|bc|c有|有限");
	assert_string_equal(grams("华", 2), "");
	assert_string_equal(grams("", 1), "");
}

static int stop_at_second(void *p, const char *gram, size_t len)
{
	(void)gram, (void)len;
	return ++*(int *)p == 2;
}

static void test_grams_stop(void **state)
{
	int n = 0;

	(void)state;
	assert_int_equal(gw_client_each_gram("一二三四", 1, stop_at_second, &n), -1);
	assert_int_equal(n, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_grams_are_characters),
	    cmocka_unit_test(test_grams_stop),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
