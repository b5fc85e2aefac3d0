/* client_store.c — creating client records and writing their history: the row,
 * its primary contact and lead, the name's search grams, the sealed ID number
 * with its blind index. */
#include <ctype.h>
#include <string.h>

#include "guwen/audit.h"
#include "guwen/client_store.h"
#include "guwen/log.h"

static const char SQL_BY_USCC[] = "SELECT id FROM clients WHERE uscc = ?";
static const char SQL_INSERT[] =
    "INSERT INTO clients (name, uscc, industry, address, tier, department_id, lead_id,"
    " legal_rep_name, main_business, financing_needs, loan_purpose, contact_name,"
    " contact_phone, contact_email, application_id, created_by, created_at, updated_at)"
    " VALUES (?, NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), ?, NULLIF(?, 0), NULLIF(?, 0),"
    " NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''),"
    " NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, 0), NULLIF(?, 0), UTC_TIMESTAMP(),"
    " UTC_TIMESTAMP())";
static const char SQL_SET_ID[] =
    "UPDATE clients SET legal_rep_id = ?, legal_rep_id_bidx = ? WHERE id = ?";
static const char SQL_CONTACT[] =
    "INSERT INTO client_contacts (client_id, name, role, phone, email, wechat, qq, is_primary,"
    " created_at, updated_at) VALUES (?, ?, NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''),"
    " NULLIF(?, ''), NULLIF(?, ''), 1, UTC_TIMESTAMP(), UTC_TIMESTAMP())";
/* the lead row carries the client's name (the lead's list walks it in order) */
static const char SQL_LEAD[] =
    "INSERT IGNORE INTO client_leads (client_id, user_id, name, added_by, added_at, contact_on)"
    " SELECT id, ?, name, NULLIF(?, 0), UTC_TIMESTAMP(), last_contact_on FROM clients"
    " WHERE id = ?";
static const char SQL_USER_NAME[] = "SELECT name FROM users WHERE id = ?";
static const char SQL_CONTACT_LATER[] =
    "UPDATE clients SET last_contact_on = GREATEST(COALESCE(last_contact_on, ?), ?)"
    " WHERE id = ?";
static const char SQL_CONTACT_EXACT[] = "UPDATE clients SET last_contact_on = ? WHERE id = ?";
static const char SQL_LEADS_SYNC[] = "UPDATE client_leads l JOIN clients c ON c.id = l.client_id"
				     " SET l.contact_on = c.last_contact_on WHERE l.client_id = ?"
				     " AND NOT (l.contact_on <=> c.last_contact_on)";
static const char SQL_GRAMS_DEL[] = "DELETE FROM client_name_grams WHERE client_id = ?";
static const char SQL_LEADS_NAME[] = "UPDATE client_leads SET name = ? WHERE client_id = ?";
static const char SQL_GRAM[] =
    "INSERT IGNORE INTO client_name_grams (gram, client_id, name) VALUES (?, ?, ?)";
static const char SQL_HISTORY[] =
    "INSERT INTO client_history (client_id, at, user_id, kind, reason)"
    " VALUES (?, UTC_TIMESTAMP(), NULLIF(?, 0), ?, ?)";
static const char SQL_HFIELD[] =
    "INSERT INTO client_history_fields (history_id, field, level, sealed, old_value, new_value)"
    " VALUES (?, ?, ?, ?, ?, ?)";

static const char *nz(const char *s)
{
	return s ? s : "";
}

int gw_client_by_uscc(struct gw_db *db, const char *uscc, long long *id)
{
	return gw_db_int(db, id, SQL_BY_USCC, "s", uscc);
}

int gw_client_id_bidx(struct gw_ctx *ctx, const char *idno, char out[65])
{
	char up[32];
	size_t i;

	for (i = 0; idno[i] && i < sizeof(up) - 1; i++)
		up[i] = (char)toupper((unsigned char)idno[i]);
	up[i] = 0;
	if (!ctx->keys)
		return -1;
	return gw_crypto_blind_index(ctx->keys, "clients.legal_rep_id", up, out);
}

