#!/usr/bin/env bash
# Refer to market (转交市场) leads somewhere (issue 9): market reads the referred
# complaint (no handling actions), has a "referred to market" list and start-page
# section, and answers the client there — a reply the complainant sees and gets
# by mail, recorded; the referral is then done. Market and front-desk staff read
# the complaints they registered.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
sql "UPDATE users SET email = CONCAT(login, '@example.test') WHERE login IN ('director', 'manager', 'advisor', 'market')"
advisor=$(sql "SELECT id FROM users WHERE login = 'advisor'")
market=$(sql "SELECT id FROM users WHERE login = 'market'")

login m manager || fail "manager could not sign in"
login a advisor || fail "advisor could not sign in"
login k market || fail "market could not sign in"

mail="r$tag@example.test"
post m /complaints/new source=phone "name=转交$tag" phone=13800138000 "email=$mail" "description=转交测试 $tag"
id=$(sql "SELECT id FROM complaints WHERE name = '转交$tag'"); [ -n "$id" ] || fail "register"
tracking=$(sql "SELECT tracking_no FROM complaints WHERE id = $id")
post m "/complaints/$id/classify" severity=b "owner=$(sql "SELECT id FROM users WHERE login = 'manager'")"
expect_status 303

get k "/complaints/$id"
expect_status 404
ok "before a referral market does not see the complaint"

post m "/complaints/$id/refer" "refer=客户账上有未申报的收入$tag"
expect_status 303
[ "$(sql "SELECT COUNT(*) FROM complaint_referrals WHERE complaint_id = $id AND answered_at IS NULL")" = 1 ] || fail "no open referral"

get k "/complaints/$id"
expect_status 200
expect_body "客户账上有未申报的收入$tag"
expect_body 'id="access-note"'
expect_body "/complaints/$id/answer"
expect_no_body "/complaints/$id/stage"
expect_no_body "/complaints/$id/reply\""
ok "market reads the referred complaint with its answer form, without the handling actions"

get k /
grep -A4 'id="work-complaints-referred"' "$BODY" | grep -qF "$tracking" || fail "not on market's start page"
get k "/complaints/?tab=referred"
expect_status 200
expect_body ">$tracking</a>"
expect_body 'aria-current="page">转交给市场'
ok "market has it on the start page and in the 'referred to market' list"

post k "/complaints/$id/note" note=市场想加备注
expect_status 200
expect_body '您只能查看这条投诉'
post k "/complaints/$id/stage" to=investigating
expect_status 200
[ "$(sql "SELECT stage FROM complaints WHERE id = $id")" = registered ] || fail "market moved the stage"
post_raw k "/complaints/$id/answer" "answer=没有令牌"
expect_status 403
post a "/complaints/$id/answer" "answer=顾问不能答复"
[ "$STATUS" = 404 ] || [ "$STATUS" = 200 ] || fail "advisor answer: $STATUS"
[ "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $id AND kind IN ('note', 'reply')")" = 0 ] || fail "something was stored"
post k "/complaints/$id/answer" "answer="
expect_status 200
expect_body 'id="e-answer"'
ok "market cannot handle it; the answer needs the CSRF token, market, and a text"

post k "/complaints/$id/answer" "answer=关于您账上的问题，我们将安排专人上门说明$tag"
expect_status 303
[ "$(sql "SELECT COUNT(*) FROM complaint_referrals WHERE complaint_id = $id AND answered_at IS NOT NULL AND answered_by = $market")" = 1 ] || fail "referral not done"
[ "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $id AND kind = 'reply' AND visibility = 'public' AND user_id = $market")" = 1 ] || fail "no public reply event"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = '$mail' AND body LIKE '%安排专人上门说明$tag%'")" = 1 ] || fail "complainant not mailed"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'complaint.answer' AND entity_id = $id AND user_id = $market")" = 1 ] || fail "not audited"
get k "/complaints/$id"
expect_status 200
expect_no_body "/complaints/$id/answer"
get k "/complaints/?tab=referred"
expect_no_body ">$tracking</a>"
get m "/complaints/$id"
expect_body "安排专人上门说明$tag"
ok "market's answer is a public reply (mailed, audited); the referral is done and leaves market's list"

# market registers a complaint: they read it (not handle it) and list it
post k /complaints/new source=visit "name=市场登记$tag" phone=13800138000 "description=前台登记 $tag"
expect_status 200
id2=$(sql "SELECT id FROM complaints WHERE name = '市场登记$tag'")
t2=$(sql "SELECT tracking_no FROM complaints WHERE id = $id2")
get k "/complaints/$id2"
expect_status 200
expect_body 'id="access-note"'
get k "/complaints/?tab=registered"
expect_body ">$t2</a>"
expect_body 'aria-current="page">我登记的'
get a "/complaints/?tab=registered"
expect_no_body ">$t2</a>"
ok "market reads and lists the complaints they registered; others do not list them as theirs"
