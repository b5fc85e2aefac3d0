#!/usr/bin/env bash
# Five wrong passwords lock the account for 15 minutes, even with the right one;
# a session idle for more than 30 minutes ends.
. "$(dirname "$0")/lib.sh"

get a /login/
tok=$(grep -o 'name="token" value="[^"]*"' "$BODY" | cut -d'"' -f4)
for i in 1 2 3 4 5; do
    req a POST /login/ --data-urlencode login=legal --data-urlencode "password=wrong-$i" --data-urlencode "token=$tok"
    expect_body "用户名或密码错误"
done
req a POST /login/ --data-urlencode login=legal --data-urlencode "password=$PASSWORD" --data-urlencode "token=$tok"
expect_status 200
expect_body "登录失败次数过多"
grep -q gw_sid "$T/a" && fail "a locked account got a session"
ok "after 5 failures the right password is refused with the lock-out message"

# the lock ends once the failures are older than the window
sql "UPDATE login_attempts SET at = at - INTERVAL 16 MINUTE WHERE login='legal'"
login a legal || fail "legal still locked after the window"
ok "the lock ends after 15 minutes"

# idle expiry: a session last seen 31 minutes ago is over
login b project || fail "project could not sign in"
sql "UPDATE sessions s JOIN users u ON u.id = s.user_id SET s.seen_at = s.seen_at - INTERVAL 31 MINUTE WHERE u.login='project'"
get b /
expect_status 303
get b "$(location)"
expect_body "您已长时间未操作，请重新登录"
[ "$(sql "SELECT COUNT(*) FROM sessions s JOIN users u ON u.id=s.user_id WHERE u.login='project'")" = 0 ] || fail "idle session not deleted"
ok "an idle session ends and is deleted"

# absolute expiry: 12 hours after sign-in, even when active
login c project || fail "project could not sign in"
sql "UPDATE sessions s JOIN users u ON u.id = s.user_id SET s.created_at = s.created_at - INTERVAL 13 HOUR WHERE u.login='project'"
get c /
expect_status 303
ok "a session older than 12 hours ends"
