/* complaints.c — the back office of complaints (投诉处理): the lists and their
 * CSV export, registering complaints taken by phone, visit or e-mail, and each
 * complaint's page with its timeline and the actions on it (classify, move to
 * the next stage, internal note, reply to the complainant, wait, refer to
 * market). A complaint outside the user's lists answers 404 on every route. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/app.h"
#include "guwen/audit.h"
#include "guwen/complaint.h"
#include "guwen/complaint_db.h"
#include "guwen/csv.h"
#include "guwen/form.h"
#include "guwen/mail.h"
#include "guwen/upload.h"
#include "guwen/valid.h"
#include "guwen/view.h"

#define PAGE_ROWS 20
#define EXPORT_MAX 100000
#define MAX_ID 4294967295LL

/* ---- forms ------------------------------------------------------------------ */

static const char *const source_choices[] = { "phone", "visit", "email", NULL };
static const char *const severity_choices[] = { "a", "b", "c", "d", NULL };
static const char *const next_stage_choices[] = { "investigating", "resolved", "followup",
						  "closed", NULL };

enum { R_SOURCE, R_NAME, R_PHONE, R_EMAIL, R_COMPANY, R_CLIENT, R_SUBJECT, R_ADVISOR,
       R_HAPPENED, R_DESCRIPTION, R__N };
static const struct gw_fdef register_form[] = {
	{ "source", GW_F_CHOICE, 1, 8, 0, 0, source_choices },
	{ "name", GW_F_TEXT, 1, 100, 0, 0, NULL },
	{ "phone", GW_F_PHONE, 0, 32, 0, 0, NULL },
	{ "email", GW_F_EMAIL, 0, 254, 0, 0, NULL },
	{ "company", GW_F_TEXT, 0, 200, 0, 0, NULL },
	{ "client", GW_F_INT, 0, 10, 1, MAX_ID, NULL },
	{ "subject", GW_F_TEXT, 0, 200, 0, 0, NULL },
	{ "advisor", GW_F_INT, 0, 10, 1, MAX_ID, NULL },
	{ "happened_on", GW_F_DATE, 0, 10, 0, 0, NULL },
	{ "description", GW_F_TEXTAREA, 1, 5000, 0, 0, NULL },
	{ NULL, 0, 0, 0, 0, 0, NULL },
};

enum { K_SEVERITY, K_DEPARTMENT, K_OWNER, K_REASON, K__N };
static const struct gw_fdef classify_form[] = {
	{ "severity", GW_F_CHOICE, 1, 1, 0, 0, severity_choices },
	{ "department", GW_F_INT, 0, 10, 1, MAX_ID, NULL },
	{ "owner", GW_F_INT, 0, 10, 1, MAX_ID, NULL },
	{ "reason", GW_F_TEXTAREA, 0, 1000, 0, 0, NULL },
	{ NULL, 0, 0, 0, 0, 0, NULL },
};

enum { S_TO, S_DONE, S_FOLLOWUP, S_CAUSE, S_ACTION, S__N };
static const struct gw_fdef stage_form[] = {
	{ "to", GW_F_CHOICE, 1, 16, 0, 0, next_stage_choices },
	{ "done", GW_F_TEXTAREA, 0, 5000, 0, 0, NULL },
	{ "followup", GW_F_TEXTAREA, 0, 2000, 0, 0, NULL },
	{ "root_cause", GW_F_TEXTAREA, 0, 5000, 0, 0, NULL },
	{ "corrective_action", GW_F_TEXTAREA, 0, 5000, 0, 0, NULL },
	{ NULL, 0, 0, 0, 0, 0, NULL },
};

static const struct gw_fdef note_form[] = {
	{ "note", GW_F_TEXTAREA, 1, 5000, 0, 0, NULL },
	{ NULL, 0, 0, 0, 0, 0, NULL },
};
static const struct gw_fdef reply_form[] = {
	{ "reply", GW_F_TEXTAREA, 1, 5000, 0, 0, NULL },
	{ NULL, 0, 0, 0, 0, 0, NULL },
};
static const struct gw_fdef wait_form[] = {
	{ "wait_note", GW_F_TEXT, 0, 500, 0, 0, NULL },
	{ NULL, 0, 0, 0, 0, 0, NULL },
};
static const struct gw_fdef refer_form[] = {
	{ "refer", GW_F_TEXTAREA, 1, 5000, 0, 0, NULL },
	{ NULL, 0, 0, 0, 0, 0, NULL },
};
static const struct gw_fdef discard_form[] = {
	{ "discard_reason", GW_F_TEXTAREA, 1, 1000, 0, 0, NULL },
	{ NULL, 0, 0, 0, 0, 0, NULL },
};

/* ---- statements ------------------------------------------------------------- */

/* Overdue: not yet resolved, the clock running, the resolution deadline passed. */
#define OVERDUE "(c.stage IN ('registered', 'investigating') AND c.waiting_since IS NULL" \
		" AND c.resolution_due < ?)"

/* The list's columns in this order (see enum col); filters, then keyset paging
 * on id (newest first, no COUNT). Empty text / 0 leaves a filter out. */
#define LIST_SELECT                                                                          \
	"SELECT c.id, c.tracking_no, c.source, c.name, c.company, c.severity, c.stage,"      \
	" c.created_at, c.resolution_due, c.waiting_since IS NOT NULL AS waiting,"          \
	" d.name AS dept_name, ow.name AS owner_name, cl.name AS client_name, " OVERDUE     \
	" AS overdue FROM complaints c LEFT JOIN departments d ON d.id = c.department_id"   \
	" LEFT JOIN users ow ON ow.id = c.owner_id LEFT JOIN clients cl ON cl.id = c.client_id"
#define LIST_FILTER                                                                          \
	" AND (? = '' OR c.stage = ?) AND (? = '' OR c.severity <=> NULLIF(?, 'none'))"     \
	" AND (? = '' OR c.source = ?) AND (? = 0 OR " OVERDUE ")"                          \
	" AND (? = 0 OR c.client_id = ?) AND (? = 0 OR c.advisor_id = ?)"                   \
	" AND c.id < ? ORDER BY c.id DESC LIMIT ?"
#define LIST_ARGS "sissssssisiiiiii"
enum col { C_ID, C_TRACKING, C_SOURCE, C_NAME, C_COMPANY, C_SEVERITY, C_STAGE, C_CREATED,
	   C_DUE, C_WAITING, C_DEPT, C_OWNER, C_CLIENT, C_OVERDUE, C__N };

/* suspected (待核实) and discarded public posts are in no list but their own */
#define LIST_TRUSTED " AND c.trust = 'ok'"
static const char SQL_LIST_MINE[] = LIST_SELECT " WHERE c.owner_id = ?" LIST_TRUSTED LIST_FILTER;
static const char SQL_LIST_DEPT[] =
	LIST_SELECT " WHERE c.department_id = ?" LIST_TRUSTED LIST_FILTER;
/* a classifier's department list also holds the new ones nobody has yet */
static const char SQL_LIST_DEPT_NEW[] =
	LIST_SELECT " WHERE (c.department_id = ? OR c.department_id IS NULL)"
		    " AND (c.department_id IS NOT NULL OR c.severity IS NULL)" LIST_TRUSTED LIST_FILTER;
static const char SQL_LIST_ALL[] = LIST_SELECT " WHERE c.id > ?" LIST_TRUSTED LIST_FILTER;
static const char SQL_LIST_SUSPECTED[] =
	LIST_SELECT " WHERE c.trust = 'suspected' AND c.id > ?" LIST_FILTER;

static const char SQL_GET[] =
	"SELECT c.id, c.tracking_no, c.source, c.name, c.phone, c.email, c.company, c.client_id,"
	" cl.name AS client_name, c.subject_text, c.advisor_id, av.name AS advisor_name,"
	" c.happened_on, c.description, c.severity, c.stage, c.department_id,"
	" d.name AS dept_name, c.owner_id, ow.name AS owner_name, c.response_due,"
	" c.resolution_due, c.responded_at, c.resolved_at, c.closed_at, c.waiting_since,"
	" c.escalation, c.warned_at, c.root_cause, c.corrective_action, c.rating,"
	" c.rating_comment, c.rated_at, c.created_at, cb.name AS created_by_name, c.version,"
	" c.trust, c.suspect_reason, c.released_at,"
	/* a released suspected post's clock starts at its release */
	" UNIX_TIMESTAMP(COALESCE(c.released_at, c.created_at)) AS created_ts, UNIX_TIMESTAMP(c.waiting_since) AS waiting_ts,"
	" UNIX_TIMESTAMP(c.response_due) AS response_ts,"
	" UNIX_TIMESTAMP(c.resolution_due) AS resolution_ts, " OVERDUE " AS overdue,"
	" (c.responded_at IS NULL AND c.waiting_since IS NULL AND c.response_due < ?)"
	" AS response_overdue"
	" FROM complaints c LEFT JOIN clients cl ON cl.id = c.client_id"
	" LEFT JOIN users av ON av.id = c.advisor_id"
	" LEFT JOIN departments d ON d.id = c.department_id"
	" LEFT JOIN users ow ON ow.id = c.owner_id LEFT JOIN users cb ON cb.id = c.created_by"
	" WHERE c.id = ?";
