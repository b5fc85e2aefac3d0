/* perm.c — the role × permission matrix and scope rules. */
#include <string.h>

#include "guwen/perm.h"

static const char *const role_names[GW_ROLE__COUNT] = {
    "", "advisor", "manager", "market", "legal", "project", "director", "admin",
};

static const char *const perm_names[GW_PERM__COUNT] = {
    "public",
    "login",
    "admin_users",
    "admin_calendar",
    "admin_settings",
    "audit_read",
    "client_read",
    "client_write",
    "application_review",
    "project_read",
    "project_create",
    "project_assign",
    "fee_collect",
    "complaint_read",
    "complaint_write",
    "complaint_classify",
    "complaint_all",
    "visit_read",
    "visit_write",
    "visit_review",
    "report_read",
};

#define P(x)  (1ULL << GW_PERM_##x)
#define STAFF (P(CLIENT_READ) | P(PROJECT_READ) | P(COMPLAINT_READ) | P(VISIT_READ))

/* Admins run the system but see no client data by default (DOMAIN.md). */
static const unsigned long long matrix[GW_ROLE__COUNT] = {
    [GW_ROLE_ADVISOR] = STAFF | P(COMPLAINT_WRITE) | P(VISIT_WRITE),
    [GW_ROLE_MANAGER] = STAFF | P(CLIENT_WRITE) | P(PROJECT_ASSIGN) | P(COMPLAINT_WRITE) |
			P(COMPLAINT_CLASSIFY) | P(VISIT_WRITE) | P(VISIT_REVIEW) | P(REPORT_READ) |
			P(APPLICATION_REVIEW),
    [GW_ROLE_MARKET] = STAFF | P(CLIENT_WRITE) | P(PROJECT_CREATE) | P(FEE_COLLECT) |
		       P(COMPLAINT_WRITE) | P(APPLICATION_REVIEW) | P(VISIT_WRITE),
    [GW_ROLE_LEGAL] = P(CLIENT_READ) | P(PROJECT_READ) | P(FEE_COLLECT),
    [GW_ROLE_PROJECT] = P(CLIENT_READ) | P(PROJECT_READ),
    [GW_ROLE_DIRECTOR] = STAFF | P(CLIENT_WRITE) | P(PROJECT_CREATE) | P(PROJECT_ASSIGN) |
			 P(FEE_COLLECT) | P(COMPLAINT_WRITE) | P(COMPLAINT_CLASSIFY) |
			 P(COMPLAINT_ALL) | P(VISIT_WRITE) | P(VISIT_REVIEW) | P(REPORT_READ) |
			 P(AUDIT_READ) | P(APPLICATION_REVIEW),
    [GW_ROLE_ADMIN] = P(ADMIN_USERS) | P(ADMIN_CALENDAR) | P(ADMIN_SETTINGS) | P(AUDIT_READ),
};

enum gw_role gw_role_from_name(const char *name)
{
	for (int r = 1; name && r < GW_ROLE__COUNT; r++)
		if (!strcmp(name, role_names[r]))
			return (enum gw_role)r;
	return GW_ROLE_NONE;
}

const char *gw_role_name(enum gw_role role)
{
	return role > 0 && role < GW_ROLE__COUNT ? role_names[role] : "";
}

int gw_perm_has(enum gw_role role, enum gw_perm perm)
{
	if (perm == GW_PERM_PUBLIC)
		return 1;
	if (role <= GW_ROLE_NONE || role >= GW_ROLE__COUNT || perm >= GW_PERM__COUNT)
		return 0;
	return perm == GW_PERM_LOGIN || (matrix[role] & (1ULL << perm)) != 0;
}

enum gw_scope gw_perm_scope(enum gw_role role)
{
	switch (role) {
	case GW_ROLE_DIRECTOR: return GW_SCOPE_ALL;
	case GW_ROLE_MANAGER:
	case GW_ROLE_MARKET: return GW_SCOPE_DEPARTMENT;
	default: return GW_SCOPE_OWN;
	}
}

const char *gw_perm_name(enum gw_perm perm)
{
	return perm < GW_PERM__COUNT ? perm_names[perm] : "";
}

int gw_perm_clearance(int clearance, int level)
{
	return clearance >= level && level >= 1 && level <= 3;
}
