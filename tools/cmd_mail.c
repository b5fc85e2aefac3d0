/* cmd_mail.c — `guwen mail`: send the outbox, through an SMTP relay (libcurl:
 * STARTTLS or implicit TLS, login) or the host's `sendmail -t -i`.
 *
 * Each message is claimed before it is sent (an UPDATE that only one run can
 * win, with a lease that expires if the run dies), so overlapping runs never
 * send it twice; it stays in the outbox until the relay accepted it (at least
 * once). A refusal for good (5xx) marks it failed at once; anything else is
 * tried again later with a growing delay, failed after Mail.MaxAttempts. When
 * the relay itself is unreachable the run stops and leaves the rest queued. */
#ifndef GW_NO_CURL
#include <curl/curl.h>
#else
#define CURL_ERROR_SIZE 256
typedef void CURL;
#endif
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "guwen/config.h"
#include "guwen/crypto.h"
#include "guwen/db.h"
#include "guwen/log.h"
#include "guwen/mail_mime.h"
#include "guwen/valid.h"
#include "cli.h"

enum outcome { SENT, RETRY, FAILED, DOWN };

struct mailer {
	int sendmail; /* 1: Mail.Transport = sendmail */
	const char *from, *from_name, *domain;
	int lease, max_attempts, retry;
	CURL *curl;
	char claim[33];
	char err[CURL_ERROR_SIZE];
	int sent, retried, failed, down, verbose;
};

struct row {
	long long id;
	int attempts;
	int64_t created;
	char *to, *subject, *text, *html;
};

static const char SQL_READY[] =
    "SELECT id FROM outbox WHERE (status = 'queued' AND (next_try_at IS NULL"
    " OR next_try_at <= UTC_TIMESTAMP())) OR (status = 'sending' AND lease_until < UTC_TIMESTAMP())"
    " ORDER BY id LIMIT ?";
static const char SQL_CLAIM[] =
    "UPDATE outbox SET status = 'sending', claim = ?, attempts = attempts + 1,"
    " lease_until = UTC_TIMESTAMP() + INTERVAL ? SECOND"
    " WHERE id = ? AND ((status = 'queued' AND (next_try_at IS NULL"
    " OR next_try_at <= UTC_TIMESTAMP())) OR (status = 'sending' AND lease_until < "
    "UTC_TIMESTAMP()))";
static const char SQL_ROW[] =
    "SELECT to_addr, subject, body, html, UNIX_TIMESTAMP(created_at), attempts FROM outbox"
    " WHERE id = ? AND claim = ?";
static const char SQL_SENT[] =
    "UPDATE outbox SET status = 'sent', sent_at = UTC_TIMESTAMP(), last_error = NULL,"
    " claim = NULL, lease_until = NULL WHERE id = ? AND claim = ?";
static const char SQL_RETRY[] =
    "UPDATE outbox SET status = 'queued', next_try_at = UTC_TIMESTAMP() + INTERVAL ? SECOND,"
    " last_error = ?, claim = NULL, lease_until = NULL WHERE id = ? AND claim = ?";
/* The relay was not there: not the message's fault, so the attempt does not count. */
static const char SQL_RELEASE[] =
    "UPDATE outbox SET status = 'queued', attempts = attempts - 1, last_error = ?,"
    " claim = NULL, lease_until = NULL WHERE id = ? AND claim = ?";
static const char SQL_FAILED[] =
    "UPDATE outbox SET status = 'failed', failed_at = UTC_TIMESTAMP(), last_error = ?,"
    " claim = NULL, lease_until = NULL WHERE id = ? AND claim = ?";

/* --- SMTP through libcurl ------------------------------------------------------ */
#ifndef GW_NO_CURL

struct upload {
	const char *p;
	size_t left;
};

static size_t read_cb(char *dst, size_t size, size_t n, void *arg)
{
	struct upload *u = arg;
	size_t k = size * n < u->left ? size * n : u->left;

	memcpy(dst, u->p, k);
	u->p += k;
	u->left -= k;
	return k;
}

