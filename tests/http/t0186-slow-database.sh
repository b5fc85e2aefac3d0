#!/usr/bin/env bash
# A slow database: another session holds the lock a registration needs for 8 s.
# The request gives up on its own (DB.LockWaitTimeout 5 s) and the manager gets
# guwen's 503 page ("try again later"), well before the web server's FastCGI
# timeout, and nothing is stored later when the lock goes away: a request is
# never answered with an error while its work commits afterwards. A list page
# behind a locked table gets the same 503, not a page that hangs.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
login m manager || fail "manager could not sign in"
post m /complaints/new source=phone "name=预热$tag" phone=13800138000 "description=预热$tag"
expect_status 200

sql "START TRANSACTION; SELECT n FROM complaint_seq FOR UPDATE; DO SLEEP(8); COMMIT" >/dev/null &
locker=$!
sleep 0.3
t0=$(date +%s%N)
post m /complaints/new source=phone "name=慢库$tag" phone=13800138000 "description=慢库$tag"
took=$(( ($(date +%s%N) - t0) / 1000000 ))
expect_status 503 "after $took ms"
expect_body '系统暂时不可用，请稍后再试'
expect_no_body 'nginx'
expect_no_body 'Lock wait'
[ "$took" -lt 7000 ] || fail "the 503 came after $took ms"
ok "a registration stuck behind a lock: our 503 page after $took ms"
wait "$locker"
sleep 0.5
[ "$(sql "SELECT COUNT(*) FROM complaints WHERE name = '慢库$tag'")" = 0 ] ||
    fail "the complaint answered 503 was stored after the lock went away"
ok "and nothing was stored when the lock went away"

sql "LOCK TABLES complaints WRITE; DO SLEEP(8); UNLOCK TABLES" >/dev/null &
locker=$!
sleep 0.3
t0=$(date +%s%N)
get m /complaints/
took=$(( ($(date +%s%N) - t0) / 1000000 ))
expect_status 503 "after $took ms"
[ "$took" -lt 7000 ] || fail "the 503 came after $took ms"
ok "the complaint list behind a locked table: 503 after $took ms"
wait "$locker"
get m /complaints/
expect_status 200
ok "and the list works again once the lock is gone"