unsigned char *gw_client_seal(struct gw_ctx *ctx, const char *table, const char *column,
			      long long id, const char *value, size_t *n)
{
	return gw_client_seal_ad(ctx, gw_arena_printf(&ctx->arena, "%s.%s:%lld", table, column, id),
				 value, n);
}

unsigned char *gw_client_seal_ad(struct gw_ctx *ctx, const char *ad, const char *value, size_t *n)
{
	size_t len = strlen(value);
	unsigned char *out = gw_arena_alloc(&ctx->arena, len + GW_SEAL_OVERHEAD);

	if (!ctx->keys || gw_crypto_seal(ctx->keys, ad, value, len, out))
		return NULL;
	*n = len + GW_SEAL_OVERHEAD;
	return out;
}

/* Bytes of the UTF-8 character starting at s (1 for a stray byte). */
static size_t char_len(const unsigned char *s)
{
	size_t n = *s < 0x80 ? 1 : *s >= 0xF0 ? 4 : *s >= 0xE0 ? 3 : *s >= 0xC0 ? 2 : 1;

	for (size_t i = 1; i < n; i++)
		if (!s[i])
			return i;
	return n;
}

int gw_client_each_gram(const char *s, int size, int (*fn)(void *, const char *, size_t), void *arg)
{
	char buf[16];

	while (*s) {
		size_t a = char_len((const unsigned char *)s), b = 0;

		if (size == 2) {
			if (!s[a])
				break;
			b = char_len((const unsigned char *)s + a);
		}
		memcpy(buf, s, a + b);
		for (size_t i = 0; i < a + b; i++)
			buf[i] = (char)tolower((unsigned char)buf[i]);
		buf[a + b] = 0;
		if (fn(arg, buf, a + b))
			return -1;
		s += a;
	}
	return 0;
}

/* A gram counted up to 1,000 clients: enough to tell rare from common. */
static const char SQL_GRAM_COUNT[] =
    "SELECT COUNT(*) FROM (SELECT 1 FROM client_name_grams WHERE gram = ? LIMIT 1000) t";

struct rarest {
	struct gw_ctx *ctx;
	const char *best;
	long long n;
	int tried;
	int choice; /* the text has more than one gram of the size tried */
};

static int try_gram(void *p, const char *gram, size_t len)
{
	struct rarest *r = p;
	long long n = 0;

	if (!r->choice) { /* the only one: no need to count it */
		r->best = gw_arena_strndup(&r->ctx->arena, gram, len);
		return 1;
	}
	if (r->tried++ == 8 || gw_db_int(r->ctx->db, &n, SQL_GRAM_COUNT, "s", gram) < 0)
		return 1;
	if (!r->best || n < r->n) {
		r->best = gw_arena_strndup(&r->ctx->arena, gram, len);
		r->n = n;
	}
	return n < 100; /* rare enough (none: nothing can match) */
}

static int count_gram(void *p, const char *gram, size_t len)
{
	(void)gram, (void)len;
	return ++*(int *)p > 1; /* two are enough to have a choice */
}

/* The rarest gram of the given size into r (none: r->best stays NULL). */
static void rarest_of(struct rarest *r, const char *q, int size)
{
	int grams = 0;

	gw_client_each_gram(q, size, count_gram, &grams);
	r->choice = grams > 1;
	gw_client_each_gram(q, size, try_gram, r);
}

const char *gw_client_rarest_gram(struct gw_ctx *ctx, const char *q)
{
	struct rarest r = {ctx, NULL, 0, 0, 0};

	rarest_of(&r, q, 2);
	if (!r.best)
		rarest_of(&r, q, 1);
	return r.best ? r.best : "";
}

const char *gw_client_like(struct gw_ctx *ctx, const char *s)
{
	char *out = gw_arena_alloc(&ctx->arena, 2 * strlen(s) + 3), *p = out;

	*p++ = '%';
	for (; *s; s++) {
		if (strchr("%_\\", *s))
			*p++ = '\\';
		*p++ = *s;
	}
	strcpy(p, "%");
	return out;
}

