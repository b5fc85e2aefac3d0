#!/usr/bin/env bash
# The production way to keep the programs up: etc/systemd/guwen@.service runs
# each program under spawn-fcgi + multiwatch with Restart=always and no start
# limit (a crash loop never takes it down for good), guwen.target starts every
# program there is, guwen-jobs.timer runs `guwen jobs`. The units pass
# systemd-analyze verify with their paths pointed at this build.
. "$(dirname "$0")/lib.sh"

# the units as `make install` fills them in (PREFIX /usr/local)
make -s -C "$ROOT" install DESTDIR="$T/inst" >"$T/install.out" 2>&1 || fail "make install: $(cat "$T/install.out")"
U=$T/inst/usr/local/share/guwen/etc/systemd
for f in guwen@.service guwen.target guwen-jobs.service guwen-jobs.timer; do
    [ -f "$U/$f" ] || fail "share/guwen/etc/systemd/$f is not installed"
done
! grep -l '@[A-Z_]*@' "$U"/* || fail "placeholders left in the installed units"
key() { grep -E "^$2=" "$U/$1" | tail -1 | cut -d= -f2-; }
[ "$(key guwen@.service Restart)" = always ] || fail "guwen@.service: Restart=always"
[ "$(key guwen@.service StartLimitIntervalSec)" = 0 ] || fail "guwen@.service: systemd would give up restarting"
[ "$(key guwen@.service KillMode)" = mixed ] || fail "guwen@.service: SIGTERM goes to multiwatch only"
key guwen@.service ExecStart | grep -q -- '^/usr/bin/spawn-fcgi -n -s /run/guwen/%i.sock .* -- /usr/bin/multiwatch -f ${GUWEN_PROCS} -- /usr/local/lib/guwen/cgi-bin/%i.fcgi$' ||
    fail "guwen@.service: ExecStart $(key guwen@.service ExecStart)"
for c in "$ROOT"/cgi-bin/*.fcgi; do
    p=$(basename "$c" .fcgi)
    key guwen.target Wants | tr ' ' '\n' | grep -qx "guwen@$p.service" || fail "guwen.target does not start $p"
done
# the stop must outlast a request's own limit (App.RequestSeconds 20 + DB.ReadTimeout 15)
[ "$(key guwen@.service TimeoutStopSec)" -gt 35 ] || fail "TimeoutStopSec too short for a request to finish"
ok "guwen@.service restarts always and never gives up; guwen.target starts every program"

if ! command -v systemd-analyze >/dev/null; then
    ok "systemd-analyze not installed: verification skipped"; exit 0
fi
# the installed layout, pointed at this build
mkdir -p "$T/units"
for f in "$U"/*; do
    sed -e "s|/usr/local/lib/guwen/cgi-bin|$ROOT/cgi-bin|g" -e "s|/usr/local/bin/guwen|$ROOT/tools/guwen|g" \
        -e "s|/usr/local/share/guwen|$ROOT|g" "$f" >"$T/units/$(basename "$f")"
done
for p in $(cd "$ROOT/cgi-bin" && ls *.fcgi | sed "s/\.fcgi$//"); do
    cp "$T/units/guwen@.service" "$T/units/guwen@$p.service"
done
( cd "$T/units" && systemd-analyze verify ./guwen@*[a-z].service ./guwen-jobs.service ./guwen-jobs.timer \
    ./guwen.target ) >"$T/verify" 2>&1 || fail "systemd-analyze verify: $(cat "$T/verify")"
! grep -q . "$T/verify" || fail "systemd-analyze verify warns: $(cat "$T/verify")"
ok "systemd-analyze verify passes for every program's unit, the target and the jobs timer"
# verify checks the executable; the program is an argument: check that here
for u in "$T"/units/guwen@*[a-z].service; do
    i=${u##*/guwen@}; i=${i%.service}
    prog=$(grep '^ExecStart=' "$u" | awk '{print $NF}' | sed "s|%i|$i|")
    [ -x "$prog" ] || fail "guwen@$i.service runs $prog, which is not there"
done
sed -i "s|/usr/bin/spawn-fcgi|/usr/bin/spawn-fcgi-missing|" "$T/units/guwen@portal.service"
( cd "$T/units" && systemd-analyze verify ./guwen@portal.service ) >/dev/null 2>&1 &&
    fail "verify did not notice a missing executable (the check proves nothing)"
ok "each unit's program exists in the build; a unit naming a missing executable is refused"
