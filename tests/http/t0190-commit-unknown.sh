#!/usr/bin/env bash
# COMMIT that cannot finish: a second session holds a backup's commit block
# (BACKUP STAGE BLOCK_COMMIT) while work reaches COMMIT.
# 1. A public complaint with a photo: the server gives up waiting (DB.LockWait-
#    Timeout 5 s), the client gets our 503 page in seconds, the photo is removed
#    and nothing is stored when the block goes away.
# 2. `guwen jobs` with DB.ReadTimeout (2 s) below the server's limits (30 s):
#    the answer to COMMIT is lost and the outcome unknown (the server would still
#    commit once the block goes). The program ends the old transaction from a new
#    connection, looks the flag up, counts the step as not done, and the next run
#    does it once: one mail, one event.
. "$(dirname "$0")/lib.sh"
F=$ROOT/tests/http/files

tag=$$$RANDOM
files() { find "$VAR/uploads" -type f | wc -l; }
# block_commits — hold the commit block in a background session until unblock
block_commits() {
    sql "BACKUP STAGE START; BACKUP STAGE FLUSH; BACKUP STAGE BLOCK_DDL; BACKUP STAGE BLOCK_COMMIT;
         SELECT SLEEP(120) AS block_$tag" >/dev/null 2>&1 &
    for _ in $(seq 1 100); do
        blocker=$(sql "SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE '%AS block_$tag'")
        [ -n "$blocker" ] && return
        sleep 0.05
    done
    fail "the commit block was not taken"
}
unblock() { sql "KILL CONNECTION $blocker" || true; blocker=; }
blocker=
trap '[ -n "$blocker" ] && unblock; rm -rf "$T"' EXIT

before=$(files)
block_commits
t0=$(date +%s%N)
req p POST /portal/complaint -F "token=$(form_token complaint 10)" -F "name=未知$tag" \
    -F phone=13800138000 -F "description=提交时无法提交 $tag" -F "files=@$F/photo.png;type=image/png"
took=$(( ($(date +%s%N) - t0) / 1000000 ))
unblock
expect_status 503 "after $took ms"
expect_body '请过几分钟再点一次'
[ "$took" -lt 9000 ] || fail "the answer took $took ms"
sleep 0.5
[ "$(sql "SELECT COUNT(*) FROM complaints WHERE name = '未知$tag'")" = 0 ] || fail "stored after a 503"
[ "$(files)" = "$before" ] || fail "the photo of a complaint that is not stored was left behind"
ok "COMMIT held: our 503 after $took ms, photo removed, nothing stored later"

# 2: a complaint whose owner is due a warning, and jobs with a short read timeout
sql "UPDATE users SET email = CONCAT(login, '@example.test') WHERE login IN ('director', 'manager', 'advisor')"
advisor=$(sql "SELECT id FROM users WHERE login = 'advisor'")
login m manager || fail "manager could not sign in"
login a advisor || fail "advisor could not sign in"
post m /complaints/new source=phone "name=未决$tag" phone=13800138000 "description=未决 $tag"
id=$(sql "SELECT id FROM complaints WHERE name = '未决$tag'"); [ -n "$id" ] || fail "register"
tracking=$(sql "SELECT tracking_no FROM complaints WHERE id = $id")
sql "UPDATE complaints SET created_at = '2026-09-29 10:00:00' WHERE id = $id"
post m "/complaints/$id/classify" severity=b "owner=$advisor"
post a "/complaints/$id/contact" "contact=电话联系"  # answered in time: only the resolution deadline is near
sed -e 's/^DB {/DB {\n  ReadTimeout = 2\n  StatementTimeout = 30\n  LockWaitTimeout = 30/' "$VAR/guwen.hdf" >"$T/guwen.hdf"
jobs() { GUWEN_CONFIG=$1 GUWEN_NOW='2026-10-19 00:00:00' "$ROOT/tools/guwen" jobs; }
mails() { sql "SELECT COUNT(*) FROM outbox WHERE subject LIKE '%$tracking%'"; }

block_commits
t0=$(date +%s%N)
jobs "$T/guwen.hdf" >"$T/run1" 2>&1 || true
took=$(( ($(date +%s%N) - t0) / 1000000 ))
unblock
sleep 0.5
grep -q "answer to COMMIT was lost" "$T/run1" || fail "the lost answer was not noticed: $(cat "$T/run1")"
[ "$(mails)$(sql "SELECT COUNT(*) FROM complaints WHERE id = $id AND warned_at IS NOT NULL")" = 00 ] ||
    fail "run 1 settled the step as not done, yet it is stored (mails $(mails)): $(cat "$T/run1")"
grep -q '[1-9][0-9]* failed' "$T/run1" || fail "run 1 did not count the step as failed: $(cat "$T/run1")"
ok "the answer to COMMIT was lost after ${took} ms; the old transaction was ended and the step found not done"
jobs "$VAR/guwen.hdf" >/dev/null 2>&1 || true
jobs "$VAR/guwen.hdf" >/dev/null 2>&1 || true
[ "$(mails)" = 1 ] || fail "$(mails) warning mails"
[ "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $id AND kind = 'warned'")" = 1 ] || fail "events"
ok "the next runs warned once: one mail, one event"
