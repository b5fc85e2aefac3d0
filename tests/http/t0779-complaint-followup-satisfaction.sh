#!/usr/bin/env bash
# The follow-up visit's result closes the complaint's follow-up and feeds the
# satisfaction figure (issue 12): the visitor records the call and the
# complainant's satisfaction in the visit report; the complaint page shows it;
# when the supervisor accepts the report, the complaint closes with a line
# naming the visit and the satisfaction. A b complaint whose root cause was
# not given stays in 后续跟踪 with a line saying what closing needs.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
dept=$(sql "SELECT department_id FROM users WHERE login = 'advisor'")
adv=$(sql "SELECT id FROM users WHERE login = 'advisor'")
sql "INSERT INTO clients (name, department_id, lead_id, created_at, updated_at)
     VALUES ('满意度客户$tag', $dept, $adv, NOW(), NOW())"
client=$(sql "SELECT id FROM clients WHERE name = '满意度客户$tag'")
sql "INSERT IGNORE INTO client_leads (client_id, user_id, added_at) VALUES ($client, $adv, NOW())"
today=$(sql "SELECT DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR)")
ver() { sql "SELECT version FROM visits WHERE id = $1"; }

login m manager || fail "manager could not sign in"
login a advisor || fail "advisor could not sign in"

# a b complaint of the client, owned by the advisor, moved to 后续跟踪 (with or
# without its root cause); prints the follow-up visit's id
followup() { # NAME [CAUSE]
    post m /complaints/new source=phone "name=$1" phone=13800138000 "description=投诉 $1" "client=$client"
    local id; id=$(sql "SELECT id FROM complaints WHERE name = '$1'")
    post m "/complaints/$id/classify" severity=b "owner=$adv"
    post a "/complaints/$id/stage" to=investigating
    post a "/complaints/$id/stage" to=resolved "done=已退还多缴税款$tag"
    post a "/complaints/$id/stage" to=followup "followup=回访投诉人$tag" ${2:+"root_cause=$2"} \
        ${2:+"corrective_action=增加复核$tag"}
    sql "SELECT id FROM visits WHERE propose_key = 'complaint:$id'"
}
# the visitor calls, records the visit and the report with the satisfaction
report() { # VISIT SATISFACTION
    post a "/visits/$1/visited" "version=$(ver "$1")" "visited_on=$today"; expect_status 303
    post a "/visits/$1/report" "version=$(ver "$1")" "discussed=询问投诉处理结果$tag" \
        "opinions=对退税速度满意" "satisfaction=$2" "actions=无"
    expect_status 303
}

vid=$(followup "满意投诉人$tag" "复核环节缺失$tag")
[ -n "$vid" ] || fail "no follow-up visit"
cid=$(sql "SELECT complaint_id FROM visits WHERE id = $vid")
report "$vid" 4
get a "/complaints/$cid"
expect_body 'id="followup-satisfaction">4 / 5'
[ "$(sql "SELECT stage FROM complaints WHERE id = $cid")" = followup ] || fail "closed before the review"
ok "the complainant's satisfaction from the visit report shows on the complaint page"

post m "/visits/$vid/review" "version=$(ver "$vid")" "guidance=处理得当$tag" decision=accept
expect_status 303
[ "$(sql "SELECT status FROM visits WHERE id = $vid")" = accepted ] || fail "not accepted"
[ "$(sql "SELECT CONCAT(stage, ' ', closed_at IS NOT NULL) FROM complaints WHERE id = $cid")" = "closed 1" ] ||
    fail "the complaint's follow-up was not closed"
get a "/complaints/$cid"
expect_body "第 $vid 号回访结束 · 投诉人满意度 4/5 · 后续跟踪结束"
expect_body 'id="followup-satisfaction">4 / 5'
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'complaint.stage' AND entity_id = $cid AND detail = 'to=closed visit=$vid'")" = 1 ] ||
    fail "no audit record of the close"
ok "accepting the report closes the complaint, naming the visit and the satisfaction"

open=$(followup "无原因投诉人$tag")
ocid=$(sql "SELECT complaint_id FROM visits WHERE id = $open")
report "$open" 2
post m "/visits/$open/review" "version=$(ver "$open")" "guidance=请跟进$tag" decision=accept
expect_status 303
[ "$(sql "SELECT stage FROM complaints WHERE id = $ocid")" = followup ] || fail "a b closed without its root cause"
get a "/complaints/$ocid"
expect_body "第 $open 号回访结束 · 投诉人满意度 2/5 · 结案前须填写根本原因和纠正措施"
post a "/complaints/$ocid/stage" to=closed "root_cause=沟通不足$tag" "corrective_action=每周回电$tag"
expect_status 303
[ "$(sql "SELECT stage FROM complaints WHERE id = $ocid")" = closed ] || fail "not closed by hand"
ok "without its root cause a b complaint stays open after the visit, says why, and is closed by hand"
