/* complaint_db.h — the complaints' storage modules in one include: registering
 * and the timeline (complaint_store.h), the deadline clock (complaint_clock.h),
 * staff mail (complaint_notify.h) and the scheduled job (complaint_jobs.h). */
#ifndef GUWEN_COMPLAINT_DB_H
#define GUWEN_COMPLAINT_DB_H

#include "guwen/complaint_clock.h"
#include "guwen/complaint_jobs.h"
#include "guwen/complaint_notify.h"
#include "guwen/complaint_store.h"

#endif
