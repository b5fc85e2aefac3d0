#!/usr/bin/env bash
# t0755-visit-complaint — an opinion voiced on a visit becomes a complaint in
# one step: the form starts from the report's opinions and the client's
# contact (editable), registers one complaint (source visit, the visit's
# client) however often the same form is sent, and links both ways: the
# visit's timeline names the complaint's number, the complaint's page names
# its visit.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/visit_report_lib.sh"

tag=$$$RANDOM
id=$(submitted_visit "投诉客户$tag" "li$tag@example.test")
client=$(sql "SELECT client_id FROM visits WHERE id = $id")
login a advisor || fail "advisor"; login d director || fail "director"; login l legal || fail "legal"

get l "/visits/$id/complaint"; expect_status 403
get a "/visits/$id/complaint"; expect_status 200
expect_body "希望投诉客户${tag}的账务报表提前三天发送"; expect_body 'value="王经理"'
expect_body 'value="13800138000"'; expect_body "value=\"li$tag@example.test\""
key=$(grep -o 'name="form_key" value="[0-9a-f]*"' "$BODY" | cut -d'"' -f4)
[ ${#key} = 64 ] || fail "no form key"
ok "the form starts from the opinions and the primary contact"

post a "/visits/$id/complaint" "form_key=$key" name=王经理 phone= email= description=x
expect_status 200; expect_body 'aria-invalid="true"'
[ "$(sql "SELECT COUNT(*) FROM complaints WHERE client_id = $client")" = 0 ] || fail "registered without a contact"
desc="报表多次延迟发送，客户要求说明原因（$tag）"
post a "/visits/$id/complaint" "form_key=$key" name=王经理 phone=13800138000 "email=li$tag@example.test" subject=报表发送 "description=$desc"
expect_status 200; expect_body 'id="complaint-code"'
tracking=$(sql "SELECT tracking_no FROM complaints WHERE client_id = $client")
expect_body "$tracking"
post a "/visits/$id/complaint" "form_key=$key" name=王经理 phone=13800138000 "email=li$tag@example.test" subject=报表发送 "description=$desc"
expect_status 303
[ "$(sql "SELECT COUNT(*) FROM complaints WHERE client_id = $client")" = 1 ] || fail "the same form registered twice"
[ "$(sql "SELECT CONCAT(source, '|', description) FROM complaints WHERE client_id = $client")" = "visit|$desc" ] || fail "source or text"
ok "one complaint (source visit, the edited text) however often the form is sent"

cid=$(sql "SELECT id FROM complaints WHERE client_id = $client")
[ "$(sql "SELECT visit_id FROM visit_complaints WHERE complaint_id = $cid")" = "$id" ] || fail "not linked"
[ "$(sql "SELECT COUNT(*) FROM visit_events WHERE visit_id = $id AND kind = 'complaint' AND body = '$tracking'")" = 1 ] || fail "the visit's timeline does not name the complaint once"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'li$tag@example.test' AND body LIKE '%$tracking%'")" = 1 ] || fail "no acknowledgement"
get d "/complaints/$cid"; expect_status 200
expect_body "id=\"from-visit\">来自回访 #$id</a>"; expect_body "由回访登记"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'visit.complaint' AND entity_id = $id")" = 1 ] || fail "audit"
ok "linked both ways: the visit's timeline names $tracking, the complaint names visit #$id"

post_raw a "/visits/$id/complaint" "form_key=$(openssl rand -hex 32)" name=王经理 phone=13800138000 description=x
expect_status 403
id2=$(submitted_visit "无意见客户$tag")
sql "UPDATE visits SET opinions = NULL WHERE id = $id2"
get a "/visits/$id2/complaint"; expect_status 409; expect_body "没有客户意见"
ok "no post without the CSRF token; a report without opinions has nothing to turn"
