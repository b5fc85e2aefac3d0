#!/usr/bin/env bash
# Return visits the system proposes by itself (issue 12), with a fixed "now":
# `guwen jobs` gives each client with an active 代理记账 project a monthly
# email visit due in that month, and each client with a project in the last
# year a yearly on-site visit (from the month the client joined on); a premium
# (优质) client's visits go to a manager with the client's general manager as
# the contact; a second run adds nothing.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
dept=$(sql "SELECT department_id FROM users WHERE login = 'advisor'")
adv=$(sql "SELECT id FROM users WHERE login = 'advisor'")
mgr=$(sql "SELECT id FROM users WHERE login = 'manager'")
mkt=$(sql "SELECT id FROM users WHERE login = 'market'")
jobs() { GUWEN_CONFIG="$VAR/guwen.hdf" GUWEN_NOW="$1" "$ROOT/tools/guwen" jobs "${@:2}"; }
client() { # NAME TIER JOINED → id
    sql "INSERT INTO clients (name, tier, department_id, lead_id, created_at, updated_at)
         VALUES ('$1$tag', '$2', $dept, $adv, '$3', '$3')"
    sql "SELECT id FROM clients WHERE name = '$1$tag'"
}
project() { # CLIENT TYPE STATUS UPDATED
    sql "INSERT INTO projects (client_id, type_id, department_id, lead_id, created_by, status,
         fee_fen, fee_purpose, fee_due, created_at, updated_at)
         VALUES ($1, $2, $dept, $adv, $mkt, '$3', 100000, '服务费', '2026-12-31', '$4', '$4')"
}
visit() { # KEY → method due visitor contact role
    sql "SELECT CONCAT_WS(' ', method, due_on, visitor_id, COALESCE(contact_name, '-'),
         COALESCE(contact_role, '-'), origin, status) FROM visits WHERE propose_key = '$1'"
}

book=$(client 记账客户 normal '2026-03-02 02:00:00')
project "$book" 1 active '2026-03-02 02:00:00'
prem=$(client 优质客户 premium '2025-06-01 02:00:00')
project "$prem" 1 active '2025-06-01 02:00:00'
sql "INSERT INTO client_contacts (client_id, name, role, is_primary, created_at, updated_at) VALUES
     ($prem, '钱会计$tag', '会计', 1, NOW(), NOW()), ($prem, '孙总$tag', '总经理', 0, NOW(), NOW())"
cons=$(client 咨询客户 normal '2024-05-20 02:00:00')
project "$cons" 2 active '2026-05-20 02:00:00'
old=$(client 老客户 normal '2023-02-01 02:00:00')
project "$old" 1 closed '2024-09-01 02:00:00'
late=$(client 年底客户 normal '2025-12-15 02:00:00')
project "$late" 2 active '2025-12-15 02:00:00'

# 2026-11-10 10:00 in Beijing
out=$(jobs '2026-11-10 02:00:00' -v 2>&1) || fail "jobs failed: $out"
echo "$out" | grep -q 'monthly and [0-9]* yearly visits proposed' || fail "summary: $out"
[ "$(visit "monthly:$book:2026-11")" = "email 2026-11-30 $adv - - monthly planned" ] ||
    fail "monthly visit of the bookkeeping client: $(visit "monthly:$book:2026-11")"
[ "$(visit "yearly:$book:2026")" = "onsite 2026-11-30 $adv - - yearly planned" ] ||
    fail "yearly visit of the bookkeeping client: $(visit "yearly:$book:2026")"
[ "$(sql "SELECT COUNT(*) FROM visit_events e JOIN visits v ON v.id = e.visit_id
          WHERE v.client_id = $book AND e.kind = 'created'")" = 2 ] || fail "no timeline line"
ok "an active 代理记账 client: a monthly email visit and a yearly on-site one, due by 2026-11-30"

[ "$(visit "monthly:$prem:2026-11")" = "email 2026-11-30 $mgr 孙总$tag general_manager monthly planned" ] ||
    fail "premium monthly: $(visit "monthly:$prem:2026-11")"
[ "$(visit "yearly:$prem:2026")" = "onsite 2026-11-30 $mgr 孙总$tag general_manager yearly planned" ] ||
    fail "premium yearly: $(visit "yearly:$prem:2026")"
ok "a premium client: visited by the department's manager, with the general manager as contact"

[ -z "$(visit "monthly:$cons:2026-11")" ] || fail "a consulting client got a monthly visit"
[ "$(visit "yearly:$cons:2026")" = "onsite 2026-11-30 $adv - - yearly planned" ] ||
    fail "consulting client's yearly visit: $(visit "yearly:$cons:2026")"
[ "$(sql "SELECT COUNT(*) FROM visits WHERE client_id = $old")" = 0 ] ||
    fail "a client whose last project closed in 2024 was proposed a visit"
[ "$(sql "SELECT COUNT(*) FROM visits WHERE client_id = $late")" = 0 ] ||
    fail "a client who joined in December got its yearly visit in November"
ok "no monthly visit without 代理记账; none without a project in the last year; yearly ones from the client's month on"

before=$(sql "SELECT COUNT(*) FROM visits")
out=$(jobs '2026-11-20 02:00:00' -v 2>&1) || fail "second run failed: $out"
echo "$out" | grep -q ' 0 monthly and 0 yearly visits proposed' || fail "second run proposed: $out"
[ "$(sql "SELECT COUNT(*) FROM visits")" = "$before" ] || fail "the second run added visits"
ok "a second run in the same month adds nothing"

jobs '2026-12-01 02:00:00' >/dev/null || fail "December run failed"
[ "$(visit "monthly:$book:2026-12")" = "email 2026-12-31 $adv - - monthly planned" ] ||
    fail "December's monthly visit: $(visit "monthly:$book:2026-12")"
[ "$(sql "SELECT COUNT(*) FROM visits WHERE client_id = $book AND origin = 'yearly'")" = 1 ] ||
    fail "a second yearly visit in the same year"
[ "$(visit "yearly:$late:2026")" = "onsite 2026-12-31 $adv - - yearly planned" ] ||
    fail "the December client's yearly visit: $(visit "yearly:$late:2026")"
ok "December: the next monthly visit, no second yearly one, the December client's yearly visit"
