/* work_query.h — the start page's sections in one statement. A section's
 * function (programs.h) adds its part with gw_work_add instead of running it;
 * gw_programs_work runs every part the user's page has as one UNION ALL:
 * each statement is a round trip, and under load the round trips, not the
 * reading, were what made the page slow (the client page, 12 statements to
 * 5: p99 a quarter lower). Outside the start page a part runs at once.
 *
 * A part is one or more parenthesized SELECTs of GW_WORK_COLS columns, each
 * with ORDER BY ... LIMIT (MariaDB sends a UNION ALL's parts in turn, each in
 * that order), the first column a string literal naming the part (its tag,
 * unique on the page), the others padded with NULL. fn gets the part's rows
 * without the tag; its return value stops only its own part's rows. */
#ifndef GUWEN_WORK_QUERY_H
#define GUWEN_WORK_QUERY_H

#include "guwen/ctx.h"
#include "guwen/db.h"

#define GW_WORK_COLS 12
/* padding for a part's SELECT: ", NULL" times 1, 2, 4 */
#define GW_PAD1 ", NULL"
#define GW_PAD2 GW_PAD1 GW_PAD1
#define GW_PAD4 GW_PAD2 GW_PAD2

struct gw_work_query;

/* Add a part (sql and args as gw_db_each_args; args, fnctx and what they point
 * to must live until the page's statement has run: the request's arena).
 * Outside the start page the part runs now. 0, or -1 (too many parts, or the
 * part ran now and failed). */
int gw_work_add(struct gw_ctx *ctx, const char *tag, const char *sql, const struct gw_db_arg *args,
		int nargs, gw_db_row_fn fn, void *fnctx);
/* The arguments of a part, in the arena: n integers (all v) ... */
struct gw_db_arg *gw_work_args_int(struct gw_ctx *ctx, int n, long long v);

/* gw_programs_work: collect the parts of the page's sections ... */
void gw_work_begin(struct gw_ctx *ctx);
/* ... and run them as one statement. 0 or -1. */
int gw_work_run(struct gw_ctx *ctx);

#endif
