#!/usr/bin/env bash
# The client's page is where its people meet: it lists every lead of the
# client (several leads share its documents) and the client's projects with
# their department, lead and status, each linking to the project. Its history
# says which department and which lead a change moved the client from and to,
# by name (the rows hold ids), and a financial figure's change in yuan under
# the figure's name (the row holds fen).
. "$(dirname "$0")/lib.sh"
tag=$$$RANDOM
name="项目总览客户$tag"
dept=$(sql "SELECT id FROM departments WHERE name = '记账一部'")
other=$(sql "SELECT id FROM departments WHERE name = '综合部'")
advisor=$(sql "SELECT id FROM users WHERE login = 'advisor'")
manager=$(sql "SELECT id FROM users WHERE login = 'manager'")
director=$(sql "SELECT id FROM users WHERE login = 'director'")

login d director || fail "director could not sign in"
post d /clients/new "name=$name" tier=normal "department=$dept" "lead=$advisor" contact_name=林联系 \
    contact_phone=13944445555
expect_status 303
id=$(location | grep -o '[0-9]*$')
post d "/clients/$id/leads" "user=$manager"
expect_status 303
p1=$(sql "INSERT INTO projects (client_id, type_id, department_id, lead_id, created_by, status, fee_fen,
     fee_purpose, fee_due, created_at, updated_at) VALUES ($id, 1, $dept, $advisor, $director, 'active',
     100000, '代账费$tag', CURDATE(), UTC_TIMESTAMP(), UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()")
p2=$(sql "INSERT INTO projects (client_id, type_id, department_id, lead_id, created_by, status, fee_fen,
     fee_purpose, fee_due, created_at, updated_at) VALUES ($id, 2, $dept, NULL, $director, 'assigning',
     50000, '咨询费$tag', CURDATE(), UTC_TIMESTAMP(), UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()")

get d "/clients/$id"
expect_status 200
leads=$(sed -n '/id="leads"/,/<\/section>/p' "$BODY")
grep -qF '李顾问' <<<"$leads" || fail "the first lead is not listed"
grep -qF '王经理' <<<"$leads" || fail "the second lead is not listed"
projects=$(sed -n '/id="projects"/,/<\/section>/p' "$BODY")
[ -n "$projects" ] || fail "the page has no projects block"
grep -qF "href=\"/projects/$p1\"" <<<"$projects" || fail "no link to project $p1"
grep -qF "href=\"/projects/$p2\"" <<<"$projects" || fail "no link to project $p2"
grep -F "/projects/$p1\"" -A0 <<<"$projects" | grep -qF '代理记账' || fail "project $p1's type is not shown"
grep -F "/projects/$p1\"" <<<"$projects" | grep -qF '李顾问' || fail "project $p1's lead is not shown"
grep -F "/projects/$p1\"" <<<"$projects" | grep -qF '进行中' || fail "project $p1's status is not shown"
grep -F "/projects/$p2\"" <<<"$projects" | grep -qF '等待接受' || fail "project $p2's status is not shown"
ok "the page lists both leads, and both projects with type, department, lead and status, linked"

v=$(sql "SELECT version FROM clients WHERE id = $id")
post d "/clients/$id/edit" "name=$name" tier=normal "department=$other" "lead=$manager" "version=$v" \
    "reason=客户转由综合部服务$tag"
expect_status 303
post d "/clients/$id/periods" period=2025 revenue=1234567.89 "period_reason=年报$tag"
expect_status 303
get d "/clients/$id"
history=$(sed -n '/id="history"/,/<\/section>/p' "$BODY")
grep -qF '<th scope="row">部门</th><td><del>记账一部</del></td><td><ins>综合部</ins></td>' <<<"$history" ||
    fail "the department's change is not shown by name"
grep -qF '<th scope="row">主要负责顾问</th><td><del>李顾问</del></td><td><ins>王经理</ins></td>' <<<"$history" ||
    fail "the main lead's change is not shown by name"
grep -qF '<th scope="row">营业收入</th><td><del></del></td><td><ins>1,234,567.89</ins></td>' <<<"$history" ||
    fail "the revenue's change is not shown in yuan under its name"
ok "the history names the departments and leads, and shows the revenue in yuan"

login a advisor || fail "advisor could not sign in"
get a "/clients/$id"
expect_status 200
sed -n '/id="projects"/,/<\/section>/p' "$BODY" | grep -qF "/projects/$p1\"" || fail "the lead does not see the projects"
ok "a lead sees the client's projects too"
sql "UPDATE clients SET active = 0 WHERE id = $id"
