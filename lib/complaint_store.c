/* complaint_store.c — registering complaints (tracking number, verification
 * code, attachments, acknowledgement mail) and writing their timeline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/audit.h"
#include "guwen/client_store.h"
#include "guwen/complaint_record.h"
#include "guwen/complaint_store.h"
#include "guwen/log.h"
#include "guwen/mail.h"
#include "guwen/upload.h"
#include "guwen/valid.h"
#include "guwen/view.h"

static const char SQL_SEQ[] = "INSERT INTO complaint_seq (day, n) VALUES (?, LAST_INSERT_ID(1))"
			      " ON DUPLICATE KEY UPDATE n = LAST_INSERT_ID(n + 1)";
static const char SQL_LAST_ID[] = "SELECT LAST_INSERT_ID()";
static const char SQL_INSERT[] =
    "INSERT INTO complaints (tracking_no, verify_mac, source, name, phone, email, company,"
    " client_id, subject_text, advisor_id, happened_on, description, created_by,"
    " created_at, updated_at, form_token, trust, suspect_reason)"
    " VALUES (?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, 0),"
    " NULLIF(?, ''), NULLIF(?, 0), NULLIF(?, ''), ?, NULLIF(?, 0), ?, ?, ?,"
    " IF(? IS NULL, 'ok', 'suspected'), ?)";
static const char SQL_BY_MAC[] =
    "SELECT id FROM complaints WHERE tracking_no = ? AND verify_mac = ?";
static const char SQL_BY_TOKEN[] =
    "SELECT id, tracking_no, email IS NOT NULL AS mailed, trust FROM complaints"
    " WHERE form_token = ?";
static const char SQL_EVENT[] =
    "INSERT INTO complaint_events (complaint_id, at, user_id, kind, code, params,"
    " visibility, body) VALUES (?, UTC_TIMESTAMP(), NULLIF(?, 0), ?, ?, ?, ?, ?)";
/* The overdue flag (sql/011_complaint_desk.sql) as the complaint is now:
 * every change of stage, deadline or waiting writes an event. */
static const char SQL_OVERDUE_SYNC[] =
    "UPDATE complaints c SET c.overdue = " GW_COMPLAINT_OVERDUE_NOW " WHERE c.id = ?"
    " AND c.overdue <> " GW_COMPLAINT_OVERDUE_NOW;
/* An escalation is open until its complaint closes (sql/023): the start page's
 * "escalated to me" reads the open ones. */
static const char SQL_ESCALATIONS_CLOSE[] =
    "UPDATE complaint_escalations e JOIN complaints c ON c.id = e.complaint_id"
    " SET e.is_open = 0 WHERE e.complaint_id = ? AND e.is_open = 1 AND c.stage = 'closed'";
static const char SQL_FILE[] =
    "INSERT INTO complaint_files (complaint_id, stored_name, orig_name, ctype, size, created_at)"
    " VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())";

int gw_complaint_event_coded(struct gw_db *db, long long complaint_id, long long user_id,
			     const char *kind, int public_, const char *code, const char *params,
			     const char *body)
{
	if (gw_db_exec(db, SQL_EVENT, "iisssss", complaint_id, user_id, kind, code, params,
		       public_ ? "public" : "internal", body ? body : "") != 1)
		return -1;
	if (gw_db_exec(db, SQL_OVERDUE_SYNC, "i", complaint_id) < 0)
		return -1;
	return gw_db_exec(db, SQL_ESCALATIONS_CLOSE, "i", complaint_id) < 0 ? -1 : 0;
}

int gw_complaint_event(struct gw_db *db, long long complaint_id, long long user_id,
		       const char *kind, int public_, const char *body)
{
	return gw_complaint_event_coded(db, complaint_id, user_id, kind, public_, NULL, NULL, body);
}

/* The next tracking number of today (local day); 0 or -1. */
static int next_tracking(struct gw_ctx *ctx, char tracking[24])
{
	int32_t day = gw_today(ctx);
	char date[16];
	long long n = 0;

	gw_date_format(day, date);
	if (gw_db_exec(ctx->db, SQL_SEQ, "s", date) < 0 ||
	    gw_db_int(ctx->db, &n, SQL_LAST_ID, NULL) != 1)
		return -1;
	gw_complaint_tracking_no(day, (unsigned)n, tracking);
	return 0;
}

/* Files are written before the transaction begins (the day's counter is not
 * held while they are): names[] keeps what was written so that a complaint not
 * stored can take them away again. */
struct stored {
	char names[GW_COMPLAINT_MAX_FILES][33];
	int n;
};

static int write_files(struct gw_ctx *ctx, const struct gw_complaint_new *c, struct stored *st)
{
	for (int i = 0; i < c->nfiles; i++) {
		if (gw_upload_store(ctx, c->files[i]->value, c->files[i]->len, st->names[st->n]))
			return -1;
		st->n++;
	}
	return 0;
}

static void remove_files(struct gw_ctx *ctx, struct stored *st)
{
	while (st->n > 0)
		gw_upload_remove(ctx, st->names[--st->n]);
}

static int file_rows(struct gw_ctx *ctx, long long id, const struct gw_complaint_new *c,
		     const struct stored *st)
{
	for (int i = 0; i < st->n; i++)
		if (gw_db_exec(ctx->db, SQL_FILE, "isssi", id, st->names[i],
			       gw_upload_short_name(ctx, c->files[i]->filename), c->file_types[i],
			       (long long)c->files[i]->len) != 1)
			return -1;
	return 0;
}

