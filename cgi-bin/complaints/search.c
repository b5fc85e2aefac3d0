/* search.c — complaints.fcgi: the lists' search box, the front desk's one step
 * to a caller's complaint (issue 9), served by indexes (sql/011_complaint_desk.sql):
 *  - a tracking number in any spelling, or a phone number: equality on the
 *    unique tracking number and on the phone's digits (phone_key);
 *  - anything else: the beginning of the complainant's name, the company or
 *    the client's name. Where each of these matches fewer than SPARSE
 *    complaints (counted on their indexes, at most SPARSE read each), the
 *    server merges the ranges and sorts what it found; where one matches
 *    more, sorting them all would cost too much (and walking the list's
 *    order may read the whole table before a page of them: matches are not
 *    spread evenly over time), so only the exact name or company is looked
 *    up (its index entries are in id order) and the page asks for more of
 *    the name (Search.Narrow).
 * A substring ('%q%') could use no index: it would read every complaint when
 * few match. */
#include "guwen/list.h"
#include "complaints.h"

#define SPARSE	    "2000"
#define MAX_CLIENTS "8"

/* 1 when the name, the company or the clients' names match too many (each
 * counted on its index up to its bound, the next only when the one before is
 * sparse): one statement, not three */
static const char SQL_DENSE[] =
    "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM complaints WHERE name LIKE ?"
    " LIMIT " SPARSE ") x) >= " SPARSE " OR (SELECT COUNT(*) FROM (SELECT 1 FROM complaints"
    " WHERE company LIKE ? LIMIT " SPARSE ") y) >= " SPARSE " OR (SELECT COUNT(*) FROM"
    " (SELECT 1 FROM clients WHERE name LIKE ? LIMIT 9) z) > " MAX_CLIENTS; /* 9: one past */
static const char SQL_CLIENT_IDS[] = "SELECT id FROM clients WHERE name LIKE ? LIMIT " MAX_CLIENTS;

static const char COND_NUMBER[] = "(c.tracking_no = ? OR c.phone_key = ?)";
static const char COND_DENSE[] = "(c.name = ? OR c.company = ?)";

/* The digits of a phone number typed with spaces, hyphens, brackets, a '+'
 * or full-width digits (no other characters, 5 to 20 digits), a leading +86
 * or 0086 left out. 0 or -1. */
static int phone_digits(const char *q, char out[24])
{
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)q; *p; p++) {
		int d = -1;

		if (*p >= '0' && *p <= '9')
			d = *p - '0';
		else if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99)
			d = p[2] - 0x90, p += 2;
		else if (strchr(" -+()", *p))
			continue;
		else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
			p += 2; /* ideographic space */
		else
			return -1;
		if (d >= 0 && n < 23)
			out[n++] = (char)('0' + d);
	}
	out[n] = '\0';
	if (n == 13 && !strncmp(out, "86", 2))
		memmove(out, out + 2, 12);
	if (n == 15 && !strncmp(out, "0086", 4))
		memmove(out, out + 4, 12);
	return n >= 5 && n <= 20 ? 0 : -1;
}

const char *like_prefix(struct gw_ctx *ctx, const char *q)
{
	char *out = gw_arena_alloc(&ctx->arena, 2 * strlen(q) + 2), *p = out;

	for (; *q; q++) {
		if (strchr("%_\\", *q))
			*p++ = '\\';
		*p++ = *q;
	}
	strcpy(p, "%");
	return out;
}

static int dense(struct gw_ctx *ctx, const char *like)
{
	long long d = 1;

	if (gw_db_int(ctx->db, &d, SQL_DENSE, "sss", like, like, like) != 1)
		d = 1; /* unknown: the exact name, which is never wrong */
	return d != 0;
}

struct client_ids {
	struct gw_list_run *r;
	struct gw_ctx *ctx;
	int n;
};

static int client_id_row(void *p, int n, char **v, const size_t *lens, const char *const *names)
{
	struct client_ids *c = p;

	(void)lens, (void)names;
	if (n == 1 && v[0]) {
		gw_list_arg(c->r, GW_DB_INT, strtoll(v[0], NULL, 10), NULL);
		c->n++;
	}
	return 0;
}

/* Name, company and client's name each by its beginning: ranges merged where
 * all are sparse, else the dense condition. */
static void search_text(struct gw_ctx *ctx, struct gw_list_run *r, struct gw_buf *b)
{
	const char *like = like_prefix(ctx, r->q);
	struct client_ids ids = {r, ctx, 0};

	if (dense(ctx, like)) {
		gw_buf_puts(b, COND_DENSE);
		gw_list_arg(r, GW_DB_TEXT, 0, r->q);
		gw_list_arg(r, GW_DB_TEXT, 0, r->q);
		gw_hdf_set_int(ctx->hdf, "Search.Narrow", 1);
		return;
	}
	gw_buf_puts(b, "(c.name LIKE ? OR c.company LIKE ?");
	gw_list_arg(r, GW_DB_TEXT, 0, like);
	gw_list_arg(r, GW_DB_TEXT, 0, like);
	if (gw_db_each(ctx->db, client_id_row, &ids, SQL_CLIENT_IDS, "s", like) > 0) {
		gw_buf_puts(b, " OR c.client_id IN (?");
		for (int i = 1; i < ids.n; i++)
			gw_buf_puts(b, ", ?");
		gw_buf_puts(b, ")");
	}
	gw_buf_puts(b, ")");
}

void complaint_search(struct gw_ctx *ctx, struct gw_list_run *r, struct gw_buf *b)
{
	char tracking[24], phone[24];

	if (gw_complaint_tracking_normalize(r->q, tracking) && phone_digits(r->q, phone)) {
		search_text(ctx, r, b);
		return;
	}
	if (gw_complaint_tracking_normalize(r->q, tracking))
		strcpy(tracking, "");
	if (phone_digits(r->q, phone))
		strcpy(phone, "");
	gw_buf_puts(b, COND_NUMBER);
	gw_list_arg(r, GW_DB_TEXT, 0, gw_arena_strdup(&ctx->arena, tracking));
	gw_list_arg(r, GW_DB_TEXT, 0, gw_arena_strdup(&ctx->arena, phone));
}
