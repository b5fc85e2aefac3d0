#!/usr/bin/env bash
# The client page shows the client's return visits (issue 12): date, method,
# visitor, status and satisfaction, each linked to the visit; and "last
# contact" moves to the day a visit ended (here: closed as complete by
# default after three failed appointments).
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
dept=$(sql "SELECT department_id FROM users WHERE login = 'advisor'")
adv=$(sql "SELECT id FROM users WHERE login = 'advisor'")
sql "INSERT INTO clients (name, department_id, lead_id, last_contact_on, created_at, updated_at)
     VALUES ('回访记录客户$tag', $dept, $adv, '2025-01-06', NOW(), NOW())"
client=$(sql "SELECT id FROM clients WHERE name = '回访记录客户$tag'")
sql "INSERT IGNORE INTO client_leads (client_id, user_id, added_at) VALUES ($client, $adv, NOW())"
visit() { # METHOD STATUS DUE VISITED SATISFACTION
    sql "INSERT INTO visits (client_id, origin, method, status, department_id, visitor_id, due_on,
         visited_on, satisfaction, created_at, updated_at) VALUES ($client, 'plan', '$1', '$2',
         $dept, $adv, '$3', $4, $5, NOW(), NOW())"
    sql "SELECT MAX(id) FROM visits WHERE client_id = $client"
}
old=$(visit onsite archived 2025-03-10 "'2025-03-12'" 5)
new=$(visit phone planned 2099-01-31 NULL NULL)

login a advisor || fail "advisor could not sign in"
get a "/clients/$client"; expect_status 200
expect_body 'id="visits"'
sed -n '/id="visits"/,/<\/section>/p' "$BODY" >"$T/visits"
grep -q "href=\"/visits/$old\">2025-03-12</a></td><td>上门</td><td>李顾问</td><td>已归档</td><td>5 / 5</td>" "$T/visits" ||
    fail "the archived on-site visit's row: $(cat "$T/visits")"
grep -q "href=\"/visits/$new\">期限 2099-01-31</a></td><td>电话</td><td>李顾问</td><td>待回访</td><td>—</td>" "$T/visits" ||
    fail "the planned phone visit's row"
[ "$(grep -bo "/visits/$new\"" "$T/visits" | cut -d: -f1)" -lt "$(grep -bo "/visits/$old\"" "$T/visits" | cut -d: -f1)" ] ||
    fail "not newest first"
expect_body '<dd id="last-contact">2025-01-06</dd>'
ok "the client page lists its visits newest first: date, method, visitor, status, satisfaction, linked"

ver() { sql "SELECT version FROM visits WHERE id = $new"; }
post a "/visits/$new/attempt" "version=$(ver)" how=phone outcome=no_answer; expect_status 303
post a "/visits/$new/attempt" "version=$(ver)" how=phone outcome=declined; expect_status 303
post a "/visits/$new/attempt" "version=$(ver)" how=phone outcome=no_answer "note=客户多次不接电话$tag"
expect_status 303
today=$(sql "SELECT DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR)")
get a "/clients/$client"
expect_body "<dd id=\"last-contact\">$today</dd>"
sed -n '/id="visits"/,/<\/section>/p' "$BODY" | grep -q "/visits/$new\">期限 2099-01-31</a></td><td>电话</td><td>李顾问</td><td>默认回访完毕</td>" ||
    fail "the visit's new status is not in the history"
ok "a visit that ended moves the client's last contact to that day ($today)"

get a /clients/999999999; expect_status 404
ok "no page for a client that does not exist"
