/* client_store.h — writing client records (客户档案): creating a client with its
 * primary contact and lead, the name's search grams, the sealed level-3 values
 * and their blind index, and the history of every change. Used by clients.fcgi,
 * the onboarding applications (approve → client) and `guwen demo`. */
#ifndef GUWEN_CLIENT_STORE_H
#define GUWEN_CLIENT_STORE_H

#include "guwen/ctx.h"

/* A new client. Every text may be NULL or "" (not given) except name. The
 * caller has validated the values (gw_valid_uscc, gw_valid_idcard,
 * gw_valid_phone, gw_valid_email); phone in the normal form it keeps. */
struct gw_client_new {
	const char *name; /* required */
	const char *uscc; /* 18 chars, upper case, or NULL */
	const char *industry, *address;
	const char *tier;	 /* "normal" (default) or "premium" */
	long long department_id; /* 0 = none */
	long long lead_id;	 /* the main lead (a user), 0 = none */
	const char *legal_rep_name;
	const char *legal_rep_id; /* ID number: stored sealed, blind-indexed */
	const char *main_business, *financing_needs, *loan_purpose; /* level 2 */
	/* the primary contact (name required for a contact row to be written) */
	const char *contact_name, *contact_role, *contact_phone, *contact_email;
	const char *contact_wechat, *contact_qq;
	long long application_id; /* the onboarding application, 0 = none */
	const char *reason;	  /* history reason; NULL: "created" */
	/* 1 when the caller has a transaction open (gw_db_begin) and commits it
	 * itself; 0: gw_client_create runs its own. */
	int in_tx;
};

/* Create a client with its primary contact, main lead, name grams, sealed ID
 * number (and blind index) and its "created" history row, audited
 * ("client.create"). Returns the new id (> 0); 0 when a client with this USCC
 * exists already (*existing_id set to it; nothing written); -1 on a database
 * error (in the caller's transaction: that transaction has failed). */
long long gw_client_create(struct gw_ctx *ctx, const struct gw_client_new *c,
			   long long *existing_id);

/* The id of the client with this USCC: 1 found (*id set), 0 none, -1 error. */
int gw_client_by_uscc(struct gw_db *db, const char *uscc, long long *id);
/* The blind index of an ID number (upper-cased X) into out[65]; 0 or -1. */
int gw_client_id_bidx(struct gw_ctx *ctx, const char *idno, char out[65]);
/* Seal a value for table.column of row id ("<table>.<column>:<id>" as the
 * associated data): bytes in the arena, their length into *n. NULL on failure. */
unsigned char *gw_client_seal(struct gw_ctx *ctx, const char *table, const char *column,
			      long long id, const char *value, size_t *n);
/* The same with the associated data given. */
unsigned char *gw_client_seal_ad(struct gw_ctx *ctx, const char *ad, const char *value, size_t *n);
/* The associated data of a sealed history value: side "old" or "new" of field
 * in history row hid ("client_history_fields.old_value:<hid>.<field>"). */
const char *gw_client_history_ad(struct gw_ctx *ctx, const char *side, long long hid,
				 const char *field);
/* Replace the name grams of a client (after a rename), and the name its lead
 * rows carry; 0 or -1. */
int gw_client_grams(struct gw_ctx *ctx, long long id, const char *name);
/* The grams of a search text: its 1- or 2-character pieces lower-cased, as
 * stored. Calls fn for each (gram, its byte length); fn returns 0 to go on. */
int gw_client_each_gram(const char *s, int size, int (*fn)(void *, const char *, size_t),
			void *arg);
/* The gram of a search text that the fewest clients' names hold (its 2-character
 * grams first, then 1-character; at most 8 counted, none when the text has only
 * one of the size), in the arena; "" when the text has none. A name search
 * walks that gram's rows (client_name_grams). */
const char *gw_client_rarest_gram(struct gw_ctx *ctx, const char *q);
/* "%text%" for LIKE with the text's own %, _ and backslash taken literally, in the arena. */
const char *gw_client_like(struct gw_ctx *ctx, const char *s);

/* Make user a lead of the client (INSERT IGNORE: once), the row carrying the
 * client's name and last contact as ix_client_leads_user_name and
 * ix_client_leads_contact walk them: every lead row is written here. Returns
 * the rows added (1, or 0 when a lead already), -1. */
long long gw_client_add_lead(struct gw_ctx *ctx, long long client_id, long long user_id);
/* The lead of one of the client's projects becomes a lead of the client
 * (DOMAIN.md: a lead on one of its projects has a reason to see the client, and
 * leads share its documents; every client rule reads client_leads), with a
 * history row when they were not one yet. In the caller's transaction; 0 or -1. */
int gw_client_project_lead(struct gw_ctx *ctx, long long client_id, long long user_id,
			   long long project_id);
/* The client's last contact (DOMAIN.md "Regular contact") is the day on
 * ("YYYY-MM-DD"): exact 1 sets it (by hand, may correct it back), exact 0 only
 * moves it later (a complaint, a visit). The leads' copy follows. 0 or -1. */
int gw_client_contact_set(struct gw_db *db, long long client_id, const char *on, int exact);
/* A history row (kind: created, edited, verified, contacted, contact, lead,
 * period, file) with its reason; returns its id or -1. */
long long gw_client_history(struct gw_ctx *ctx, long long client_id, const char *kind,
			    const char *reason);
/* A changed field of history row hid: old and new value (NULL = empty); level 3
 * values are sealed (gw_client_history_ad). 0 or -1. */
int gw_client_history_field(struct gw_ctx *ctx, long long hid, const char *field, int level,
			    const char *old_value, const char *new_value);

#endif
