#!/usr/bin/env bash
# `guwen jobs` loses its connection in the middle of a step (the connection is
# killed from a second session while the step's mail is being queued): nothing
# of that step is stored (no event or audit record without the "warned" flag),
# and the next run warns once: the owner gets exactly one mail.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
sql "UPDATE users SET email = CONCAT(login, '@example.test') WHERE login IN ('director', 'manager', 'advisor')"
advisor=$(sql "SELECT id FROM users WHERE login = 'advisor'")
jobs() { GUWEN_CONFIG="$VAR/guwen.hdf" GUWEN_NOW='2026-10-19 00:00:00' "$ROOT/tools/guwen" jobs; }
count() { sql "SELECT COUNT(*) FROM $1"; }

login m manager || fail "manager could not sign in"
login a advisor || fail "advisor could not sign in"
post m /complaints/new source=phone "name=断线$tag" phone=13800138000 "description=断线测试 $tag"
id=$(sql "SELECT id FROM complaints WHERE name = '断线$tag'"); [ -n "$id" ] || fail "register"
tracking=$(sql "SELECT tracking_no FROM complaints WHERE id = $id")
sql "UPDATE complaints SET created_at = '2026-09-29 10:00:00' WHERE id = $id"
post m "/complaints/$id/classify" severity=b "owner=$advisor"
post a "/complaints/$id/stage" to=investigating
[ "$(sql "SELECT resolution_due FROM complaints WHERE id = $id")" = "2026-10-19 15:59:59" ] || fail "due date"

# The mail of this complaint's warning takes 3 s to queue (a trigger), long
# enough to kill the connection that queues it (it shows as the trigger's
# definer, root, sleeping in the trigger's statement).
trigger=gw_test_slow_mail_$$
sql "CREATE TRIGGER $trigger BEFORE INSERT ON outbox FOR EACH ROW
     SET @slept = IF(NEW.subject LIKE '%$tracking%', SLEEP(3), 0)"
trap 'sql "DROP TRIGGER IF EXISTS $trigger"; rm -rf "$T"' EXIT
jobs >"$T/run1" 2>&1 &
job=$!
killed=
for _ in $(seq 1 100); do
    tid=$(sql "SELECT ID FROM information_schema.PROCESSLIST WHERE STATE = 'User sleep' AND INFO LIKE '%$tracking%' LIMIT 1")
    if [ -n "$tid" ]; then sql "KILL CONNECTION $tid"; killed=1; break; fi
    sleep 0.1
done
wait "$job" || true
sql "DROP TRIGGER $trigger"
[ -n "$killed" ] || fail "the step's connection was never seen queueing the mail: $(cat "$T/run1")"

mails=$(count "outbox WHERE subject LIKE '%$tracking%'")
events=$(count "complaint_events WHERE complaint_id = $id AND kind = 'warned'")
audits=$(count "audit_log WHERE action = 'complaint.warn' AND entity_id = $id")
flag=$(count "complaints WHERE id = $id AND warned_at IS NOT NULL")
[ "$mails$events$audits$flag" = 0000 ] || [ "$mails$events$audits$flag" = 1111 ] ||
    fail "a step cut by a lost connection left a part: mails $mails events $events audit $audits flag $flag ($(cat "$T/run1"))"
ok "a connection killed inside the step left all of it or none (mails $mails, events $events, audit $audits, flag $flag)"

jobs >"$T/run2" 2>&1 || true
jobs >"$T/run3" 2>&1 || true
[ "$(count "outbox WHERE subject LIKE '%$tracking%' AND to_addr = 'advisor@example.test'")" = 1 ] ||
    fail "the owner got $(count "outbox WHERE subject LIKE '%$tracking%'") warning mails"
[ "$(count "complaint_events WHERE complaint_id = $id AND kind = 'warned'")" = 1 ] || fail "warned events"
[ "$(count "audit_log WHERE action = 'complaint.warn' AND entity_id = $id")" = 1 ] || fail "audit records"
[ "$(count "complaints WHERE id = $id AND warned_at IS NOT NULL")" = 1 ] || fail "warned flag"
ok "the next runs warn once: one mail, one event, one audit record, the flag set"
