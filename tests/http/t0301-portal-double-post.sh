#!/usr/bin/env bash
# The same public form sent twice — a double click, Back + resubmit, two clicks
# at once — is one complaint: every answer shows its real tracking number, the
# code only the first time (and says so), and one row is stored.
. "$(dirname "$0")/lib.sh"
count() { sql "SELECT COUNT(*) FROM complaints WHERE name = '$1'"; }
tracking() { grep -o 'id="tracking-no">[^<]*' "$BODY" | cut -d'>' -f2; }
post_form() { # token name description [curl args]
    req p POST /portal/complaint -F "token=$1" -F "name=$2" -F phone=13800138000 \
        -F email=twice@example.com -F "description=$3" "${@:4}"
}

who="双击$RANDOM"
tok=$(form_token complaint 10)
post_form "$tok" "$who" '报表出错，第一次提交'
expect_status 200
first=$(tracking)
[[ $first =~ ^TS-[0-9]{8}-[0-9]{4,}$ ]] || fail "first number $first"
expect_body 'id="verify-code"'
post_form "$tok" "$who" '报表出错，第一次提交'
expect_status 200
[ "$(tracking)" = "$first" ] || fail "second post answered $(tracking), not $first"
expect_body '这份投诉此前已经提交成功'
expect_body '查询验证码只在第一次提交时显示'
expect_no_body 'id="verify-code"'
[ "$(count "$who")" = 1 ] || fail "double post stored $(count "$who") rows"
ok "double click: the same number $first again, code not shown again, one row"

# Back, change the text, send again: still that complaint, nothing new stored
post_form "$tok" "$who" '改了几个字再提交' -F "files=@$ROOT/tests/http/files/photo.png;type=image/png"
expect_status 200
[ "$(tracking)" = "$first" ] || fail "replay answered $(tracking)"
[ "$(count "$who")" = 1 ] || fail "replay stored a row"
[ "$(sql "SELECT description FROM complaints WHERE tracking_no = '$first'")" = '报表出错，第一次提交' ] || fail "replay changed the row"
[ "$(sql "SELECT COUNT(*) FROM complaint_files f JOIN complaints c ON c.id = f.complaint_id WHERE c.tracking_no = '$first'")" = 0 ] || fail "replay stored a file"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'twice@example.com' AND body LIKE '%$first%'")" = 1 ] || fail "mailed twice"
ok "replayed token after success (Back + resubmit): same number, row and mail unchanged"

# two clicks at the same moment
who2="并发$RANDOM"
tok=$(form_token complaint 10)
for i in 1 2 3; do
    curl -s -o "$T/c$i" -w '%{http_code}\n' -X POST -F "token=$tok" -F "name=$who2" -F phone=13800138002 \
        -F 'description=同时点了三次' "$BASE/portal/complaint" >"$T/s$i" &
done
wait
nums=$(for i in 1 2 3; do [ "$(cat "$T/s$i")" = 200 ] || fail "click $i: $(cat "$T/s$i")"; grep -o 'id="tracking-no">[^<]*' "$T/c$i" | cut -d'>' -f2; done | sort -u)
[ "$(echo "$nums" | wc -l)" = 1 ] || fail "three clicks answered different numbers: $nums"
[ "$(count "$who2")" = 1 ] || fail "three clicks stored $(count "$who2") rows"
[ "$(sql "SELECT tracking_no FROM complaints WHERE name = '$who2'")" = "$nums" ] || fail "the number shown is not the stored one"
ok "three clicks at once: one row ($nums), every answer shows its number"
