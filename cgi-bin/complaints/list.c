/* list.c — complaints.fcgi: the lists (mine / department / all / 待核实) with
 * their filters, search, sorting and keyset paging, and the CSV export; one
 * list declaration (lib/list.c), scoped per tab. */
#include "guwen/list.h"
#include "complaints.h"

static const char *const tab_keys[] = {"mine",	     "department", "all",	"suspected",
				       "registered", "referred",   "escalated", NULL};
static const char *const stage_keys[] = {"registered", "investigating", "resolved",
					 "followup",   "closed",	NULL};
static const char *const severity_keys[] = {"a", "b", "c", "d", "none", NULL};
static const char *const source_keys[] = {"web", "phone", "visit", "email", NULL};
static const char *const one[] = {"1", NULL};

/* GET /?tab=&stage=&severity=&source=&overdue=&client=&advisor=&advisor_q=&unowned=
 * &grave=&open=&q=&sort=&dir=&before=
 * (unknown values are left out). advisor_q: the beginning of an advisor's
 * name, made into advisor= (no select of every advisor: the list stays light). */
static const struct gw_list_filter filters[] = {
    {{"tab", GW_F_CHOICE, 0, 16, 0, 0, tab_keys}, NULL, NULL},
    {{"stage", GW_F_CHOICE, 0, 16, 0, 0, stage_keys}, "c.stage = ?", NULL},
    {{"severity", GW_F_CHOICE, 0, 4, 0, 0, severity_keys},
     "c.severity <=> NULLIF(?, 'none')",
     NULL},
    {{"source", GW_F_CHOICE, 0, 8, 0, 0, source_keys}, "c.source = ?", NULL},
    /* the flag kept by `guwen jobs` and each event (sql/011_complaint_desk.sql):
     * served by (trust, overdue, id) as the other filters are */
    {{"overdue", GW_F_CHOICE, 0, 1, 0, 0, one}, "c.overdue = ?", NULL},
    {{"client", GW_F_INT, 0, 10, 1, MAX_ID, NULL}, "c.client_id = ?", NULL},
    {{"advisor", GW_F_INT, 0, 10, 1, MAX_ID, NULL}, "c.advisor_id = ?", NULL},
    {{"advisor_q", GW_F_TEXT, 0, 100, 0, 0, NULL}, NULL, NULL},
    {{"unowned", GW_F_CHOICE, 0, 1, 0, 0, one}, "c.owner_id IS NULL", NULL},
    {{"grave", GW_F_CHOICE, 0, 1, 0, 0, one}, "c.severity IN ('c', 'd')", NULL},
    {{"open", GW_F_CHOICE, 0, 1, 0, 0, one}, "c.stage <> 'closed'", NULL},
    {{NULL, 0, 0, 0, 0, 0, NULL}, NULL, NULL},
};

/* each filter's index (sql/009_list_indexes.sql, 011), as filters[] */
static const char *const filter_index[] = {
    NULL,			   /* tab */
    "ix_complaints_list_stage",	   /* stage */
    "ix_complaints_list_severity", /* severity */
    "ix_complaints_list_source",   /* source */
    "ix_complaints_list_overdue",  /* overdue */
    "ix_complaints_list_client",   /* client */
    "ix_complaints_list_advisor",  /* advisor */
    NULL,			   /* advisor_q */
    NULL,			   /* unowned */
    NULL,			   /* grave */
    NULL,			   /* open */
};
_Static_assert(sizeof(filter_index) / sizeof(*filter_index) ==
		   sizeof(filters) / sizeof(*filters) - 1,
	       "an index (or NULL) for each filter");

static const struct gw_list_col cols[] = {
    {"tracking_no", "c.tracking_no", GW_LC_SEARCH, "L.Complaint.Tracking", NULL, NULL},
    {"created_at", "c.id", GW_LC_SORT, "L.Complaints.Created", NULL, NULL},
    {"source", "c.source", 0, "L.Complaint.Source", "L.Complaint.Sources", NULL},
    {"name", "c.name", GW_LC_SORT | GW_LC_SEARCH, "L.Complaints.Complainant", NULL, NULL},
    {"company", "c.company", GW_LC_SEARCH, "L.Complaint.Company", NULL, NULL},
    {"client_name", "cl.name", GW_LC_SEARCH, "L.Complaint.Client", NULL, NULL},
    {"severity", "c.severity", 0, "L.Complaint.Severity", "L.Complaint.Severities",
     "L.Complaint.Unclassified"},
    {"stage", "c.stage", GW_LC_SORT, "L.Complaint.Stage", "L.Complaint.Stages", NULL},
    {"dept_name", "d.name", 0, "L.Complaint.Department", NULL, NULL},
    {"owner_name", "ow.name", 0, "L.Complaint.Owner", NULL, NULL},
    {"resolution_due", "COALESCE(c.resolution_due, '9999-12-31')", GW_LC_SORT,
     "L.Complaint.ResolutionDue", NULL, NULL},
    {NULL, NULL, 0, NULL, NULL, NULL},
};

