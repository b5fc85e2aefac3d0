/* mail.c — complaints.fcgi: the mails an action sends, to the complainant and to staff. */
#include "complaints.h"

/* ---- mail ------------------------------------------------------------------- */

/* Tell the complainant (when they gave an e-mail address), in the site's
 * language (templates/mail/complaint_update.cs). */
void mail_complainant(struct gw_ctx *ctx, const struct gw_complaint *c, const char *subject_key,
		      const char *text)
{
	const char *to = c->email, *lang, *site, *url = NULL;
	HDF *data;

	if (!to || !*to)
		return;
	lang = public_lang(ctx);
	site = hdf_get_value(ctx->cfg, "Mail.SiteURL", "");
	if (*site)
		url = gw_arena_printf(&ctx->arena, "%s%s?tracking=%s", site,
				      gw_url(ctx, "portal", "/complaint/status"), c->tracking_no);
	data = gw_mail_data("Subject", word(ctx, subject_key), "Name", c->name ? c->name : "",
			    "Tracking", c->tracking_no, "Text", text, "StatusURL", url, NULL);
	/* a failure is logged there; the reply itself stands, as on the status page */
	(void)gw_mail_queue_cs(ctx->db, to, hdf_get_value(ctx->cfg, "App.Templates", "templates"),
			       gw_view_words(ctx), data, "complaint_update");
	hdf_destroy(&data);
	ctx->lang = lang;
}

/* A mail to staff about this complaint (templates/mail/complaint_staff.cs):
 * subject word + tracking number, then the complaint's facts and text. In the
 * arena; a template that fails leaves a plain-text mail. */
struct gw_mail staff_mail(struct gw_ctx *ctx, const struct gw_complaint *c, const char *subject_key,
			  const char *text)
{
	HDF *data;
	const char *tracking = c->tracking_no;
	struct gw_mail_text t = {{0}, {0}, {0}};
	struct gw_mail m = {gw_arena_printf(&ctx->arena, "%s %s", word(ctx, subject_key), tracking),
			    text, NULL};

	data = gw_mail_data("Subject", word(ctx, subject_key), "Tracking", tracking, "Severity",
			    severity_word(ctx, c->severity), "Name", c->name ? c->name : "",
			    "Company", c->company ? c->company : "", "Client",
			    c->client_name ? c->client_name : "-", "Text", text, NULL);
	if (data && !gw_mail_render(hdf_get_value(ctx->cfg, "App.Templates", "templates"),
				    gw_view_words(ctx), data, "complaint_staff", &t)) {
		m.subject = gw_arena_strdup(&ctx->arena, t.subject.p);
		m.text = gw_arena_strdup(&ctx->arena, t.text.p);
		m.html = gw_arena_strdup(&ctx->arena, t.html.p);
	}
	gw_mail_text_free(&t);
	hdf_destroy(&data);
	return m;
}
