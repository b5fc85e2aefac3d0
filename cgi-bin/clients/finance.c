/* finance.c — clients.fcgi: a client's financial information (level 3):
 * periods with the key figures (sealed, in fen) and files (PDF, XLSX, JPEG,
 * PNG; checked by content; stored encrypted outside the web root), each
 * download audited. Only a user who sees level 3 of this client reaches them:
 * for anyone else these routes answer 404, as for a file that is not there. */
#include <stdlib.h>

#include "guwen/upload.h"
#include "clients.h"

#define FILE_MAX (5 * 1024 * 1024)
#define XLSX	 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

static const char *const file_kinds[] = {
    "balance_sheet", "income_statement", "cash_flow", "tax_return", "other", NULL};

enum {
	P_PERIOD,
	P_F0,
	P_F1,
	P_F2,
	P_F3,
	P_F4,
	P_F5,
	P_F6,
	P_F7,
	P_F8,
	P_F9,
	P_F10,
	P_REASON,
	P__N
};
#define MONEY(n)                                                                                   \
	{                                                                                          \
		.name = n, .type = GW_F_MONEY, .maxlen = 24                                        \
	}
static const struct gw_fdef period_form[] = {
    [P_PERIOD] = {.name = "period", .type = GW_F_TEXT, .required = 1, .maxlen = 7},
    [P_F0] = MONEY("total_assets"),
    [P_F1] = MONEY("total_liabilities"),
    [P_F2] = MONEY("owners_equity"),
    [P_F3] = MONEY("revenue"),
    [P_F4] = MONEY("total_profit"),
    [P_F5] = MONEY("net_profit"),
    [P_F6] = MONEY("operating_cash_flow"),
    [P_F7] = MONEY("investing_cash_flow"),
    [P_F8] = MONEY("financing_cash_flow"),
    [P_F9] = MONEY("vat_payable"),
    [P_F10] = MONEY("income_tax_payable"),
    [P_REASON] = {.name = "period_reason", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 500},
    [P__N] = {.name = NULL},
};
GW_FORM_CHECK(period_form, P__N);

enum { U_KIND, U_REASON, U__N };
static const struct gw_fdef file_form[] = {
    [U_KIND] =
	{.name = "kind", .type = GW_F_CHOICE, .required = 1, .maxlen = 20, .choices = file_kinds},
    [U_REASON] = {.name = "file_reason", .type = GW_F_TEXTAREA, .maxlen = 500},
    [U__N] = {.name = NULL},
};
GW_FORM_CHECK(file_form, U__N);

static const char SQL_PERIOD_ID[] =
    "SELECT id FROM client_periods WHERE client_id = ? AND period = ?";
static const char SQL_PERIOD_NEW[] =
    "INSERT INTO client_periods (client_id, period, created_by, created_at, updated_at)"
    " VALUES (?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())";
/* one statement per figure column: the column's name is in the text */
#define SET_FIG(c) "UPDATE client_periods SET " c " = ?, updated_at = UTC_TIMESTAMP() WHERE id = ?"
static const char *const SQL_SET_FIG[] = {
    SET_FIG("total_assets"),	    SET_FIG("total_liabilities"),
    SET_FIG("owners_equity"),	    SET_FIG("revenue"),
    SET_FIG("total_profit"),	    SET_FIG("net_profit"),
    SET_FIG("operating_cash_flow"), SET_FIG("investing_cash_flow"),
    SET_FIG("financing_cash_flow"), SET_FIG("vat_payable"),
    SET_FIG("income_tax_payable"),
};
static const char SQL_FILE_NEW[] =
    "INSERT INTO client_files (client_id, kind, stored_name, orig_name, ctype, size,"
    " created_by, created_at) VALUES (?, ?, ?, '', ?, ?, ?, UTC_TIMESTAMP())";
static const char SQL_FILE_NAME[] = "UPDATE client_files SET orig_name = ? WHERE id = ?";
static const char SQL_FILE_GET[] =
    "SELECT id, stored_name, orig_name, ctype FROM client_files WHERE id = ? AND client_id = ?";

