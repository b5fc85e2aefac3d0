/* list.c — clients.fcgi: the client list (lib/list.c) with its filters, the
 * search (name substring through the name grams, USCC, ID number through its
 * blind index for the cleared, contact name or phone, lead), sorting, keyset
 * paging and the CSV, which hold only basic information. */
#include <ctype.h>

#include "guwen/client_work.h"
#include "guwen/list.h"
#include "clients.h"

static const char *const one[] = {"1", NULL};

/* stale=1 binds the first day that counts as contacted in time */
static const char *stale_since(struct gw_ctx *ctx, const struct gw_fval *v)
{
	char *d = gw_arena_alloc(&ctx->arena, 11);

	(void)v;
	gw_date_format(gw_today(ctx) - gw_client_contact_days(ctx), d);
	return d;
}

static const struct gw_list_filter filters[] = {
    {{"tier", GW_F_CHOICE, 0, 8, 0, 0, tier_keys}, "c.tier = ?", NULL},
    {{"dept", GW_F_INT, 0, 10, 1, MAX_ID, NULL}, "c.department_id = ?", NULL},
    {{"lead", GW_F_INT, 0, 10, 1, MAX_ID, NULL},
     "c.id IN (SELECT fl.client_id FROM client_leads fl WHERE fl.user_id = ?)",
     NULL},
    {{"industry", GW_F_TEXT, 0, 50, 0, 0, NULL}, "c.industry = ?", NULL},
    {{"stale", GW_F_CHOICE, 0, 1, 0, 0, one},
     "(c.last_contact_on IS NULL OR c.last_contact_on < ?)",
     stale_since},
    {{NULL, 0, 0, 0, 0, 0, NULL}, NULL, NULL},
};

/* The list's columns; name_ and created_ are read from the clients row, or
 * from the name grams when the list walks them. */
#define CLIENT_COLS(name_, created_)                                                               \
	{                                                                                          \
		{"name", name_, GW_LC_SORT, "L.Client.Name", NULL, NULL},                          \
		    {"uscc", "c.uscc", 0, "L.Client.Uscc", NULL, NULL},                            \
		    {"industry", "c.industry", 0, "L.Client.Industry", NULL, NULL},                \
		    {"tier", "c.tier", 0, "L.Client.Tier", "L.Client.Tiers", NULL},                \
		    {"dept_name", "d.name", 0, "L.Client.Department", NULL, NULL},                 \
		    {"lead_name", "u.name", 0, "L.Client.Lead", NULL, NULL},                       \
		    {"contact_name", "c.contact_name", 0, "L.Client.ContactName", NULL, NULL},     \
		    {"contact_phone", "c.contact_phone", 0, "L.Client.ContactPhone", NULL, NULL},  \
		    {"last_contact_on",                                                            \
		     "COALESCE(c.last_contact_on, '1000-01-01')",                                  \
		     GW_LC_SORT,                                                                   \
		     "L.Client.LastContact",                                                       \
		     NULL,                                                                         \
		     "L.Client.Never"},                                                            \
		    {"created", created_, GW_LC_SORT, NULL, NULL, NULL},                           \
		{                                                                                  \
			NULL, NULL, 0, NULL, NULL, NULL                                            \
		}                                                                                  \
	}

static const struct gw_list_col cols[] = CLIENT_COLS("c.name", "c.id");
/* The same list found through the name grams (a substring of the name): the
 * rarest gram of the search walked in name order (gram, name, id), its id the
 * key, the clients row read only for the rows shown and the filters. */
static const struct gw_list_col gram_cols[] = CLIENT_COLS("g.name", "g.client_id");
/* A lead's own clients walked through their lead rows, which carry the name
 * (ix_client_leads_user_name): in name order from the index, no sort. */
static const struct gw_list_col own_cols[] = CLIENT_COLS("ol.name", "ol.client_id");

