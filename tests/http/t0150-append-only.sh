#!/usr/bin/env bash
# The application's database account keeps history append-only: it cannot change
# or delete the audit log, nor delete users or complaint history.
. "$(dirname "$0")/lib.sh"

app_sql() { mariadb --no-defaults -uguwen -p"$(cat "$VAR/db-password")" -S "$VAR/run/mysql.sock" -N -B guwen -e "$1" 2>&1; }
[ "$(app_sql 'SELECT COUNT(*) > 0 FROM audit_log')" = 1 ] || fail "app cannot read the audit log"
out=$(app_sql "DELETE FROM audit_log") && fail "app deleted audit rows"
echo "$out" | grep -q "command denied" || fail "unexpected: $out"
out=$(app_sql "UPDATE audit_log SET detail='x'") && fail "app changed audit rows"
echo "$out" | grep -q "command denied" || fail "unexpected: $out"
ok "audit log: no UPDATE, no DELETE for the application"
for t in users complaints complaint_events login_attempts; do
    out=$(app_sql "DELETE FROM $t WHERE 1=0") && fail "app may delete from $t"
    echo "$out" | grep -q "command denied" || fail "unexpected: $out"
done
ok "no DELETE on users, complaints, their timeline, sign-in history"
out=$(app_sql "DROP TABLE sessions") && fail "app dropped a table"
ok "no DDL"