/* 2025, 2025-Q3 or 2025-09 */
static int good_period(const char *s)
{
	size_t n = strlen(s);

	if (n < 4 || strspn(s, "0123456789") != 4 || s[0] < '1')
		return 0;
	if (n == 4)
		return 1;
	if (n == 7 && s[4] == '-' && s[5] == 'Q')
		return s[6] >= '1' && s[6] <= '4';
	return n == 7 && s[4] == '-' && strspn(s + 5, "0123456789") == 2 && atoi(s + 5) >= 1 &&
	       atoi(s + 5) <= 12;
}

/* The period's row id (made when new): > 0, or -1. */
static long long period_row(struct gw_ctx *ctx, long long client, const char *period)
{
	long long id = 0;
	int found = gw_db_int(ctx->db, &id, SQL_PERIOD_ID, "is", client, period);

	if (found)
		return found < 0 ? -1 : id;
	if (gw_db_exec(ctx->db, SQL_PERIOD_NEW, "isi", client, period, ctx->user->id) != 1)
		return -1;
	return gw_db_insert_id(ctx->db);
}

static const char *old_figure(const struct gw_client_period *old, int i)
{
	static const size_t offs[] = {
	    offsetof(struct gw_client_period, total_assets),
	    offsetof(struct gw_client_period, total_liabilities),
	    offsetof(struct gw_client_period, owners_equity),
	    offsetof(struct gw_client_period, revenue),
	    offsetof(struct gw_client_period, total_profit),
	    offsetof(struct gw_client_period, net_profit),
	    offsetof(struct gw_client_period, operating_cash_flow),
	    offsetof(struct gw_client_period, investing_cash_flow),
	    offsetof(struct gw_client_period, financing_cash_flow),
	    offsetof(struct gw_client_period, vat_payable),
	    offsetof(struct gw_client_period, income_tax_payable),
	};
	const char *s;

	if (!old)
		return "";
	s = *(const char *const *)(const void *)((const char *)old + offs[i]);
	return s ? s : "";
}

/* One figure sealed into the period row (and its change into history row hid). */
static int set_figure(struct gw_ctx *ctx, long long pid, long long hid, int i,
		      const struct gw_fval *v, const char *old)
{
	const char *fen = v->present ? gw_arena_printf(&ctx->arena, "%lld", v->i) : "";
	unsigned char *sealed = NULL;
	size_t n = 0;

	if (!strcmp(fen, old))
		return 0;
	if (*fen &&
	    !(sealed = gw_client_seal(ctx, "client_periods", gw_client_figures[i], pid, fen, &n)))
		return -1;
	if (gw_db_exec(ctx->db, SQL_SET_FIG[i], "bi", sealed, n, pid) < 0)
		return -1;
	return gw_client_history_field(ctx, hid, gw_client_figures[i], 3, old, fen);
}

static const struct gw_client_period *find_old(const struct gw_client_period *p, int n,
					       const char *period)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(p[i].period, period))
			return &p[i];
	return NULL;
}

static int save_period(struct gw_ctx *ctx, long long client, const struct gw_fval *v)
{
	struct gw_client_period p[24];
	int n = gw_client_periods(ctx, client, p, 24);
	const struct gw_client_period *old;
	long long pid, hid;

	if (n < 0 || (pid = period_row(ctx, client, v[P_PERIOD].s)) < 0)
		return -1;
	old = find_old(p, n, v[P_PERIOD].s);
	hid =
	    gw_client_history(ctx, client, "period",
			      gw_arena_printf(&ctx->arena, "%s: %s", v[P_PERIOD].s, v[P_REASON].s));
	if (hid < 0)
		return -1;
	for (int i = 0; gw_client_figures[i]; i++)
		if (set_figure(ctx, pid, hid, i, &v[P_F0 + i], old_figure(old, i)))
			return -1;
	return 0;
}

/* POST /:id/periods — 303 to the client with the period's figures stored
 * (sealed); 200 the page with the messages at the fields. */
