#!/usr/bin/env bash
# A new account, and one whose password the administrator reset, must choose
# its own password at the first sign-in: every page (and every POST) leads to
# the change-password form, which says why and has no way round it; signing
# out and the language stay open. Once changed, the account works as usual.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
user="first$tag"
login a admin || fail "admin cannot sign in"
dept=$(sql "SELECT id FROM departments WHERE name = '记账一部'")
post a /admin/users "login=$user" "name=新同事$tag" "email=$user@example.test" role=advisor \
    "department_id=$dept" clearance=1 "password=Admin-Typed-1"
expect_status 303 "(create)"
id=$(sql "SELECT id FROM users WHERE login = '$user'")

login u "$user" "Admin-Typed-1" || fail "the new account cannot sign in"
for path in / /complaints/ /complaints/new "/login/?next=complaints/"; do
    get u "$path"
    expect_status 303 "($path)"
    [ "$(location)" = /login/password ] || fail "$path leads to $(location), not the password form"
done
get u /login/password
expect_status 200
expect_body 'id="must-change"'
expect_body '请先设置自己的密码'
expect_no_body '取消</a>'
keep_csrf u
post u /complaints/new source=phone "name=绕过$tag" phone=13800138000 "description=不该登记"
expect_status 303
[ "$(location)" = /login/password ] || fail "a POST was served before the password change"
[ "$(sql "SELECT COUNT(*) FROM complaints WHERE name = '绕过$tag'")" = 0 ] || fail "the POST was stored"
ok "a new account sees only the change-password form, which says why"

post u /login/password "old=Admin-Typed-1" "new=My-Own-Secret-$tag" "confirm=My-Own-Secret-$tag"
expect_status 303
[ "$(sql "SELECT must_change FROM users WHERE id = $id")" = 0 ] || fail "must_change still set"
get u /
expect_status 200
expect_body "新同事$tag"
ok "after choosing a password the account works"

post a "/admin/users/$id/password"
expect_status 200
pw=$(grep -o '<code id="new-password">[^<]*' "$BODY" | sed 's/.*>//')
login u2 "$user" "$pw" || fail "the reset password does not sign in"
get u2 /complaints/
expect_status 303
[ "$(location)" = /login/password ] || fail "after a reset the account was not sent to the password form"
get u2 /login/password
expect_body 'id="must-change"'
ok "after the administrator's reset the password must be changed again"

get u2 /login/password
keep_csrf u2
post u2 /login/logout
expect_status 303
[ "$(location)" = /login/ ] || fail "sign-out not open before the change: $(location)"
ok "signing out stays open"
