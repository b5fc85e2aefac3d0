-- 022_visit_review.sql — what follows a visit report: the outbox row of the
-- visit content mailed to the client (so the visit page says "queued" or
-- "sent" from the outbox itself, never from a flag alone), the complaints
-- made from a visit's opinions (linked both ways), and the archive's
-- category look-up.

ALTER TABLE visits
  ADD COLUMN IF NOT EXISTS mail_outbox_id BIGINT UNSIGNED NULL AFTER mail_queued_at,
  ADD KEY IF NOT EXISTS ix_visits_category (category, status, id);

-- A complaint registered from a visit's opinions ("turn an opinion into a
-- complaint"): one row per complaint, so the complaint page names its visit
-- and the visit's page lists its complaints.
CREATE TABLE IF NOT EXISTS visit_complaints (
  complaint_id INT UNSIGNED NOT NULL PRIMARY KEY,
  visit_id INT UNSIGNED NOT NULL,
  created_by INT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  KEY ix_visit_complaints_visit (visit_id, complaint_id),
  CONSTRAINT fk_visit_complaints_complaint FOREIGN KEY (complaint_id) REFERENCES complaints (id),
  CONSTRAINT fk_visit_complaints_visit FOREIGN KEY (visit_id) REFERENCES visits (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE ROLE IF NOT EXISTS guwen_app;
GRANT SELECT, INSERT ON visit_complaints TO guwen_app;