int period_submit(struct gw_ctx *ctx)
{
	struct gw_client c;
	struct gw_fval v[P__N];
	int level, rc = open_client(ctx, &c, &level);

	if (rc != 1)
		return rc;
	if (level < 3)
		return 404;
	if (GW_FORM_READ(ctx, period_form, v) + (v[P_PERIOD].present &&
						 !good_period(v[P_PERIOD].s) &&
						 gw_form_error(ctx, "period", "bad_period")))
		return show_client(ctx, &c, level);
	if (gw_db_begin(ctx->db))
		return 503;
	if (save_period(ctx, c.id, v) || gw_db_commit(ctx->db)) {
		gw_db_rollback(ctx->db);
		return gw_db_unavailable(ctx->db) ? 503 : 500;
	}
	gw_audit(ctx, "client.period", "client", c.id, "period=%s", v[P_PERIOD].s);
	return gw_redirect(ctx, "clients", client_path(ctx, c.id, NULL), "period_saved");
}

/* ---- files ---- */

/* The type the bytes are, if a financial file may be of it: PDF, JPEG, PNG,
 * or an XLSX workbook (a zip holding [Content_Types].xml and xl/). */
static const char *file_type(const void *data, size_t n)
{
	const char *t = gw_upload_sniff(data, n);

	if (t &&
	    (!strcmp(t, "application/pdf") || !strcmp(t, "image/jpeg") || !strcmp(t, "image/png")))
		return t;
	if (n > 30 && !memcmp(data, "PK\x03\x04", 4) &&
	    memmem(data, n, "[Content_Types].xml", 19) && memmem(data, n, "xl/", 3))
		return XLSX;
	return NULL;
}

static int file_checks(struct gw_ctx *ctx, const struct gw_field *f, const char **type)
{
	if (!f || !f->len)
		return gw_form_error(ctx, "file", "required");
	if (f->len > FILE_MAX)
		return gw_form_error(ctx, "file", "file_too_big");
	if (!(*type = file_type(f->value, f->len)))
		return gw_form_error(ctx, "file", "fin_file_type");
	return 0;
}

/* The file sealed (the client's id in the associated data: a file moved to
 * another client's row does not open) and written under a new name. */
static int store_sealed(struct gw_ctx *ctx, long long client, const struct gw_field *f,
			char name[33])
{
	unsigned char *sealed = malloc(f->len + GW_SEAL_OVERHEAD);
	const char *ad = gw_arena_printf(&ctx->arena, "client_files.content:%lld", client);
	int rc;

	if (!sealed || !ctx->keys)
		rc = -1;
	else
		rc = gw_crypto_seal(ctx->keys, ad, f->value, f->len, sealed) ||
		     gw_upload_store(ctx, sealed, f->len + GW_SEAL_OVERHEAD, name);
	free(sealed);
	return rc ? -1 : 0;
}

static int file_row(struct gw_ctx *ctx, long long client, const struct gw_fval *v, const char *name,
		    const struct gw_field *f, const char *type)
{
	unsigned char *oname;
	size_t n = 0;
	long long id;
	const char *orig = f->filename && *f->filename ? f->filename : "file";

	const char *kind = v[U_KIND].s;

	if (gw_db_exec(ctx->db, SQL_FILE_NEW, "isssii", client, kind, name, type, (long long)f->len,
		       ctx->user->id) != 1)
		return -1;
	id = gw_db_insert_id(ctx->db);
	if (strlen(orig) > 200)
		orig = gw_arena_strndup(&ctx->arena, orig, 200);
	if (!(oname = gw_client_seal(ctx, "client_files", "orig_name", id, orig, &n)))
		return -1;
	return gw_db_exec(ctx->db, SQL_FILE_NAME, "bi", oname, n, id) == 1 &&
		       gw_client_history(ctx, client, "file",
					 v[U_REASON].present ? v[U_REASON].s : kind) > 0
		   ? 0
		   : -1;
}

/* POST /:id/files — 303 to the client with the file stored encrypted; 200 the
 * page with the message at the file field (missing, too big, not PDF, XLSX,
 * JPEG or PNG by its content). */