static const char SQL_EVENTS[] =
	"SELECT e.id, e.at, e.kind, e.visibility, e.body, u.name AS user_name"
	" FROM complaint_events e LEFT JOIN users u ON u.id = e.user_id"
	" WHERE e.complaint_id = ? ORDER BY e.id";
static const char SQL_FILES[] =
	"SELECT id, orig_name, ctype, size FROM complaint_files WHERE complaint_id = ? ORDER BY id";
static const char SQL_FILE[] =
	"SELECT stored_name, orig_name, ctype FROM complaint_files WHERE id = ? AND complaint_id = ?";

static const char SQL_DEPTS[] = "SELECT id, name FROM departments WHERE active = 1 ORDER BY name";
static const char SQL_OWNERS[] =
	"SELECT u.id, u.name, u.role, d.name FROM users u"
	" LEFT JOIN departments d ON d.id = u.department_id"
	" WHERE u.active = 1 AND u.role IN ('advisor', 'manager', 'director') ORDER BY u.name";
static const char SQL_ADVISORS[] =
	"SELECT id, name FROM users WHERE active = 1 AND role = 'advisor' ORDER BY name";
/* The clients a user has a reason to see (DOMAIN.md: their lead, their
 * department's managers, directors): scope, user, scope, department. */
#define CLIENT_SCOPE " AND (? = 3 OR lead_id = ? OR (? = 2 AND department_id = ?))"
#define CLIENT_SCOPE_ARGS "iiii"
/* a select, so bounded; the clients module will bring a search */
static const char SQL_CLIENTS[] =
	"SELECT id, name FROM clients WHERE active = 1" CLIENT_SCOPE " ORDER BY name LIMIT 2000";
/* A registration form's key, once used: a reload or a second click of the same
 * form finds it instead of registering the complaint again. */
static const char SQL_KEY_USE[] =
	"INSERT IGNORE INTO staff_form_keys (form_key, user_id, used_at) VALUES (?, ?, ?)";
static const char SQL_KEY_DONE[] =
	"UPDATE staff_form_keys SET complaint_id = ? WHERE form_key = ? AND user_id = ?";
static const char SQL_KEY_FIND[] =
	"SELECT COALESCE(complaint_id, 0) FROM staff_form_keys WHERE form_key = ? AND user_id = ?";
static const char SQL_CLIENT_NAME[] = "SELECT name FROM clients WHERE id = ?" CLIENT_SCOPE;
static const char SQL_CLIENT_OK[] =
	"SELECT id FROM clients WHERE id = ? AND active = 1" CLIENT_SCOPE;
static const char SQL_ADVISOR_OK[] =
	"SELECT COUNT(*) FROM users WHERE id = ? AND active = 1 AND role = 'advisor'";
static const char SQL_DEPT[] = "SELECT name FROM departments WHERE id = ? AND active = 1";
static const char SQL_OWNER[] =
	"SELECT name, role, COALESCE(department_id, 0) AS dept FROM users"
	" WHERE id = ? AND active = 1 AND role IN ('advisor', 'manager', 'director')";

static const char SQL_CLASSIFY[] =
	"UPDATE complaints SET severity = ?, department_id = NULLIF(?, 0), owner_id = NULLIF(?, 0),"
	" response_due = COALESCE(?, response_due), resolution_due = COALESCE(?, resolution_due),"
	" updated_at = ? WHERE id = ?";
/* left to right: warned_at is cleared (for the resolution deadline's own warning)
 * only on the move that answers the complaint */
static const char SQL_STAGE[] =
	"UPDATE complaints SET stage = ?,"
	" warned_at = IF(responded_at IS NULL AND escalation = 0, NULL, warned_at),"
	" responded_at = COALESCE(responded_at, ?),"
	" resolved_at = IF(? = 'resolved', ?, resolved_at), closed_at = IF(? = 'closed', ?, closed_at),"
	" root_cause = COALESCE(NULLIF(?, ''), root_cause),"
	" corrective_action = COALESCE(NULLIF(?, ''), corrective_action), updated_at = ?"
	" WHERE id = ? AND stage = ?";
static const char SQL_WAIT[] =
	"UPDATE complaints SET waiting_since = ?, updated_at = ? WHERE id = ? AND waiting_since IS NULL";
static const char SQL_RESUME[] =
	"UPDATE complaints SET waiting_since = NULL, response_due = ?, resolution_due = ?,"
	" updated_at = ? WHERE id = ? AND waiting_since IS NOT NULL";
static const char SQL_TOUCH[] = "UPDATE complaints SET updated_at = ? WHERE id = ?";
/* Every action claims the complaint at the version its form showed: the row is
 * locked until the commit, and a second action from the same state finds 0 rows. */
static const char SQL_CLAIM[] =
	"UPDATE complaints SET version = version + 1 WHERE id = ? AND version = ?";
static const char SQL_RELEASE[] =
	"UPDATE complaints SET trust = 'ok', released_at = ?, updated_at = ?,"
	" version = version + 1"
	" WHERE id = ? AND trust = 'suspected'";
static const char SQL_DISCARD[] =
	"UPDATE complaints SET trust = 'discarded', updated_at = ?,"
	" version = version + 1 WHERE id = ? AND trust = 'suspected'";

/* ---- helpers ---------------------------------------------------------------- */

static long long hdf_ll(HDF *h, const char *name)
{
	const char *v = hdf_get_value(h, name, NULL);

	return v ? strtoll(v, NULL, 10) : 0;
}

/* Remove a subtree of the page's data (absent is fine). */
static void drop(struct gw_ctx *ctx, const char *name)
{
	NEOERR *err = hdf_remove_tree(ctx->hdf, name);

	nerr_ignore(&err);
}

static int has(struct gw_ctx *ctx, enum gw_perm p)
{
	return gw_perm_has(ctx->user->role, p);
}

/* UTC seconds as "YYYY-MM-DD HH:MM:SS" in the arena; 0 gives NULL (SQL NULL). */
static const char *utc_text(struct gw_ctx *ctx, int64_t t)
{
	char *s;

	if (!t)
		return NULL;
	s = gw_arena_alloc(&ctx->arena, 20);
	gw_time_format(t, s);
	return s;
}

/* The same instant in local time, for texts people read. */
static const char *local_text(struct gw_ctx *ctx, int64_t t)
{
	return utc_text(ctx, t + gw_tz_minutes(ctx) * 60LL);
}

static const char *word(struct gw_ctx *ctx, const char *key)
{
	return gw_view_word(ctx, key);
}

static const char *wordf(struct gw_ctx *ctx, const char *prefix, const char *key)
{
	return gw_view_word(ctx, gw_arena_printf(&ctx->arena, "%s.%s", prefix, key));
}

static const char *severity_word(struct gw_ctx *ctx, const char *sev)
{
	return sev && *sev ? wordf(ctx, "L.Complaint.Severities", sev)
			   : word(ctx, "L.Complaint.Unclassified");
}

static const char *path_of(struct gw_ctx *ctx, long long id)
{
	return gw_arena_printf(&ctx->arena, "/%lld", id);
}

/* Words for the complainant are in the site's language, not the staff member's. */
static const char *public_lang(struct gw_ctx *ctx)
{
	const char *l = ctx->lang;

	ctx->lang = hdf_get_value(ctx->cfg, "App.Lang", "zh-CN");
	return l;
}

/* ---- scope ------------------------------------------------------------------ */

/* The lists a user may see: their own, their department's, the new ones nobody
 * has yet for those who classify, everything with COMPLAINT_ALL. C.* is loaded. */
static int in_scope(struct gw_ctx *ctx)
{
	long long dept = hdf_ll(ctx->hdf, "C.department_id");

	if (has(ctx, GW_PERM_COMPLAINT_ALL) || hdf_ll(ctx->hdf, "C.owner_id") == ctx->user->id)
		return 1;
	if (dept)
		return dept == ctx->user->dept_id;
	return !hdf_get_value(ctx->hdf, "C.severity", NULL) &&
	       has(ctx, GW_PERM_COMPLAINT_CLASSIFY);
}

