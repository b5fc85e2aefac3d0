#!/usr/bin/env bash
# The visit report is due the next working day after the visit, on the
# calendar in the database: a visit on Wed 2026-09-30 (before the National Day
# holiday, 10-01…10-07) is due Thu 10-08; one on Fri 10-09 is due Sat 10-10 (a
# make-up working day, 调休); a holiday the admin added (a Friday) moves a
# Thursday visit's report to the Monday. A visit day in the future is refused
# at the field. An overdue report shows in the list (its own tab) and on the
# visit page.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/visits.sh"

[ "$(sql "SELECT COUNT(*) FROM calendar_days WHERE day BETWEEN '2026-10-01' AND '2026-10-10'")" = 8 ] || fail "the holiday calendar is not imported"
[ "$(sql "SELECT COUNT(*) FROM calendar_days WHERE day = '2025-08-15'")" = 0 ] || fail "2025-08-15 is in the calendar already"
sql "INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2025-08-15', 'holiday', '回访测试假日$tag', NOW())"
trap 'sql "DELETE FROM calendar_days WHERE day = '"'"'2025-08-15'"'"'"; rm -rf "$T"' EXIT

login a "va$tag" || fail "visitor could not sign in"
expect_due() { # VISITED_ON DUE — a new visit visited that day has its report due DUE
    plan a phone "$ca"
    act a "$visit" visited "visited_on=$1"
    [ "$STATUS" = 303 ] || fail "visited $1: $STATUS"
    [ "$(col "$visit" report_due)" = "$2" ] || fail "visited $1: due $(col "$visit" report_due), not $2"
}
expect_due 2026-09-30 2026-10-08
get a "/visits/$visit"
expect_body 'id="report-due">2026-10-08'
expect_due 2026-10-09 2026-10-10
expect_due 2025-08-14 2025-08-18
[ "$(col "$visit" "CONCAT(status, ' ', visited_on)")" = "visited 2025-08-14" ] || fail "status"
ok "report due the next working day: across National Day, onto a make-up Saturday, past an added holiday"

plan a phone "$cb"
act a "$visit" visited visited_on=2099-01-01
expect_status 200
expect_body 'id="e-visited_on"'; expect_body 'value="2099-01-01"'
[ "$(col "$visit" status)" = planned ] || fail "a future visit day was stored"
ok "a visit day in the future is refused at the field"

late=$(sql "SELECT id FROM visits WHERE client_id = $ca AND visited_on = '2025-08-14'")
get a "/visits/?tab=overdue"
grep -q "id=\"visit-$late\" class=\"overdue\"" "$BODY" || fail "the overdue report is not in the overdue tab"
expect_no_body "回访客户乙$tag"
get a "/visits/$late"
expect_body 'id="overdue"'; expect_body '回访情况表已逾期'
ok "an overdue report shows in the list and on the visit page"
