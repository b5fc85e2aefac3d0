/* opinion.c — visits.fcgi: an opinion voiced on a visit turned into a
 * complaint in one step. The form starts from the report's opinions and the
 * client's contact (all editable); the complaint is registered by the
 * complaints store (gw_complaint_create, source "visit", the visit's client),
 * once however often the form is sent, and linked both ways: the visit's
 * timeline names the complaint's number, the complaint names its visit. */
#include "guwen/audit.h"
#include "guwen/complaint_store.h"
#include "guwen/form.h"
#include "guwen/form_key.h"
#include "guwen/hdfset.h"
#include "guwen/view.h"
#include "after.h"

enum { O_NAME, O_PHONE, O_EMAIL, O_SUBJECT, O_DESCRIPTION, O__N };
static const struct gw_fdef opinion_form[] = {
    [O_NAME] = {.name = "name", .type = GW_F_TEXT, .required = 1, .maxlen = 100},
    [O_PHONE] = {.name = "phone", .type = GW_F_PHONE, .maxlen = 32},
    [O_EMAIL] = {.name = "email", .type = GW_F_EMAIL, .maxlen = 254},
    [O_SUBJECT] = {.name = "subject", .type = GW_F_TEXT, .maxlen = 200},
    [O_DESCRIPTION] = {.name = "description", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 5000},
    [O__N] = {.name = NULL},
};
GW_FORM_CHECK(opinion_form, O__N);

static const char SQL_CONTACT[] =
    "SELECT cc.name, cc.phone, cc.email FROM client_contacts cc WHERE cc.primary_of = ?";

/* the form's key (sql/005_staff_security.sql), as registering by phone uses it */
static const char SQL_LINK[] = "INSERT IGNORE INTO visit_complaints (complaint_id, visit_id,"
			       " created_by, created_at) VALUES (?, ?, ?, ?)";
static const char SQL_TRACKING[] = "SELECT tracking_no FROM complaints WHERE id = ?";

/* The page, or why not: 404, 403 (out of the visit's scope: the keeper only
 * reads), 409 archived or no report with opinions. */
static int opinion_gate(struct gw_ctx *ctx, struct gw_visit *v, int *answer)
{
	int r = after_load(ctx, v);

	*answer = r < 0 ? 500 : 404;
	if (r <= 0)
		return 0;
	if (after_is(v, "archived"))
		*answer = after_archived(ctx, v);
	else if (!gw_visit_scope(ctx, v))
		*answer = 403;
	else if (!v->opinions ||
		 !(after_is(v, "submitted") || after_is(v, "returned") || after_is(v, "accepted")))
		*answer = after_page(ctx, v, "after_refused.cs", "VisitReview.RefusedTitle",
				     "no_opinions");
	else
		return 1;
	return 0;
}

static int show(struct gw_ctx *ctx, const struct gw_visit *v)
{
	if (gw_form_key_show(ctx))
		return 500;
	return after_page(ctx, v, "opinion.cs", "VisitReview.ComplaintTitle", NULL);
}

/* GET /:id/complaint — 200 the complaint form from the visit's opinions; 403, 404, 409. */
int opinion_page(struct gw_ctx *ctx)
{
	struct gw_visit v;
	int answer;

	if (!opinion_gate(ctx, &v, &answer))
		return answer;
	if (gw_db_row(ctx->db, ctx->hdf, "Form", SQL_CONTACT, "i", v.client_id) < 0)
		return 500;
	if (v.contact_name)
		gw_hdf_set(ctx->hdf, "Form.name", v.contact_name);
	gw_hdf_set(ctx->hdf, "Form.description", v.opinions);
	return show(ctx, &v);
}

/* The complaint linked to the visit (once): the key's complaint, the link
 * row, a line on each timeline, the audit. 0 or -1 (logged by the caller's 500). */
