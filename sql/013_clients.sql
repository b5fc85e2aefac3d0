-- 013_clients.sql — client records (客户档案, issue 10): the three classes of
-- information, contacts, leads, history with old values, financial periods and
-- files, and the side tables that let a list search without reading clients.
--
-- Sensitivity (DOMAIN.md): basic = 1, business (main_business, financing_needs,
-- loan_purpose) = 2, financial and the legal representative's ID number = 3.
-- Level-3 values are stored sealed (lib/crypto.c gw_crypto_seal: AES-256-GCM,
-- key id in the value, "<table>.<column>:<row id>" as associated data); an ID
-- number is found by exact value only, through its blind index (HMAC).

ALTER TABLE clients
  ADD COLUMN industry VARCHAR(50) NULL AFTER uscc,
  ADD COLUMN address VARCHAR(300) NULL AFTER industry,
  ADD COLUMN legal_rep_name VARCHAR(100) NULL AFTER address,
  ADD COLUMN legal_rep_id VARBINARY(64) NULL AFTER legal_rep_name,      -- sealed, level 3
  ADD COLUMN legal_rep_id_bidx CHAR(64) CHARACTER SET ascii NULL AFTER legal_rep_id,
  ADD COLUMN main_business VARCHAR(2000) NULL,                          -- level 2
  ADD COLUMN financing_needs VARCHAR(2000) NULL,                        -- level 2
  ADD COLUMN loan_purpose VARCHAR(2000) NULL,                           -- level 2
  ADD COLUMN verified_at DATETIME NULL,
  ADD COLUMN verified_by INT UNSIGNED NULL,
  ADD COLUMN application_id INT UNSIGNED NULL,   -- the onboarding application it came from
  ADD COLUMN created_by INT UNSIGNED NULL,
  ADD COLUMN version INT UNSIGNED NOT NULL DEFAULT 1,
  ADD KEY ix_clients_legal_rep_bidx (legal_rep_id_bidx),
  ADD KEY ix_clients_dept (department_id, id),
  ADD KEY ix_clients_tier (tier, id),
  ADD KEY ix_clients_industry (industry, id),
  ADD KEY ix_clients_contact_phone (contact_phone),
  ADD KEY ix_clients_contact_name (contact_name),
  ADD KEY ix_clients_last_contact (last_contact_on, id),
  ADD CONSTRAINT fk_clients_verified_by FOREIGN KEY (verified_by) REFERENCES users (id),
  ADD CONSTRAINT fk_clients_created_by FOREIGN KEY (created_by) REFERENCES users (id);

