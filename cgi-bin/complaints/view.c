/* view.c — complaints.fcgi: a complaint's page with its timeline, files and the
 * actions allowed; attachments downloaded. */
#include "guwen/calendar_watch.h"
#include "guwen/complaint_events.h"
#include "complaints.h"

static const char SQL_EVENTS[] =
    "SELECT e.id, e.at, e.kind, e.code, e.params, e.visibility, e.body, u.name AS user_name"
    " FROM complaint_events e LEFT JOIN users u ON u.id = e.user_id"
    " WHERE e.complaint_id = ? ORDER BY e.id";

static const char SQL_FILES[] =
    "SELECT id, orig_name, ctype, size FROM complaint_files WHERE complaint_id = ? ORDER BY id";

static const char SQL_FILE[] =
    "SELECT stored_name, orig_name, ctype FROM complaint_files WHERE id = ? AND complaint_id = ?";

static const char SQL_DUPLICATES[] =
    "SELECT id, tracking_no FROM complaints WHERE duplicate_of = ? ORDER BY id LIMIT 50";

/* the complaint's follow-up visit (后续跟踪) and the complainant's satisfaction */
static const char SQL_FOLLOWUP[] =
    "SELECT v.id, v.status, v.due_on, v.satisfaction, u.name AS visitor FROM visits v"
    " LEFT JOIN users u ON u.id = v.visitor_id WHERE v.complaint_id = ? AND v.origin = 'followup'"
    " ORDER BY v.id DESC LIMIT 1";

static const char SQL_DEPTS[] = "SELECT id, name FROM departments WHERE active = 1 ORDER BY name";

/* the visit whose opinion this complaint was registered from (cgi-bin/visits/opinion.c) */
static const char SQL_FROM_VISIT[] = "SELECT visit_id FROM visit_complaints WHERE complaint_id = ?";

static const char SQL_OWNERS[] =
    "SELECT u.id, u.name, u.role, d.name FROM users u"
    " LEFT JOIN departments d ON d.id = u.department_id"
    " WHERE u.active = 1 AND u.role IN ('advisor', 'manager', 'director') ORDER BY u.name";

/* ---- the complaint's page ------------------------------------------------------ */

/* The next stage and the form it needs, for the page. */
static void next_stage_to_hdf(struct gw_ctx *ctx, const struct gw_complaint *c)
{
	int cur = c->stage_no;

	if (cur < 0 || cur >= GW_STAGE_CLOSED)
		return;
	gw_hdf_set(ctx->hdf, "Next.stage", gw_stage_name((enum gw_stage)(cur + 1)));
	if (cur + 1 == GW_STAGE_CLOSED && gw_complaint_close_needs_cause(c->sev))
		gw_hdf_set_int(ctx->hdf, "Next.needs_cause", 1);
}

/* The classification form starts from the complaint's current values. */
static void classify_defaults(struct gw_ctx *ctx, const struct gw_complaint *c)
{
	if (hdf_get_value(ctx->hdf, "Form.severity", NULL))
		return; /* the user's own input, shown again */
	gw_hdf_set(ctx->hdf, "Form.severity", c->severity ? c->severity : "");
	gw_hdf_set(ctx->hdf, "Form.department",
		   c->department_id ? gw_arena_printf(&ctx->arena, "%lld", c->department_id) : "");
	gw_hdf_set(ctx->hdf, "Form.owner",
		   c->owner_id ? gw_arena_printf(&ctx->arena, "%lld", c->owner_id) : "");
}

/* Released into the normal flow (not a suspected or discarded public post). */
static int is_trusted(const struct gw_complaint *c)
{
	return !c->trust || !strcmp(c->trust, "ok");
}

/* No action but release / discard: closed, or a public post not released. */
int is_closed(const struct gw_complaint *c)
{
	return c->stage_no == GW_STAGE_CLOSED || !is_trusted(c);
}

/* The phone number for people: "138 0013 8000 转 123". */
static void phone_to_hdf(struct gw_ctx *ctx, const struct gw_complaint *c)
{
	char shown[64];

	if (!c->phone)
		return;
	gw_phone_format(c->phone, word(ctx, "L.Complaint.PhoneExt"), shown, sizeof(shown));
	gw_hdf_set(ctx->hdf, "C.phone_shown", shown);
}

/* What the user may do here and why not (Access.*): the advisor a complaint is
 * about never handles it; who only registered it, or market on a referral,
 * reads it; market answers an open referral. */
static int access_to_hdf(struct gw_ctx *ctx, const struct gw_complaint *c)
{
	int open = 0;

	if (about_user(ctx, c))
		gw_hdf_set_int(ctx->hdf, "Access.about_you", 1);
	else if (!works_on(ctx, c))
		gw_hdf_set_int(ctx->hdf, "Access.read_only", 1);
	if (ctx->user->role == GW_ROLE_MARKET && !is_closed(c) && (open = referred(ctx, c, 1)) > 0)
		gw_hdf_set_int(ctx->hdf, "Access.answer", 1);
	return open < 0 ? -1 : 0;
}

/* The complaint's timeline under Events.*, what the system said in the
 * reader's language (Events.N.text). 0 or -1. */
static int events_to_hdf(struct gw_ctx *ctx, long long id)
{
	if (gw_db_rows(ctx->db, ctx->hdf, "Events", SQL_EVENTS, "i", id) < 0)
		return -1;
	gw_complaint_events_words(ctx, hdf_get_obj(ctx->hdf, "Events"));
	return 0;
}