struct gram_put {
	struct gw_ctx *ctx;
	long long id;
	const char *name;
};

static int put_gram(void *p, const char *gram, size_t n)
{
	struct gram_put *g = p;

	(void)n;
	return gw_db_exec(g->ctx->db, SQL_GRAM, "sis", gram, g->id, g->name) < 0 ? -1 : 0;
}

int gw_client_grams(struct gw_ctx *ctx, long long id, const char *name)
{
	struct gram_put g = {ctx, id, name};

	if (gw_db_exec(ctx->db, SQL_GRAMS_DEL, "i", id) < 0 ||
	    gw_db_exec(ctx->db, SQL_LEADS_NAME, "si", name, id) < 0)
		return -1;
	return gw_client_each_gram(name, 1, put_gram, &g) ||
		       gw_client_each_gram(name, 2, put_gram, &g)
		   ? -1
		   : 0;
}

long long gw_client_history(struct gw_ctx *ctx, long long client_id, const char *kind,
			    const char *reason)
{
	long long uid = ctx->user ? ctx->user->id : 0;

	if (gw_db_exec(ctx->db, SQL_HISTORY, "iiss", client_id, uid, kind, reason) != 1)
		return -1;
	return gw_db_insert_id(ctx->db);
}

const char *gw_client_history_ad(struct gw_ctx *ctx, const char *side, long long hid,
				 const char *field)
{
	return gw_arena_printf(&ctx->arena, "client_history_fields.%s_value:%lld.%s", side, hid,
			       field);
}

/* A level-3 value of a history field sealed for (history row, field, side). */
static const unsigned char *seal_side(struct gw_ctx *ctx, long long hid, const char *field,
				      const char *side, const char *value, size_t *n)
{
	*n = 0;
	if (!value || !*value)
		return NULL;
	return gw_client_seal_ad(ctx, gw_client_history_ad(ctx, side, hid, field), value, n);
}

int gw_client_history_field(struct gw_ctx *ctx, long long hid, const char *field, int level,
			    const char *old_value, const char *new_value)
{
	int sealed = level >= 3;
	const void *o = old_value && *old_value ? old_value : NULL;
	const void *n = new_value && *new_value ? new_value : NULL;
	size_t ol = o ? strlen(old_value) : 0, nl = n ? strlen(new_value) : 0;

	if (sealed) {
		o = seal_side(ctx, hid, field, "old", old_value, &ol);
		n = seal_side(ctx, hid, field, "new", new_value, &nl);
		if ((old_value && *old_value && !o) || (new_value && *new_value && !n))
			return -1;
	}
	return gw_db_exec(ctx->db, SQL_HFIELD, "isiibb", hid, field, (long long)level,
			  (long long)sealed, o, ol, n, nl) == 1
		   ? 0
		   : -1;
}

static long long insert_row(struct gw_ctx *ctx, const struct gw_client_new *c)
{
	long long uid = ctx->user ? ctx->user->id : 0;
	const char *tier = c->tier && !strcmp(c->tier, "premium") ? "premium" : "normal";

	if (gw_db_exec(ctx->db, SQL_INSERT, "sssssiisssssssii", c->name, c->uscc, c->industry,
		       c->address, tier, c->department_id, c->lead_id, c->legal_rep_name,
		       c->main_business, c->financing_needs, c->loan_purpose, c->contact_name,
		       c->contact_phone, c->contact_email, c->application_id, uid) != 1)
		return gw_db_errno(ctx->db) == 1062 ? 0 : -1;
	return gw_db_insert_id(ctx->db);
}

