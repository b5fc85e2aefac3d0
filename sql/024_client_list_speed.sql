-- 024_client_list_speed.sql — the client list and page within their budgets
-- (issue 10) at 100,000 clients.
--
-- A lead's own clients in name order: each lead row carries its client's name
-- (written with the row by gw_client_add_lead, kept by gw_client_grams on a
-- rename), so an advisor's list and name search walk
-- ix_client_leads_user_name in name order and stop at a page, instead of
-- joining every one of their clients and sorting them all by name.
ALTER TABLE client_leads
  ADD COLUMN IF NOT EXISTS name VARCHAR(200) NOT NULL DEFAULT '' AFTER user_id,
  ADD KEY IF NOT EXISTS ix_client_leads_user_name (user_id, name, client_id);

UPDATE client_leads l JOIN clients c ON c.id = l.client_id SET l.name = c.name
  WHERE l.name <> c.name;

GRANT UPDATE (name) ON client_leads TO guwen_app;

-- The staff who may lead a client, by name (the lead select of the client
-- page and the list's lead filter): read in index order, not sorted.
ALTER TABLE users
  ADD KEY IF NOT EXISTS ix_users_active_name (active, name, role);