-- Contacts: several per client, one primary (is_primary = 1; primary_key holds
-- the client id on the primary row only, so a unique key allows one of them).
-- The primary contact's name and phone are copied to clients.contact_* for the
-- list's columns and search.
CREATE TABLE client_contacts (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  client_id INT UNSIGNED NOT NULL,
  name VARCHAR(100) NOT NULL,
  role VARCHAR(100) NULL,
  phone VARCHAR(32) NULL,
  email VARCHAR(254) NULL,
  wechat VARCHAR(64) NULL,
  qq VARCHAR(20) CHARACTER SET ascii NULL,
  is_primary TINYINT(1) NOT NULL DEFAULT 0,
  primary_of INT UNSIGNED AS (IF(is_primary = 1, client_id, NULL)) PERSISTENT,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  UNIQUE KEY uq_client_contacts_primary (primary_of),
  KEY ix_client_contacts_client (client_id, id),
  KEY ix_client_contacts_name (name, client_id),
  KEY ix_client_contacts_phone (phone, client_id),
  CONSTRAINT fk_client_contacts_client FOREIGN KEY (client_id) REFERENCES clients (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Leads (负责顾问): several advisors per client; clients.lead_id stays the first
-- (main) one. A lead has a reason to see the client.
CREATE TABLE client_leads (
  client_id INT UNSIGNED NOT NULL,
  user_id INT UNSIGNED NOT NULL,
  added_by INT UNSIGNED NULL,
  added_at DATETIME NOT NULL,
  PRIMARY KEY (client_id, user_id),
  KEY ix_client_leads_user (user_id, client_id),
  CONSTRAINT fk_client_leads_client FOREIGN KEY (client_id) REFERENCES clients (id),
  CONSTRAINT fk_client_leads_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Name search: every 1- and 2-character piece of a client's name (characters,
-- not bytes) with the name itself, so a substring search walks the rarest of
-- the query's grams in name order (ix_client_name_grams_name: gram, name, id),
-- checks the name there and stops at a page: it never reads the clients table
-- beyond the rows it shows. id is the list's key (one row per client and gram).
CREATE TABLE client_name_grams (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  gram VARCHAR(2) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  client_id INT UNSIGNED NOT NULL,
  name VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  UNIQUE KEY uq_client_name_grams (gram, client_id),
  KEY ix_client_name_grams_name (gram, name),
  KEY ix_client_name_grams_client (client_id),
  CONSTRAINT fk_client_name_grams_client FOREIGN KEY (client_id) REFERENCES clients (id)
) ENGINE=InnoDB;

-- History: one row per change (created, edited, verified, contacted, a file, a
-- period) with who, when and the required reason; its fields' old and new
-- values in client_history_fields. A level-3 field's values are sealed there
-- ("client_history_fields.old_value:<history id>.<field>"), a level-2 one shown
-- only to those who may see level 2. Both tables are append-only for the
-- application (INSERT and SELECT only).
CREATE TABLE client_history (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  client_id INT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  user_id INT UNSIGNED NULL,
  kind ENUM('created','edited','verified','contacted','contact','lead','period','file') NOT NULL,
  reason VARCHAR(500) NOT NULL,
  KEY ix_client_history_client (client_id, id),
  CONSTRAINT fk_client_history_client FOREIGN KEY (client_id) REFERENCES clients (id),
  CONSTRAINT fk_client_history_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE client_history_fields (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  history_id INT UNSIGNED NOT NULL,
  field VARCHAR(48) CHARACTER SET ascii NOT NULL,
  level TINYINT UNSIGNED NOT NULL DEFAULT 1,
  sealed TINYINT(1) NOT NULL DEFAULT 0,
  old_value VARBINARY(4096) NULL,
  new_value VARBINARY(4096) NULL,
  KEY ix_client_history_fields_history (history_id, id),
  CONSTRAINT fk_client_history_fields_history FOREIGN KEY (history_id) REFERENCES client_history (id)
) ENGINE=InnoDB;

-- Financial periods (level 3): the key figures of balance sheet, income
-- statement, cash flow and tax return in fen, each sealed on its own
-- ("client_periods.<column>:<id>").
CREATE TABLE client_periods (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  client_id INT UNSIGNED NOT NULL,
  period VARCHAR(10) CHARACTER SET ascii NOT NULL,   -- 2025, 2025-Q3 or 2025-09
  total_assets VARBINARY(64) NULL,
  total_liabilities VARBINARY(64) NULL,
  owners_equity VARBINARY(64) NULL,
  revenue VARBINARY(64) NULL,
  total_profit VARBINARY(64) NULL,
  net_profit VARBINARY(64) NULL,
  operating_cash_flow VARBINARY(64) NULL,
  investing_cash_flow VARBINARY(64) NULL,
  financing_cash_flow VARBINARY(64) NULL,
  vat_payable VARBINARY(64) NULL,
  income_tax_payable VARBINARY(64) NULL,
  created_by INT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  UNIQUE KEY uq_client_periods (client_id, period),
  CONSTRAINT fk_client_periods_client FOREIGN KEY (client_id) REFERENCES clients (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Financial files (level 3): stored encrypted outside the web root under
-- stored_name; the name the uploader's device gave is sealed too
-- ("client_files.orig_name:<id>").
CREATE TABLE client_files (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  client_id INT UNSIGNED NOT NULL,
  period_id INT UNSIGNED NULL,
  kind ENUM('balance_sheet','income_statement','cash_flow','tax_return','other') NOT NULL,
  stored_name CHAR(32) CHARACTER SET ascii NOT NULL,
  orig_name VARBINARY(400) NOT NULL,
  ctype VARCHAR(100) CHARACTER SET ascii NOT NULL,
  size INT UNSIGNED NOT NULL,
  created_by INT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  UNIQUE KEY uq_client_files_stored (stored_name),
  KEY ix_client_files_client (client_id, id),
  CONSTRAINT fk_client_files_client FOREIGN KEY (client_id) REFERENCES clients (id),
  CONSTRAINT fk_client_files_period FOREIGN KEY (period_id) REFERENCES client_periods (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

GRANT SELECT, INSERT, UPDATE ON client_contacts TO guwen_app;
GRANT SELECT, INSERT, DELETE ON client_leads TO guwen_app;
GRANT SELECT, INSERT, DELETE ON client_name_grams TO guwen_app;
GRANT SELECT, INSERT ON client_history TO guwen_app;
GRANT SELECT, INSERT ON client_history_fields TO guwen_app;
GRANT SELECT, INSERT, UPDATE ON client_periods TO guwen_app;
GRANT SELECT, INSERT, UPDATE ON client_files TO guwen_app;

-- Every existing client gets its main lead as a lead row, its contact as the
-- primary contact, and its name's grams.
INSERT INTO client_leads (client_id, user_id, added_at)
  SELECT id, lead_id, created_at FROM clients WHERE lead_id IS NOT NULL;
INSERT INTO client_contacts (client_id, name, phone, email, is_primary, created_at, updated_at)
  SELECT id, contact_name, contact_phone, contact_email, 1, created_at, updated_at
  FROM clients WHERE contact_name IS NOT NULL;
INSERT IGNORE INTO client_name_grams (gram, client_id, name)
  WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 200)
  SELECT LOWER(SUBSTRING(c.name, seq.n, 1)), c.id, c.name FROM clients c
  JOIN seq ON seq.n <= CHAR_LENGTH(c.name)
  UNION ALL
  SELECT LOWER(SUBSTRING(c.name, seq.n, 2)), c.id, c.name FROM clients c
  JOIN seq ON seq.n < CHAR_LENGTH(c.name);
