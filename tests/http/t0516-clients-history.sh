#!/usr/bin/env bash
# A client record changes: an edit without a reason is refused at the field;
# with one, the history shows who, when, why and the old and new value; the
# ID number's change is sealed in the history and shown to the cleared only;
# a second edit from the same old form is refused; verified (数据核验) and
# last contact are recorded (not in the future); a second contact becomes the
# primary one; a complaint about the client sets its last contact and links to
# the client page, which links back.
. "$(dirname "$0")/lib.sh"
tag=$$$RANDOM
dept=$(sql "SELECT id FROM departments WHERE name = '记账一部'")
advisor=$(sql "SELECT id FROM users WHERE login = 'advisor'")
login d director || fail "director could not sign in"
post d /clients/new "name=变更测试有限公司$tag" tier=normal "department=$dept" "lead=$advisor" \
    industry=贸易 legal_rep_id=11010519491231002X contact_name=周一 contact_phone=13800000001
expect_status 303
id=$(location | grep -o '[0-9]*$')
v=$(sql "SELECT version FROM clients WHERE id = $id")

post d "/clients/$id/edit" "name=变更测试有限公司$tag" tier=premium industry=科技 "department=$dept" \
    "lead=$advisor" legal_rep_id=11010519491231002X "version=$v"
expect_status 200
expect_body 'id="e-reason"'
expect_body 'value="科技"'
[ "$(sql "SELECT industry FROM clients WHERE id = $id")" = 贸易 ] || fail "changed without a reason"
ok "an edit without a reason: refused at the field, input kept"

post d "/clients/$id/edit" "name=变更测试有限公司$tag" tier=premium industry=科技 "department=$dept" \
    "lead=$advisor" legal_rep_id=110105194912310038 "version=$v" "reason=客户电话告知行业变更$tag"
expect_status 303
[ "$(sql "SELECT CONCAT(industry, tier) FROM clients WHERE id = $id")" = 科技premium ] || fail "not saved"
get d "/clients/$id"
expect_body "客户电话告知行业变更$tag"
expect_body '<del>贸易</del>'
expect_body '<ins>科技</ins>'
expect_body '<del>11010519491231002X</del>'
expect_body '<ins>110105194912310038</ins>'
expect_body '周主管'
[ "$(sql "SELECT COUNT(*) FROM client_history_fields f JOIN client_history h ON h.id = f.history_id WHERE h.client_id = $id AND f.field = 'legal_rep_id' AND f.sealed = 1 AND LOCATE('110105', f.old_value) = 0")" = 1 ] || fail "the ID number's old value is not sealed"
ok "with a reason: saved; the history shows who, why, old and new (the ID number sealed)"

post d "/clients/$id/edit" "name=变更测试有限公司$tag" tier=normal "department=$dept" "version=$v" "reason=旧表单"
expect_status 200
expect_body 'id="conflict"'
[ "$(sql "SELECT tier FROM clients WHERE id = $id")" = premium ] || fail "a stale form overwrote the record"
ok "a second edit from the same old form is refused"

v=$(sql "SELECT version FROM clients WHERE id = $id")
post d "/clients/$id/edit" "name=变更测试有限公司$tag" tier=premium industry=科技 "department=$dept" \
    "lead=$advisor" legal_rep_id=11010519491231002X "version=$v" "reason=证件号码更正$tag"
expect_status 303
get d "/clients/$id"
expect_body "证件号码更正$tag"
login a advisor || fail "advisor could not sign in"
get a "/clients/$id"
expect_body '<ins>科技</ins>'
expect_no_body '110105194912310038'
expect_no_body 'legal_rep_id'
expect_no_body '法定代表人身份证号'
expect_no_body "证件号码更正$tag"
ok "the level-2 lead sees the history without the ID number's change, nor an edit of only the ID number"

future=$(date -u -d '+2 days' +%F)
post a "/clients/$id/contacted" "contacted_on=$future" contacted_note=电话
expect_status 200
expect_body 'id="e-contacted_on"'
yesterday=$(date -u -d '-1 day' +%F)
post a "/clients/$id/contacted" "contacted_on=$yesterday" contacted_note=电话回访
expect_status 303
[ "$(sql "SELECT last_contact_on FROM clients WHERE id = $id")" = "$yesterday" ] || fail "last contact not set"
ok "last contact set by hand (not in the future)"

post d "/clients/$id/verify" note=
expect_status 200
expect_body 'id="e-note"'
post d "/clients/$id/verify" "note=与客户核对了营业执照"
expect_status 303
get d "/clients/$id"
expect_body 'id="verified"'
expect_body '已核验'
expect_body '与客户核对了营业执照'
ok "verified (数据核验) with date and who"

post d "/clients/$id/contacts" name=吴二 phone=138-0000-0002 primary=1 qq=12
expect_status 200
expect_body 'id="e-qq"'
post d "/clients/$id/contacts" name=吴二 "phone=138 0000 0002" primary=1 wechat=wu2
expect_status 303
[ "$(sql "SELECT CONCAT(contact_name, contact_phone) FROM clients WHERE id = $id")" = 吴二13800000002 ] || fail "primary not copied"
[ "$(sql "SELECT SUM(is_primary) FROM client_contacts WHERE client_id = $id")" = 1 ] || fail "not one primary"
ok "a second contact made primary: one primary, shown in the list"

login m manager || fail "manager could not sign in"
get m /complaints/new
keep_csrf m
post m /complaints/new source=phone name=吴二 phone=13800000002 "client=$id" "description=账务问题$tag"
expect_status 200
today=$(TZ=Asia/Shanghai date +%F)
[ "$(sql "SELECT last_contact_on FROM clients WHERE id = $id")" = "$today" ] || fail "a complaint did not set the last contact"
cid=$(sql "SELECT id FROM complaints WHERE description = '账务问题$tag'")
get m "/complaints/$cid"
expect_body "href=\"/clients/$id\""
get m "/clients/$id"
expect_body "href=\"/complaints/?tab=all&amp;client=$id\""
ok "a complaint sets the last contact; complaint and client pages link to each other"
