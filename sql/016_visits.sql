-- 016_visits.sql — return visits (回访): plans of whom to visit, the visits
-- themselves (proposed by `guwen jobs` or planned by staff), every appointment
-- attempt, the visit report (《客户回访情况表》) with its supervisor review,
-- classification and archive by the named keeper, the signed scan of an
-- on-site report, and each visit's timeline. Times are UTC; dates are the
-- centre's local dates.

-- A plan: the purpose, who registered it, and the staff consulted (project,
-- IP and market staff: visit_plan_staff).
CREATE TABLE IF NOT EXISTS visit_plans (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  purpose VARCHAR(1000) NOT NULL,
  created_by INT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  KEY ix_visit_plans_creator (created_by, id),
  CONSTRAINT fk_visit_plans_creator FOREIGN KEY (created_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS visit_plan_staff (
  plan_id INT UNSIGNED NOT NULL,
  user_id INT UNSIGNED NOT NULL,
  PRIMARY KEY (plan_id, user_id),
  CONSTRAINT fk_visit_plan_staff_plan FOREIGN KEY (plan_id) REFERENCES visit_plans (id),
  CONSTRAINT fk_visit_plan_staff_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- origin: plan (chosen in a plan), monthly (email visit of a 代理记账 client),
-- yearly (on-site visit of a client with a project in the last year),
-- followup (after a complaint moved to 后续跟踪).
-- status: planned (appointments to make) → visited (report due by report_due,
-- the next working day after visited_on) → submitted (awaiting review) →
-- returned (back for more detail) → submitted … → accepted → archived;
-- default_done (默认回访完毕: three failed attempts, note required);
-- cancelled (with a note).
-- propose_key makes `guwen jobs` idempotent: 'monthly:<client>:<YYYY-MM>',
-- 'yearly:<client>:<YYYY>', 'complaint:<id>'; NULL for planned visits.
CREATE TABLE IF NOT EXISTS visits (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  client_id INT UNSIGNED NOT NULL,
  plan_id INT UNSIGNED NULL,
  complaint_id INT UNSIGNED NULL,
  project_id INT UNSIGNED NULL,
  origin ENUM('plan','monthly','yearly','followup') NOT NULL,
  propose_key VARCHAR(48) CHARACTER SET ascii NULL,
  method ENUM('phone','onsite','wechat','email') NOT NULL,
  status ENUM('planned','visited','submitted','returned','accepted','archived',
              'default_done','cancelled') NOT NULL DEFAULT 'planned',
  department_id INT UNSIGNED NULL,
  visitor_id INT UNSIGNED NULL,
  -- the client's side: for premium (优质) clients the general manager
  contact_name VARCHAR(100) NULL,
  contact_role VARCHAR(50) NULL,
  due_on DATE NOT NULL,
  -- before an on-site visit: the agreed time and topics, and with whom in
  -- the business staff they were agreed
  agreed_at DATETIME NULL,
  agreed_topics VARCHAR(2000) NULL,
  agreed_with INT UNSIGNED NULL,
  failed_attempts TINYINT UNSIGNED NOT NULL DEFAULT 0,
  close_note VARCHAR(1000) NULL,
  visited_on DATE NULL,
  report_due DATE NULL,
  -- set by `guwen jobs` when report_due passed without a report
  report_escalated_at DATETIME NULL,
  -- the report (《客户回访情况表》)
  discussed TEXT NULL,
  opinions TEXT NULL,
  satisfaction TINYINT UNSIGNED NULL,
  actions TEXT NULL,
  signed TINYINT(1) NOT NULL DEFAULT 0,
  submitted_at DATETIME NULL,
  -- the supervisor's review (指导意见)
  guidance TEXT NULL,
  reviewed_by INT UNSIGNED NULL,
  reviewed_at DATETIME NULL,
  -- the keeper's classification and archive
  category VARCHAR(50) NULL,
  tags VARCHAR(200) NULL,
  archived_by INT UNSIGNED NULL,
  archived_at DATETIME NULL,
  -- the visit content mailed to the client after the visitor reviewed it
  mail_text TEXT NULL,
  mail_queued_at DATETIME NULL,
  version INT UNSIGNED NOT NULL DEFAULT 0,
  created_by INT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  UNIQUE KEY uq_visits_propose (propose_key),
  KEY ix_visits_visitor (visitor_id, status, id),
  KEY ix_visits_department (department_id, status, id),
  KEY ix_visits_status (status, id),
  KEY ix_visits_client (client_id, id),
  KEY ix_visits_report_due (status, report_due),
  KEY ix_visits_complaint (complaint_id),
  KEY ix_visits_plan (plan_id, id),
  CONSTRAINT fk_visits_client FOREIGN KEY (client_id) REFERENCES clients (id),
  CONSTRAINT fk_visits_plan FOREIGN KEY (plan_id) REFERENCES visit_plans (id),
  CONSTRAINT fk_visits_complaint FOREIGN KEY (complaint_id) REFERENCES complaints (id),
  CONSTRAINT fk_visits_project FOREIGN KEY (project_id) REFERENCES projects (id),
  CONSTRAINT fk_visits_department FOREIGN KEY (department_id) REFERENCES departments (id),
  CONSTRAINT fk_visits_visitor FOREIGN KEY (visitor_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each appointment attempt: when, how, the outcome.
CREATE TABLE IF NOT EXISTS visit_attempts (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  visit_id INT UNSIGNED NOT NULL,
  tried_at DATETIME NOT NULL,
  method ENUM('phone','onsite','wechat','email') NOT NULL,
  outcome ENUM('agreed','no_answer','declined','wrong_number','later') NOT NULL,
  note VARCHAR(1000) NULL,
  user_id INT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  KEY ix_visit_attempts_visit (visit_id, id),
  CONSTRAINT fk_visit_attempts_visit FOREIGN KEY (visit_id) REFERENCES visits (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The signed scan of an on-site visit report: stored outside the web root
-- under stored_name, like complaint files.
CREATE TABLE IF NOT EXISTS visit_files (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  visit_id INT UNSIGNED NOT NULL,
  stored_name CHAR(32) CHARACTER SET ascii NOT NULL,
  orig_name VARCHAR(255) NOT NULL,
  ctype VARCHAR(100) CHARACTER SET ascii NOT NULL,
  size INT UNSIGNED NOT NULL,
  created_by INT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  UNIQUE KEY uq_visit_files_stored (stored_name),
  KEY ix_visit_files_visit (visit_id, id),
  CONSTRAINT fk_visit_files_visit FOREIGN KEY (visit_id) REFERENCES visits (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS visit_events (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  visit_id INT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  user_id INT UNSIGNED NULL,
  kind VARCHAR(24) CHARACTER SET ascii NOT NULL,
  body TEXT NULL,
  KEY ix_visit_events_visit (visit_id, id),
  CONSTRAINT fk_visit_events_visit FOREIGN KEY (visit_id) REFERENCES visits (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The named keeper (档案管理员) who classifies and archives accepted reports:
-- a user id an admin sets (empty: none named yet).
INSERT IGNORE INTO settings (name, value, updated_at) VALUES
  ('visit_keeper', '', UTC_TIMESTAMP());

CREATE ROLE IF NOT EXISTS guwen_app;
GRANT SELECT, INSERT ON visit_plans TO guwen_app;
GRANT SELECT, INSERT ON visit_plan_staff TO guwen_app;
GRANT SELECT, INSERT, UPDATE ON visits TO guwen_app;
GRANT SELECT, INSERT ON visit_attempts TO guwen_app;
GRANT SELECT, INSERT ON visit_files TO guwen_app;
GRANT SELECT, INSERT ON visit_events TO guwen_app;
