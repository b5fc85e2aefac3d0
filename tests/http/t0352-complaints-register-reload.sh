#!/usr/bin/env bash
# Registering a complaint taken by phone, then reloading the "registered" page
# (the browser sends the form again) or clicking twice: the complaint is
# registered once. The repeat leads to that complaint, says it was registered
# already, and does not show its verification code again (before, each reload
# registered another complaint).
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
login m manager || fail "manager could not sign in"

get m /complaints/new
expect_status 200
key=$(grep -o 'name="form_key" value="[0-9a-f]*"' "$BODY" | cut -d'"' -f4 || true)
[ ${#key} = 64 ] || fail "the registration form has no key"

fields=(source=phone "name=重载$tag" phone=13800138000 "description=刷新页面 $tag" "form_key=$key")
post m /complaints/new "${fields[@]}"
expect_status 200
expect_body 'id="created-code"'
id=$(sql "SELECT id FROM complaints WHERE name = '重载$tag'")
[ -n "$id" ] || fail "not registered"

post m /complaints/new "${fields[@]}"      # the reload
expect_status 303
case "$(location)" in */complaints/$id) ;; *) false ;; esac || fail "the reload should lead to complaint $id, not $(location)"
[ "$(sql "SELECT COUNT(*) FROM complaints WHERE name = '重载$tag'")" = 1 ] || fail "the reload registered the complaint again"
get m "/complaints/$id"
expect_body '此表单已提交过'
expect_no_body 'id="created-code"'
ok "a reload of the registered page leads to the complaint, registers nothing, shows no code"

# two clicks at once: one complaint
get m /complaints/new
key=$(grep -o 'name="form_key" value="[0-9a-f]*"' "$BODY" | cut -d'"' -f4 || true)
fields=(source=visit "name=双击$tag" phone=13800138000 "description=双击 $tag" "form_key=$key")
post m /complaints/new "${fields[@]}" & post m /complaints/new "${fields[@]}" & wait
[ "$(sql "SELECT COUNT(*) FROM complaints WHERE name = '双击$tag'")" = 1 ] || fail "a double click registered two complaints"
ok "a double click registers one complaint"

# a mistake keeps the key: corrected, the form registers once
get m /complaints/new
key=$(grep -o 'name="form_key" value="[0-9a-f]*"' "$BODY" | cut -d'"' -f4 || true)
post m /complaints/new source=phone "name=改正$tag" "description=缺联系方式" "form_key=$key"
expect_status 200
expect_body "value=\"$key\""
post m /complaints/new source=phone "name=改正$tag" phone=13800138000 "description=补上了" "form_key=$key"
expect_status 200
post m /complaints/new source=phone "name=改正$tag" phone=13800138000 "description=补上了" "form_key=$key"
expect_status 303
[ "$(sql "SELECT COUNT(*) FROM complaints WHERE name = '改正$tag'")" = 1 ] || fail "corrected form registered twice"
ok "after a correction the same form still registers once"

# another user's key is not theirs to look up
login k director || fail "director could not sign in"
post k /complaints/new "${fields[@]}"
expect_status 303
case "$(location)" in */complaints/) ;; *) false ;; esac || fail "another user's form key must not lead to that complaint: $(location)"
ok "a key used by someone else leads to no complaint"
