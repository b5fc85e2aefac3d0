#!/usr/bin/env bash
# Deadlines across the National Day holiday and escalation by `guwen jobs` with a
# fixed "now": a general (b) complaint registered on 2026-09-29 at 18:00 local
# time is due after 10 working days of the official calendar; the owner is
# warned the day before, the department manager is told once it is overdue, the
# director 24 hours later. A complaint waiting on the complainant is left alone.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
sql "UPDATE users SET email = CONCAT(login, '@example.test') WHERE login IN ('director', 'manager', 'advisor')"
advisor=$(sql "SELECT id FROM users WHERE login = 'advisor'")
[ "$(sql "SELECT COUNT(*) FROM calendar_days WHERE day BETWEEN '2026-10-01' AND '2026-10-10'")" = 8 ] || fail "the holiday calendar is not imported"

jobs() { GUWEN_CONFIG="$VAR/guwen.hdf" GUWEN_NOW="$1" "$ROOT/tools/guwen" jobs "${@:2}"; }
events() { sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $1 AND kind = '$2'"; }
# a b complaint owned by the advisor, registered 2026-09-29 10:00 UTC (18:00 in
# Beijing), classified, the complainant phoned (so answered in time); prints its id
backdated_b() {
    post m /complaints/new source=phone "name=$1" phone=13800138000 "description=期限测试 $1"
    local id; id=$(sql "SELECT id FROM complaints WHERE name = '$1'")
    sql "UPDATE complaints SET created_at = '2026-09-29 10:00:00' WHERE id = $id"
    post m "/complaints/$id/classify" severity=b "owner=$advisor"
    post a "/complaints/$id/contact" "contact=电话联系，说明处理安排"
    echo "$id"
}

login m manager || fail "manager could not sign in"
login a advisor || fail "advisor could not sign in"

id=$(backdated_b "国庆$tag"); [ -n "$id" ] || fail "register"
tracking=$(sql "SELECT tracking_no FROM complaints WHERE id = $id")
# By hand (b: response 1, resolution 10 working days, counted from the day after
# 2026-09-29, each ending 23:59:59 Beijing time = 15:59:59 UTC):
#   response:   09-30 (Wed)                                              → 2026-09-30
#   resolution: 09-30 =1 · 10-01…10-07 holiday · 10-08 =2 · 10-09 =3 ·
#               10-10 (Sat, make-up working day) =4 · 10-12…10-16 =5…9 · 10-19 =10 → 2026-10-19
[ "$(sql "SELECT response_due FROM complaints WHERE id = $id")" = "2026-09-30 15:59:59" ] || fail "response_due $(sql "SELECT response_due FROM complaints WHERE id = $id")"
[ "$(sql "SELECT resolution_due FROM complaints WHERE id = $id")" = "2026-10-19 15:59:59" ] || fail "resolution_due $(sql "SELECT resolution_due FROM complaints WHERE id = $id")"
get m "/complaints/$id"
expect_body '2026-10-19 23:59:59'
expect_body '2026-09-30 23:59:59'
ok "resolution due 2026-10-19 23:59:59 local across the National Day holiday and the make-up Saturday"

out=$(jobs '2026-10-18 12:00:00' 2>&1) || fail "jobs failed: $out"
[ -z "$out" ] || fail "jobs printed something when all went well (cron would mail it): $out"
[ "$(events "$id" warned)" = 0 ] || fail "warned more than 24 hours before"
out=$(jobs '2026-10-19 00:00:00' -v) || fail "jobs failed: $out"
echo "$out" | grep -q '^jobs: [0-9]* complaints checked, [1-9][0-9]* warned' || fail "summary with -v: $out"
[ "$(events "$id" warned)" = 1 ] || fail "no warning event"
[ "$(sql "SELECT CONCAT(warned_at, ' ', escalation) FROM complaints WHERE id = $id")" = "2026-10-19 00:00:00 0" ] || fail "warned_at not set"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'advisor@example.test' AND subject LIKE '%期限提醒%' AND body LIKE '%$tracking%' AND body LIKE '%2026-10-19 23:59:59%'")" = 1 ] || fail "owner not mailed"
jobs '2026-10-19 00:00:00' >/dev/null
[ "$(events "$id" warned)" = 1 ] || fail "warned twice"
ok "16 hours before the due time the owner is warned (mail, event, warned_at), once"

jobs '2026-10-19 16:30:00' >/dev/null || fail "jobs failed"
[ "$(sql "SELECT escalation FROM complaints WHERE id = $id")" = 1 ] || fail "not escalated to the manager"
[ "$(events "$id" escalated)" = 1 ] || fail "no escalation event"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'manager@example.test' AND subject LIKE '%超期升级%' AND body LIKE '%$tracking%'")" = 1 ] || fail "manager not mailed"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'director@example.test' AND body LIKE '%$tracking%'")" = 0 ] || fail "director mailed too early"
ok "past the due time the department manager is told (mail, event, escalation 1)"

