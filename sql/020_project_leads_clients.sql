-- 020_project_leads_clients.sql — a lead on one of a client's projects has a
-- reason to see the client and shares its documents (DOMAIN.md "Client
-- records"), and every client rule reads client_leads: the leads of the
-- projects so far become leads of their clients. From now on projects.fcgi adds
-- each new project lead (gw_client_project_lead, with a history row).
INSERT IGNORE INTO client_leads (client_id, user_id, added_by, added_at)
  SELECT p.client_id, p.lead_id, NULL, MIN(p.created_at) FROM projects p
  WHERE p.lead_id IS NOT NULL GROUP BY p.client_id, p.lead_id;
