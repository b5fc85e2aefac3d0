#!/usr/bin/env bash
# A plan of return visits is registered once however often its form is sent
# (a second click, a reload): one plan, one visit per client, and the page
# says the form was sent before; the form shown anew registers a new plan.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/visits.sh"

form_key() { grep -o 'name="form_key" value="[0-9a-f]*"' "$BODY" | cut -d'"' -f4; }
plans() { sql "SELECT COUNT(*) FROM visit_plans WHERE purpose = '一次计划$tag'"; }
visits() { sql "SELECT COUNT(*) FROM visits v JOIN visit_plans p ON p.id = v.plan_id WHERE p.purpose = '一次计划$tag'"; }

login m "vm$tag" || fail "manager could not sign in"
get m "/visits/plan?department=$vdept"
expect_status 200
keep_csrf m
key=$(form_key)
[ "${#key}" = 64 ] || fail "the plan form carries no key"
form=("purpose=一次计划$tag" method=phone due_on=2099-12-31 "client=$ca" "client=$cb" "form_key=$key")
post m /visits/plan "${form[@]}"
expect_status 303
post m /visits/plan "${form[@]}"
expect_status 303
[ "$(plans)" = 1 ] || fail "the form sent twice registered $(plans) plans"
[ "$(visits)" = 2 ] || fail "the form sent twice made $(visits) visits for 2 clients"
get m "/visits/?tab=open"
expect_body '此表单已提交过：回访计划只登记一次'
ok "the plan form sent twice: one plan, one visit per client, and the page says so"

get m "/visits/plan?department=$vdept"
key2=$(form_key)
[ -n "$key2" ] && [ "$key2" != "$key" ] || fail "the form shown anew has the same key"
post m /visits/plan "purpose=一次计划$tag" method=phone due_on=2099-12-31 "client=$ca" "form_key=$key2"
expect_status 303
[ "$(plans)" = 2 ] || fail "a new form did not register a new plan"
ok "the form shown anew registers a new plan"
