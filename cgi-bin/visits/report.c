/* report.c — visits.fcgi: the visit report (《客户回访情况表》: what was
 * discussed, the client's opinions and suggestions, satisfaction 1–5, the
 * follow-up actions) submitted, and submitted again after it was returned;
 * an on-site visit's signed scan uploaded (PDF, JPEG or PNG by content, stored
 * outside the web root) and downloaded. An on-site report is signed, and it
 * can be marked signed only once a scan is there. */
#include "guwen/upload.h"
#include "visits.h"

static const char SQL_REPORT[] =
    "UPDATE visits SET discussed = ?, opinions = ?, satisfaction = ?, actions = ?, signed = ?,"
    " status = 'submitted', submitted_at = ? WHERE id = ? AND status IN ('visited', 'returned')";
static const char SQL_FILE[] =
    "INSERT INTO visit_files (visit_id, stored_name, orig_name, ctype, size, created_by,"
    " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char SQL_FILE_GET[] =
    "SELECT stored_name, orig_name, ctype FROM visit_files WHERE id = ? AND visit_id = ?";

enum { R_DISCUSSED, R_OPINIONS, R_SATISFACTION, R_ACTIONS, R_SIGNED, R__N };
static const struct gw_fdef report_form[] = {
    [R_DISCUSSED] = {.name = "discussed", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 5000},
    [R_OPINIONS] = {.name = "opinions", .type = GW_F_TEXTAREA, .maxlen = 5000},
    [R_SATISFACTION] =
	{.name = "satisfaction", .type = GW_F_INT, .required = 1, .maxlen = 1, .min = 1, .max = 5},
    [R_ACTIONS] = {.name = "actions", .type = GW_F_TEXTAREA, .maxlen = 5000},
    [R_SIGNED] = {.name = "signed", .type = GW_F_CHECKBOX},
    [R__N] = {.name = NULL},
};
GW_FORM_CHECK(report_form, R__N);

/* The visit of the route when the user may write its report now: 1;
 * otherwise the handler's answer in *answer. */
static int open_report(struct gw_ctx *ctx, struct gw_visit *v, int *answer)
{
	int r = load(ctx, v);

	if (r <= 0) {
		*answer = not_loaded(r);
		return 0;
	}
	if (!may_work(ctx, v)) {
		*answer = 403;
		return 0;
	}
	if (!is(v->status, "visited") && !is(v->status, "returned")) {
		*answer = refused(ctx, v, "not_visited");
		return 0;
	}
	return 1;
}

/* The signature rule: marked signed only with a scan; an on-site report is
 * signed. 1 (marked at the field) or 0. */
static int signature_bad(struct gw_ctx *ctx, const struct gw_visit *v, const struct gw_fval *f)
{
	if (f[R_SIGNED].i && !v->nfiles)
		return gw_form_error(ctx, "signed", "visit_scan_first");
	if (!f[R_SIGNED].i && is(v->method, "onsite"))
		return gw_form_error(ctx, "signed", "visit_sign_required");
	return 0;
}

static const char *opt(const struct gw_fval *f)
{
	return f->present ? f->s : NULL;
}

/* POST /:id/report — 303 with the report submitted (for review); 200 the
 * page with messages at the fields (discussion missing, satisfaction not 1–5,
 * signed without a scan, an on-site report not signed), the input kept. */
int report_submit(struct gw_ctx *ctx)
{
	struct gw_visit v;
	struct gw_fval f[R__N];
	int r, again;

	if (!open_report(ctx, &v, &r))
		return r;
	if (GW_FORM_READ(ctx, report_form, f) + signature_bad(ctx, &v, f))
		return show_page(ctx, &v, NULL);
	if (!claimed(ctx, &v, &r))
		return r;
	again = is(v.status, "returned");
	r = gw_db_exec(ctx->db, SQL_REPORT, "ssisisi", f[R_DISCUSSED].s, opt(&f[R_OPINIONS]),
		       f[R_SATISFACTION].i, opt(&f[R_ACTIONS]), f[R_SIGNED].i, gw_now_utc(ctx),
		       v.id) != 1 ||
	    event(ctx, &v, again ? "resubmitted" : "submitted",
		  gw_arena_printf(&ctx->arena, "%lld/5", f[R_SATISFACTION].i));
	return finish(ctx, &v, r, "visit.report", "visit_submitted");
}

