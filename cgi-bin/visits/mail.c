/* mail.c — visits.fcgi: the visit content mailed to the client. The visitor
 * opens the text drafted from the accepted report (what was discussed, the
 * client's opinions, the follow-up actions), edits it and queues it in the
 * outbox to the client's primary contact (`guwen mail` sends it). A client
 * without an e-mail address is told so: nothing is queued, and the visit page
 * says "queued" only from the outbox row itself. */
#include <string.h>

#include "guwen/form.h"
#include "guwen/hdfset.h"
#include "guwen/mail.h"
#include "guwen/valid.h"
#include "guwen/view.h"
#include "after.h"

enum { M_TEXT, M__N };
static const struct gw_fdef mail_form[] = {
    [M_TEXT] = {.name = "mail_text", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 10000},
    [M__N] = {.name = NULL},
};
GW_FORM_CHECK(mail_form, M__N);

/* the primary contact's address (the client's own as before contacts) */
static const char SQL_TO[] =
    "SELECT COALESCE(NULLIF(cc.email, ''), NULLIF(c.contact_email, '')) AS email,"
    " cc.name FROM clients c LEFT JOIN client_contacts cc ON cc.primary_of = c.id"
    " WHERE c.id = ?";

static const char SQL_QUEUED[] =
    "UPDATE visits SET mail_text = ?, mail_queued_at = ?, mail_outbox_id = ? WHERE id = ?";

/* The recipient into Mail.email, Mail.name; Mail.NoEmail when the client has
 * no usable address. 0 or -1. */
static int recipient(struct gw_ctx *ctx, const struct gw_visit *v)
{
	int r = gw_db_row(ctx->db, ctx->hdf, "Mail", SQL_TO, "i", v->client_id);
	const char *to;

	if (r < 0)
		return -1;
	to = hdf_get_value(ctx->hdf, "Mail.email", NULL);
	if (!to || !gw_valid_email(to))
		gw_hdf_set_int(ctx->hdf, "Mail.NoEmail", 1);
	return 0;
}

static const char *w(struct gw_ctx *ctx, const char *key)
{
	return gw_view_word(ctx, key);
}

/* One section of the draft: its heading and text, or nothing when empty. */
static const char *section(struct gw_ctx *ctx, const char *key, const char *text)
{
	if (!text || !*text)
		return "";
	return gw_arena_printf(&ctx->arena, "\n【%s】\n%s\n", w(ctx, key), text);
}

/* The greeting with the name where the word has %s (a word without it as is). */
static const char *greeting(struct gw_ctx *ctx, const char *name)
{
	const char *g = w(ctx, "L.VisitMail.Greeting"), *at = strstr(g, "%s");

	if (!at)
		return g;
	return gw_arena_printf(&ctx->arena, "%.*s%s%s", (int)(at - g), g, name, at + 2);
}

/* The draft from the report, in the site's language (the client reads it). */
static const char *draft(struct gw_ctx *ctx, const struct gw_visit *v)
{
	const char *lang = ctx->lang, *name = v->contact_name, *text;

	if (!name)
		name = hdf_get_value(ctx->hdf, "Mail.name", v->client_name);
	ctx->lang = hdf_get_value(ctx->cfg, "App.Lang", "zh-CN");
	text = gw_arena_printf(&ctx->arena, "%s\n%s %s\n%s%s%s\n%s\n", greeting(ctx, name),
			       w(ctx, "L.VisitMail.Thanks"), v->visited_on ? v->visited_on : "",
			       section(ctx, "L.VisitMail.Discussed", v->discussed),
			       section(ctx, "L.VisitMail.Opinions", v->opinions),
			       section(ctx, "L.VisitMail.Actions", v->actions),
			       w(ctx, "L.VisitMail.Closing"));
	ctx->lang = lang;
	return text;
}

/* The mail page, or why not: 404, 409 (archived, not accepted yet, or queued
 * already). Anyone who sees the visit (its visitor first) may send it. */
static int mail_gate(struct gw_ctx *ctx, struct gw_visit *v, int *answer)
{
	int r = after_load(ctx, v);

	*answer = r < 0 ? 500 : 404;
	if (r <= 0)
		return 0;
	if (after_is(v, "archived"))
		*answer = after_archived(ctx, v);
	else if (!gw_visit_scope(ctx, v))
		*answer = 403;
	else if (!after_is(v, "accepted") || v->mail_queued_at)
		*answer = after_page(ctx, v, "after_refused.cs", "VisitReview.RefusedTitle",
				     v->mail_queued_at ? "mailed_already" : "not_accepted");
	else
		return 1;
	return 0;
}

static int show(struct gw_ctx *ctx, const struct gw_visit *v, const char *msg)
{
	return after_page(ctx, v, "mail.cs", "VisitMail.Title", msg);
}

/* GET /:id/mail — 200 the drafted text to review and edit (or, with no
 * address, the page saying it cannot be mailed); 403, 404, 409. */
int clientmail_page(struct gw_ctx *ctx)
{
	struct gw_visit v;
	int answer;

	if (!mail_gate(ctx, &v, &answer))
		return answer;
	if (recipient(ctx, &v))
		return 500;
	gw_hdf_set(ctx->hdf, "Form.mail_text", draft(ctx, &v));
	return show(ctx, &v, NULL);
}

/* In the claim's transaction: the mail rendered and queued, its outbox row on
 * the visit, the timeline line. 0 or -1. */
static int queue(struct gw_ctx *ctx, const struct gw_visit *v, const char *to, const char *text)
{
	const char *lang = ctx->lang;
	HDF *data = gw_mail_data("Client", v->client_name, "Text", text, NULL);
	long long id;

	ctx->lang = hdf_get_value(ctx->cfg, "App.Lang", "zh-CN");
	id = gw_mail_queue_cs(ctx->db, to, hdf_get_value(ctx->cfg, "App.Templates", "templates"),
			      gw_view_words(ctx), data, "visit_content");
	ctx->lang = lang;
	hdf_destroy(&data);
	if (id <= 0 ||
	    gw_db_exec(ctx->db, SQL_QUEUED, "ssii", text, gw_now_utc(ctx), id, v->id) != 1)
		return -1;
	return after_event(ctx, v, "mail_queued", to);
}

/* POST /:id/mail — 303 to the visit, the mail queued with the text as sent;
 * 200 the form with messages; 409 with the page saying the client has no
 * address (nothing queued), or archived / not accepted / queued already. */
int clientmail_submit(struct gw_ctx *ctx)
{
	struct gw_visit v;
	struct gw_fval f[M__N];
	const char *to;
	int answer, r;

	if (!mail_gate(ctx, &v, &answer))
		return answer;
	if (recipient(ctx, &v))
		return 500;
	if (GW_FORM_READ(ctx, mail_form, f))
		return show(ctx, &v, NULL);
	to = hdf_get_value(ctx->hdf, "Mail.email", NULL);
	if (!to || !gw_valid_email(to)) /* never "sent" when it cannot be */
		return show(ctx, &v, "no_email");
	to = gw_arena_strdup(&ctx->arena, to);
	if ((r = after_claim(ctx, &v)) != 0)
		return r < 0 ? 500 : show(ctx, &v, "changed");
	return after_finish(ctx, &v, queue(ctx, &v, to, f[M_TEXT].s), "visit.mail", "visit_mailed");
}
