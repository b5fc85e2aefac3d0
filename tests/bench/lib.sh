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

# start_cgi — plain CGI: fcgiwrap ($GUWEN_PROCS processes, a fork and exec per
# request) in front of a trivial CGI hello (hello-cgi.c) and of login.fcgi run as
# CGI: linked statically as `make dist-cgi` ships it ($B/login-static; a host's
# dynamic loader alone costs a run 4 million instructions), and as built
start_cgi() {
    cc -O2 -o "$B/hello-cgi" "$ROOT/tests/bench/hello-cgi.c"
    # the link line of scripts/dist-cgi; the dynamic build where it cannot link statically
    cc -O2 -std=c11 -D_GNU_SOURCE -I"$ROOT/include" -I/usr/include/ClearSilver -I/usr/include/mariadb \
        -static -o "$B/login-static" "$ROOT/cgi-bin/login.c" "$ROOT/lib/libguwen.a" -lfcgi -lneo_cgi \
        -lneo_cs -lneo_utl -lmariadbclient -lssl -lcrypto -lz -lm -lpthread -ldl 2>/dev/null ||
        cp "$ROOT/cgi-bin/login.fcgi" "$B/login-static"
    rm -f "$VAR/run/fcgiwrap.sock"
    # a process group of its own: its workers go with it (stop_cgi)
    setsid fcgiwrap -c "$GUWEN_PROCS" -s "unix:$VAR/run/fcgiwrap.sock" </dev/null >/dev/null 2>&1 &
    echo $! >"$B/fcgiwrap.pid"
    for _ in $(seq 1 50); do [ -S "$VAR/run/fcgiwrap.sock" ] && break; sleep 0.1; done
}

stop_cgi() { [ -f "$B/fcgiwrap.pid" ] && kill -- "-$(cat "$B/fcgiwrap.pid")" 2>/dev/null; rm -f "$B/fcgiwrap.pid"; }

# start_bench_nginx — the second nginx: the stack's own config (one worker, same
# logging) on $NGX_PORT with its own pid and logs, plus /hello/ for the bare program
start_bench_nginx() {
    sed -e "s|listen 127.0.0.1:$BENCH_PORT;|listen 127.0.0.1:$NGX_PORT;|" \
        -e "s|^pid .*|pid $B/nginx.pid;|" \
        -e "s|error_log [^ ]*|error_log $B/nginx-error.log|" \
        -e "s|access_log [^;]*;|access_log $B/nginx-access.log;|" \
        -e "s|_temp_path [^;]*/nginx/\([a-z]*\);|_temp_path $B/tmp/\1;|" \
        -e "s|^\( *\)location / {|\1location = /hello/ {\n\1    include /etc/nginx/fastcgi_params;\n\1    fastcgi_pass unix:$VAR/run/hello.sock;\n\1}\n\1location = /cgi/hello {\n\1    include /etc/nginx/fastcgi_params;\n\1    fastcgi_param SCRIPT_FILENAME $B/hello-cgi;\n\1    fastcgi_pass unix:$VAR/run/fcgiwrap.sock;\n\1}\n\1location = /cgi/login {\n\1    include /etc/nginx/fastcgi_params;\n\1    fastcgi_param SCRIPT_FILENAME $ROOT/cgi-bin/login.fcgi;\n\1    fastcgi_param SCRIPT_NAME /login;\n\1    fastcgi_param PATH_INFO /;\n\1    fastcgi_param GUWEN_CONFIG $VAR/guwen.hdf;\n\1    fastcgi_pass unix:$VAR/run/fcgiwrap.sock;\n\1}\n\1location = /cgi/login-static {\n\1    include /etc/nginx/fastcgi_params;\n\1    fastcgi_param SCRIPT_FILENAME $B/login-static;\n\1    fastcgi_param SCRIPT_NAME /login;\n\1    fastcgi_param PATH_INFO /;\n\1    fastcgi_param GUWEN_CONFIG $VAR/guwen.hdf;\n\1    fastcgi_pass unix:$VAR/run/fcgiwrap.sock;\n\1}\n&|" \
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

seconds() { # a wrk duration (10s, 1m) in seconds
    case $1 in *s) echo "${1%s}" ;; *m) echo $((${1%m} * 60)) ;; *) echo "$1" ;; esac; }
field() { awk -v k="$1" '$1 == k {print $2}' "$2"; } # KEY FILE — a count submit.lua printed

# rss_of PROGRAM — VmRSS in kB of the largest running process of that executable
rss_of() {
    local max=0 kb
    for pid in $(pgrep -f "^$1( |\$)" || true); do
        kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
        [ "${kb:-0}" -gt "$max" ] && max=$kb
    done
    echo "$max"
}