/* The complaint id into C.* when the user may see it. Returns 0, 404 or 500. */
static int load(struct gw_ctx *ctx, long long id)
{
	const char *now = gw_now_utc(ctx);
	int r;

	if (id <= 0)
		return 404;
	r = gw_db_row(ctx->db, ctx->hdf, "C", SQL_GET, "ssi", now, now, id);
	if (r < 0)
		return 500;
	if (r == 0 || !in_scope(ctx)) {
		drop(ctx, "C");
		return 404;
	}
	return 0;
}

static int is_closed(struct gw_ctx *ctx);

/* ---- two staff on one complaint ----------------------------------------------- */

/* The version the action's form was shown with (hidden field "version"); the
 * loaded one when the form sent none. -1 when it is not a number. */
static long long form_version(struct gw_ctx *ctx)
{
	const char *sent = gw_form(&ctx->req, "version");
	int64_t v;

	if (!sent)
		return hdf_ll(ctx->hdf, "C.version");
	return gw_valid_int(sent, 0, UINT32_MAX, &v) ? -1 : v;
}

/* 1 when the complaint changed since the action's form was shown (C.* loaded). */
static int stale(struct gw_ctx *ctx)
{
	return form_version(ctx) != hdf_ll(ctx->hdf, "C.version");
}

/* Why an action on the loaded complaint cannot go on (a message key), or NULL. */
static const char *refusal(struct gw_ctx *ctx)
{
	if (stale(ctx))
		return "changed";
	return is_closed(ctx) ? "closed" : NULL;
}

/* Begin the action's transaction and claim the complaint at its form's version.
 * 0 claimed, 1 changed by someone else meanwhile (nothing begun), -1 error. */
static int claim(struct gw_ctx *ctx)
{
	long long n;

	if (gw_db_begin(ctx->db))
		return -1;
	n = gw_db_exec(ctx->db, SQL_CLAIM, "ii", hdf_ll(ctx->hdf, "C.id"), form_version(ctx));
	if (n == 1)
		return 0;
	gw_db_rollback(ctx->db);
	return n == 0 ? 1 : -1;
}

static int show_error(struct gw_ctx *ctx, const char *msg);

/* The page again with the complaint as it is now and the message that someone
 * else changed it; what the user typed stays in the forms, nothing is saved. */
static int show_changed(struct gw_ctx *ctx)
{
	long long id = hdf_ll(ctx->hdf, "C.id");
	int rc;

	drop(ctx, "C");
	drop(ctx, "Chk");
	rc = load(ctx, id);
	return rc ? rc : show_error(ctx, "changed");
}

/* claim() failed: 500, or the complaint as it is now. */
static int claim_failed(struct gw_ctx *ctx, int c)
{
	return c < 0 ? 500 : show_changed(ctx);
}

/* ---- options for selects ---------------------------------------------------- */

struct opts {
	struct gw_ctx *ctx;
	const char *prefix;
};

/* id, label → prefix.<id> = label (ids are numbers: safe as HDF names) */
static int option_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct opts *o = p;
	char name[64];

	(void)lens, (void)names;
	if (ncols < 2 || !v[0] || !v[1] || strspn(v[0], "0123456789") != strlen(v[0]))
		return 0;
	snprintf(name, sizeof(name), "%s.%s", o->prefix, v[0]);
	hdf_set_value(o->ctx->hdf, name, v[1]);
	return 0;
}

/* id, name, role, department → "name（role · department）" */
static int owner_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct opts *o = p;
	char *label[2];

	if (ncols < 4 || !v[1] || !v[2])
		return 0;
	label[0] = v[0];
	label[1] = gw_arena_printf(&o->ctx->arena, "%s（%s%s%s）", v[1],
				   wordf(o->ctx, "L.Role", v[2]), v[3] ? " · " : "",
				   v[3] ? v[3] : "");
	return option_row(p, 2, label, lens, names);
}

static void options(struct gw_ctx *ctx, const char *prefix, const char *sql, gw_db_row_fn fn)
{
	struct opts o = { ctx, prefix };

	hdf_set_value(ctx->hdf, prefix, "");
	gw_db_each(ctx->db, fn, &o, sql, NULL);
}

/* Run a client statement whose leading parameter is id (0 for none), then the
 * user's client scope; rows to fn, or the one row into HDF prefix when fn is NULL. */
static int clients_query(struct gw_ctx *ctx, const char *sql, long long id, gw_db_row_fn fn,
			 void *arg, const char *prefix)
{
	long long scope = gw_perm_scope(ctx->user->role), uid = ctx->user->id,
		  dept = ctx->user->dept_id;

	if (fn)
		return gw_db_each(ctx->db, fn, arg, sql, CLIENT_SCOPE_ARGS, scope, uid, scope, dept);
	return gw_db_row(ctx->db, ctx->hdf, prefix, sql, "i" CLIENT_SCOPE_ARGS, id, scope, uid,
			 scope, dept);
}

/* Fixed choices with their words: prefix.<key> = L.<words>.<key>. */
static void choice_options(struct gw_ctx *ctx, const char *prefix, const char *words,
			   const char *const *keys)
{
	for (; *keys; keys++)
		hdf_set_value(ctx->hdf, gw_arena_printf(&ctx->arena, "%s.%s", prefix, *keys),
			      wordf(ctx, words, *keys));
}

/* ---- the list and its export ------------------------------------------------ */

struct filter {
	const char *tab, *stage, *severity, *source;
	long long overdue, client, advisor, before;
};

static const char *const stage_keys[] = { "registered", "investigating", "resolved",
					  "followup", "closed", NULL };
static const char *const severity_keys[] = { "a", "b", "c", "d", "none", NULL };
static const char *const source_keys[] = { "web", "phone", "visit", "email", NULL };

/* The query parameter name if it is one of keys, else "". */
static const char *query_choice(struct gw_ctx *ctx, const char *name, const char *const *keys)
{
	const char *v = gw_query(&ctx->req, name);

	for (; v && *keys; keys++)
		if (!strcmp(v, *keys))
			return *keys;
	return "";
}

static long long query_id(struct gw_ctx *ctx, const char *name)
{
	const char *v = gw_query(&ctx->req, name);
	int64_t n;

	return v && *v && !gw_valid_int(v, 1, INT64_MAX, &n) ? n : 0;
}

static const char *default_tab(struct gw_ctx *ctx)
{
	if (has(ctx, GW_PERM_COMPLAINT_ALL))
		return "all";
	return has(ctx, GW_PERM_COMPLAINT_CLASSIFY) ? "department" : "mine";
}

static void read_filter(struct gw_ctx *ctx, struct filter *f)
{
	static const char *const tabs[] = { "mine", "department", "all", "suspected", NULL };

	f->tab = query_choice(ctx, "tab", tabs);
	if (!*f->tab || (!strcmp(f->tab, "all") && !has(ctx, GW_PERM_COMPLAINT_ALL)) ||
	    (!strcmp(f->tab, "suspected") && !has(ctx, GW_PERM_COMPLAINT_CLASSIFY)))
		f->tab = default_tab(ctx);
	f->stage = query_choice(ctx, "stage", stage_keys);
	f->severity = query_choice(ctx, "severity", severity_keys);
	f->source = query_choice(ctx, "source", source_keys);
	f->overdue = gw_query(&ctx->req, "overdue") && !strcmp(gw_query(&ctx->req, "overdue"), "1");
	f->client = query_id(ctx, "client");
	f->advisor = query_id(ctx, "advisor");
	f->before = query_id(ctx, "before");
}

/* The filters as a query string (without tab and paging; without the client
 * when with_client is 0). Values are keys and numbers only: nothing to escape. */
static const char *filter_query(struct gw_ctx *ctx, const struct filter *f, int with_client)
{
	struct gw_arena *a = &ctx->arena;
	char *q = gw_arena_printf(a, "stage=%s&severity=%s&source=%s", f->stage, f->severity,
				  f->source);

	if (f->overdue)
		q = gw_arena_printf(a, "%s&overdue=1", q);
	if (f->client && with_client)
		q = gw_arena_printf(a, "%s&client=%lld", q, f->client);
	if (f->advisor)
		q = gw_arena_printf(a, "%s&advisor=%lld", q, f->advisor);
	return q;
}

