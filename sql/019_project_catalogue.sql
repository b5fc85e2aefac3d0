-- 019_project_catalogue.sql — the project types as a catalogue an admin
-- extends (/admin/project-types): steps and materials get a display order and
-- can be switched off, never deleted (a step checked off, a material received
-- refer to seq, which never changes); the slip's two deadlines are recorded as
-- done and their overdue notice is remembered; indexes for the start page.

ALTER TABLE project_type_steps
  ADD COLUMN IF NOT EXISTS pos SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS active TINYINT(1) NOT NULL DEFAULT 1;
UPDATE project_type_steps SET pos = seq WHERE pos = 0;

ALTER TABLE project_type_materials
  ADD COLUMN IF NOT EXISTS pos SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS active TINYINT(1) NOT NULL DEFAULT 1;
UPDATE project_type_materials SET pos = seq WHERE pos = 0;

-- The slip's two deadlines, recorded as done by the assignee (the date), and
-- when `guwen jobs` told the assignee and their manager that one passed
-- undone (once: NULL until then).
ALTER TABLE project_slips
  ADD COLUMN IF NOT EXISTS learn_done_on DATE NULL,
  ADD COLUMN IF NOT EXISTS coach_done_on DATE NULL,
  ADD COLUMN IF NOT EXISTS learn_late_at DATETIME NULL,
  ADD COLUMN IF NOT EXISTS coach_late_at DATETIME NULL,
  -- `guwen jobs`: the deadlines passed, not done and not yet told
  ADD INDEX IF NOT EXISTS ix_slips_learn_late (status, learn_late_at, learn_done_on, learn_due),
  ADD INDEX IF NOT EXISTS ix_slips_coach_late (status, coach_late_at, coach_done_on, coach_due),
  -- the manager's start page: the department's deadlines told and not done
  ADD INDEX IF NOT EXISTS ix_slips_dept_learn (department_id, learn_done_on, learn_late_at),
  ADD INDEX IF NOT EXISTS ix_slips_dept_coach (department_id, coach_done_on, coach_late_at),
  -- the lead's start page: a project's accepted slip and its deadlines, from the index alone
  ADD INDEX IF NOT EXISTS ix_slips_project_status
    (project_id, status, learn_done_on, learn_due, coach_done_on, coach_due);

-- The start page's lists by status and by "cannot proceed" (at 300,000
-- projects a department's or a market person's projects are tens of
-- thousands: the status must be in the index), and the lead's deadlines:
-- deadline_due is the accepted slip's nearest deadline not recorded done
-- (NULL when both are), kept by the accept and deadline actions, so the
-- start page reads the few open ones from (lead_id, deadline_due). steps_done
-- counts the steps checked off (append-only rows; the step action adds one) so
-- that the progress summary need not count them project by project.
ALTER TABLE projects
  ADD COLUMN IF NOT EXISTS deadline_due DATE NULL,
  ADD COLUMN IF NOT EXISTS steps_done SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  ADD INDEX IF NOT EXISTS ix_projects_lead_deadline (lead_id, deadline_due),
  ADD INDEX IF NOT EXISTS ix_projects_dept_status (department_id, status),
  ADD INDEX IF NOT EXISTS ix_projects_creator_status (created_by, status),
  ADD INDEX IF NOT EXISTS ix_projects_blocked_dept (blocked_stage, department_id),
  ADD INDEX IF NOT EXISTS ix_projects_blocked_creator (blocked_stage, created_by);

UPDATE projects p JOIN project_slips sl ON sl.project_id = p.id AND sl.status = 'accepted'
  SET p.deadline_due = IF(sl.learn_done_on IS NULL, sl.learn_due,
                          IF(sl.coach_done_on IS NULL, sl.coach_due, NULL))
  WHERE p.deadline_due IS NULL;
UPDATE projects p SET p.steps_done =
  (SELECT COUNT(*) FROM project_steps s WHERE s.project_id = p.id);

CREATE ROLE IF NOT EXISTS guwen_app;
GRANT SELECT, INSERT, UPDATE ON project_types TO guwen_app;
GRANT SELECT, INSERT, UPDATE ON project_type_steps TO guwen_app;
GRANT SELECT, INSERT, UPDATE ON project_type_materials TO guwen_app;
