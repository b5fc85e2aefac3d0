/* test_view.c — unit tests for lib/view.c's page cache for anonymous visitors:
 * only a page whose data holds nothing but the allowed keys is kept, so what one
 * visitor's request put in the data is never served to the next. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "guwen/view.h"

static char dir[64];

static void put(const char *name, const char *text)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A template directory whose page shows the token and a per-request key. */
static int setup(void **state)
{
	HDF *cfg = NULL;
	char path[128];

	strcpy(dir, "/tmp/guwen-test-view-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof(path), "%s/lang", dir);
	if (mkdir(path, 0700))
		return -1;
	put("lang/zh-CN.hdf", "L.Hello = 你好\n");
	put("lang/en.hdf", "L.Hello = Hello\n");
	put("layout.cs", "<?cs include:Page.Template ?>");
	put("page.cs", "token=<?cs var:Form.token ?> visitor=<?cs var:Visitor.Name ?>");
	if (hdf_init(&cfg) != STATUS_OK || hdf_set_value(cfg, "App.Templates", dir) != STATUS_OK)
		return -1;
	*state = cfg;
	return gw_view_init(cfg, 0);
}

static int teardown(void **state)
{
	char cmd[128];
	HDF *cfg = *state;

	gw_view_done();
	hdf_destroy(&cfg);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* One anonymous request's rendering of page.cs with token; the body in out. */
static void visit(const char *visitor, const char *token, char *out, size_t n)
{
	struct gw_ctx ctx;

	memset(&ctx, 0, sizeof(ctx));
	ctx.lang = "en";
	assert_int_equal(hdf_init(&ctx.hdf), STATUS_OK);
	hdf_set_value(ctx.hdf, "Lang", "en");
	hdf_set_value(ctx.hdf, "Page.Title", "Hello");
	if (visitor) /* a per-request key the cache knows nothing of */
		hdf_set_value(ctx.hdf, "Visitor.Name", visitor);
	assert_int_equal(gw_view_render_with_token(&ctx, "page.cs", token), 0);
	snprintf(out, n, "%.*s", (int)ctx.resp.body.n, ctx.resp.body.p);
	gw_buf_free(&ctx.resp.body);
	hdf_destroy(&ctx.hdf);
	gw_arena_free(&ctx.arena);
}

static void test_new_key_never_served_to_next_visitor(void **state)
{
	char first[256], next[256];

	(void)state;
	visit("Alice", "t1", first, sizeof(first));
	assert_non_null(strstr(first, "visitor=Alice"));
	visit(NULL, "t2", next, sizeof(next));
	assert_null(strstr(next, "Alice"));
	assert_non_null(strstr(next, "token=t2"));
}

/* A page with only the allowed keys is kept and gets each request's token. */
static void test_plain_page_kept_with_own_token(void **state)
{
	char a[256], b[256];

	(void)state;
	visit(NULL, "tA", a, sizeof(a));
	visit(NULL, "tB", b, sizeof(b));
	assert_string_equal(a, "token=tA visitor=");
	assert_string_equal(b, "token=tB visitor=");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_new_key_never_served_to_next_visitor),
	    cmocka_unit_test(test_plain_page_kept_with_own_token),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
