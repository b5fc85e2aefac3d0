#!/usr/bin/env bash
# Two staff acting on the same complaint at once: both load the page, both send
# an action. The first is saved; the second is told that the complaint changed
# while they were looking at it, sees its current state, and nothing of theirs
# is saved (before, both got "saved" and the last one won — and the second
# classification skipped the reason a re-classification needs).
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
manager=$(sql "SELECT id FROM users WHERE login = 'manager'")
director=$(sql "SELECT id FROM users WHERE login = 'director'")
login m manager || fail "manager could not sign in"
login d director || fail "director could not sign in"

post m /complaints/new source=phone "name=并发$tag" phone=13800138000 "description=两人同时处理 $tag"
id=$(sql "SELECT id FROM complaints WHERE name = '并发$tag'"); [ -n "$id" ] || fail "register"

# the version hidden in the forms of the page just loaded ("" when none)
page_version() { grep -o 'name="version" value="[0-9]*"' "$BODY" | sed -n 1p | cut -d'"' -f4 || true; }

get m "/complaints/$id"; vm=$(page_version); [ -n "$vm" ] || fail "no version in the manager's forms"
get d "/complaints/$id"; vd=$(page_version); [ "$vd" = "$vm" ] || fail "both should see one version"

post m "/complaints/$id/classify" severity=b "owner=$manager" "version=$vm"
expect_status 303
post d "/complaints/$id/classify" severity=d "owner=$director" "version=$vd"
expect_status 200
expect_body '已被他人修改'
expect_body 'b 一般'
expect_body 'id="action-error"'
[ "$(sql "SELECT CONCAT(severity, ' ', owner_id) FROM complaints WHERE id = $id")" = "b $manager" ] || fail "second classification overwrote the first"
[ "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $id AND kind IN ('classified', 'reclassified')")" = 1 ] || fail "two classification events"
nv=$(page_version); [ "$nv" -gt "$vd" ] || fail "the page shown again must carry the new version"
ok "two classifications from one state: the second is refused with the current state, nothing saved"

# every other action checks the version too: a note and a stage move from the same page
get m "/complaints/$id"; v=$(page_version)
post m "/complaints/$id/note" "note=第一条 $tag" "version=$v"
expect_status 303
post d "/complaints/$id/note" "note=第二条 $tag" "version=$v"
expect_status 200
expect_body '已被他人修改'
expect_body "第一条 $tag"
expect_body "第二条 $tag"   # what they typed is still in the form
[ "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $id AND body = '第二条 $tag'")" = 0 ] || fail "stale note stored"
for action in "stage to=investigating" "wait wait_note=x" "reply reply=x" "refer refer=x"; do
    set -- $action
    post d "/complaints/$id/$1" "$2" "version=$v"
    expect_status 200 "($1)"
    expect_body '已被他人修改'
done
[ "$(sql "SELECT CONCAT(stage, ' ', waiting_since IS NULL) FROM complaints WHERE id = $id")" = "registered 1" ] || fail "a stale action changed the complaint"
ok "note, stage, wait, reply and refer from a page already changed are refused, nothing saved"

# both at the same instant: one note is stored, the other is told
get m "/complaints/$id"; v=$(page_version)
post m "/complaints/$id/note" "note=同时甲 $tag" "version=$v" & post d "/complaints/$id/note" "note=同时乙 $tag" "version=$v" & wait
[ "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $id AND body LIKE '同时_ $tag'")" = 1 ] || fail "two actions at the same instant from one version both stored"
ok "two actions at the same instant from one version: exactly one is stored"

# in English too
sql "UPDATE users SET lang = 'en' WHERE login = 'director'"
post d "/complaints/$id/note" "note=x" "version=$v"
sql "UPDATE users SET lang = 'zh-CN' WHERE login = 'director'"
expect_body 'changed by someone else while you were looking at it'
ok "the message in English"

# a version that is not a number is refused the same way
post m "/complaints/$id/note" "note=x" "version=abc"
expect_status 200
expect_body '已被他人修改'
ok "a malformed version is not saved"

# with the version shown now, the director's re-classification needs a reason again
get d "/complaints/$id"; nv=$(page_version)
post d "/complaints/$id/classify" severity=d "owner=$director" "version=$nv"
expect_status 200
expect_body 'id="e-reason"'
post d "/complaints/$id/classify" severity=d "owner=$director" "version=$nv" "reason=升级 $tag"
expect_status 303
ok "after seeing the current state, re-classifying asks for the reason, then is saved"

