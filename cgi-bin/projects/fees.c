/* fees.c — projects.fcgi: the fee paid (date, amount), which closes an open
 * collection case (追款); notes on the case by market and legal; the list of
 * open cases. `guwen jobs` opens the cases (lib/project_jobs.c). */
#include "projects.h"

static const char SQL_PAID[] = "UPDATE projects SET fee_paid_on = ?, fee_paid_fen = ? WHERE id = ?";
static const char SQL_CLOSE[] =
    "UPDATE project_collections SET closed_at = ? WHERE project_id = ? AND closed_at IS NULL";
static const char SQL_NOTE[] =
    "INSERT INTO project_collection_notes (collection_id, at, user_id, body) VALUES (?, ?, ?, ?)";

/* Open cases: market sees those of the projects they created, legal and
 * directors all. Arguments: all, user. */
static const char SQL_OPEN[] =
    "SELECT p.id, c.name AS client_name, p.fee_fen, p.fee_purpose, p.fee_due, pc.opened_at,"
    " m.name AS market_name,"
    " CONCAT(p.fee_fen DIV 100, '.', LPAD(p.fee_fen MOD 100, 2, '0')) AS fee_yuan,"
    " (SELECT COUNT(*) FROM project_collection_notes n WHERE n.collection_id = pc.id) AS notes"
    " FROM project_collections pc JOIN projects p ON p.id = pc.project_id"
    " JOIN clients c ON c.id = p.client_id JOIN users m ON m.id = p.created_by"
    " WHERE pc.closed_at IS NULL AND (? = 1 OR p.created_by = ?) ORDER BY p.fee_due LIMIT 500";

enum { F_ON, F_AMOUNT, F__N };
static const struct gw_fdef paid_form[] = {
    [F_ON] = {.name = "paid_on", .type = GW_F_DATE, .required = 1, .maxlen = 10},
    [F_AMOUNT] = {.name = "paid_amount", .type = GW_F_MONEY, .required = 1, .maxlen = 16},
    [F__N] = {.name = NULL},
};
GW_FORM_CHECK(paid_form, F__N);

enum { C_NOTE, C__N };
static const struct gw_fdef note_form[] = {
    [C_NOTE] = {.name = "note", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 2000},
    [C__N] = {.name = NULL},
};
GW_FORM_CHECK(note_form, C__N);

/* Market (the creator), legal and directors record payments and notes. */
int may_collect(struct gw_ctx *ctx, const struct gw_project *p)
{
	return has(ctx, GW_PERM_FEE_COLLECT) &&
	       (is_creator(ctx, p) || ctx->user->role == GW_ROLE_LEGAL);
}

static int paid_bad(struct gw_ctx *ctx, const struct gw_fval *v)
{
	if (v[F_ON].i > gw_today(ctx))
		return gw_form_error(ctx, "paid_on", "future_date");
	return v[F_AMOUNT].i <= 0 ? gw_form_error(ctx, "paid_amount", "range") : 0;
}

int paid_submit(struct gw_ctx *ctx)
{
	struct gw_project p;
	struct gw_fval v[F__N];
	char on[16];
	int r = loaded(ctx, &p), failed;

	if (r <= 0)
		return not_loaded(r);
	if (!may_collect(ctx, &p))
		return 403;
	if (p.fee_paid_on)
		return refused(ctx, &p, "paid_already");
	if (GW_FORM_READ(ctx, paid_form, v) || paid_bad(ctx, v))
		return show_page(ctx, &p, NULL);
	if (!claimed(ctx, &p, &r))
		return r;
	gw_date_format((int32_t)v[F_ON].i, on);
	failed =
	    gw_db_exec(ctx->db, SQL_PAID, "sii", on, v[F_AMOUNT].i, p.id) != 1 ||
	    event(ctx, p.id, "paid",
		  gw_arena_printf(&ctx->arena, "%s · ¥%lld.%02lld", on, v[F_AMOUNT].i / 100,
				  v[F_AMOUNT].i % 100)) ||
	    (p.collection_id && (gw_db_exec(ctx->db, SQL_CLOSE, "si", gw_now_utc(ctx), p.id) != 1 ||
				 event(ctx, p.id, "collection_closed", NULL)));
	return finish(ctx, &p, failed, "project.paid", "paid");
}

int collection_note_submit(struct gw_ctx *ctx)
{
	struct gw_project p;
	struct gw_fval v[C__N];
	int r = loaded(ctx, &p), failed;

	if (r <= 0)
		return not_loaded(r);
	if (!may_collect(ctx, &p))
		return 403;
	if (!p.collection_id)
		return refused(ctx, &p, "not_open");
	if (GW_FORM_READ(ctx, note_form, v))
		return show_page(ctx, &p, NULL);
	if (!claimed(ctx, &p, &r))
		return r;
	failed = gw_db_exec(ctx->db, SQL_NOTE, "isis", p.collection_id, gw_now_utc(ctx),
			    ctx->user->id, v[C_NOTE].s) != 1 ||
		 event(ctx, p.id, "collection_note", v[C_NOTE].s);
	return finish(ctx, &p, failed, "project.collection_note", "noted");
}

int collections_page(struct gw_ctx *ctx)
{
	long long all = ctx->user->role != GW_ROLE_MARKET;

	if (gw_db_rows(ctx->db, ctx->hdf, "Cases", SQL_OPEN, "ii", all, ctx->user->id) < 0)
		return 500;
	gw_hdf_set(ctx->hdf, "Page.Title", "Projects.Collections");
	gw_hdf_set(ctx->hdf, "Page.Nav", "projects");
	return gw_view_render(ctx, "projects_collections.cs");
}
