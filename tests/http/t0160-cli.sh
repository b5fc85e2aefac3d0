#!/usr/bin/env bash
# The command-line companion: help, clear errors and exit codes, users, calendar.
. "$(dirname "$0")/lib.sh"
export GUWEN_CONFIG=$VAR/guwen.hdf
G=$ROOT/tools/guwen

$G --help | grep -q "migrate" || fail "--help"
$G user --help | grep -q "user add" || fail "user --help"
set +e
$G frobnicate >/dev/null 2>"$T/err"; rc=$?
set -e
[ $rc = 2 ] || fail "unknown command exit $rc"
grep -q "unknown command frobnicate" "$T/err" || fail "unknown command message"
ok "help and unknown commands"

$G config check | grep -q "configuration ok" || fail "config check"
set +e
GUWEN_CONFIG=/nonexistent $G config check 2>"$T/err"; rc=$?
set -e
[ $rc != 0 ] || fail "missing configuration accepted"
ok "config check"

login="cli$RANDOM"
set +e
echo "long-enough-pw" | $G user add "$login" 测试 wizard >/dev/null 2>"$T/err"; rc=$?
set -e
[ $rc = 1 ] && grep -q "unknown role" "$T/err" || fail "bad role: rc=$rc $(cat "$T/err")"
set +e
echo "short" | $G user add "$login" 测试 advisor 2>"$T/err"; rc=$?
set -e
[ $rc = 1 ] && grep -q "at least 10" "$T/err" || fail "short password accepted"
echo "long-enough-pw" | $G user add "$login" 测试顾问 advisor 记账一部 2 || fail "user add"
$G user list | grep -q "^$login	测试顾问	advisor	记账一部	2	1$" || fail "user list: $($G user list | grep "$login")"
set +e
echo "long-enough-pw" | $G user add "$login" 测试 advisor 2>"$T/err"; rc=$?
set -e
[ $rc = 1 ] && grep -q "login already exists" "$T/err" || fail "duplicate login"
login z "$login" long-enough-pw || fail "the new account cannot sign in"
echo "another-long-pw" | $G user passwd "$login" || fail "passwd"
login y "$login" another-long-pw || fail "new password not in effect"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action IN ('user.create','user.password') AND detail='$login'")" = 2 ] || fail "cli changes not audited"
ok "user add, list, passwd; duplicates refused; audited"

echo "long-enough-pw" | $G user add "${login}m" 邮箱顾问 advisor 记账一部 2 --email "${login}m@example.com" || fail "user add --email"
echo "long-enough-pw" | $G user add --email="${login}n@example.com" "${login}n" 邮箱经理 manager || fail "user add --email="
[ "$(sql "SELECT GROUP_CONCAT(CONCAT(login, ' ', email, ' ', clearance) ORDER BY login) FROM users WHERE login IN ('${login}m', '${login}n')")" = "${login}m ${login}m@example.com 2,${login}n ${login}n@example.com 1" ] \
    || fail "emails: $(sql "SELECT login, email FROM users WHERE login LIKE '${login}_'")"
set +e
echo "long-enough-pw" | $G user add "${login}x" 测试 advisor --email not-an-address 2>"$T/err"; rc=$?
set -e
[ $rc = 1 ] && grep -q "e-mail address" "$T/err" || fail "bad --email accepted: rc=$rc"
[ "$(sql "SELECT COUNT(*) FROM users WHERE login = '${login}x'")" = 0 ] || fail "created with a bad address"
ok "user add takes an e-mail address (--email ADDRESS or --email=ADDRESS), refuses a malformed one"

printf '2032-01-01\tholiday\t元旦\n2032-01-02\tnonsense\tx\n' >"$T/bad.tsv"
set +e
$G calendar import "$T/bad.tsv" 2>"$T/err"; rc=$?
set -e
[ $rc = 1 ] && grep -q "line 2" "$T/err" || fail "bad calendar line not reported: $(cat "$T/err")"
printf '# test\n2032-01-01\tholiday\t元旦\n2032-01-03\tworkday\t调休\n' >"$T/good.tsv"
$G calendar import "$T/good.tsv" | grep -q "imported 2 days" || fail "calendar import"
[ "$(sql "SELECT kind FROM calendar_days WHERE day='2032-01-03'")" = workday ] || fail "not imported"
sql "DELETE FROM calendar_days WHERE day LIKE '2032-%'"
ok "calendar import reports the bad line, imports a good list"
