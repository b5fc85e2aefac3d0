-- 017_lookup_indexes.sql — the staff look-ups that every list page makes
-- served by an index (issue 13): the filter selects of the complaint and
-- client lists read the active people of some roles in name order ((role,
-- active, name), covering: no scan and, for one role, no sort), and the
-- client search asks whether the text is a person's name (name).
ALTER TABLE users
  ADD KEY ix_users_role_name (role, active, name),
  ADD KEY ix_users_name (name);

-- A department's a-level complaints that nobody owns (the start page of its
-- manager): counted from their own index entries, where (department_id,
-- stage, id) read every open complaint of the department and walked the
-- index entries of its closed ones.
ALTER TABLE complaints
  ADD KEY ix_complaints_unowned (department_id, severity, owner_id, stage, id);
