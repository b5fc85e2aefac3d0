/* perm.h — roles, permissions, clearance levels and department scope. The
 * role × permission matrix lives in lib/perm.c, one table for the whole system. */
#ifndef GUWEN_PERM_H
#define GUWEN_PERM_H

/* Permissions; a route names one. GW_PERM_LOGIN = any signed-in staff member. */
enum gw_perm {
	GW_PERM_PUBLIC = 0,	/* no login (public portal, login page) */
	GW_PERM_LOGIN,		/* any active staff account */
	GW_PERM_ADMIN_USERS,	/* users and departments */
	GW_PERM_ADMIN_CALENDAR, /* working-day calendar */
	GW_PERM_ADMIN_SETTINGS, /* settings */
	GW_PERM_AUDIT_READ,	/* the audit log */
	GW_PERM_CLIENT_READ,	/* client records (within scope and clearance) */
	GW_PERM_CLIENT_WRITE,
	GW_PERM_APPLICATION_REVIEW, /* onboarding applications */
	GW_PERM_PROJECT_READ,
	GW_PERM_PROJECT_CREATE, /* projects and assignment slips (market) */
	GW_PERM_PROJECT_ASSIGN, /* reassign, managers */
	GW_PERM_FEE_COLLECT,	/* collection cases (market, legal) */
	GW_PERM_COMPLAINT_READ,
	GW_PERM_COMPLAINT_WRITE,    /* register, note, move through stages */
	GW_PERM_COMPLAINT_CLASSIFY, /* classify a–d, assign owners */
	GW_PERM_COMPLAINT_ALL,	    /* see every department's complaints */
	GW_PERM_VISIT_READ,
	GW_PERM_VISIT_WRITE,
	GW_PERM_VISIT_REVIEW, /* supervisor guidance on visit reports */
	GW_PERM_REPORT_READ,  /* service-quality figures */
	GW_PERM__COUNT
};

/* Roles as stored in users.role. */
enum gw_role {
	GW_ROLE_NONE = 0,
	GW_ROLE_ADVISOR,  /* 顾问 */
	GW_ROLE_MANAGER,  /* 部门经理 */
	GW_ROLE_MARKET,	  /* 市场人员 */
	GW_ROLE_LEGAL,	  /* 法务 */
	GW_ROLE_PROJECT,  /* 项目中心 */
	GW_ROLE_DIRECTOR, /* 主管 */
	GW_ROLE_ADMIN,	  /* 管理员 */
	GW_ROLE__COUNT
};

/* Scope of records a user sees in lists. */
enum gw_scope { GW_SCOPE_OWN = 1, GW_SCOPE_DEPARTMENT = 2, GW_SCOPE_ALL = 3 };

/* Role from its stored name ("advisor" …); GW_ROLE_NONE if unknown. */
enum gw_role gw_role_from_name(const char *name);
/* Stored name of a role ("advisor" …), or "" for GW_ROLE_NONE. */
const char *gw_role_name(enum gw_role role);
/* 1 if the role holds the permission (GW_PERM_PUBLIC and GW_PERM_LOGIN: always). */
int gw_perm_has(enum gw_role role, enum gw_perm perm);
/* The scope a role sees for lists of client work. */
enum gw_scope gw_perm_scope(enum gw_role role);
/* Name used in templates for a permission (Perm.<name> = 1), e.g. "admin_users". */
const char *gw_perm_name(enum gw_perm perm);
/* 1 if clearance (1–3) reaches the level of a class of information (1–3). */
int gw_perm_clearance(int clearance, int level);

#endif
