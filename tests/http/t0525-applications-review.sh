#!/usr/bin/env bash
# Staff review onboarding applications: market, managers and directors may
# (the roles table), nobody else; every POST needs the session's CSRF token.
# A new application is on the reviewers' start page and in the queue (filtered
# by status and age); a rejection needs a reason, which the applicant sees with
# the exact words; the applicant's edit is a new round and the reviewer sees
# what changed; approval creates the client from the application (the applicant
# its primary contact), or links to the client with the same USCC; audited.
. "$(dirname "$0")/lib.sh"
F=$ROOT/tests/http/files
# a valid USCC of this run (GB 32100-2015 check digit), so reruns on the same
# database create their own client
uscc() {
    local a=0123456789ABCDEFGHJKLMNPQRTUWXY w=(1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28)
    local b="91110108MA$(printf '%07d' $((RANDOM * 32768 + RANDOM)) | tail -c 7)" sum=0 i c
    for ((i = 0; i < 17; i++)); do c=${b:i:1}; c=${a%%"$c"*}; sum=$((sum + ${#c} * w[i])); done
    echo "$b${a:$(((31 - sum % 31) % 31)):1}"
}
USCC=$(uscc) USCC2=$(uscc)
sql "DELETE FROM rate_counts"
# the start page shows the ten oldest waiting: earlier runs' leftovers withdrawn
sql "UPDATE applications SET status = 'withdrawn' WHERE status = 'submitted'"
link_of() { grep -o 'id="private-link" href="[^"]*' "$BODY" | cut -d'"' -f4 | sed "s#^$BASE##"; }
apply() { # company contact phone [uscc]
    req p POST /portal/apply -F "token=$(form_token apply 10)" -F "company_name=$1" \
        -F "uscc=${4:-$USCC}" -F "contact_name=$2" -F "contact_phone=$3" \
        -F contact_email=apply@example.com -F services=bookkeeping -F "licence=@$F/photo.png"
    expect_body '您已提交入驻申请'
}
status_of() { sql "SELECT status FROM applications WHERE id=$1"; }
sql "DELETE FROM client_contacts WHERE client_id IN (SELECT id FROM clients WHERE uscc='$USCC')" 2>/dev/null || true

apply 北京审核测试有限公司 张三 13800138000
link=$(link_of)
id=$(sql "SELECT MAX(id) FROM applications")

# the permission matrix of the queue, an application, its file and the actions
fid=$(sql "SELECT id FROM application_files WHERE application_id=$id")
for u in market manager director advisor legal project admin; do
    login $u $u || fail "login $u"
    want=403; case $u in market|manager|director) want=200;; esac
    get $u /applications/; expect_status $want "($u, queue)"
    get $u /applications/$id; expect_status $want "($u, application)"
    get $u /applications/$id/file/$fid; expect_status $want "($u, licence)"
    if [ $want = 403 ]; then
        post $u /applications/$id/approve; expect_status 403 "($u, approve)"
        post $u /applications/$id/reject reason=x; expect_status 403 "($u, reject)"
        get $u /; expect_no_body "/applications/$id\""
    else
        get $u /; expect_body "/applications/$id\""
    fi
    [ $u = market ] || post $u /login/logout   # leave no sessions behind for other tests
done
get anon /applications/; expect_status 303
[ "$(status_of $id)" = submitted ] || fail "changed by someone without the permission"
ok "market, managers and directors review (queue, page, licence, start page); others 403"

login m market
get m /applications/$id/file/$fid
expect_header 'Content-Disposition: attachment'
cmp -s "$BODY" "$F/photo.png" || fail "licence download differs"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action='application.file' AND entity_id=$id")" -ge 1 ] || fail "download not audited"
ok "the licence scan downloads as an attachment, audited"

# the queue: filters by status and age
get m "/applications/?status=submitted"; expect_body '北京审核测试有限公司'
get m "/applications/?status=rejected"; expect_no_body '北京审核测试有限公司'
get m "/applications/?age=7"; expect_no_body '北京审核测试有限公司'
sql "UPDATE applications SET submitted_at = submitted_at - INTERVAL 8 DAY WHERE id=$id"
get m "/applications/?age=7"; expect_body '北京审核测试有限公司'
sql "UPDATE applications SET submitted_at = submitted_at + INTERVAL 8 DAY WHERE id=$id"
sql "UPDATE applications SET trust='suspect', suspect_reason='fast' WHERE id=$id"
get m "/applications/?trust=suspect"; expect_body '北京审核测试有限公司'; expect_body '待核实'
sql "UPDATE applications SET trust='normal', suspect_reason=NULL WHERE id=$id"
get m "/applications/?trust=suspect"; expect_no_body '北京审核测试有限公司'
ok "the queue filters by status, by age and to the suspected (待核实)"

# CSRF: a POST without the session's token changes nothing
get m /applications/$id; keep_csrf m
post_raw m /applications/$id/reject reason=无令牌
expect_status 403
post_raw m /applications/$id/approve
expect_status 403
[ "$(status_of $id)" = submitted ] || fail "changed without CSRF"
ok "approve and reject without the CSRF token: 403, nothing changed"

# reject: a reason is required, and the applicant sees it (escaped)
post m /applications/$id/reject reason=
expect_status 200
expect_body 'id="e-reason"'
[ "$(status_of $id)" = submitted ] || fail "rejected without a reason"
post m /applications/$id/reject 'reason=<b>企业名称</b>与营业执照不一致'
expect_status 303
[ "$(status_of $id)" = rejected ] || fail "not rejected"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action='application.reject' AND entity_id=$id")" = 1 ] || fail "reject not audited"
get p "$link"
expect_body '入驻申请被驳回 请重新修改申请资料,确认资料真实正确后提交'
expect_body '&lt;b&gt;企业名称&lt;/b&gt;与营业执照不一致'
expect_body 'id="edit"'
expect_body 'id="withdraw"'
post m /applications/$id/approve
[ "$(status_of $id)" = rejected ] || fail "a rejected application was approved"
ok "reject needs a reason; the applicant sees the words and the reason with 修改 / 取消"