#define LIST_COLUMNS                                                                               \
	"c.id, c.name, c.uscc, c.industry, c.tier, d.name AS dept_name,"                           \
	" u.name AS lead_name, c.contact_name, c.contact_phone, c.last_contact_on"
#define LIST_JOINS                                                                                 \
	" LEFT JOIN departments d ON d.id = c.department_id LEFT JOIN users u ON u.id = c.lead_id"

/* What the three ways to the list share: the columns, the filters, name order,
 * 20 a page, the program's list and CSV. */
#define CLIENT_LIST(FROM, KEY, COLS)                                                               \
	.columns = LIST_COLUMNS, .from = FROM LIST_JOINS, .key = KEY, .filters = filters,          \
	.cols = COLS, .sort = "name", .desc = 0, .rows = 20, .program = "clients", .path = "/",    \
	.csv_name = "clients", .lenient = 1

/* Every client or a department's: the gram walked in name order (a scan of the
 * clients table is what the server would choose for a gram in every name). */
static const struct gw_list by_name = {
    CLIENT_LIST("client_name_grams g JOIN clients c ON c.id = g.client_id", "g.id", gram_cols),
    .hint = "FORCE INDEX (ix_client_name_grams_name)",
};

/* A lead's own clients, whatever the search: their lead rows in name order. */
static const struct gw_list own = {
    CLIENT_LIST("client_leads ol JOIN clients c ON c.id = ol.client_id", "ol.client_id", own_cols),
};

static const struct gw_list clients = {CLIENT_LIST("clients c", "c.id", cols)};

/* Who's clients: every one, the leads' own (the own list's lead rows), or
 * also the department's. */
static const char SCOPE_OWN[] = "ol.user_id = ?";
static const char SCOPE_DEPT[] = "(c.id IN (SELECT sl.client_id FROM client_leads sl"
				 " WHERE sl.user_id = ?) OR c.department_id = ?)";

/* The search's condition kinds. */
static const char Q_USCC[] = "c.uscc = ?";
static const char Q_IDNO[] = "c.legal_rep_id_bidx = ? AND " GW_CLIENT_REASON;
/* 18 characters that pass both checks: the credit code, or the ID number */
static const char Q_USCC_IDNO[] =
    "(c.uscc = ? OR (c.legal_rep_id_bidx = ? AND " GW_CLIENT_REASON "))";
/* a number as stored, or with an extension after it */
static const char Q_PHONE[] = "c.id IN (SELECT pc.client_id FROM client_contacts pc"
			      " WHERE pc.phone = ? OR pc.phone LIKE ?)";
static const char Q_CONTACT[] =
    "c.id IN (SELECT nc.client_id FROM client_contacts nc WHERE nc.name = ?)";
static const char Q_LEAD[] = "c.id IN (SELECT nl.client_id FROM client_leads nl JOIN users nu"
			     " ON nu.id = nl.user_id WHERE nu.name = ?)";
static const char Q_NAME[] = "g.gram = ? AND g.name LIKE ?";
/* in a lead's own list: the lead row's copy of the name, read from the index
 * (a row written without it, by SQL of old, is looked up), then the name */
static const char Q_OWN_NAME[] = "(ol.name LIKE ? OR ol.name = '') AND c.name LIKE ?";
static const char Q_NONE[] = "FALSE";

/* what a text names, in one statement: 1 a contact, 2 a lead, 0 neither */
static const char SQL_NAME_KIND[] =
    "SELECT CASE WHEN EXISTS (SELECT 1 FROM client_contacts WHERE name = ?) THEN 1"
    " WHEN EXISTS (SELECT 1 FROM users WHERE name = ?"
    " AND role IN ('advisor', 'manager', 'director')) THEN 2 ELSE 0 END";

