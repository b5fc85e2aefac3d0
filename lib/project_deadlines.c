/* project_deadlines.c — `guwen jobs` for the slips' two deadlines (learn the
 * client's basics, finish the on-site coaching): one that passed undone on a
 * slip still open or accepted is told once to the assignee and the managers of
 * the slip's department (a mail each; their start pages show it until it is
 * recorded done), remembered in the slip's learn_late_at / coach_late_at. */
#include <stdlib.h>
#include <string.h>

#include "guwen/audit.h"
#include "guwen/mail.h"
#include "guwen/project_jobs.h"

#define BATCH 200

/* the latest slip of a project in work; the assignee: the lead once accepted */
#define SQL_LATE(WHAT)                                                                             \
	"SELECT sl.id, p.id, c.name, t.name_zh, d.name, sl.department_id,"                         \
	" IF(sl.status = 'accepted', p.lead_id, sl.advisor_id), sl." WHAT "_due"                   \
	" FROM project_slips sl JOIN projects p ON p.id = sl.project_id"                           \
	" JOIN clients c ON c.id = p.client_id JOIN project_types t ON t.id = p.type_id"           \
	" JOIN departments d ON d.id = sl.department_id"                                           \
	" WHERE sl.status IN ('open', 'accepted') AND sl." WHAT "_late_at IS NULL"                 \
	" AND sl." WHAT "_done_on IS NULL AND sl." WHAT "_due < ?"                                 \
	" AND p.status IN ('assigning', 'active')"                                                 \
	" AND sl.id = (SELECT MAX(x.id) FROM project_slips x WHERE x.project_id = p.id)"           \
	" ORDER BY sl.id LIMIT 200"
#define SQL_MARK(WHAT)                                                                             \
	"UPDATE project_slips SET " WHAT "_late_at = ? WHERE id = ? AND " WHAT "_late_at IS NULL"

struct deadline {
	const char *what, *late_sql, *mark_sql, *subject_key, *due_key;
};
static const struct deadline deadlines[] = {
    {"learn", SQL_LATE("learn"), SQL_MARK("learn"), "L.Projects.Mail.LearnLate",
     "L.Projects.LearnDue"},
    {"coach", SQL_LATE("coach"), SQL_MARK("coach"), "L.Projects.Mail.CoachLate",
     "L.Projects.CoachDue"},
};

static const char SQL_EVENT[] = "INSERT INTO project_events (project_id, at, user_id, kind, body)"
				" VALUES (?, ?, NULL, 'deadline_late', ?)";
/* the assignee first, then the department's managers */
static const char SQL_RECEIVERS[] =
    "SELECT email, name FROM users WHERE active = 1 AND (id = ?"
    " OR (role = 'manager' AND department_id = ?)) ORDER BY id = ? DESC, id";

struct late {
	long long slip, project, dept, assignee;
	char client[201], type[101], dept_name[101], due[11];
};

struct batch {
	struct late rows[BATCH];
	int n;
};

static void copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

static int late_row(void *arg, int ncols, char **v, const size_t *lens, const char *const *names)
{
	struct batch *b = arg;
	struct late *l;

	(void)lens, (void)names;
	if (ncols < 8 || !v[0] || !v[1] || b->n >= BATCH)
		return 0;
	l = &b->rows[b->n++];
	l->slip = strtoll(v[0], NULL, 10);
	l->project = strtoll(v[1], NULL, 10);
	l->dept = v[5] ? strtoll(v[5], NULL, 10) : 0;
	l->assignee = v[6] ? strtoll(v[6], NULL, 10) : 0;
	copy(l->client, sizeof(l->client), v[2]);
	copy(l->type, sizeof(l->type), v[3]);
	copy(l->dept_name, sizeof(l->dept_name), v[4]);
	copy(l->due, sizeof(l->due), v[7]);
	return 0;
}

struct run {
	struct gw_db *db;
	HDF *words;
	const char *dir, *now;
	struct gw_mail m;
};

static int receiver_row(void *arg, int ncols, char **v, const size_t *lens,
			const char *const *names)
{
	struct run *r = arg;

	(void)lens, (void)names;
	if (ncols < 2)
		return 0;
	if (v[0] && *v[0])
		(void)gw_mail_queue_msg(r->db, v[0], &r->m);
	else
		(void)gw_mail_no_recipient(r->db, v[1] ? v[1] : "", &r->m);
	return 0;
}

/* Mail the assignee and the managers: 0 or -1. */
static int tell(struct run *r, const struct deadline *d, const struct late *l, const char *text)
{
	struct gw_mail_text t = {{0}, {0}, {0}};
	char number[24];
	HDF *data;
	int rc;

	snprintf(number, sizeof(number), "%lld", l->project);
	data = gw_mail_data("Subject", hdf_get_value(r->words, d->subject_key, ""), "Client",
			    l->client, "Type", l->type, "Department", l->dept_name, "Text", text,
			    "Number", number, NULL);
	rc = data ? gw_mail_render(r->dir, r->words, data, "project_notice", &t) : -1;
	hdf_destroy(&data);
	if (rc == 0) {
		r->m = gw_mail_of(&t);
		rc = gw_db_each(r->db, receiver_row, r, SQL_RECEIVERS, "iii", l->assignee, l->dept,
				l->assignee) < 0
			 ? -1
			 : 0;
	}
	gw_mail_text_free(&t);
	return rc;
}

/* One deadline passed: remember it, the timeline, audit, mails; 0 or -1. */
static int notice(struct run *r, const struct deadline *d, const struct late *l)
{
	char text[200];

	snprintf(text, sizeof(text), "%s %s · %s", hdf_get_value(r->words, d->due_key, ""), l->due,
		 hdf_get_value(r->words, "L.Projects.Mail.LateText", ""));
	if (gw_db_begin(r->db))
		return -1;
	if (gw_db_exec(r->db, d->mark_sql, "si", r->now, l->slip) != 1 ||
	    gw_db_exec(r->db, SQL_EVENT, "iss", l->project, r->now, text) != 1 ||
	    gw_audit_db(r->db, 0, "", "project.deadline_late", "project", l->project, d->what) ||
	    tell(r, d, l, text) || gw_db_commit(r->db)) {
		gw_db_rollback(r->db);
		return -1;
	}
	return 0;
}

int gw_project_deadlines_run(struct gw_db *db, HDF *words, const char *dir, const char *today,
			     const char *now, struct gw_project_jobs *out)
{
	struct batch *b = malloc(sizeof(*b));
	struct run r = {.db = db, .words = words, .dir = dir, .now = now};
	int rc = 0;

	if (!b)
		return -1;
	for (size_t k = 0; k < sizeof(deadlines) / sizeof(deadlines[0]); k++) {
		b->n = 0;
		if (gw_db_each(db, late_row, b, deadlines[k].late_sql, "s", today) < 0) {
			rc = -1;
			continue;
		}
		for (int i = 0; i < b->n; i++)
			if (notice(&r, &deadlines[k], &b->rows[i]))
				out->failed++;
			else
				out->late++;
	}
	free(b);
	return rc;
}
