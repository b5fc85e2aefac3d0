#!/usr/bin/env bash
# Complaint pages name only clients the user has a reason to see (DOMAIN.md:
# their lead, their department's managers, directors): the client search of
# "new complaint", the client filter of the list (?client=N) and the check of a
# registered client all keep to that scope; before, every client's name was
# shown to anyone who could register a complaint.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
advisor=$(sql "SELECT id FROM users WHERE login = 'advisor'")
mdept=$(sql "SELECT department_id FROM users WHERE login = 'manager'")
other=$(sql "SELECT id FROM departments WHERE id <> $mdept ORDER BY id LIMIT 1")
newclient() { sql "INSERT INTO clients (name, department_id, lead_id, active, created_at, updated_at) VALUES ('$1', $2, $3, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP()); SET @c = LAST_INSERT_ID();
    INSERT INTO client_leads (client_id, user_id, added_at) SELECT @c, lead_id, created_at FROM clients WHERE id = @c AND lead_id IS NOT NULL; SELECT @c"; }
X=$(newclient "本部门客户$tag" "$mdept" NULL)
Y=$(newclient "外部门客户$tag" "$other" NULL)
Z=$(newclient "顾问负责客户$tag" "$mdept" "$advisor")

login m manager || fail "manager could not sign in"
login a advisor || fail "advisor could not sign in"
login d director || fail "director could not sign in"

# find_client: the form's client search answers within the user's clients
find() { post "$1" /complaints/new find_client=1 source=phone "client_q=$2"; }
find m "本部门客户$tag"
expect_body "name=\"client\" value=\"$X\""
find m "顾问负责客户$tag"
expect_body "name=\"client\" value=\"$Z\""
find m "外部门客户$tag"
expect_body 'id="e-client_q"'
expect_no_body "name=\"client\" value=\"$Y\""
find a "顾问负责客户$tag"
expect_body "name=\"client\" value=\"$Z\""
find a "本部门客户$tag"
expect_body 'id="e-client_q"'
find a "外部门客户$tag"
expect_body 'id="e-client_q"'
find d "外部门客户$tag"
expect_body "name=\"client\" value=\"$Y\""
ok "the client search of \"new complaint\" finds the user's clients only (all for a director)"

get m "/complaints/?client=$Y"
expect_status 200
expect_no_body "外部门客户$tag"
expect_body "#$Y"
get m "/complaints/?client=$X"
expect_body "本部门客户$tag"
get a "/complaints/?client=$X"
expect_no_body "本部门客户$tag"
get d "/complaints/?tab=all&client=$Y"
expect_body "外部门客户$tag"
ok "the list's client filter names a client only within the user's scope"

post m /complaints/new source=phone "name=越权$tag" phone=13800138000 "description=x" "client=$Y"
expect_status 200
expect_body 'id="e-client"'
[ "$(sql "SELECT COUNT(*) FROM complaints WHERE name = '越权$tag'")" = 0 ] || fail "registered with a client outside the scope"
ok "a complaint cannot be linked to a client outside the user's scope"
sql "UPDATE clients SET active = 0 WHERE id IN ($X, $Y, $Z)"