static void filter_to_hdf(struct gw_ctx *ctx, const struct filter *f)
{
	HDF *h = ctx->hdf;

	hdf_set_value(h, "Filter.Tab", f->tab);
	hdf_set_value(h, "Filter.Query", filter_query(ctx, f, 1));
	hdf_set_value(h, "Form.stage", f->stage);
	hdf_set_value(h, "Form.severity", f->severity);
	hdf_set_value(h, "Form.source", f->source);
	hdf_set_value(h, "Form.overdue", f->overdue ? "1" : "");
	/* no select of every client here (the list must stay light): the filter
	 * comes from a client's link and can be removed */
	if (f->client) {
		hdf_set_value(h, "Filter.Client", gw_arena_printf(&ctx->arena, "%lld", f->client));
		hdf_set_value(h, "Filter.QueryNoClient", filter_query(ctx, f, 0));
		clients_query(ctx, SQL_CLIENT_NAME, f->client, NULL, NULL, "Filter.ClientName");
	}
	if (f->advisor)
		hdf_set_value(h, "Form.advisor", gw_arena_printf(&ctx->arena, "%lld", f->advisor));
	if (f->before)
		hdf_set_int_value(h, "Filter.Paged", 1);
}

/* The statement of a tab and the value it is scoped by. */
static const char *list_sql(struct gw_ctx *ctx, const char *tab, long long *scope)
{
	if (!strcmp(tab, "all") || !strcmp(tab, "suspected")) {
		*scope = 0;
		return tab[0] == 'a' ? SQL_LIST_ALL : SQL_LIST_SUSPECTED;
	}
	if (!strcmp(tab, "department")) {
		*scope = ctx->user->dept_id;
		return has(ctx, GW_PERM_COMPLAINT_CLASSIFY) ? SQL_LIST_DEPT_NEW : SQL_LIST_DEPT;
	}
	*scope = ctx->user->id;
	return SQL_LIST_MINE;
}

/* Run the list statement with the filters; rows go to fn (or HDF Rows.* when fn
 * is NULL). Returns the row count or -1. */
static int list_query(struct gw_ctx *ctx, const struct filter *f, long long before,
		      long long limit, gw_db_row_fn fn, void *fctx)
{
	const char *now = gw_now_utc(ctx);
	long long scope;
	const char *sql = list_sql(ctx, f->tab, &scope);

	if (!strcmp(f->tab, "department") && !scope)
		return 0; /* no department, no department list */
	if (!fn)
		return gw_db_rows(ctx->db, ctx->hdf, "Rows", sql, LIST_ARGS, now, scope, f->stage,
				  f->stage, f->severity, f->severity, f->source, f->source,
				  f->overdue, now, f->client, f->client, f->advisor, f->advisor,
				  before, limit);
	return gw_db_each(ctx->db, fn, fctx, sql, LIST_ARGS, now, scope, f->stage, f->stage,
			  f->severity, f->severity, f->source, f->source, f->overdue, now,
			  f->client, f->client, f->advisor, f->advisor, before, limit);
}

/* GET / — 200: the tab's complaints, newest first, PAGE_ROWS at a time. */
static int list_page(struct gw_ctx *ctx)
{
	struct filter f;
	int n;

	read_filter(ctx, &f);
	filter_to_hdf(ctx, &f);
	n = list_query(ctx, &f, f.before ? f.before : INT64_MAX, PAGE_ROWS + 1, NULL, NULL);
	if (n < 0)
		return 500;
	if (n > PAGE_ROWS) {
		drop(ctx, gw_arena_printf(&ctx->arena, "Rows.%d", PAGE_ROWS));
		hdf_set_value(ctx->hdf, "Filter.Next",
			      hdf_get_valuef(ctx->hdf, "Rows.%d.id", PAGE_ROWS - 1));
	}
	if (has(ctx, GW_PERM_COMPLAINT_ALL))
		hdf_set_int_value(ctx->hdf, "Filter.CanAll", 1);
	if (has(ctx, GW_PERM_COMPLAINT_CLASSIFY))
		hdf_set_int_value(ctx->hdf, "Filter.CanSuspected", 1);
	choice_options(ctx, "Opt.Stages", "L.Complaint.Stages", stage_keys);
	choice_options(ctx, "Opt.Severities", "L.Complaint.Severities", severity_choices);
	hdf_set_value(ctx->hdf, "Opt.Severities.none", word(ctx, "L.Complaint.Unclassified"));
	choice_options(ctx, "Opt.Sources", "L.Complaint.Sources", source_keys);
	options(ctx, "Opt.Advisors", SQL_ADVISORS, option_row);
	hdf_set_value(ctx->hdf, "Page.Title", "Complaints.Title");
	hdf_set_value(ctx->hdf, "Page.Nav", "complaints");
	return gw_view_render(ctx, "complaints_list.cs");
}

/* The export's words, looked up once rather than per row. */
struct csv {
	struct gw_buf *b;
	const char *source[4], *stage[5], *severity[5];
};

static void csv_words(struct gw_ctx *ctx, struct csv *c)
{
	for (int i = 0; i < 4; i++)
		c->source[i] = wordf(ctx, "L.Complaint.Sources", source_keys[i]);
	for (int i = 0; i < 5; i++)
		c->stage[i] = wordf(ctx, "L.Complaint.Stages", stage_keys[i]);
	for (int i = 0; i < 4; i++)
		c->severity[i] = severity_word(ctx, severity_choices[i]);
	c->severity[4] = severity_word(ctx, NULL);
}

/* The word of v among keys (n of them), or fallback. */
static const char *key_word(const char *const *keys, const char *const *words, int n,
			    const char *v, const char *fallback)
{
	for (int i = 0; v && i < n; i++)
		if (!strcmp(keys[i], v))
			return words[i];
	return fallback;
}

static int csv_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct csv *c = p;
	const char *out[11];

	(void)lens, (void)names;
	if (ncols < C__N)
		return 1;
	out[0] = v[C_TRACKING];
	out[1] = v[C_CREATED];
	out[2] = key_word(source_keys, c->source, 4, v[C_SOURCE], "");
	out[3] = v[C_NAME];
	out[4] = v[C_COMPANY];
	out[5] = v[C_CLIENT];
	out[6] = key_word(severity_choices, c->severity, 4, v[C_SEVERITY], c->severity[4]);
	out[7] = key_word(stage_keys, c->stage, 5, v[C_STAGE], "");
	out[8] = v[C_DEPT];
	out[9] = v[C_OWNER];
	out[10] = v[C_DUE];
	gw_csv_row(c->b, out, 11);
	return 0;
}

static void csv_head(struct gw_ctx *ctx, struct gw_buf *b)
{
	static const char *const keys[] = {
		"L.Complaint.Tracking", "L.Complaints.Created", "L.Complaint.Source",
		"L.Complaints.Complainant", "L.Complaint.Company", "L.Complaint.Client",
		"L.Complaint.Severity", "L.Complaint.Stage", "L.Complaint.Department",
		"L.Complaint.Owner", "L.Complaint.ResolutionDue",
	};
	const char *h[11];

	for (int i = 0; i < 11; i++)
		h[i] = word(ctx, keys[i]);
	gw_buf_puts(b, "\xEF\xBB\xBF"); /* BOM: Excel then reads UTF-8 */
	gw_csv_row(b, h, 11);
}

/* GET /export — 200 text/csv (attachment): the list with the same filters, all
 * pages (up to EXPORT_MAX rows, newest first), times in local time. */
static int export_csv(struct gw_ctx *ctx)
{
	struct filter f;
	struct csv c = { &ctx->resp.body, { 0 }, { 0 }, { 0 } };
	int total;
	char day[11];

	read_filter(ctx, &f);
	csv_words(ctx, &c);
	gw_buf_reset(&ctx->resp.body);
	csv_head(ctx, &ctx->resp.body);
	/* one statement: chunks by keyset would each walk the index from the top */
	total = list_query(ctx, &f, INT64_MAX, EXPORT_MAX, csv_row, &c);
	if (total < 0) {
		gw_buf_reset(&ctx->resp.body);
		return 500;
	}
	gw_date_format(gw_today(ctx), day);
	ctx->resp.ctype = "text/csv; charset=utf-8";
	gw_response_header(&ctx->resp, "Content-Disposition",
			   gw_arena_printf(&ctx->arena,
					   "attachment; filename=\"complaints-%s.csv\"", day));
	gw_audit(ctx, "complaint.export", "complaint", 0, "tab=%s %s rows=%d", f.tab,
		 filter_query(ctx, &f, 1), total);
	return 0;
}

/* ---- the complaint's page ------------------------------------------------------ */

