#!/usr/bin/env bash
# The front desk finds a caller's complaint in one step from the lists' search
# box: its tracking number however the caller spells it (lower case, no dashes,
# full-width digits, spaces), the phone number as typed (with or without
# spaces, hyphens, +86), the complainant's name, the company or the client's
# name by their beginning; nothing else comes with it.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
digits=$(printf '%08d' $((RANDOM * 32768 % 100000000 + RANDOM)))
phone="139 ${digits:0:4} ${digits:4:4}"
login d director || fail "director could not sign in"
login m manager || fail "manager could not sign in"
client=$(sql "INSERT INTO clients (name, department_id, active, created_at, updated_at)
              SELECT '问询客户$tag', department_id, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP()
              FROM users WHERE login = 'manager'; SELECT LAST_INSERT_ID()")
post m /complaints/new source=phone "name=来电$tag" "phone=$phone" "company=来电公司$tag" \
    "description=查找测试" "client=$client"
post m /complaints/new source=phone "name=旁人$tag" phone=13800138000 "description=旁人" 
T1=$(sql "SELECT tracking_no FROM complaints WHERE name = '来电$tag'")
T2=$(sql "SELECT tracking_no FROM complaints WHERE name = '旁人$tag'")
[ -n "$T1" ] && [ -n "$T2" ] || fail "register"

# finds Q: the director's list searched for Q has T1 and not T2
finds() {
    get d "/complaints/?tab=all&q=$(printf %s "$1" | jq -sRr @uri)"
    expect_status 200
    grep -qF ">$T1</a>" "$BODY" || fail "q=$1: $T1 not found"
    ! grep -qF ">$T2</a>" "$BODY" || fail "q=$1: $T2 must not be listed"
}
d8=${T1:3:8} n4=${T1:12}
fw=$(printf %s "$d8$n4" | sed 's/0/０/g; s/1/１/g; s/2/２/g; s/3/３/g; s/4/４/g; s/5/５/g; s/6/６/g; s/7/７/g; s/8/８/g; s/9/９/g')
finds "$T1"
finds "ts-$d8-$n4"
finds "ts$d8$n4"
finds "$d8$n4"
finds "TS $d8 $n4"
finds "$fw"
ok "tracking number in any spelling: lower case, no dashes, digits only, spaces, full-width"
finds "139${digits}"
finds "$phone"
finds "139-${digits:0:4}-${digits:4:4}"
finds "+86 139${digits}"
ok "phone number with or without spaces, hyphens, +86"
finds "来电$tag"
finds "来电公司$tag"
finds "问询客户$tag"
ok "complainant's name, company and client's name by their beginning"
get d "/complaints/?tab=all&q=13900000000x"
expect_status 200
! grep -qF ">$T1</a>" "$BODY" || fail "a wrong number found the complaint"
ok "a wrong number finds nothing"
