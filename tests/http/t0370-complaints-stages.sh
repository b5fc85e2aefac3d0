#!/usr/bin/env bash
# A general (b) complaint goes the whole way: 受理登记 → 初步调查 → 反馈与解决 →
# 后续跟踪 → 已关闭. It cannot leave 受理登记 unclassified, the resolution needs
# what was done (a public reply, mailed to the complainant), closing a b needs a
# root cause and a corrective action. Internal notes and public replies are
# marked apart and only replies are mailed. Waiting on the complainant stops the
# clock: on resuming the due dates move. Referring goes to market.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
sql "UPDATE users SET email = CONCAT(login, '@example.test') WHERE login IN ('market', 'advisor')"
advisor=$(sql "SELECT id FROM users WHERE login = 'advisor'")
mail="k$tag@example.test"

register() {
    post "$1" /complaints/new source=phone "name=$2" phone=13800138000 "email=$mail" "description=投诉内容 $2"
    sql "SELECT id FROM complaints WHERE name = '$2'"
}
stage() { sql "SELECT stage FROM complaints WHERE id = $1"; }

login m manager || fail "manager could not sign in"
login a advisor || fail "advisor could not sign in"

id=$(register m "全程$tag"); [ -n "$id" ] || fail "register"
tracking=$(sql "SELECT tracking_no FROM complaints WHERE id = $id")

post m "/complaints/$id/stage" to=investigating
expect_status 200
expect_body '请先完成分级'
[ "$(stage "$id")" = registered ] || fail "moved unclassified"
ok "an unclassified complaint cannot leave 受理登记"

post m "/complaints/$id/classify" severity=b "owner=$advisor"
expect_status 303
post a "/complaints/$id/stage" to=investigating
expect_status 303
[ "$(stage "$id")" = investigating ] || fail "not investigating"
# the response deadline is met by a reply or a recorded contact, not by a stage (issue 9)
[ "$(sql "SELECT responded_at IS NULL FROM complaints WHERE id = $id")" = 1 ] || fail "responded_at set by a stage"
ok "classified b with the advisor as owner; the advisor moves it to 初步调查 (not yet responded)"

post a "/complaints/$id/stage" to=closed
expect_status 200
expect_body '已被他人更新'
[ "$(stage "$id")" = investigating ] || fail "skipped a stage"
ok "only the next stage: a jump to 已关闭 is refused"

get a "/complaints/$id"
expect_body 'id="h-reply"'
expect_no_body '已回复投诉人'
ok "no reply yet: the reply form says who sees it, nothing says 已回复"

post a "/complaints/$id/note" "note=内部：顾问漏报了附加税$tag"
expect_status 303
post a "/complaints/$id/reply" "reply=我们已核实并正在更正申报$tag"
expect_status 303
get a "/complaints/$id"
expect_body "内部：顾问漏报了附加税$tag"
expect_body "我们已核实并正在更正申报$tag"
grep -B3 "内部：顾问漏报了附加税$tag" "$BODY" | grep -qF 'class="badge internal">内部' || fail "note not marked internal"
grep -B3 "我们已核实并正在更正申报$tag" "$BODY" | grep -qF 'class="badge public">已回复投诉人' || fail "reply not marked public"
[ "$(sql "SELECT visibility FROM complaint_events WHERE complaint_id = $id AND kind = 'note'")" = internal ] || fail "note visibility"
[ "$(sql "SELECT visibility FROM complaint_events WHERE complaint_id = $id AND kind = 'reply'")" = public ] || fail "reply visibility"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = '$mail' AND subject = '您的投诉有新的回复' AND body LIKE '%我们已核实并正在更正申报$tag%' AND body LIKE '%$tracking%'")" = 1 ] || fail "reply not mailed"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE body LIKE '%顾问漏报了附加税$tag%'")" = 0 ] || fail "an internal note was mailed"
[ "$(sql "SELECT responded_at IS NOT NULL FROM complaints WHERE id = $id")" = 1 ] || fail "responded_at not set by the reply"
ok "internal note and public reply are marked apart; only the reply is mailed"

post a "/complaints/$id/note" note=
expect_status 200
expect_body 'id="e-note"'
ok "an empty note is refused at its field"

post a "/complaints/$id/stage" to=resolved
expect_status 200
expect_body 'id="e-done"'
[ "$(stage "$id")" = investigating ] || fail "resolved without text"
post a "/complaints/$id/stage" to=resolved "done=已更正申报并退还多缴税款$tag"
expect_status 303
[ "$(sql "SELECT CONCAT(stage, ' ', resolved_at IS NOT NULL) FROM complaints WHERE id = $id")" = "resolved 1" ] || fail "not resolved"
[ "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $id AND kind = 'reply' AND visibility = 'public' AND body = '已更正申报并退还多缴税款$tag'")" = 1 ] || fail "what was done is not a public reply"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = '$mail' AND subject = '您的投诉已处理完毕' AND body LIKE '%已更正申报并退还多缴税款$tag%'")" = 1 ] || fail "resolution not mailed"
ok "反馈与解决 needs what was done: a public reply, mailed to the complainant, resolved_at set"

