#!/usr/bin/env bash
# The response deadline is met by the first reply or a recorded contact with the
# complainant (a phone call, a visit), not by moving the complaint to
# "investigating" (issue 9); `guwen jobs` escalates an unanswered one.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
sql "UPDATE users SET email = CONCAT(login, '@example.test') WHERE login IN ('director', 'manager', 'advisor')"
manager=$(sql "SELECT id FROM users WHERE login = 'manager'")
jobs() { GUWEN_CONFIG="$VAR/guwen.hdf" GUWEN_NOW="$1" "$ROOT/tools/guwen" jobs; }

login m manager || fail "manager could not sign in"

register() {
    post m /complaints/new source=phone "name=$1" phone=13800138000 "email=c$tag@example.test" "description=响应测试 $1"
    local id; id=$(sql "SELECT id FROM complaints WHERE name = '$1'")
    post m "/complaints/$id/classify" severity=c "owner=$manager"
    echo "$id"
}
responded() { sql "SELECT responded_at IS NOT NULL FROM complaints WHERE id = $1"; }

i1=$(register "调查$tag"); [ -n "$i1" ] || fail "register"
post m "/complaints/$i1/stage" to=investigating
expect_status 303
[ "$(sql "SELECT stage FROM complaints WHERE id = $i1")" = investigating ] || fail "not investigating"
[ "$(responded "$i1")" = 0 ] || fail "investigating met the response deadline"
get m "/complaints/$i1"
expect_no_body '响应时间'
# past the response deadline (c: 4 hours) the manager's department is told
now=$(sql "SELECT DATE_FORMAT(response_due + INTERVAL 1 MINUTE, '%Y-%m-%d %H:%i:%s') FROM complaints WHERE id = $i1")
jobs "$now" || fail "jobs failed"
[ "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $i1 AND kind = 'escalated' AND params LIKE '%deadline=response%'")" -ge 1 ] || fail "unanswered, investigating, not escalated"
ok "moving to 初步调查 does not meet the response deadline; jobs escalate it"

i2=$(register "电话$tag")
post m "/complaints/$i2/contact" "contact="
expect_status 200
expect_body 'id="e-contact"'
[ "$(responded "$i2")" = 0 ] || fail "an empty contact counted"
post m "/complaints/$i2/contact" "contact=电话联系投诉人，说明了处理安排$tag"
expect_status 303
[ "$(responded "$i2")" = 1 ] || fail "the contact did not meet the response deadline"
[ "$(sql "SELECT visibility FROM complaint_events WHERE complaint_id = $i2 AND kind = 'contact'")" = internal ] || fail "contact event"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'complaint.contact' AND entity_id = $i2")" = 1 ] || fail "contact not audited"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE body LIKE '%说明了处理安排$tag%'")" = 0 ] || fail "the contact record was mailed"
get m "/complaints/$i2"
expect_body '联系投诉人'
expect_body "电话联系投诉人，说明了处理安排$tag"
now=$(sql "SELECT DATE_FORMAT(response_due + INTERVAL 1 MINUTE, '%Y-%m-%d %H:%i:%s') FROM complaints WHERE id = $i2")
jobs "$now" || fail "jobs failed"
[ "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $i2 AND kind = 'escalated'")" = 0 ] || fail "escalated although contacted"
ok "a recorded contact (internal, audited) meets the response deadline; nothing escalates"

i3=$(register "回复$tag")
post m "/complaints/$i3/reply" "reply=已收到，正在处理$tag"
expect_status 303
[ "$(responded "$i3")" = 1 ] || fail "the reply did not meet the response deadline"
ok "the first reply meets the response deadline"

post_raw m "/complaints/$i3/contact" "contact=无令牌"
expect_status 403
v=$(sql "SELECT version FROM complaints WHERE id = $i3")
post m "/complaints/$i3/contact" "contact=旧页面" "version=$((v - 1))"
expect_status 200
expect_body '已被他人修改'
ok "the contact action checks the CSRF token and the version"
