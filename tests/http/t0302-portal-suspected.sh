#!/usr/bin/env bash
# A sixth complaint in an hour from one address (an office, a carrier's shared
# address) or one sent faster than a person fills the form is stored as
# suspected (待核实) with a real number; staff see it in its own tab and release
# it into the normal flow or discard it with a reason.
. "$(dirname "$0")/lib.sh"
tracking() { grep -o 'id="tracking-no">[^<]*' "$BODY" | cut -d'>' -f2; }
code() { grep -o 'id="verify-code">[^<]*' "$BODY" | cut -d'>' -f2; }
post_form() { # name description token-age
    req p POST /portal/complaint -F "token=$(form_token complaint "$3")" -F "name=$1" \
        -F phone=13400134000 -F email=office@example.com -F "description=$2"
}
who="同一办公室$RANDOM"
for i in 1 2 3 4 5; do
    post_form "$who" "第 $i 位同事的投诉" 10
    expect_status 200
done
[ "$(sql "SELECT COUNT(*) FROM complaints WHERE name = '$who' AND trust = 'ok'")" = 5 ] || fail "five ordinary posts"
post_form "$who" '第 6 位同事的投诉' 10
expect_status 200
expect_body '投诉已受理'
six=$(tracking); sixcode=$(code)
[[ $six =~ ^TS-[0-9]{8}-[0-9]{4,}$ ]] || fail "sixth got $six"
[ "$(sql "SELECT trust, suspect_reason FROM complaints WHERE tracking_no = '$six'")" = "$(printf 'suspected\trate')" ] || fail "sixth not stored as suspected"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE body LIKE '%$six%'")" = 0 ] || fail "a suspected post sent mail"
req q POST /portal/complaint/status --data-urlencode "tracking=$six" --data-urlencode "code=$sixcode"
expect_body '受理登记'
ok "the sixth post in an hour from one address is stored as suspected with a real number ($six) that looks up"

post_form "快手$RANDOM" '填得飞快' 0
expect_status 200
fast=$(tracking); fastcode=$(code)
[[ $fast =~ ^TS-[0-9]{8}-[0-9]{4,}$ ]] || fail "too fast got $fast"
[ "$(sql "SELECT trust, suspect_reason FROM complaints WHERE tracking_no = '$fast'")" = "$(printf 'suspected\tfast')" ] || fail "too fast not suspected"
ok "a post sooner than Portal.FormMinSeconds is stored as suspected ($fast)"

# staff: their own tab; not in the normal lists
login d director || fail "director sign-in"
get d "/complaints/?tab=all"
expect_no_body "$six"
expect_no_body "$fast"
get d "/complaints/?tab=department"
expect_no_body "$six"
get d "/complaints/?tab=suspected"
expect_status 200
expect_body "$six"
expect_body "$fast"
expect_body '待核实'
id=$(sql "SELECT id FROM complaints WHERE tracking_no = '$six'")
fid=$(sql "SELECT id FROM complaints WHERE tracking_no = '$fast'")
get d "/complaints/$id"
expect_body '放行，进入正常处理'
expect_body '同一网络地址一小时内提交过多'
ok "suspected posts are in the staff tab 待核实, not in the normal lists"

login a advisor || fail "advisor sign-in"
get a "/complaints/?tab=suspected"
expect_no_body "$six"
post a "/complaints/$id/release"
expect_status 403
login m manager || fail "manager sign-in"
req m POST "/complaints/$id/release" --data-urlencode "csrf=wrong"
expect_status 403
post d "/complaints/$id/note" "note=还没放行就写备注"
expect_body '请先放行'
[ "$(sql "SELECT trust FROM complaints WHERE id = $id")" = suspected ] || fail "changed without permission"
ok "release needs the permission and the CSRF token; other actions wait for it"

post d "/complaints/$id/release"
expect_status 303
[ "$(sql "SELECT trust, released_at IS NOT NULL FROM complaints WHERE id = $id")" = "$(printf 'ok\t1')" ] || fail "not released"
[ "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $id AND kind = 'released'")" = 1 ] || fail "no event"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'complaint.release' AND entity_id = $id")" = 1 ] || fail "no audit"
get d "/complaints/?tab=all"
expect_body "$six"
get d "/complaints/?tab=suspected"
expect_no_body "$six"
ok "released: in the normal lists, the timeline and the audit log"

post d "/complaints/$fid/discard" "discard_reason="
expect_status 200
expect_body 'id="e-discard_reason"'
[ "$(sql "SELECT trust FROM complaints WHERE id = $fid")" = suspected ] || fail "discarded without a reason"
post d "/complaints/$fid/discard" "discard_reason=广告内容，与本中心无关"
expect_status 303
[ "$(sql "SELECT trust FROM complaints WHERE id = $fid")" = discarded ] || fail "not discarded"
[ "$(sql "SELECT body FROM complaint_events WHERE complaint_id = $fid AND kind = 'discarded'")" = '广告内容，与本中心无关' ] || fail "reason not in the timeline"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'complaint.discard' AND entity_id = $fid")" = 1 ] || fail "no audit"
get d "/complaints/?tab=suspected"
expect_no_body "$fast"
get d "/complaints/?tab=all"
expect_no_body "$fast"
post d "/complaints/$fid/release"
expect_body '已被他人处理'
[ "$(sql "SELECT trust FROM complaints WHERE id = $fid")" = discarded ] || fail "released after discard"
req q POST /portal/complaint/status --data-urlencode "tracking=$fast" --data-urlencode "code=$fastcode"
expect_body 'id="not-accepted"'
expect_body '未受理'
expect_no_body '受理登记'
expect_no_body '广告内容'
ok "discarded only with a reason (kept in the timeline, audited); a late release is refused; the look-up says 未受理, not 受理登记, and keeps the reason internal"

# guwen jobs removes per-address counters older than a day
sql "INSERT INTO rate_counts (addr, kind, slot, n) VALUES (REPEAT('a', 64), 'complaint', FLOOR(UNIX_TIMESTAMP() / 300) - 400, 3)"
GUWEN_CONFIG="$VAR/guwen.hdf" "$ROOT/tools/guwen" jobs >/dev/null || fail "guwen jobs"
[ "$(sql "SELECT COUNT(*) FROM rate_counts WHERE addr = REPEAT('a', 64)")" = 0 ] || fail "old counter kept"
[ "$(sql "SELECT COUNT(*) FROM rate_counts WHERE kind = 'complaint'")" -ge 1 ] || fail "current counters removed"
ok "guwen jobs removes per-address counters older than a day, keeps the current ones"