int file_submit(struct gw_ctx *ctx)
{
	struct gw_client c;
	struct gw_fval v[U__N];
	const struct gw_field *f = gw_form_file(&ctx->req, "file");
	const char *type = NULL;
	char name[33];
	int level, rc = open_client(ctx, &c, &level);

	if (rc != 1)
		return rc;
	if (level < 3)
		return 404;
	if (GW_FORM_READ(ctx, file_form, v) + file_checks(ctx, f, &type))
		return show_client(ctx, &c, level);
	if (store_sealed(ctx, c.id, f, name))
		return 500;
	if (gw_db_begin(ctx->db) || file_row(ctx, c.id, v, name, f, type) ||
	    gw_db_commit(ctx->db)) {
		gw_db_rollback(ctx->db);
		gw_upload_remove(ctx, name);
		return gw_db_unavailable(ctx->db) ? 503 : 500;
	}
	gw_audit(ctx, "client.file_upload", "client", c.id, "kind=%s type=%s", v[U_KIND].s, type);
	return gw_redirect(ctx, "clients", client_path(ctx, c.id, NULL), "file_saved");
}

struct stored_file {
	struct gw_ctx *ctx;
	long long id;
	const char *stored, *orig, *ctype;
	size_t orig_len;
};

static int stored_row(void *p, int n, char **v, const size_t *lens, const char *const *names)
{
	struct stored_file *f = p;

	(void)n, (void)names;
	f->id = strtoll(v[0], NULL, 10);
	f->stored = gw_arena_strndup(&f->ctx->arena, v[1], lens[1]);
	f->orig = gw_arena_strndup(&f->ctx->arena, v[2], lens[2]);
	f->orig_len = lens[2];
	f->ctype = gw_arena_strndup(&f->ctx->arena, v[3], lens[3]);
	return 1;
}

/* The sealed bytes in the response body replaced by the file's own. */
static int open_body(struct gw_ctx *ctx, long long client)
{
	const char *ad = gw_arena_printf(&ctx->arena, "client_files.content:%lld", client);
	struct gw_buf *b = &ctx->resp.body;
	unsigned char *out;
	size_t len = 0;

	if (b->n < GW_SEAL_OVERHEAD || !(out = malloc(b->n)))
		return -1;
	if (gw_crypto_open(ctx->keys, ad, (const unsigned char *)b->p, b->n, out, &len)) {
		free(out);
		return -1;
	}
	gw_buf_reset(b);
	gw_buf_append(b, out, len);
	free(out);
	return 0;
}

/* The name the file came with, opened ("file" when it does not open). */
static const char *orig_name(struct gw_ctx *ctx, const struct stored_file *f)
{
	const char *ad = gw_arena_printf(&ctx->arena, "client_files.orig_name:%lld", f->id);
	unsigned char *out;
	size_t len = 0;

	if (!f->orig || f->orig_len < GW_SEAL_OVERHEAD)
		return "file";
	out = gw_arena_alloc(&ctx->arena, f->orig_len);
	if (gw_crypto_open(ctx->keys, ad, (const unsigned char *)f->orig, f->orig_len, out, &len))
		return "file";
	out[len] = 0;
	return (const char *)out;
}

/* GET /:id/files/:fid — 200 the file (decrypted) as an attachment, audited;
 * 404 for anyone who does not see this client's financial information. */
int file_get(struct gw_ctx *ctx)
{
	struct gw_client c;
	struct stored_file f = {.ctx = ctx};
	int level, rc = open_client(ctx, &c, &level);

	if (rc != 1)
		return rc;
	if (level < 3)
		return 404;
	rc = gw_db_each(ctx->db, stored_row, &f, SQL_FILE_GET, "ii", gw_param_id(ctx, 1), c.id);
	if (rc <= 0)
		return rc < 0 ? 500 : 404;
	if (gw_upload_send(ctx, f.stored, orig_name(ctx, &f), f.ctype) || open_body(ctx, c.id)) {
		gw_buf_reset(&ctx->resp.body);
		return 500;
	}
	gw_audit(ctx, "client.file_download", "client", c.id, "file=%lld", f.id);
	return 0;
}
