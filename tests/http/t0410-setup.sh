#!/usr/bin/env bash
# guwen setup: one command makes a working install (configuration and key file
# owned by the program user, mode 0600; uploads; database; migrations; the
# programs' account; holiday calendar; admin and director accounts), may run
# again, and `guwen config check` run as the program user finds what is wrong
# and names the user, the errno and the fix.
. "$(dirname "$0")/lib.sh"
G=$ROOT/tools/guwen
DB=gw_setup_$$
# the program user (nobody) must reach the stack's database socket
VAR_MODE=$(stat -c %a "$VAR") RUN_MODE=$(stat -c %a "$VAR/run")
cleanup() {
    chmod "$VAR_MODE" "$VAR"; chmod "$RUN_MODE" "$VAR/run"
    sql "DROP DATABASE IF EXISTS $DB; DROP USER IF EXISTS 'gwset$$'@'localhost'" || true
    rm -rf "$T"
}
trap cleanup EXIT
chmod o+x "$VAR" "$VAR/run"
chmod 755 "$T"
export GUWEN_CONFIG=$T/etc/guwen.hdf
as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }

$G setup --user nobody --db "$DB" --socket "$VAR/run/mysql.sock" --uploads "$T/uploads" \
    --share "$ROOT" --db-user "gwset$$" >"$T/out" 2>&1 || fail "setup: $(cat "$T/out")"
for f in etc/guwen.hdf:600 etc/keys:600 uploads:700 backups:700; do
    [ "$(stat -c '%U %a' "$T/${f%:*}")" = "nobody ${f#*:}" ] || fail "$f: $(stat -c '%U %a' "$T/${f%:*}")"
done
grep -q "^  admin  *[0-9a-f]\{16\} .*no client data" "$T/out" || fail "admin login not shown: $(cat "$T/out")"
grep -q "^  director  *[0-9a-f]\{16\} .*complaint pages" "$T/out" || fail "director login not shown"
dsql() { mariadb --no-defaults -uroot -S "$VAR/run/mysql.sock" -N -B "$DB" -e "$1"; }
[ "$(dsql "SELECT GROUP_CONCAT(login, ':', role ORDER BY login) FROM users")" = "admin:admin,director:director" ] || fail "first accounts"
[ "$(dsql "SELECT COUNT(*) FROM calendar_days")" -gt 50 ] || fail "holiday calendar not imported"
[ "$(dsql "SELECT COUNT(*) FROM schema_migrations")" = "$(ls "$ROOT"/sql/*.sql | wc -l)" ] || fail "migrations"
! grep -q "AdminPassword *=" "$T/etc/guwen.hdf" || fail "an admin password in the programs' file"
as_nobody $G config check >"$T/out" 2>&1 || fail "config check as the program user: $(cat "$T/out")"
ok "setup makes a configuration, key file, uploads, database, calendar and two accounts"

$G setup >"$T/out" 2>&1 || fail "second setup: $(cat "$T/out")"
grep -q "staff accounts exist already" "$T/out" || fail "second setup: $(cat "$T/out")"
[ "$(dsql "SELECT COUNT(*) FROM users")" = 2 ] || fail "second setup added accounts"
ok "setup runs again without changing what is there"

# a programs' page is served with this configuration (plain CGI, as the program user)
cgi() { (cd /tmp && as_nobody env GUWEN_CONFIG="$GUWEN_CONFIG" REQUEST_METHOD=GET SCRIPT_NAME=/login \
    PATH_INFO=/ REMOTE_ADDR=127.0.0.1 "$ROOT/cgi-bin/login.fcgi" </dev/null); }
cgi >"$T/page" 2>"$T/log" || true
head -1 "$T/page" | grep -q "200 OK" || fail "login page with the new configuration: $(head -3 "$T/page") $(cat "$T/log")"

chown root "$T/etc/keys"
set +e
as_nobody $G config check >"$T/out" 2>&1; rc=$?
set -e
[ $rc = 1 ] || fail "config check passed with an unreadable key file"
grep -q "cannot open $T/etc/keys as user nobody (uid [0-9]*): Permission denied" "$T/out" || fail "key file message: $(cat "$T/out")"
grep -q "fix:" "$T/out" || fail "no fix named"
cgi >"$T/page" 2>"$T/log" || true
grep -q "cannot load the key file: cannot open $T/etc/keys as user nobody.*Permission denied" "$T/page" "$T/log" || fail "the program's log does not say why: $(cat "$T/log" "$T/page")"
chown nobody "$T/etc/keys"
ok "an unreadable key file: errno and user in config check and in the program's log"

chown root "$T/uploads"
set +e
as_nobody $G config check >"$T/out" 2>&1; rc=$?
set -e
[ $rc = 1 ] && grep -q "cannot write into App.Uploads = $T/uploads as user nobody.*Permission denied" "$T/out" || fail "uploads: $(cat "$T/out")"
chown nobody "$T/uploads"
sql "DROP USER 'gwset$$'@'localhost'"
set +e
as_nobody $G config check >"$T/out" 2>&1; rc=$?
set -e
[ $rc = 1 ] && grep -q "guwen db grant" "$T/out" || fail "database account: $(cat "$T/out")"
ok "an unwritable uploads directory and a missing database account are named with the fix"

set +e
as_nobody $G config check --sockets "$VAR/run" --url "$BASE" >"$T/out" 2>&1
set -e
grep -q "answers: $VAR/run/login.sock" "$T/out" && grep -q "answers: $BASE/portal/ (200)" "$T/out" || fail "sockets and URLs: $(cat "$T/out")"
ok "config check says which programs answer"

# a program that could not start answers 503, and works again once the
# configuration is fixed, without a restart (here: the stack's key file)
restore_keys() { chmod 600 "$VAR/keys"; }
trap 'restore_keys; cleanup' EXIT
kill "$(cat "$VAR/run/login.pid")"
for _ in $(seq 1 50); do kill -0 "$(cat "$VAR/run/login.pid")" 2>/dev/null || break; sleep 0.1; done
chmod 644 "$VAR/keys"
"$ROOT/scripts/devstack" start >/dev/null 2>&1 || fail "restarting the login program"
for _ in 1 2 3 4; do
    st=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/login/")
    [ "$st" = 503 ] || fail "login with a key file readable by others: $st"
done
grep -q "cannot load the key file: $VAR/keys is readable by group or others (chmod 600" "$VAR/log/programs.log" "$VAR/log/nginx-error.log" || fail "log does not say why"
restore_keys
for _ in 1 2 3 4; do
    st=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/login/")
    [ "$st" = 200 ] || fail "login after the fix, without a restart: $st"
done
ok "after a configuration fix the program serves again without a restart"
