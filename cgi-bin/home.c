/* home.c — the staff start page ("my work") and the language switch. */
#include <string.h>

#include "guwen/app.h"
#include "guwen/audit.h"
#include "guwen/view.h"

static const char SQL_SET_LANG[] = "UPDATE users SET lang = ?, updated_at = ? WHERE id = ?";

/* Complaints to handle: the user's own open ones; for directors first the open
 * major and severe ones (c, d), about which they were alerted. One branch per
 * (severity or owner, stage): each reads its 10 newest from the index ending in
 * id, where an IN over both would walk the table past every row that does not
 * match (the newest are mostly unclassified) or sort all the open ones. */
#define WORK_COLS "SELECT id, tracking_no, name, severity, stage FROM complaints"
#define WORK_BRANCH(cond, stage) \
	"(" WORK_COLS " WHERE " cond " AND stage = '" stage "' ORDER BY id DESC LIMIT 10)"
#define WORK_OPEN(cond)                                                                     \
	WORK_BRANCH(cond, "registered") " UNION ALL " WORK_BRANCH(cond, "investigating")   \
	" UNION ALL " WORK_BRANCH(cond, "resolved") " UNION ALL " WORK_BRANCH(cond, "followup")
static const char SQL_WORK_COMPLAINTS[] =
	"SELECT * FROM (" WORK_OPEN("owner_id = ?") ") w ORDER BY id DESC LIMIT 10";
static const char SQL_WORK_ALERTS[] =
	"SELECT * FROM (" WORK_OPEN("severity = 'c'") " UNION ALL " WORK_OPEN("severity = 'd'")
	") w ORDER BY id DESC LIMIT 10";

struct work {
	struct gw_ctx *ctx;
	int n, alert, nseen;
	char seen[10][16];
};

/* id, tracking, name, severity, stage → Work.Complaints.N.title / href (/ alert) */
static int work_complaint(void *p, int ncols, char **v, const size_t *lens,
			  const char *const *names)
{
	struct work *w = p;
	struct gw_ctx *ctx = w->ctx;
	const char *sev;

	(void)lens, (void)names;
	if (ncols < 5 || !v[0] || !v[1] || strlen(v[0]) >= sizeof(w->seen[0]))
		return 0;
	for (int i = 0; i < w->nseen; i++)
		if (!strcmp(w->seen[i], v[0]))
			return 0;
	if (w->nseen < 10)
		strcpy(w->seen[w->nseen++], v[0]);
	sev = v[3] ? gw_view_word(ctx, gw_arena_printf(&ctx->arena, "L.Complaint.Severities.%s", v[3]))
		   : gw_view_word(ctx, "L.Complaint.Unclassified");
	hdf_set_value(ctx->hdf, gw_arena_printf(&ctx->arena, "Work.Complaints.%d.title", w->n),
		      gw_arena_printf(&ctx->arena, "%s%s%s · %s · %s · %s",
				      w->alert ? gw_view_word(ctx, "L.Complaints.Home.Alert") : "",
				      w->alert ? " " : "", v[1], v[2] ? v[2] : "", sev,
				      gw_view_word(ctx, gw_arena_printf(&ctx->arena,
									"L.Complaint.Stages.%s",
									v[4] ? v[4] : ""))));
	hdf_set_value(ctx->hdf, gw_arena_printf(&ctx->arena, "Work.Complaints.%d.href", w->n),
		      gw_url(ctx, "complaints", gw_arena_printf(&ctx->arena, "/%s", v[0])));
	if (w->alert)
		hdf_set_int_value(ctx->hdf,
				  gw_arena_printf(&ctx->arena, "Work.Complaints.%d.alert", w->n), 1);
	w->n++;
	return 0;
}

static void work_complaints(struct gw_ctx *ctx)
{
	struct work w = { ctx, 0, 1, 0, { { 0 } } };

	if (!gw_perm_has(ctx->user->role, GW_PERM_COMPLAINT_READ))
		return;
	if (ctx->user->role == GW_ROLE_DIRECTOR)
		gw_db_each(ctx->db, work_complaint, &w, SQL_WORK_ALERTS, NULL);
	w.alert = 0;
	gw_db_each(ctx->db, work_complaint, &w, SQL_WORK_COMPLAINTS, "iiii", ctx->user->id,
		   ctx->user->id, ctx->user->id, ctx->user->id);
}

/* GET / — the start page: the lists of the signed-in person's work. */
static int start_page(struct gw_ctx *ctx)
{
	hdf_set_value(ctx->hdf, "Page.Title", "Home.Title");
	hdf_set_value(ctx->hdf, "Page.Nav", "home");
	work_complaints(ctx);
	return gw_view_render(ctx, "home.cs");
}

/* POST /lang — switch the interface language; 303 back to the start page. */
static int switch_lang(struct gw_ctx *ctx)
{
	const char *lang = gw_form(&ctx->req, "lang");

	if (!lang || (strcmp(lang, "en") && strcmp(lang, "zh-CN")))
		return 400;
	if (gw_db_exec(ctx->db, SQL_SET_LANG, "ssi", lang, gw_now_utc(ctx), ctx->user->id) < 0)
		return 500;
	gw_response_cookie(&ctx->resp, "gw_lang", lang, 365L * 86400, ctx->https);
	return gw_redirect(ctx, "home", "/", NULL);
}

static const struct gw_route routes[] = {
	{ "GET", "/", start_page, GW_PERM_LOGIN, 0 },
	{ "POST", "/lang", switch_lang, GW_PERM_LOGIN, 0 },
	{ NULL, NULL, NULL, 0, 0 },
};

int main(void)
{
	static const struct gw_app app = { "home", routes };

	return gw_app_run(&app);
}
