#!/usr/bin/env bash
# Migrations under an ordinary hosting account (ALL on its own database, no
# CREATE USER or roles): the role statements are skipped with a notice, a second
# run has nothing to do, a migration that fails halfway continues after the fix,
# and `guwen db grant` later gives the programs their limited account.
. "$(dirname "$0")/lib.sh"
G=$ROOT/tools/guwen
DB=gw_host_$$
HPW=host-pw-$RANDOM$RANDOM
APW=app-pw-$RANDOM$RANDOM
cleanup() {
    sql "DROP DATABASE IF EXISTS $DB; DROP USER IF EXISTS 'gwhost$$'@'localhost';
         DROP USER IF EXISTS 'gwapp$$'@'localhost'" || true
    rm -rf "$T"
}
trap cleanup EXIT
sql "CREATE DATABASE $DB; CREATE USER 'gwhost$$'@'localhost' IDENTIFIED BY '$HPW';
     GRANT ALL ON $DB.* TO 'gwhost$$'@'localhost'"
mkdir "$T/sql"
cp "$ROOT"/sql/*.sql "$T/sql/"
sed -e "s|^  Name = guwen$|  Name = $DB|" -e "s|^  AdminUser = root|  AdminUser = gwhost$$|" \
    -e "s|^  User = guwen$|  User = gwapp$$|" -e "s|^  Password = .*|  Password = $APW|" \
    -e "s|^  SQL = .*|  SQL = $T/sql|" "$VAR/guwen.hdf" >"$T/guwen.hdf"
export GUWEN_CONFIG=$T/guwen.hdf GUWEN_DB_ADMIN_PASSWORD=$HPW
hsql() { mariadb --no-defaults -ugwhost$$ -p"$HPW" -S "$VAR/run/mysql.sock" -N -B "$DB" -e "$1"; }

$G migrate --dry-run >"$T/out" || fail "dry run: $(cat "$T/out")"
grep -q "would apply 001_foundation.sql" "$T/out" || fail "dry run lists nothing: $(cat "$T/out")"
[ "$(hsql "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema='$DB' AND table_name='users'")" = 0 ] || fail "dry run changed the database"
$G migrate >"$T/out" 2>&1 || fail "migrate as a hosting account: $(cat "$T/out")"
grep -q "role/grant statements skipped" "$T/out" || fail "no notice about the skipped grants"
n=$(ls "$T"/sql/*.sql | wc -l)
[ "$(hsql "SELECT COUNT(*) FROM schema_migrations")" = "$n" ] || fail "not every migration recorded"
$G migrate | grep -q "schema up to date (0 applied)" || fail "second run"
$G migrate --dry-run | grep -q "nothing to do" || fail "dry run after"
ok "a hosting account without CREATE USER migrates an empty database; the rerun has nothing to do"

# a database left by a run that stopped inside 001 (tables there, nothing recorded)
hsql "DELETE FROM schema_migrations WHERE version = '001_foundation.sql'"
$G migrate >"$T/out" 2>&1 || fail "rerun of 001 over its own tables: $(cat "$T/out")"
[ "$(hsql "SELECT COUNT(*) FROM settings WHERE name = 'centre_name'")" = 1 ] || fail "settings doubled"
ok "001 runs again over the tables a stopped run left"

cat >"$T/sql/900_test.sql" <<'SQL'
-- a test migration; the second statement is broken
CREATE TABLE t_first (id INT PRIMARY KEY);
INSERT INTO t_first VALUES (1);
CREATE TABLEX t_second (id INT PRIMARY KEY);
CREATE TABLE t_third (note VARCHAR(20) DEFAULT 'a;b');
SQL
set +e
$G migrate >"$T/out" 2>&1; rc=$?
set -e
[ $rc = 1 ] || fail "a broken migration did not fail: $(cat "$T/out")"
grep -q "900_test.sql: statement 3 of 4 failed" "$T/out" || fail "failure message: $(cat "$T/out")"
grep -q "continues with statement 3" "$T/out" || fail "no word on how to continue"
sed -i 's/CREATE TABLEX/CREATE TABLE/' "$T/sql/900_test.sql"
$G migrate >"$T/out" 2>&1 || fail "rerun after the fix: $(cat "$T/out")"
grep -q "continuing 900_test.sql at statement 3" "$T/out" || fail "did not continue: $(cat "$T/out")"
[ "$(hsql "SELECT COUNT(*) FROM t_first")" = 1 ] || fail "first statements ran twice"
[ "$(hsql "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema='$DB' AND table_name='t_third' AND column_default LIKE '%a;b%'")" = 1 ] || fail "a ';' inside quotes split the statement"
ok "a migration that failed halfway continues after the fix"

# later, an account that may manage roles gives the programs their own limited account
GUWEN_DB_ADMIN_PASSWORD= sed -i "s|^  AdminUser = .*|  AdminUser = root|" "$T/guwen.hdf"
GUWEN_DB_ADMIN_PASSWORD= $G db grant >"$T/out" 2>&1 || fail "db grant: $(cat "$T/out")"
asql() { mariadb --no-defaults -ugwapp$$ -p"$APW" -S "$VAR/run/mysql.sock" -N -B "$DB" -e "$1"; }
[ "$(asql "SELECT COUNT(*) FROM settings WHERE name = 'centre_name'")" = 1 ] || fail "the programs' account cannot read"
if asql "DELETE FROM audit_log" 2>/dev/null; then fail "the programs' account may delete the audit log"; fi
ok "db grant creates the programs' account with the guwen_app limits"