static const struct gw_list complaints = {
    /* the flags NULL when not set: a row of fewer values in the page data
     * (ClearSilver hashes a node's children from the twelfth on) */
    .columns = "c.id, c.tracking_no, c.source, c.name, c.company, c.severity, c.stage,"
	       " c.created_at, c.resolution_due, IF(c.waiting_since IS NULL, NULL, 1) AS waiting,"
	       " d.name AS dept_name, ow.name AS owner_name, cl.name AS client_name,"
	       " IF(" OVERDUE ", 1, NULL) AS overdue",
    .key_col = "id",
    .from = "complaints c LEFT JOIN departments d ON d.id = c.department_id"
	    " LEFT JOIN users ow ON ow.id = c.owner_id"
	    " LEFT JOIN clients cl ON cl.id = c.client_id",
    .key = "c.id",
    .filters = filters,
    .cols = cols,
    .sort = "created_at",
    .desc = 1,
    .rows = 20,
    .program = "complaints",
    .path = "/",
    .csv_name = "complaints",
    .lenient = 1,
    .search = complaint_search, /* search.c: by its indexes */
    /* the server's ORDER BY … LIMIT guess would walk the key (or trust, id)
     * past the newest rows, unclassified or not the user's: read the
     * filter's or the scope's index (sql/009_list_indexes.sql) instead */
    .hint = "IGNORE INDEX FOR ORDER BY (PRIMARY, ix_complaints_trust)",
    /* newest first: one statement that weighs only these (and the tab's) */
    .filter_index = filter_index,
};

/* Each tab's scope: suspected (待核实) and discarded public posts are in no
 * list but their own; a classifier's department list also holds the new ones
 * nobody has yet. */
#define TRUSTED " AND c.trust = 'ok'"
static const char SCOPE_MINE[] = "c.owner_id = ?" TRUSTED;
static const char SCOPE_DEPT[] = "c.department_id = ?" TRUSTED;
static const char SCOPE_DEPT_NEW[] =
    "(c.department_id = ? OR c.department_id IS NULL)"
    " AND (c.department_id IS NOT NULL OR c.severity IS NULL)" TRUSTED;
static const char SCOPE_ALL[] = "c.trust = 'ok'";
static const char SCOPE_SUSPECTED[] = "c.trust = 'suspected'";
/* the registered-by-me list (read-only for market and the front desk); market's
 * open referrals; the complaints escalated to the user (complaint_escalations) */
static const char SCOPE_REGISTERED[] = "c.created_by = ?" TRUSTED;
static const char SCOPE_REFERRED[] = "c.id IN (SELECT r.complaint_id FROM complaint_referrals r "
				     "WHERE r.answered_at IS NULL)" TRUSTED;
static const char SCOPE_ESCALATED[] =
    "c.id IN (SELECT e.complaint_id FROM complaint_escalations e WHERE e.user_id = ?)" TRUSTED;
static const char SCOPE_NONE[] = "FALSE"; /* a department list without a department */

static const char SQL_CLIENT_NAME[] = "SELECT c.name FROM clients c WHERE c.id = ?" CLIENT_SCOPE;
/* the advisor filter's name (its chip), and the advisors whose name begins
 * with what was typed (ix_users_role_name), read only when the filter is used */
static const char SQL_ADVISOR_NAME[] = "SELECT name FROM users WHERE id = ? AND role = 'advisor'";
static const char SQL_ADVISOR_FIND[] = "SELECT id, name FROM users WHERE role = 'advisor'"
				       " AND active = 1 AND name LIKE ? ORDER BY name LIMIT 9";

static const char *default_tab(struct gw_ctx *ctx)
{
	if (has(ctx, GW_PERM_COMPLAINT_ALL))
		return "all";
	if (ctx->user->role == GW_ROLE_MARKET)
		return "referred";
	return has(ctx, GW_PERM_COMPLAINT_CLASSIFY) ? "department" : "mine";
}

