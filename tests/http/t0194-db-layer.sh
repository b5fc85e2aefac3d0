#!/usr/bin/env bash
# The database layer against the stack's server (tests/unit/test_db.c): a failed
# statement fails its transaction, a connection killed inside a transaction
# (KILL CONNECTION from a second session) makes every later call fail without
# reconnecting until the rollback, reads outside a transaction reconnect, and
# only a connection allowed scripts runs several statements at once.
. "$(dirname "$0")/lib.sh"

make -s -C "$ROOT" tests/unit/test_db >/dev/null || fail "cannot build tests/unit/test_db"
GUWEN_CONFIG=$VAR/guwen.hdf "$ROOT/tests/unit/test_db" >"$T/out" 2>&1 || fail "$(cat "$T/out")"
grep -q 'SKIPPED' "$T/out" && fail "skipped: $(cat "$T/out")"
grep -q '\[  PASSED  \] 6 test' "$T/out" || fail "$(cat "$T/out")"
ok "transactions fail whole, killed connections are not silently replaced, scripts only for migrate"
