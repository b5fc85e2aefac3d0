/* form.c — declared, typed, validated form fields with per-field errors. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "guwen/form.h"
#include "guwen/hdfset.h"
#include "guwen/valid.h"

/* Trim ASCII spaces and tabs at both ends, into the arena. */
static char *trim(struct gw_arena *a, const char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	return gw_arena_strndup(a, s, n);
}

static int has_controls(const char *s, int newlines_ok)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c < 0x20 && !(newlines_ok && (c == '\n' || c == '\r' || c == '\t'))) ||
		    c == 0x7f)
			return 1;
	}
	return 0;
}

static int good_login(const char *s)
{
	if (!isalpha((unsigned char)s[0]) || strlen(s) > 64)
		return 0;
	for (; *s; s++)
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) &&
		    !strchr("._-", *s))
			return 0;
	return 1;
}

static const char *check_choice(const struct gw_fdef *def, const char *s)
{
	for (const char *const *c = def->choices; c && *c; c++)
		if (!strcmp(*c, s))
			return NULL;
	return "bad_choice";
}

static const char *check_typed(const struct gw_fdef *def, const char *s, struct gw_fval *out)
{
	int64_t v;
	int32_t d;

	switch (def->type) {
	case GW_F_INT:
		if (gw_valid_int(s, -INT64_MAX, INT64_MAX, &v))
			return "bad_int";
		if ((def->min || def->max) && (v < def->min || v > def->max))
			return "range";
		out->i = v;
		return NULL;
	case GW_F_MONEY:
		if (gw_valid_money(s, &v))
			return "bad_money";
		out->i = v;
		return NULL;
	case GW_F_DATE:
		if (gw_valid_date(s, &d))
			return "bad_date";
		out->i = d;
		return NULL;
	case GW_F_PHONE: return gw_valid_phone(s) ? NULL : "bad_phone";
	case GW_F_EMAIL: return gw_valid_email(s) ? NULL : "bad_email";
	case GW_F_USCC: return gw_valid_uscc(s) ? NULL : "bad_uscc";
	case GW_F_IDCARD: return gw_valid_idcard(s) ? NULL : "bad_idcard";
	case GW_F_CHOICE: return check_choice(def, s);
	case GW_F_LOGIN: return good_login(s) ? NULL : "bad_login";
	default: return NULL;
	}
}

static const char *phone_value(struct gw_fval *out, struct gw_arena *a)
{
	char norm[GW_PHONE_MAX];

	if (gw_phone_normalize(out->s, norm))
		return "bad_phone";
	out->s = gw_arena_strdup(a, norm);
	return NULL;
}

const char *gw_form_check(const struct gw_fdef *def, const char *raw, struct gw_fval *out,
			  struct gw_arena *a)
{
	int maxlen = def->maxlen ? def->maxlen : 200;

	memset(out, 0, sizeof(*out));
	if (def->type == GW_F_CHECKBOX) {
		out->s = raw ? "1" : "";
		out->i = raw != NULL;
		out->present = raw != NULL;
		return NULL;
	}
	out->s = def->type == GW_F_PASSWORD ? gw_arena_strdup(a, raw ? raw : "")
					    : trim(a, raw ? raw : "");
	if (def->type == GW_F_USCC || def->type == GW_F_IDCARD) /* x → X as stored */
		for (char *p = (char *)out->s; *p; p++)
			*p = (char)toupper((unsigned char)*p);
	out->present = out->s[0] != '\0';
	if (!out->present)
		return def->required ? "required" : NULL;
	if (gw_valid_utf8_chars(out->s) > (size_t)maxlen)
		return "too_long";
	if (has_controls(out->s, def->type == GW_F_TEXTAREA))
		return "bad_text";
	if (def->type == GW_F_PHONE) /* stored in its one form: 13800138000-123 */
		return phone_value(out, a);
	return check_typed(def, out->s, out);
}

int gw_form_error(struct gw_ctx *ctx, const char *name, const char *err)
{
	char key[128];

	snprintf(key, sizeof(key), "Form.%s.Error", name);
	gw_hdf_set(ctx->hdf, key, err);
	gw_hdf_set(ctx->hdf, "Form.HasErrors", "1");
	return 1;
}

int gw_form_read(struct gw_ctx *ctx, const struct gw_fdef *defs, struct gw_fval *out)
{
	int bad = 0;
	char key[128];

	for (int i = 0; defs[i].name; i++) {
		const char *err =
		    gw_form_check(&defs[i], gw_form(&ctx->req, defs[i].name), &out[i], &ctx->arena);

		if (defs[i].type != GW_F_PASSWORD) {
			snprintf(key, sizeof(key), "Form.%s", defs[i].name);
			gw_hdf_set(ctx->hdf, key, out[i].s);
		}
		if (err)
			bad += gw_form_error(ctx, defs[i].name, err);
	}
	return bad;
}

int gw_form_failed(struct gw_ctx *ctx, const char *name)
{
	char key[128];

	snprintf(key, sizeof(key), "Form.%s.Error", name);
	return hdf_get_value(ctx->hdf, key, NULL) != NULL;
}
