/* complaint_db.c — registering complaints and writing their timeline. */
#include <string.h>

#include "guwen/complaint_db.h"
#include "guwen/log.h"
#include "guwen/mail.h"
#include "guwen/upload.h"
#include "guwen/valid.h"
#include "guwen/view.h"

static const char SQL_SEQ[] =
	"INSERT INTO complaint_seq (day, n) VALUES (?, LAST_INSERT_ID(1))"
	" ON DUPLICATE KEY UPDATE n = LAST_INSERT_ID(n + 1)";
static const char SQL_LAST_ID[] = "SELECT LAST_INSERT_ID()";
static const char SQL_INSERT[] =
	"INSERT INTO complaints (tracking_no, verify_mac, source, name, phone, email, company,"
	" client_id, subject_text, advisor_id, happened_on, description, created_by,"
	" created_at, updated_at)"
	" VALUES (?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, 0),"
	" NULLIF(?, ''), NULLIF(?, 0), NULLIF(?, ''), ?, NULLIF(?, 0), ?, ?)";
static const char SQL_EVENT[] =
	"INSERT INTO complaint_events (complaint_id, at, user_id, kind, visibility, body)"
	" VALUES (?, UTC_TIMESTAMP(), NULLIF(?, 0), ?, ?, ?)";
static const char SQL_FILE[] =
	"INSERT INTO complaint_files (complaint_id, stored_name, orig_name, ctype, size, created_at)"
	" VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())";

int gw_complaint_event(struct gw_db *db, long long complaint_id, long long user_id,
		       const char *kind, int public_, const char *body)
{
	return gw_db_exec(db, SQL_EVENT, "iisss", complaint_id, user_id, kind,
			  public_ ? "public" : "internal", body) == 1 ? 0 : -1;
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

static int store_files(struct gw_ctx *ctx, long long id, const struct gw_complaint_new *c)
{
	for (int i = 0; i < c->nfiles; i++) {
		char name[33];

		if (gw_upload_store(ctx, c->files[i]->value, c->files[i]->len, name) ||
		    gw_db_exec(ctx->db, SQL_FILE, "isssi", id, name, c->files[i]->filename,
			       c->file_types[i], (long long)c->files[i]->len) != 1)
			return -1;
	}
	return 0;
}

static long long insert(struct gw_ctx *ctx, const struct gw_complaint_new *c,
			const char *tracking, const char *mac)
{
	const char *now = gw_now_utc(ctx);
	long long uid = ctx->user ? ctx->user->id : 0;

	if (gw_db_exec(ctx->db, SQL_INSERT, "sssssssisississ", tracking, mac, c->source,
		       c->name, c->phone, c->email, c->company, c->client_id, c->subject_text,
		       c->advisor_id, c->happened_on, c->description, uid, now, now) != 1)
		return -1;
	return gw_db_insert_id(ctx->db);
}

static void ack_mail(struct gw_ctx *ctx, const struct gw_complaint_new *c, const char *tracking,
		     const char *code)
{
	const char *body;

	if (!c->email || !*c->email)
		return;
	body = gw_arena_printf(&ctx->arena, "%s %s\n\n%s: %s\n%s: %s\n\n%s\n",
			       c->name, gw_view_word(ctx, "L.Complaint.Mail.Hello"),
			       gw_view_word(ctx, "L.Complaint.Tracking"), tracking,
			       gw_view_word(ctx, "L.Complaint.Code"), code,
			       gw_view_word(ctx, "L.Complaint.Mail.AckBody"));
	gw_mail_queue(ctx->db, c->email, gw_view_word(ctx, "L.Complaint.Mail.AckSubject"), body);
}

long long gw_complaint_create(struct gw_ctx *ctx, const struct gw_complaint_new *c,
			      char tracking[24], char code[9])
{
	char mac[65];
	long long id = -1;

	if (gw_complaint_code(code) || gw_db_begin(ctx->db))
		return -1;
	if (next_tracking(ctx, tracking) ||
	    gw_complaint_code_mac(ctx->keys, tracking, code, mac) ||
	    (id = insert(ctx, c, tracking, mac)) < 0 ||
	    gw_complaint_event(ctx->db, id, ctx->user ? ctx->user->id : 0, "created", 0,
			       c->source) ||
	    store_files(ctx, id, c) || gw_db_commit(ctx->db)) {
		gw_db_rollback(ctx->db);
		gw_log_error("registering a complaint failed");
		return -1;
	}
	ack_mail(ctx, c, tracking, code);
	return id;
}
