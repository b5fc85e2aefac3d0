-- 005_staff_security.sql — staff acting on the same complaint at once (a version
-- per complaint, checked and bumped by every action), registration forms used
-- once (a reload shows the complaint already registered instead of a second
-- one).

ALTER TABLE complaints ADD COLUMN version INT UNSIGNED NOT NULL DEFAULT 0 AFTER updated_at;

-- The key of each staff registration form (random, per form shown), once used.
CREATE TABLE staff_form_keys (
  form_key CHAR(64) CHARACTER SET ascii NOT NULL PRIMARY KEY,
  user_id INT UNSIGNED NOT NULL,
  complaint_id INT UNSIGNED NULL,
  used_at DATETIME NOT NULL,
  KEY ix_staff_form_keys_used (used_at)
) ENGINE=InnoDB;

GRANT SELECT, INSERT, UPDATE, DELETE ON staff_form_keys TO guwen_app;
