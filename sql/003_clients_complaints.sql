-- 003_clients_complaints.sql — client records (the basic columns that complaints
-- link to; the clients module adds the rest) and complaints (投诉) with their
-- timeline, attachments, deadlines and public look-up.

CREATE TABLE clients (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  uscc CHAR(18) CHARACTER SET ascii NULL,
  tier ENUM('normal','premium') NOT NULL DEFAULT 'normal',
  department_id INT UNSIGNED NULL,
  lead_id INT UNSIGNED NULL,
  contact_name VARCHAR(100) NULL,
  contact_phone VARCHAR(32) NULL,
  contact_email VARCHAR(254) NULL,
  last_contact_on DATE NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  UNIQUE KEY uq_clients_uscc (uscc),
  KEY ix_clients_name (name),
  KEY ix_clients_lead (lead_id),
  CONSTRAINT fk_clients_department FOREIGN KEY (department_id) REFERENCES departments (id),
  CONSTRAINT fk_clients_lead FOREIGN KEY (lead_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Tracking numbers TS-YYYYMMDD-NNNN: one counter row per day.
CREATE TABLE complaint_seq (
  day DATE NOT NULL PRIMARY KEY,
  n INT UNSIGNED NOT NULL
) ENGINE=InnoDB;

CREATE TABLE complaints (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tracking_no VARCHAR(20) CHARACTER SET ascii NOT NULL,
  -- HMAC of tracking number and verification code; the code itself is not kept
  verify_mac CHAR(64) CHARACTER SET ascii NOT NULL,
  source ENUM('web','phone','visit','email') NOT NULL,
  name VARCHAR(100) NOT NULL,
  phone VARCHAR(32) NULL,
  email VARCHAR(254) NULL,
  company VARCHAR(200) NULL,
  client_id INT UNSIGNED NULL,
  subject_text VARCHAR(200) NULL,          -- advisor or project named by the complainant
  advisor_id INT UNSIGNED NULL,            -- the advisor concerned, when known
  happened_on DATE NULL,
  description TEXT NOT NULL,
  severity ENUM('a','b','c','d') NULL,     -- NULL until classified
  stage ENUM('registered','investigating','resolved','followup','closed') NOT NULL DEFAULT 'registered',
  department_id INT UNSIGNED NULL,
  owner_id INT UNSIGNED NULL,
  response_due DATETIME NULL,
  resolution_due DATETIME NULL,
  responded_at DATETIME NULL,
  resolved_at DATETIME NULL,
  closed_at DATETIME NULL,
  waiting_since DATETIME NULL,             -- waiting on the complainant: the clock stops
  escalation TINYINT UNSIGNED NOT NULL DEFAULT 0,  -- 0 none, 1 manager, 2 director
  warned_at DATETIME NULL,
  root_cause TEXT NULL,
  corrective_action TEXT NULL,
  rating TINYINT UNSIGNED NULL,
  rating_comment VARCHAR(1000) NULL,
  rated_at DATETIME NULL,
  created_by INT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  UNIQUE KEY uq_complaints_tracking (tracking_no),
  KEY ix_complaints_stage (stage, id),
  KEY ix_complaints_dept (department_id, stage, id),
  KEY ix_complaints_owner (owner_id, stage, id),
  KEY ix_complaints_severity (severity, stage, id),
  KEY ix_complaints_source (source, id),
  KEY ix_complaints_client (client_id, id),
  KEY ix_complaints_advisor (advisor_id, id),
  KEY ix_complaints_due (stage, resolution_due),
  CONSTRAINT fk_complaints_client FOREIGN KEY (client_id) REFERENCES clients (id),
  CONSTRAINT fk_complaints_dept FOREIGN KEY (department_id) REFERENCES departments (id),
  CONSTRAINT fk_complaints_owner FOREIGN KEY (owner_id) REFERENCES users (id),
  CONSTRAINT fk_complaints_advisor FOREIGN KEY (advisor_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The timeline: every event on a complaint. visibility 'public' = shown to the
-- complainant on the status page (replies); 'internal' never leaves the office.
CREATE TABLE complaint_events (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  complaint_id INT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  user_id INT UNSIGNED NULL,
  kind VARCHAR(24) NOT NULL,
  visibility ENUM('internal','public') NOT NULL DEFAULT 'internal',
  body TEXT NULL,
  KEY ix_events_complaint (complaint_id, id),
  CONSTRAINT fk_events_complaint FOREIGN KEY (complaint_id) REFERENCES complaints (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE complaint_files (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  complaint_id INT UNSIGNED NOT NULL,
  stored_name CHAR(32) CHARACTER SET ascii NOT NULL,
  orig_name VARCHAR(255) NOT NULL,
  ctype VARCHAR(64) NOT NULL,
  size INT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  KEY ix_files_complaint (complaint_id),
  CONSTRAINT fk_files_complaint FOREIGN KEY (complaint_id) REFERENCES complaints (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Public forms: per-address counters (the address is kept only as a keyed hash)
-- and the signed form tokens already used.
CREATE TABLE rate_events (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  bucket CHAR(64) CHARACTER SET ascii NOT NULL,
  at DATETIME NOT NULL,
  KEY ix_rate_bucket (bucket, at)
) ENGINE=InnoDB;

CREATE TABLE used_form_tokens (
  mac CHAR(64) CHARACTER SET ascii NOT NULL PRIMARY KEY,
  used_at DATETIME NOT NULL,
  KEY ix_used_at (used_at)
) ENGINE=InnoDB;

INSERT INTO settings (name, value, updated_at) VALUES
  ('complaint_a_response', '1', UTC_TIMESTAMP()),
  ('complaint_a_resolution', '5', UTC_TIMESTAMP()),
  ('complaint_b_response', '1', UTC_TIMESTAMP()),
  ('complaint_b_resolution', '10', UTC_TIMESTAMP()),
  ('complaint_c_response', '4', UTC_TIMESTAMP()),
  ('complaint_c_resolution', '48', UTC_TIMESTAMP()),
  ('complaint_d_response', '2', UTC_TIMESTAMP()),
  ('complaint_d_resolution', '72', UTC_TIMESTAMP()),
  ('complaint_warn_hours', '24', UTC_TIMESTAMP()),
  ('complaint_director_after_hours', '24', UTC_TIMESTAMP());

GRANT SELECT, INSERT, UPDATE ON clients TO guwen_app;
GRANT SELECT, INSERT, UPDATE ON complaint_seq TO guwen_app;
GRANT SELECT, INSERT, UPDATE ON complaints TO guwen_app;
GRANT SELECT, INSERT ON complaint_events TO guwen_app;
GRANT SELECT, INSERT ON complaint_files TO guwen_app;
GRANT SELECT, INSERT, DELETE ON rate_events TO guwen_app;
GRANT SELECT, INSERT, DELETE ON used_form_tokens TO guwen_app;
