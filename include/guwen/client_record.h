/* client_record.h — a client (客户档案) as a typed record: who may see which of
 * its classes of information, the one loader of a client (sealed ID number
 * opened, level-3 reads audited) and of its financial periods. Handlers read
 * the structs, never the page data. */
#ifndef GUWEN_CLIENT_RECORD_H
#define GUWEN_CLIENT_RECORD_H

#include <stdint.h>

#include "guwen/ctx.h"

/* Texts are NULL for SQL NULL or for a class not loaded. */
struct gw_client {
	long long id, department_id, lead_id, version, verified_by, application_id;
	long long stale; /* not contacted within the contact cycle */
	const char *name, *uscc, *industry, *address, *tier, *legal_rep_name;
	const char *legal_rep_id;				    /* level 3, sealed */
	const char *main_business, *financing_needs, *loan_purpose; /* level 2 */
	const char *contact_name, *contact_phone, *contact_email, *last_contact_on;
	const char *verified_at, *verified_by_name, *dept_name, *lead_name;
	const char *created_at, *updated_at;
	int level;	/* the classes loaded: 1 basic, 2 + business, 3 + financial */
	uint64_t nulls; /* gw_record_null */
};

/* A financial period (level 3): the key figures in fen as decimal texts. */
struct gw_client_period {
	long long id, client_id;
	const char *period;
	const char *total_assets, *total_liabilities, *owners_equity, *revenue, *total_profit;
	const char *net_profit, *operating_cash_flow, *investing_cash_flow;
	const char *financing_cash_flow, *vat_payable, *income_tax_payable;
	uint64_t nulls;
};

/* The period's figure columns, in their order (NULL-terminated). */
extern const char *const gw_client_figures[];

/* What the signed-in user may see of client id: 0 when the client is not in
 * their lists (not there, or no lead, department or director reach) — the
 * handler answers 404; else 1 with *level the classes they see: 3 or 2 (their
 * clearance) with a reason to see this client (a lead on it, the manager of its
 * department, a director), 1 without one. -1 on a database error. */
int gw_client_access(struct gw_ctx *ctx, long long id, int *level);
/* The SQL condition (on clients c) and its 4 arguments of the clients in the
 * user's lists, for lists and look-ups: scope, user, scope, department. */
#define GW_CLIENT_SCOPE                                                                            \
	"(? = 3 OR c.id IN (SELECT cl_.client_id FROM client_leads cl_ WHERE cl_.user_id = ?)"     \
	" OR (? = 2 AND c.department_id = ?))"
/* ... and the clients whose level-3 data the user has a reason to see (for the
 * search by ID number): director, user, manager, department. */
#define GW_CLIENT_REASON                                                                           \
	"(? = 1 OR c.id IN (SELECT cr_.client_id FROM client_leads cr_ WHERE cr_.user_id = ?)"     \
	" OR (? = 1 AND c.department_id = ?))"
void gw_client_scope_args(struct gw_ctx *ctx, struct gw_db_arg args[4]);
void gw_client_reason_args(struct gw_ctx *ctx, struct gw_db_arg args[4]);

/* Client id into *c with the classes up to level (from gw_client_access):
 * level 3 opens the sealed ID number and audits its read. 1 found, 0 none, -1
 * error (also a sealed value that does not open). */
int gw_client_load(struct gw_ctx *ctx, long long id, int level, struct gw_client *c);
/* gw_client_access and gw_client_load in one statement: the client id as far
 * as the user may see it, no class above max loaded. 1 (c loaded, *level the
 * classes it holds), 0 not in the user's lists (404), -1 error. The classes
 * above basic are read only for a user with a reason to see them. */
int gw_client_open(struct gw_ctx *ctx, long long id, int max, int *level, struct gw_client *c);
/* The client under prefix for the templates (NULL columns left out). */
void gw_client_to_hdf(HDF *hdf, const char *prefix, const struct gw_client *c);
/* The financial periods of a client (newest first, at most max) into p[]:
 * opened; the caller audits the read (client.read_financial). The count or -1. */
int gw_client_periods(struct gw_ctx *ctx, long long client_id, struct gw_client_period *p, int max);
/* A period under prefix for the templates, figures formatted as yuan. */
void gw_client_period_to_hdf(struct gw_ctx *ctx, const char *prefix,
			     const struct gw_client_period *p);

#endif
