/* programs.c — the programs, their navigation entries and the start page's
 * sections; the sections' lists live in their modules. */
#include <stdio.h>

#include "guwen/complaint_work.h"
#include "guwen/hdfset.h"
#include "guwen/programs.h"

const struct gw_program gw_programs[] = {
	{ .name = "home", .nav = "Home", .perm = GW_PERM_LOGIN },
	{ .name = "login" },
	{ .name = "admin", .nav = "Admin", .perm = GW_PERM_ADMIN_USERS,
	  .perm2 = GW_PERM_AUDIT_READ },
	{ .name = "portal" },
	{ .name = "clients" },
	{ .name = "applications" },
	{ .name = "projects" },
	{ .name = "complaints", .nav = "Complaints", .perm = GW_PERM_COMPLAINT_READ },
	{ .name = "visits" },
	{ .name = "reports" },
	{ .name = NULL },
};

const struct gw_work_section gw_work_sections[] = {
	{ .id = "projects", .word = "MyProjects", .perm = GW_PERM_LOGIN },
	{ .id = "complaints", .word = "MyComplaints", .perm = GW_PERM_LOGIN,
	  .fn = gw_complaint_work },
	{ .id = "visits", .word = "MyVisits", .perm = GW_PERM_LOGIN },
	{ .id = "contact", .word = "ContactDue", .perm = GW_PERM_LOGIN },
	{ .id = NULL },
};

static int may(struct gw_ctx *ctx, enum gw_perm p)
{
	return p != GW_PERM_PUBLIC && gw_perm_has(ctx->user->role, p);
}

void gw_programs_nav(struct gw_ctx *ctx)
{
	const struct gw_program *p;
	char name[64];
	int n = 0;

	for (p = gw_programs; p->name; p++) {
		if (!p->nav || !(may(ctx, p->perm) || may(ctx, p->perm2)))
			continue;
		snprintf(name, sizeof(name), "Nav.%d.name", n);
		gw_hdf_set(ctx->hdf, name, p->name);
		snprintf(name, sizeof(name), "Nav.%d.word", n);
		gw_hdf_set(ctx->hdf, name, p->nav);
		snprintf(name, sizeof(name), "Nav.%d.href", n++);
		gw_hdf_set(ctx->hdf, name, gw_url(ctx, p->name, "/"));
	}
}

int gw_programs_work(struct gw_ctx *ctx)
{
	const struct gw_work_section *s;
	char name[64];
	int n = 0, rc = 0;

	for (s = gw_work_sections; s->id; s++) {
		if (!may(ctx, s->perm))
			continue;
		snprintf(name, sizeof(name), "Work.%d.id", n);
		gw_hdf_set(ctx->hdf, name, s->id);
		snprintf(name, sizeof(name), "Work.%d.word", n);
		gw_hdf_set(ctx->hdf, name, s->word);
		snprintf(name, sizeof(name), "Work.%d.Items", n++);
		if (s->fn && s->fn(ctx, name))
			rc = -1;
	}
	return rc;
}
