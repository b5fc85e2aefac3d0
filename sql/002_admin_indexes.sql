-- 002_admin_indexes.sql — the audit log filtered by action prefix ("user.",
-- "client.read_financial") without reading the whole log: a range on action,
-- with the primary key in the index for ORDER BY id DESC.
ALTER TABLE audit_log ADD KEY ix_audit_action (action);
