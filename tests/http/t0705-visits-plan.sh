#!/usr/bin/env bash
# A plan of return visits (回访计划): the department manager chooses clients
# (filtered by tier), registers the plan with its purpose, method, due date and
# the staff consulted. A form without clients or purpose comes back with the
# messages at the fields and every choice kept; a good one creates one visit
# per client: the normal client's with its lead advisor and primary contact,
# the premium (优质) client's with the manager and its 总经理 as the contact.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/visits.sh"

login m "vm$tag" || fail "manager could not sign in"
get m "/visits/plan?tier=premium&department=$vdept"
expect_status 200
expect_body "优质客户丙$tag"
expect_no_body "回访客户甲$tag"
ok "the chooser filters clients by tier and department"

post m /visits/plan purpose= method=onsite due_on=2099-12-31 "staff=$vb" "staff=$vx"
expect_status 200
expect_body 'id="e-client"'; expect_body 'id="e-purpose"'
expect_body 'value="2099-12-31"'
grep -q "value=\"$vb\" id=\"staff-$vb\" checked" "$BODY" || fail "the staff chosen were not kept"
[ "$(sql "SELECT COUNT(*) FROM visits WHERE client_id IN ($ca, $cp)")" = 0 ] || fail "a bad plan created visits"
post m /visits/plan "purpose=年度回访$tag" method=onsite due_on=2020-01-01 "client=$cp"
expect_status 200
expect_body 'id="e-due_on"'
grep -q "name=\"client\" value=\"$cp\" id=\"client-$cp\" checked" "$BODY" || fail "the clients chosen were not kept"
expect_body "年度回访$tag"
ok "no client, no purpose, a past due date: messages at the fields, the input kept, nothing stored"

post m /visits/plan "purpose=年度回访$tag" method=onsite due_on=2099-12-31 "client=$ca" "client=$cp" \
    "staff=$vb" "staff=$vx"
expect_status 303
plan_id=$(sql "SELECT id FROM visit_plans WHERE purpose = '年度回访$tag'")
[ -n "$plan_id" ] || fail "no plan"
[ "$(sql "SELECT GROUP_CONCAT(user_id ORDER BY user_id) FROM visit_plan_staff WHERE plan_id = $plan_id")" = "$(sql "SELECT GROUP_CONCAT(id ORDER BY id) FROM users WHERE id IN ($vb, $vx)")" ] || fail "staff consulted"
[ "$(sql "SELECT CONCAT_WS(' ', origin, method, status, visitor_id, contact_name, due_on, created_by) FROM visits WHERE plan_id = $plan_id AND client_id = $ca")" = "plan onsite planned $va 甲会计 2099-12-31 $vm" ] || fail "the normal client's visit: $(sql "SELECT * FROM visits WHERE client_id = $ca")"
[ "$(sql "SELECT CONCAT_WS(' ', visitor_id, contact_name, contact_role) FROM visits WHERE plan_id = $plan_id AND client_id = $cp")" = "$vm 丙总 general_manager" ] || fail "the premium client's visit"
vp=$(sql "SELECT id FROM visits WHERE plan_id = $plan_id AND client_id = $cp")
get m "/visits/$vp"
expect_status 200
expect_body '丙总 · 总经理'; expect_body "回访经理$tag"; expect_body "年度回访$tag"; expect_body "同部门顾问$tag"
ok "one visit per client; the premium client's goes to the manager with its 总经理"

get m "/visits/?tab=open"
expect_body "优质客户丙$tag"; expect_body "回访客户甲$tag"
login a "va$tag" || fail "advisor could not sign in"
get a "/visits/?tab=mine"
expect_body "回访客户甲$tag"; expect_no_body "优质客户丙$tag"
login x "vx$tag" || fail "other advisor could not sign in"
post x /visits/plan "purpose=越权$tag" method=phone due_on=2099-12-31 "client=$ca"
expect_status 200
expect_body 'id="e-client"'
[ "$(sql "SELECT COUNT(*) FROM visit_plans WHERE purpose = '越权$tag'")" = 0 ] || fail "a plan for another's client"
ok "an advisor cannot plan visits of clients they cannot see"
