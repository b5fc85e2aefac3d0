/* client_record.c — the one loader of a client and of its financial periods,
 * and who may see which class of a client's information. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/client_record.h"
#include "guwen/hdfset.h"
#include "guwen/record.h"
#include "guwen/valid.h"

static const char SQL_ACCESS[] =
    "SELECT c.department_id, EXISTS (SELECT 1 FROM client_leads l WHERE l.client_id = c.id"
    " AND l.user_id = ?) AS lead FROM clients c WHERE c.id = ?";

#define SQL_BASIC                                                                                  \
	"SELECT c.id, c.name, c.uscc, c.industry, c.address, c.tier, c.legal_rep_name,"            \
	" c.department_id, d.name AS dept_name, c.lead_id, u.name AS lead_name,"                   \
	" c.contact_name, c.contact_phone, c.contact_email, c.last_contact_on,"                    \
	" c.verified_at, c.verified_by, vb.name AS verified_by_name, c.application_id,"            \
	" c.version, c.created_at, c.updated_at"
#define SQL_FROM                                                                                   \
	" FROM clients c LEFT JOIN departments d ON d.id = c.department_id"                        \
	" LEFT JOIN users u ON u.id = c.lead_id LEFT JOIN users vb ON vb.id = c.verified_by"       \
	" WHERE c.id = ?"
#define SQL_BUSINESS ", c.main_business, c.financing_needs, c.loan_purpose"

static const char SQL_GET1[] = SQL_BASIC SQL_FROM;
static const char SQL_GET2[] = SQL_BASIC SQL_BUSINESS SQL_FROM;
static const char SQL_GET3[] = SQL_BASIC SQL_BUSINESS ", c.legal_rep_id" SQL_FROM;

/* The access check and the load in one statement (gw_client_open): whether
 * the user leads the client (me), and the classes above basic from a second
 * reading of the row (r) joined only when the user has a reason to see them —
 * director, lead, manager of its department (arguments: user, director,
 * manager, department, id). */
#define SQL_OPEN_FROM                                                                              \
	", me.user_id IS NOT NULL AS is_lead FROM clients c"                                       \
	" LEFT JOIN departments d ON d.id = c.department_id"                                       \
	" LEFT JOIN users u ON u.id = c.lead_id LEFT JOIN users vb ON vb.id = c.verified_by"       \
	" LEFT JOIN client_leads me ON me.client_id = c.id AND me.user_id = ?"                     \
	" LEFT JOIN clients r ON r.id = c.id"                                                      \
	" AND (? = 1 OR me.user_id IS NOT NULL OR (? = 1 AND c.department_id = ?))"                \
	" WHERE c.id = ?"
#define SQL_OPEN_BUSINESS ", r.main_business, r.financing_needs, r.loan_purpose"
static const char SQL_OPEN1[] = SQL_BASIC SQL_OPEN_FROM;
static const char SQL_OPEN2[] = SQL_BASIC SQL_OPEN_BUSINESS SQL_OPEN_FROM;
static const char SQL_OPEN3[] = SQL_BASIC SQL_OPEN_BUSINESS ", r.legal_rep_id" SQL_OPEN_FROM;

#define INT(m)                                                                                     \
	{                                                                                          \
		.name = #m, .type = GW_COL_INT, .offset = offsetof(struct gw_client, m),           \
		.level = 1                                                                         \
	}
#define TEXT(m, l)                                                                                 \
	{                                                                                          \
		.name = #m, .type = GW_COL_TEXT, .offset = offsetof(struct gw_client, m),          \
		.level = l                                                                         \
	}

static const struct gw_col cols[] = {
    INT(id),
    INT(department_id),
    INT(lead_id),
    INT(version),
    INT(verified_by),
    INT(application_id),
    TEXT(name, 1),
    TEXT(uscc, 1),
    TEXT(industry, 1),
    TEXT(address, 1),
    TEXT(tier, 1),
    TEXT(legal_rep_name, 1),
    TEXT(dept_name, 1),
    TEXT(lead_name, 1),
    TEXT(contact_name, 1),
    TEXT(contact_phone, 1),
    TEXT(contact_email, 1),
    TEXT(last_contact_on, 1),
    TEXT(verified_at, 1),
    TEXT(verified_by_name, 1),
    TEXT(created_at, 1),
    TEXT(updated_at, 1),
    TEXT(main_business, 2),
    TEXT(financing_needs, 2),
    TEXT(loan_purpose, 2),
    {.name = "legal_rep_id",
     .type = GW_COL_TEXT,
     .offset = offsetof(struct gw_client, legal_rep_id),
     .level = 3,
     .sealed = 1},
};

