#!/usr/bin/env bash
# t0740-visit-review — the supervisor reviews a submitted visit report: the
# guidance (指导意见) is required, a return needs its reason and sends the
# report back to the visitor (status returned, the reason on the timeline);
# accepting ends the visit (the client's last contact is the visit's day).
# Only the department's manager or a director reviews: an advisor gets 403,
# a manager of another department does not even see the visit.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/visit_report_lib.sh"

tag=$$$RANDOM
id=$(submitted_visit "审核客户$tag")
client=$(sql "SELECT client_id FROM visits WHERE id = $id")
hash=$(sql "SELECT password_hash FROM users WHERE login = 'manager'")
other=$(sql "SELECT id FROM departments WHERE id <> (SELECT department_id FROM users WHERE login = 'manager') LIMIT 1")
sql "INSERT INTO users (login, name, role, department_id, password_hash, created_at, updated_at)
     VALUES ('om$tag', '别部经理$tag', 'manager', $other, '$hash', NOW(), NOW())"

sql "UPDATE users SET email = CONCAT(login, '@example.test') WHERE login = 'advisor'"
login g manager || fail "manager"; login a advisor || fail "advisor"; login o "om$tag" || fail "other manager"

get a "/visits/$id/review"; expect_status 403
post a "/visits/$id/review" "version=$(version $id)" guidance=好 decision=accept; expect_status 403
get o "/visits/$id/review"
[ "$STATUS" = 404 ] || [ "$STATUS" = 403 ] || fail "a manager of another department reviews ($STATUS)"
post o "/visits/$id/review" "version=$(version $id)" guidance=好 decision=accept
[ "$STATUS" = 404 ] || [ "$STATUS" = 403 ] || fail "a manager of another department reviewed ($STATUS)"
[ "$(status_of $id)" = submitted ] || fail "reviewed by someone who may not"
get o /visits/review; expect_no_body "审核客户$tag"
ok "an advisor gets 403; a manager of another department neither sees nor reviews it"

get g "/visits/$id"; expect_status 200; expect_body 'id="go-review"'
get a "/visits/$id"; expect_status 200; expect_no_body 'id="go-review"'
get g /visits/review; expect_status 200; expect_body "待审核的回访报告"; expect_body "审核客户$tag"
get g "/visits/$id/review"; expect_status 200
expect_body "希望审核客户${tag}的账务报表提前三天发送"; expect_body 'name="guidance"'
post g "/visits/$id/review" "version=$(version $id)" guidance= decision=accept
expect_status 200; expect_body 'id="f-guidance" name="guidance" required aria-invalid="true"'
post g "/visits/$id/review" "version=$(version $id)" "guidance=请补充客户对报表格式的具体要求" decision=return return_reason=
expect_status 200; expect_body 'id="f-return_reason" name="return_reason" aria-invalid="true"'
expect_body "请补充客户对报表格式的具体要求"
[ "$(status_of $id)" = submitted ] || fail "changed without guidance or reason"
ok "guidance is required, and a return needs its reason (the input is kept)"

post g "/visits/$id/review" "version=$(version $id)" "guidance=请补充客户对报表格式的具体要求" decision=return "return_reason=没有写明报表格式"
expect_status 303
[ "$(status_of $id)" = returned ] || fail "not returned"
[ "$(sql "SELECT body FROM visit_events WHERE visit_id = $id AND kind = 'review_returned'")" = 没有写明报表格式 ] || fail "the reason is not on the timeline"
[ "$(sql "SELECT guidance FROM visits WHERE id = $id")" = 请补充客户对报表格式的具体要求 ] || fail "guidance not kept"
[ "$(sql "SELECT COALESCE(last_contact_on, '') FROM clients WHERE id = $client")" = "" ] || fail "a returned report ended the visit"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'advisor@example.test' AND subject LIKE '%审核客户$tag%'
         AND body LIKE '%没有写明报表格式%' AND body LIKE '%请补充客户对报表格式的具体要求%'")" = 1 ] || fail "the visitor is not mailed the reason"
get g /visits/review; expect_no_body "审核客户$tag"
post g "/visits/$id/review" "version=$(version $id)" guidance=好 decision=accept
expect_status 409; expect_body "不在待审核状态"
get a "/visits/$id"; expect_body 'id="report-form"'; expect_body "没有写明报表格式"; expect_body "请补充客户对报表格式的具体要求"
ok "returned: status returned, the visitor mailed, the reason on the timeline, off the review list; no second review"

# the visitor adds the detail and submits again on the report form
post a "/visits/$id/report" "version=$(version $id)" "discussed=讨论了季度申报安排" \
    "opinions=希望报表提前三天发送，格式为 Excel" satisfaction=4 "actions=报表改为 Excel 格式"
expect_status 303; [ "$(status_of $id)" = submitted ] || fail "the visitor could not submit the returned report again"
old=$(version $id)
post g "/visits/$id/review" "version=$old" "guidance=补充完整，按此执行" decision=accept
expect_status 303
[ "$(status_of $id)" = accepted ] || fail "not accepted"
[ "$(sql "SELECT reviewed_by = (SELECT id FROM users WHERE login = 'manager') FROM visits WHERE id = $id")" = 1 ] || fail "reviewer"
[ "$(sql "SELECT last_contact_on FROM clients WHERE id = $client")" = 2026-11-23 ] || fail "the visit did not end (last contact)"
[ "$(sql "SELECT COUNT(*) FROM visit_events WHERE visit_id = $id AND kind = 'review_accepted'")" = 1 ] || fail "timeline"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'visit.accept' AND entity_id = $id")" = 1 ] || fail "audit"
post g "/visits/$id/review" "version=$old" "guidance=再次" decision=accept
expect_status 409
ok "accepted: the reviewer and the guidance kept, the client's last contact is the visit's day, audited once"

id2=$(submitted_visit "主管客户$tag")
login d director || fail "director"
get d /visits/review; expect_body "主管客户$tag"
post d "/visits/$id2/review" "version=$(version $id2)" "guidance=很好" decision=accept
expect_status 303; [ "$(status_of $id2)" = accepted ] || fail "a director reviews any department's report"
post_raw g "/visits/$id/review" "version=0" guidance=x decision=accept; expect_status 403
ok "a director reviews every department's reports; a post without the CSRF token is refused"
