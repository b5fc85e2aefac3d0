#!/usr/bin/env bash
# Duplicates (issue 9): a classifier marks a complaint as a duplicate of another
# by its tracking number; the two are linked both ways, the duplicate closes at
# once without the four stages and without a reply to the complainant; CSRF,
# version check, permission and audit as on every action.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
manager=$(sql "SELECT id FROM users WHERE login = 'manager'")

login m manager || fail "manager could not sign in"
login a advisor || fail "advisor could not sign in"

register() {
    post m /complaints/new source=phone "name=$1" phone=13800138000 "email=d$tag@example.test" "description=重复测试 $1"
    sql "SELECT id FROM complaints WHERE name = '$1'"
}
io=$(register "原投诉$tag"); id=$(register "重复投诉$tag")
[ -n "$io" ] && [ -n "$id" ] || fail "register"
to=$(sql "SELECT tracking_no FROM complaints WHERE id = $io")
td=$(sql "SELECT tracking_no FROM complaints WHERE id = $id")
mails=$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'd$tag@example.test'")

get m "/complaints/$id"
expect_body "/complaints/$id/duplicate"
post m "/complaints/$id/duplicate" "original=$td"
expect_status 200
expect_body 'id="e-original"'
expect_body '不能标记为自己的重复'
post m "/complaints/$id/duplicate" "original=TS-00000000-0000"
expect_status 200
expect_body '没有这个编号的投诉'
expect_body 'value="TS-00000000-0000"'
post m "/complaints/$id/duplicate" "original="
expect_status 200
expect_body 'id="e-original"'
[ "$(sql "SELECT CONCAT(stage, ' ', duplicate_of IS NULL) FROM complaints WHERE id = $id")" = "registered 1" ] || fail "changed by a bad original"
ok "itself, an unknown number or none is refused at the field, the input kept"

post_raw m "/complaints/$id/duplicate" "original=$to"
expect_status 403
post a "/complaints/$id/duplicate" "original=$to"
expect_status 403
v=$(sql "SELECT version FROM complaints WHERE id = $id")
post m "/complaints/$id/duplicate" "original=$to" "version=$((v - 1))"
expect_status 200
expect_body '已被他人修改'
[ "$(sql "SELECT duplicate_of IS NULL FROM complaints WHERE id = $id")" = 1 ] || fail "marked from a stale page"
ok "without the CSRF token, as an advisor, or from a stale page: refused"

# escalated to the manager (as `guwen jobs` does): open until the complaint closes
sql "INSERT INTO complaint_escalations (complaint_id, user_id, level, deadline, created_at)
     VALUES ($id, $manager, 1, 'response', NOW())"
post m "/complaints/$id/duplicate" "original= ${to,,} " "version=$v"
expect_status 303
[ "$(sql "SELECT is_open FROM complaint_escalations WHERE complaint_id = $id")" = 0 ] ||
    fail "the escalation of a complaint closed as a duplicate is still open"
[ "$(sql "SELECT CONCAT(stage, ' ', duplicate_of, ' ', closed_at IS NOT NULL) FROM complaints WHERE id = $id")" = "closed $io 1" ] || fail "not closed as a duplicate"
[ "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $id AND kind IN ('stage', 'reply')")" = 0 ] || fail "went through stages or replied"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'd$tag@example.test'")" = "$mails" ] || fail "the complainant was mailed"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'complaint.duplicate' AND entity_id = $id AND user_id = $manager AND detail = 'original=$io'")" = 1 ] || fail "not audited"
get m "/complaints/$id"
expect_body 'id="duplicate-of"'
expect_body "href=\"/complaints/$io\">$to</a>"
expect_no_body "/complaints/$id/duplicate\""
get m "/complaints/$io"
expect_body 'id="duplicates"'
expect_body "href=\"/complaints/$id\">$td</a>"
expect_body '收到重复投诉'
ok "the duplicate is closed at once, no stages, no reply, audited; both pages link to each other"

post m "/complaints/$io/duplicate" "original=$td"
expect_status 200
expect_body '没有这个编号的投诉'
ok "a duplicate cannot be an original"

sql "UPDATE users SET lang = 'en' WHERE login = 'manager'"
login e manager || fail "manager could not sign in in English"
get e "/complaints/$id"
sql "UPDATE users SET lang = 'zh-CN' WHERE login = 'manager'"
expect_body 'This is a duplicate of'
ok "in English too"

# The original's complainant sees on the portal that the matter was complained
# of again: the duplicate's tracking number only, never its name or text.
req p POST /portal/complaint -F "token=$(form_token complaint 10)" -F "name=网上原投诉$tag" \
    -F phone=13900139000 -F "description=网上原投诉内容$tag"
expect_status 200
wo=$(grep -o 'id="tracking-no">[^<]*' "$BODY" | cut -d'>' -f2)
code=$(grep -o 'id="verify-code">[^<]*' "$BODY" | cut -d'>' -f2)
[ -n "$wo" ] && [ -n "$code" ] || fail "filed on the portal"
portal_status() { req q POST /portal/complaint/status --data-urlencode "tracking=$wo" --data-urlencode "code=$code"; }
portal_status
expect_status 200
expect_no_body 'id="duplicates"'
wd=$(register "网上重复$tag")
twd=$(sql "SELECT tracking_no FROM complaints WHERE id = $wd")
get m "/complaints/$wd"
keep_csrf m
post m "/complaints/$wd/duplicate" "original=$wo" "version=$(sql "SELECT version FROM complaints WHERE id = $wd")"
expect_status 303
portal_status
expect_status 200
expect_body 'id="duplicates"'
expect_body "$twd"
expect_body '同一事项的其他投诉'
expect_no_body "网上重复$tag"
expect_no_body "重复测试 网上重复$tag"
req q POST /portal/complaint/status -H 'Cookie: gw_lang=en' --data-urlencode "tracking=$wo" --data-urlencode "code=$code"
expect_body "$twd"
expect_body 'Other complaints about the same matter'
ok "the original's status page shows the duplicate's number, not its name or text"
