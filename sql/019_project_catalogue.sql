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
  ADD INDEX IF NOT EXISTS ix_slips_learn_late (status, learn_late_at, learn_done_on, learn_due),
  ADD INDEX IF NOT EXISTS ix_slips_coach_late (status, coach_late_at, coach_done_on, coach_due);

CREATE ROLE IF NOT EXISTS guwen_app;
GRANT SELECT, INSERT, UPDATE ON project_types TO guwen_app;
GRANT SELECT, INSERT, UPDATE ON project_type_steps TO guwen_app;
GRANT SELECT, INSERT, UPDATE ON project_type_materials TO guwen_app;
