/* notify.c — projects.fcgi: notices of a project's events, each a mail in the
 * outbox (templates/mail/project_notice.cs; `guwen mail` sends it). The same
 * notice is on the receiver's start page (lib/project_work.c) until handled. */
#include "projects.h"

static const char SQL_EMAIL[] =
    "SELECT email FROM users WHERE id = ? AND active = 1 AND email IS NOT NULL AND email <> ''";

static const char SQL_MANAGERS[] =
    "SELECT id FROM users WHERE department_id = ? AND role = 'manager' AND active = 1";

static const char *type_word(struct gw_ctx *ctx, const struct gw_project *p)
{
	return strcmp(ctx->lang, "en") ? p->type_zh : p->type_en;
}

/* The notice rendered: subject word + client, the project's facts and text. */
static struct gw_mail render(struct gw_ctx *ctx, const struct gw_project *p,
			     const char *subject_key, const char *text, struct gw_mail_text *t)
{
	struct gw_mail m = {
	    gw_arena_printf(&ctx->arena, "%s %s", word(ctx, subject_key), p->client_name), text,
	    NULL};
	HDF *data = gw_mail_data("Subject", word(ctx, subject_key), "Client", p->client_name,
				 "Type", type_word(ctx, p), "Department", p->dept_name, "Text",
				 text, "Number", gw_arena_printf(&ctx->arena, "%lld", p->id), NULL);

	if (data && !gw_mail_render(hdf_get_value(ctx->cfg, "App.Templates", "templates"),
				    gw_view_words(ctx), data, "project_notice", t))
		m = gw_mail_of(t);
	hdf_destroy(&data);
	return m;
}

static void send(struct gw_ctx *ctx, const char *to, const char *for_whom,
		 const struct gw_project *p, const char *subject_key, const char *text)
{
	struct gw_mail_text t = {{0}, {0}, {0}};
	struct gw_mail m = render(ctx, p, subject_key, text, &t);

	/* a failure is logged there; the action itself stands */
	if (to)
		(void)gw_mail_queue_msg(ctx->db, to, &m);
	else
		(void)gw_mail_no_recipient(ctx->db, for_whom, &m);
	gw_mail_text_free(&t);
}

void notify_user(struct gw_ctx *ctx, const struct gw_project *p, long long user_id,
		 const char *subject_key, const char *text)
{
	HDF *h = ctx->hdf;
	const char *to;

	if (gw_db_row(ctx->db, h, "Tmp.Mail", SQL_EMAIL, "i", user_id) < 0)
		return;
	to = hdf_get_value(h, "Tmp.Mail.email", NULL);
	send(ctx, to ? gw_arena_strdup(&ctx->arena, to) : NULL,
	     gw_arena_printf(&ctx->arena, "user %lld", user_id), p, subject_key, text);
	gw_hdf_remove(h, "Tmp");
}

static int manager_row(void *arg, int ncols, char **v, const size_t *lens, const char *const *names)
{
	long long *ids = arg;

	(void)lens, (void)names;
	if (ncols >= 1 && v[0] && ids[0] < 8)
		ids[++ids[0]] = strtoll(v[0], NULL, 10);
	return 0;
}

void notify_managers(struct gw_ctx *ctx, const struct gw_project *p, long long dept,
		     const char *subject_key, const char *text)
{
	long long ids[9] = {0};

	gw_db_each(ctx->db, manager_row, ids, SQL_MANAGERS, "i", dept);
	if (!ids[0])
		send(ctx, NULL, gw_arena_printf(&ctx->arena, "manager · %s", p->dept_name), p,
		     subject_key, text);
	for (long long i = 1; i <= ids[0]; i++)
		notify_user(ctx, p, ids[i], subject_key, text);
}

/* A mail to the client (its contact address), in the site's language. */
void notify_client_as(struct gw_ctx *ctx, const struct gw_project *p, const char *subject_key,
		      const char *text)
{
	const char *lang = ctx->lang;

	ctx->lang = hdf_get_value(ctx->cfg, "App.Lang", "zh-CN");
	send(ctx, p->client_email && *p->client_email ? p->client_email : NULL,
	     gw_arena_printf(&ctx->arena, "client %lld", p->client_id), p, subject_key, text);
	ctx->lang = lang;
}

/* Market's answer to the client. */
void notify_client(struct gw_ctx *ctx, const struct gw_project *p, const char *text)
{
	notify_client_as(ctx, p, "L.Projects.Mail.ClientAnswer", text);
}