# login USER — signs in through the form ($VAR/admin-password, the demo accounts'
# password); prints the session cookie (name=value)
login() {
    local jar=$B/jar-$1 tok st
    rm -f "$jar"
    curl -s -c "$jar" -b "$jar" -o "$B/body" "$URL/login/"
    tok=$(grep -o 'name="token" value="[^"]*"' "$B/body" | head -1 | cut -d'"' -f4)
    st=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "login=$1" \
        --data-urlencode "password=$(cat "$VAR/admin-password")" --data-urlencode "token=$tok" \
        "$URL/login/")
    [ "$st" = 303 ] || { say "bench: $1 could not sign in ($st)"; exit 1; }
    awk -F'\t' '$6 == "gw_sid" {print $6 "=" $7}' "$jar"
}

# tokens FILE N — N signed complaint-form tokens as the server would have issued
# them 5 s ago (each used once: a reused or too young one gets a decoy, not a row)
tokens() {
    python3 - "$VAR/keys" "$2" >"$1" <<'PY'
import hashlib, hmac, os, sys, time
key = next(bytes.fromhex(l.split()[1]) for l in open(sys.argv[1]) if l.split()[:1] == ["index"])
ts = int(time.time()) - 5
out = []
for _ in range(int(sys.argv[2])):
    stamp = "%d.%s" % (ts, os.urandom(8).hex())
    mac = hmac.new(key, ("form|complaint|" + stamp).encode(), hashlib.sha256).hexdigest()
    out.append(stamp + "." + mac + "\n")
sys.stdout.write("".join(out))
PY
}

# table RESULTS PAGES — the markdown table of run's rounds: per row the median
# (min-max) of req/s, p50, p99 and the ratio to the same round's hello; RSS the largest
table() {
    awk -F'\t' -v pages="$2" '
    function sortn(a, n,   i, j, t) { for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t } }
    function stat(row, col,   n, i, a, s) { n = 0; for (i = 1; i <= R; i++) if ((i, row) in v) { s = v[i, row, col]; if (s != "") a[++n] = s }
        if (!n) return "–"; sortn(a, n); s = a[int((n + 1) / 2)]; return n == 1 ? s : s " (" a[1] "–" a[n] ")" }
    function mbs(k) { return k == "" || k == 0 ? "–" : sprintf("%.1f", k / 1024) }
    function big(row,   i, m, k) { m = 0; for (i = 1; i <= R; i++) if ((i, row) in v) { k = v[i, row, 7]; if (k + 0 > m) m = k + 0 } return mbs(m) }
    function line(row, label) { printf "| %s | %s | %s | %s | %s | %s |\n", label, stat(row, 3), stat(row, 4), stat(row, 5), stat(row, 6), big(row) }
    BEGIN { while ((getline l < pages) > 0) { split(l, f, "\t"); order[++np] = f[1]; label[f[1]] = f[6] } }
    { v[$1, $2] = 1; for (c = 3; c <= 7; c++) v[$1, $2, c] = $c; if ($1 > R) R = $1; if ($2 == "export") ex[$1] = $0 }
    END {
        print "| page or figure | req/s | p50 ms | p99 ms | × hello | RSS MB |"
        print "|---|---|---|---|---|---|"
        line("hello", "bare libfcgi hello (tests/bench/hello.c)")
        for (i = 1; i <= np; i++) line(order[i], label[order[i]])
        line("posts", "durable submissions/s, per-address counters holding an hour of traffic")
        line("cgihello", "plain CGI: trivial hello (fcgiwrap)")
        line("cgilogin", "plain CGI: login.fcgi (× the CGI hello)")
        line("cgistatic", "plain CGI: login.fcgi linked statically, as make dist-cgi ships it (× the CGI hello)")
        for (i = 1; i <= R; i++) if (i in ex) { split(ex[i], f, "\t"); split(f[7], m, ">")
            printf "\nCSV export, round %d: %d complaints in %d ms; complaints.fcgi RSS %s MB before, %s MB after\n", i, f[3], f[4], mbs(m[1]), mbs(m[2]) }
    }' "$1"
}

# verdict X OP Y — "ok" when X OP Y holds (OP is >= or <=), else "MISSED"
verdict() { if awk -v x="$1" -v op="$2" -v y="$3" 'BEGIN {exit !(op == ">=" ? x >= y : x <= y)}'; then
    echo ok; else echo MISSED; fi; }

mb() { awk -v k="$1" 'BEGIN {printf "%.1f MB", k / 1024}'; }