/* The tab asked for if the user may see it, else the user's default one. */
static const char *tab_of(struct gw_ctx *ctx, struct gw_list_run *r)
{
	struct gw_fval *tab = gw_list_value(r, "tab");

	if (!tab->present || (!strcmp(tab->s, "all") && !has(ctx, GW_PERM_COMPLAINT_ALL)) ||
	    (!strcmp(tab->s, "suspected") && !has(ctx, GW_PERM_COMPLAINT_CLASSIFY)) ||
	    (!strcmp(tab->s, "referred") && ctx->user->role != GW_ROLE_MARKET))
		*tab = (struct gw_fval){default_tab(ctx), 0, 1};
	return tab->s;
}

static const char *tab_scope(struct gw_ctx *ctx, const char *tab, long long *id)
{
	*id = 0;
	if (!strcmp(tab, "all") || !strcmp(tab, "suspected"))
		return tab[0] == 'a' ? SCOPE_ALL : SCOPE_SUSPECTED;
	if (!strcmp(tab, "referred"))
		return SCOPE_REFERRED;
	if (!strcmp(tab, "registered") || !strcmp(tab, "escalated")) {
		*id = ctx->user->id;
		return tab[0] == 'r' ? SCOPE_REGISTERED : SCOPE_ESCALATED;
	}
	if (!strcmp(tab, "department")) {
		*id = ctx->user->dept_id;
		if (!*id)
			return SCOPE_NONE;
		return has(ctx, GW_PERM_COMPLAINT_CLASSIFY) ? SCOPE_DEPT_NEW : SCOPE_DEPT;
	}
	*id = ctx->user->id;
	return SCOPE_MINE;
}

/* advisor_q (the beginning of an advisor's name) made into the advisor filter:
 * one advisor found is the filter (advisor=, the search cleared); none or
 * several is a message at the field, the several to choose from
 * (Filter.AdvisorPick.N.{id,name}), and no rows. */
static int find_advisor(struct gw_ctx *ctx, struct gw_list_run *r)
{
	struct gw_fval *q = gw_list_value(r, "advisor_q"), *a = gw_list_value(r, "advisor");
	int n;

	if (!q->present || a->present)
		return 0;
	n = gw_db_rows(ctx->db, ctx->hdf, "Filter.AdvisorPick", SQL_ADVISOR_FIND, "s",
		       like_prefix(ctx, q->s));
	if (n < 0)
		return -1;
	if (n == 1) {
		a->s = gw_arena_strdup(&ctx->arena,
				       hdf_get_value(ctx->hdf, "Filter.AdvisorPick.0.id", ""));
		a->i = strtoll(a->s, NULL, 10);
		a->present = 1;
		*q = (struct gw_fval){"", 0, 0};
		gw_hdf_remove(ctx->hdf, "Filter.AdvisorPick");
		return 0;
	}
	r->bad += gw_form_error(ctx, "advisor_q", n > 1 ? "advisors_many" : "no_advisor");
	return 0;
}

/* Read the list's query string and scope it to the tab (the overdue column's
 * time first, then the tab's user or department). The tab, or NULL when the
 * database failed. */
static const char *read_list(struct gw_ctx *ctx, struct gw_list_run *r)
{
	const char *tab;
	long long id;
	struct gw_db_arg args[2] = {{GW_DB_TEXT, 0, gw_now_utc(ctx)}, {GW_DB_INT, 0, NULL}};
	const char *scope;

	gw_list_read(ctx, &complaints, r);
	if (find_advisor(ctx, r))
		return NULL;
	tab = tab_of(ctx, r);
	scope = tab_scope(ctx, tab, &id);
	args[1].i = id;
	gw_list_scope(r, scope, args, strchr(scope, '?') ? 2 : 1);
	/* the owner's and the department's lists have their indexes; the
	 * classifier's (department or none, with an OR) reads best by id */
	r->hint = scope == SCOPE_MINE || scope == SCOPE_DEPT || scope == SCOPE_REGISTERED;
	r->index = scope == SCOPE_MINE	       ? "ix_complaints_list_owner"
		   : scope == SCOPE_DEPT       ? "ix_complaints_list_dept"
		   : scope == SCOPE_REGISTERED ? "ix_complaints_list_created_by"
		   : scope == SCOPE_ALL	       ? ""
		   /* the new ones (no department) are the newest: walk the key */
		   : scope == SCOPE_DEPT_NEW ? "PRIMARY"
					     : NULL;
	return tab;
}

