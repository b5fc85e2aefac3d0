-- 006_mail.sql — the outbox becomes a queue that `guwen mail` works through:
-- a status per message, retries with backoff, a lease so that two runs never
-- send the same message, an HTML part, and notices that found nobody to receive
-- them (status 'norecipient', shown to the admin). Rerunnable.

ALTER TABLE outbox
  ADD COLUMN IF NOT EXISTS status VARCHAR(16) NOT NULL DEFAULT 'queued' AFTER id,
  ADD COLUMN IF NOT EXISTS html MEDIUMTEXT NULL AFTER body,
  ADD COLUMN IF NOT EXISTS for_whom VARCHAR(255) NULL AFTER to_addr,
  ADD COLUMN IF NOT EXISTS next_try_at DATETIME NULL AFTER attempts,
  ADD COLUMN IF NOT EXISTS claim CHAR(32) CHARACTER SET ascii NULL AFTER next_try_at,
  ADD COLUMN IF NOT EXISTS lease_until DATETIME NULL AFTER claim,
  ADD COLUMN IF NOT EXISTS failed_at DATETIME NULL AFTER sent_at;

-- rows queued before this migration: those with sent_at set went out already
UPDATE outbox SET status = 'sent' WHERE sent_at IS NOT NULL AND status = 'queued';

CREATE INDEX IF NOT EXISTS ix_outbox_status ON outbox (status, next_try_at, id);