post a "/complaints/$id/stage" to=followup
expect_status 200
expect_body 'id="e-followup"'
post a "/complaints/$id/stage" to=followup "followup=电话回访，客户表示满意$tag"
expect_status 303
[ "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $id AND kind = 'followup' AND visibility = 'internal'")" = 1 ] || fail "no follow-up record"
ok "后续跟踪 records the satisfaction call"

post a "/complaints/$id/stage" to=closed
expect_status 200
expect_body 'id="e-root_cause"'
expect_body 'id="e-corrective_action"'
[ "$(stage "$id")" = followup ] || fail "closed a b without root cause"
post a "/complaints/$id/stage" to=closed "root_cause=复核环节缺失$tag"
expect_body 'id="e-corrective_action"'
expect_no_body 'id="e-root_cause"'
expect_body "复核环节缺失$tag"
post a "/complaints/$id/stage" to=closed "root_cause=复核环节缺失$tag" "corrective_action=申报前增加双人复核$tag"
expect_status 303
[ "$(sql "SELECT CONCAT(stage, ' ', closed_at IS NOT NULL, ' ', root_cause) FROM complaints WHERE id = $id")" = "closed 1 复核环节缺失$tag" ] || fail "not closed"
ok "closing a b needs root cause and corrective action (messages at each); then 已关闭"

get a "/complaints/$id"
expect_status 200
expect_body '已关闭'
expect_body "申报前增加双人复核$tag"
expect_no_body "/complaints/$id/stage\""
for s in 初步调查 反馈与解决 后续跟踪 已关闭; do expect_body "<p>$s</p>"; done
post a "/complaints/$id/note" note=晚了
expect_status 200
expect_body '投诉已关闭'
ok "the closed complaint: every stage in the timeline, no more actions"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'complaint.stage' AND entity_id = $id")" = 4 ] || fail "stage moves not audited"

# waiting on the complainant stops the clock
iw=$(register m "等待$tag"); [ -n "$iw" ] || fail "register wait"
post m "/complaints/$iw/classify" severity=b "owner=$advisor"
before=$(sql "SELECT CONCAT(UNIX_TIMESTAMP(response_due), ' ', UNIX_TIMESTAMP(resolution_due)) FROM complaints WHERE id = $iw")
post a "/complaints/$iw/wait" "wait_note=等客户补交银行流水"
expect_status 303
[ "$(sql "SELECT waiting_since IS NOT NULL FROM complaints WHERE id = $iw")" = 1 ] || fail "not waiting"
get a "/complaints/$iw"
expect_body '等待投诉人回复（计时暂停）'
expect_body '恢复计时'
# fourteen days of waiting (at least a working week on any calendar)
sql "UPDATE complaints SET waiting_since = waiting_since - INTERVAL 14 DAY WHERE id = $iw"
post a "/complaints/$iw/wait"
expect_status 303
after=$(sql "SELECT CONCAT(UNIX_TIMESTAMP(response_due), ' ', UNIX_TIMESTAMP(resolution_due), ' ', waiting_since IS NULL) FROM complaints WHERE id = $iw")
read -r r0 d0 <<<"$before"
read -r r1 d1 w1 <<<"$after"
[ "$w1" = 1 ] || fail "still waiting"
[ "$d1" -gt "$d0" ] && [ "$r1" -gt "$r0" ] || fail "due dates did not move: $before → $after"
[ $(((d1 - d0) % 86400)) = 0 ] || fail "working-day deadlines move by whole days"
[ "$(sql "SELECT GROUP_CONCAT(kind ORDER BY id) FROM complaint_events WHERE complaint_id = $iw AND kind IN ('waiting', 'resumed')")" = waiting,resumed ] || fail "wait events"
ok "waiting pauses the clock: on resuming both due dates move on, both are events"

# refer to market
post a "/complaints/$iw/refer" refer=
expect_status 200
expect_body 'id="e-refer"'
post a "/complaints/$iw/refer" "refer=发现客户有未申报的收入$tag"
expect_status 303
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'market@example.test' AND subject LIKE '%转交市场%' AND body LIKE '%发现客户有未申报的收入$tag%'")" = 1 ] || fail "market not mailed"
[ "$(sql "SELECT visibility FROM complaint_events WHERE complaint_id = $iw AND kind = 'referred'")" = internal ] || fail "referral not internal"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = '$mail' AND body LIKE '%未申报的收入$tag%'")" = 0 ] || fail "the complainant was told"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'complaint.refer' AND entity_id = $iw")" = 1 ] || fail "refer not audited"
get a "/complaints/$iw"
expect_body '已转交市场'
expect_body '转交市场'
ok "refer to market: an internal event and a mail to market, never to the complainant"
