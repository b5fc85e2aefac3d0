#!/usr/bin/env bash
# The status look-up reads tracking numbers as people type them (lower case, no
# dashes, full-width characters, spaces) and, when the network is locked out by
# wrong codes, says so and until when — not "not found".
. "$(dirname "$0")/lib.sh"
req p POST /portal/complaint -F "token=$(form_token complaint 10)" -F name=查询者 -F phone=13200132000 \
    -F 'description=查一下进度'
expect_status 200
tracking=$(grep -o 'id="tracking-no">[^<]*' "$BODY" | cut -d'>' -f2)
code=$(grep -o 'id="verify-code">[^<]*' "$BODY" | cut -d'>' -f2)
d=${tracking:3:8} n=${tracking:12}
full() { python3 -c 'import sys; print("".join(chr(ord(c)+0xFEE0) if "!"<=c<="~" else c for c in sys.argv[1]))' "$1"; }
for typed in "${tracking,,}" "TS$d$n" "$d$n" " ts $d $n " "$(full "$tracking")" "$(full "${tracking,,}")" "TS—$d—$n"; do
    req q POST /portal/complaint/status --data-urlencode "tracking=$typed" --data-urlencode "code=${code,,}"
    expect_status 200
    expect_body "id=\"tracking-no\">$tracking<"
    expect_body '受理登记'
done
ok "lower case, no dashes, no TS, spaces, full width, long dashes: all find $tracking"

for i in $(seq 1 10); do
    req q POST /portal/complaint/status --data-urlencode "tracking=$tracking" --data-urlencode "code=WRONG$i"
    expect_body '没有找到'
done
req q POST /portal/complaint/status --data-urlencode "tracking=$tracking" --data-urlencode "code=$code"
expect_status 200
expect_body '您所在网络的查询尝试次数过多'
expect_body '或致电我们'
expect_no_body '没有找到'
expect_no_body '受理登记'
until=$(grep -o '请在 [0-9][0-9]:[0-9][0-9] 之后再试' "$BODY" | grep -o '[0-9][0-9]:[0-9][0-9]') || fail "no time in the message"
tz=$(awk -F' = ' '$1 ~ /TZOffsetMinutes/ {print $2}' "$VAR/guwen.hdf")
now=$(( ($(date +%s) + ${tz:-480} * 60) / 60 % 1440 ))
u=$(( 10#${until%:*} * 60 + 10#${until#*:} ))
wait=$(( (u - now + 1440) % 1440 ))
[ "$wait" -ge 54 ] && [ "$wait" -le 61 ] || fail "locked until $until, $wait minutes from now"
ok "locked after 10 wrong codes: says so, until $until ($wait min), not \"not found\""
sql "DELETE FROM rate_counts"
req q POST /portal/complaint/status --data-urlencode "tracking=$tracking" --data-urlencode "code=$code"
expect_body '受理登记'
ok "once the window passes, the right code works again"