static long long insert(struct gw_ctx *ctx, const struct gw_complaint_new *c, const char *tracking,
			const char *mac)
{
	const char *now = gw_now_utc(ctx);
	long long uid = ctx->user ? ctx->user->id : 0;

	if (gw_db_exec(ctx->db, SQL_INSERT, "sssssssisississsss", tracking, mac, c->source, c->name,
		       c->phone, c->email, c->company, c->client_id, c->subject_text, c->advisor_id,
		       c->happened_on, c->description, uid, now, now, c->form_token, c->suspect,
		       c->suspect) != 1)
		return gw_db_errno(ctx->db) == 1062 && c->form_token ? -3 : -1;
	return gw_db_insert_id(ctx->db);
}

/* The acknowledgement (templates/mail/complaint_ack.cs) in the request's language. */
static int ack_mail(struct gw_ctx *ctx, const struct gw_complaint_new *c, const char *tracking,
		    const char *code)
{
	const char *site = hdf_get_value(ctx->cfg, "Mail.SiteURL", ""), *url = NULL;
	HDF *data;
	long long id;

	if (!c->email || !*c->email || c->suspect)
		return 0; /* a suspected post is not a way to send mail to anyone */
	if (*site)	  /* the number filled in; the code never in a URL */
		url = gw_arena_printf(&ctx->arena, "%s%s?tracking=%s", site,
				      gw_url(ctx, "portal", "/complaint/status"), tracking);
	data = gw_mail_data("Name", c->name, "Tracking", tracking, "Code", code, "StatusURL", url,
			    NULL);
	id = gw_mail_queue_cs(ctx->db, c->email,
			      hdf_get_value(ctx->cfg, "App.Templates", "templates"),
			      gw_view_words(ctx), data, "complaint_ack");
	hdf_destroy(&data);
	return id < 0 ? -1 : 0;
}

/* The client's last contact is today (a suspected post is no contact yet). */
static int client_contact(struct gw_ctx *ctx, const struct gw_complaint_new *c)
{
	char today[11];

	if (!c->client_id || c->suspect)
		return 0;
	gw_date_format(gw_today(ctx), today);
	/* a complaint is a contact from the client (DOMAIN.md "Regular contact") */
	return gw_client_contact_set(ctx->db, c->client_id, today, 0);
}

/* In the transaction: the caller's part, the day's next number (drawn here, so
 * a complaint not stored leaves no gap), the row, its event, files and mail. */
static long long create_in_tx(struct gw_ctx *ctx, const struct gw_complaint_new *c,
			      char tracking[24], const char *code, char mac[65],
			      const struct stored *st)
{
	long long id;
	int also = c->also ? c->also(ctx, c->also_arg) : 0;

	if (also)
		return also > 0 ? -2 : -1;
	if (next_tracking(ctx, tracking) || gw_complaint_code_mac(ctx->keys, tracking, code, mac))
		return -1;
	if ((id = insert(ctx, c, tracking, mac)) < 0)
		return id;
	if (gw_complaint_event(ctx->db, id, ctx->user ? ctx->user->id : 0, "created", 0,
			       c->source) ||
	    file_rows(ctx, id, c, st) || ack_mail(ctx, c, tracking, code) || client_contact(ctx, c))
		return -1;
	return id;
}

/* The COMMIT's answer was lost: look for the row on a new connection. Its files
 * stay unless the row is surely not there. */
static long long commit_unknown(struct gw_ctx *ctx, const char *tracking, const char *mac,
				struct stored *st)
{
	long long id = 0;
	int found;

	/* before the rollback: a handle whose old transaction could not be ended
	 * answers nothing (-1), never a false "not there" */
	found = gw_db_int(ctx->db, &id, SQL_BY_MAC, "ss", tracking, mac);
	gw_db_rollback(ctx->db);
	if (found == 1)
		return id;
	if (found == 0)
		remove_files(ctx, st);
	gw_log_error(found ? "complaint commit outcome unknown: its files are kept"
			   : "registering a complaint failed at commit");
	return -1;
}

long long gw_complaint_create(struct gw_ctx *ctx, const struct gw_complaint_new *c,
			      char tracking[24], char code[9])
{
	struct stored st = {.n = 0};
	char mac[65];
	long long id;
	int rc;

	if (gw_complaint_code(code))
		return -1;
	if (write_files(ctx, c, &st)) {
		remove_files(ctx, &st);
		gw_log_error("storing a complaint's attachments failed");
		return GW_COMPLAINT_EFILES;
	}
	if (gw_db_begin(ctx->db))
		id = -1;
	else
		id = create_in_tx(ctx, c, tracking, code, mac, &st);
	rc = id < 0 ? -1 : gw_db_commit(ctx->db);
	if (rc == 0)
		return id;
	if (id >= 0 && rc != -1) /* neither committed nor not: unknown */
		return commit_unknown(ctx, tracking, mac, &st);
	gw_db_rollback(ctx->db);
	remove_files(ctx, &st);
	if (id == -1 || id >= 0)
		gw_log_error("registering a complaint failed");
	return id >= 0 ? -1 : id;
}

int gw_complaint_by_token(struct gw_db *db, HDF *hdf, const char *prefix, const char *form_token)
{
	return gw_db_row(db, hdf, prefix, SQL_BY_TOKEN, "s", form_token);
}
