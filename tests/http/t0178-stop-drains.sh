#!/usr/bin/env bash
# `devstack stop` (what `make stop` runs) while a registration is under way (it
# waits 2 s on a lock a second session holds): the request is answered, not
# cut, and its complaint is stored; the programs stop in parallel and nginx
# last, and the whole stop takes a few seconds, not ~15. The stack is started
# again afterwards for the tests that follow.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
login m manager || fail "manager could not sign in"
post m /complaints/new source=phone "name=预热$tag" phone=13800138000 "description=预热$tag"
expect_status 200

# the day's tracking-number row is locked for 2.5 s: the next registration waits
sql "START TRANSACTION; SELECT n FROM complaint_seq FOR UPDATE; DO SLEEP(2.5); COMMIT" >/dev/null &
locker=$!
sleep 0.3
( set +e  # a cut connection is a curl error: keep its status (000)
  post m /complaints/new source=phone "name=停机$tag" phone=13800138000 "description=停机$tag"
  echo "$STATUS" >"$T/inflight" ) &
inflight=$!
sleep 0.5

# note when nginx and the complaints program are gone
alive() { local s; s=$(ps -o stat= -p "$1" 2>/dev/null) && [ "${s#Z}" = "$s" ]; }
nginx_pid=$(cat "$VAR/run/nginx.pid") prog_pid=$(cat "$VAR/run/complaints.pid")
( n= p=
  for i in $(seq 1 400); do
      [ -z "$p" ] && ! alive "$prog_pid" && p=$i
      [ -z "$n" ] && ! alive "$nginx_pid" && n=$i
      [ -n "$n" ] && [ -n "$p" ] && break
      sleep 0.05
  done
  echo "${p:-none} ${n:-none}" >"$T/order" ) &
watcher=$!
t0=$(date +%s%N)
"$ROOT/scripts/devstack" stop
took=$(( ($(date +%s%N) - t0) / 1000000 ))
wait "$inflight" "$watcher"
wait "$locker" 2>/dev/null || true
"$ROOT/scripts/devstack" start >/dev/null 2>&1 || fail "the stack did not start again"

status=$(cat "$T/inflight")
stored=$(sql "SELECT COUNT(*) FROM complaints WHERE name = '停机$tag'")
[ "$status" = 200 ] || fail "the registration under way when the stack stopped got '$status' (stored: $stored)"
[ "$stored" = 1 ] || fail "answered 200 but stored $stored"
ok "the registration under way was answered (200) and its complaint stored"
read -r p n <"$T/order"
[ "$p" != none ] && [ "$n" != none ] || fail "not both stopped: program $p nginx $n"
[ "$n" -ge "$p" ] || fail "nginx stopped before the programs (ticks: nginx $n, programs $p)"
ok "the programs stopped first, nginx last (ticks of 50 ms: programs $p, nginx $n)"
[ "$took" -lt 6000 ] || fail "stopping took $took ms"
ok "stopping took $took ms (2 s of it the request under way)"