jobs '2026-10-20 15:00:00' >/dev/null
[ "$(sql "SELECT escalation FROM complaints WHERE id = $id")" = 1 ] || fail "director too early"
jobs '2026-10-20 17:00:00' >/dev/null || fail "jobs failed"
[ "$(sql "SELECT escalation FROM complaints WHERE id = $id")" = 2 ] || fail "not escalated to the director"
[ "$(events "$id" escalated)" = 2 ] || fail "no second escalation event"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'director@example.test' AND subject LIKE '%严重超期%' AND body LIKE '%$tracking%'")" = 1 ] || fail "director not mailed"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action IN ('complaint.warn', 'complaint.escalate') AND entity_id = $id AND user_id IS NULL")" = 3 ] || fail "jobs not audited as the system"
get m "/complaints/$id"
expect_body '升级至主管'
expect_body '已升级至主管'
ok "25 hours past due the director is told (mail, event, escalation 2); each step audited as the system"

# the jobs' timeline lines are codes, read in each reader's language
[ "$(sql "SELECT GROUP_CONCAT(code ORDER BY id) FROM complaint_events WHERE complaint_id = $id AND kind IN ('warned', 'escalated')")" = "warned,to_manager,to_director" ] || fail "jobs' events not stored as codes"
[ "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $id AND kind IN ('warned', 'escalated') AND body <> ''")" = 0 ] || fail "jobs' events stored as Chinese text"
get m "/complaints/$id"
expect_body 'class="ev-text">升级至部门经理 · 解决期限 2026-10-19 23:59:59 · 已通知：'
lang_to() { get d /; keep_csrf d; post d /lang "lang=$1"; }
trap 'lang_to zh-CN >/dev/null 2>&1 || true; rm -rf "$T"' EXIT
login d director || fail "director sign-in"
lang_to en
get d "/complaints/$id"
expect_body 'class="ev-text">Escalated to the director · Resolution due 2026-10-19 23:59:59 · told: '
expect_no_body '升级至主管 ·'
lang_to zh-CN
ok "the jobs' warning and escalations read in the reader's language (stored as codes)"

# a waiting complaint is not escalated; the same one not waiting is
iw=$(backdated_b "等待$tag"); [ -n "$iw" ] || fail "register waiting"
ic=$(backdated_b "对照$tag"); [ -n "$ic" ] || fail "register control"
post a "/complaints/$iw/wait" "wait_note=等客户提供材料"
expect_status 303
jobs '2026-10-21 00:00:00' >/dev/null || fail "jobs failed"
[ "$(sql "SELECT CONCAT(escalation, ' ', warned_at IS NULL) FROM complaints WHERE id = $iw")" = "0 1" ] || fail "a waiting complaint was escalated"
[ "$(events "$iw" escalated)" = 0 ] || fail "escalation event while waiting"
[ "$(sql "SELECT escalation FROM complaints WHERE id = $ic")" = 2 ] || fail "the control complaint was not escalated"
[ "$(events "$ic" escalated)" = 2 ] || fail "control: manager and director each get their step"
ok "waiting on the complainant: not escalated; the same complaint not waiting goes to manager and director"

# not answered: the response deadline (2026-09-30 23:59:59 local) counts
post m /complaints/new source=phone "name=未响应$tag" phone=13800138000 "description=期限测试 未响应$tag"
ir=$(sql "SELECT id FROM complaints WHERE name = '未响应$tag'")
sql "UPDATE complaints SET created_at = '2026-09-29 10:00:00' WHERE id = $ir"
post m "/complaints/$ir/classify" severity=b "owner=$advisor"
jobs '2026-09-30 08:00:00' >/dev/null || fail "jobs failed"
get m "/complaints/$ir"
expect_body 'class="ev-text">响应期限 2026-09-30 23:59:59 · 已提醒：李顾问<'
jobs '2026-09-30 17:00:00' >/dev/null || fail "jobs failed"
[ "$(sql "SELECT CONCAT(response_escalation, ' ', escalation) FROM complaints WHERE id = $ir")" = "1 0" ] || fail "unanswered complaint not escalated (on the response deadline alone)"
get m "/complaints/$ir"
expect_body 'class="ev-text">升级至部门经理 · 响应期限 2026-09-30 23:59:59 · 已通知：王经理<'
ok "an unanswered complaint is warned and escalated on its response deadline"

# an owner without an e-mail address: the warning is kept for the admin to see
sql "UPDATE users SET email = NULL WHERE login = 'advisor'"
in=$(backdated_b "无邮箱$tag"); [ -n "$in" ] || fail "register"
jobs '2026-10-19 00:00:00' >/dev/null || fail "jobs failed"
get m "/complaints/$in"
expect_body 'class="ev-text">解决期限 2026-10-19 23:59:59 · 已提醒：无人<'
tin=$(sql "SELECT tracking_no FROM complaints WHERE id = $in")
[ "$(sql "SELECT CONCAT(status, ' ', for_whom) FROM outbox WHERE subject LIKE '%$tin%'")" = "norecipient user #$advisor" ] \
    || fail "no 'no recipient' notice: $(sql "SELECT status, for_whom FROM outbox WHERE subject LIKE '%$tin%'")"
sql "UPDATE users SET email = 'advisor@example.test' WHERE login = 'advisor'"
ok "a warning with nobody to mail is kept in the outbox as 'no recipient'"

GUWEN_CONFIG="$VAR/guwen.hdf" GUWEN_NOW='yesterday' "$ROOT/tools/guwen" jobs >/dev/null 2>&1 && fail "a bad GUWEN_NOW was accepted"
ok "a malformed GUWEN_NOW is refused"
