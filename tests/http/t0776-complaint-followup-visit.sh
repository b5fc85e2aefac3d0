#!/usr/bin/env bash
# A complaint moved to follow-up (后续跟踪) creates a return visit that asks the
# complainant whether they are satisfied (issue 12): by phone, the complaint's
# client and department, its handler as the visitor, the complainant as the
# contact; the complaint page links to it. A complaint naming no client record
# has no client to visit: no visit, and the page says so. When the visit ends
# (here: three failed appointments, complete by default) the complaint's
# follow-up closes.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
dept=$(sql "SELECT department_id FROM users WHERE login = 'advisor'")
adv=$(sql "SELECT id FROM users WHERE login = 'advisor'")
sql "INSERT INTO clients (name, department_id, lead_id, created_at, updated_at)
     VALUES ('跟踪客户$tag', $dept, $adv, NOW(), NOW())"
client=$(sql "SELECT id FROM clients WHERE name = '跟踪客户$tag'")
sql "INSERT IGNORE INTO client_leads (client_id, user_id, added_at) VALUES ($client, $adv, NOW())"

login m manager || fail "manager could not sign in"
login a advisor || fail "advisor could not sign in"

# register, classify b with the advisor as owner, investigate, resolve
to_resolved() { # NAME [CLIENT]
    post m /complaints/new source=phone "name=$1" phone=13800138000 "description=投诉 $1" ${2:+"client=$2"}
    local id; id=$(sql "SELECT id FROM complaints WHERE name = '$1'")
    post m "/complaints/$id/classify" severity=b "owner=$adv" >/dev/null
    post a "/complaints/$id/stage" to=investigating
    post a "/complaints/$id/stage" to=resolved "done=已更正申报$tag"
    echo "$id"
}
id=$(to_resolved "投诉人$tag" "$client")
[ "$(sql "SELECT stage FROM complaints WHERE id = $id")" = resolved ] || fail "not resolved"
[ "$(sql "SELECT COUNT(*) FROM visits WHERE complaint_id = $id")" = 0 ] || fail "a visit before the follow-up"
get a "/complaints/$id"; expect_body 'id="followup-cause-hint"'
post a "/complaints/$id/stage" to=followup "followup=请回访投诉人$tag" \
    "root_cause=复核环节缺失$tag" "corrective_action=增加复核$tag"
expect_status 303
row=$(sql "SELECT CONCAT_WS(' ', origin, propose_key, method, client_id, department_id, visitor_id,
           contact_name, status) FROM visits WHERE complaint_id = $id")
[ "$row" = "followup complaint:$id phone $client $dept $adv 投诉人$tag planned" ] ||
    fail "the follow-up visit: $row"
vid=$(sql "SELECT id FROM visits WHERE complaint_id = $id")
get a "/complaints/$id"
expect_body 'id="followup-visit"'; expect_body "/visits/$vid"
expect_body "第 $vid 号回访：电话询问投诉人是否满意，回访人 李顾问"
get a "/visits/$vid"; expect_status 200; expect_body "投诉人$tag"
ok "后续跟踪 creates a phone visit of the client by the handler, asking the complainant; linked both ways"

# three failed appointments close the visit as complete by default: the
# complaint's follow-up closes with a line naming the visit
ver() { sql "SELECT version FROM visits WHERE id = $vid"; }
for n in 1 2; do
    post a "/visits/$vid/attempt" "version=$(ver)" how=phone outcome=no_answer
    expect_status 303
done
[ "$(sql "SELECT stage FROM complaints WHERE id = $id")" = followup ] || fail "closed before the visit ended"
post a "/visits/$vid/attempt" "version=$(ver)" how=phone outcome=no_answer "note=投诉人电话停机$tag"
expect_status 303
[ "$(sql "SELECT status FROM visits WHERE id = $vid")" = default_done ] || fail "visit not complete by default"
[ "$(sql "SELECT stage FROM complaints WHERE id = $id")" = closed ] || fail "the follow-up was not closed"
get a "/complaints/$id"
expect_body "第 $vid 号回访三次预约未果，默认回访完毕 · 后续跟踪结束"
expect_body '默认回访完毕'
ok "the visit closed as complete by default closes the complaint's follow-up, naming the visit"

# the same complaint cannot get a second follow-up visit
[ "$(sql "SELECT COUNT(*) FROM visits WHERE propose_key = 'complaint:$id'")" = 1 ] || fail "two visits"

nid=$(to_resolved "无客户$tag")
post a "/complaints/$nid/stage" to=followup "followup=电话跟踪$tag"
expect_status 303
[ "$(sql "SELECT stage FROM complaints WHERE id = $nid")" = followup ] || fail "no client: not moved"
[ "$(sql "SELECT COUNT(*) FROM visits WHERE complaint_id = $nid")" = 0 ] || fail "a visit without a client"
get a "/complaints/$nid"
expect_body 'id="followup-no-client"'; expect_body '此投诉未关联客户档案，无法安排客户回访'
post a "/complaints/$nid/stage" to=closed "root_cause=核对缺失$tag" "corrective_action=增加复核$tag"
expect_status 303
[ "$(sql "SELECT stage FROM complaints WHERE id = $nid")" = closed ] || fail "could not close by hand"
ok "a complaint without a client: no visit, the page says why, closed by hand as before"