/* The next stage and the form it needs, for the page. */
static void next_stage_to_hdf(struct gw_ctx *ctx)
{
	int cur = gw_stage_from(hdf_get_value(ctx->hdf, "C.stage", NULL));

	if (cur < 0 || cur >= GW_STAGE_CLOSED)
		return;
	hdf_set_value(ctx->hdf, "Next.stage", gw_stage_name((enum gw_stage)(cur + 1)));
	if (cur + 1 == GW_STAGE_CLOSED &&
	    gw_complaint_close_needs_cause(gw_severity_from(hdf_get_value(ctx->hdf, "C.severity",
									    NULL))))
		hdf_set_int_value(ctx->hdf, "Next.needs_cause", 1);
}

/* The classification form starts from the complaint's current values. */
static void classify_defaults(struct gw_ctx *ctx)
{
	static const char *const pairs[][2] = {
		{ "Form.severity", "C.severity" },
		{ "Form.department", "C.department_id" },
		{ "Form.owner", "C.owner_id" },
	};

	if (hdf_get_value(ctx->hdf, "Form.severity", NULL))
		return; /* the user's own input, shown again */
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		hdf_set_value(ctx->hdf, pairs[i][0], hdf_get_value(ctx->hdf, pairs[i][1], ""));
}

/* Released into the normal flow (not a suspected or discarded public post). */
static int is_trusted(struct gw_ctx *ctx)
{
	return !strcmp(hdf_get_value(ctx->hdf, "C.trust", "ok"), "ok");
}

/* No action but release / discard: closed, or a public post not released. */
static int is_closed(struct gw_ctx *ctx)
{
	return !strcmp(hdf_get_value(ctx->hdf, "C.stage", ""), "closed") || !is_trusted(ctx);
}

/* Render the complaint in C.* with its timeline, files and the allowed actions. */
static int show_page(struct gw_ctx *ctx)
{
	long long id = hdf_ll(ctx->hdf, "C.id");

	if (gw_db_rows(ctx->db, ctx->hdf, "Events", SQL_EVENTS, "i", id) < 0 ||
	    gw_db_rows(ctx->db, ctx->hdf, "Files", SQL_FILES, "i", id) < 0)
		return 500;
	next_stage_to_hdf(ctx);
	if (has(ctx, GW_PERM_COMPLAINT_CLASSIFY) && !is_closed(ctx)) {
		choice_options(ctx, "Opt.Severities", "L.Complaint.Severities", severity_choices);
		options(ctx, "Opt.Departments", SQL_DEPTS, option_row);
		options(ctx, "Opt.Owners", SQL_OWNERS, owner_row);
		classify_defaults(ctx);
	}
	hdf_set_value(ctx->hdf, "Page.Title", "Complaints.ViewTitle");
	hdf_set_value(ctx->hdf, "Page.Nav", "complaints");
	return gw_view_render(ctx, "complaints_view.cs");
}

/* The page again, with a message for the whole action (L.Complaints.Msg.<key>)
 * when msg is not NULL; messages at fields are in Form.* already. */
static int show_error(struct gw_ctx *ctx, const char *msg)
{
	if (msg && !strcmp(msg, "closed") && !is_trusted(ctx))
		msg = "not_released";
	if (msg)
		hdf_set_value(ctx->hdf, "Page.Error", msg);
	return show_page(ctx);
}

/* GET /:id — 200 the complaint; 404 when absent or outside the user's lists. */
static int view_page(struct gw_ctx *ctx)
{
	int rc = load(ctx, gw_param_id(ctx, 0));

	return rc ? rc : show_page(ctx);
}

/* GET /:id/file/:fid — 200 the attachment (as a download); 404 otherwise. */
static int file_get(struct gw_ctx *ctx)
{
	long long id = gw_param_id(ctx, 0);
	int rc = load(ctx, id);

	if (rc)
		return rc;
	rc = gw_db_row(ctx->db, ctx->hdf, "F", SQL_FILE, "ii", gw_param_id(ctx, 1), id);
	if (rc <= 0)
		return rc < 0 ? 500 : 404;
	return gw_upload_send(ctx, hdf_get_value(ctx->hdf, "F.stored_name", ""),
			      hdf_get_value(ctx->hdf, "F.orig_name", "file"),
			      hdf_get_value(ctx->hdf, "F.ctype", "application/octet-stream"));
}

/* ---- registering ------------------------------------------------------------ */

static const char *form_key(struct gw_ctx *ctx);

static int new_form_page(struct gw_ctx *ctx)
{
	char fresh[65];
	const char *key = form_key(ctx); /* shown again after a mistake: still unused */

	if (!key && gw_crypto_token(32, fresh))
		return 500;
	hdf_set_value(ctx->hdf, "Form.form_key", key ? key : fresh);
	choice_options(ctx, "Opt.Sources", "L.Complaint.Sources", source_choices);
	hdf_set_value(ctx->hdf, "Opt.Clients", "");
	clients_query(ctx, SQL_CLIENTS, 0, option_row, &(struct opts){ ctx, "Opt.Clients" }, NULL);
	options(ctx, "Opt.Advisors", SQL_ADVISORS, option_row);
	hdf_set_value(ctx->hdf, "Page.Title", "Complaints.NewTitle");
	hdf_set_value(ctx->hdf, "Page.Nav", "complaints");
	return gw_view_render(ctx, "complaints_new.cs");
}

/* GET /new — 200 the form for a complaint taken by phone, on a visit or by e-mail,
 * with a fresh key that registers it once however often the form is sent. */
static int new_page(struct gw_ctx *ctx)
{
	hdf_set_value(ctx->hdf, "Form.source", "phone");
	return new_form_page(ctx);
}

/* The form's key when well formed (64 hex digits), else NULL (no key: a form
 * from before keys existed registers as before). */
static const char *form_key(struct gw_ctx *ctx)
{
	const char *k = gw_form(&ctx->req, "form_key");

	return k && strlen(k) == 64 && strspn(k, "0123456789abcdef") == 64 ? k : NULL;
}

/* In the registration's transaction: mark the key used; > 0 when it was already
 * (nothing is registered), 0 to go on, < 0 on an error. */
static int use_key(struct gw_ctx *ctx, void *key)
{
	long long n = gw_db_exec(ctx->db, SQL_KEY_USE, "sis", (const char *)key, ctx->user->id,
				 gw_now_utc(ctx));

	return n < 0 ? -1 : n == 0;
}

/* The same form sent again: 303 to the complaint it registered (its code is not
 * shown again, and the page says so), or to the list while the first is still
 * being stored. */
static int already_registered(struct gw_ctx *ctx, const char *key)
{
	long long id = 0;

	if (gw_db_int(ctx->db, &id, SQL_KEY_FIND, "si", key, ctx->user->id) < 0)
		return 500;
	return gw_redirect(ctx, "complaints", id > 0 ? path_of(ctx, id) : "/",
			   "already_registered");
}

static int exists(struct gw_ctx *ctx, const char *sql, long long id)
{
	long long n = 0;

	return gw_db_int(ctx->db, &n, sql, "i", id) == 1 && n > 0;
}

/* The checks the field table cannot express. Returns the number of bad fields. */
static int register_checks(struct gw_ctx *ctx, const struct gw_fval *v)
{
	int bad = 0;
	int32_t today = gw_today(ctx);

	if (!v[R_PHONE].present && !v[R_EMAIL].present)
		bad += gw_form_error(ctx, "phone", "need_contact");
	if (v[R_HAPPENED].present && v[R_HAPPENED].i > today &&
	    !hdf_get_value(ctx->hdf, "Form.happened_on.Error", NULL))
		bad += gw_form_error(ctx, "happened_on", "future_date");
	if (v[R_CLIENT].i > 0 &&
	    clients_query(ctx, SQL_CLIENT_OK, v[R_CLIENT].i, NULL, NULL, "Chk.Client") != 1)
		bad += gw_form_error(ctx, "client", "bad_choice");
	if (v[R_ADVISOR].i > 0 && !exists(ctx, SQL_ADVISOR_OK, v[R_ADVISOR].i))
		bad += gw_form_error(ctx, "advisor", "bad_choice");
	return bad;
}

/* The page right after registering: the only time the verification code is
 * shown (it is stored only as a keyed hash; never in a URL, a cookie or a log). */
