/* work_query.c — the start page's sections in one statement (work_query.h):
 * the parts collected while the sections are laid out, joined by UNION ALL
 * and run once, each row handed to its part by the tag in its first column. */
#include <stdlib.h>
#include <string.h>

#include "guwen/arena.h"
#include "guwen/log.h"
#include "guwen/work_query.h"

/* a page's parts: a manager with every section has about 15 */
#define MAX_PARTS 32

struct part {
	const char *tag, *sql;
	const struct gw_db_arg *args;
	int nargs, stopped;
	gw_db_row_fn fn;
	void *ctx;
};

struct gw_work_query {
	struct part p[MAX_PARTS];
	int n;
};

/* The statements made so far, by the parts they join: a statement's text must
 * stay the same string to stay prepared on the connection (db.c keeps them by
 * address), and a page's parts are one of a few combinations per role. */
#define MAX_JOINED 64
static struct joined {
	const char *sqls[MAX_PARTS];
	int n;
	char *sql;
} joined[MAX_JOINED];
static int njoined;

static char *join(const struct gw_work_query *q)
{
	size_t len = 1;
	char *sql;

	for (int i = 0; i < q->n; i++)
		len += strlen(q->p[i].sql) + 11;
	if (!(sql = malloc(len)))
		return NULL;
	*sql = '\0';
	for (int i = 0; i < q->n; i++) {
		if (i)
			strcat(sql, " UNION ALL ");
		strcat(sql, q->p[i].sql);
	}
	return sql;
}

/* The statement of q's parts: made once per combination and kept (NULL: out
 * of memory). */
static const char *statement(const struct gw_work_query *q)
{
	struct joined *j;

	for (int i = 0; i < njoined; i++) {
		j = &joined[i];
		if (j->n == q->n) {
			int same = 1;

			for (int k = 0; k < q->n && same; k++)
				same = j->sqls[k] == q->p[k].sql;
			if (same)
				return j->sql;
		}
	}
	if (njoined == MAX_JOINED) {
		gw_log_error("start page: more than %d combinations of sections", MAX_JOINED);
		return NULL;
	}
	j = &joined[njoined];
	if (!(j->sql = join(q)))
		return NULL;
	for (int k = 0; k < q->n; k++)
		j->sqls[k] = q->p[k].sql;
	j->n = q->n;
	njoined++;
	return j->sql;
}

/* A row to its part, by the tag in its first column. */
static int dispatch(void *arg, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct gw_work_query *q = arg;

	if (ncols < 2 || !v[0])
		return 0;
	for (int i = 0; i < q->n; i++) {
		struct part *p = &q->p[i];

		if (strcmp(p->tag, v[0]))
			continue;
		if (!p->stopped && p->fn(p->ctx, ncols - 1, v + 1, lens + 1, names + 1))
			p->stopped = 1;
		return 0;
	}
	return 0;
}

static int run(struct gw_ctx *ctx, struct gw_work_query *q, const char *sql)
{
	struct gw_db_arg *args;
	int n = 0;

	for (int i = 0; i < q->n; i++)
		n += q->p[i].nargs;
	args = gw_arena_alloc(&ctx->arena, (size_t)(n ? n : 1) * sizeof(*args));
	n = 0;
	for (int i = 0; i < q->n; i++) {
		if (q->p[i].nargs) /* (a part without arguments may give none) */
			memcpy(args + n, q->p[i].args, (size_t)q->p[i].nargs * sizeof(*args));
		n += q->p[i].nargs;
	}
	return gw_db_each_args(ctx->db, dispatch, q, sql, args, n, 0) < 0 ? -1 : 0;
}

int gw_work_add(struct gw_ctx *ctx, const char *tag, const char *sql, const struct gw_db_arg *args,
		int nargs, gw_db_row_fn fn, void *fnctx)
{
	struct gw_work_query *q = ctx->work, now = {.n = 0};

	if (!q) /* not the start page: on its own, now */
		q = &now;
	if (q->n == MAX_PARTS) {
		gw_log_error("start page: more than %d parts", MAX_PARTS);
		return -1;
	}
	q->p[q->n++] = (struct part){tag, sql, args, nargs, 0, fn, fnctx};
	return q == &now ? run(ctx, q, sql) : 0;
}

struct gw_db_arg *gw_work_args_int(struct gw_ctx *ctx, int n, long long v)
{
	struct gw_db_arg *a = gw_arena_alloc(&ctx->arena, (size_t)n * sizeof(*a));

	for (int i = 0; i < n; i++)
		a[i] = (struct gw_db_arg){GW_DB_INT, v, NULL};
	return a;
}

void gw_work_begin(struct gw_ctx *ctx)
{
	ctx->work = gw_arena_alloc(&ctx->arena, sizeof(*ctx->work));
	ctx->work->n = 0;
}

int gw_work_run(struct gw_ctx *ctx)
{
	struct gw_work_query *q = ctx->work;
	const char *sql;

	ctx->work = NULL;
	if (!q || !q->n)
		return 0;
	if (!(sql = statement(q)))
		return -1;
	return run(ctx, q, sql);
}
