/* form.h — declared form fields: each form is a table of fields with a type,
 * whether it is required, a maximum length and the allowed choices. A handler
 * only sees values that passed; a failed field gets a message key at
 * Form.<name>.Error, and every field's typed input is kept at Form.<name> so the
 * page can be shown again without losing anything. */
#ifndef GUWEN_FORM_H
#define GUWEN_FORM_H

#include <stdint.h>

#include "guwen/app.h"

enum gw_ftype {
	GW_F_TEXT,     /* one line of text (no control characters) */
	GW_F_TEXTAREA, /* text with newlines */
	GW_F_INT,      /* integer in [min, max] */
	GW_F_MONEY,    /* yuan amount → fen in .i */
	GW_F_DATE,     /* YYYY-MM-DD → day number in .i */
	GW_F_PHONE,
	GW_F_EMAIL,
	GW_F_USCC,     /* 统一社会信用代码 */
	GW_F_IDCARD,   /* 身份证号 */
	GW_F_CHOICE,   /* one of choices */
	GW_F_CHECKBOX, /* present = 1, absent = 0 */
	GW_F_PASSWORD, /* not echoed back into the form */
	GW_F_LOGIN,    /* account name: [a-z0-9._-], starts with a letter */
};

struct gw_fdef {
	const char *name;
	enum gw_ftype type;
	int required;
	int maxlen;		    /* characters; 0 = 200 */
	long long min, max;	    /* GW_F_INT */
	const char *const *choices; /* GW_F_CHOICE, NULL-terminated */
};

struct gw_fval {
	const char *s; /* the trimmed text ("" when absent); NULL only for passwords not sent */
	long long i;   /* typed value for INT, MONEY, DATE, CHECKBOX */
	int present;   /* a non-empty value was sent */
};

/* A form is a table of fields in the order of its enum, each at its index by a
 * designated initializer ([K_NAME] = { .name = "name", … }), then the end
 * ([K__N] = { 0 }). GW_FORM_CHECK fails the build when the table's length is not
 * the enum's count + 1; GW_FORM_READ when the value array is not sized by the
 * same count (a form longer than its array would overflow the stack). */
#define GW_FORM_CHECK(defs, n)                                                                     \
	_Static_assert(sizeof(defs) / sizeof((defs)[0]) == (size_t)(n) + 1,                        \
		       #defs ": one field per value of its enum, then the end")
#define GW_FORM_READ(ctx, defs, v)                                                                 \
	((int)(0 * sizeof(struct {                                                                 \
		       _Static_assert(sizeof(v) / sizeof((v)[0]) + 1 ==                            \
					  sizeof(defs) / sizeof((defs)[0]),                        \
				      #v " is sized by the form " #defs);                          \
		       int x_;                                                                     \
	       })) +                                                                               \
	 gw_form_read((ctx), (defs), (v)))

/* Read and check every field of defs (terminated by a NULL name) from the POST
 * body into out[] (same order). Writes Form.<name> and, on failure,
 * Form.<name>.Error = "required" | "too_long" | "bad_int" | "range" | "bad_money" |
 * "bad_date" | "bad_phone" | "bad_email" | "bad_uscc" | "bad_idcard" | "bad_choice" |
 * "bad_text" | "bad_login" (words at L.Err.*). Returns the number of bad fields. */
int gw_form_read(struct gw_ctx *ctx, const struct gw_fdef *defs, struct gw_fval *out);
/* Mark one field bad after a check the table cannot express (e.g. passwords
 * that differ); err is an L.Err key. Returns 1, to add to an error count. */
int gw_form_error(struct gw_ctx *ctx, const char *name, const char *err);
/* 1 when the field was marked bad (by gw_form_read or gw_form_error). */
int gw_form_failed(struct gw_ctx *ctx, const char *name);
/* Check one value against one definition (no HDF): returns NULL if good, else
 * the error key; fills out. Exposed for unit tests. */
const char *gw_form_check(const struct gw_fdef *def, const char *raw, struct gw_fval *out,
			  struct gw_arena *a);

#endif