static int seal_id_number(struct gw_ctx *ctx, long long id, const char *idno)
{
	unsigned char *sealed;
	size_t n = 0;
	char bidx[65];

	if (!idno || !*idno)
		return 0;
	idno = gw_arena_strdup(&ctx->arena, idno);
	for (char *p = (char *)idno; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	if (gw_client_id_bidx(ctx, idno, bidx) ||
	    !(sealed = gw_client_seal(ctx, "clients", "legal_rep_id", id, idno, &n)))
		return -1;
	return gw_db_exec(ctx->db, SQL_SET_ID, "bsi", sealed, n, bidx, id) == 1 ? 0 : -1;
}

static int contact_and_lead(struct gw_ctx *ctx, long long id, const struct gw_client_new *c)
{
	if (c->contact_name && *c->contact_name &&
	    gw_db_exec(ctx->db, SQL_CONTACT, "issssss", id, c->contact_name, nz(c->contact_role),
		       nz(c->contact_phone), nz(c->contact_email), nz(c->contact_wechat),
		       nz(c->contact_qq)) != 1)
		return -1;
	if (c->lead_id && gw_client_add_lead(ctx, id, c->lead_id) < 0)
		return -1;
	return 0;
}

/* Everything of a new client inside the open transaction. */
static long long create_in_tx(struct gw_ctx *ctx, const struct gw_client_new *c,
			      long long *existing_id)
{
	long long id;

	if (c->uscc && *c->uscc) {
		int found = gw_client_by_uscc(ctx->db, c->uscc, existing_id);

		if (found)
			return found > 0 ? 0 : -1;
	}
	if ((id = insert_row(ctx, c)) <= 0) {
		if (id == 0 && gw_client_by_uscc(ctx->db, c->uscc, existing_id) != 1)
			return -1;
		return id;
	}
	if (seal_id_number(ctx, id, c->legal_rep_id) || contact_and_lead(ctx, id, c) ||
	    gw_client_grams(ctx, id, c->name) ||
	    gw_client_history(ctx, id, "created", c->reason && *c->reason ? c->reason : "created") <
		0 ||
	    gw_audit(ctx, "client.create", "client", id, "%s",
		     c->application_id ? "from application" : "staff"))
		return -1;
	return id;
}

long long gw_client_create(struct gw_ctx *ctx, const struct gw_client_new *c,
			   long long *existing_id)
{
	long long id;

	*existing_id = 0;
	if (c->in_tx)
		return create_in_tx(ctx, c, existing_id);
	if (gw_db_begin(ctx->db))
		return -1;
	id = create_in_tx(ctx, c, existing_id);
	if (id <= 0) {
		gw_db_rollback(ctx->db);
		return id;
	}
	if (gw_db_commit(ctx->db)) {
		gw_db_rollback(ctx->db);
		gw_log_error("creating a client failed at commit");
		return -1;
	}
	return id;
}

long long gw_client_add_lead(struct gw_ctx *ctx, long long client_id, long long user_id)
{
	long long by = ctx->user ? ctx->user->id : 0;

	return gw_db_exec(ctx->db, SQL_LEAD, "iii", user_id, by, client_id);
}

/* client_leads.contact_on of the client's leads := clients.last_contact_on */
static int leads_sync(struct gw_db *db, long long client_id)
{
	return gw_db_exec(db, SQL_LEADS_SYNC, "i", client_id) < 0 ? -1 : 0;
}

int gw_client_contact_set(struct gw_db *db, long long client_id, const char *on, int exact)
{
	long long n = exact ? gw_db_exec(db, SQL_CONTACT_EXACT, "si", on, client_id)
			    : gw_db_exec(db, SQL_CONTACT_LATER, "ssi", on, on, client_id);

	return n < 0 ? -1 : leads_sync(db, client_id);
}

int gw_client_project_lead(struct gw_ctx *ctx, long long client_id, long long user_id,
			   long long project_id)
{
	long long n = gw_client_add_lead(ctx, client_id, user_id);
	const char *name;

	if (n <= 0)
		return n < 0 ? -1 : 0; /* a lead already */
	if (gw_db_row(ctx->db, ctx->hdf, "Chk.ProjectLead", SQL_USER_NAME, "i", user_id) != 1)
		return -1;
	name = hdf_get_value(ctx->hdf, "Chk.ProjectLead.name", "");
	return gw_client_history(ctx, client_id, "lead",
				 gw_arena_printf(&ctx->arena, "+ %s (#%lld)", name, project_id)) < 0
		   ? -1
		   : 0;
}
