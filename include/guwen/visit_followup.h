/* visit_followup.h — the complaint follow-up (后续跟踪) as a return visit: the
 * visit that asks the complainant whether they are satisfied, and the end of
 * the complaint's follow-up when that visit ends. */
#ifndef GUWEN_VISIT_FOLLOWUP_H
#define GUWEN_VISIT_FOLLOWUP_H

#include <stdint.h>

#include "guwen/db.h"

/* The follow-up of complaint complaint_id (moved to 后续跟踪 by user_id): a
 * visit of origin followup (propose_key complaint:<id>, by phone) of the
 * complaint's client, in the complaint's department (0: the client's), by
 * its owner (0: the client's lead), the complainant as the contact, due in 2
 * working days; and a line on the complaint's timeline naming the visit, the
 * visitor and the due date. Inside the caller's transaction. A complaint
 * without a client (client_id 0) gets no visit: 0 and *visit 0. 1 created,
 * 0 none (no client, or there was one already), -1 error. */
int gw_visit_followup_create(struct gw_db *db, long long complaint_id, long long client_id,
			     long long dept_id, long long owner_id, const char *complainant,
			     uint32_t user_id, int64_t now, uint32_t *visit);

/* A visit ended (called by gw_visit_finished): when it is a complaint's
 * follow-up visit and the complaint is still in 后续跟踪, the complaint is
 * closed with a timeline line naming the visit, its satisfaction (recorded
 * on the visit, 1–5) or "complete by default". A c/d complaint without its
 * root cause and corrective action stays open (closing it needs them) with a
 * line saying so. 0 (also when there is nothing to do) or -1. */
int gw_visit_followup_done(struct gw_db *db, uint32_t visit_id, uint32_t user_id, int64_t now);

#endif
