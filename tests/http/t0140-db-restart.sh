#!/usr/bin/env bash
# The database server restarts under a running stack: the next page still works
# (the programs reconnect and prepare their statements again), nobody is signed out.
. "$(dirname "$0")/lib.sh"

login a advisor || fail "sign-in"
get a /
expect_status 200
pid=$(cat "$VAR/run/mariadb.pid")
kill "$pid"
for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "MariaDB did not stop"
get a /
[ "$STATUS" = 503 ] || [ "$STATUS" = 500 ] || fail "with the database down expected 503, got $STATUS"
expect_no_body "mysql"
expect_no_body "SELECT"
ok "database down: a plain error page, no SQL or library text"
"$ROOT/scripts/devstack" start >/dev/null 2>&1 || fail "restart"
for i in 1 2 3; do
    get a /
    expect_status 200
    expect_body "李顾问"
done
ok "after the restart the same session works at once, in every worker"