static const struct gw_record_desc desc = {
    .table = "clients",
    .entity = "client",
    .cols = cols,
    .ncols = sizeof(cols) / sizeof(cols[0]),
    .id_offset = offsetof(struct gw_client, id),
    .nulls_offset = offsetof(struct gw_client, nulls),
};

#define FIG(m)                                                                                     \
	{                                                                                          \
		.name = #m, .type = GW_COL_TEXT, .offset = offsetof(struct gw_client_period, m),   \
		.level = 3, .sealed = 1                                                            \
	}

static const struct gw_col period_cols[] = {
    {.name = "id", .type = GW_COL_INT, .offset = offsetof(struct gw_client_period, id)},
    {.name = "client_id",
     .type = GW_COL_INT,
     .offset = offsetof(struct gw_client_period, client_id)},
    {.name = "period", .type = GW_COL_TEXT, .offset = offsetof(struct gw_client_period, period)},
    FIG(total_assets),
    FIG(total_liabilities),
    FIG(owners_equity),
    FIG(revenue),
    FIG(total_profit),
    FIG(net_profit),
    FIG(operating_cash_flow),
    FIG(investing_cash_flow),
    FIG(financing_cash_flow),
    FIG(vat_payable),
    FIG(income_tax_payable),
};

static const struct gw_record_desc period_desc = {
    .table = "client_periods",
    .entity = "client",
    .cols = period_cols,
    .ncols = sizeof(period_cols) / sizeof(period_cols[0]),
    .id_offset = offsetof(struct gw_client_period, id),
    .nulls_offset = offsetof(struct gw_client_period, nulls),
};

const char *const gw_client_figures[] = {
    "total_assets",	   "total_liabilities", "owners_equity",       "revenue",
    "total_profit",	   "net_profit",	"operating_cash_flow", "investing_cash_flow",
    "financing_cash_flow", "vat_payable",	"income_tax_payable",  NULL,
};

static const char SQL_PERIODS[] =
    "SELECT id, client_id, period, total_assets, total_liabilities, owners_equity, revenue,"
    " total_profit, net_profit, operating_cash_flow, investing_cash_flow,"
    " financing_cash_flow, vat_payable, income_tax_payable"
    " FROM client_periods WHERE client_id = ? ORDER BY period DESC LIMIT ?";

void gw_client_scope_args(struct gw_ctx *ctx, struct gw_db_arg a[4])
{
	long long scope = gw_perm_scope(ctx->user->role);

	a[0] = (struct gw_db_arg){GW_DB_INT, scope, NULL};
	a[1] = (struct gw_db_arg){GW_DB_INT, ctx->user->id, NULL};
	a[2] = (struct gw_db_arg){GW_DB_INT, scope, NULL};
	a[3] = (struct gw_db_arg){GW_DB_INT, ctx->user->dept_id, NULL};
}

void gw_client_reason_args(struct gw_ctx *ctx, struct gw_db_arg a[4])
{
	a[0] = (struct gw_db_arg){GW_DB_INT, ctx->user->role == GW_ROLE_DIRECTOR, NULL};
	a[1] = (struct gw_db_arg){GW_DB_INT, ctx->user->id, NULL};
	a[2] = (struct gw_db_arg){GW_DB_INT, ctx->user->role == GW_ROLE_MANAGER, NULL};
	a[3] = (struct gw_db_arg){GW_DB_INT, ctx->user->dept_id, NULL};
}

struct access_row {
	long long dept;
	int lead, found;
};

static int access_row(void *p, int n, char **v, const size_t *lens, const char *const *names)
{
	struct access_row *a = p;

	(void)n, (void)lens, (void)names;
	a->dept = v[0] ? strtoll(v[0], NULL, 10) : 0;
	a->lead = v[1] && !strcmp(v[1], "1");
	a->found = 1;
	return 1;
}

int gw_client_access(struct gw_ctx *ctx, long long id, int *level)
{
	const struct gw_user *u = ctx->user;
	struct access_row a = {0, 0, 0};
	enum gw_scope scope = gw_perm_scope(u->role);
	int same_dept, reason;

	*level = 0;
	if (gw_db_each(ctx->db, access_row, &a, SQL_ACCESS, "ii", u->id, id) < 0)
		return -1;
	same_dept = a.dept && a.dept == u->dept_id;
	if (!a.found ||
	    !(scope == GW_SCOPE_ALL || a.lead || (scope == GW_SCOPE_DEPARTMENT && same_dept)))
		return 0;
	reason = u->role == GW_ROLE_DIRECTOR || a.lead || (u->role == GW_ROLE_MANAGER && same_dept);
	*level = reason ? (u->clearance >= 3 ? 3 : u->clearance >= 2 ? 2 : 1) : 1;
	return 1;
}

