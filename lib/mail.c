/* mail.c — queue outgoing mail in the outbox table; render mail templates. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "guwen/log.h"
#include "guwen/mail.h"
#include "guwen/valid.h"

static const char SQL_QUEUE[] =
    "INSERT INTO outbox (status, to_addr, subject, body, html, created_at)"
    " VALUES ('queued', ?, ?, ?, ?, UTC_TIMESTAMP())";
static const char SQL_NOBODY[] =
    "INSERT INTO outbox (status, to_addr, for_whom, subject, body, html, created_at)"
    " VALUES ('norecipient', '', ?, ?, ?, ?, UTC_TIMESTAMP())";

long long gw_mail_queue_msg(struct gw_db *db, const char *to, const struct gw_mail *m)
{
	if (!to || !gw_valid_email(to) || !m->subject || strpbrk(m->subject, "\r\n"))
		return -1;
	if (gw_db_exec(db, SQL_QUEUE, "ssss", to, m->subject, m->text, m->html) != 1) {
		gw_log_error("could not queue a mail");
		return -1;
	}
	return gw_db_insert_id(db);
}

long long gw_mail_queue(struct gw_db *db, const char *to, const char *subject, const char *body)
{
	struct gw_mail m = {subject, body, NULL};

	return gw_mail_queue_msg(db, to, &m);
}

long long gw_mail_no_recipient(struct gw_db *db, const char *for_whom, const struct gw_mail *m)
{
	if (gw_db_exec(db, SQL_NOBODY, "ssss", for_whom, m->subject, m->text, m->html) != 1) {
		gw_log_error("could not record a notice without recipient");
		return -1;
	}
	return gw_db_insert_id(db);
}

static NEOERR *append_out(void *ctx, char *s)
{
	gw_buf_puts(ctx, s);
	return STATUS_OK;
}

/* One part: a parse of its own, since the escaping mode is read by cs_init. */
static NEOERR *render_part(const char *dir, HDF *words, HDF *data, const char *name,
			   const char *part, struct gw_buf *out)
{
	char path[1024];
	CSPARSE *cs = NULL;
	NEOERR *err =
	    hdf_set_value(data, "Config.VarEscapeMode", strcmp(part, "html") ? "none" : "html");

	if (err == STATUS_OK)
		err = hdf_set_value(data, "Mail.Part", part);
	if (err == STATUS_OK)
		err = cs_init(&cs, data);
	if (err == STATUS_OK)
		err = cgi_register_strfuncs(cs);
	snprintf(path, sizeof(path), "%s/mail/%s.cs", dir, name);
	if (err == STATUS_OK) {
		cs->global_hdf = words;
		err = cs_parse_file(cs, path);
	}
	if (err == STATUS_OK)
		err = cs_render(cs, out, append_out);
	cs_destroy(&cs);
	return nerr_pass(err);
}

/* The subject on one line, without the template's surrounding blanks. */
static void one_line(struct gw_buf *b)
{
	size_t start = 0, n;

	gw_buf_puts(b, ""); /* b->p is set from here on */
	for (char *r = b->p; *r; r++)
		if (*r == '\r' || *r == '\n' || *r == '\t')
			*r = ' ';
	while (b->p[start] == ' ')
		start++;
	n = strlen(b->p + start);
	while (n > 0 && b->p[start + n - 1] == ' ')
		n--;
	memmove(b->p, b->p + start, n);
	b->p[n] = '\0';
	b->n = n;
}

int gw_mail_render(const char *dir, HDF *words, HDF *data, const char *name,
		   struct gw_mail_text *out)
{
	NEOERR *err = render_part(dir, words, data, name, "subject", &out->subject);

	if (err == STATUS_OK)
		err = render_part(dir, words, data, name, "text", &out->text);
	if (err == STATUS_OK)
		err = render_part(dir, words, data, name, "html", &out->html);
	if (err != STATUS_OK) {
		STRING s;

		string_init(&s);
		nerr_error_traceback(err, &s);
		gw_log_error("mail template %s: %s", name, s.buf ? s.buf : "?");
		string_clear(&s);
		nerr_ignore(&err);
		return -1;
	}
	one_line(&out->subject);
	return 0;
}

struct gw_mail gw_mail_of(const struct gw_mail_text *t)
{
	struct gw_mail m = {t->subject.p ? t->subject.p : "", t->text.p ? t->text.p : "",
			    t->html.p};

	return m;
}

void gw_mail_text_free(struct gw_mail_text *t)
{
	gw_buf_free(&t->subject);
	gw_buf_free(&t->text);
	gw_buf_free(&t->html);
}

HDF *gw_mail_data(const char *name, ...)
{
	HDF *h = NULL;
	NEOERR *err = hdf_init(&h);
	va_list ap;

	va_start(ap, name);
	for (const char *n = name; n && err == STATUS_OK; n = va_arg(ap, const char *)) {
		const char *v = va_arg(ap, const char *);
		char key[64];

		snprintf(key, sizeof(key), "Mail.%s", n);
		if (v)
			err = hdf_set_value(h, key, v);
	}
	va_end(ap);
	if (err != STATUS_OK) {
		nerr_ignore(&err);
		hdf_destroy(&h);
	}
	return h;
}

long long gw_mail_queue_cs(struct gw_db *db, const char *to, const char *dir, HDF *words, HDF *data,
			   const char *name)
{
	struct gw_mail_text t = {{0}, {0}, {0}};
	struct gw_mail m;
	long long id = -1;

	if (data && gw_mail_render(dir, words, data, name, &t) == 0) {
		m = gw_mail_of(&t);
		id = gw_mail_queue_msg(db, to, &m);
	}
	gw_mail_text_free(&t);
	return id;
}
