-- 010_complaint_work.sql — the work on complaints that reaches a person:
-- escalations as rows assigned to a person (written by `guwen jobs` in the
-- transaction of its mail), referrals to market until market has answered,
-- the complaints a member of staff registered, duplicates of a complaint, and
-- the response deadline's own escalation.

CREATE TABLE complaint_escalations (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  complaint_id INT UNSIGNED NOT NULL,
  user_id INT UNSIGNED NOT NULL,
  level TINYINT UNSIGNED NOT NULL,                      -- 1 manager, 2 director
  deadline ENUM('response', 'resolution') NOT NULL,
  created_at DATETIME NOT NULL,
  KEY ix_escalations_user (user_id, complaint_id),
  KEY ix_escalations_complaint (complaint_id),
  CONSTRAINT fk_escalations_complaint FOREIGN KEY (complaint_id) REFERENCES complaints (id),
  CONSTRAINT fk_escalations_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A referral to market (转交市场) is open until market records its answer to the client.
CREATE TABLE complaint_referrals (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  complaint_id INT UNSIGNED NOT NULL,
  referred_by INT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  answered_by INT UNSIGNED NULL,
  answered_at DATETIME NULL,
  KEY ix_referrals_open (answered_at, complaint_id),
  KEY ix_referrals_complaint (complaint_id),
  CONSTRAINT fk_referrals_complaint FOREIGN KEY (complaint_id) REFERENCES complaints (id),
  CONSTRAINT fk_referrals_by FOREIGN KEY (referred_by) REFERENCES users (id),
  CONSTRAINT fk_referrals_answered FOREIGN KEY (answered_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The response and the resolution deadlines escalate separately: escalation
-- and warned_at are the resolution deadline's, these the response deadline's.
ALTER TABLE complaints
  ADD COLUMN response_escalation TINYINT UNSIGNED NOT NULL DEFAULT 0 AFTER warned_at,
  ADD COLUMN response_warned_at DATETIME NULL AFTER response_escalation,
  ADD COLUMN duplicate_of INT UNSIGNED NULL,
  ADD KEY ix_complaints_duplicate (duplicate_of),
  ADD KEY ix_complaints_list_created_by (created_by, trust, id),
  ADD CONSTRAINT fk_complaints_duplicate FOREIGN KEY (duplicate_of) REFERENCES complaints (id);

GRANT SELECT, INSERT ON complaint_escalations TO guwen_app;
GRANT SELECT, INSERT, UPDATE ON complaint_referrals TO guwen_app;
