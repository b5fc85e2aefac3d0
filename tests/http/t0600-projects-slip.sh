#!/usr/bin/env bash
# Service projects and assignment slips (issue 11): market creates a 代理记账
# project with a slip dated 2026-09-30, just before the National Day holiday;
# its deadlines land on working days of the calendar (10-09, and 10-10, the
# make-up Saturday). The advisor rejects it (二次分配), a second advisor rejects
# the new slip, the department manager answers market, market answers the
# client, the third slip is accepted and a step is checked off. Every notice is
# a mail in the outbox and an item on the receiver's start page; every event is
# on the project's timeline. Advisors of other departments and other market
# staff do not see the project.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
[ "$(sql "SELECT COUNT(*) FROM calendar_days WHERE day BETWEEN '2026-10-01' AND '2026-10-10'")" = 8 ] || fail "the holiday calendar is not imported"
[ "$(sql "SELECT GROUP_CONCAT(n ORDER BY code) FROM (SELECT t.code, COUNT(*) n FROM project_types t JOIN project_type_steps s ON s.type_id = t.id WHERE t.code IN ('bookkeeping', 'cleanup', 'consulting') GROUP BY t.code) x")" = "8,6,5" ] || fail "types: bookkeeping 8, cleanup 6, consulting 5 steps"
sql "UPDATE users SET email = CONCAT(login, '@example.test') WHERE login IN ('market', 'manager', 'advisor')"
hash=$(sql "SELECT password_hash FROM users WHERE login = 'advisor'")
dept=$(sql "SELECT department_id FROM users WHERE login = 'advisor'")
# a second advisor of the same department, one of another, a second market person
sql "INSERT INTO users (login, name, email, role, department_id, password_hash, created_at, updated_at) VALUES
  ('adv2$tag', '周顾问$tag', 'adv2$tag@example.test', 'advisor', $dept, '$hash', NOW(), NOW()),
  ('advx$tag', '外部顾问$tag', NULL, 'advisor', 1, '$hash', NOW(), NOW()),
  ('mkt2$tag', '另一市场$tag', NULL, 'market', 4, '$hash', NOW(), NOW())"
adv1=$(sql "SELECT id FROM users WHERE login = 'advisor'")
adv2=$(sql "SELECT id FROM users WHERE login = 'adv2$tag'")
sql "INSERT INTO clients (name, contact_email, created_at, updated_at) VALUES ('项目客户$tag', 'client$tag@example.test', NOW(), NOW())"
client=$(sql "SELECT id FROM clients WHERE name = '项目客户$tag'")
mails() { sql "SELECT COUNT(*) FROM outbox WHERE to_addr = '$1' AND subject LIKE '%$2%' AND subject LIKE '%项目客户$tag%'"; }

login m market || fail "market could not sign in"
login a advisor || fail "advisor could not sign in"
login b "adv2$tag" || fail "second advisor could not sign in"
login g manager || fail "manager could not sign in"
login x "advx$tag" || fail "other department's advisor could not sign in"
login n "mkt2$tag" || fail "other market person could not sign in"
login l legal || fail "legal could not sign in"

get m /projects/new
expect_status 200
expect_body '代理记账'; expect_body '财务咨询'; expect_body '财务理账'
keep_csrf m
post m /projects/new "client=$client" type=1 "department=$dept" "advisor=$adv1" fee=abc \
    fee_purpose= fee_due=2026-12-31 slip_on=2026-09-30
expect_status 200
expect_body 'aria-invalid="true"'
expect_body 'value="2026-12-31"'
[ "$(sql "SELECT COUNT(*) FROM projects WHERE client_id = $client")" = 0 ] || fail "a bad form created a project"
ok "a bad fee and no purpose: messages at the fields, the input kept, nothing stored"

post m /projects/new "client=$client" type=1 "department=$dept" "advisor=$adv1" fee=1200.50 \
    "fee_purpose=2026 年度代理记账费" fee_due=2026-12-31 slip_on=2026-09-30
expect_status 303
id=$(sql "SELECT id FROM projects WHERE client_id = $client")
[ -n "$id" ] || fail "no project"
[ "$(sql "SELECT CONCAT(fee_fen, ' ', status, ' ', created_by) FROM projects WHERE id = $id")" = "120050 assigning $(sql "SELECT id FROM users WHERE login = 'market'")" ] || fail "project row"
# By hand: from Wed 09-30, 10-01…10-07 are holidays: 10-08 = 1, 10-09 = 2
# (learn the basics), 10-10 (Saturday, make-up working day) = 3 (on-site coaching).
[ "$(sql "SELECT CONCAT(learn_due, ' ', coach_due) FROM project_slips WHERE project_id = $id")" = "2026-10-09 2026-10-10" ] || fail "slip deadlines $(sql "SELECT CONCAT(learn_due, ' ', coach_due) FROM project_slips WHERE project_id = $id")"
get m "/projects/$id"
expect_body '2026-10-09'; expect_body '2026-10-10'
expect_body '接收原始单证'; expect_body '定期跟踪回访'
ok "slip dated 2026-09-30: learn basics by 2026-10-09, coaching by 2026-10-10 (make-up Saturday)"
[ "$(mails advisor@example.test 新分配单)" = 1 ] || fail "advisor not mailed"
get a /
expect_body '待接受分配单'; expect_body "项目客户$tag"
ok "the advisor is mailed and has the slip on the start page"

