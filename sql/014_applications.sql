-- 014_applications.sql — onboarding applications (入驻申请, issue 10): a public
-- form, a private status link (only its SHA-256 kept), rounds of edits kept
-- whole for the reviewer's diff, and the client an approval created or linked.

CREATE TABLE applications (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  status ENUM('submitted','rejected','approved','withdrawn') NOT NULL DEFAULT 'submitted',
  -- SHA-256 (hex) of the private link's token; the token itself is not kept
  link_hash CHAR(64) CHARACTER SET ascii NOT NULL,
  round INT UNSIGNED NOT NULL DEFAULT 1,
  -- the current round's data (the list and the approval read it from here)
  company_name VARCHAR(200) NOT NULL,
  uscc CHAR(18) CHARACTER SET ascii NOT NULL,
  contact_name VARCHAR(50) NOT NULL,
  contact_phone VARCHAR(32) NULL,
  contact_email VARCHAR(254) NULL,
  services VARCHAR(200) NOT NULL,
  trust ENUM('normal','suspect') NOT NULL DEFAULT 'normal',
  suspect_reason VARCHAR(16) NULL,
  reason TEXT NULL,              -- the last rejection's reason, shown to the applicant
  reviewer_id INT UNSIGNED NULL,
  reviewed_at DATETIME NULL,
  client_id INT UNSIGNED NULL,   -- the client created or linked on approval
  submitted_at DATETIME NOT NULL, -- the current round's (the queue's age)
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  UNIQUE KEY uq_applications_link (link_hash),
  KEY ix_applications_status (status, id),
  KEY ix_applications_submitted (submitted_at),
  CONSTRAINT fk_applications_client FOREIGN KEY (client_id) REFERENCES clients (id),
  CONSTRAINT fk_applications_reviewer FOREIGN KEY (reviewer_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every round as submitted, and its decision; form_key is the signed form
-- token's idempotency key, so a post repeated never makes a second round.
CREATE TABLE application_rounds (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  application_id INT UNSIGNED NOT NULL,
  round INT UNSIGNED NOT NULL,
  form_key CHAR(64) CHARACTER SET ascii NOT NULL,
  company_name VARCHAR(200) NOT NULL,
  uscc CHAR(18) CHARACTER SET ascii NOT NULL,
  contact_name VARCHAR(50) NOT NULL,
  contact_phone VARCHAR(32) NULL,
  contact_email VARCHAR(254) NULL,
  services VARCHAR(200) NOT NULL,
  licence_file_id INT UNSIGNED NULL,
  submitted_at DATETIME NOT NULL,
  decision ENUM('approved','rejected') NULL,
  reason TEXT NULL,
  reviewer_id INT UNSIGNED NULL,
  decided_at DATETIME NULL,
  UNIQUE KEY uq_application_rounds (application_id, round),
  UNIQUE KEY uq_application_rounds_key (form_key),
  CONSTRAINT fk_rounds_application FOREIGN KEY (application_id) REFERENCES applications (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The business licence scans, outside the web root (lib/upload.c).
CREATE TABLE application_files (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  application_id INT UNSIGNED NOT NULL,
  stored_name CHAR(32) CHARACTER SET ascii NOT NULL,
  orig_name VARCHAR(255) NOT NULL,
  ctype VARCHAR(64) NOT NULL,
  size INT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  KEY ix_application_files (application_id),
  CONSTRAINT fk_application_files FOREIGN KEY (application_id) REFERENCES applications (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The client an approval created names its application (013 left the key to us).
ALTER TABLE clients
  ADD CONSTRAINT fk_clients_application FOREIGN KEY (application_id) REFERENCES applications (id);

-- Rounds and files are history: no DELETE.
GRANT SELECT, INSERT, UPDATE ON applications TO guwen_app;
GRANT SELECT, INSERT, UPDATE ON application_rounds TO guwen_app;
GRANT SELECT, INSERT ON application_files TO guwen_app;