static int link(struct gw_ctx *ctx, const struct gw_visit *v, long long id, const char *key)
{
	long long n;
	const char *tracking, *num = gw_arena_printf(&ctx->arena, "%lld", v->id);

	if (gw_db_begin(ctx->db))
		return -1;
	gw_form_key_done(ctx, key, id);
	n = gw_db_exec(ctx->db, SQL_LINK, "iiis", id, v->id, ctx->user->id, gw_now_utc(ctx));
	if (n == 1 && gw_db_row(ctx->db, ctx->hdf, "Tmp", SQL_TRACKING, "i", id) == 1) {
		tracking =
		    gw_arena_strdup(&ctx->arena, hdf_get_value(ctx->hdf, "Tmp.tracking_no", ""));
		gw_hdf_remove(ctx->hdf, "Tmp");
		if (after_event(ctx, v, "complaint", tracking) ||
		    gw_complaint_event(ctx->db, id, ctx->user->id, "from_visit", 0, num) ||
		    gw_audit(ctx, "visit.complaint", "visit", v->id, "complaint=%lld", id))
			n = -1;
	}
	if (n < 0 || gw_db_commit(ctx->db)) {
		gw_db_rollback(ctx->db);
		return -1;
	}
	return 0;
}

/* The same form sent again: 303 to the visit, its link made sure of. */
static int already(struct gw_ctx *ctx, const struct gw_visit *v, const char *key)
{
	long long id = 0;

	if (gw_form_key_find(ctx, key, &id) || (id > 0 && link(ctx, v, id, key)))
		return 500;
	return gw_redirect(ctx, "visits", gw_arena_printf(&ctx->arena, "/%lld", v->id),
			   "already_registered");
}

static int checks(struct gw_ctx *ctx, const struct gw_fval *f)
{
	if (!f[O_PHONE].present && !f[O_EMAIL].present)
		return gw_form_error(ctx, "phone", "need_contact");
	return 0;
}

/* The page right after: the number, and the verification code shown this
 * once (the complainant is told it; it is stored only as a keyed hash). */
static int created(struct gw_ctx *ctx, const struct gw_visit *v, long long id, const char *tracking,
		   const char *code)
{
	gw_hdf_set_int(ctx->hdf, "Created.id", id);
	gw_hdf_set(ctx->hdf, "Created.Tracking", tracking);
	gw_hdf_set(ctx->hdf, "Created.Code", code);
	return after_page(ctx, v, "opinion_done.cs", "VisitReview.ComplaintTitle", NULL);
}

/* The complaint as the form and the visit give it. */
static struct gw_complaint_new complaint_of(const struct gw_visit *v, const struct gw_fval *f,
					    const char *key)
{
	return (struct gw_complaint_new){.source = "visit",
					 .name = f[O_NAME].s,
					 .phone = f[O_PHONE].s,
					 .email = f[O_EMAIL].s,
					 .company = v->client_name,
					 .subject_text = f[O_SUBJECT].s,
					 .description = f[O_DESCRIPTION].s,
					 .happened_on = v->visited_on,
					 .client_id = v->client_id,
					 .also = gw_form_key_use,
					 .also_arg = (void *)key};
}

/* POST /:id/complaint — 200 the registered complaint's number and code; 200
 * the form with messages; 303 to the visit when the form was sent before
 * (one complaint only); 400 without the form's key; 403, 404, 409. */
int opinion_submit(struct gw_ctx *ctx)
{
	struct gw_visit v;
	struct gw_fval f[O__N];
	struct gw_complaint_new c;
	char tracking[24], code[9];
	const char *key = gw_form_key(ctx), *lang = ctx->lang;
	int answer;
	long long id;

	if (!opinion_gate(ctx, &v, &answer))
		return answer;
	if (!key)
		return 400;
	if (GW_FORM_READ(ctx, opinion_form, f) + checks(ctx, f))
		return show(ctx, &v);
	c = complaint_of(&v, f, key);
	ctx->lang = hdf_get_value(ctx->cfg, "App.Lang", "zh-CN"); /* the complainant's mail */
	id = gw_complaint_create(ctx, &c, tracking, code);
	ctx->lang = lang;
	if (id == -2)
		return already(ctx, &v, key);
	if (id < 0)
		return 500;
	gw_audit(ctx, "complaint.create", "complaint", id, "source=visit visit=%lld", v.id);
	if (link(ctx, &v, id, key))
		return 500;
	return created(ctx, &v, id, tracking, code);
}
