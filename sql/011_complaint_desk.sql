-- 011_complaint_desk.sql — the front desk's search and the overdue list (issues 9, 13).
--  * Search: a caller's complaint in one step without reading the table. A
--    tracking number (any spelling, normalised by the program) is the unique
--    key; a phone number is matched on its digits (phone_key: the phone as
--    stored without its spaces and hyphens, a virtual column, indexed); a name,
--    company or client's name by its beginning (prefix ranges on their
--    indexes). A substring ('%q%') could use no index and would read every row.
--  * Overdue: whether a complaint is overdue depends on the time now, which no
--    index holds, so the list's overdue filter read every overdue complaint to
--    order them. The flag overdue is kept instead: set by `guwen jobs` when a
--    resolution deadline passes, set or cleared with every event of a
--    complaint (each change of stage, deadline or waiting writes one); the
--    list walks (trust, overdue, id) like the other filters.
ALTER TABLE complaints
  ADD COLUMN phone_key VARCHAR(32) AS (REPLACE(REPLACE(phone, ' ', ''), '-', '')) VIRTUAL,
  ADD COLUMN overdue TINYINT(1) NOT NULL DEFAULT 0,
  ADD KEY ix_complaints_phone (phone_key),
  ADD KEY ix_complaints_name (name),
  ADD KEY ix_complaints_company (company),
  ADD KEY ix_complaints_list_overdue (trust, overdue, id);

UPDATE complaints SET overdue = 1
  WHERE stage IN ('registered', 'investigating') AND waiting_since IS NULL
  AND resolution_due < UTC_TIMESTAMP();

-- Timeline events as codes with parameters (issue 9): a code (L.Timeline.<code>
-- in templates/lang/*.hdf) and its parameters ("name=value" lines) are
-- rendered in the reader's language; body keeps only a person's own words.
-- Older rows (code NULL) still show their stored text.
ALTER TABLE complaint_events
  ADD COLUMN code VARCHAR(40) CHARACTER SET ascii NULL AFTER kind,
  ADD COLUMN params VARCHAR(2000) NULL AFTER code;
