#!/usr/bin/env bash
# A search by ID number (level 3, through the blind index) keeps the number out
# of every URL: the search form is a POST (with its CSRF token), the page it
# answers holds the number in no link, and the web server's access log never
# sees it. A cleared lead still finds the client (page and CSV); a lead without
# clearance 3 and a cleared advisor without a reason find nothing; a name
# search goes on as a GET that can be bookmarked. An ID number typed into the
# address is not searched for, and the page says why.
. "$(dirname "$0")/lib.sh"
G=$ROOT/tools/guwen
export GUWEN_CONFIG=$VAR/guwen.hdf
LOG=$VAR/log/nginx-access.log
idno() { python3 - "$1" <<'PY'
import sys
b=sys.argv[1]; w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
print(b+"10X98765432"[sum(int(c)*x for c,x in zip(b,w))%11])
PY
}
account() { # LOGIN NAME ROLE DEPT CLEARANCE
    [ "$(sql "SELECT COUNT(*) FROM users WHERE login = '$1'")" = 1 ] ||
        echo "$PASSWORD" | "$G" user add "$1" "$2" "$3" "$4" "$5" >/dev/null
}
account adv3 钱顾问 advisor 记账一部 3
account adv3lead 冯顾问 advisor 记账一部 3
tag=$$$RANDOM
id_number=$(idno "31010419790203$(printf '%03d' $(( tag % 1000 )))")
name="隐私查找商贸有限公司$tag"
dept=$(sql "SELECT id FROM departments WHERE name = '记账一部'")
advisor=$(sql "SELECT id FROM users WHERE login = 'advisor'")
lead3=$(sql "SELECT id FROM users WHERE login = 'adv3lead'")
[ -f "$LOG" ] || fail "no access log at $LOG"
from=$(( $(wc -l <"$LOG") + 1 ))

login d director || fail "director could not sign in"
post d /clients/new "name=$name" tier=normal "department=$dept" "lead=$advisor" \
    "legal_rep_id=$id_number" legal_rep_name=周法人 contact_name=吴联系 contact_phone=13922223333
expect_status 303
id=$(location | grep -o '[0-9]*$')
post d "/clients/$id/leads" "user=$lead3"
expect_status 303
ok "a client with an ID number; leads 李顾问 (clearance 2) and 冯顾问 (clearance 3)"

# --- the cleared lead searches through the form ---------------------------------------
login l adv3lead || fail "adv3lead could not sign in"
get l /clients/
grep -q '<form method="post" action="/clients/"' "$BODY" || fail "the search form is not a POST"
post l /clients/ "q=$id_number"
expect_status 200
expect_body "$name"
expect_body "/clients/$id\""
! grep -o '\(href\|action\)="[^"]*"' "$BODY" | grep -qF "$id_number" || fail "a link on the page holds the ID number"
expect_no_body 'rel="next"'
expect_body 'id="export-private"'
post l /clients/export "q=$id_number"
expect_status 200
expect_body "$name"
expect_no_body "$id_number"
post l /clients/ "q=$(printf '%s' "$id_number" | tr X x)"
expect_body "$name"
expect_status 200
ok "the cleared lead finds the client by ID number through a POST: page and CSV, no link holding the number"

# an ID number that also passes the credit code's check digit (GB 32100) is an ID
# number all the same: kept out of the URL, and found
both=310104197902030491
bothname="两可号码商贸有限公司$tag"
post d /clients/new "name=$bothname" tier=normal "department=$dept" "lead=$lead3" \
    "legal_rep_id=$both" legal_rep_name=郑法人 contact_name=孙联系 contact_phone=13922224444
expect_status 303
post l /clients/ "q=$both"
expect_status 200
expect_body "$bothname"
! grep -o '\(href\|action\)="[^"]*"' "$BODY" | grep -qF "$both" || fail "a link holds the number that passes both checks"
ok "an ID number that also passes the credit-code check is searched as an ID number, in no link"

post_raw l /clients/ "q=$id_number"
expect_status 403
expect_no_body "$name"
ok "the search without its CSRF token is refused (403)"

# --- a name search goes on as a GET ----------------------------------------------------
post l /clients/ "q=隐私查找商贸" stale=
expect_status 303
loc=$(location)
case $loc in */clients/\?q=*) ;; *) fail "a name search goes to $loc, not a GET of the list";; esac
get l "${loc#"$BASE"}"
expect_status 200
expect_body "$name"
ok "a name search is sent on as a GET ($loc) and finds the client"

# --- no clearance 3, no reason ------------------------------------------------------------
login a advisor || fail "advisor could not sign in"
post a /clients/ "q=$id_number"
expect_status 200
expect_no_body "$name"
post a /clients/export "q=$id_number"
expect_no_body "$name"
login x adv3 || fail "adv3 could not sign in"
post x /clients/ "q=$id_number"
expect_status 200
expect_no_body "$name"
post x /clients/export "q=$id_number"
expect_no_body "$name"
ok "a lead with clearance 2 and a cleared advisor without a reason find nothing (page and CSV)"

# --- the access log -----------------------------------------------------------------------
new=$(tail -n +"$from" "$LOG")
! printf '%s' "$new" | grep -qF "$both" || fail "the number that passes both checks is in the access log"
grep -q 'POST /clients/ ' <<<"$new" || fail "the access log does not show the searches"
! grep -qiF "$id_number" <<<"$new" || fail "the ID number is in the access log"
! grep -qiF "${id_number:0:17}" <<<"$new" || fail "the ID number's digits are in the access log"
ok "the web server's access log holds the searches but not the ID number"

# --- an ID number typed into the address ----------------------------------------------------
get l "/clients/?q=$id_number"
expect_status 200
expect_no_body "$name"
expect_body '请在搜索框中输入身份证号查找'
get l "/clients/export?q=$id_number"
expect_no_body "$name"
ok "an ID number in the address is not searched for; the page says to use the search box"
