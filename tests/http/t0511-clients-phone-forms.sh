#!/usr/bin/env bash
# A client's phone numbers are kept in the same forgiving normal form as the
# complaints' (gw_phone_normalize): a mobile with an extension keeps it
# (13800138000-123, not 13800138000123), and the client list finds a contact
# however the number is typed — with +86 or 0086, full-width digits, brackets
# round the area code. Before, the clients' own normal form only took spaces,
# dashes and +86.
. "$(dirname "$0")/lib.sh"
tag=$$$RANDOM
name="电话格式客户$tag"
n7=$(printf '%07d' $(( 10#$tag % 10000000 )))
mobile="1391$n7"
land="0571-8$(printf '%06d' $(( 10#$tag % 1000000 )))"
dept=$(sql "SELECT id FROM departments WHERE name = '记账一部'")

login d director || fail "director could not sign in"
post d /clients/new "name=$name" tier=normal "department=$dept" "contact_name=冯联系$tag" \
    "contact_phone=${mobile:0:3} ${mobile:3:4} ${mobile:7} 转 123"
expect_status 303
id=$(location | grep -o '[0-9]*$')
[ "$(sql "SELECT contact_phone FROM clients WHERE id = $id")" = "$mobile-123" ] ||
    fail "the mobile's extension is lost: $(sql "SELECT contact_phone FROM clients WHERE id = $id")"
post d "/clients/$id/contacts" "name=褚会计$tag" "phone=(${land:0:4}) ${land:5}"
expect_status 303
[ "$(sql "SELECT phone FROM client_contacts WHERE client_id = $id AND name = '褚会计$tag'")" = "$land" ] ||
    fail "the landline is not in its normal form"
ok "stored as complaints store them: $mobile-123 and $land"

fw=$(python3 -c "import sys; print(''.join(chr(ord(c)+0xFEE0) if c.isdigit() else c for c in sys.argv[1]))" "$mobile")
for q in "+86 ${mobile:0:3}-${mobile:3:4}-${mobile:7}" "0086 $mobile" "$fw" "(${land:0:4})${land:5}" "+86 ${land:1:3} ${land:5}"; do
    get d "/clients/?q=$(printf '%s' "$q" | jq -sRr @uri)"
    expect_status 200
    expect_body "$name"
done
ok "the list finds the client by its contacts' numbers typed with +86, 0086, full-width digits, brackets"
sql "UPDATE clients SET active = 0 WHERE id = $id"
