# visits.sh — fixtures of the return-visit tests (t07NN, sourced after
# lib.sh): a department of the test's own with its manager (vm), an advisor
# (va: the visitor) and a second advisor (vb); an advisor of another
# department (vx); market (mk); normal clients led by va and a premium one;
# and helpers to plan a visit and to read a visit's columns.
tag=$$$RANDOM
hash=$(sql "SELECT password_hash FROM users WHERE login = 'advisor'")
sql "INSERT INTO departments (name, created_at) VALUES ('回访测试部$tag', NOW())"
vdept=$(sql "SELECT id FROM departments WHERE name = '回访测试部$tag'")
sql "INSERT INTO users (login, name, role, department_id, password_hash, created_at, updated_at) VALUES
  ('va$tag', '回访顾问$tag', 'advisor', $vdept, '$hash', NOW(), NOW()),
  ('vb$tag', '同部门顾问$tag', 'advisor', $vdept, '$hash', NOW(), NOW()),
  ('vm$tag', '回访经理$tag', 'manager', $vdept, '$hash', NOW(), NOW()),
  ('vx$tag', '外部门顾问$tag', 'advisor', 1, '$hash', NOW(), NOW())"
uid() { sql "SELECT id FROM users WHERE login = '$1$tag'"; }
va=$(uid va) vb=$(uid vb) vm=$(uid vm) vx=$(uid vx)
sql "INSERT INTO clients (name, tier, department_id, lead_id, contact_name, contact_phone,
  contact_email, created_at, updated_at) VALUES
  ('回访客户甲$tag', 'normal', $vdept, $va, '甲会计', '13800000001', 'a$tag@example.test', NOW(), NOW()),
  ('回访客户乙$tag', 'normal', $vdept, $va, '乙会计', '13800000002', 'b$tag@example.test', NOW(), NOW()),
  ('优质客户丙$tag', 'premium', $vdept, $va, '丙会计', '13800000003', 'c$tag@example.test', NOW(), NOW())"
cid() { sql "SELECT id FROM clients WHERE name = '$1$tag'"; }
ca=$(cid 回访客户甲) cb=$(cid 回访客户乙) cp=$(cid 优质客户丙)
sql "INSERT INTO client_leads (client_id, user_id, added_at) VALUES ($ca, $va, NOW()),
  ($cb, $va, NOW()), ($cp, $va, NOW())"
sql "INSERT INTO client_contacts (client_id, name, role, is_primary, created_at, updated_at)
  VALUES ($cp, '丙总', '总经理', 0, NOW(), NOW())"

# col ID COLUMN — one column of visit ID
col() { sql "SELECT $2 FROM visits WHERE id = $1"; }
# plan JAR METHOD CLIENT... — a plan of one visit per client by JAR (visitor:
# each client's lead); prints nothing, sets $visit to the last client's visit
plan() {
    local jar=$1 method=$2; shift 2
    local args=("purpose=测试回访$tag" "method=$method" "due_on=2099-12-31")
    for c in "$@"; do args+=("client=$c"); done
    post "$jar" /visits/plan "${args[@]}"
    [ "$STATUS" = 303 ] || fail "the plan was not registered ($STATUS)"
    visit=$(sql "SELECT MAX(id) FROM visits WHERE client_id = ${*: -1}")
}
# act JAR ID ACTION field=value... — a visit action with the version it has now
act() {
    local jar=$1 id=$2 action=$3; shift 3
    post "$jar" "/visits/$id/$action" "version=$(col "$id" version)" "$@"
}
