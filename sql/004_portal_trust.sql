-- 004_portal_trust.sql — nothing acknowledged is lost, nothing is stored twice,
-- and no real person gets a false answer (issue 6, the public portal):
--  * form_token: the keyed hash of the public form's signed token, the post's
--    idempotency key (a double click or Back + resubmit finds the same row);
--  * trust: a post over the per-address limit or sent faster than a person can
--    fill the form is stored as 'suspected' (待核实) and kept out of the normal
--    lists and the deadline clock until staff release it ('ok', released_at
--    starts its clock) or discard it with a reason ('discarded');
--  * rate_counts: per-address counting in O(1) — one counter per (keyed address
--    hash, kind, 5-minute slot), old slots removed by `guwen jobs`.
ALTER TABLE complaints
  ADD COLUMN form_token CHAR(64) CHARACTER SET ascii NULL,
  ADD COLUMN trust ENUM('ok','suspected','discarded') NOT NULL DEFAULT 'ok',
  ADD COLUMN suspect_reason VARCHAR(16) CHARACTER SET ascii NULL,
  ADD COLUMN released_at DATETIME NULL,
  ADD UNIQUE KEY uq_complaints_form_token (form_token),
  ADD KEY ix_complaints_trust (trust, id);

CREATE TABLE rate_counts (
  addr CHAR(64) CHARACTER SET ascii NOT NULL,   -- HMAC of the address (index key)
  kind VARCHAR(16) CHARACTER SET ascii NOT NULL, -- complaint, lookup-fail
  slot INT UNSIGNED NOT NULL,                    -- unix time / 300
  n INT UNSIGNED NOT NULL,
  PRIMARY KEY (addr, kind, slot),
  KEY ix_rate_counts_slot (slot)
) ENGINE=InnoDB;

DROP TABLE rate_events;

GRANT SELECT, INSERT, UPDATE, DELETE ON rate_counts TO guwen_app;