static int show_created(struct gw_ctx *ctx, long long id, const char *tracking,
			const char *code, int mailed)
{
	int rc;

	drop(ctx, "Form");
	hdf_set_value(ctx->hdf, "Created.Tracking", tracking);
	hdf_set_value(ctx->hdf, "Created.Code", code);
	if (mailed)
		hdf_set_int_value(ctx->hdf, "Created.Mailed", 1);
	rc = load(ctx, id);
	if (rc == 404) { /* registered, but not in this user's lists */
		hdf_set_value(ctx->hdf, "Page.Title", "Complaints.CreatedTitle");
		hdf_set_value(ctx->hdf, "Page.Nav", "complaints");
		return gw_view_render(ctx, "complaints_created.cs");
	}
	return rc ? rc : show_page(ctx);
}

/* POST /new — 200 the new complaint's page with its tracking number and code;
 * 200 the form with messages at the fields when something is wrong. */
static int new_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[R__N];
	struct gw_complaint_new c = { 0 };
	char tracking[24], code[9];
	const char *lang, *key;
	long long id;

	if (gw_form_read(ctx, register_form, v) + register_checks(ctx, v))
		return new_form_page(ctx);
	c.source = v[R_SOURCE].s;
	c.name = v[R_NAME].s;
	c.phone = v[R_PHONE].s;
	c.email = v[R_EMAIL].s;
	c.company = v[R_COMPANY].s;
	c.subject_text = v[R_SUBJECT].s;
	c.description = v[R_DESCRIPTION].s;
	c.happened_on = v[R_HAPPENED].present ? v[R_HAPPENED].s : NULL;
	c.client_id = v[R_CLIENT].i;
	c.advisor_id = v[R_ADVISOR].i;
	if ((key = form_key(ctx))) {
		c.also = use_key;
		c.also_arg = (void *)key;
	}
	lang = public_lang(ctx); /* the acknowledgement mail goes to the complainant */
	id = gw_complaint_create(ctx, &c, tracking, code);
	ctx->lang = lang;
	if (id == -2)
		return already_registered(ctx, key);
	if (id < 0)
		return 500;
	if (key)
		gw_db_exec(ctx->db, SQL_KEY_DONE, "isi", id, key, ctx->user->id);
	gw_audit(ctx, "complaint.create", "complaint", id, "source=%s", c.source);
	return show_created(ctx, id, tracking, code, v[R_EMAIL].present);
}

/* ---- mail ------------------------------------------------------------------- */

/* Tell the complainant (when they gave an e-mail address), in the site's
 * language (templates/mail/complaint_update.cs). */
static void mail_complainant(struct gw_ctx *ctx, const char *subject_key, const char *text)
{
	const char *to = hdf_get_value(ctx->hdf, "C.email", NULL), *lang, *site, *url = NULL;
	HDF *data;

	if (!to || !*to)
		return;
	lang = public_lang(ctx);
	site = hdf_get_value(ctx->cfg, "Mail.SiteURL", "");
	if (*site)
		url = gw_arena_printf(&ctx->arena, "%s%s", site,
				      gw_url(ctx, "portal", "/complaint/status"));
	data = gw_mail_data("Subject", word(ctx, subject_key), "Name",
			    hdf_get_value(ctx->hdf, "C.name", ""), "Tracking",
			    hdf_get_value(ctx->hdf, "C.tracking_no", ""), "Text", text, "StatusURL",
			    url, NULL);
	/* a failure is logged there; the reply itself stands, as on the status page */
	(void)gw_mail_queue_cs(ctx->db, to, hdf_get_value(ctx->cfg, "App.Templates", "templates"),
			       gw_view_words(ctx), data, "complaint_update");
	hdf_destroy(&data);
	ctx->lang = lang;
}

/* A mail to staff about this complaint (templates/mail/complaint_staff.cs):
 * subject word + tracking number, then the complaint's facts and text. In the
 * arena; a template that fails leaves a plain-text mail. */
static struct gw_mail staff_mail(struct gw_ctx *ctx, const char *subject_key, const char *text)
{
	HDF *h = ctx->hdf, *data;
	const char *tracking = hdf_get_value(h, "C.tracking_no", "");
	struct gw_mail_text t = { { 0 }, { 0 }, { 0 } };
	struct gw_mail m = { gw_arena_printf(&ctx->arena, "%s %s", word(ctx, subject_key), tracking),
			     text, NULL };

	data = gw_mail_data("Subject", word(ctx, subject_key), "Tracking", tracking, "Severity",
			    severity_word(ctx, hdf_get_value(h, "C.severity", NULL)), "Name",
			    hdf_get_value(h, "C.name", ""), "Company", hdf_get_value(h, "C.company", ""),
			    "Client", hdf_get_value(h, "C.client_name", "-"), "Text", text, NULL);
	if (data && !gw_mail_render(hdf_get_value(ctx->cfg, "App.Templates", "templates"),
				    gw_view_words(ctx), data, "complaint_staff", &t)) {
		m.subject = gw_arena_strdup(&ctx->arena, t.subject.p);
		m.text = gw_arena_strdup(&ctx->arena, t.text.p);
		m.html = gw_arena_strdup(&ctx->arena, t.html.p);
	}
	gw_mail_text_free(&t);
	hdf_destroy(&data);
	return m;
}

/* ---- actions ---------------------------------------------------------------- */

/* Event, audit record and commit of an action already begun; rolls back on failure. */
static int finish(struct gw_ctx *ctx, const char *kind, int public_, const char *body,
		  const char *action, const char *detail)
{
	long long id = hdf_ll(ctx->hdf, "C.id");

	if ((kind && gw_complaint_event(ctx->db, id, ctx->user->id, kind, public_, body)) ||
	    gw_db_exec(ctx->db, SQL_TOUCH, "si", gw_now_utc(ctx), id) < 0 ||
	    gw_audit(ctx, action, "complaint", id, "%s", detail ? detail : "") ||
	    gw_db_commit(ctx->db)) {
		gw_db_rollback(ctx->db);
		return 500;
	}
	return 0;
}

/* c and d: every director is told at once; the timeline says who. */
static int alert_directors(struct gw_ctx *ctx)
{
	struct gw_buf names = { 0 };
	struct gw_mail m = staff_mail(ctx, "L.Complaints.Mail.AlertSubject",
				      hdf_get_value(ctx->hdf, "C.description", ""));
	char *text;
	int n;

	n = gw_complaint_mail_role_msg(ctx->db, "director", 0, &m, &names);
	text = gw_arena_printf(&ctx->arena, "%s: %s", word(ctx, "L.Complaints.Jobs.Notified"),
			       names.n ? names.p : word(ctx, "L.Complaints.Jobs.NoOne"));
	gw_buf_free(&names);
	if (n < 0)
		return -1;
	return gw_complaint_event(ctx->db, hdf_ll(ctx->hdf, "C.id"), ctx->user->id, "alert", 0,
				  text);
}

struct classify {
	enum gw_severity sev, old;
	long long dept, owner;
	const char *dept_name, *owner_name, *reason;
};

/* DOMAIN.md's rules: a needs the department, b–d an owner, d one at director level. */
static int classify_checks(struct gw_ctx *ctx, const struct gw_fval *v, struct classify *k)
{
	HDF *h = ctx->hdf;
	int bad = 0;

	if (k->dept && gw_db_row(ctx->db, h, "Chk.Dept", SQL_DEPT, "i", k->dept) != 1)
		bad += gw_form_error(ctx, "department", "bad_choice");
	if (k->owner && gw_db_row(ctx->db, h, "Chk.Owner", SQL_OWNER, "i", k->owner) != 1)
		bad += gw_form_error(ctx, "owner", "bad_choice");
	if (k->sev == GW_SEV_A && !k->dept && !hdf_get_value(h, "Form.department.Error", NULL))
		bad += gw_form_error(ctx, "department", "required");
	if (gw_complaint_needs_owner(k->sev) && !k->owner)
		bad += gw_form_error(ctx, "owner", "required");
	else if (gw_complaint_owner_must_be_director(k->sev) && k->owner &&
		 !hdf_get_value(h, "Form.owner.Error", NULL) &&
		 strcmp(hdf_get_value(h, "Chk.Owner.role", ""), "director"))
		bad += gw_form_error(ctx, "owner", "owner_not_director");
	if (k->old != GW_SEV_NONE && !v[K_REASON].present)
		bad += gw_form_error(ctx, "reason", "required");
	return bad;
}

