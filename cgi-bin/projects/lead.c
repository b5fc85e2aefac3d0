/* lead.c — projects.fcgi: change of lead at the client's request (reason
 * required; the picker lists the project's department first); the old and new
 * lead and the reason stay on the timeline, and the new lead is mailed. */
#include "guwen/client_store.h"
#include "projects.h"

/* same department first, then the others */
static const char SQL_LEADS[] = "SELECT u.id, CONCAT(u.name, ' · ', d.name) FROM users u"
				" JOIN departments d ON d.id = u.department_id"
				" WHERE u.active = 1 AND u.role IN ('advisor', 'manager')"
				" ORDER BY u.department_id = ? DESC, d.name, u.name";
static const char SQL_LEAD_OK[] =
    "SELECT name FROM users WHERE id = ? AND active = 1 AND role IN ('advisor', 'manager')";
static const char SQL_SET_LEAD[] = "UPDATE projects SET lead_id = ? WHERE id = ?";

enum { L_LEAD, L_REASON, L__N };
static const struct gw_fdef lead_form[] = {
    [L_LEAD] = {.name = "new_lead",
		.type = GW_F_INT,
		.required = 1,
		.maxlen = 10,
		.min = 1,
		.max = MAX_ID},
    [L_REASON] = {.name = "lead_reason", .type = GW_F_TEXTAREA, .required = 1, .maxlen = 1000},
    [L__N] = {.name = NULL},
};
GW_FORM_CHECK(lead_form, L__N);

/* The department's manager, a director or market (the creator), on a project
 * in progress. */
int may_change_lead(struct gw_ctx *ctx, const struct gw_project *p)
{
	return is(p->status, "active") && (is_manager_of(ctx, p) || is_creator(ctx, p));
}

/* The picker, ordered by the project's department first. */
void lead_options(struct gw_ctx *ctx, const struct gw_project *p)
{
	options(ctx, "Opt.Leads", SQL_LEADS, "i", p->department_id);
}

/* The new lead's name when they may lead (in the arena), else NULL. */
static const char *lead_name(struct gw_ctx *ctx, const struct gw_fval *v,
			     const struct gw_project *p)
{
	const char *name;

	if (v[L_LEAD].i == p->lead_id ||
	    gw_db_row(ctx->db, ctx->hdf, "Tmp.Lead", SQL_LEAD_OK, "i", v[L_LEAD].i) != 1)
		return NULL;
	name = gw_arena_strdup(&ctx->arena, hdf_get_value(ctx->hdf, "Tmp.Lead.name", ""));
	gw_hdf_remove(ctx->hdf, "Tmp");
	return name;
}

int lead_submit(struct gw_ctx *ctx)
{
	struct gw_project p;
	struct gw_fval v[L__N];
	const char *name, *line;
	int r = loaded(ctx, &p), failed;

	if (r <= 0)
		return not_loaded(r);
	if (!may_change_lead(ctx, &p))
		return is_manager_of(ctx, &p) || is_creator(ctx, &p) ? refused(ctx, &p, "not_open")
								     : 403;
	if (GW_FORM_READ(ctx, lead_form, v))
		return show_page(ctx, &p, NULL);
	if (!(name = lead_name(ctx, v, &p)))
		return gw_form_error(ctx, "new_lead", "bad_choice"), show_page(ctx, &p, NULL);
	if (!claimed(ctx, &p, &r))
		return r;
	line = gw_arena_printf(&ctx->arena, "%s → %s · %s", p.lead_name ? p.lead_name : "—", name,
			       v[L_REASON].s);
	failed = gw_db_exec(ctx->db, SQL_SET_LEAD, "ii", v[L_LEAD].i, p.id) != 1 ||
		 gw_client_project_lead(ctx, p.client_id, v[L_LEAD].i, p.id) ||
		 event(ctx, p.id, "lead_changed", line);
	if (!failed)
		notify_user(ctx, &p, v[L_LEAD].i, "L.Projects.Mail.NewLead", line);
	return finish(ctx, &p, failed, "project.lead", "lead_changed");
}
