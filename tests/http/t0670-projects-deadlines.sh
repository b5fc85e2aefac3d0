#!/usr/bin/env bash
# The slip's two deadlines (issue 11): a slip dated 2026-09-30, before the
# National Day holiday, is due 2026-10-09 (learn the client's basics) and
# 2026-10-10 (on-site coaching, the make-up Saturday). The assignee records the
# first done in time (a future date, a date before the slip and an unknown
# deadline are refused at the field); the second passes undone: `guwen jobs`
# with a fixed "now" finds it only after 2026-10-10, then mails the assignee
# and their manager once and puts it on the manager's start page; recorded
# done late, it leaves the start page, and the progress summary counts one
# deadline met and one missed. In a department of its own, so that other
# tests' slips do not crowd the start page.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
hash=$(sql "SELECT password_hash FROM users WHERE login = 'advisor'")
sql "INSERT INTO departments (name, created_at) VALUES ('期限部$tag', NOW())"
dept=$(sql "SELECT id FROM departments WHERE name = '期限部$tag'")
sql "INSERT INTO users (login, name, email, role, department_id, password_hash, created_at, updated_at) VALUES
  ('dla$tag', '期限顾问$tag', 'dla$tag@example.test', 'advisor', $dept, '$hash', NOW(), NOW()),
  ('dlm$tag', '期限经理$tag', 'dlm$tag@example.test', 'manager', $dept, '$hash', NOW(), NOW())"
adv=$(sql "SELECT id FROM users WHERE login = 'dla$tag'")
sql "INSERT INTO clients (name, created_at, updated_at) VALUES ('期限客户$tag', NOW(), NOW())"
client=$(sql "SELECT id FROM clients WHERE name = '期限客户$tag'")
late_mails() { sql "SELECT COUNT(*) FROM outbox WHERE to_addr = '$1' AND subject LIKE '%已超期%$2%' AND subject LIKE '%期限客户$tag%'"; }
jobs() { GUWEN_CONFIG="$VAR/guwen.hdf" GUWEN_NOW="$1" "$ROOT/tools/guwen" jobs -v 2>&1; }

login m market || fail "market"; login a "dla$tag" || fail "advisor"; login g "dlm$tag" || fail "manager"
post m /projects/new "client=$client" type=2 "department=$dept" "advisor=$adv" fee=600 fee_purpose=咨询费 fee_due=2099-12-31 slip_on=2026-09-30
expect_status 303
id=$(sql "SELECT id FROM projects WHERE client_id = $client")
[ "$(sql "SELECT CONCAT(learn_due, ' ', coach_due) FROM project_slips WHERE project_id = $id")" = "2026-10-09 2026-10-10" ] || fail "deadlines"
post a "/projects/$id/accept" version=0; expect_status 303
get a "/projects/$id"; expect_body 'id="deadline"'
get m "/projects/$id"; expect_no_body 'id="deadline"'
keep_csrf m
post m "/projects/$id/deadline" version=1 deadline=learn deadline_on=2026-10-09
expect_status 403
post a "/projects/$id/deadline" version=1 deadline=learn deadline_on=2099-01-01
expect_status 200; expect_body '日期不能晚于今天'; expect_body 'value="2099-01-01"'
post a "/projects/$id/deadline" version=1 deadline=learn deadline_on=2026-09-29
expect_status 200; expect_body '日期不能早于分配单日期'
post a "/projects/$id/deadline" version=1 deadline=lunch deadline_on=2026-10-09
expect_status 200; expect_body 'aria-invalid="true"'
[ "$(sql "SELECT COUNT(learn_done_on) FROM project_slips WHERE project_id = $id")" = 0 ] || fail "a bad form recorded a deadline"
post a "/projects/$id/deadline" version=1 deadline=learn deadline_on=2026-10-09
expect_status 303
post a "/projects/$id/deadline" version=1 deadline=learn deadline_on=2026-10-09
expect_status 200; expect_body '项目刚被他人修改'
[ "$(sql "SELECT CONCAT(learn_done_on, ' ', COALESCE(coach_done_on, '-')) FROM project_slips WHERE project_id = $id")" = "2026-10-09 -" ] || fail "learn not recorded"
get a "/projects/$id"
tr -d '\n' <"$BODY" | grep -q 'class="learn-due">2026-10-09<br><small class="deadline-done">完成 2026-10-09' || fail "learn not shown done"
tr -d '\n' <"$BODY" | grep -q 'class="coach-due">2026-10-10 <span class="badge overdue">' || fail "coach not shown overdue"
ok "the assignee records learning the basics done on 2026-10-09 (not market; no future date, none before the slip; once)"

get g /; expect_no_body "期限客户$tag"
out=$(jobs '2026-10-10 10:00:00') || fail "jobs: $out"
[ "$(late_mails "dlm$tag@example.test" 现场辅导)" = 0 ] || fail "told before the day passed"
get g /; expect_no_body "期限客户$tag"
out=$(jobs '2026-10-11 02:00:00') || fail "jobs: $out"
echo "$out" | grep -q ' [1-9][0-9]* project deadlines overdue' || fail "jobs output: $out"
[ "$(late_mails "dlm$tag@example.test" 现场辅导)" = 1 ] || fail "manager not mailed"
[ "$(late_mails "dla$tag@example.test" 现场辅导)" = 1 ] || fail "assignee not mailed"
[ "$(late_mails "dla$tag@example.test" 了解客户)" = 0 ] || fail "a deadline done in time was told as late"
jobs '2026-10-12 02:00:00' >/dev/null
[ "$(late_mails "dlm$tag@example.test" 现场辅导)" = 1 ] || fail "told twice"
[ "$(sql "SELECT COUNT(*) FROM project_events WHERE project_id = $id AND kind = 'deadline_late'")" = 1 ] || fail "timeline"
get g /; expect_body "已超期：现场辅导期限 · 期限客户$tag"
get a /; expect_body "已超期：现场辅导期限 · 期限客户$tag"
ok "jobs: nothing on 2026-10-10; on 10-11 the assignee and the manager are mailed once; both start pages show it"

get a "/projects/$id"; keep_csrf a
post a "/projects/$id/deadline" version=2 deadline=coach deadline_on=2026-10-12
expect_status 303
get g /; expect_no_body "现场辅导期限 · 期限客户$tag"
get a /; expect_no_body "现场辅导期限 · 期限客户$tag"
get a "/projects/$id"; expect_no_body 'id="deadline"'
get g /projects/summary/export
grep -q "^按顾问,期限部$tag,期限顾问$tag,1,1,0,5,1,1,0" "$BODY" || fail "summary row: $(grep "期限顾问$tag" "$BODY")"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE entity = 'project' AND entity_id = $id AND action IN ('project.deadline', 'project.deadline_late')")" = 3 ] || fail "audit"
ok "recorded done late: off both start pages; the summary counts 1 met and 1 missed; audited"
