/* programs.c — the programs, their navigation entries and the start page's
 * sections; the sections' lists live in their modules. */
#include <stdio.h>
#include <string.h>

#include "guwen/client_work.h"
#include "guwen/application_work.h"
#include "guwen/complaint_work.h"
#include "guwen/hdfset.h"
#include "guwen/project.h"
#include "guwen/programs.h"
#include "guwen/visit_work.h"
#include "guwen/work_query.h"

const struct gw_program gw_programs[] = {
    {.name = "home", .nav = "Home", .perm = GW_PERM_LOGIN},
    {.name = "login"},
    {.name = "admin", .nav = "Admin", .perm = GW_PERM_ADMIN_USERS, .perm2 = GW_PERM_AUDIT_READ},
    {.name = "portal"},
    {.name = "clients", .nav = "Clients", .perm = GW_PERM_CLIENT_READ},
    {.name = "applications", .nav = "Applications", .perm = GW_PERM_APPLICATION_REVIEW},
    {.name = "projects", .nav = "Projects", .perm = GW_PERM_PROJECT_READ},
    {.name = "complaints", .nav = "Complaints", .perm = GW_PERM_COMPLAINT_READ},
    {.name = "visits", .nav = "Visits", .perm = GW_PERM_VISIT_READ},
    {.name = "reports"},
    {.name = NULL},
};

const struct gw_work_section gw_work_sections[] = {
    {.id = "applications",
     .word = "NewApplications",
     .perm = GW_PERM_APPLICATION_REVIEW,
     .fn = gw_application_work},
    {.id = "projects", .word = "MyProjects", .perm = GW_PERM_LOGIN, .fn = gw_project_work},
    {.id = "complaints", .word = "MyComplaints", .perm = GW_PERM_LOGIN, .fill = gw_complaint_work},
    {.id = "complaints-classify",
     .word = "ToClassify",
     .perm = GW_PERM_COMPLAINT_CLASSIFY,
     .fill = gw_complaint_work_classify},
    {.id = "complaints-unowned",
     .word = "UnownedA",
     .perm = GW_PERM_COMPLAINT_CLASSIFY,
     .fill = gw_complaint_work_unowned},
    {.id = "complaints-escalated",
     .word = "EscalatedToMe",
     .perm = GW_PERM_COMPLAINT_CLASSIFY,
     .fill = gw_complaint_work_escalated},
    {.id = "complaints-referred",
     .word = "ReferredToMe",
     .perm = GW_PERM_COMPLAINT_WRITE,
     .fill = gw_complaint_work_referred},
    /* return visits: the visitor's, then the supervisor's */
    {.id = "visits", .word = "VisitsDue", .perm = GW_PERM_VISIT_WRITE, .fn = gw_visit_work_due},
    {.id = "visits-attempts",
     .word = "VisitAttempts",
     .perm = GW_PERM_VISIT_WRITE,
     .fn = gw_visit_work_attempts},
    {.id = "visits-write",
     .word = "ReportsToWrite",
     .perm = GW_PERM_VISIT_WRITE,
     .fn = gw_visit_work_write},
    {.id = "visits-returned",
     .word = "ReportsReturned",
     .perm = GW_PERM_VISIT_WRITE,
     .fn = gw_visit_work_returned},
    {.id = "visits-review",
     .word = "ReportsToReview",
     .perm = GW_PERM_VISIT_REVIEW,
     .fn = gw_visit_work_review},
    {.id = "visits-overdue",
     .word = "ReportsOverdue",
     .perm = GW_PERM_VISIT_REVIEW,
     .fn = gw_visit_work_overdue},
    {.id = "contact", .word = "ContactDue", .perm = GW_PERM_LOGIN, .fn = gw_client_work},
    {.id = NULL},
};

static int may(struct gw_ctx *ctx, enum gw_perm p)
{
	return p != GW_PERM_PUBLIC && gw_perm_has(ctx->user->role, p);
}

/* list.n.field = value; the name list.n.field in the arena. */
static const char *set_at(struct gw_ctx *ctx, const char *list, int n, const char *field,
			  const char *value)
{
	const char *name = gw_arena_printf(&ctx->arena, "%s.%d.%s", list, n, field);

	if (value)
		gw_hdf_set(ctx->hdf, name, value);
	return name;
}

/* The navigation's names and links, worked out once per process: every
 * signed-in page shows them, and building each from the configuration took
 * a fifth of such a page's time (issue 13). The links follow App.Base and
 * App.URLStyle, checked on each use (tests change them). */
#define NAV_MAX 16
static struct {
	char base[256], style[16];
	char href[NAV_MAX][320];
	char name[NAV_MAX][24], word[NAV_MAX][24], link[NAV_MAX][24]; /* "Nav.<int>.href" */
} nav;

static void nav_prepare(struct gw_ctx *ctx)
{
	const char *base = hdf_get_value(ctx->cfg, "App.Base", "");
	const char *style = hdf_get_value(ctx->cfg, "App.URLStyle", "pretty");
	int i = 0;

	if (nav.name[0][0] && !strcmp(base, nav.base) && !strcmp(style, nav.style))
		return;
	snprintf(nav.base, sizeof(nav.base), "%s", base);
	snprintf(nav.style, sizeof(nav.style), "%s", style);
	for (const struct gw_program *p = gw_programs; p->name && i < NAV_MAX; p++, i++) {
		snprintf(nav.href[i], sizeof(nav.href[i]), "%s", gw_url(ctx, p->name, "/"));
		snprintf(nav.name[i], sizeof(nav.name[i]), "Nav.%d.name", i);
		snprintf(nav.word[i], sizeof(nav.word[i]), "Nav.%d.word", i);
		snprintf(nav.link[i], sizeof(nav.link[i]), "Nav.%d.href", i);
	}
}

void gw_programs_nav(struct gw_ctx *ctx)
{
	int n = 0, i = 0;

	nav_prepare(ctx);
	for (const struct gw_program *p = gw_programs; p->name && i < NAV_MAX; p++, i++) {
		if (!p->nav || !(may(ctx, p->perm) || may(ctx, p->perm2)))
			continue;
		gw_hdf_set(ctx->hdf, nav.name[n], p->name);
		gw_hdf_set(ctx->hdf, nav.word[n], p->nav);
		gw_hdf_set(ctx->hdf, nav.link[n++], nav.href[i]);
	}
}

int gw_programs_work(struct gw_ctx *ctx)
{
	int n = 0, rc = 0;

	gw_work_begin(ctx); /* the sections add their parts ... */
	for (const struct gw_work_section *s = gw_work_sections; s->id; s++) {
		if (!may(ctx, s->perm))
			continue;
		const char *at = gw_arena_printf(&ctx->arena, "Work.%d", n);
		int r = s->fill ? s->fill(ctx, at) : 0;

		if (r == 1) {
			gw_hdf_remove(ctx->hdf, at);
			continue;
		}
		set_at(ctx, "Work", n, "id", s->id);
		set_at(ctx, "Work", n, "word", s->word);
		if (r < 0 || (s->fn && s->fn(ctx, set_at(ctx, "Work", n, "Items", NULL))))
			rc = -1;
		n++;
	}
	return gw_work_run(ctx) || rc ? -1 : 0; /* ... read in one statement */
}