/* The connection settings, once per run. 0 or -1 (message printed). */
static int smtp_setup(struct mailer *mr)
{
	const char *url = gw_config_get(cfg, "Mail.SMTP.URL", "");
	const char *tls = gw_config_get(cfg, "Mail.SMTP.TLS", "required");
	const char *user = gw_config_get(cfg, "Mail.SMTP.User", "");
	const char *ca = gw_config_get(cfg, "Mail.SMTP.CAFile", "");
	CURL *c;

	if (strncmp(url, "smtp://", 7) && strncmp(url, "smtps://", 8))
		return die("Mail.SMTP.URL must be smtp://HOST:PORT or smtps://HOST:PORT", url), -1;
	if (strcmp(tls, "required") && strcmp(tls, "none"))
		return die("Mail.SMTP.TLS must be required or none", tls), -1;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) || !(mr->curl = c = curl_easy_init()))
		return die("cannot start libcurl", NULL), -1;
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_USE_SSL,
			 strcmp(tls, "none") ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_NONE);
	if (*user) {
		curl_easy_setopt(c, CURLOPT_USERNAME, user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, gw_config_get(cfg, "Mail.SMTP.Password", ""));
	}
	if (*ca)
		curl_easy_setopt(c, CURLOPT_CAINFO, ca);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 15L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT,
			 (long)gw_config_int(cfg, "Mail.SMTP.TimeoutSeconds", 60));
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, mr->err);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, mr->from);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	return 0;
}

/* What a failed transfer means: refused for good (5xx, but a refused login is
 * the configuration's fault), try this one later (4xx), or the relay is not
 * there: no answer or a connection cut in the middle (the last code is then
 * not a refusal), 421, login refused, TLS. */
static enum outcome smtp_judge(struct mailer *mr, CURLcode rc)
{
	long code = 0;

	curl_easy_getinfo(mr->curl, CURLINFO_RESPONSE_CODE, &code);
	if (!mr->err[0])
		snprintf(mr->err, sizeof(mr->err), "%s", curl_easy_strerror(rc));
	if (rc == CURLE_LOGIN_DENIED || code == 421 || code < 400 || code >= 600)
		return DOWN;
	return code >= 500 ? FAILED : RETRY;
}

static enum outcome smtp_send(struct mailer *mr, const char *to, const struct gw_buf *msg)
{
	struct curl_slist *rcpt = curl_slist_append(NULL, to);
	struct upload u = {msg->p, msg->n};
	CURLcode rc;

	if (!rcpt)
		return RETRY;
	mr->err[0] = '\0';
	curl_easy_setopt(mr->curl, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(mr->curl, CURLOPT_READDATA, &u);
	curl_easy_setopt(mr->curl, CURLOPT_INFILESIZE, (long)msg->n);
	rc = curl_easy_perform(mr->curl);
	curl_easy_setopt(mr->curl, CURLOPT_MAIL_RCPT, NULL);
	curl_slist_free_all(rcpt);
	return rc == CURLE_OK ? SENT : smtp_judge(mr, rc);
}

static void smtp_done(struct mailer *mr)
{
	curl_easy_cleanup(mr->curl);
	curl_global_cleanup();
}
#else /* make STATIC=1: no libcurl */
static int smtp_setup(struct mailer *mr)
{
	(void)mr;
	return die("this guwen is built without SMTP (make STATIC=1); set Mail.Transport = "
		   "sendmail",
		   NULL),
	       -1;
}

static enum outcome smtp_send(struct mailer *mr, const char *to, const struct gw_buf *msg)
{
	(void)mr, (void)to, (void)msg;
	return DOWN;
}

static void smtp_done(struct mailer *mr)
{
	(void)mr;
}
#endif

/* --- the host's sendmail ----------------------------------------------------- */

/* Write the message with the host's line ends (LF). 0 or -1. */
static int write_lf(int fd, const struct gw_buf *msg)
{
	const char *p = msg->p, *end = msg->p + msg->n;

	while (p < end) {
		const char *cr = memchr(p, '\r', (size_t)(end - p));
		size_t k = cr ? (size_t)(cr - p) : (size_t)(end - p);
		ssize_t w = write(fd, p, k);

		if (w < 0 || (size_t)w != k)
			return -1;
		p += k + (cr != NULL);
	}
	return 0;
}

/* sysexits: 75 (EX_TEMPFAIL) and the like are tried again; 65, 67, 68 (bad
 * data, no such user, no such host) are final; a program that cannot run is
 * like a relay that is not there. */
static enum outcome sendmail_judge(struct mailer *mr, int status)
{
	int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;

