#!/usr/bin/env bash
# Wrong passwords typed for someone's account from somewhere else do not lock
# the owner out: the throttle counts per account AND address. From the address
# of the guesses the account is refused; from the owner's usual address the
# owner signs in, and is told that someone tried. Guesses from many addresses
# at once lock the account only for addresses it never signed in from.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
user=lock$tag
sql "INSERT INTO users (login, name, role, department_id, password_hash, created_at, updated_at)
     SELECT '$user', '锁定测试', 'advisor', department_id, password_hash, UTC_TIMESTAMP(), UTC_TIMESTAMP()
     FROM users WHERE login = 'advisor'"

# try JAR ADDRESS PASSWORD — one sign-in attempt from 127.0.0.x
try() {
    get "$1" /login/ --interface "$2"
    local tok; tok=$(grep -o 'name="token" value="[^"]*"' "$BODY" | cut -d'"' -f4)
    req "$1" POST /login/ --interface "$2" --data-urlencode "login=$user" \
        --data-urlencode "password=$3" --data-urlencode "token=$tok"
}

try own 127.0.0.1 "$PASSWORD"; expect_status 303     # the owner's usual address
rm -f "$T/own"

for i in 1 2 3 4 5 6; do try x 127.0.0.2 "wrong-$i"; done
try x 127.0.0.2 "$PASSWORD"
expect_status 200
expect_body "登录失败次数过多"
ok "five wrong passwords from one address: the account is refused there"

try own 127.0.0.1 "$PASSWORD"
expect_status 303
get own /
expect_status 200
expect_body "有人用错误的密码尝试登录您的账号"
expect_body 'alert-warn'
get own /
expect_no_body "有人用错误的密码尝试登录您的账号"
ok "the owner signs in from their own address and is told of the failed attempts, once"

# many addresses guessing at once: a new address is refused, the owner's is not
for a in 3 4 5 6 7 8 9 10 11 12 13; do
    for i in 1 2 3 4 5; do try "g$a" "127.0.0.$a" "wrong-$i"; done
done
try new 127.0.0.20 "$PASSWORD"
expect_status 200
expect_body "登录失败次数过多"
try own2 127.0.0.1 "$PASSWORD"
expect_status 303
ok "guesses from many addresses lock only addresses the account never used"

# the audit row of a failed attempt never keeps what was typed as the user name
# unless it names an account (people type passwords there)
try y 127.0.0.30 "irrelevant" >/dev/null
get z /login/ --interface 127.0.0.31
tok=$(grep -o 'name="token" value="[^"]*"' "$BODY" | cut -d'"' -f4)
req z POST /login/ --interface 127.0.0.31 --data-urlencode "login=Secret$tag!pw" \
    --data-urlencode "password=x" --data-urlencode "token=$tok"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%Secret$tag%'")" = 0 ] || fail "a typed non-account stored in the audit log"
[ "$(sql "SELECT COUNT(*) FROM login_attempts WHERE login LIKE '%Secret$tag%'")" = 0 ] || fail "a typed non-account stored in the attempts"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'login.failed' AND detail = 'account $user'")" -ge 1 ] || fail "failures of a real account are no longer audited"
ok "a failed sign-in keeps the user name only when it names an account"
sql "UPDATE users SET active = 0 WHERE login = '$user'"
