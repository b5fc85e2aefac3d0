#!/usr/bin/env bash
# Escalation by `guwen jobs` (issue 9): for a and b the hours after a deadline
# are working hours on the calendar (a weekend does not bring the director in);
# the response and the resolution deadlines escalate separately, each reaching
# the manager and then the director on its own.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
sql "UPDATE users SET email = CONCAT(login, '@example.test') WHERE login IN ('director', 'manager', 'advisor')"
advisor=$(sql "SELECT id FROM users WHERE login = 'advisor'")
manager=$(sql "SELECT id FROM users WHERE login = 'manager'")
jobs() { GUWEN_CONFIG="$VAR/guwen.hdf" GUWEN_NOW="$1" "$ROOT/tools/guwen" jobs; }
col() { sql "SELECT $2 FROM complaints WHERE id = $1"; }

login m manager || fail "manager could not sign in"
register() {
    post m /complaints/new source=phone "name=$1" phone=13800138000 "description=升级测试 $1"
    sql "SELECT id FROM complaints WHERE name = '$1'"
}

# b, answered, resolution due Friday 2026-10-16 23:59:59 Beijing time
ib=$(register "周末$tag"); [ -n "$ib" ] || fail "register"
post m "/complaints/$ib/classify" severity=b "owner=$advisor"
post m "/complaints/$ib/contact" "contact=电话联系"
sql "UPDATE complaints SET response_due = '2026-10-01 15:59:59', resolution_due = '2026-10-16 15:59:59', warned_at = '2026-10-16 00:00:00' WHERE id = $ib"
# Monday 09:00 Beijing: 57 clock hours late, 9 working hours
jobs '2026-10-19 01:00:00' || fail "jobs failed"
[ "$(col "$ib" escalation)" = 1 ] || fail "escalation $(col "$ib" escalation) on Monday morning, want 1 (the manager only)"
[ "$(sql "SELECT COUNT(*) FROM complaint_escalations WHERE complaint_id = $ib AND level = 2")" = 0 ] || fail "the director has it after a weekend"
# Tuesday 09:00: 33 working hours late
jobs '2026-10-20 01:00:00' || fail "jobs failed"
[ "$(col "$ib" escalation)" = 2 ] || fail "not escalated to the director after a working day"
ok "b: a weekend after the due time does not count; the director is told a working day later"

# c (clock hours), never answered: the response deadline escalates first, then the
# resolution deadline on its own
ic=$(register "分别$tag")
post m "/complaints/$ic/classify" severity=c "owner=$manager"
sql "UPDATE complaints SET response_due = '2026-10-19 04:00:00', resolution_due = '2026-10-21 00:00:00' WHERE id = $ic"
jobs '2026-10-19 04:30:00' || fail "jobs failed"
[ "$(col "$ic" "CONCAT(response_escalation, ' ', escalation)")" = "1 0" ] || fail "response: $(col "$ic" "CONCAT(response_escalation, ' ', escalation)")"
get m "/complaints/$ic"
expect_body 'id="response-escalation"'
jobs '2026-10-20 05:00:00' || fail "jobs failed"
[ "$(col "$ic" "CONCAT(response_escalation, ' ', escalation)")" = "2 0" ] || fail "response to the director: $(col "$ic" "CONCAT(response_escalation, ' ', escalation)")"
jobs '2026-10-21 00:30:00' || fail "jobs failed"
[ "$(col "$ic" "CONCAT(response_escalation, ' ', escalation)")" = "2 1" ] || fail "resolution not escalated on its own: $(col "$ic" "CONCAT(response_escalation, ' ', escalation)")"
[ "$(sql "SELECT COUNT(*) FROM complaint_escalations WHERE complaint_id = $ic AND deadline = 'resolution' AND level = 1 AND user_id = $manager")" = 1 ] || fail "no resolution escalation row for the manager"
[ "$(sql "SELECT COUNT(*) FROM complaint_escalations WHERE complaint_id = $ic AND deadline = 'response' AND level = 1 AND user_id = $manager")" = 1 ] || fail "no response escalation row for the manager"
tc=$(col "$ic" tracking_no)
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'manager@example.test' AND subject LIKE '%超期升级%' AND body LIKE '%$tc%'")" = 2 ] || fail "the manager was not mailed once per deadline"
ok "the response and the resolution deadlines escalate separately (levels, rows, mails)"
