#!/usr/bin/env bash
# The return visits on each person's start page (issue 12): the visitor's
# visits due within 2 working days or overdue (alert), appointments to try
# again, reports to write (with their deadline) and reports returned; a
# manager's department's reports to review (not their own), a director's the
# managers' reports. Each item links to the visit; roles without visits have
# no such sections.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
# a department of its own, its advisor and manager (signing in as the demo ones do)
sql "INSERT INTO departments (name, created_at) VALUES ('回访测试部$tag', NOW())"
dept=$(sql "SELECT id FROM departments WHERE name = '回访测试部$tag'")
person() { # LOGIN NAME ROLE
    sql "INSERT INTO users (login, name, role, department_id, clearance, password_hash, created_at,
         updated_at) SELECT '$1$tag', '$2', '$3', $dept, clearance, password_hash, NOW(), NOW()
         FROM users WHERE login = 'advisor'"
    sql "SELECT id FROM users WHERE login = '$1$tag'"
}
adv=$(person vjadv 回访顾问 advisor)
mgr=$(person vjmgr 回访经理 manager)
today=$(sql "SELECT DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR)")
visit() { # CLIENT-NAME VISITOR STATUS DUE [FAILED] [REPORT_DUE]
    sql "INSERT INTO clients (name, department_id, lead_id, created_at, updated_at)
         VALUES ('$1$tag', $dept, $2, NOW(), NOW())"
    sql "INSERT INTO visits (client_id, origin, method, status, department_id, visitor_id, due_on,
         failed_attempts, visited_on, report_due, submitted_at, created_at, updated_at)
         SELECT id, 'plan', 'phone', '$3', $dept, $2, '$4', ${5:-0},
         IF('$3' = 'planned', NULL, '$4'), ${6:-NULL}, IF('$3' = 'submitted', '$4', NULL), NOW(),
         NOW() FROM clients WHERE name = '$1$tag'"
    sql "SELECT v.id FROM visits v JOIN clients c ON c.id = v.client_id WHERE c.name = '$1$tag'"
}
section() { sed -n "/id=\"work-$1\"/,/<\/section>/p" "$BODY"; }
has() { section "$1" | grep -qF "$2"; }

due=$(visit 今日回访 "$adv" planned "$today")
late=$(visit 逾期回访 "$adv" planned "$(sql "SELECT '$today' - INTERVAL 3 DAY")")
far=$(visit 远期回访 "$adv" planned "$(sql "SELECT '$today' + INTERVAL 20 DAY")")
retry=$(visit 再约回访 "$adv" planned "$today" 2)
write=$(visit 待写报告 "$adv" visited "$(sql "SELECT '$today' - INTERVAL 5 DAY")" 0 "'$(sql "SELECT '$today' - INTERVAL 4 DAY")'")
back=$(visit 退回报告 "$adv" returned "$(sql "SELECT '$today' - INTERVAL 6 DAY")")
sub=$(visit 待审报告 "$adv" submitted "$(sql "SELECT '$today' - INTERVAL 2 DAY")")
# the manager's own report, waiting since 2020 (the director sees the longest waiting first)
own=$(visit 经理报告 "$mgr" submitted 2020-01-06)

login a "vjadv$tag" || fail "advisor could not sign in"
get a /; expect_status 200
has visits "/visits/$due" || fail "a visit due today is not among the visits due"
has visits "今日回访$tag · 电话 · 期限 $today" || fail "the due item's title"
has visits "已逾期：逾期回访$tag" || fail "an overdue visit is not marked"
section visits | grep -q "work-alert-item.*逾期回访$tag" || fail "the overdue visit is no alert"
has visits "远期回访$tag" && fail "a visit due in 20 days is on the start page"
has visits "再约回访$tag" && fail "a visit with failed attempts is among the untried ones"
has visits-attempts "/visits/$retry" || fail "the visit to try again is not among the attempts"
has visits-attempts "再约回访$tag · 电话 · 2 次预约未果" || fail "the attempts item's title"
ok "the visitor: visits due within 2 working days (overdue marked), appointments to try again"

has visits-write "/visits/$write" || fail "the report to write is missing"
has visits-write "已逾期：待写报告$tag · 电话 · 回访顾问 · 报告期限" || fail "the overdue report is not marked"
has visits-returned "/visits/$back" || fail "the returned report is missing"
has visits-review "待审报告$tag" && fail "an advisor reviews reports"
expect_no_body 'id="work-visits-review"'
# the four sections come from one statement (lib/visit_work.c): each once, in order
[ "$(grep -o 'id="work-visits[a-z-]*"' "$BODY" | tr '\n' ' ')" = 'id="work-visits" id="work-visits-attempts" id="work-visits-write" id="work-visits-returned" ' ] ||
    fail "the visitor's sections are not each once in order: $(grep -o 'id="work-visits[a-z-]*"' "$BODY" | tr '\n' ' ')"
ok "the visitor: reports to write with their deadline (overdue marked), reports returned"

login g "vjmgr$tag" || fail "manager could not sign in"
get g /
has visits-review "/visits/$sub" || fail "the department's submitted report is not to review"
has visits-review "待审报告$tag · 电话 · 回访顾问 · 回访日期" || fail "the review item's title"
has visits-review "经理报告$tag" && fail "the manager reviews their own report"
ok "the manager: the department's reports to review, not their own"

login d director || fail "director could not sign in"
get d /
has visits-review "/visits/$own" || fail "the director does not review the manager's report"
ok "the director: the managers' reports to review"

login l legal || fail "legal could not sign in"
get l /; expect_status 200
expect_no_body 'id="work-visits"'; expect_no_body 'id="work-visits-review"'
ok "legal has no visit sections"
