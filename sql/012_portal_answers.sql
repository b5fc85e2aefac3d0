-- 012_portal_answers.sql — the complainant's side of the portal (issue 9).
--  * The centre's phone number and office hours, shown on every public page
--    (the admin edits them in /admin/settings; the hours in both languages).
--    The phone is stored in its normal form (lib/valid.c gw_phone_normalize);
--    empty until the admin gives it.
--  * Answers on the status page need no table of their own: an answer is a
--    public "answered" event on the complaint's timeline, its photos are
--    complaint_files rows, its form token is remembered in used_form_tokens
--    (a second post is not stored) and answers per address are counted in
--    rate_counts (kind 'answer').
INSERT IGNORE INTO settings (name, value, updated_at) VALUES
  ('centre_phone', '', UTC_TIMESTAMP()),
  ('office_hours_zh', '工作日 9:00–17:30', UTC_TIMESTAMP()),
  ('office_hours_en', 'Working days 9:00–17:30', UTC_TIMESTAMP());