	if (code == 0)
		return SENT;
	snprintf(mr->err, sizeof(mr->err), "sendmail: exit status %d", code);
	if (code == 65 || code == 67 || code == 68)
		return FAILED;
	return code == 126 || code == 127 || code < 0 ? DOWN : RETRY;
}

static enum outcome sendmail_send(struct mailer *mr, const struct gw_buf *msg)
{
	const char *prog = gw_config_get(cfg, "Mail.Sendmail", "/usr/sbin/sendmail");
	int fd[2], status = 0, wrote;
	pid_t pid;

	if (pipe(fd))
		return snprintf(mr->err, sizeof(mr->err), "pipe failed"), DOWN;
	if ((pid = fork()) == 0) {
		dup2(fd[0], 0);
		close(fd[0]);
		close(fd[1]);
		execl(prog, "sendmail", "-t", "-i", "-f", mr->from, (char *)NULL);
		_exit(127);
	}
	close(fd[0]);
	wrote = pid > 0 ? write_lf(fd[1], msg) : -1;
	close(fd[1]);
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		return snprintf(mr->err, sizeof(mr->err), "cannot run %s", prog), DOWN;
	if (wrote)
		return snprintf(mr->err, sizeof(mr->err), "%s did not read the message", prog),
		       RETRY;
	return sendmail_judge(mr, status);
}

/* --- the outbox -------------------------------------------------------------- */

static int ready_id(void *ctx, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct gw_buf *ids = ctx;

	(void)lens, (void)names;
	if (ncols == 1 && v[0])
		gw_buf_append(ids, &(long long){strtoll(v[0], NULL, 10)}, sizeof(long long));
	return 0;
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static int row_cb(void *ctx, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct row *r = ctx;

	(void)lens, (void)names;
	if (ncols != 6 || !v[0] || !v[1] || !v[2])
		return 0;
	r->to = strdup(v[0]);
	r->subject = strdup(v[1]);
	r->text = strdup(v[2]);
	r->html = dup_or_null(v[3]);
	r->created = v[4] ? strtoll(v[4], NULL, 10) : 0;
	r->attempts = v[5] ? atoi(v[5]) : 1;
	return 0;
}

static void row_free(struct row *r)
{
	free(r->to);
	free(r->subject);
	free(r->text);
	free(r->html);
}

/* The message as it goes out. Its Message-ID is the same on every attempt. */
static int build(struct mailer *mr, const struct row *r, struct gw_buf *out)
{
	char mid[160], boundary[40], tok[17];
	struct gw_mime m;

	if (gw_crypto_token(8, tok))
		return -1;
	snprintf(mid, sizeof(mid), "<guwen.%lld.%lld@%s>", r->id, (long long)r->created,
		 mr->domain);
	snprintf(boundary, sizeof(boundary), "=_guwen_%s", tok);
	m = (struct gw_mime){mr->from, mr->from_name,	    r->to,   r->subject, r->text, r->html,
			     mid,      (int64_t)time(NULL), boundary};
	return gw_mime_build(out, &m);
}

/* Seconds before the next attempt: Mail.RetrySeconds, doubled each time, at
 * most six hours. */
static long long backoff(const struct mailer *mr, int attempts)
{
	long long s = mr->retry;

	for (int i = 1; i < attempts && s < 6 * 3600; i++)
		s *= 2;
	return s < 6 * 3600 ? s : 6 * 3600;
}

static void record(struct mailer *mr, struct gw_db *db, const struct row *r, enum outcome o)
{
	char why[300];

	if (o == SENT) {
		mr->sent++;
		gw_db_exec(db, SQL_SENT, "is", r->id, mr->claim);
		return;
	}
	if (o == DOWN) {
		mr->down++;
		gw_db_exec(db, SQL_RELEASE, "sis", mr->err, r->id, mr->claim);
		return;
	}
	if (o == FAILED || r->attempts >= mr->max_attempts) {
		snprintf(why, sizeof(why), "%s%.250s", o == FAILED ? "" : "gave up: ", mr->err);
		mr->failed++;
		gw_db_exec(db, SQL_FAILED, "sis", why, r->id, mr->claim);
		fprintf(stderr, "guwen mail: message #%lld failed for good: %s\n", r->id, why);
		return;
	}
	mr->retried++;
	gw_db_exec(db, SQL_RETRY, "isis", backoff(mr, r->attempts), mr->err, r->id, mr->claim);
}

/* Claim, send and record one message; DOWN stops the run. */
static enum outcome send_one(struct mailer *mr, struct gw_db *db, long long id)
{
	struct row r = {.id = id};
	struct gw_buf msg = {0};
	enum outcome o = RETRY;

	if (gw_db_exec(db, SQL_CLAIM, "sii", mr->claim, (long long)mr->lease, id) != 1)
		return RETRY; /* another run has it, or it is no longer due */
	if (gw_db_each(db, row_cb, &r, SQL_ROW, "is", id, mr->claim) != 1 || !r.to) {
		row_free(&r);
		return RETRY;
	}
	if (build(mr, &r, &msg)) {
		snprintf(mr->err, sizeof(mr->err),
			 "the message cannot be built (address or subject)");
		o = FAILED;
	} else {
		o = mr->sendmail ? sendmail_send(mr, &msg) : smtp_send(mr, r.to, &msg);
	}
	record(mr, db, &r, o);
	gw_buf_free(&msg);
	row_free(&r);
	return o;
}

static int settings(struct mailer *mr)
{
	const char *t = gw_config_get(cfg, "Mail.Transport", "");
	const char *at;

	mr->from = gw_config_get(cfg, "Mail.From", "");
	mr->from_name = gw_config_get(cfg, "Mail.FromName", "");
	if (strcmp(t, "smtp") && strcmp(t, "sendmail"))
		return die("set Mail.Transport to smtp or sendmail", *t ? t : NULL), -1;
	if (!(at = strchr(mr->from, '@')) || strpbrk(mr->from, " \r\n<>"))
		return die("set Mail.From to the sender's address", NULL), -1;
	mr->domain = at + 1;
	mr->sendmail = !strcmp(t, "sendmail");
	mr->lease = gw_config_int(cfg, "Mail.LeaseSeconds", 600);
	mr->max_attempts = gw_config_int(cfg, "Mail.MaxAttempts", 8);
	mr->retry = gw_config_int(cfg, "Mail.RetrySeconds", 300);
	if (gw_crypto_token(16, mr->claim))
		return die("no random numbers", NULL), -1;
	return mr->sendmail ? 0 : smtp_setup(mr);
}

static int send_all(struct mailer *mr, struct gw_db *db, int64_t limit)
{
	struct gw_buf ids = {0};
	int rc = 0;

	if (gw_db_each(db, ready_id, &ids, SQL_READY, "i", (long long)limit) < 0)
		rc = die("cannot read the outbox", NULL);
	for (size_t i = 0; !rc && i < ids.n / sizeof(long long); i++)
		if (send_one(mr, db, ((long long *)(void *)ids.p)[i]) == DOWN) {
			fprintf(stderr,
				"guwen mail: the relay is not available (%s);"
				" the rest stays queued\n",
				mr->err);
			rc = 1;
		}
	gw_buf_free(&ids);
	return rc || mr->failed;
}

/* -v and --limit N; 0 or -1. */
static int options(int argc, char **argv, struct mailer *mr, int64_t *limit)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-v"))
			mr->verbose = 1;
		else if (strcmp(argv[i], "--limit") || i + 1 == argc ||
			 gw_valid_int(argv[++i], 1, 1000000, limit))
			return -1;
	}
	return 0;
}

int cmd_mail(int argc, char **argv, struct gw_db *db)
{
	struct mailer mr = {0};
	int64_t limit = gw_config_int(cfg, "Mail.Batch", 500);
	int rc;

	if (options(argc, argv, &mr, &limit))
		return die("usage: guwen mail [-v] [--limit N]", NULL), 2;
	signal(SIGPIPE, SIG_IGN);
	rc = settings(&mr) ? 1 : send_all(&mr, db, limit);
	if (mr.verbose || mr.failed || mr.down)
		printf("mail: %d sent, %d to try again later, %d failed for good\n", mr.sent,
		       mr.retried, mr.failed);
	if (!mr.sendmail)
		smtp_done(&mr);
	return rc;
}
