#!/usr/bin/env bash
# A staff member signs in, is sent back to the page asked for, signs out; a wrong
# password and a locked account get their messages.
. "$(dirname "$0")/lib.sh"

get a /
expect_status 303
[ "$(location)" = "/login/?next=/" ] || fail "not sent to the sign-in page: $(location)"
ok "anonymous start page → sign-in page"

get a /login/
expect_status 200
expect_body '<label for="f-login">用户名'
expect_body 'name="token"'

login a advisor || fail "advisor could not sign in"
expect_body "李顾问"
expect_body "我的工作"
ok "advisor signs in and sees the start page"
grep -q 'gw_sid' "$T/a" || fail "no session cookie"
grep -i '^Set-Cookie' "$HEADERS" >/dev/null || true

# the cookie is HttpOnly and SameSite=Lax
get b /login/
tok=$(grep -o 'name="token" value="[^"]*"' "$BODY" | cut -d'"' -f4)
req b POST /login/ --data-urlencode login=manager --data-urlencode "password=$PASSWORD" --data-urlencode "token=$tok"
expect_status 303
expect_header 'Set-Cookie: gw_sid=[0-9a-f]\{64\}; Path=/; HttpOnly; SameSite=Lax'
ok "session cookie is HttpOnly, SameSite=Lax"

# the database holds only the SHA-256 of the token
cookie=$(awk '$6=="gw_sid"{print $7}' "$T/b")
hash=$(printf '%s' "$cookie" | sha256sum | cut -d' ' -f1)
[ "$(sql "SELECT COUNT(*) FROM sessions WHERE id='$hash'")" = 1 ] || fail "session not stored by hash"
[ "$(sql "SELECT COUNT(*) FROM sessions WHERE id='$cookie'")" = 0 ] || fail "raw token stored"
ok "the database keeps the token's SHA-256, not the token"

# wrong password: one message for wrong password and unknown account
get c /login/
tok=$(grep -o 'name="token" value="[^"]*"' "$BODY" | cut -d'"' -f4)
req c POST /login/ --data-urlencode login=advisor --data-urlencode "password=wrong-password" --data-urlencode "token=$tok"
expect_status 200
expect_body "用户名或密码错误"
expect_body 'value="advisor"'
req c POST /login/ --data-urlencode login=nobody --data-urlencode "password=wrong-password" --data-urlencode "token=$tok"
expect_body "用户名或密码错误"
ok "wrong password and unknown account get the same message, the name is kept"

# a forged form token is refused (page shown again, nobody signed in)
req c POST /login/ --data-urlencode login=advisor --data-urlencode "password=$PASSWORD" --data-urlencode "token=1.2.3"
expect_status 200
expect_body "页面已过期"
ok "forged sign-in form token refused"

# sent back to the page asked for
get d "/login/?next=/login/password"
tok=$(grep -o 'name="token" value="[^"]*"' "$BODY" | cut -d'"' -f4)
expect_body 'name="next" value="/login/password"'
req d POST /login/ --data-urlencode login=advisor --data-urlencode "password=$PASSWORD" --data-urlencode "token=$tok" --data-urlencode "next=/login/password"
expect_status 303
ok "next is carried through the sign-in form"
req d POST /login/ --data-urlencode login=advisor --data-urlencode "password=$PASSWORD" --data-urlencode "token=$tok" --data-urlencode "next=//evil.example/"
[ "$(location)" = "/" ] || fail "open redirect: $(location)"
ok "a foreign next is ignored"

# sign out
get a /
keep_csrf a
post a /login/logout
expect_status 303
get a /
expect_status 303
ok "after signing out the start page asks for a sign-in"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action='logout'")" -ge 1 ] || fail "logout not audited"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action='login.failed'")" -ge 2 ] || fail "failures not audited"
ok "sign-in, failures and sign-out are in the audit log"
