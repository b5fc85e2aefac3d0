-- 023_start_page.sql — indexes that let each start-page section read only the
-- rows it shows, in the order it shows them; form keys for every staff form
-- that creates something.
--
-- "Clients to contact" lists a lead's clients whose last contact is oldest (or
-- never). Sorting by clients.last_contact_on read every client of the lead and
-- sorted them (an advisor with 1,600 clients: 3,200 rows and a filesort,
-- 3.5 ms on each start page). client_leads keeps a copy of the client's last
-- contact, written with it (gw_client_contact_set, gw_client_add_lead in
-- lib/client_store.c), so the section reads 10 index entries.

ALTER TABLE client_leads
  ADD COLUMN IF NOT EXISTS contact_on DATE NULL AFTER added_at,
  ADD KEY IF NOT EXISTS ix_client_leads_contact (user_id, contact_on, client_id);

UPDATE client_leads l JOIN clients c ON c.id = l.client_id
  SET l.contact_on = c.last_contact_on
  WHERE NOT (l.contact_on <=> c.last_contact_on);

-- The visit list's origin filter (月度/年度 proposals, plans, complaints) read the
-- newest visits of every origin: its own index ending in the key.
ALTER TABLE visits ADD KEY IF NOT EXISTS ix_visits_origin (origin, id);

-- "Reports to write" (the visitor's visited visits by report due date) sorted
-- every visited visit of the visitor; "slips to accept" read every open slip
-- of the advisor (ix_slips_advisor) and sorted them: the same keys ending in
-- the order shown, so LIMIT 10 reads 10 rows. The department's slips without
-- an advisor: department, status, advisor (NULL), due date.
ALTER TABLE visits
  ADD KEY IF NOT EXISTS ix_visits_visitor_report (visitor_id, status, report_due, id);
-- A manager's "deadlines passed undone" walked every slip of the department
-- not done with a late mark (about 370 at 300,000 projects) and sorted them:
-- in due-date order the late ones come first, so the index ends in it.
ALTER TABLE project_slips
  DROP KEY IF EXISTS ix_slips_dept_learn,
  ADD KEY ix_slips_dept_learn (department_id, learn_done_on, learn_due),
  DROP KEY IF EXISTS ix_slips_dept_coach,
  ADD KEY ix_slips_dept_coach (department_id, coach_done_on, coach_due),
  DROP KEY IF EXISTS ix_slips_advisor,
  ADD KEY ix_slips_advisor (advisor_id, status, learn_due),
  DROP KEY IF EXISTS ix_slips_department,
  ADD KEY ix_slips_department (department_id, status, advisor_id, learn_due);

-- Staff forms that create once however often they are sent (lib/form_key.c):
-- besides complaints, a project (with its slip) and a visit plan. The key
-- stands for what its form made.
ALTER TABLE staff_form_keys CHANGE COLUMN IF EXISTS complaint_id made_id INT UNSIGNED NULL;

-- "Escalated to me" read every escalation the person ever had (a director at a
-- million complaints: 68,930, for each of the section's five branches, 231 ms)
-- to find the few still open: an escalation is open until its complaint
-- closes (gw_complaint_event_coded clears it as the closing event is written;
-- complaints do not reopen), and the section reads the open ones.
ALTER TABLE complaint_escalations
  ADD COLUMN IF NOT EXISTS is_open TINYINT(1) NOT NULL DEFAULT 1,
  ADD KEY IF NOT EXISTS ix_escalations_open (user_id, is_open, complaint_id);
UPDATE complaint_escalations e JOIN complaints c ON c.id = e.complaint_id
  SET e.is_open = 0 WHERE c.stage = 'closed' AND e.is_open = 1;

CREATE ROLE IF NOT EXISTS guwen_app;
GRANT UPDATE (is_open) ON complaint_escalations TO guwen_app;
GRANT UPDATE ON client_leads TO guwen_app;
