#!/usr/bin/env bash
# Classifying complaints by DOMAIN.md's rules: a is handled by a department, b is
# a tracked case with an owner, c alerts the director at once (mail and start
# page), d needs an owner at director level; reclassifying needs a reason and is
# in the timeline. Advisors may not classify; staff outside a complaint's lists
# do not learn it exists.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
sql "UPDATE users SET email = CONCAT(login, '@example.test') WHERE login IN ('director', 'manager', 'advisor')"
dept=$(sql "SELECT id FROM departments WHERE name = '记账一部'")
director=$(sql "SELECT id FROM users WHERE login = 'director'")
manager=$(sql "SELECT id FROM users WHERE login = 'manager'")
advisor=$(sql "SELECT id FROM users WHERE login = 'advisor'")

# register JAR NAME — registers a phone complaint, prints its id
register() {
    post "$1" /complaints/new source=phone "name=$2" phone=13800138000 "description=投诉内容 $2"
    sql "SELECT id FROM complaints WHERE name = '$2'"
}

login m manager || fail "manager could not sign in"
login a advisor || fail "advisor could not sign in"
login d director || fail "director could not sign in"
login k market || fail "market could not sign in"

# a: the department handles it — a department is required
ia=$(register m "轻微$tag"); [ -n "$ia" ] || fail "register a"
post m "/complaints/$ia/classify" severity=a
expect_status 200
expect_body 'id="e-department"'
expect_body '此项必填'
expect_body 'name="severity" value="a" checked'
[ "$(sql "SELECT severity IS NULL FROM complaints WHERE id = $ia")" = 1 ] || fail "a stored without department"
post m "/complaints/$ia/classify" severity=a "department=$dept"
expect_status 303
[ "$(sql "SELECT CONCAT(severity, ' ', department_id, ' ', response_due IS NOT NULL, resolution_due IS NOT NULL) FROM complaints WHERE id = $ia")" = "a $dept 11" ] || fail "a not stored"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'complaint.classify' AND entity_id = $ia")" = 1 ] || fail "classify not audited"
get a "/complaints/$ia"
expect_status 200
expect_body 'a 轻微'
ok "a needs a department; with it the department (and its advisor) have the complaint, deadlines set"

# b: a tracked case with an owner
ib=$(register m "一般$tag"); [ -n "$ib" ] || fail "register b"
post m "/complaints/$ib/classify" severity=b
expect_status 200
expect_body 'id="e-owner"'
post m "/complaints/$ib/classify" severity=b "owner=$advisor"
expect_status 303
[ "$(sql "SELECT CONCAT(severity, ' ', owner_id, ' ', department_id) FROM complaints WHERE id = $ib")" = "b $advisor $dept" ] || fail "b not stored with owner and the owner's department"
ok "b needs an owner; the department defaults to the owner's"

# c: immediately, the director alerted by mail and on the start page
ic=$(register m "重大$tag"); [ -n "$ic" ] || fail "register c"
tc=$(sql "SELECT tracking_no FROM complaints WHERE id = $ic")
post m "/complaints/$ic/classify" severity=c "owner=$manager"
expect_status 303
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'director@example.test' AND subject LIKE '%重大投诉%' AND subject LIKE '%$tc%' AND body LIKE '%投诉内容 重大$tag%'")" = 1 ] || fail "no alert mail to the director"
[ "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $ic AND kind = 'alert' AND code = 'alert' AND params LIKE '%周主管%'")" = 1 ] || fail "no alert event"
[ "$(sql "SELECT TIMESTAMPDIFF(HOUR, created_at, resolution_due) FROM complaints WHERE id = $ic")" = 48 ] || fail "c resolution not 48 clock hours"
get d /
expect_status 200
expect_body "【主管提醒】 $tc"
grep -A3 'h-complaints' "$BODY" | grep -qF "$tc" || fail "not under 待处理的投诉"
get d "/complaints/$ic"
expect_body '主管提醒'
ok "c alerts the director: mail queued, alert event, on the director's start page"

get m /
expect_body "$tc"
expect_no_body "【主管提醒】 $tc"
ok "the owner (manager) has it on the start page, without the director's marker"

