#!/usr/bin/env bash
# A staff member switches the interface to English and back, and changes their
# password (other sessions end).
. "$(dirname "$0")/lib.sh"

login a market || fail "sign-in"
post a /lang lang=en
expect_status 303
get a /
expect_body "My work"
expect_body '<html lang="en">'
[ "$(sql "SELECT lang FROM users WHERE login='market'")" = en ] || fail "language not stored"
ok "switch to English, remembered for the account"
keep_csrf a
post a /lang lang=zh-CN
get a /
expect_body "我的工作"
ok "switch back to Chinese"

login b market || fail "second sign-in"
get a /login/password
keep_csrf a
post a /login/password old=wrong-password new=short confirm=short
expect_status 200
expect_body "当前密码不正确"
post a /login/password "old=$PASSWORD" new=short confirm=short
expect_body "新密码至少需要 10 个字符"
post a /login/password "old=$PASSWORD" new=a-new-password-1 confirm=a-new-password-2
expect_body "两次输入的新密码不一致"
ok "password form errors at the fields"
post a /login/password "old=$PASSWORD" new=a-new-password-1 confirm=a-new-password-1
expect_status 303
get a /
expect_body "密码已修改"
get b /
expect_status 303
ok "password changed; the other session ended"
login c market a-new-password-1 || fail "sign-in with the new password"
# put the demo password back for the other tests
keep_csrf c
get c /login/password
keep_csrf c
post c /login/password old=a-new-password-1 "new=$PASSWORD" "confirm=$PASSWORD"
expect_status 303
ok "signed in with the new password"
