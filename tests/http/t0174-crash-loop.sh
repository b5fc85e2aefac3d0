#!/usr/bin/env bash
# A crash loop of one program: its workers are killed again and again, more
# often than multiwatch tolerates (3 failures in 10 s), so multiwatch gives up.
# The public portal answers again within a few seconds (the supervisor starts
# it anew) instead of 502 until someone restarts the stack.
. "$(dirname "$0")/lib.sh"

# workers PROGRAM — pids of the program's workers under the stack's pid file
workers() {
    local top; top=$(cat "$VAR/run/$1.pid")
    ps -eo pid=,ppid=,args= | awk -v top="$top" -v prog="/cgi-bin/$1.fcgi" '
        { parent[$1] = $2; args[$1] = $3 }
        END { for (p in parent) { q = parent[p]; n = 0
                  while (q && q != top && n++ < 4) q = parent[q]
                  if (q == top && index(args[p], prog)) print p } }'
}

get x /portal/complaint
expect_status 200
for round in 1 2 3 4 5 6; do
    w=$(workers portal)
    [ -n "$w" ] && kill -KILL $w 2>/dev/null
    sleep 0.3
done
ok "the portal's workers were killed six times in two seconds"

t0=$SECONDS
for _ in $(seq 1 100); do
    get x /portal/complaint
    [ "$STATUS" = 200 ] && break
    sleep 0.1
done
expect_status 200 "(the portal stayed down after its crash loop)"
expect_body 'name="description"'
for i in 1 2 3 4 5; do get x /portal/complaint; expect_status 200; done
ok "the portal answers again $((SECONDS - t0)) s after the crash loop, and keeps answering"
