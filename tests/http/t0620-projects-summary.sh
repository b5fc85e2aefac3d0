#!/usr/bin/env bash
# The project list (filters, search, overdue rows, CSV) and the progress summary
# (项目进度汇总表, issue 11): per advisor and per department, printable and CSV,
# and mailed weekly to each manager by `guwen jobs` on the weekday of the
# setting summary_weekday (once that day). Two new advisors of one department:
# A recorded both deadlines of the slip done in time (met), B did not (both
# missed, and the project stands out as overdue).
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
sql "UPDATE users SET email = CONCAT(login, '@example.test') WHERE login IN ('market', 'manager')"
hash=$(sql "SELECT password_hash FROM users WHERE login = 'advisor'")
dept=$(sql "SELECT department_id FROM users WHERE login = 'manager'")
sql "INSERT INTO users (login, name, role, department_id, password_hash, created_at, updated_at) VALUES
  ('sa$tag', '顾问A$tag', 'advisor', $dept, '$hash', NOW(), NOW()),
  ('sb$tag', '顾问B$tag', 'advisor', $dept, '$hash', NOW(), NOW())"
sa=$(sql "SELECT id FROM users WHERE login = 'sa$tag'"); sb=$(sql "SELECT id FROM users WHERE login = 'sb$tag'")
sql "INSERT INTO clients (name, created_at, updated_at) VALUES ('汇总甲$tag', NOW(), NOW()), ('汇总乙$tag', NOW(), NOW())"
ca=$(sql "SELECT id FROM clients WHERE name = '汇总甲$tag'"); cb=$(sql "SELECT id FROM clients WHERE name = '汇总乙$tag'")

login m market || fail "market"; login g manager || fail "manager"
login a "sa$tag" || fail "advisor A"; login b "sb$tag" || fail "advisor B"
# slips of Monday 2026-11-02: coaching due Thursday 2026-11-05
post m /projects/new "client=$ca" type=1 "department=$dept" "advisor=$sa" fee=800 fee_purpose=记账费 fee_due=2099-12-31 slip_on=2026-11-02
expect_status 303
post m /projects/new "client=$cb" type=2 "department=$dept" "advisor=$sb" fee=500 fee_purpose=咨询费 fee_due=2099-12-31 slip_on=2026-11-02
expect_status 303
pa=$(sql "SELECT id FROM projects WHERE client_id = $ca"); pb=$(sql "SELECT id FROM projects WHERE client_id = $cb")
post a "/projects/$pa/accept" version=0; expect_status 303
post b "/projects/$pb/accept" version=0; expect_status 303
post a "/projects/$pa/step" version=1 seq=1 done_on=2026-11-04; expect_status 303
post a "/projects/$pa/deadline" version=2 deadline=learn deadline_on=2026-11-03; expect_status 303
post a "/projects/$pa/deadline" version=3 deadline=coach deadline_on=2026-11-05; expect_status 303

get g "/projects/?q=汇总&status=active"
expect_status 200; expect_body "汇总甲$tag"; expect_body "汇总乙$tag"
grep -q "class=\"overdue\">.*" "$BODY" || fail "no overdue row"
tr -d '\n' <"$BODY" | grep -q "<tr class=\"overdue\"><td><a href=\"/projects/$pb\">" || fail "B's project does not stand out"
tr -d '\n' <"$BODY" | grep -q "<tr><td><a href=\"/projects/$pa\">" || fail "A's project stands out"
get g "/projects/?q=汇总&status=assigning"; expect_no_body "汇总甲$tag"
get g "/projects/export?q=汇总甲$tag"
expect_status 200; expect_header 'text/csv'; expect_body "汇总甲$tag"; expect_body '顾问A'
ok "list: search and status filter, the overdue project stands out, CSV export"

get g /projects/summary
expect_status 200; expect_body '项目进度汇总表'; expect_body "顾问A$tag"; expect_body 'id="print-hint"'
get g /projects/summary/export
expect_status 200; expect_header 'text/csv'
grep -q "^按顾问,[^,]*,顾问A$tag,1,1,1,8,2,0,0" "$BODY" || fail "A's row: $(grep "顾问A$tag" "$BODY")"
grep -q "^按顾问,[^,]*,顾问B$tag,1,1,0,5,0,2,0" "$BODY" || fail "B's row: $(grep "顾问B$tag" "$BODY")"
grep -q "^按部门," "$BODY" || fail "no department rows"
login l legal || fail "legal"
get l /projects/summary; expect_status 200; expect_no_body "顾问A$tag"
ok "summary per advisor (met / missed slip deadlines, steps reached) and department; CSV; out of scope (legal): not shown"

# 2030-03-15 is a Friday; the setting says Friday
sql "UPDATE settings SET value = '5' WHERE name = 'summary_weekday'; DELETE FROM settings WHERE name = 'summary_sent_on'"
jobs() { GUWEN_CONFIG="$VAR/guwen.hdf" GUWEN_NOW="$1" "$ROOT/tools/guwen" jobs "${@:2}"; }
out=$(jobs '2030-03-14 02:00:00' -v 2>&1) || fail "jobs: $out"
echo "$out" | grep -q ' 0 summaries mailed' || fail "mailed on a Thursday: $out"
out=$(jobs '2030-03-15 02:00:00' -v 2>&1) || fail "jobs: $out"
echo "$out" | grep -q ' [1-9][0-9]* summaries mailed' || fail "not mailed on Friday: $out"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'manager@example.test' AND subject LIKE '%每周项目进度汇总表%2030-03-15%' AND body LIKE '%顾问A$tag%'")" = 1 ] || fail "manager's summary mail"
jobs '2030-03-15 06:00:00' >/dev/null
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'manager@example.test' AND subject LIKE '%每周项目进度汇总表%2030-03-15%' AND body LIKE '%顾问A$tag%'")" = 1 ] || fail "mailed twice the same day"
ok "guwen jobs mails each manager the department's summary on the set weekday, once"
