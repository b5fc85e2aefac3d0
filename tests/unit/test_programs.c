/* test_programs.c — unit tests for lib/programs.c: the navigation and the start
 * page's sections come from the program tables, by permission. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "guwen/programs.h"

struct world {
	struct gw_user user;
	struct gw_ctx ctx;
};

static void world_init(struct world *w, enum gw_role role)
{
	memset(w, 0, sizeof(*w));
	w->user.role = role;
	w->ctx.user = &w->user;
	assert_int_equal(hdf_init(&w->ctx.hdf), STATUS_OK);
	assert_int_equal(hdf_init(&w->ctx.cfg), STATUS_OK);
	hdf_set_value(w->ctx.cfg, "App.Base", "/gw");
}

static void world_free(struct world *w)
{
	hdf_destroy(&w->ctx.hdf);
	hdf_destroy(&w->ctx.cfg);
	gw_arena_free(&w->ctx.arena);
}

/* "home,complaints": the programs in the navigation, in order. */
static const char *nav_names(struct world *w)
{
	static char s[256];
	HDF *n;

	s[0] = 0;
	for (n = hdf_get_child(w->ctx.hdf, "Nav"); n; n = hdf_obj_next(n))
		snprintf(s + strlen(s), sizeof(s) - strlen(s), "%s%s", s[0] ? "," : "",
			 hdf_get_value(n, "name", "?"));
	return s;
}

static void test_nav_by_permission(void **state)
{
	struct world w;

	(void)state;
	world_init(&w, GW_ROLE_ADVISOR);
	gw_programs_nav(&w.ctx);
	assert_string_equal(nav_names(&w), "home,clients,projects,complaints,visits");
	assert_string_equal(hdf_get_value(w.ctx.hdf, "Nav.2.href", ""), "/gw/projects/");
	assert_string_equal(hdf_get_value(w.ctx.hdf, "Nav.2.word", ""), "Projects");
	assert_string_equal(hdf_get_value(w.ctx.hdf, "Nav.3.href", ""), "/gw/complaints/");
	assert_string_equal(hdf_get_value(w.ctx.hdf, "Nav.3.word", ""), "Complaints");
	assert_string_equal(hdf_get_value(w.ctx.hdf, "Nav.4.href", ""), "/gw/visits/");
	assert_string_equal(hdf_get_value(w.ctx.hdf, "Nav.4.word", ""), "Visits");
	world_free(&w);
	world_init(&w, GW_ROLE_MARKET); /* a reviewer of onboarding applications */
	gw_programs_nav(&w.ctx);
	assert_string_equal(nav_names(&w), "home,clients,applications,projects,complaints,visits");
	assert_string_equal(hdf_get_value(w.ctx.hdf, "Nav.2.href", ""), "/gw/applications/");
	world_free(&w);
	world_init(&w, GW_ROLE_ADMIN);
	gw_programs_nav(&w.ctx);
	assert_string_equal(nav_names(&w), "home,admin");
	assert_string_equal(hdf_get_value(w.ctx.hdf, "Nav.0.href", ""), "/gw/");
	world_free(&w);
}

/* Every section is there (empty without its program's permission), in order. */
static void test_work_sections(void **state)
{
	struct world w;

	(void)state;
	world_init(&w, GW_ROLE_ADMIN); /* no complaint_read: the section needs no database */
	assert_int_equal(gw_programs_work(&w.ctx), 0);
	assert_string_equal(hdf_get_value(w.ctx.hdf, "Work.0.id", ""), "projects");
	assert_string_equal(hdf_get_value(w.ctx.hdf, "Work.1.id", ""), "complaints");
	assert_string_equal(hdf_get_value(w.ctx.hdf, "Work.1.word", ""), "MyComplaints");
	assert_null(hdf_get_obj(w.ctx.hdf, "Work.1.Items.0"));
	world_free(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_nav_by_permission),
	    cmocka_unit_test(test_work_sections),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
