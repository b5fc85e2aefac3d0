/* programs.h — the one place that names the programs: each with its URL name,
 * its navigation entry (word and permission) and its sections of the start page
 * ("my work"). The navigation (templates/layout.cs) and the start page
 * (cgi-bin/home.c) are built from these tables, so a new program adds its rows
 * here and its section's function in its own module. */
#ifndef GUWEN_PROGRAMS_H
#define GUWEN_PROGRAMS_H

#include "guwen/ctx.h"

struct gw_program {
	const char *name;   /* program name, also its URL prefix: "complaints" */
	const char *nav;    /* its word L.Nav.<nav> in the navigation; NULL: not shown */
	enum gw_perm perm;  /* who sees the entry ... */
	enum gw_perm perm2; /* ... or who holds this one (GW_PERM_PUBLIC: nobody else) */
};

/* A start-page section writes its items under prefix.N.{title,href} (and
 * .alert = 1 for those to look at first) for the signed-in user: 0 or -1. NULL
 * for a section whose program is not built yet (always empty). Its statement
 * is a part of the page's one statement (gw_work_add, work_query.h): the items
 * are written when that runs, after every section has added its part. */
typedef int (*gw_work_fn)(struct gw_ctx *ctx, const char *prefix);

struct gw_work_section {
	const char *id;	  /* HTML id and HDF name: "complaints" */
	const char *word; /* its heading L.Home.<word> */
	enum gw_perm perm;
	gw_work_fn fn;
	/* ... or the whole section under prefix "Work.N": Items.N.{title,href,alert},
	 * count, due (the nearest deadline), more (the list of all of it), alert;
	 * 1 leaves the section out (not this user's kind of work) */
	gw_work_fn fill;
};

/* Every program, ending with a zeroed entry. */
extern const struct gw_program gw_programs[];
/* The start page's sections in their order, ending with a zeroed entry. */
extern const struct gw_work_section gw_work_sections[];

/* The navigation entries the signed-in user may see, as Nav.N.{name,word,href}. */
void gw_programs_nav(struct gw_ctx *ctx);
/* The start page's sections the user may see, as Work.N.{id,word} with their
 * items at Work.N.Items. 0, or -1 when a section could not be read. */
int gw_programs_work(struct gw_ctx *ctx);

#endif
