#!/usr/bin/env bash
# A visit report is due by the next working day after the visit (issue 12);
# when it is not in, `guwen jobs` escalates it once to the supervisor (the
# department's managers): a mail in the outbox, an item on their start page,
# report_escalated_at set, a line on the visit's timeline. A report due on a
# Friday is escalated on Monday, not over the weekend; once the report is in,
# the start page no longer shows it.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
sql "UPDATE users SET email = CONCAT(login, '@example.test') WHERE login IN ('manager', 'advisor')"
dept=$(sql "SELECT department_id FROM users WHERE login = 'advisor'")
adv=$(sql "SELECT id FROM users WHERE login = 'advisor'")
jobs() { GUWEN_CONFIG="$VAR/guwen.hdf" GUWEN_NOW="$1" "$ROOT/tools/guwen" jobs "${@:2}"; }
mails() { sql "SELECT COUNT(*) FROM outbox WHERE to_addr = '$1' AND subject LIKE '%回访报告逾期%' AND subject LIKE '%逾期客户$tag%'"; }
sql "INSERT INTO clients (name, department_id, lead_id, created_at, updated_at)
     VALUES ('逾期客户$tag', $dept, $adv, NOW(), NOW())"
client=$(sql "SELECT id FROM clients WHERE name = '逾期客户$tag'")
# visited on Thursday 2025-01-09, the report due on Friday the 10th
sql "INSERT INTO visits (client_id, origin, method, status, department_id, visitor_id, due_on,
     visited_on, report_due, created_at, updated_at) VALUES ($client, 'plan', 'phone', 'visited',
     $dept, $adv, '2025-01-09', '2025-01-09', '2025-01-10', NOW(), NOW())"
id=$(sql "SELECT id FROM visits WHERE client_id = $client")

login g manager || fail "manager could not sign in"
login a advisor || fail "advisor could not sign in"
get a /; expect_body 'id="work-visits-write"'; expect_body "逾期客户$tag"
expect_body "/visits/$id"
ok "the visitor has the report to write on the start page, linked to the visit"

# Saturday 2025-01-11 10:00 in Beijing: the Friday deadline passed, but nobody works today
jobs '2025-01-11 02:00:00' >/dev/null || fail "jobs failed"
[ "$(sql "SELECT report_escalated_at IS NULL FROM visits WHERE id = $id")" = 1 ] ||
    fail "escalated on a Saturday"
[ "$(mails manager@example.test)" = 0 ] || fail "the manager was mailed over the weekend"
get g /; expect_no_body "逾期客户$tag"
ok "a report due on Friday is not escalated over the weekend"

# Monday 2025-01-13
out=$(jobs '2025-01-13 01:00:00' -v 2>&1) || fail "jobs failed: $out"
echo "$out" | grep -q ' 1 visit reports escalated' || fail "summary: $out"
[ "$(sql "SELECT report_escalated_at FROM visits WHERE id = $id")" = '2025-01-13 01:00:00' ] ||
    fail "report_escalated_at not set"
[ "$(mails manager@example.test)" = 1 ] || fail "the manager was not mailed"
[ "$(mails advisor@example.test)" = 0 ] || fail "the visitor got the supervisor's mail"
[ "$(sql "SELECT COUNT(*) FROM visit_events WHERE visit_id = $id AND kind = 'escalated' AND body LIKE '%王经理%'")" = 1 ] ||
    fail "no timeline line naming the manager"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'visit.escalate' AND entity_id = $id")" = 1 ] ||
    fail "no audit record"
get g /; expect_body 'id="work-visits-overdue"'; expect_body "逾期客户$tag"
expect_body "/visits/$id"; expect_body '报告期限 2025-01-10'
sed -n '/id="work-visits-overdue"/,/<\/section>/p' "$BODY" | grep -q "work-alert-item.*逾期客户$tag" ||
    fail "the escalated report is not marked as an alert"
ok "Monday: the manager is mailed and has the overdue report on the start page (alert)"

jobs '2025-01-14 01:00:00' >/dev/null || fail "jobs failed"
[ "$(mails manager@example.test)" = 1 ] || fail "escalated twice"
ok "escalated once"

sql "UPDATE visits SET status = 'submitted', submitted_at = '2025-01-14 02:00:00' WHERE id = $id"
get g /; expect_body 'id="work-visits-review"'
sed -n '/id="work-visits-overdue"/,/<\/section>/p' "$BODY" | grep -qF "逾期客户$tag" &&
    fail "still listed as overdue after the report came in"
sed -n '/id="work-visits-review"/,/<\/section>/p' "$BODY" | grep -qF "逾期客户$tag" ||
    fail "the submitted report is not in the manager's reports to review"
get a /; expect_no_body "逾期客户$tag"
ok "once submitted: off the overdue list, on the manager's reports to review"
