/* visit_store.c — creating return visits (the premium rule, the propose_key
 * that keeps `guwen jobs` idempotent), their timeline, and the end of a visit
 * (the client's last contact). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/client_store.h"
#include "guwen/complaint.h"
#include "guwen/valid.h"
#include "guwen/visit.h"
#include "guwen/visit_followup.h"

/* The client's facts the rule needs: tier, department, first lead, the
 * primary contact's name. */
static const char SQL_CLIENT[] =
    "SELECT c.tier = 'premium', COALESCE(c.department_id, 0), COALESCE(c.lead_id, 0),"
    " COALESCE(p.name, c.contact_name) FROM clients c"
    " LEFT JOIN client_contacts p ON p.primary_of = c.id WHERE c.id = ?";
static const char SQL_SENIOR[] =
    "SELECT COUNT(*) FROM users WHERE id = ? AND active = 1 AND role IN ('manager', 'director')";
static const char SQL_MANAGER[] =
    "SELECT id FROM users WHERE department_id = ? AND role = 'manager' AND active = 1"
    " ORDER BY id LIMIT 1";
static const char SQL_DIRECTOR[] =
    "SELECT id FROM users WHERE role = 'director' AND active = 1 ORDER BY id LIMIT 1";
static const char SQL_GM[] =
    "SELECT name FROM client_contacts WHERE client_id = ?"
    " AND role IN ('总经理', 'general manager', 'GM', '总裁') ORDER BY is_primary DESC, id LIMIT 1";
static const char SQL_INSERT[] =
    "INSERT INTO visits (client_id, plan_id, complaint_id, project_id, origin, propose_key,"
    " method, department_id, visitor_id, contact_name, contact_role, due_on, created_by,"
    " created_at, updated_at) VALUES (?, NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), ?, ?, ?,"
    " NULLIF(?, 0), NULLIF(?, 0), ?, ?, ?, NULLIF(?, 0), ?, ?)";
static const char SQL_EVENT[] = "INSERT INTO visit_events (visit_id, at, user_id, kind, body) "
				"VALUES (?, ?, NULLIF(?, 0), ?, ?)";
static const char SQL_DAY[] = "SELECT COALESCE(visited_on, ?), client_id FROM visits WHERE id = ?";

struct client_facts {
	long long premium, dept, lead;
	char contact[404];
	int found;
};

static int client_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct client_facts *c = p;

	(void)lens, (void)names;
	if (ncols < 4)
		return 1;
	c->premium = v[0] ? strtoll(v[0], NULL, 10) : 0;
	c->dept = v[1] ? strtoll(v[1], NULL, 10) : 0;
	c->lead = v[2] ? strtoll(v[2], NULL, 10) : 0;
	snprintf(c->contact, sizeof c->contact, "%s", v[3] ? v[3] : "");
	c->found = 1;
	return 1;
}

static int name_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names)
{
	(void)lens, (void)names;
	if (ncols >= 1 && v[0])
		snprintf(p, 404, "%s", v[0]);
	return 1;
}

/* A premium client's visitor: the given one when a manager or director, else
 * the department's manager (or a director). 0 or -1. */
static int premium_visitor(struct gw_db *db, long long dept, long long *visitor)
{
	long long n = 0, id = 0;
	int r;

	if (*visitor && gw_db_int(db, &n, SQL_SENIOR, "i", *visitor) < 0)
		return -1;
	if (n > 0)
		return 0;
	r = dept ? gw_db_int(db, &id, SQL_MANAGER, "i", dept) : 0;
	if (r == 0)
		r = gw_db_int(db, &id, SQL_DIRECTOR, NULL);
	if (r < 0)
		return -1;
	if (r == 1)
		*visitor = id;
	return 0;
}

static long long nonzero_or(long long a, long long b)
{
	return a ? a : b;
}

static int insert(struct gw_db *db, const struct gw_visit_new *v, const char *at, long long dept,
		  long long visitor, const char *name, const char *role)
{
	return gw_db_exec(db, SQL_INSERT, "iiiisssiisssiss", (long long)v->client_id,
			  (long long)v->plan_id, (long long)v->complaint_id,
			  (long long)v->project_id, v->origin, v->propose_key, v->method, dept,
			  visitor, name, role, v->due_on, (long long)v->created_by, at, at) == 1
		   ? 0
		   : -1;
}

int gw_visit_create(struct gw_db *db, const struct gw_visit_new *v, int64_t now, uint32_t *id)
{
	struct client_facts c = {0};
	char at[20], gm[404] = "";
	const char *name, *role;
	long long dept, visitor;

	*id = 0;
	gw_time_format(now, at);
	if (gw_db_each(db, client_row, &c, SQL_CLIENT, "i", (long long)v->client_id) < 0 ||
	    !c.found)
		return -1;
	dept = nonzero_or(v->department_id, c.dept);
	visitor = nonzero_or(v->visitor_id, c.lead);
	name = v->contact_name ? v->contact_name : (c.contact[0] ? c.contact : NULL);
	role = v->contact_role;
	if (c.premium) {
		if (premium_visitor(db, dept, &visitor) ||
		    gw_db_each(db, name_row, gm, SQL_GM, "i", (long long)v->client_id) < 0)
			return -1;
		name = gm[0] ? gm : name;
		role = GW_VISIT_ROLE_GM;
	}
	if (insert(db, v, at, dept, visitor, name, role))
		return v->propose_key && gw_db_errno(db) == 1062 ? 0 : -1;
	*id = (uint32_t)gw_db_insert_id(db);
	return gw_visit_event(db, *id, v->created_by, "created", v->origin, now) ? -1 : 1;
}

int gw_visit_event(struct gw_db *db, uint32_t visit_id, uint32_t user_id, const char *kind,
		   const char *body, int64_t now)
{
	char at[20];

	gw_time_format(now, at);
	return gw_db_exec(db, SQL_EVENT, "isiss", (long long)visit_id, at, (long long)user_id, kind,
			  body) == 1
		   ? 0
		   : -1;
}

struct day {
	char on[11];
	long long client;
};

static int day_row(void *p, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct day *d = p;

	(void)lens, (void)names;
	if (ncols >= 2 && v[0] && v[1]) {
		snprintf(d->on, sizeof d->on, "%s", v[0]);
		d->client = strtoll(v[1], NULL, 10);
	}
	return 1;
}

int gw_visit_finished(struct gw_db *db, uint32_t visit_id, uint32_t user_id, int64_t now)
{
	struct day d = {"", 0};
	char utc[20], local[32];

	gw_time_format(now, utc);
	gw_db_local_time(db, utc, local);
	local[10] = '\0';
	if (gw_db_each(db, day_row, &d, SQL_DAY, "si", local, (long long)visit_id) < 0 || !d.client)
		return -1;
	if (gw_client_contact_set(db, d.client, d.on, 0) < 0)
		return -1;
	/* a complaint's follow-up visit closes the complaint's follow-up */
	return gw_visit_followup_done(db, visit_id, user_id, now);
}

int gw_visit_report_due(struct gw_db *db, int32_t visited_on, int32_t *due)
{
	return gw_calendar_add(db, visited_on, 1, due);
}