/* The list's query string without one filter (for the tab links, the chip
 * that removes the client filter). */
static const char *qs_without(struct gw_ctx *ctx, struct gw_list_run *r, const char *name)
{
	struct gw_fval *v = gw_list_value(r, name), keep = *v;
	const char *qs;

	*v = (struct gw_fval){"", 0, 0};
	qs = gw_list_qs(ctx, r);
	*v = keep;
	return qs;
}

/* The advisor filter's chip (its name) and the query string without it or the
 * tab, for the chip's remove link and the names to choose from. */
static void advisor_to_hdf(struct gw_ctx *ctx, struct gw_list_run *r)
{
	struct gw_fval *a = gw_list_value(r, "advisor"), keep = *a;
	struct gw_fval *tab = gw_list_value(r, "tab"), keep_tab = *tab;

	if (a->present) {
		gw_hdf_set(ctx->hdf, "Filter.Advisor", a->s);
		gw_db_row(ctx->db, ctx->hdf, "Filter.AdvisorName", SQL_ADVISOR_NAME, "i", a->i);
	}
	*a = *tab = (struct gw_fval){"", 0, 0};
	gw_hdf_set(ctx->hdf, "Filter.QueryNoAdvisor", qs_without(ctx, r, "advisor_q"));
	*a = keep;
	*tab = keep_tab;
}

static void filter_to_hdf(struct gw_ctx *ctx, struct gw_list_run *r, const char *tab)
{
	HDF *h = ctx->hdf;
	long long client = gw_list_value(r, "client")->i;

	gw_hdf_set(h, "Filter.Tab", tab);
	gw_hdf_set(h, "Filter.Query", qs_without(ctx, r, "tab"));
	/* no select of every client here (the list must stay light): the filter
	 * comes from a client's link and can be removed */
	if (client) {
		gw_hdf_set(h, "Filter.Client", gw_list_value(r, "client")->s);
		gw_hdf_set(h, "Filter.QueryNoClient", qs_without(ctx, r, "client"));
		clients_query(ctx, SQL_CLIENT_NAME, client, NULL, NULL, "Filter.ClientName");
	}
	advisor_to_hdf(ctx, r);
	if (has(ctx, GW_PERM_COMPLAINT_ALL))
		gw_hdf_set_int(h, "Filter.CanAll", 1);
	if (has(ctx, GW_PERM_COMPLAINT_CLASSIFY))
		gw_hdf_set_int(h, "Filter.CanSuspected", 1);
	if (ctx->user->role == GW_ROLE_MARKET)
		gw_hdf_set_int(h, "Filter.CanReferred", 1);
}

/* GET / — 200: the tab's complaints, newest first (or as sorted), 20 at a time. */
int list_page(struct gw_ctx *ctx)
{
	struct gw_list_run r;
	const char *tab = read_list(ctx, &r);

	if (!tab)
		return 500;
	filter_to_hdf(ctx, &r, tab);
	if (gw_list_page(ctx, &r))
		return 500;
	choice_options(ctx, "Opt.Stages", "L.Complaint.Stages", stage_keys);
	choice_options(ctx, "Opt.Severities", "L.Complaint.Severities", severity_choices);
	gw_hdf_set(ctx->hdf, "Opt.Severities.none", word(ctx, "L.Complaint.Unclassified"));
	choice_options(ctx, "Opt.Sources", "L.Complaint.Sources", source_keys);
	gw_hdf_set(ctx->hdf, "Page.Title", "Complaints.Title");
	gw_hdf_set(ctx->hdf, "Page.Nav", "complaints");
	return gw_view_render(ctx, "complaints_list.cs");
}

/* GET /export — 200 text/csv (attachment): the list with the same filters, every
 * row, streamed, times in local time; audited. */
int export_csv(struct gw_ctx *ctx)
{
	struct gw_list_run r;
	const char *tab = read_list(ctx, &r);
	long long n;

	if (!tab)
		return 500;
	if (r.bad) /* an advisor not found: not the list without that filter */
		return 400;
	n = gw_list_csv(ctx, &r);
	if (n < 0 && !ctx->resp.streamed)
		return 500;
	gw_audit(ctx, "complaint.export", "complaint", 0, "tab=%s %s rows=%lld", tab,
		 gw_list_describe(ctx, &r), n);
	return 0;
}
