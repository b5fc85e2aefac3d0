-- 018_visit_lists.sql — the visit list's keys: each person's list (their
-- visits as the visitor, the visits they planned, a manager's department's)
-- is read newest first along one of these, so a page reads a page of rows
-- however many visits there are (016's keys put the status between the
-- person and the id: good for a status, a sort for the whole list).
ALTER TABLE visits
  ADD KEY ix_visits_visitor_new (visitor_id, id),
  ADD KEY ix_visits_creator_new (created_by, id),
  ADD KEY ix_visits_department_new (department_id, id);
