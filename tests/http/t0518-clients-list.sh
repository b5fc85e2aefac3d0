#!/usr/bin/env bash
# The client list: a Chinese substring of the name finds it (not only a
# prefix), as do its USCC, its contact's phone typed with spaces, its contact's
# name and its lead's name; filters by tier, department, lead, industry and
# "not contacted in N days"; sorting by name both ways; the CSV holds the same
# rows with basic information only. An advisor's list holds only their clients.
. "$(dirname "$0")/lib.sh"
uscc() { python3 - "$1" <<'PY'
import sys
A="0123456789ABCDEFGHJKLMNPQRTUWXY"; W=[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]
b=sys.argv[1]; c=31-sum(A.index(x)*w for x,w in zip(b,W))%31
print(b+A[0 if c==31 else c])
PY
}
tag=$(printf '%06d' $(( ($$ * 31 + RANDOM) % 1000000 )))
code=$(uscc "913501000${tag}AB")
dept=$(sql "SELECT id FROM departments WHERE name = '记账一部'")
advisor=$(sql "SELECT id FROM users WHERE login = 'advisor'")
phone="1370$(printf '%07d' $((10#$tag)))"
login d director || fail "director could not sign in"
post d /clients/new "name=榕城鼓楼区星河$tag餐饮管理有限公司" "uscc=$code" tier=premium \
    industry=餐饮$tag "department=$dept" "lead=$advisor" "contact_name=郑联系$tag" "contact_phone=$phone"
expect_status 303
id=$(location | grep -o '[0-9]*$')
post d /clients/new "name=榕城鼓楼区星河$tag贸易有限公司" tier=normal industry=餐饮$tag
expect_status 303
id2=$(location | grep -o '[0-9]*$')
sql "UPDATE clients SET last_contact_on = UTC_DATE() WHERE id = $id2"
row() { grep -c "href=\"/clients/$1\"" "$BODY" || true; }

get d "/clients/?q=星河$tag餐饮"
expect_status 200
[ "$(row $id)" = 1 ] && [ "$(row $id2)" = 0 ] || fail "substring search"
get d "/clients/?q=河$tag"
[ "$(row $id)" = 1 ] && [ "$(row $id2)" = 1 ] || fail "two-character substring search"
ok "a Chinese substring in the middle of the name finds the client"

for q in "$code" "${code,,}" "${phone:0:3} ${phone:3:4} ${phone:7}" "郑联系$tag"; do
    get d "/clients/?q=$(printf '%s' "$q" | jq -sRr @uri)"
    [ "$(row $id)" = 1 ] || fail "search '$q' did not find the client"
done
ok "USCC (any case), the contact's phone with spaces and the contact's name find it"

get d "/clients/?industry=餐饮$tag&tier=premium"
[ "$(row $id)" = 1 ] && [ "$(row $id2)" = 0 ] || fail "tier filter"
get d "/clients/?industry=餐饮$tag&dept=$dept&lead=$advisor"
[ "$(row $id)" = 1 ] && [ "$(row $id2)" = 0 ] || fail "department and lead filters"
get d "/clients/?industry=餐饮$tag&stale=1"
[ "$(row $id)" = 1 ] && [ "$(row $id2)" = 0 ] || fail "not-contacted filter"
expect_body '30 天'
ok "filters: tier, department, lead, industry, not contacted in 30 days"

last=$(sql "SELECT id FROM clients WHERE industry = '餐饮$tag' ORDER BY name DESC LIMIT 1")
firstid=$(sql "SELECT id FROM clients WHERE industry = '餐饮$tag' ORDER BY name LIMIT 1")
[ "$last" != "$firstid" ] || fail "test data"
get d "/clients/?industry=餐饮$tag&sort=name&dir=desc"
first=$(grep -o 'href="/clients/[0-9][0-9]*"' "$BODY" | sed -n 1p)
[ "$first" = "href=\"/clients/$last\"" ] || fail "descending name sort: $first"
get d "/clients/?industry=餐饮$tag&sort=name&dir=asc"
first=$(grep -o 'href="/clients/[0-9][0-9]*"' "$BODY" | sed -n 1p)
[ "$first" = "href=\"/clients/$firstid\"" ] || fail "ascending name sort: $first"
ok "sorted by name both ways"

get d "/clients/export?industry=餐饮$tag"
expect_status 200
expect_header 'text/csv'
expect_body "榕城鼓楼区星河$tag餐饮管理有限公司,$code,餐饮$tag,优质"
[ "$(grep -c "星河$tag" "$BODY")" = 2 ] || fail "CSV rows"
expect_no_body '进出口'
ok "CSV: the same rows, basic columns"

login a advisor || fail "advisor could not sign in"
get a "/clients/?q=星河$tag"
[ "$(row $id)" = 1 ] && [ "$(row $id2)" = 0 ] || fail "advisor sees a client they do not lead"
ok "an advisor's list holds only the clients they lead"
