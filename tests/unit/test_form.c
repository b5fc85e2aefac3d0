/* test_form.c — declared form fields: what passes, what fails and with which
 * message key, what is kept for showing the form again. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "guwen/form.h"

static const char *const roles[] = {"advisor", "manager", NULL};

static struct gw_arena arena;

static const char *check(const struct gw_fdef *d, const char *raw, struct gw_fval *v)
{
	return gw_form_check(d, raw, v, &arena);
}

static void test_required_and_trimmed(void **state)
{
	struct gw_fdef d = {"name", GW_F_TEXT, 1, 10, 0, 0, NULL};
	struct gw_fval v;

	(void)state;
	assert_string_equal(check(&d, NULL, &v), "required");
	assert_string_equal(check(&d, "   ", &v), "required");
	assert_null(check(&d, "  张三 ", &v));
	assert_string_equal(v.s, "张三");
	assert_true(v.present);
	d.required = 0;
	assert_null(check(&d, "", &v));
	assert_false(v.present);
}

static void test_length_counts_characters(void **state)
{
	struct gw_fdef d = {"name", GW_F_TEXT, 1, 4, 0, 0, NULL};
	struct gw_fval v;

	(void)state;
	assert_null(check(&d, "财税顾问", &v)); /* 4 characters, 12 bytes */
	assert_string_equal(check(&d, "财税顾问中", &v), "too_long");
	assert_string_equal(check(&d, "abcde", &v), "too_long");
}

static void test_controls_refused_except_in_textarea(void **state)
{
	struct gw_fdef line = {"t", GW_F_TEXT, 1, 100, 0, 0, NULL};
	struct gw_fdef area = {"t", GW_F_TEXTAREA, 1, 100, 0, 0, NULL};
	struct gw_fval v;

	(void)state;
	assert_string_equal(check(&line, "a\nb", &v), "bad_text");
	assert_string_equal(check(&line, "a\x1b[31mb", &v), "bad_text");
	assert_null(check(&area, "第一行\r\n第二行", &v));
	assert_string_equal(check(&area, "a\x07", &v), "bad_text");
}

static void test_typed_values(void **state)
{
	struct gw_fdef i = {"n", GW_F_INT, 1, 5, 1, 365, NULL};
	struct gw_fdef m = {"fee", GW_F_MONEY, 1, 20, 0, 0, NULL};
	struct gw_fdef d = {"day", GW_F_DATE, 1, 10, 0, 0, NULL};
	struct gw_fval v;

	(void)state;
	assert_null(check(&i, "30", &v));
	assert_int_equal(v.i, 30);
	assert_string_equal(check(&i, "0", &v), "range");
	assert_string_equal(check(&i, "3x", &v), "bad_int");
	assert_null(check(&m, "1,234.56", &v));
	assert_int_equal(v.i, 123456);
	assert_string_equal(check(&m, "12.345", &v), "bad_money");
	assert_null(check(&d, "2026-02-28", &v));
	assert_string_equal(check(&d, "2026-02-29", &v), "bad_date");
}

static void test_identifiers(void **state)
{
	struct gw_fdef u = {"uscc", GW_F_USCC, 1, 18, 0, 0, NULL};
	struct gw_fdef id = {"id", GW_F_IDCARD, 1, 18, 0, 0, NULL};
	struct gw_fdef p = {"phone", GW_F_PHONE, 1, 32, 0, 0, NULL};
	struct gw_fdef e = {"email", GW_F_EMAIL, 1, 254, 0, 0, NULL};
	struct gw_fdef l = {"login", GW_F_LOGIN, 1, 64, 0, 0, NULL};
	struct gw_fval v;

	(void)state;
	/* typed in lower case: upper-cased, then checked */
	assert_null(check(&u, "91350100m000100y43", &v));
	assert_string_equal(v.s, "91350100M000100Y43");
	assert_string_equal(check(&u, "91350100M000100Y44", &v), "bad_uscc");
	assert_null(check(&id, "11010519491231002X", &v));
	assert_string_equal(check(&id, "110105194912310021", &v), "bad_idcard");
	assert_null(check(&p, "138 0013 8000", &v));
	assert_string_equal(check(&p, "12345", &v), "bad_phone");
	assert_null(check(&e, "li@example.com", &v));
	assert_string_equal(check(&e, "li@", &v), "bad_email");
	assert_null(check(&l, "li.wei", &v));
	assert_string_equal(check(&l, "Li Wei", &v), "bad_login");
}

static void test_choices_checkboxes_passwords(void **state)
{
	struct gw_fdef c = {"role", GW_F_CHOICE, 1, 20, 0, 0, roles};
	struct gw_fdef b = {"active", GW_F_CHECKBOX, 0, 0, 0, 0, NULL};
	struct gw_fdef pw = {"pw", GW_F_PASSWORD, 1, 200, 0, 0, NULL};
	struct gw_fval v;

	(void)state;
	assert_null(check(&c, "manager", &v));
	assert_string_equal(check(&c, "director", &v), "bad_choice");
	assert_null(check(&b, NULL, &v));
	assert_int_equal(v.i, 0);
	assert_null(check(&b, "1", &v));
	assert_int_equal(v.i, 1);
	/* passwords are taken as typed, spaces included */
	assert_null(check(&pw, " secret pw ", &v));
	assert_string_equal(v.s, " secret pw ");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_required_and_trimmed),
	    cmocka_unit_test(test_length_counts_characters),
	    cmocka_unit_test(test_controls_refused_except_in_textarea),
	    cmocka_unit_test(test_typed_values),
	    cmocka_unit_test(test_identifiers),
	    cmocka_unit_test(test_choices_checkboxes_passwords),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	gw_arena_free(&arena);
	return rc;
}