/* The type the bytes are, if a signed scan may be of it: PDF, JPEG, PNG. */
static const char *scan_type(const struct gw_field *f)
{
	const char *t = gw_upload_sniff(f->value, f->len);

	if (t && (is(t, "application/pdf") || is(t, "image/jpeg") || is(t, "image/png")))
		return t;
	return NULL;
}

static int scan_checks(struct gw_ctx *ctx, const struct gw_field *f, const char **type)
{
	if (!f || !f->len)
		return gw_form_error(ctx, "scan", "required");
	if (f->len > GW_UPLOAD_MAX)
		return gw_form_error(ctx, "scan", "file_too_big");
	if (!(*type = scan_type(f)))
		return gw_form_error(ctx, "scan", "visit_scan_type");
	return 0;
}

static int scan_row(struct gw_ctx *ctx, const struct gw_visit *v, const struct gw_field *f,
		    const char *name, const char *type)
{
	const char *orig = f->filename && *f->filename ? f->filename : "scan";

	if (strlen(orig) > 200)
		orig = gw_arena_strndup(&ctx->arena, orig, 200);
	return gw_db_exec(ctx->db, SQL_FILE, "isssiis", v->id, name, orig, type, (long long)f->len,
			  ctx->user->id, gw_now_utc(ctx)) != 1 ||
		       event(ctx, v, "scan", orig)
		   ? -1
		   : 0;
}

/* POST /:id/scan — 303 with the signed scan stored; 200 the page with the
 * message at the file (missing, over 5 MB, not PDF/JPEG/PNG by content). */
int scan_submit(struct gw_ctx *ctx)
{
	struct gw_visit v;
	const struct gw_field *f = gw_form_file(&ctx->req, "scan");
	const char *type = NULL;
	char name[33];
	int r;

	if (!open_report(ctx, &v, &r))
		return r;
	if (!is(v.method, "onsite"))
		return 403;
	if (scan_checks(ctx, f, &type))
		return show_page(ctx, &v, NULL);
	if (gw_upload_store(ctx, f->value, f->len, name))
		return 500;
	if (!claimed(ctx, &v, &r)) {
		gw_upload_remove(ctx, name);
		return r;
	}
	if (scan_row(ctx, &v, f, name, type))
		gw_upload_remove(ctx, name);
	return finish(ctx, &v, !gw_db_usable(ctx->db), "visit.scan", "visit_scanned");
}

struct stored {
	struct gw_arena *a;
	const char *name, *orig, *ctype;
};

static int stored_row(void *p, int n, char **v, const size_t *lens, const char *const *names)
{
	struct stored *s = p;

	(void)lens, (void)names;
	if (n < 3 || !v[0])
		return 1;
	s->name = gw_arena_strdup(s->a, v[0]);
	s->orig = gw_arena_strdup(s->a, v[1] ? v[1] : "scan");
	s->ctype = gw_arena_strdup(s->a, v[2] ? v[2] : "application/octet-stream");
	return 1;
}

/* GET /:id/scan/:fid — 200 the signed scan as a download; 404 when the visit
 * is not the user's to see or the scan is not the visit's. */
int scan_get(struct gw_ctx *ctx)
{
	struct gw_visit v;
	struct stored s = {.a = &ctx->arena};
	int r = load(ctx, &v);

	if (r <= 0)
		return not_loaded(r);
	if (gw_db_each(ctx->db, stored_row, &s, SQL_FILE_GET, "ii", gw_param_id(ctx, 1), v.id) < 0)
		return 500;
	if (!s.name || gw_upload_send(ctx, s.name, s.orig, s.ctype))
		return 404;
	gw_audit(ctx, "visit.scan_read", "visit", v.id, "file=%lld", gw_param_id(ctx, 1));
	return 0;
}
