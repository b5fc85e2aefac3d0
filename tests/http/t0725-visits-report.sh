#!/usr/bin/env bash
# The visit report (《客户回访情况表》): what was discussed, the client's
# opinions and suggestions, satisfaction 1–5, follow-up actions. A
# satisfaction of 0, 6 or "x" comes back with the message at the field and
# everything else typed kept; a good report is submitted (awaiting review)
# and shown; a report cannot be written before the visit; one returned for
# more detail is edited and submitted again.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/visits.sh"

login a "va$tag" || fail "visitor could not sign in"
plan a phone "$ca"
v=$visit
act a "$v" report "discussed=提前" satisfaction=4
expect_status 200
expect_body 'id="action-error"'
[ "$(col "$v" "CONCAT(status, COALESCE(discussed, '-'))")" = "planned-" ] || fail "a report before the visit"
ok "no report before the visit"

act a "$v" visited "visited_on=$(sql "SELECT DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR)")"
expect_status 303
for bad in 0 6 x; do
    act a "$v" report "discussed=讨论了年度汇算$tag" "opinions=希望提前提醒$tag" "satisfaction=$bad" "actions=下月跟进$tag"
    expect_status 200 "(satisfaction $bad)"
    expect_body 'id="e-satisfaction"'
    expect_body "讨论了年度汇算$tag"; expect_body "希望提前提醒$tag"; expect_body "下月跟进$tag"
    expect_body "value=\"$bad\""
    [ "$(col "$v" "CONCAT(status, COALESCE(satisfaction, '-'))")" = "visited-" ] || fail "satisfaction $bad stored"
done
act a "$v" report discussed= satisfaction=5
expect_status 200
expect_body 'id="e-discussed"'
ok "satisfaction 0, 6 or x and a missing discussion: messages at the fields, the input kept"

act a "$v" report "discussed=讨论了年度汇算$tag" "opinions=希望提前提醒$tag" satisfaction=4 "actions=下月跟进$tag"
expect_status 303
[ "$(col "$v" "CONCAT_WS(' ', status, satisfaction, discussed, signed, submitted_at IS NOT NULL)")" = "submitted 4 讨论了年度汇算$tag 0 1" ] || fail "the report row"
get a "/visits/$v"
expect_body 'id="satisfaction">4/5 · 满意'; expect_body "希望提前提醒$tag"
expect_body '提交回访情况表'
expect_no_body 'id="report-form"'
act a "$v" report "discussed=再改$tag" satisfaction=3
expect_status 200
expect_body 'id="action-error"'
[ "$(col "$v" satisfaction)" = 4 ] || fail "a submitted report was changed"
ok "the report is submitted and shown; a submitted report is not changed"

sql "UPDATE visits SET status = 'returned', guidance = '请补充客户的具体建议', version = version + 1 WHERE id = $v"
get a "/visits/$v"
expect_body 'id="report-form"'; expect_body '请补充客户的具体建议'; expect_body "讨论了年度汇算$tag"
act a "$v" report "discussed=讨论了年度汇算$tag；补充细节" "opinions=希望每季度提醒$tag" satisfaction=5
expect_status 303
[ "$(col "$v" "CONCAT_WS(' ', status, satisfaction, opinions)")" = "submitted 5 希望每季度提醒$tag" ] || fail "resubmitted report"
[ "$(sql "SELECT COUNT(*) FROM visit_events WHERE visit_id = $v AND kind = 'resubmitted'")" = 1 ] || fail "no timeline line"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'visit.report' AND entity_id = $v")" = 2 ] || fail "reports not audited"
ok "a returned report is edited and submitted again"
