/* project_summary.c — the progress summary (项目进度汇总表): the statements
 * and the department rows summed from the advisor rows. The deadlines are the
 * latest slip's two (learn the basics, on-site coaching): met when recorded
 * done on or before the day, missed when done later or past and not done; a
 * rejected slip's count for nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/hdfset.h"
#include "guwen/project_summary.h"

/* Per department and lead, over the projects in scope: their counts first
 * (the slip that counts: the project's open or accepted one, at most one, read
 * from the index (project_id, status, …) of 019; the steps checked off counted
 * on the project; an open collection case looked for only where the fee is
 * unpaid, as a case is closed when it is paid; the types' step counts as a
 * small derived table), the names after. */
/* clang-format off */
#define MET(W) "COALESCE(sl." W "_done_on <= sl." W "_due, 0)"
#define MISSED(W) "COALESCE(sl." W "_done_on > sl." W "_due, sl." W "_due < ?)"
#define SUMMARY_INNER                                                                              \
	"SELECT STRAIGHT_JOIN p.department_id, p.lead_id, COUNT(*) AS projects,"                   \
	" SUM(p.status = 'active') AS active,"                                                     \
	" SUM(p.steps_done) AS steps_done,"                                                        \
	" COALESCE(SUM(ts.n), 0) AS steps_total,"                                                  \
	" COALESCE(SUM(" MET("learn") " + " MET("coach") "), 0) AS met,"                           \
	" COALESCE(SUM(" MISSED("learn") " + " MISSED("coach") "), 0) AS missed,"                  \
	" SUM(IF(p.fee_paid_on IS NULL, EXISTS (SELECT 1 FROM project_collections pc"             \
	"  WHERE pc.project_id = p.id AND pc.closed_at IS NULL), 0)) AS collections"               \
	" FROM projects p"                                                                         \
	" LEFT JOIN project_slips sl ON sl.project_id = p.id AND sl.status IN ('open', 'accepted')"\
	" LEFT JOIN (SELECT type_id, COUNT(*) AS n FROM project_type_steps WHERE active = 1"       \
	"  GROUP BY type_id) ts ON ts.type_id = p.type_id"                                         \
	" WHERE p.status <> 'closed'"
#define SUMMARY_OUTER                                                                              \
	" GROUP BY p.department_id, p.lead_id) a JOIN departments d ON d.id = a.department_id"     \
	" LEFT JOIN users l ON l.id = a.lead_id ORDER BY d.name, l.name"
#define SUMMARY_HEAD                                                                               \
	"SELECT d.name AS dept_name, COALESCE(l.name, '') AS lead_name, a.projects, a.active,"     \
	" a.steps_done, a.steps_total, a.met, a.missed, a.collections FROM ("
/* clang-format on */

/* every project; or those the user created or leads or of their department
 * (0 when they may not see it): each branch its own index (index merge) */
static const char SQL_ALL[] = SUMMARY_HEAD SUMMARY_INNER SUMMARY_OUTER;
static const char SQL_SOME[] = SUMMARY_HEAD SUMMARY_INNER
    " AND (p.created_by = ? OR p.lead_id = ? OR p.department_id = ?)" SUMMARY_OUTER;

static const char *const sums[] = {"projects", "active", "steps_done",	"steps_total",
				   "met",      "missed", "collections", NULL};

static int advisor_rows(struct gw_db *db, HDF *hdf, const char *prefix, const char *today,
			const struct gw_summary_scope *s)
{
	if (s->all)
		return gw_db_rows(db, hdf, prefix, SQL_ALL, "ss", today, today);
	return gw_db_rows(db, hdf, prefix, SQL_SOME, "ssiii", today, today, s->user, s->user,
			  s->dept_ok ? s->dept : 0LL);
}

/* Add row r's sums into the department row d (its name taken from r). */
static void add_row(HDF *d, HDF *r)
{
	char n[24];

	gw_hdf_set(d, "dept_name", hdf_get_value(r, "dept_name", ""));
	gw_hdf_set(d, "lead_name", "");
	for (const char *const *c = sums; *c; c++) {
		snprintf(n, sizeof(n), "%lld",
			 strtoll(hdf_get_value(d, *c, "0"), NULL, 10) +
			     strtoll(hdf_get_value(r, *c, "0"), NULL, 10));
		gw_hdf_set(d, *c, n);
	}
}

int gw_project_summary_departments(HDF *hdf, const char *from, const char *to)
{
	const char *last = NULL;
	char key[160];
	int n = -1;

	for (HDF *r = hdf_obj_child(hdf_get_obj(hdf, from)); r; r = hdf_obj_next(r)) {
		const char *dept = hdf_get_value(r, "dept_name", "");

		if (!last || strcmp(last, dept))
			n++;
		last = dept;
		snprintf(key, sizeof(key), "%s.%d", to, n);
		gw_hdf_set(hdf, key, "");
		if (!hdf_get_obj(hdf, key))
			return -1;
		add_row(hdf_get_obj(hdf, key), r);
	}
	return n + 1;
}

int gw_project_summary(struct gw_db *db, HDF *hdf, const char *prefix, enum gw_summary_by by,
		       const char *today, const struct gw_summary_scope *s)
{
	int n;

	if (by == GW_SUMMARY_ADVISOR)
		return advisor_rows(db, hdf, prefix, today, s);
	n = advisor_rows(db, hdf, "SummaryTmp", today, s);
	if (n >= 0)
		n = gw_project_summary_departments(hdf, "SummaryTmp", prefix);
	hdf_remove_tree(hdf, "SummaryTmp");
	return n;
}
