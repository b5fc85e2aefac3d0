/* project_summary.c — the progress summary (项目进度汇总表): the statements.
 * The deadlines are the latest slip's two (learn the basics, on-site
 * coaching): met when recorded done on or before the day, missed when done
 * later or past and not done; a rejected slip's count for nothing. */
#include "guwen/project_summary.h"

#define MET(W)	  "COALESCE(sl." W "_done_on <= sl." W "_due, 0)"
#define MISSED(W) "COALESCE(sl." W "_done_on > sl." W "_due, sl." W "_due < ?)"
#define SUMMARY_COLS                                                                               \
	" COUNT(*) AS projects, SUM(p.status = 'active') AS active,"                               \
	" SUM((SELECT COUNT(*) FROM project_steps s WHERE s.project_id = p.id)) AS steps_done,"    \
	" SUM((SELECT COUNT(*) FROM project_type_steps ts WHERE ts.type_id = p.type_id"            \
	"  AND ts.active = 1))"                                                                    \
	"  AS steps_total,"                                                                        \
	" COALESCE(SUM(" MET("learn") " + " MET(                                                   \
	    "coach") "), 0) AS met,"                                                               \
		     " COALESCE(SUM(IF(sl.status = 'rejected', 0, " MISSED("learn") " + " MISSED(  \
			 "coach") "  )), 0) AS missed,"                                            \
				  " SUM(EXISTS (SELECT 1 FROM project_collections pc WHERE "       \
				  "pc.project_id = p.id"                                           \
				  "  AND pc.closed_at IS NULL)) AS collections"
#define SUMMARY_FROM                                                                               \
	" FROM projects p JOIN departments d ON d.id = p.department_id"                            \
	" LEFT JOIN users l ON l.id = p.lead_id LEFT JOIN project_slips sl ON sl.id ="             \
	" (SELECT MAX(x.id) FROM project_slips x WHERE x.project_id = p.id)"                       \
	" WHERE p.status <> 'closed' AND (? = 1 OR p.created_by = ? OR p.lead_id = ?"              \
	" OR (? = 1 AND p.department_id = ?))"

static const char SQL_BY_ADVISOR[] =
    "SELECT d.name AS dept_name, COALESCE(l.name, '') AS lead_name," SUMMARY_COLS SUMMARY_FROM
    " GROUP BY p.department_id, d.name, p.lead_id, l.name ORDER BY d.name, l.name";
static const char SQL_BY_DEPARTMENT[] =
    "SELECT d.name AS dept_name, '' AS lead_name," SUMMARY_COLS SUMMARY_FROM
    " GROUP BY p.department_id, d.name ORDER BY d.name";

int gw_project_summary(struct gw_db *db, HDF *hdf, const char *prefix, enum gw_summary_by by,
		       const char *today, const struct gw_summary_scope *s)
{
	return gw_db_rows(db, hdf, prefix,
			  by == GW_SUMMARY_ADVISOR ? SQL_BY_ADVISOR : SQL_BY_DEPARTMENT, "ssiiiii",
			  today, today, s->all, s->user, s->user, s->dept_ok, s->dept);
}