get x "/projects/$id"; expect_status 404
get n "/projects/$id"; expect_status 404
get l "/projects/$id"; expect_status 404
get n /projects/; expect_no_body "项目客户$tag"
get g /projects/; expect_body "项目客户$tag"
get m /projects/; expect_body "项目客户$tag"
ok "another department's advisor, another market person, legal: not found; manager and creator see it"

get a "/projects/$id"; keep_csrf a
post a "/projects/$id/reject" version=0 reason=
expect_status 200; expect_body 'aria-invalid="true"'
[ "$(sql "SELECT status FROM projects WHERE id = $id")" = assigning ] || fail "rejected without a reason"
post a "/projects/$id/reject" version=0 "reason=本周外勤已满"
expect_status 303
[ "$(sql "SELECT CONCAT(status, ' ', rejections) FROM projects WHERE id = $id")" = "reassign 1" ] || fail "first rejection"
[ "$(mails market@example.test 分配单被拒绝)" = 1 ] || fail "market not told of the rejection"
get m /; expect_body '待二次分配'; expect_body "项目客户$tag"
ok "rejected with a reason (required): market is mailed and asked on the start page to assign again"

get m "/projects/$id"; keep_csrf m
expect_body 'id="reassign"'
post m "/projects/$id/reassign" version=1 "department=$dept" "advisor=$adv2" slip_on=2026-10-08
expect_status 303
# from Thu 10-08: 10-09 = 1, 10-10 (make-up Saturday) = 2, 10-12 (Monday) = 3
[ "$(sql "SELECT CONCAT(learn_due, ' ', coach_due) FROM project_slips WHERE project_id = $id ORDER BY id DESC LIMIT 1")" = "2026-10-10 2026-10-12" ] || fail "second slip deadlines"
[ "$(mails "adv2$tag@example.test" 新分配单)" = 1 ] || fail "second advisor not mailed"
get b /; expect_body '待接受分配单'
get a /; expect_no_body "项目客户$tag"
get a "/projects/$id"; expect_no_body 'id="accept"'
ok "二次分配: the new slip (2026-10-08) is due 2026-10-10 and 2026-10-12; the first advisor no longer has it to accept"

get b "/projects/$id"; keep_csrf b
post b "/projects/$id/reject" version=2 "reason=不熟悉该行业"
expect_status 303
[ "$(sql "SELECT status FROM projects WHERE id = $id")" = escalated ] || fail "second rejection not escalated"
[ "$(mails manager@example.test 第二次被拒绝)" = 1 ] || fail "manager not mailed"
get g /; expect_body '待答复市场人员'; expect_body "项目客户$tag"
get g "/projects/$id"; keep_csrf g
post g "/projects/$id/manager-answer" version=3 "answer=本部门下周一起可安排王顾问"
expect_status 303
[ "$(mails market@example.test 部门经理答复)" = 1 ] || fail "market not told of the manager's answer"
get m /; expect_body "部门经理已答复，待答复客户 · 项目客户$tag"
get m "/projects/$id"; keep_csrf m
post m "/projects/$id/client-answer" version=4 "answer=您的项目将于下周一开始"
expect_status 303
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'client$tag@example.test' AND body LIKE '%下周一开始%'")" = 1 ] || fail "client not mailed"
get m /; expect_no_body "部门经理已答复，待答复客户 · 项目客户$tag"; expect_body "待二次分配 · 项目客户$tag"
ok "second rejection → manager (mailed, start page) answers market (mailed, start page) → market answers the client (mailed)"

post m "/projects/$id/reassign" version=5 "department=$dept" "advisor=$adv1" slip_on=2026-10-12
expect_status 303
get a "/projects/$id"; keep_csrf a
post a "/projects/$id/accept" version=6
expect_status 303
[ "$(sql "SELECT CONCAT(status, ' ', lead_id) FROM projects WHERE id = $id")" = "active $adv1" ] || fail "accept"
post a "/projects/$id/step" version=7 seq=1 done_on=2026-10-13 "remark=收到 9 月凭证"
expect_status 303
post a "/projects/$id/step" version=7 seq=2 done_on=2026-10-13
expect_status 200; expect_body '项目刚被他人修改'
[ "$(sql "SELECT CONCAT(done_on, ' ', done_by, ' ', remark) FROM project_steps WHERE project_id = $id")" = "2026-10-13 $adv1 收到 9 月凭证" ] || fail "step row"
get a "/projects/$id"
expect_body '收到 9 月凭证'; expect_body 'class="done" id="step-1"'
ok "accepted (lead set), step 1 checked off with date, who and remark; a stale form is refused"

[ "$(sql "SELECT GROUP_CONCAT(kind ORDER BY id) FROM project_events WHERE project_id = $id")" = "created,slip,rejected,reassigned,slip,rejected,escalated,manager_answer,client_answer,reassigned,slip,accepted,step" ] || fail "timeline $(sql "SELECT GROUP_CONCAT(kind ORDER BY id) FROM project_events WHERE project_id = $id")"
expect_body '部门经理答复市场人员'; expect_body '本周外勤已满'
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE entity = 'project' AND entity_id = $id")" = 9 ] || fail "audit $(sql "SELECT COUNT(*) FROM audit_log WHERE entity = 'project' AND entity_id = $id")"
ok "every event on the timeline, every action audited"
