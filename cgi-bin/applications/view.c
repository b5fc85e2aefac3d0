/* view.c — applications.fcgi: one application with every round as submitted,
 * what changed since the last round (field by field), its licence scans, and
 * the approve / reject forms while it waits for review. */
#include "applications.h"

static const char SQL_ROUNDS[] =
    "SELECT r.round, r.company_name, r.uscc, r.contact_name, r.contact_phone,"
    " r.contact_email, r.services, r.licence_file_id, r.submitted_at, r.decision, r.reason,"
    " r.decided_at, u.name AS reviewer_name FROM application_rounds r"
    " LEFT JOIN users u ON u.id = r.reviewer_id WHERE r.application_id = ? ORDER BY r.round";
static const char SQL_FILES[] =
    "SELECT id, orig_name, ctype, size, created_at FROM application_files"
    " WHERE application_id = ? ORDER BY id";
static const char SQL_FILE[] = "SELECT stored_name, orig_name, ctype FROM application_files"
			       " WHERE id = ? AND application_id = ?";

/* The fields a round holds, in the order of the diff (words at L.Application.*). */
static const struct {
	const char *col, *word;
} fields[] = {
    {"company_name", "CompanyName"},   {"uscc", "Uscc"},
    {"contact_name", "ContactName"},   {"contact_phone", "ContactPhone"},
    {"contact_email", "ContactEmail"}, {"services", "ServicesWanted"},
    {"licence_file_id", "Licence"},
};

static const char *round_value(struct gw_ctx *ctx, int n, const char *col)
{
	const char *v =
	    hdf_get_value(ctx->hdf, gw_arena_printf(&ctx->arena, "Rounds.%d.%s", n, col), "");

	return strcmp(col, "services") ? v : gw_app_service_words(ctx, v);
}

/* Diff.N.{word,before,after} for each field that differs between the last two
 * rounds, Diff.Round = the round compared with the one before (none for one round). */
static void diff_rounds(struct gw_ctx *ctx, int nrounds)
{
	int n = 0;

	if (nrounds < 2)
		return;
	gw_hdf_set_int(ctx->hdf, "Diff.Round", nrounds);
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		const char *before = round_value(ctx, nrounds - 2, fields[i].col);
		const char *after = round_value(ctx, nrounds - 1, fields[i].col);
		const char *p = gw_arena_printf(&ctx->arena, "Diff.Fields.%d", n);

		if (!strcmp(before, after))
			continue;
		gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "%s.col", p), fields[i].col);
		gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "%s.word", p), fields[i].word);
		gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "%s.before", p), before);
		gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "%s.after", p), after);
		n++;
	}
	gw_hdf_set_int(ctx->hdf, "Diff.Count", n);
}

/* Each round's services in words, for the page. */
static int rounds_to_hdf(struct gw_ctx *ctx, long long id)
{
	int n = gw_db_rows(ctx->db, ctx->hdf, "Rounds", SQL_ROUNDS, "i", id);

	for (int i = 0; i < n; i++)
		gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "Rounds.%d.ServiceWords", i),
			   round_value(ctx, i, "services"));
	return n;
}

/* GET /:id — 200: the application, its rounds and what changed; 404. */
int view_page(struct gw_ctx *ctx)
{
	long long id = gw_param_id(ctx, 0);
	struct gw_application a;
	int rc = app_load(ctx, id, &a), n;

	if (rc <= 0)
		return rc < 0 ? 500 : 404;
	if ((n = rounds_to_hdf(ctx, id)) < 0 ||
	    gw_db_rows(ctx->db, ctx->hdf, "Files", SQL_FILES, "i", id) < 0)
		return 500;
	diff_rounds(ctx, n);
	gw_hdf_set(ctx->hdf, "App.ServiceWords",
		   gw_app_service_words(ctx, a.services ? a.services : ""));
	gw_hdf_set(ctx->hdf, "Page.Title", "Applications.Title");
	gw_hdf_set(ctx->hdf, "Page.Nav", "applications");
	return gw_view_render(ctx, "applications_view.cs");
}

/* GET /:id/file/:fid — the licence scan as an attachment (audited); 404. */
int file_get(struct gw_ctx *ctx)
{
	long long id = gw_param_id(ctx, 0), fid = gw_param_id(ctx, 1);
	int rc = gw_db_row(ctx->db, ctx->hdf, "File", SQL_FILE, "ii", fid, id);

	if (rc <= 0)
		return rc < 0 ? 500 : 404;
	if (gw_upload_send(ctx, hdf_get_value(ctx->hdf, "File.stored_name", ""),
			   hdf_get_value(ctx->hdf, "File.orig_name", ""),
			   hdf_get_value(ctx->hdf, "File.ctype", "")))
		return 404;
	gw_audit(ctx, "application.file", "application", id, "file=%lld", fid);
	return 0;
}
