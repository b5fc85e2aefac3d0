#!/usr/bin/env bash
# The sign-in form's token belongs to the browser that loaded the form (a
# pre-session cookie): a page elsewhere cannot sign a victim in as someone else
# with a token it fetched itself. Signing in again ends the session the browser
# had. The current-password check of "change password" is throttled and audited.
. "$(dirname "$0")/lib.sh"

token_of() { grep -o 'name="token" value="[^"]*"' "$BODY" | cut -d'"' -f4; }

get victim /login/
expect_status 200
expect_header 'Set-Cookie: gw_pre=[0-9a-f]\{64\}; Path=/; HttpOnly; SameSite=Lax; Max-Age='
get attacker /login/
tok=$(token_of)
req victim POST /login/ --data-urlencode login=advisor --data-urlencode "password=$PASSWORD" \
    --data-urlencode "token=$tok"
expect_status 200
expect_body '页面已过期'
grep -q gw_sid "$T/victim" && fail "a token from another browser signed the victim in"
req nocookie POST /login/ --data-urlencode login=advisor --data-urlencode "password=$PASSWORD" \
    --data-urlencode "token=$tok"
expect_status 200
grep -q gw_sid "$T/nocookie" && fail "a sign-in without the pre-session cookie was accepted"
ok "a sign-in token from another browser (or with no cookie) is refused"

# the browser's own token works, and stops working after two hours
pre=$(awk '$6=="gw_pre"{print $7}' "$T/victim")
old=$(form_token "login|$pre" 7300)
req victim POST /login/ --data-urlencode login=advisor --data-urlencode "password=$PASSWORD" \
    --data-urlencode "token=$old"
expect_status 200
expect_body '页面已过期'
login victim advisor || fail "the browser's own form no longer signs in"
[ -z "$(awk '$6=="gw_pre"{print $7}' "$T/victim")" ] || fail "pre-session cookie kept after sign-in"
ok "the browser's own token signs in (and not after two hours); the pre-session cookie is dropped"

# signing in again while signed in (a second sign-in form, e.g. another tab):
# the old session ends
s1=$(awk '$6=="gw_sid"{print $7}' "$T/victim")
cp "$T/victim" "$T/stolen"
pre=$(openssl rand -hex 32)
printf '127.0.0.1\tFALSE\t/\tFALSE\t0\tgw_pre\t%s\n' "$pre" >>"$T/victim"
req victim POST /login/ --data-urlencode login=advisor --data-urlencode "password=$PASSWORD" \
    --data-urlencode "token=$(form_token "login|$pre" 5)"
expect_status 303
s2=$(awk '$6=="gw_sid"{print $7}' "$T/victim")
[ -n "$s2" ] && [ "$s2" != "$s1" ] || fail "no new session token on signing in again"
h1=$(printf '%s' "$s1" | sha256sum | cut -d' ' -f1)
[ "$(sql "SELECT COUNT(*) FROM sessions WHERE id = '$h1'")" = 0 ] || fail "the old session is still valid after signing in again"
get stolen /
expect_status 303
ok "signing in again ends the old session (a copy of the old cookie is signed out)"

# change password: wrong current passwords are audited and throttled
tag=$$$RANDOM
sql "INSERT INTO users (login, name, role, password_hash, created_at, updated_at)
     SELECT 'pw$tag', '改密测试', 'advisor', password_hash, UTC_TIMESTAMP(), UTC_TIMESTAMP()
     FROM users WHERE login = 'advisor'"
login p "pw$tag" || fail "could not sign in"
get p /login/password; keep_csrf p
for i in 1 2 3 4 5; do
    post p /login/password "old=wrong-$i" new=abcdefghijk1 confirm=abcdefghijk1
    expect_body '当前密码不正确'
done
post p /login/password "old=$PASSWORD" new=abcdefghijk1 confirm=abcdefghijk1
expect_status 200
expect_body '密码错误次数过多'
[ "$(sql "SELECT COUNT(*) FROM audit_log a JOIN users u ON u.id = a.entity_id WHERE u.login = 'pw$tag' AND a.action = 'user.password_wrong' AND a.at > UTC_TIMESTAMP() - INTERVAL 5 MINUTE")" -ge 5 ] || fail "wrong current passwords not audited"
[ "$(sql "SELECT password_changed_at IS NULL OR password_changed_at < UTC_TIMESTAMP() - INTERVAL 1 MINUTE FROM users WHERE login = 'pw$tag'")" = 1 ] || fail "password changed while throttled"
ok "five wrong current passwords: audited, then even the right one must wait"
sql "UPDATE users SET active = 0 WHERE login = 'pw$tag'"
