-- 021_visit_jobs.sql — what `guwen jobs` and the start page need to find
-- return visits without scanning: the active projects of a type (the monthly
-- proposals walk the active 代理记账 projects in client order), and a
-- visitor's planned visits by due date, those not tried yet apart from those
-- with failed appointments (the start page's "visits due" and "attempts").
ALTER TABLE projects
  ADD KEY ix_projects_type_status (type_id, status, client_id);
ALTER TABLE visits
  ADD KEY ix_visits_visitor_due (visitor_id, status, failed_attempts, due_on);