/* A deadline counted in working days (a, b) past the calendar's last day may
 * move once that year's holidays are entered: Calendar.DueMayMove. 0 or -1. */
static int due_past_calendar(struct gw_ctx *ctx, const struct gw_complaint *c)
{
	int32_t end;
	char day[16];

	if ((c->sev != GW_SEV_A && c->sev != GW_SEV_B) || !c->resolution_due)
		return 0;
	if (gw_calendar_end(ctx->db, &end))
		return -1;
	gw_date_format(end, day);
	if (strncmp(c->resolution_due, day, 10) > 0)
		gw_hdf_set(ctx->hdf, "Calendar.DueMayMove", day);
	return 0;
}

/* Render the complaint (as C.*) with its timeline, files and the allowed actions. */
int show_page(struct gw_ctx *ctx, const struct gw_complaint *c)
{
	if (events_to_hdf(ctx, c->id) ||
	    gw_db_rows(ctx->db, ctx->hdf, "Files", SQL_FILES, "i", c->id) < 0 ||
	    gw_db_rows(ctx->db, ctx->hdf, "Duplicates", SQL_DUPLICATES, "i", c->id) < 0 ||
	    gw_db_row(ctx->db, ctx->hdf, "Followup", SQL_FOLLOWUP, "i", c->id) < 0 ||
	    gw_db_row(ctx->db, ctx->hdf, "FromVisit", SQL_FROM_VISIT, "i", c->id) < 0 ||
	    access_to_hdf(ctx, c) || due_past_calendar(ctx, c))
		return 500;
	gw_complaint_to_hdf(ctx->hdf, "C", c);
	phone_to_hdf(ctx, c);
	next_stage_to_hdf(ctx, c);
	if (has(ctx, GW_PERM_COMPLAINT_CLASSIFY) && !is_closed(c)) {
		choice_options(ctx, "Opt.Severities", "L.Complaint.Severities", severity_choices);
		options(ctx, "Opt.Departments", SQL_DEPTS, option_row);
		options(ctx, "Opt.Owners", SQL_OWNERS, owner_row);
		classify_defaults(ctx, c);
	}
	gw_hdf_set(ctx->hdf, "Page.Title", "Complaints.ViewTitle");
	gw_hdf_set(ctx->hdf, "Page.TitleItem",
		   c->tracking_no); /* tabs and history tell them apart */
	gw_hdf_set(ctx->hdf, "Page.Nav", "complaints");
	return gw_view_render(ctx, "complaints_view.cs");
}

/* GET /:id/print — 200 the complaint on A4: number, title, facts, handling and
 * timeline, no actions; 404 as its page. */
int print_page(struct gw_ctx *ctx)
{
	struct gw_complaint c;
	int r = load(ctx, gw_param_id(ctx, 0), &c);

	if (r <= 0)
		return not_loaded(r);
	if (events_to_hdf(ctx, c.id))
		return 500;
	gw_complaint_to_hdf(ctx->hdf, "C", &c);
	gw_hdf_set(ctx->hdf, "Page.Title", "Complaints.Print.Title");
	gw_hdf_set(ctx->hdf, "Page.TitleItem", c.tracking_no);
	gw_hdf_set(ctx->hdf, "Page.Nav", "complaints");
	return gw_view_render(ctx, "complaints_print.cs");
}

/* The page again, with a message for the whole action (L.Complaints.Msg.<key>)
 * when msg is not NULL; messages at fields are in Form.* already. */
int show_error(struct gw_ctx *ctx, const struct gw_complaint *c, const char *msg)
{
	if (msg && !strcmp(msg, "closed") && !is_trusted(c))
		msg = "not_released";
	if (msg)
		gw_hdf_set(ctx->hdf, "Page.Error", msg);
	return show_page(ctx, c);
}

/* GET /:id — 200 the complaint; 404 when absent or outside the user's lists. */
int view_page(struct gw_ctx *ctx)
{
	struct gw_complaint c;
	int r = load(ctx, gw_param_id(ctx, 0), &c);

	return r <= 0 ? not_loaded(r) : show_page(ctx, &c);
}

/* An attachment's row: where it is stored, its name and type. */
struct file_row {
	struct gw_arena *a;
	const char *stored, *orig, *ctype;
};

static int file_row(void *p, int n, char **v, const size_t *lens, const char *const *names)
{
	struct file_row *f = p;

	(void)lens, (void)names;
	if (n < 3 || !v[0])
		return 1;
	f->stored = gw_arena_strdup(f->a, v[0]);
	f->orig = gw_arena_strdup(f->a, v[1] ? v[1] : "file");
	f->ctype = gw_arena_strdup(f->a, v[2] ? v[2] : "application/octet-stream");
	return 1;
}

/* GET /:id/file/:fid — 200 the attachment (as a download); 404 otherwise. */
int file_get(struct gw_ctx *ctx)
{
	long long id = gw_param_id(ctx, 0);
	struct file_row f = {.a = &ctx->arena};
	struct gw_complaint c;
	int rc = load(ctx, id, &c);

	if (rc <= 0)
		return not_loaded(rc);
	rc = gw_db_each(ctx->db, file_row, &f, SQL_FILE, "ii", gw_param_id(ctx, 1), id);
	if (rc < 0)
		return 500;
	if (!f.stored || gw_upload_send(ctx, f.stored, f.orig, f.ctype))
		return 404; /* no such attachment, or its file is gone */
	return 0;
}
