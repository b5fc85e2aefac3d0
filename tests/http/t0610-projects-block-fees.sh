#!/usr/bin/env bash
# "Cannot proceed" and fees (issue 11): the lead raises that the project
# cannot proceed with a reason → the department manager is told (mail, start
# page) → the manager tells market (mail, start page); the project shows it
# until cleared. A fee unpaid past its due date gets a collection case (追款)
# from `guwen jobs` (with a fixed "now"), told to market and legal, who add
# notes; recording the payment closes it, and it is not opened again.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
sql "UPDATE users SET email = CONCAT(login, '@example.test') WHERE login IN ('market', 'manager', 'advisor', 'legal')"
dept=$(sql "SELECT department_id FROM users WHERE login = 'advisor'")
adv=$(sql "SELECT id FROM users WHERE login = 'advisor'")
sql "INSERT INTO clients (name, created_at, updated_at) VALUES ('费用客户$tag', NOW(), NOW())"
client=$(sql "SELECT id FROM clients WHERE name = '费用客户$tag'")
jobs() { GUWEN_CONFIG="$VAR/guwen.hdf" GUWEN_NOW="$1" "$ROOT/tools/guwen" jobs "${@:2}"; }
mails() { sql "SELECT COUNT(*) FROM outbox WHERE to_addr = '$1' AND subject LIKE '%$2%' AND subject LIKE '%费用客户$tag%'"; }

login m market || fail "market could not sign in"
login a advisor || fail "advisor could not sign in"
login g manager || fail "manager could not sign in"
login l legal || fail "legal could not sign in"

post m /projects/new "client=$client" type=2 "department=$dept" "advisor=$adv" fee=3000 \
    "fee_purpose=财务咨询服务费" fee_due=2030-03-15 slip_on=2026-11-02
expect_status 303
id=$(sql "SELECT id FROM projects WHERE client_id = $client")
post a "/projects/$id/accept" version=0; expect_status 303

get a "/projects/$id"; expect_body 'id="block"'
post a "/projects/$id/block" version=1 block_reason=
expect_status 200; expect_body 'aria-invalid="true"'
post a "/projects/$id/block" version=1 "block_reason=客户不提供银行对账单"
expect_status 303
[ "$(sql "SELECT blocked_stage FROM projects WHERE id = $id")" = manager ] || fail "not blocked"
[ "$(mails manager@example.test 项目无法进行)" = 1 ] || fail "manager not mailed"
get g /; expect_body '项目无法进行'; expect_body "费用客户$tag"
get m /; expect_no_body "费用客户$tag"
get a "/projects/$id"; expect_body 'id="blocked"'; expect_body '客户不提供银行对账单'
ok "cannot proceed (reason required): the manager is mailed and has it on the start page; the project shows it"

post g "/projects/$id/block-forward" version=2 "forward_note=请与客户沟通"
expect_status 303
[ "$(sql "SELECT blocked_stage FROM projects WHERE id = $id")" = market ] || fail "not forwarded"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'market@example.test' AND subject LIKE '%项目无法进行%' AND subject LIKE '%费用客户$tag%' AND body LIKE '%客户不提供银行对账单%' AND body LIKE '%请与客户沟通%'")" = 1 ] || fail "market not mailed"
get m /; expect_body '项目无法进行'; expect_body "费用客户$tag"
get m "/projects/$id"; expect_body 'id="blocked"'
post a "/projects/$id/unblock" version=3; expect_status 303
get a "/projects/$id"; expect_no_body 'id="blocked"'
get m /; expect_no_body "费用客户$tag"
ok "the manager tells market (mail with the reason and note, start page); cleared by the lead"

# due 2030-03-15 (Beijing): nothing on the 15th, a case once the 16th has begun
sql "UPDATE projects SET fee_due = '2030-03-15' WHERE id = $id"
out=$(jobs '2030-03-15 15:00:00' 2>&1) || fail "jobs failed: $out"
[ "$(sql "SELECT COUNT(*) FROM project_collections WHERE project_id = $id")" = 0 ] || fail "case opened on the due date"
out=$(jobs '2030-03-15 16:30:00' -v 2>&1) || fail "jobs failed: $out"
echo "$out" | grep -q '[1-9][0-9]* collection cases opened' || fail "summary: $out"
[ "$(sql "SELECT COUNT(*) FROM project_collections WHERE project_id = $id AND closed_at IS NULL")" = 1 ] || fail "no case"
jobs '2030-03-17 01:00:00' >/dev/null
[ "$(sql "SELECT COUNT(*) FROM project_collections WHERE project_id = $id")" = 1 ] || fail "opened twice"
[ "$(mails market@example.test 逾期未付款)" = 1 ] || fail "market not mailed"
[ "$(mails legal@example.test 逾期未付款)" = 1 ] || fail "legal not mailed"
get l /; expect_body '追款'; expect_body "费用客户$tag"
get m /; expect_body "费用客户$tag"
get l /projects/collections; expect_status 200; expect_body "费用客户$tag"; expect_body '¥3000.00'
ok "unpaid past 2030-03-15: one collection case, market and legal mailed and asked on the start page"

get l "/projects/$id"; expect_status 200; keep_csrf l
post l "/projects/$id/collection-note" version=4 "note=已发律师函"
expect_status 303
get m "/projects/$id"; expect_body '已发律师函'
post m "/projects/$id/paid" version=5 paid_on=2099-01-01 paid_amount=3000
expect_status 200; expect_body 'aria-invalid="true"'
post m "/projects/$id/paid" version=5 paid_on=2026-11-20 paid_amount=3000
expect_status 303
[ "$(sql "SELECT CONCAT(fee_paid_on, ' ', fee_paid_fen) FROM projects WHERE id = $id")" = "2026-11-20 300000" ] || fail "payment"
[ "$(sql "SELECT COUNT(*) FROM project_collections WHERE project_id = $id AND closed_at IS NOT NULL")" = 1 ] || fail "case not closed"
get l /projects/collections; expect_no_body "费用客户$tag"
jobs '2030-03-20 01:00:00' >/dev/null
[ "$(sql "SELECT COUNT(*) FROM project_collections WHERE project_id = $id")" = 1 ] || fail "reopened after payment"
[ "$(sql "SELECT GROUP_CONCAT(kind ORDER BY id) FROM project_events WHERE project_id = $id")" = "created,slip,accepted,blocked,block_forwarded,unblocked,deadline_late,deadline_late,collection_opened,collection_note,paid,collection_closed" ] || fail "timeline $(sql "SELECT GROUP_CONCAT(kind ORDER BY id) FROM project_events WHERE project_id = $id")"
get l "/projects/$id"; expect_status 404
ok "legal notes the case; the payment (no future date) closes it; not reopened; every event on the timeline"