static const char *upper(struct gw_ctx *ctx, const char *s)
{
	char *u = gw_arena_strdup(&ctx->arena, s);

	for (char *p = u; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return u;
}

static long long name_kind(struct gw_ctx *ctx, const char *q)
{
	long long n = 0;

	return gw_db_int(ctx->db, &n, SQL_NAME_KIND, "ss", q, q) == 1 ? n : 0;
}

/* Text: a contact's or a lead's name as it is, else a part of the name (in a
 * lead's own list, own: looked for in each of their clients' names). */
static const char *text_search(struct gw_ctx *ctx, const char *q, struct gw_db_arg *a, int *n,
			       int own)
{
	long long kind = name_kind(ctx, q);

	a[0] = (struct gw_db_arg){GW_DB_TEXT, 0, q};
	if (kind)
		return kind == 1 ? Q_CONTACT : Q_LEAD;
	if (own) {
		a[0] = (struct gw_db_arg){GW_DB_TEXT, 0, gw_client_like(ctx, q)};
		a[1] = a[0];
		*n = 2;
		return Q_OWN_NAME;
	}
	a[0] = (struct gw_db_arg){GW_DB_TEXT, 0, gw_client_rarest_gram(ctx, q)};
	a[1] = (struct gw_db_arg){GW_DB_TEXT, 0, gw_client_like(ctx, q)};
	*n = 2;
	return Q_NAME;
}

static int posted(struct gw_ctx *ctx)
{
	return !strcmp(ctx->req.method, "POST");
}

/* An ID number (level 3): searched for only from a POST's body, never kept in
 * a link, so that it reaches no URL, access log or Referer. */
static int is_idno(struct gw_ctx *ctx, const char *q)
{
	const char *u = upper(ctx, q);

	return strlen(u) == 18 && gw_valid_idcard(u);
}

/* An ID number (u, upper case): by its blind index, only for a user cleared
 * for level 3 and only when posted, among the clients they have a reason to
 * see. One that also passes the USCC check (uscc) finds that credit code too:
 * a number can pass both. */
static const char *idno_search(struct gw_ctx *ctx, const char *u, int uscc, struct gw_db_arg *a,
			       int *n)
{
	char *bidx = gw_arena_alloc(&ctx->arena, 65);

	if (uscc)
		a[0] = (struct gw_db_arg){GW_DB_TEXT, 0, u};
	*n = uscc;
	if (!posted(ctx) || ctx->user->clearance < 3 || gw_client_id_bidx(ctx, u, bidx))
		return uscc ? Q_USCC : Q_NONE;
	a[uscc] = (struct gw_db_arg){GW_DB_TEXT, 0, bidx};
	gw_client_reason_args(ctx, a + uscc + 1);
	*n = uscc + 5;
	return uscc ? Q_USCC_IDNO : Q_IDNO;
}

/* The search's condition and its arguments into a (returns their count). An
 * ID number is looked for only by a user cleared for level 3, among the
 * clients they have a reason to see, and only when posted: for anyone else it
 * finds nothing, which says nothing about whether any client holds it. */
static const char *search(struct gw_ctx *ctx, const char *q, struct gw_db_arg *a, int *n, int own)
{
	const char *u = upper(ctx, q);

	*n = 1;
	if (is_idno(ctx, q))
		return idno_search(ctx, u, gw_valid_uscc(u) ? 1 : 0, a, n);
	if (strlen(u) == 18 && gw_valid_uscc(u)) {
		a[0] = (struct gw_db_arg){GW_DB_TEXT, 0, u};
		return Q_USCC;
	}
	if (gw_valid_phone(q)) {
		a[0] = (struct gw_db_arg){GW_DB_TEXT, 0, phone_normal(ctx, q)};
		a[1] = (struct gw_db_arg){GW_DB_TEXT, 0,
					  gw_arena_printf(&ctx->arena, "%s-%%", a[0].s)};
		return (*n = 2), Q_PHONE;
	}
	return text_search(ctx, q, a, n, own);
}

/* The user's clients (scope) and the search as the list's scope condition; a
 * part of the name is looked for in the list through the name grams. */
static void read_list(struct gw_ctx *ctx, struct gw_list_run *r)
{
	struct gw_db_arg a[12], s[6];
	enum gw_scope scope = gw_perm_scope(ctx->user->role);
	const char *cond = NULL, *q = NULL;
	int n = 0, m = 0;

	gw_list_read(ctx, scope == GW_SCOPE_OWN ? &own : &clients, r);
	if (*r->q && (q = search(ctx, r->q, s, &m, scope == GW_SCOPE_OWN)) == Q_NAME) {
		gw_list_read(ctx, &by_name, r);
		r->hint = 1;
	}
	r->private_q = is_idno(ctx, r->q);
	if (scope != GW_SCOPE_ALL) {
		cond = scope == GW_SCOPE_DEPARTMENT ? SCOPE_DEPT : SCOPE_OWN;
		a[n++] = (struct gw_db_arg){GW_DB_INT, ctx->user->id, NULL};
		if (scope == GW_SCOPE_DEPARTMENT)
			a[n++] = (struct gw_db_arg){GW_DB_INT, ctx->user->dept_id, NULL};
	}
	if (q) {
		cond = cond ? gw_arena_printf(&ctx->arena, "%s AND %s", q, cond) : q;
		memmove(a + m, a, sizeof(a[0]) * (size_t)n);
		memcpy(a, s, sizeof(a[0]) * (size_t)m);
		n += m;
	}
	gw_list_scope(r, cond, a, n);
}

static const char SQL_DEPTS[] = "SELECT id, name FROM departments WHERE active = 1 ORDER BY name";
static const char SQL_LEADS[] = "SELECT id, name FROM users WHERE active = 1"
				" AND role IN ('advisor', 'manager', 'director') ORDER BY name";

/* The list's path with the search and filters of r (for a GET). */
static const char *query_path(struct gw_ctx *ctx, struct gw_list_run *r)
{
	const char *qs = gw_list_qs(ctx, r);

	return *qs ? gw_arena_printf(&ctx->arena, "/?%s", qs) : "/";
}

/* GET / — 200: the user's clients, by name (or as sorted), 20 at a time; an
 * ID number in the URL is not searched for (the message says to use the form).
 * POST / (the search form) — 200 the same page for an ID number, its number
 * in no link; else 303 to the GET of the same search. */
int list_page(struct gw_ctx *ctx)
{
	struct gw_list_run r;

	read_list(ctx, &r);
	if (posted(ctx) && !r.private_q)
		return gw_redirect(ctx, "clients", query_path(ctx, &r), NULL);
	if (r.private_q && !posted(ctx))
		gw_form_error(ctx, "q", "idno_in_url");
	if (gw_list_page(ctx, &r))
		return 500;
	for (int i = 0; tier_keys[i]; i++)
		gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "Opt.Tiers.%s", tier_keys[i]),
			   gw_view_word(ctx, gw_arena_printf(&ctx->arena, "L.Client.Tiers.%s",
							     tier_keys[i])));
	options(ctx, "Opt.Departments", SQL_DEPTS);
	options(ctx, "Opt.Leads", SQL_LEADS);
	gw_hdf_set_int(ctx->hdf, "Filter.ContactDays", gw_client_contact_days(ctx));
	page(ctx, "Clients.Title");
	return gw_view_render(ctx, "clients_list.cs");
}

/* GET /export (POST for an ID number's search) — 200 text/csv: the list with
 * the same filters and search, every row, basic information only; audited. */
int export_csv(struct gw_ctx *ctx)
{
	struct gw_list_run r;
	long long n;

	read_list(ctx, &r);
	n = gw_list_csv(ctx, &r);
	if (n < 0 && !ctx->resp.streamed)
		return 500;
	if (strlen(r.q) == 18 && gw_valid_idcard(upper(ctx, r.q)))
		r.q = "(ID number)"; /* the audit log holds no ID number */
	gw_audit(ctx, "client.export", "client", 0, "%s rows=%lld", gw_list_describe(ctx, &r), n);
	return 0;
}
