#!/usr/bin/env bash
# Creating return visits (lib/visit_store.c, tests/unit/test_visit_store.c)
# against the stack's server: a premium (优质) client's visit planned for an
# advisor goes to the department's manager with the client's 总经理 as the
# contact; a normal client's visit goes to its lead with the primary contact;
# the same propose_key twice creates one visit (`guwen jobs` stays
# idempotent); the end of a visit moves the client's last contact forward.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
hash=$(sql "SELECT password_hash FROM users WHERE login = 'advisor'")
sql "INSERT INTO departments (name, created_at) VALUES ('回访部$tag', NOW())"
dept=$(sql "SELECT id FROM departments WHERE name = '回访部$tag'")
sql "INSERT INTO users (login, name, role, department_id, password_hash, created_at, updated_at) VALUES
  ('vadv$tag', '回访顾问$tag', 'advisor', $dept, '$hash', NOW(), NOW()),
  ('vmgr$tag', '回访经理$tag', 'manager', $dept, '$hash', NOW(), NOW())"
adv=$(sql "SELECT id FROM users WHERE login = 'vadv$tag'")
mgr=$(sql "SELECT id FROM users WHERE login = 'vmgr$tag'")
sql "INSERT INTO clients (name, tier, department_id, lead_id, created_at, updated_at) VALUES
  ('优质客户$tag', 'premium', $dept, $adv, NOW(), NOW()),
  ('普通客户$tag', 'normal', $dept, $adv, NOW(), NOW())"
prem=$(sql "SELECT id FROM clients WHERE name = '优质客户$tag'")
norm=$(sql "SELECT id FROM clients WHERE name = '普通客户$tag'")
sql "INSERT INTO client_contacts (client_id, name, role, is_primary, created_at, updated_at) VALUES
  ($prem, '张会计', '会计', 1, NOW(), NOW()), ($prem, '王总', '总经理', 0, NOW(), NOW()),
  ($norm, '李会计', '会计', 1, NOW(), NOW())"

make -s -C "$ROOT" tests/unit/test_visit_store >/dev/null || fail "cannot build tests/unit/test_visit_store"
GUWEN_CONFIG=$VAR/guwen.hdf VT_DEPT=$dept VT_ADVISOR=$adv VT_MANAGER=$mgr VT_PREMIUM=$prem \
    VT_NORMAL=$norm "$ROOT/tests/unit/test_visit_store" >"$T/out" 2>&1 || fail "$(cat "$T/out")"
grep -q 'SKIPPED' "$T/out" && fail "skipped: $(cat "$T/out")"
grep -q '\[  PASSED  \] 5 test' "$T/out" || fail "$(cat "$T/out")"
ok "premium clients are visited by a manager with their 总经理; a propose_key makes one visit"
