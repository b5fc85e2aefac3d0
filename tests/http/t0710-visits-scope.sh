#!/usr/bin/env bash
# Who sees which return visit: the visitor their own visits; the department's
# manager the department's; a director all; market the visits they planned;
# another advisor (same department or not) gets 404 on the page, the print
# form, the scans and every action, and the list and its CSV leave the visit
# out. A POST without the CSRF token is refused and changes nothing.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/visits.sh"

login k market || fail "market could not sign in"
plan k phone "$ca"
v1=$visit
login m "vm$tag" || fail "manager could not sign in"
plan m phone "$cb"
v2=$visit
login a "va$tag" || fail "visitor could not sign in"
login b "vb$tag" || fail "second advisor could not sign in"
login x "vx$tag" || fail "other department's advisor could not sign in"
login d director || fail "director could not sign in"

for j in a m d; do
    get $j "/visits/$v1"; expect_status 200 "($j on the visit)"
    get $j "/visits/$v1/print"; expect_status 200 "($j on the print form)"
done
get k "/visits/$v1"; expect_status 200 "(market on the visit it planned)"
get k "/visits/$v2"; expect_status 404 "(market on a visit it did not plan)"
ok "the visitor, the department's manager, a director and the planner see the visit"

for j in b x; do
    get $j "/visits/$v1"; expect_status 404 "($j on the visit)"
    get $j "/visits/$v1/print"; expect_status 404 "($j on the print form)"
    get $j "/visits/$v1/scan/1"; expect_status 404 "($j on a scan)"
    act $j "$v1" attempt how=phone outcome=no_answer; expect_status 404 "($j recording an attempt)"
    act $j "$v1" cancel "cancel_note=不要了"; expect_status 404 "($j cancelling)"
done
[ "$(col "$v1" "CONCAT(status, failed_attempts)")" = planned0 ] || fail "another advisor changed the visit"
ok "other advisors get 404 on the page, the print form, scans and actions"

get a /visits/
expect_body "回访客户甲$tag"; expect_body "回访客户乙$tag"
get b /visits/
expect_no_body "回访客户甲$tag"; expect_no_body "回访客户乙$tag"
get b /visits/export
expect_status 200
! grep -q "回访客户甲$tag" "$BODY" || fail "another advisor's CSV holds the visit"
get m /visits/export
grep -q "回访客户甲$tag" "$BODY" || fail "the manager's CSV lacks the department's visit"
get k /visits/
expect_body "回访客户甲$tag"; expect_no_body "回访客户乙$tag"
get d "/visits/?department=$vdept"
expect_body "回访客户甲$tag"; expect_body "回访客户乙$tag"
ok "lists and CSV: the visitor and the manager see both, market its own, another advisor none"

req a POST "/visits/$v1/attempt" --data-urlencode "version=$(col "$v1" version)" \
    --data-urlencode how=phone --data-urlencode outcome=no_answer
expect_status 403
req a POST "/visits/$v1/attempt" --data-urlencode "csrf=forged" --data-urlencode "version=$(col "$v1" version)" \
    --data-urlencode how=phone --data-urlencode outcome=no_answer
expect_status 403
[ "$(col "$v1" failed_attempts)" = 0 ] || fail "a POST without CSRF changed the visit"
[ "$(sql "SELECT COUNT(*) FROM visit_attempts WHERE visit_id = $v1")" = 0 ] || fail "an attempt without CSRF"
ok "a POST without (or with a forged) CSRF token is refused"

sql "UPDATE users SET role = 'legal' WHERE id = $vx"
login l "vx$tag" || fail "legal could not sign in"
get l /visits/; expect_status 403 "(legal has no visit_read)"
sql "UPDATE users SET role = 'advisor' WHERE id = $vx"
ok "a role without visit_read gets 403"

# the visits one planned outside one's own list: the "planned" tab
plan a phone "$cp"
vp=$visit
[ "$(col "$vp" visitor_id)" = "$vm" ] || fail "the premium client's visit is not the manager's"
get a /visits/
expect_no_body "优质客户丙$tag"
get a "/visits/?tab=planned"
expect_body "优质客户丙$tag"
get a "/visits/$vp"; expect_status 200
ok "a visit one planned for a premium client (the manager visits) is in the planned tab"

# the search finds a client's visits by a part of its name (the name grams)
post m /clients/new "name=检索用回访客户$tag" tier=normal "department=$vdept" "lead=$va" \
    contact_name=检索 contact_phone=13800000009
expect_status 303
cs=$(cid 检索用回访客户)
plan m phone "$cs"
get m "/visits/?q=$(printf '检索用回访' | od -An -tx1 | tr ' ' '%' | tr -d '\n')"
expect_body "检索用回访客户$tag"; expect_no_body "回访客户甲$tag"
get a "/visits/?q=%E6%A3%80%E7%B4%A2%E7%94%A8"
expect_body "检索用回访客户$tag"
get b "/visits/?q=%E6%A3%80%E7%B4%A2%E7%94%A8"
expect_no_body "检索用回访客户$tag"
ok "a search by a part of the client's name, within the user's list"