int gw_client_load(struct gw_ctx *ctx, long long id, int level, struct gw_client *c)
{
	struct gw_record_read r = {.ctx = ctx, .d = &desc, .rec = c};
	const char *sql = level >= 3 ? SQL_GET3 : level == 2 ? SQL_GET2 : SQL_GET1;
	int n;

	*c = (struct gw_client){0};
	n = gw_db_each(ctx->db, gw_record_row, &r, sql, "i", id);
	if (n <= 0)
		return n;
	if (gw_record_done(&r))
		return -1;
	c->level = level;
	return 1;
}

struct open_read {
	struct gw_record_read r;
	int lead;
};

static int open_row(void *p, int n, char **v, const size_t *lens, const char *const *names)
{
	struct open_read *o = p;

	for (int i = 0; i < n; i++)
		if (!strcmp(names[i], "is_lead"))
			o->lead = v[i] && !strcmp(v[i], "1");
	return gw_record_row(&o->r, n, v, lens, names);
}

/* The classes the user's clearance reaches, at most max. */
static int cleared_level(const struct gw_user *u, int max)
{
	int l = u->clearance >= 3 ? 3 : u->clearance >= 2 ? 2 : 1;

	return l < max ? l : max;
}

int gw_client_open(struct gw_ctx *ctx, long long id, int max, int *level, struct gw_client *c)
{
	const struct gw_user *u = ctx->user;
	struct open_read o = {{.ctx = ctx, .d = &desc, .rec = c}, 0};
	int cap = cleared_level(u, max), n, same_dept, reason;
	enum gw_scope scope = gw_perm_scope(u->role);
	const char *sql = cap >= 3 ? SQL_OPEN3 : cap == 2 ? SQL_OPEN2 : SQL_OPEN1;

	*c = (struct gw_client){0};
	*level = 0;
	n = gw_db_each(ctx->db, open_row, &o, sql, "iiiii", u->id,
		       (long long)(u->role == GW_ROLE_DIRECTOR),
		       (long long)(u->role == GW_ROLE_MANAGER), u->dept_id, id);
	if (n <= 0)
		return n;
	same_dept = c->department_id && c->department_id == u->dept_id;
	if (!(scope == GW_SCOPE_ALL || o.lead || (scope == GW_SCOPE_DEPARTMENT && same_dept)))
		return 0; /* nothing above basic was read: no reason without scope */
	reason = u->role == GW_ROLE_DIRECTOR || o.lead || (u->role == GW_ROLE_MANAGER && same_dept);
	if (gw_record_done(&o.r))
		return -1;
	*level = c->level = reason ? cap : 1;
	return 1;
}

void gw_client_to_hdf(HDF *hdf, const char *prefix, const struct gw_client *c)
{
	gw_record_to_hdf(hdf, prefix, &desc, c);
}

struct periods_read {
	struct gw_ctx *ctx;
	struct gw_client_period *p;
	int n, max, failed;
};

static int period_row(void *p, int ncols, char **vals, const size_t *lens, const char *const *names)
{
	struct periods_read *pr = p;
	struct gw_record_read r = {.ctx = pr->ctx, .d = &period_desc, .rec = &pr->p[pr->n]};

	if (pr->n == pr->max)
		return 1;
	pr->p[pr->n] = (struct gw_client_period){0};
	gw_record_row(&r, ncols, vals, lens, names);
	if (r.failed)
		pr->failed = 1;
	pr->n++;
	return 0;
}

int gw_client_periods(struct gw_ctx *ctx, long long client_id, struct gw_client_period *p, int max)
{
	struct periods_read pr = {ctx, p, 0, max, 0};

	if (gw_db_each(ctx->db, period_row, &pr, SQL_PERIODS, "ii", client_id, (long long)max) <
		0 ||
	    pr.failed)
		return -1;
	return pr.n;
}

void gw_client_period_to_hdf(struct gw_ctx *ctx, const char *prefix,
			     const struct gw_client_period *p)
{
	char money[32];

	gw_record_to_hdf(ctx->hdf, prefix, &period_desc, p);
	for (int i = 0; gw_client_figures[i]; i++) {
		const char *name = gw_client_figures[i];
		const char *v =
		    gw_record_null(&period_desc, p, name)
			? NULL
			: *(const char *const *)(const void *)((const char *)p +
							       period_cols[i + 3].offset);

		if (!v)
			continue;
		gw_money_format(strtoll(v, NULL, 10), money);
		gw_hdf_set(ctx->hdf, gw_arena_printf(&ctx->arena, "%s.%s", prefix, name), money);
	}
}
