-- 009_list_indexes.sql — every complaint list filter's order served by an index
-- (issue 13), so that no page of any filter reads rows it does not show. The
-- lists (lib/list.c) put only the filters that are on into the statement and
-- order by id, newest first, with keyset paging (id < the last one shown):
--  * an equality filter of the 'all' tab walks (trust, filter, id) backwards;
--  * a tab's scope (owner, department) with its own equality walks
--    (scope, trust, id), so unclassified or suspected rows on top are skipped
--    without being read;
--  * client and advisor (trust in the index, ending in the key) replace their
--    (column, id) indexes, which also keep their foreign keys served; the old
--    (source, id) is replaced by (trust, source, id);
--  * overdue (open, the clock running, the resolution deadline passed) is a
--    range on (trust, waiting_since, stage, resolution_due): only the keys of
--    overdue rows are read, from this index alone, then ordered (a page reads
--    its keys first: lib/list.c) — a set as large as the overdue ones, not the
--    whole table by id.
ALTER TABLE complaints
  ADD KEY ix_complaints_list_severity (trust, severity, id),
  ADD KEY ix_complaints_list_stage (trust, stage, id),
  ADD KEY ix_complaints_list_source (trust, source, id),
  ADD KEY ix_complaints_list_owner (owner_id, trust, id),
  ADD KEY ix_complaints_list_dept (department_id, trust, id),
  ADD KEY ix_complaints_list_client (client_id, trust, id),
  ADD KEY ix_complaints_list_advisor (advisor_id, trust, id),
  ADD KEY ix_complaints_overdue (trust, waiting_since, stage, resolution_due),
  DROP KEY ix_complaints_source,
  DROP KEY ix_complaints_client,
  DROP KEY ix_complaints_advisor;
