#!/usr/bin/env bash
# Change of lead at the client's request (issue 11): a reason is required, the
# picker lists the project's department first, the change and its reason stay
# on the timeline, the new lead is mailed and now sees the project.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
hash=$(sql "SELECT password_hash FROM users WHERE login = 'advisor'")
dept=$(sql "SELECT department_id FROM users WHERE login = 'manager'")
adv=$(sql "SELECT id FROM users WHERE login = 'advisor'")
sql "UPDATE users SET email = CONCAT(login, '@example.test') WHERE login = 'advisor'"
sql "INSERT INTO users (login, name, email, role, department_id, password_hash, created_at, updated_at) VALUES
  ('lx$tag', '阿外部$tag', 'lx$tag@example.test', 'advisor', 1, '$hash', NOW(), NOW())"
lx=$(sql "SELECT id FROM users WHERE login = 'lx$tag'")
sql "INSERT INTO clients (name, created_at, updated_at) VALUES ('换人客户$tag', NOW(), NOW())"
client=$(sql "SELECT id FROM clients WHERE name = '换人客户$tag'")

login m market || fail "market"; login g manager || fail "manager"
login a advisor || fail "advisor"; login x "lx$tag" || fail "other advisor"
post m /projects/new "client=$client" type=3 "department=$dept" "advisor=$adv" fee=100 fee_purpose=理账费 fee_due=2099-01-01 slip_on=2026-11-02
expect_status 303
id=$(sql "SELECT id FROM projects WHERE client_id = $client")
post a "/projects/$id/accept" version=0; expect_status 303
get x "/projects/$id"; expect_status 404

get g "/projects/$id"; expect_body 'id="change-lead"'
first=$(tr -d '\n' <"$BODY" | grep -o '<select[^>]*name="new_lead"[^>]*>.*</select>' | grep -o '<option value="[0-9][0-9]*"' | sed -n 1p | grep -o '[0-9][0-9]*')
[ "$(sql "SELECT department_id FROM users WHERE id = $first")" = "$dept" ] || fail "the picker does not list the department first"
get a "/projects/$id"; expect_no_body 'id="change-lead"'
post a "/projects/$id/lead" version=1 "new_lead=$lx" "lead_reason=x"; expect_status 403
post g "/projects/$id/lead" version=1 "new_lead=$lx" lead_reason=
expect_status 200; expect_body 'aria-invalid="true"'
[ "$(sql "SELECT lead_id FROM projects WHERE id = $id")" = "$adv" ] || fail "changed without a reason"
ok "the manager's picker lists the department first; a reason is required; the lead cannot change themselves"

post g "/projects/$id/lead" version=1 "new_lead=$lx" "lead_reason=客户要求更换为熟悉制造业的顾问"
expect_status 303
[ "$(sql "SELECT lead_id FROM projects WHERE id = $id")" = "$lx" ] || fail "lead not changed"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'lx$tag@example.test' AND subject LIKE '%换人客户$tag%'")" = 1 ] || fail "new lead not mailed"
get x "/projects/$id"; expect_status 200
expect_body '更换负责人'; expect_body '客户要求更换为熟悉制造业的顾问'
[ "$(sql "SELECT body FROM project_events WHERE project_id = $id AND kind = 'lead_changed'")" = "$(sql "SELECT name FROM users WHERE id = $adv") → 阿外部$tag · 客户要求更换为熟悉制造业的顾问" ] || fail "history line"
ok "changed: the new lead is mailed and sees the project; old → new and the reason stay on the timeline"
