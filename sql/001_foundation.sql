-- 001_foundation.sql — staff, departments, sessions, sign-in attempts, audit log,
-- working-day calendar, settings, mail outbox. Times are UTC.
-- Every statement may run again (IF NOT EXISTS, INSERT IGNORE): a run that
-- stopped halfway continues. The role and grants at the end are optional:
-- `guwen migrate` skips them, with a notice, for an account that may not
-- manage roles, and `guwen db grant` applies them later.

CREATE TABLE IF NOT EXISTS departments (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL,
  UNIQUE KEY uq_departments_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS users (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  login VARCHAR(64) NOT NULL,
  name VARCHAR(100) NOT NULL,
  email VARCHAR(254) NULL,
  phone VARCHAR(32) NULL,
  role VARCHAR(16) NOT NULL,
  department_id INT UNSIGNED NULL,
  clearance TINYINT UNSIGNED NOT NULL DEFAULT 1,
  lang VARCHAR(8) NOT NULL DEFAULT 'zh-CN',
  password_hash VARCHAR(160) NOT NULL,
  must_change TINYINT(1) NOT NULL DEFAULT 0,
  active TINYINT(1) NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  password_changed_at DATETIME NULL,
  UNIQUE KEY uq_users_login (login),
  KEY ix_users_department (department_id, active),
  CONSTRAINT fk_users_department FOREIGN KEY (department_id) REFERENCES departments (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- id is the hex SHA-256 of the cookie token: the database never holds the token.
CREATE TABLE IF NOT EXISTS sessions (
  id CHAR(64) CHARACTER SET ascii NOT NULL PRIMARY KEY,
  user_id INT UNSIGNED NOT NULL,
  csrf CHAR(64) CHARACTER SET ascii NOT NULL,
  created_at DATETIME NOT NULL,
  seen_at DATETIME NOT NULL,
  ip VARCHAR(45) NOT NULL DEFAULT '',
  KEY ix_sessions_user (user_id),
  CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS login_attempts (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  login VARCHAR(64) NOT NULL,
  ip VARCHAR(45) NOT NULL,
  at DATETIME NOT NULL,
  ok TINYINT(1) NOT NULL,
  KEY ix_attempts_login (login, at),
  KEY ix_attempts_ip (ip, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS audit_log (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at DATETIME NOT NULL,
  user_id INT UNSIGNED NULL,
  ip VARCHAR(45) NOT NULL DEFAULT '',
  action VARCHAR(48) NOT NULL,
  entity VARCHAR(32) NOT NULL DEFAULT '',
  entity_id BIGINT UNSIGNED NULL,
  detail VARCHAR(1000) NULL,
  KEY ix_audit_at (at),
  KEY ix_audit_user (user_id, at),
  KEY ix_audit_entity (entity, entity_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Exceptions to Monday–Friday: public holidays and make-up working days (调休).
CREATE TABLE IF NOT EXISTS calendar_days (
  day DATE NOT NULL PRIMARY KEY,
  kind ENUM('holiday','workday') NOT NULL,
  name VARCHAR(100) NOT NULL DEFAULT '',
  updated_by INT UNSIGNED NULL,
  updated_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS settings (
  name VARCHAR(64) CHARACTER SET ascii NOT NULL PRIMARY KEY,
  value VARCHAR(1000) NOT NULL,
  updated_by INT UNSIGNED NULL,
  updated_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS outbox (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  to_addr VARCHAR(254) NOT NULL,
  subject VARCHAR(255) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  created_at DATETIME NOT NULL,
  sent_at DATETIME NULL,
  attempts INT UNSIGNED NOT NULL DEFAULT 0,
  last_error VARCHAR(255) NULL,
  KEY ix_outbox_pending (sent_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO settings (name, value, updated_at) VALUES
  ('centre_name', '财税顾问中心', UTC_TIMESTAMP()),
  ('contact_days', '30', UTC_TIMESTAMP()),
  ('summary_weekday', '5', UTC_TIMESTAMP());

-- The application's role: history tables get no DELETE; the audit log only
-- INSERT and SELECT, so the database itself keeps it append-only.
CREATE ROLE IF NOT EXISTS guwen_app;
GRANT SELECT, INSERT, UPDATE ON departments TO guwen_app;
GRANT SELECT, INSERT, UPDATE ON users TO guwen_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO guwen_app;
GRANT SELECT, INSERT ON login_attempts TO guwen_app;
GRANT SELECT, INSERT ON audit_log TO guwen_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON calendar_days TO guwen_app;
GRANT SELECT, INSERT, UPDATE ON settings TO guwen_app;
GRANT SELECT, INSERT, UPDATE ON outbox TO guwen_app;
-- guwen backup (run by guwen jobs as the programs' account) reads the schema's
-- version; `guwen migrate` made both tables before this script runs.
GRANT SELECT ON schema_migrations TO guwen_app;
GRANT SELECT ON schema_progress TO guwen_app;
