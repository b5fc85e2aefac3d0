# shellcheck shell=bash
# lib.sh — helpers shared by tests/bench/run and tests/bench/complaints (sourced,
# not run). The caller sets ROOT, VAR (the stack's directory), B (= $VAR/bench),
# BENCH_PORT (the stack's nginx), NGX_PORT (the bench nginx), CONNS and DURATION.

say() { printf '%s\n' "$*" >&2; }

stack() { GUWEN_VAR=$VAR GUWEN_PORT=$BENCH_PORT "$ROOT/scripts/devstack" "$@"; }

# need_tools COMMAND... — the Debian packages from scripts/deps.sh and the built programs
need_tools() {
    for t in "$@"; do
        command -v "$t" >/dev/null || { say "bench: $t is missing; run scripts/deps.sh"; exit 1; }
    done
    [ -x "$ROOT/cgi-bin/login.fcgi" ] || { say "bench: build first (make all)"; exit 1; }
}

# stop_bench — the bench nginx, then the stack (with the hello program: its pid
# file is in $VAR/run, which `devstack stop` empties)
stop_bench() {
    [ -f "$B/nginx.pid" ] && kill "$(cat "$B/nginx.pid")" 2>/dev/null
    stack stop >/dev/null 2>&1 || true
}

# start_hello — the bare libfcgi program, same process count and socket type as the stack
start_hello() {
    cc -O2 -o "$B/hello" "$ROOT/tests/bench/hello.c" -lfcgi
    rm -f "$VAR/run/hello.sock"
    spawn-fcgi -s "$VAR/run/hello.sock" -M 0666 -P "$VAR/run/hello.pid" -- \
        /usr/bin/multiwatch -f "$GUWEN_PROCS" -- "$B/hello" >/dev/null
}

# start_bench_nginx — the second nginx: the stack's own config (one worker, same
# logging) on $NGX_PORT with its own pid and logs, plus /hello/ for the bare program
start_bench_nginx() {
    sed -e "s|listen 127.0.0.1:$BENCH_PORT;|listen 127.0.0.1:$NGX_PORT;|" \
        -e "s|^pid .*|pid $B/nginx.pid;|" \
        -e "s|error_log [^ ]*|error_log $B/nginx-error.log|" \
        -e "s|access_log [^;]*;|access_log $B/nginx-access.log;|" \
        -e "s|_temp_path [^;]*/nginx/\([a-z]*\);|_temp_path $B/tmp/\1;|" \
        -e "s|^\( *\)location / {|\1location = /hello/ {\n\1    include /etc/nginx/fastcgi_params;\n\1    fastcgi_pass unix:$VAR/run/hello.sock;\n\1}\n&|" \
        "$VAR/nginx.conf" >"$B/nginx.conf"
    if ! grep -q "listen 127.0.0.1:$NGX_PORT;" "$B/nginx.conf" ||
        ! grep -q 'location = /hello/' "$B/nginx.conf"; then
        say "bench: could not derive the nginx config from $VAR/nginx.conf"; exit 1
    fi
    nginx -q -p "$B" -c "$B/nginx.conf" -e "$B/nginx-error.log"
    URL=http://127.0.0.1:$NGX_PORT
    for _ in $(seq 1 50); do curl -s -o /dev/null "$URL/hello/" && break; sleep 0.1; done
}

check() { # PATH WORD — the page answers 200 and shows WORD
    local st
    st=$(curl -s -o "$B/body" -w '%{http_code}' "$URL$1")
    if [ "$st" != 200 ] || ! grep -qF "$2" "$B/body"; then
        say "bench: $1 answered $st without \"$2\""; exit 1
    fi
}

# wrk_ms FILE PERCENT — a latency percentile of a `wrk --latency` output, in ms
wrk_ms() {
    awk -v p="$2%" '$1 == p {v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
        f = (u == "us") ? 0.001 : (u == "s") ? 1000 : (u == "m") ? 60000 : 1; printf "%.2f", v * f}' "$1"
}
wrk_rps() { awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$1"; } # FILE
# wrk_errors FILE LABEL — exit when a run had a non-2xx answer or a socket error
wrk_errors() {
    if grep -q 'Non-2xx\|Socket errors' "$1"; then
        say "bench: $2 had errors:"; cat "$1" >&2; exit 1
    fi
}

# bench NAME PATH — warm-up, then the measured run; sets RPS and P99 (ms)
bench() {
    local out=$B/wrk-$1.txt
    wrk -t1 -c"$CONNS" -d2s "$URL$2" >/dev/null
    wrk -t1 -c"$CONNS" -d"$DURATION" --latency "$URL$2" >"$out"
    wrk_errors "$out" "$2"
    RPS=$(wrk_rps "$out")
    P99=$(wrk_ms "$out" 99)
    say "  $1 $2: $RPS req/s, p99 $P99 ms"
}

# verdict X OP Y — "ok" when X OP Y holds (OP is >= or <=), else "MISSED"
verdict() { if awk -v x="$1" -v op="$2" -v y="$3" 'BEGIN {exit !(op == ">=" ? x >= y : x <= y)}'; then
    echo ok; else echo MISSED; fi; }

mb() { awk -v k="$1" 'BEGIN {printf "%.1f MB", k / 1024}'; }
