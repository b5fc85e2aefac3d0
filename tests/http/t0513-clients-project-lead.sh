#!/usr/bin/env bash
# A lead on one of a client's projects has a reason to see the client
# (DOMAIN.md "Client records"): an advisor from another department, cleared for
# level 3, who is no lead of the client cannot open it; once they accept the
# slip of a project for it, they become one of its leads (listed on its page,
# with a history row) and see it in their client list and its page with the ID
# number. Before, only the client's own leads had that reason.
. "$(dirname "$0")/lib.sh"
G=$ROOT/tools/guwen
export GUWEN_CONFIG=$VAR/guwen.hdf
idno() { python3 - "$1" <<'PY'
import sys
b=sys.argv[1]; w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
print(b+"10X98765432"[sum(int(c)*x for c,x in zip(b,w))%11])
PY
}
[ "$(sql "SELECT COUNT(*) FROM users WHERE login = 'adv3p'")" = 1 ] ||
    echo "$PASSWORD" | "$G" user add adv3p 陶顾问 advisor 综合部 3 >/dev/null
tag=$$$RANDOM
id_number=$(idno "44030519850607$(printf '%03d' $(( tag % 1000 )))")
name="项目负责人客户$tag"
dept=$(sql "SELECT id FROM departments WHERE name = '记账一部'")
other=$(sql "SELECT id FROM departments WHERE name = '综合部'")
advisor=$(sql "SELECT id FROM users WHERE login = 'advisor'")
adv3p=$(sql "SELECT id FROM users WHERE login = 'adv3p'")

login d director || fail "director could not sign in"
post d /clients/new "name=$name" tier=normal "department=$dept" "lead=$advisor" \
    "legal_rep_id=$id_number" legal_rep_name=陶法人 contact_name=马联系 contact_phone=13955556666
expect_status 303
id=$(location | grep -o '[0-9]*$')
login p adv3p || fail "adv3p could not sign in"
get p "/clients/$id"
expect_status 404
ok "a cleared advisor of another department, no lead of the client: 404"

login m market || fail "market could not sign in"
post m /projects/new "client=$id" type=2 "department=$other" "advisor=$adv3p" fee=2000 \
    "fee_purpose=咨询费$tag" fee_due=2099-12-31 slip_on=2026-11-02
expect_status 303
pid=$(sql "SELECT id FROM projects WHERE client_id = $id")
post p "/projects/$pid/accept" "version=$(sql "SELECT version FROM projects WHERE id = $pid")"
expect_status 303
[ "$(sql "SELECT lead_id FROM projects WHERE id = $pid")" = "$adv3p" ] || fail "the slip was not accepted"
[ "$(sql "SELECT COUNT(*) FROM client_leads WHERE client_id = $id AND user_id = $adv3p")" = 1 ] ||
    fail "the project's lead is not a lead of the client"
ok "adv3p accepts the slip of project #$pid for the client and becomes one of its leads"

get p "/clients/$id"
expect_status 200
expect_body "$id_number"
sed -n '/id="leads"/,/<\/section>/p' "$BODY" | grep -qF '陶顾问' || fail "the page does not list 陶顾问 as a lead"
expect_body "+ 陶顾问 (#$pid)"
get p "/clients/?q=项目负责人客户"
expect_body "$name"
ok "the project's lead sees the client in their list and its page with the ID number; the history says why"
sql "UPDATE clients SET active = 0 WHERE id = $id"