# d: a special case owned at director level
id_=$(register m "严重$tag"); [ -n "$id_" ] || fail "register d"
post m "/complaints/$id_/classify" severity=d "owner=$advisor"
expect_status 200
expect_body 'id="e-owner"'
expect_body '负责人必须是主管'
expect_body "<option value=\"$advisor\" selected>"
post m "/complaints/$id_/classify" severity=d "owner=$director"
expect_status 303
[ "$(sql "SELECT CONCAT(severity, ' ', owner_id) FROM complaints WHERE id = $id_")" = "d $director" ] || fail "d not stored"
[ "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $id_ AND kind = 'alert'")" = 1 ] || fail "d did not alert"
td=$(sql "SELECT tracking_no FROM complaints WHERE id = $id_")
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE subject LIKE '%严重投诉%' AND subject LIKE '%$td%'")" -ge 1 ] || fail "the d alert's subject does not say 严重"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE subject LIKE '%重大投诉%' AND subject LIKE '%$td%'")" = 0 ] || fail "the d alert's subject says 重大"
ok "d with an advisor as owner is refused at the owner field; with the director it is stored"

# reclassify: a reason is required and lands in the timeline
post m "/complaints/$ib/classify" severity=c "owner=$manager"
expect_status 200
expect_body 'id="e-reason"'
expect_body '此项必填'
post m "/complaints/$ib/classify" severity=c "owner=$manager" "reason=客户已在媒体上投诉$tag"
expect_status 303
get m "/complaints/$ib"
expect_body '重新分级'
expect_body "b 一般 → c 重大"
expect_body "客户已在媒体上投诉$tag"
[ "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $ib AND kind = 'reclassified' AND body LIKE '%客户已在媒体上投诉$tag%'")" = 1 ] || fail "reclassification not recorded"
ok "reclassifying needs a reason; the change and the reason are in the timeline"

# permissions and scope
post a "/complaints/$ia/classify" severity=b "owner=$advisor"
expect_status 403
[ "$(sql "SELECT severity FROM complaints WHERE id = $ia")" = a ] || fail "advisor changed the severity"
ok "an advisor may not classify (403)"

# an attachment (as the public form stores them) is served to those who may see
# the complaint, as a download
stored=$(openssl rand -hex 16)
mkdir -p "$VAR/uploads/${stored:0:2}"
printf '%%PDF-1.4 test %s\n' "$tag" >"$VAR/uploads/${stored:0:2}/$stored"
fid=$(sql "INSERT INTO complaint_files (complaint_id, stored_name, orig_name, ctype, size, created_at) VALUES ($ia, '$stored', '凭证.pdf', 'application/pdf', 20, UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()")
get a "/complaints/$ia"
expect_body "/complaints/$ia/file/$fid\">凭证.pdf</a>"
get a "/complaints/$ia/file/$fid"
expect_status 200
expect_header '^Content-Type: application/pdf'
expect_header "^Content-Disposition: attachment; .*filename\*=UTF-8''%E5%87%AD%E8%AF%81.pdf"
expect_body "%PDF-1.4 test $tag"
get a "/complaints/$ib/file/$fid"
expect_status 404
ok "attachments are listed and served as downloads, only under their own complaint"

for path in "/complaints/$ia" "/complaints/$ia/file/$fid"; do
    get k "$path"
    expect_status 404
done
post k "/complaints/$ia/note" note=看看
expect_status 404
get k /complaints/999999999
expect_status 404
get a "/complaints/$id_"
expect_status 404
get m "/complaints/$id_"  # the manager registered it: read-only (issue 9)
expect_status 200
expect_body 'id="access-note"'
post m "/complaints/$id_/note" note=看看
expect_status 200
[ "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $id_ AND kind = 'note'")" = 0 ] || fail "a read-only note was stored"
get d "/complaints/$id_"
expect_status 200
ok "outside one's lists a complaint answers 404, the same as one that does not exist"

req m POST "/complaints/$ia/classify" --data-urlencode severity=a --data-urlencode "department=$dept"
expect_status 403
ok "a classification without the CSRF token is refused"