# the applicant edits and resubmits: round 2; staff see what changed
get p "$link/edit"
expect_body 'value="北京审核测试有限公司"'
tok=$(grep -o 'name="token" value="[^"]*' "$BODY" | cut -d'"' -f4)
req p POST "$link/edit" -F "token=$tok" -F company_name=北京审核测试科技有限公司 -F uscc=$USCC \
    -F contact_name=张三 -F contact_phone=13800138000 -F contact_email=apply@example.com \
    -F services=bookkeeping -F services=consulting
expect_body '您已提交入驻申请 请等待工作人员审核确认'
req p POST "$link/edit" -F "token=$tok" -F company_name=又改了 -F uscc=$USCC \
    -F contact_name=张三 -F contact_phone=13800138000 -F services=bookkeeping
[ "$(sql "SELECT COUNT(*) FROM application_rounds WHERE application_id=$id")" = 2 ] || fail "rounds"
[ "$(sql "SELECT company_name FROM applications WHERE id=$id")" = 北京审核测试科技有限公司 ] || fail "edited twice"
get m /applications/$id
expect_body 'id="diff-company_name"'
expect_body '<del>北京审核测试有限公司</del>'
expect_body '<ins>北京审核测试科技有限公司</ins>'
expect_body 'id="diff-services"'
expect_no_body 'id="diff-uscc"'
expect_no_body 'id="diff-licence_file_id"'
expect_body 'id="round-1"'
expect_body '&lt;b&gt;企业名称&lt;/b&gt;'
ok "the resubmission is round 2 (once), both kept; the reviewer sees the changed fields only"

# approve: the client from the application, the applicant its primary contact
before=$(sql "SELECT COUNT(*) FROM clients")
post m /applications/$id/approve
expect_status 303
[ "$(status_of $id)" = approved ] || fail "not approved"
cid=$(sql "SELECT client_id FROM applications WHERE id=$id")
[ "$(sql "SELECT name, uscc, application_id FROM clients WHERE id=$cid")" = "$(printf '北京审核测试科技有限公司\t%s\t%s' $USCC $id)" ] || fail "client row"
[ "$(sql "SELECT name, phone, email, is_primary FROM client_contacts WHERE client_id=$cid")" = "$(printf '张三\t13800138000\tapply@example.com\t1')" ] || fail "primary contact"
[ "$(sql "SELECT COUNT(*) FROM clients")" = $((before + 1)) ] || fail "clients count"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action='application.approve' AND entity_id=$id")" = 1 ] || fail "approve not audited"
get m /applications/$id; expect_body 'id="client-link"'
get m /clients/$cid; expect_status 200; expect_body '张三'
get p "$link"; expect_body '入驻申请已通过'; expect_no_body 'id="edit"'
ok "approved: client $cid created from the application, the applicant its primary contact, in the reviewer's lists"

# a second application with the same USCC links to that client
apply 同码另一家 李四 13900139000
id2=$(sql "SELECT MAX(id) FROM applications")
get m /applications/$id2; keep_csrf m
post m /applications/$id2/approve
expect_status 303
[ "$(sql "SELECT client_id FROM applications WHERE id=$id2")" = "$cid" ] || fail "not linked"
[ "$(sql "SELECT COUNT(*) FROM clients WHERE uscc='$USCC'")" = 1 ] || fail "a second client"
get m /applications/$id2; expect_body '已有客户档案'
ok "a USCC already on file links to that client, no second one"

# two reviewers at once: the second finds it decided
apply 并发测试公司 王二 13600136000 $USCC2
id3=$(sql "SELECT MAX(id) FROM applications")
login d director; get d /applications/$id3; keep_csrf d
get m /applications/$id3; keep_csrf m
post d /applications/$id3/reject reason=资料不全
post m /applications/$id3/approve
get m /applications/$id3; expect_body '这份申请已由他人审核过'
[ "$(status_of $id3)" = rejected ] || fail "decided twice"
ok "a second reviewer's decision on a decided application changes nothing"
