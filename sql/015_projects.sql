-- 015_projects.sql — service projects (项目): their types and steps as data (an
-- admin adds types), projects of a client with fee and lead, the steps checked
-- off, assignment slips (分配单) with their two working-day deadlines, and the
-- project's timeline. Times are UTC; dates are the centre's local dates.

CREATE TABLE IF NOT EXISTS project_types (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(32) CHARACTER SET ascii NOT NULL,
  name_zh VARCHAR(100) NOT NULL,
  name_en VARCHAR(100) NOT NULL,
  monthly TINYINT(1) NOT NULL DEFAULT 0,
  active TINYINT(1) NOT NULL DEFAULT 1,
  UNIQUE KEY uq_project_types_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS project_type_steps (
  type_id INT UNSIGNED NOT NULL,
  seq TINYINT UNSIGNED NOT NULL,
  name_zh VARCHAR(100) NOT NULL,
  name_en VARCHAR(100) NOT NULL,
  PRIMARY KEY (type_id, seq),
  CONSTRAINT fk_type_steps_type FOREIGN KEY (type_id) REFERENCES project_types (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- status: assigning (a slip is open), reassign (rejected once: market assigns
-- again), escalated (rejected twice: the manager answers market), answered
-- (market answers the client), active (accepted), closed.
CREATE TABLE IF NOT EXISTS projects (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  client_id INT UNSIGNED NOT NULL,
  type_id INT UNSIGNED NOT NULL,
  department_id INT UNSIGNED NOT NULL,
  lead_id INT UNSIGNED NULL,
  created_by INT UNSIGNED NOT NULL,
  status ENUM('assigning','reassign','escalated','answered','active','closed') NOT NULL DEFAULT 'assigning',
  rejections TINYINT UNSIGNED NOT NULL DEFAULT 0,
  fee_fen BIGINT UNSIGNED NOT NULL,
  fee_purpose VARCHAR(200) NOT NULL,
  fee_due DATE NOT NULL,
  fee_paid_on DATE NULL,
  fee_paid_fen BIGINT UNSIGNED NULL,
  -- "cannot proceed": raised by the lead with a reason, told to the manager,
  -- then by the manager to market; NULL when the project can go on
  blocked_stage ENUM('manager','market') NULL,
  blocked_reason VARCHAR(1000) NULL,
  -- starting work: the client's finance contact, the materials checklist mailed
  finance_qq VARCHAR(32) NULL,
  finance_wechat VARCHAR(64) NULL,
  checklist_sent_at DATETIME NULL,
  version INT UNSIGNED NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  KEY ix_projects_lead (lead_id, id),
  KEY ix_projects_department (department_id, id),
  KEY ix_projects_creator (created_by, id),
  KEY ix_projects_client (client_id),
  KEY ix_projects_unpaid (fee_paid_on, fee_due),
  CONSTRAINT fk_projects_client FOREIGN KEY (client_id) REFERENCES clients (id),
  CONSTRAINT fk_projects_type FOREIGN KEY (type_id) REFERENCES project_types (id),
  CONSTRAINT fk_projects_department FOREIGN KEY (department_id) REFERENCES departments (id),
  CONSTRAINT fk_projects_lead FOREIGN KEY (lead_id) REFERENCES users (id),
  CONSTRAINT fk_projects_creator FOREIGN KEY (created_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS project_steps (
  project_id INT UNSIGNED NOT NULL,
  seq TINYINT UNSIGNED NOT NULL,
  done_on DATE NOT NULL,
  done_by INT UNSIGNED NOT NULL,
  remark VARCHAR(500) NULL,
  done_at DATETIME NOT NULL,
  PRIMARY KEY (project_id, seq),
  CONSTRAINT fk_project_steps_project FOREIGN KEY (project_id) REFERENCES projects (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A slip to a department, and to one advisor of it or to anyone there. The
-- deadlines are counted in working days from slip_on: learn the client's
-- basics (2), finish the on-site coaching (3).
CREATE TABLE IF NOT EXISTS project_slips (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id INT UNSIGNED NOT NULL,
  slip_on DATE NOT NULL,
  department_id INT UNSIGNED NOT NULL,
  advisor_id INT UNSIGNED NULL,
  learn_due DATE NOT NULL,
  coach_due DATE NOT NULL,
  status ENUM('open','accepted','rejected') NOT NULL DEFAULT 'open',
  answered_by INT UNSIGNED NULL,
  answered_at DATETIME NULL,
  reason VARCHAR(1000) NULL,
  created_by INT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  KEY ix_slips_project (project_id, id),
  KEY ix_slips_advisor (advisor_id, status),
  KEY ix_slips_department (department_id, status),
  CONSTRAINT fk_slips_project FOREIGN KEY (project_id) REFERENCES projects (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS project_events (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id INT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  user_id INT UNSIGNED NULL,
  kind VARCHAR(24) NOT NULL,
  body TEXT NULL,
  KEY ix_project_events (project_id, id),
  CONSTRAINT fk_project_events_project FOREIGN KEY (project_id) REFERENCES projects (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The materials checklist (项目资料清单) of each type (rows: an admin edits
-- them) and the materials received for a project.
CREATE TABLE IF NOT EXISTS project_type_materials (
  type_id INT UNSIGNED NOT NULL,
  seq TINYINT UNSIGNED NOT NULL,
  name_zh VARCHAR(100) NOT NULL,
  name_en VARCHAR(100) NOT NULL,
  PRIMARY KEY (type_id, seq),
  CONSTRAINT fk_type_materials_type FOREIGN KEY (type_id) REFERENCES project_types (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS project_materials (
  project_id INT UNSIGNED NOT NULL,
  seq TINYINT UNSIGNED NOT NULL,
  received_on DATE NOT NULL,
  received_by INT UNSIGNED NOT NULL,
  PRIMARY KEY (project_id, seq),
  CONSTRAINT fk_project_materials_project FOREIGN KEY (project_id) REFERENCES projects (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 代理记账 is monthly: each month a period with its own steps, the filing
-- deadline (the 15th of the next month, moved to the next working day), the
-- filed date, and corrections (what and why: they feed the accuracy figure).
CREATE TABLE IF NOT EXISTS project_periods (
  project_id INT UNSIGNED NOT NULL,
  month CHAR(7) CHARACTER SET ascii NOT NULL,
  filing_due DATE NOT NULL,
  filed_on DATE NULL,
  filed_by INT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (project_id, month),
  KEY ix_periods_due (filed_on, filing_due),
  CONSTRAINT fk_periods_project FOREIGN KEY (project_id) REFERENCES projects (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS project_period_steps (
  project_id INT UNSIGNED NOT NULL,
  month CHAR(7) CHARACTER SET ascii NOT NULL,
  seq TINYINT UNSIGNED NOT NULL,
  done_on DATE NOT NULL,
  done_by INT UNSIGNED NOT NULL,
  PRIMARY KEY (project_id, month, seq),
  CONSTRAINT fk_period_steps FOREIGN KEY (project_id, month) REFERENCES project_periods (project_id, month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS project_corrections (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id INT UNSIGNED NOT NULL,
  month CHAR(7) CHARACTER SET ascii NOT NULL,
  at DATETIME NOT NULL,
  user_id INT UNSIGNED NOT NULL,
  what VARCHAR(500) NOT NULL,
  why VARCHAR(500) NOT NULL,
  KEY ix_corrections_period (project_id, month),
  CONSTRAINT fk_corrections_period FOREIGN KEY (project_id, month) REFERENCES project_periods (project_id, month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Collection cases (追款): opened by `guwen jobs` when a fee is unpaid past its
-- due date, worked by market and legal with notes, closed when it is paid.
CREATE TABLE IF NOT EXISTS project_collections (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id INT UNSIGNED NOT NULL,
  opened_at DATETIME NOT NULL,
  closed_at DATETIME NULL,
  KEY ix_collections_project (project_id, closed_at),
  KEY ix_collections_open (closed_at, id),
  CONSTRAINT fk_collections_project FOREIGN KEY (project_id) REFERENCES projects (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS project_collection_notes (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  collection_id INT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  user_id INT UNSIGNED NOT NULL,
  body VARCHAR(2000) NOT NULL,
  KEY ix_collection_notes (collection_id, id),
  CONSTRAINT fk_collection_notes FOREIGN KEY (collection_id) REFERENCES project_collections (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO project_types (id, code, name_zh, name_en, monthly) VALUES
  (1, 'bookkeeping', '代理记账', 'Bookkeeping', 1),
  (2, 'consulting', '财务咨询', 'Financial consulting', 0),
  (3, 'cleanup', '财务理账', 'Account clean-up', 0);

INSERT IGNORE INTO project_type_steps (type_id, seq, name_zh, name_en) VALUES
  (1, 1, '接收原始单证', 'Receive source documents'),
  (1, 2, '审核原始单据', 'Check the source documents'),
  (1, 3, '账务处理', 'Bookkeeping'),
  (1, 4, '纳税申报', 'Tax filing'),
  (1, 5, '妥善保管资料', 'Safekeeping'),
  (1, 6, '邮件反馈账务问题', 'Email feedback on issues'),
  (1, 7, '会计档案移交', 'Hand over archives'),
  (1, 8, '定期跟踪回访', 'Follow-up visits'),
  (2, 1, '了解财务情况', 'Learn the financial situation'),
  (2, 2, '了解财务战略规划', 'Learn the financial strategy'),
  (2, 3, '诊断财务状况', 'Diagnose the financial condition'),
  (2, 4, '提出解决方案', 'Propose solutions'),
  (2, 5, '定期跟踪回访', 'Follow-up visits'),
  (3, 1, '尽职调查', 'Due diligence'),
  (3, 2, '制定方案', 'Plan'),
  (3, 3, '账务整理', 'Tidy the accounts'),
  (3, 4, '提出问题', 'Findings'),
  (3, 5, '提出管理建议', 'Management advice'),
  (3, 6, '定期跟踪回访', 'Follow-up visits');

INSERT IGNORE INTO project_type_materials (type_id, seq, name_zh, name_en) VALUES
  (1, 1, '营业执照复印件', 'Copy of the business licence'),
  (1, 2, '银行开户许可证', 'Bank account permit'),
  (1, 3, '税控设备及密码', 'Tax control device and its password'),
  (1, 4, '上月财务报表及纳税申报表', 'Last month\'s statements and tax returns'),
  (1, 5, '原始凭证（发票、银行回单）', 'Source documents (invoices, bank slips)'),
  (1, 6, '员工工资表', 'Payroll'),
  (2, 1, '近三年财务报表', 'Financial statements of the last three years'),
  (2, 2, '公司组织架构', 'Organisation chart'),
  (2, 3, '经营计划', 'Business plan'),
  (3, 1, '历年账簿及凭证', 'Ledgers and vouchers of past years'),
  (3, 2, '银行对账单', 'Bank statements'),
  (3, 3, '纳税申报记录', 'Tax filing records'),
  (3, 4, '合同台账', 'Contract register');

CREATE ROLE IF NOT EXISTS guwen_app;
GRANT SELECT ON project_types TO guwen_app;
GRANT SELECT ON project_type_steps TO guwen_app;
GRANT SELECT ON project_type_materials TO guwen_app;
GRANT SELECT, INSERT ON project_materials TO guwen_app;
GRANT SELECT, INSERT, UPDATE ON project_periods TO guwen_app;
GRANT SELECT, INSERT ON project_period_steps TO guwen_app;
GRANT SELECT, INSERT ON project_corrections TO guwen_app;
GRANT SELECT, INSERT, UPDATE ON projects TO guwen_app;
GRANT SELECT, INSERT ON project_steps TO guwen_app;
GRANT SELECT, INSERT, UPDATE ON project_slips TO guwen_app;
GRANT SELECT, INSERT ON project_events TO guwen_app;
GRANT SELECT, INSERT, UPDATE ON project_collections TO guwen_app;
GRANT SELECT, INSERT ON project_collection_notes TO guwen_app;