/* "b 一般 · 负责部门: 记账一部 · 负责人: 李顾问 · 原因: …" for the timeline. */
static const char *classify_text(struct gw_ctx *ctx, const struct classify *k)
{
	struct gw_arena *a = &ctx->arena;
	const char *s = severity_word(ctx, gw_severity_name(k->sev));

	if (k->old != GW_SEV_NONE && k->old != k->sev)
		s = gw_arena_printf(a, "%s → %s", severity_word(ctx, gw_severity_name(k->old)), s);
	if (k->dept_name)
		s = gw_arena_printf(a, "%s · %s: %s", s, word(ctx, "L.Complaint.Department"),
				    k->dept_name);
	if (k->owner_name)
		s = gw_arena_printf(a, "%s · %s: %s", s, word(ctx, "L.Complaint.Owner"),
				    k->owner_name);
	if (k->reason && *k->reason)
		s = gw_arena_printf(a, "%s · %s: %s", s, word(ctx, "L.Complaints.Reason"), k->reason);
	return s;
}

/* Store the classification (new due times when the severity changed) in one
 * transaction with its event, the directors' alert and the audit record.
 * 0 stored, 1 changed by someone else meanwhile (nothing stored), or 500. */
static int classify_store(struct gw_ctx *ctx, const struct classify *k)
{
	HDF *h = ctx->hdf;
	int64_t resp = 0, resol = 0;
	long long id = hdf_ll(h, "C.id");
	int c;

	if (k->sev != k->old && gw_complaint_deadlines(ctx->db, gw_tz_minutes(ctx), k->sev,
						       hdf_ll(h, "C.created_ts"), &resp, &resol))
		return 500;
	if ((c = claim(ctx)))
		return c < 0 ? 500 : 1;
	hdf_set_value(h, "C.severity", gw_severity_name(k->sev)); /* for the alert's text */
	if (gw_db_exec(ctx->db, SQL_CLASSIFY, "siisssi", gw_severity_name(k->sev), k->dept,
		       k->owner, utc_text(ctx, resp), utc_text(ctx, resol), gw_now_utc(ctx),
		       id) < 0 ||
	    (gw_complaint_alerts_director(k->sev) && k->sev != k->old && alert_directors(ctx))) {
		gw_db_rollback(ctx->db);
		return 500;
	}
	return finish(ctx, k->old == GW_SEV_NONE ? "classified" : "reclassified", 0,
		      classify_text(ctx, k), "complaint.classify",
		      gw_arena_printf(&ctx->arena, "severity=%s department=%lld owner=%lld",
				      gw_severity_name(k->sev), k->dept, k->owner));
}

/* POST /:id/classify — 303 to the complaint; 200 with messages at the fields;
 * 404 outside the user's lists. */
static int classify_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[K__N];
	struct classify k = { 0 };
	HDF *h = ctx->hdf;
	int rc = load(ctx, gw_param_id(ctx, 0)), bad;

	if (rc)
		return rc;
	bad = gw_form_read(ctx, classify_form, v);
	if (stale(ctx))
		return show_error(ctx, "changed");
	if (is_closed(ctx))
		return show_error(ctx, "closed");
	k.sev = gw_severity_from(v[K_SEVERITY].s);
	k.old = gw_severity_from(hdf_get_value(h, "C.severity", NULL));
	k.dept = v[K_DEPARTMENT].i;
	k.owner = v[K_OWNER].i;
	k.reason = v[K_REASON].s;
	if (bad + (k.sev ? classify_checks(ctx, v, &k) : 0))
		return show_error(ctx, NULL);
	if (!k.dept && k.owner) /* b–d without a department: the owner's */
		k.dept = hdf_ll(h, "Chk.Owner.dept");
	if (k.dept && !hdf_get_value(h, "Chk.Dept.name", NULL))
		gw_db_row(ctx->db, h, "Chk.Dept", SQL_DEPT, "i", k.dept);
	k.dept_name = hdf_get_value(h, "Chk.Dept.name", NULL);
	k.owner_name = hdf_get_value(h, "Chk.Owner.name", NULL);
	rc = classify_store(ctx, &k);
	if (rc)
		return rc == 1 ? show_changed(ctx) : rc;
	/* handed to another department: back to the list, the page is theirs now */
	hdf_set_value(h, "C.department_id", gw_arena_printf(&ctx->arena, "%lld", k.dept));
	hdf_set_value(h, "C.owner_id", gw_arena_printf(&ctx->arena, "%lld", k.owner));
	return gw_redirect(ctx, "complaints", in_scope(ctx) ? path_of(ctx, hdf_ll(h, "C.id")) : "/",
			   "saved");
}

/* What the move to the next stage needs; 0, or a reason to show the page again. */
static int stage_checks(struct gw_ctx *ctx, const struct gw_fval *v, int next, const char **msg)
{
	enum gw_severity sev = gw_severity_from(hdf_get_value(ctx->hdf, "C.severity", NULL));
	int bad = 0;

	if (next > GW_STAGE_CLOSED)
		return *msg = "closed", 1;
	if (gw_stage_from(v[S_TO].s) != next)
		return *msg = "stage_changed", 1;
	if (next == GW_STAGE_INVESTIGATING && sev == GW_SEV_NONE)
		return *msg = "classify_first", 1;
	if (next == GW_STAGE_RESOLVED && !v[S_DONE].present)
		bad += gw_form_error(ctx, "done", "required");
	if (next == GW_STAGE_FOLLOWUP && !v[S_FOLLOWUP].present)
		bad += gw_form_error(ctx, "followup", "required");
	if (next == GW_STAGE_CLOSED && gw_complaint_close_needs_cause(sev)) {
		if (!v[S_CAUSE].present)
			bad += gw_form_error(ctx, "root_cause", "required");
		if (!v[S_ACTION].present)
			bad += gw_form_error(ctx, "corrective_action", "required");
	}
	return bad;
}

/* The events that come with a stage: what was done is a reply the complainant
 * sees (and is mailed); the follow-up is an internal record. */
static int stage_events(struct gw_ctx *ctx, const struct gw_fval *v, int next)
{
	long long id = hdf_ll(ctx->hdf, "C.id"), uid = ctx->user->id;

	if (next == GW_STAGE_RESOLVED) {
		mail_complainant(ctx, "L.Complaint.Mail.ResolvedSubject", v[S_DONE].s);
		return gw_complaint_event(ctx->db, id, uid, "reply", 1, v[S_DONE].s);
	}
	/* Once the return-visit module exists, the follow-up creates a return visit
	 * (回访) that asks whether the complainant is satisfied; until then the call
	 * or visit is recorded here. */
	if (next == GW_STAGE_FOLLOWUP)
		return gw_complaint_event(ctx->db, id, uid, "followup", 0, v[S_FOLLOWUP].s);
	return 0;
}

/* POST /:id/stage — 303 to the complaint after moving it to the next stage; 200
 * with messages when something is missing; 404 outside the user's lists. */
static int stage_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[S__N];
	const char *msg = NULL, *now = gw_now_utc(ctx), *to, *cur;
	int rc = load(ctx, gw_param_id(ctx, 0)), next, bad;
	long long id;

	if (rc)
		return rc;
	cur = hdf_get_value(ctx->hdf, "C.stage", "");
	next = gw_stage_from(cur) + 1;
	bad = gw_form_read(ctx, stage_form, v);
	if (stale(ctx))
		return show_error(ctx, "changed");
	if (bad + stage_checks(ctx, v, next, &msg))
		return show_error(ctx, msg);
	to = gw_stage_name((enum gw_stage)next);
	id = hdf_ll(ctx->hdf, "C.id");
	if ((rc = claim(ctx)))
		return claim_failed(ctx, rc);
	rc = (int)gw_db_exec(ctx->db, SQL_STAGE, "sssssssssis", to, now, to, now, to, now,
			     v[S_CAUSE].s, v[S_ACTION].s, now, id, cur);
	if (rc != 1 || gw_complaint_event(ctx->db, id, ctx->user->id, "stage", 0, to) ||
	    stage_events(ctx, v, next)) {
		gw_db_rollback(ctx->db);
		return rc == 0 ? show_error(ctx, "stage_changed") : 500;
	}
	rc = finish(ctx, NULL, 0, NULL, "complaint.stage", gw_arena_printf(&ctx->arena, "to=%s", to));
	return rc ? rc : gw_redirect(ctx, "complaints", path_of(ctx, id), "saved");
}

/* A note or a reply: one text field, one event. */
static int text_action(struct gw_ctx *ctx, const struct gw_fdef *form, const char *kind,
		       int public_)
{
	struct gw_fval v[1];
	int rc = load(ctx, gw_param_id(ctx, 0));

	if (rc)
		return rc;
	if (gw_form_read(ctx, form, v) + !!refusal(ctx))
		return show_error(ctx, refusal(ctx));
	if ((rc = claim(ctx)))
		return claim_failed(ctx, rc);
	if (public_)
		mail_complainant(ctx, "L.Complaint.Mail.ReplySubject", v[0].s);
	rc = finish(ctx, kind, public_, v[0].s, public_ ? "complaint.reply" : "complaint.note",
		    NULL);
	return rc ? rc
		  : gw_redirect(ctx, "complaints", path_of(ctx, hdf_ll(ctx->hdf, "C.id")), "saved");
}

