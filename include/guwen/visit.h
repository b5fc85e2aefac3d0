/* visit.h — return visits (回访): creating a visit (planned by staff or
 * proposed by `guwen jobs`) with the premium rule, the visit's timeline, and
 * what follows when a visit has ended. The schema is sql/016_visits.sql. */
#ifndef GUWEN_VISIT_H
#define GUWEN_VISIT_H

#include <stdint.h>

#include "guwen/db.h"

/* contact_role of a premium client's visit: the word key of 总经理 /
 * "General manager" (L.Visit.Role.general_manager); other roles are kept as
 * typed. */
#define GW_VISIT_ROLE_GM "general_manager"

struct gw_visit_new {
	uint32_t client_id, plan_id, complaint_id, project_id; /* 0: none */
	const char *origin;			 /* "plan", "monthly", "yearly", "followup" */
	const char *propose_key;		 /* NULL for planned visits */
	const char *method;			 /* "phone", "onsite", "wechat", "email" */
	uint32_t department_id;			 /* 0: the client's department */
	uint32_t visitor_id;			 /* 0: the client's first lead (clients.lead_id) */
	const char *contact_name, *contact_role; /* NULL: the client's primary contact */
	const char *due_on;			 /* YYYY-MM-DD, local */
	uint32_t created_by;			 /* 0: guwen jobs */
};

/* Insert a visit (status planned) and its "created" timeline line, applying
 * the premium rule: for a premium (优质) client whose visitor would not be a
 * manager or director, the visitor becomes the active manager of the visit's
 * department (lowest id; no such manager: the lowest-id active director), and
 * the contact is the client's general manager (contact_role GW_VISIT_ROLE_GM,
 * the name from the client's contacts whose role is 总经理 / general manager
 * if one exists). Runs inside the caller's transaction if one is open (a
 * duplicate propose_key does not fail it).
 * 1 created (*id set); 0 a visit with the same propose_key exists (*id 0);
 * -1 error (also an unknown client). */
int gw_visit_create(struct gw_db *db, const struct gw_visit_new *v, int64_t now, uint32_t *id);

/* A line on the visit's timeline (kind: a short ascii code, shown through
 * L.Visit.Event.<kind>; body may be NULL) by user_id (0: the system). 0 or -1. */
int gw_visit_event(struct gw_db *db, uint32_t visit_id, uint32_t user_id, const char *kind,
		   const char *body, int64_t now);

/* The report's deadline: the next working day after the visit's day
 * (visited_on, a day number) on the calendar in the database (holidays,
 * make-up working days). 0, or -1 when the calendar could not be read. */
int gw_visit_report_due(struct gw_db *db, int32_t visited_on, int32_t *due);

/* A visit ended (report accepted, or closed as complete by default): sets the
 * client's last_contact_on to the visit's day (visited_on, else today's local
 * date from now; GREATEST, as complaints do); a complaint's follow-up visit
 * closes the complaint's follow-up (gw_visit_followup_done). 0 or -1. */
int gw_visit_finished(struct gw_db *db, uint32_t visit_id, uint32_t user_id, int64_t now);

#endif
