#!/usr/bin/env bash
# A lead is added on a page of its own (issue 10, budgets): the client's page
# links to it instead of listing every one of the centre's staff in a select
# on each view (a third of the page's work). The form lists who may lead, by
# name; a choice that may not lead is refused at the field on the same form;
# a good one adds the lead and returns to the client. Only for those who may
# write clients, only for clients they see; the form shows no level-3 data and
# audits no read of it.
. "$(dirname "$0")/lib.sh"
tag=$$$RANDOM
dept=$(sql "SELECT id FROM departments WHERE name = '记账一部'")
manager=$(sql "SELECT id FROM users WHERE login = 'manager'")
market=$(sql "SELECT id FROM users WHERE login = 'market'")
director=$(sql "SELECT id FROM users WHERE login = 'director'")
login d director || fail "director could not sign in"
post d /clients/new "name=添加顾问客户$tag" tier=normal "department=$dept" legal_rep_id=11010519491231002X
expect_status 303
id=$(location | grep -o '[0-9]*$')

get d "/clients/$id"
expect_status 200
expect_body "id=\"add-lead\" href=\"/clients/$id/leads\""
expect_no_body 'id="f-user"'
ok "the client's page links to the form, no select of every staff member"

before=$(sql "SELECT COUNT(*) FROM audit_log WHERE entity = 'client' AND entity_id = $id AND action LIKE 'client.read%'")
get d "/clients/$id/leads"
expect_status 200
expect_body 'id="f-user"'
expect_body "<option value=\"$manager\">王经理</option>"
expect_no_body "<option value=\"$market\">"
expect_no_body '11010519491231002X'
after=$(sql "SELECT COUNT(*) FROM audit_log WHERE entity = 'client' AND entity_id = $id AND action LIKE 'client.read%'")
[ "$before" = "$after" ] || fail "the lead form audited a read of level-3 data it does not show"
ok "the form lists who may lead by name, no level-3 data read"

post d "/clients/$id/leads" "user=$market"
expect_status 200
expect_body 'id="e-user"'
expect_body 'id="f-user"'
post d "/clients/$id/leads" "user=$manager"
expect_status 303
[ "$(sql "SELECT COUNT(*) FROM client_leads WHERE client_id = $id AND user_id = $manager")" = 1 ] ||
    fail "the lead was not added"
ok "a choice that may not lead: refused at the field; a good one: added"

login a advisor || fail "advisor could not sign in"
get a "/clients/$id/leads"
[ "$STATUS" = 403 ] || [ "$STATUS" = 404 ] || fail "an advisor opened the lead form ($STATUS)"
ok "no lead form for who may not write clients"