/* POST /:id/note — 303; an internal note, never shown to the complainant. */
static int note_submit(struct gw_ctx *ctx)
{
	return text_action(ctx, note_form, "note", 0);
}

/* POST /:id/reply — 303; a reply the complainant sees (and gets by mail). */
static int reply_submit(struct gw_ctx *ctx)
{
	return text_action(ctx, reply_form, "reply", 1);
}

/* Resume the clock: both due times move by the time spent waiting. */
static int resume(struct gw_ctx *ctx, const char *note, struct gw_buf *text)
{
	HDF *h = ctx->hdf;
	int64_t resp = hdf_ll(h, "C.response_ts"), resol = hdf_ll(h, "C.resolution_ts");
	enum gw_severity sev = gw_severity_from(hdf_get_value(h, "C.severity", NULL));

	if (sev != GW_SEV_NONE && gw_complaint_resume_dues(ctx->db, gw_tz_minutes(ctx), sev,
							   hdf_ll(h, "C.waiting_ts"),
							   (int64_t)ctx->now, &resp, &resol))
		return -1;
	if (resol)
		gw_buf_printf(text, "%s: %s", word(ctx, "L.Complaint.ResolutionDue"),
			      local_text(ctx, resol));
	if (*note)
		gw_buf_printf(text, "%s%s", text->n ? " · " : "", note);
	return gw_db_exec(ctx->db, SQL_RESUME, "sssi", utc_text(ctx, resp), utc_text(ctx, resol),
			  gw_now_utc(ctx), hdf_ll(h, "C.id")) == 1
		       ? 0
		       : -1;
}

/* Stop the clock. */
static int start_waiting(struct gw_ctx *ctx, const char *note, struct gw_buf *text)
{
	gw_buf_puts(text, note);
	return gw_db_exec(ctx->db, SQL_WAIT, "ssi", gw_now_utc(ctx), gw_now_utc(ctx),
			  hdf_ll(ctx->hdf, "C.id")) == 1
		       ? 0
		       : -1;
}

/* POST /:id/wait — 303; waiting on the complainant stops the clock, the second
 * press starts it again. */
static int wait_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[1];
	struct gw_buf text = { 0 };
	int rc = load(ctx, gw_param_id(ctx, 0)), waiting;

	if (rc)
		return rc;
	if (gw_form_read(ctx, wait_form, v) + !!refusal(ctx))
		return show_error(ctx, refusal(ctx));
	waiting = hdf_get_value(ctx->hdf, "C.waiting_since", NULL) != NULL;
	if ((rc = claim(ctx)))
		return claim_failed(ctx, rc);
	if ((waiting ? resume : start_waiting)(ctx, v[0].s, &text)) {
		gw_db_rollback(ctx->db);
		rc = 500;
	} else {
		rc = finish(ctx, waiting ? "resumed" : "waiting", 0, text.n ? text.p : "",
			    "complaint.wait", waiting ? "resumed" : "waiting");
	}
	gw_buf_free(&text);
	return rc ? rc
		  : gw_redirect(ctx, "complaints", path_of(ctx, hdf_ll(ctx->hdf, "C.id")), "saved");
}

/* POST /:id/refer — 303; a problem found in the client's affairs goes to market,
 * who answer the client (never the advisor): an internal event and a mail to
 * every market staff member. */
static int refer_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[1];
	struct gw_buf names = { 0 };
	struct gw_mail m;
	const char *body;
	int rc = load(ctx, gw_param_id(ctx, 0)), n;

	if (rc)
		return rc;
	if (gw_form_read(ctx, refer_form, v) + !!refusal(ctx))
		return show_error(ctx, refusal(ctx));
	m = staff_mail(ctx, "L.Complaints.Mail.ReferSubject", v[0].s);
	if ((rc = claim(ctx)))
		return claim_failed(ctx, rc);
	n = gw_complaint_mail_role_msg(ctx->db, "market", 0, &m, &names);
	body = gw_arena_printf(&ctx->arena, "%s\n\n%s: %s", v[0].s,
			       word(ctx, "L.Complaints.Jobs.Notified"),
			       names.n ? names.p : word(ctx, "L.Complaints.Jobs.NoOne"));
	gw_buf_free(&names);
	if (n < 0) {
		gw_db_rollback(ctx->db);
		return 500;
	}
	rc = finish(ctx, "referred", 0, body, "complaint.refer",
		    gw_arena_printf(&ctx->arena, "mails=%d", n));
	return rc ? rc
		  : gw_redirect(ctx, "complaints", path_of(ctx, hdf_ll(ctx->hdf, "C.id")),
				"referred");
}

/* ---- suspected public posts (待核实) ---------------------------------------------- */

/* Release or discard a suspected post: one UPDATE guarded by its trust, the
 * event (with the reason), the audit record; 303 to it, or the page again with
 * "already decided" when someone else was first. */
static int decide_suspected(struct gw_ctx *ctx, int release, const char *reason)
{
	const char *now = gw_now_utc(ctx);
	long long id = hdf_ll(ctx->hdf, "C.id");
	long long n;
	int rc;

	if (gw_db_begin(ctx->db))
		return 500;
	n = release ? gw_db_exec(ctx->db, SQL_RELEASE, "ssi", now, now, id)
		    : gw_db_exec(ctx->db, SQL_DISCARD, "si", now, id);
	if (n != 1) {
		gw_db_rollback(ctx->db);
		return n == 0 ? show_error(ctx, "decided") : 500;
	}
	rc = finish(ctx, release ? "released" : "discarded", 0, reason,
		    release ? "complaint.release" : "complaint.discard",
		    gw_arena_printf(&ctx->arena, "suspected=%s",
				    hdf_get_value(ctx->hdf, "C.suspect_reason", "")));
	return rc ? rc
		  : gw_redirect(ctx, "complaints", release ? path_of(ctx, id) : "/?tab=suspected",
				"saved");
}

/* POST /:id/release — 303; a suspected post joins the normal flow, its clock
 * starting now. */
static int release_submit(struct gw_ctx *ctx)
{
	int rc = load(ctx, gw_param_id(ctx, 0));

	return rc ? rc : decide_suspected(ctx, 1, NULL);
}

/* POST /:id/discard — 303 to the suspected list; the reason is required and
 * kept in the timeline. */
static int discard_submit(struct gw_ctx *ctx)
{
	struct gw_fval v[1];
	int rc = load(ctx, gw_param_id(ctx, 0));

	if (rc)
		return rc;
	if (gw_form_read(ctx, discard_form, v))
		return show_error(ctx, NULL);
	return decide_suspected(ctx, 0, v[0].s);
}

static const struct gw_route routes[] = {
	{ "GET", "/", list_page, GW_PERM_COMPLAINT_READ, 0 },
	{ "GET", "/export", export_csv, GW_PERM_COMPLAINT_READ, 0 },
	{ "GET", "/new", new_page, GW_PERM_COMPLAINT_WRITE, 0 },
	{ "POST", "/new", new_submit, GW_PERM_COMPLAINT_WRITE, 0 },
	{ "GET", "/:id", view_page, GW_PERM_COMPLAINT_READ, 0 },
	{ "GET", "/:id/file/:fid", file_get, GW_PERM_COMPLAINT_READ, 0 },
	{ "POST", "/:id/classify", classify_submit, GW_PERM_COMPLAINT_CLASSIFY, 0 },
	{ "POST", "/:id/stage", stage_submit, GW_PERM_COMPLAINT_WRITE, 0 },
	{ "POST", "/:id/note", note_submit, GW_PERM_COMPLAINT_WRITE, 0 },
	{ "POST", "/:id/reply", reply_submit, GW_PERM_COMPLAINT_WRITE, 0 },
	{ "POST", "/:id/wait", wait_submit, GW_PERM_COMPLAINT_WRITE, 0 },
	{ "POST", "/:id/refer", refer_submit, GW_PERM_COMPLAINT_WRITE, 0 },
	{ "POST", "/:id/release", release_submit, GW_PERM_COMPLAINT_CLASSIFY, 0 },
	{ "POST", "/:id/discard", discard_submit, GW_PERM_COMPLAINT_CLASSIFY, 0 },
	{ NULL, NULL, NULL, 0, 0 },
};

int main(void)
{
	static const struct gw_app app = { "complaints", routes };

	return gw_app_run(&app);
}
