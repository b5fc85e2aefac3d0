#!/usr/bin/env bash
# A manager takes a complaint by phone and registers it: a bad phone number, no
# contact at all and a date in the future are shown at their fields with
# everything typed kept; the good one is stored with its "registered" event and
# audit record, and the tracking number and verification code are shown once.
. "$(dirname "$0")/lib.sh"

login m manager || fail "manager could not sign in"
get m /complaints/new
expect_status 200
expect_body '<h1>登记投诉</h1>'
expect_body 'name="source"'
expect_body '<option value="phone" selected>电话</option>'
ok "the registration form, source preset to phone"
# its hints speak to the staff member taking the complaint, not to the complainant
expect_body '以便联系投诉人'
grep -o 'class="hint"[^<]*' "$BODY" | grep -qF '您' && fail "a hint addresses the complainant: $(grep -o 'class="hint"[^<]*' "$BODY")"
ok "the hints speak to staff"

tag=$$$RANDOM
name="电话投诉人$tag"
client=$(sql "INSERT INTO clients (name, department_id, active, created_at, updated_at) SELECT '登记测试客户$tag', department_id, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM users WHERE login = 'manager'; SELECT LAST_INSERT_ID()")
advisor=$(sql "SELECT id FROM users WHERE login = 'advisor'")
yesterday=$(date -u -d '-1 day' +%F)
future=$(date -u -d '+3 days' +%F)

post m /complaints/new source=phone "name=$name" phone=12345 company=某某商贸有限公司 \
    "description=上个月的增值税申报错了$tag" "happened_on=$yesterday" "client=$client"
expect_status 200
expect_body 'id="e-phone"'
expect_body '请输入有效的手机或座机号码'
expect_body "value=\"$name\""
expect_body 'value="12345"'
expect_body 'value="某某商贸有限公司"'
expect_body "上个月的增值税申报错了$tag"
expect_body "name=\"client\" value=\"$client\""
expect_body "value=\"登记测试客户$tag\""
ok "a bad phone number: message at the phone field, the input kept"

post m /complaints/new source=visit "name=$name" "description=上个月的增值税申报错了$tag"
expect_status 200
expect_body 'id="e-phone"'
expect_body '请填写手机或电子邮箱'
expect_body '<option value="visit" selected>来访</option>'
ok "neither phone nor e-mail: message at the phone field"

post m /complaints/new source=phone "name=$name" phone=13800138000 \
    "description=上个月的增值税申报错了$tag" "happened_on=$future"
expect_status 200
expect_body 'id="e-happened_on"'
expect_body '日期不能晚于今天'
expect_body "value=\"$future\""
ok "a date in the future: message at the date field"

post m /complaints/new source=phone "name=$name" phone=13800138000 email=bad-address \
    "description=x$tag"
expect_body 'id="e-email"'
post m /complaints/new source=fax "name=$name" phone=13800138000 "description=x$tag"
expect_body 'id="e-source"'
post m /complaints/new source=phone "name=$name" phone=13800138000 "description=x$tag" advisor=999999
expect_body 'id="e-advisor"'
[ "$(sql "SELECT COUNT(*) FROM complaints WHERE name = '$name'")" = 0 ] || fail "a bad form wrote a row"
ok "bad e-mail, source and advisor are refused; nothing was written"

post m /complaints/new source=phone "name=$name" phone=138-0013-8000 "email=c$tag@example.test" \
    company=某某商贸有限公司 "description=上个月的增值税申报错了$tag" "happened_on=$yesterday" \
    "client=$client" subject=李顾问 "advisor=$advisor"
expect_status 200
tracking=$(grep -o 'id="created-tracking">[^<]*' "$BODY" | cut -d'>' -f2)
code=$(grep -o 'id="created-code">[^<]*' "$BODY" | cut -d'>' -f2)
[[ $tracking =~ ^TS-[0-9]{8}-[0-9]{4}$ ]] || fail "no tracking number shown: $tracking"
[[ $code =~ ^[A-Z2-9]{8}$ ]] || fail "no verification code shown: $code"
expect_body '验证码只显示这一次'
expect_body "$name"
expect_body '登记测试客户'
ok "registered: tracking number $tracking and the code are shown"

row=$(sql "SELECT id, source, phone, client_id, advisor_id, stage, severity IS NULL, created_by = (SELECT id FROM users WHERE login='manager') FROM complaints WHERE tracking_no = '$tracking'")
read -r id source phone cid aid stage unclassified byme <<<"$row"
[ "$source $cid $aid $stage $unclassified $byme" = "phone $client $advisor registered 1 1" ] || fail "row: $row"
[ "$phone" = 13800138000 ] || fail "phone stored as $phone (typed 138-0013-8000: one normal form)"
ok "the row: source phone, client and advisor linked, registered, unclassified, registrar recorded"

[ "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $id AND kind = 'created' AND visibility = 'internal'")" = 1 ] || fail "no created event"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'complaint.create' AND entity = 'complaint' AND entity_id = $id")" = 1 ] || fail "not audited"
ok "the created event and the audit record"

[ "$(sql "SELECT COUNT(*) FROM complaints WHERE id = $id AND verify_mac LIKE '%$code%'")" = 0 ] || fail "code stored in clear"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%$code%'")" = 0 ] || fail "code in the audit log"
! grep -q "$code" "$VAR/log/nginx-access.log" || fail "code in a URL"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'c$tag@example.test' AND body LIKE '%$tracking%' AND body LIKE '%$code%'")" = 1 ] || fail "no acknowledgement mail"
ok "the code is stored only as a keyed hash, in no log or URL; the complainant got it by mail"

get m "/complaints/$id"
expect_status 200
expect_body "$tracking"
expect_body '受理登记'
expect_body '登记投诉'
expect_no_body "$code"
expect_no_body 'id="created-code"'
ok "the complaint's page shows no code afterwards"

# an advisor may register too; an unclassified complaint is not theirs to
# handle, but they read what they registered (issue 9): the number and code are
# shown once, then the page without a code and without actions
login a advisor || fail "advisor could not sign in"
post a /complaints/new source=email "name=邮件投诉人$tag" "email=m$tag@example.test" "description=邮件投诉$tag"
expect_status 200
expect_body 'id="created-code"'
aid2=$(sql "SELECT id FROM complaints WHERE name = '邮件投诉人$tag'")
get a "/complaints/$aid2"
expect_status 200
expect_no_body 'id="created-code"'
expect_body 'id="access-note"'
expect_no_body "/complaints/$aid2/reply"
ok "an advisor registers an e-mail complaint, sees its number and code once, then reads it without actions"

login p legal || fail "legal could not sign in"
get p /complaints/new
expect_status 403
ok "legal staff cannot register complaints"
