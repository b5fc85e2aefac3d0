#!/usr/bin/env bash
# The advisor a complaint is about (涉及的顾问) never handles it (DOMAIN.md,
# issue 9): they cannot be its owner, and cannot move, reply to, note, wait on,
# refer or close it; its page says why.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
advisor=$(sql "SELECT id FROM users WHERE login = 'advisor'")
manager=$(sql "SELECT id FROM users WHERE login = 'manager'")

login m manager || fail "manager could not sign in"
login a advisor || fail "advisor could not sign in"

post m /complaints/new source=phone "name=态度$tag" phone=13800138000 "description=顾问态度恶劣 $tag" "advisor=$advisor"
id=$(sql "SELECT id FROM complaints WHERE name = '态度$tag'"); [ -n "$id" ] || fail "register"

post m "/complaints/$id/classify" severity=b "owner=$advisor"
expect_status 200
expect_body 'id="e-owner"'
expect_body '投诉涉及的顾问不能负责这条投诉'
[ "$(sql "SELECT severity IS NULL AND owner_id IS NULL FROM complaints WHERE id = $id")" = 1 ] || fail "classified with the advisor as owner"
ok "the advisor concerned cannot be made the owner (message at the field)"

post m "/complaints/$id/classify" severity=b "owner=$manager"
expect_status 303
get a "/complaints/$id"
expect_status 200
expect_body 'id="access-note"'
expect_body '这条投诉涉及您本人'
for action in stage reply note wait refer contact; do
    expect_no_body "/complaints/$id/$action\""
done
ok "the advisor (same department) reads it; the page says why there are no actions"

v=$(sql "SELECT version FROM complaints WHERE id = $id")
post a "/complaints/$id/reply" "reply=我自己回复" "version=$v"
expect_status 200
expect_body '这条投诉涉及您本人（涉及的顾问），您不能处理它。'
post a "/complaints/$id/note" "note=我自己备注" "version=$v"
expect_status 200
post a "/complaints/$id/contact" "contact=我打了电话" "version=$v"
expect_status 200
post a "/complaints/$id/stage" to=investigating "version=$v"
expect_status 200
post a "/complaints/$id/wait" "version=$v"
expect_status 200
post a "/complaints/$id/refer" "refer=转走" "version=$v"
expect_status 200
[ "$(sql "SELECT CONCAT(stage, ' ', version, ' ', waiting_since IS NULL) FROM complaints WHERE id = $id")" = "registered $v 1" ] || fail "the complaint changed"
[ "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $id AND user_id = $advisor")" = 0 ] || fail "an event by the advisor was stored"
ok "every action by the advisor concerned is refused, nothing stored"

# closing: even at the last stage
sql "UPDATE complaints SET stage = 'followup' WHERE id = $id"
post a "/complaints/$id/stage" to=closed "root_cause=x" "corrective_action=y" "version=$v"
expect_status 200
[ "$(sql "SELECT stage FROM complaints WHERE id = $id")" = followup ] || fail "the advisor closed it"
post m "/complaints/$id/stage" to=closed "root_cause=态度问题" "corrective_action=培训" "version=$v"
expect_status 303
ok "the advisor cannot close it; the owner can"
