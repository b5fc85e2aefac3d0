#!/usr/bin/env bash
# A director registers a client: wrong USCC and ID check digits, a bad phone and
# e-mail are shown at their fields with everything typed kept; a USCC another
# client has is refused with a link to that client; a post without the CSRF
# token is refused; the good one is stored with its primary contact (phone in
# its normal form), its lead and its "created" history row.
. "$(dirname "$0")/lib.sh"
uscc() { python3 - "$1" <<'PY'
import sys
A="0123456789ABCDEFGHJKLMNPQRTUWXY"; W=[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]
b=sys.argv[1]; c=31-sum(A.index(x)*w for x,w in zip(b,W))%31
print(b+A[0 if c==31 else c])
PY
}
tag=$(printf '%09d' $(( ($$ * 7919 + RANDOM) % 1000000000 )))
good=$(uscc "9135010${tag}A")
bad=${good:0:17}$( [ "${good:17:1}" = 0 ] && echo 1 || echo 0 )
advisor=$(sql "SELECT id FROM users WHERE login = 'advisor'")
name="闽江测试科技有限公司$tag"

login d director || fail "director could not sign in"
get d /clients/new
expect_status 200
expect_body 'name="legal_rep_id"'
ok "the new-client form (the director may fill in the ID number)"

post d /clients/new "name=$name" "uscc=$bad" tier=premium legal_rep_id=11010519491231002Y \
    contact_name=王五 contact_phone=12345 contact_email=not-an-email "lead=$advisor" \
    main_business=软件开发与技术服务
expect_status 200
expect_body 'id="e-uscc"'
expect_body '统一社会信用代码无效'
expect_body 'id="e-legal_rep_id"'
expect_body '身份证号码无效'
expect_body 'id="e-contact_phone"'
expect_body 'id="e-contact_email"'
expect_body "value=\"$name\""
expect_body '软件开发与技术服务'
expect_body 'value="王五"'
[ "$(sql "SELECT COUNT(*) FROM clients WHERE name = '$name'")" = 0 ] || fail "a bad client was stored"
ok "wrong check digits, phone and e-mail: messages at the fields, input kept, nothing stored"

post_raw d /clients/new "name=$name" "uscc=$good" tier=normal
expect_status 403
[ "$(sql "SELECT COUNT(*) FROM clients WHERE name = '$name'")" = 0 ] || fail "stored without CSRF"
ok "no CSRF token: 403, nothing stored"

post d /clients/new "name=$name" "uscc=${good,,}" tier=premium legal_rep_id=11010519491231002x \
    legal_rep_name=王大 contact_name=王五 contact_role=财务经理 "contact_phone=+86 138-0013-8000" \
    contact_email=wang@example.com contact_qq=123456 "lead=$advisor" main_business=软件开发
expect_status 303
id=$(location | grep -o '[0-9]*$')
[ -n "$id" ] || fail "no client id in $(location)"
[ "$(sql "SELECT uscc, tier FROM clients WHERE id = $id")" = "$good	premium" ] || fail "USCC not stored upper-case"
[ "$(sql "SELECT CONCAT(name, '|', phone, '|', is_primary) FROM client_contacts WHERE client_id = $id")" = "王五|13800138000|1" ] || fail "primary contact: $(sql "SELECT name, phone FROM client_contacts WHERE client_id = $id")"
[ "$(sql "SELECT COUNT(*) FROM client_leads WHERE client_id = $id AND user_id = $advisor")" = 1 ] || fail "lead row missing"
[ "$(sql "SELECT kind FROM client_history WHERE client_id = $id")" = created ] || fail "no created history row"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'client.create' AND entity_id = $id")" = 1 ] || fail "not audited"
get d "/clients/$id"
expect_status 200
expect_body "$name"
expect_body '13800138000'
expect_body '11010519491231002X'
expect_body '李顾问'
ok "stored: USCC upper-cased, phone in normal form, primary contact, lead, history, audit"

post d /clients/new "name=另一家公司$tag" "uscc=$good" tier=normal
expect_status 200
expect_body 'id="e-uscc"'
expect_body '该统一社会信用代码已属于另一客户'
expect_body "href=\"/clients/$id\""
expect_body "value=\"另一家公司$tag\""
[ "$(sql "SELECT COUNT(*) FROM clients WHERE uscc = '$good'")" = 1 ] || fail "duplicate USCC stored"
ok "a USCC another client has: refused with a link to that client"
