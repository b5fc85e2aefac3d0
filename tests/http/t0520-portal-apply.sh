#!/usr/bin/env bash
# A prospective client applies on the public form (enterprise, USCC, contact,
# services, business licence) and gets a private link, shown once and mailed;
# only its SHA-256 is stored. Bad input is answered at the field with the rest
# kept (invalid USCC check digit, oversized or wrong-type licence, no service);
# a reused form token stores nothing twice; bots (honeypot, forged or missing
# token) get a page that looks accepted with nothing stored; a post sent too
# fast is stored (marked), never refused. A tampered link shows nothing, and a
# link shows its own application only.
. "$(dirname "$0")/lib.sh"
F=$ROOT/tests/http/files
USCC=91330106MA2B0AB12R          # valid check digit
BAD_USCC=91330106MA2B0AB12A      # same, wrong check digit
tag=$(date +%s%N | tail -c 7)    # rerunnable on the same database
count() { sql "SELECT COUNT(*) FROM applications"; }
apply() { req p POST /portal/apply "$@"; }
link_of() { grep -o 'id="private-link" href="[^"]*' "$BODY" | cut -d'"' -f4 | sed "s#^$BASE##"; }
sql "DELETE FROM rate_counts"

get p /portal/apply
expect_status 200
expect_body 'enctype="multipart/form-data"'
expect_body 'name="website"'
expect_body 'name="uscc"'
for s in 代理记账 财务咨询 财务理账; do expect_body "$s"; done
expect_no_body '<script'
get p /portal/
expect_body '/portal/apply'
ok "the form is public, without JavaScript, with the fixed services and a link from the portal"

before=$(count)
apply -F "token=$(form_token apply 10)" -F company_name=杭州某某贸易有限公司 \
    -F uscc=${USCC,,} -F contact_name=王五 -F contact_phone=13800138000 \
    -F contact_email=wang@example.com -F services=bookkeeping -F services=cleanup \
    -F "licence=@$F/letter.pdf;type=application/pdf"
expect_status 200
expect_body '您已提交入驻申请 请等待工作人员审核确认'
link=$(link_of)
[[ $link =~ ^/portal/apply/s/[0-9a-f]{64}$ ]] || fail "private link: $link"
token=${link##*/}
[ "$(count)" = $((before + 1)) ] || fail "not stored"
hash=$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)
row=$(sql "SELECT company_name, uscc, contact_name, services, status, round FROM applications WHERE link_hash='$hash'")
[ "$row" = "$(printf '杭州某某贸易有限公司\t%s\t王五\tbookkeeping,cleanup\tsubmitted\t1' $USCC)" ] || fail "row: $row"
[ "$(sql "SELECT COUNT(*) FROM applications WHERE link_hash LIKE '%$token%'")" = 0 ] || fail "token stored in clear"
[ "$(sql "SELECT COUNT(*) FROM application_files f JOIN applications a ON a.id=f.application_id WHERE a.link_hash='$hash' AND f.ctype='application/pdf'")" = 1 ] || fail "licence not stored"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr='wang@example.com' AND body LIKE '%$token%'")" = 1 ] || fail "no mail with the link"
ok "applied: the private link shown and mailed, only its hash stored, the licence kept"

get p "$link"
expect_status 200
expect_body '您已提交入驻申请 请等待工作人员审核确认'
expect_body '确定'
expect_body '杭州某某贸易有限公司'
expect_no_body 'id="edit"'
expect_header 'Referrer-Policy: no-referrer'
ok "the status page shows the submitted words with 确定"


# a tampered link (one character changed), a made-up one, not hex
t2=$( [ "${token:0:1}" = a ] && echo b || echo a )${token:1}
for bad in "/portal/apply/s/$t2" "/portal/apply/s/$(openssl rand -hex 32)" "/portal/apply/s/zz$token"; do
    get p "$bad"
    expect_status 404
    expect_body '这个链接无效'
    expect_no_body '杭州某某贸易有限公司'
done
ok "a tampered or made-up link shows nothing (404)"

# validation: messages at the fields, the other input kept, nothing stored
before=$(count)
apply -F "token=$(form_token apply 10)" -F company_name=保留的公司名 -F uscc=$BAD_USCC \
    -F contact_name=王五 -F contact_phone=13800138000 -F "licence=@$F/letter.pdf"
expect_status 200
expect_body 'id="e-uscc"'
expect_body 'id="e-services"'
expect_body '请至少选择一项服务'
expect_body 'value="保留的公司名"'
expect_body 'value="13800138000"'
expect_body '营业执照需要重新选择'
[ "$(count)" = "$before" ] || fail "stored with an invalid USCC"
ok "an invalid USCC check digit and no service: messages at the fields, input kept"

head -c $((5 * 1024 * 1024 + 10)) /dev/zero >"$T/big.pdf"; printf '%%PDF-' | dd of="$T/big.pdf" conv=notrunc 2>/dev/null
apply -F "token=$(form_token apply 10)" -F company_name=大文件公司 -F uscc=$USCC \
    -F contact_name=王五 -F contact_phone=13800138000 -F services=consulting -F "licence=@$T/big.pdf"
expect_status 200
expect_body 'id="e-licence"'
expect_body '5 MB'
printf 'MZ not a pdf at all' >"$T/fake.pdf"
apply -F "token=$(form_token apply 10)" -F company_name=假文件公司 -F uscc=$USCC \
    -F contact_name=王五 -F contact_phone=13800138000 -F services=consulting -F "licence=@$T/fake.pdf;type=application/pdf"
expect_status 200
expect_body '营业执照只能是 PDF、JPG 或 PNG 文件'
printf 'GIF89a\x01\x00\x01\x00\x00\x00\x00;' >"$T/l.gif"
apply -F "token=$(form_token apply 10)" -F company_name=动图公司 -F uscc=$USCC \
    -F contact_name=王五 -F contact_phone=13800138000 -F services=consulting -F "licence=@$T/l.gif"
expect_body '营业执照只能是 PDF、JPG 或 PNG 文件'
apply -F "token=$(form_token apply 10)" -F company_name=无执照公司 -F uscc=$USCC \
    -F contact_name=王五 -F contact_phone=13800138000 -F services=consulting
expect_body '请上传营业执照扫描件'
[ "$(count)" = "$before" ] || fail "stored with a bad licence"
ok "oversized, wrong-type (by content) and missing licence refused at the field"

# the same form token twice (a double click, Back + resubmit): one application
tok=$(form_token apply 10)
send_twice() {
    apply -F "token=$tok" -F company_name=双击公司$tag -F uscc=$USCC -F contact_name=李四 \
        -F contact_phone=13700137000 -F services=consulting -F "licence=@$F/photo.png"
}
send_twice; expect_body '您已提交入驻申请'
send_twice; expect_status 200
expect_body 'id="again"'
expect_no_body 'id="private-link"'
[ "$(sql "SELECT COUNT(*) FROM applications WHERE company_name='双击公司$tag'")" = 1 ] || fail "stored twice"
ok "a reused form token stores one application and says so"

# bots: honeypot, forged token, no token — a page that looks accepted, nothing stored
before=$(count)
apply -F "token=$(form_token apply 10)" -F website=http://spam.example -F company_name=Bot \
    -F uscc=$USCC -F contact_name=Bot -F contact_phone=13600136000 -F services=consulting -F "licence=@$F/photo.png"
expect_body '您已提交入驻申请'
decoy=$(link_of)
apply -F "token=123.abc.$(openssl rand -hex 32)" -F company_name=Bot -F uscc=$USCC \
    -F contact_name=Bot -F contact_phone=13600136000 -F services=consulting -F "licence=@$F/photo.png"
expect_body '您已提交入驻申请'
apply -F company_name=Bot -F uscc=$USCC -F contact_name=Bot -F contact_phone=13600136000 \
    -F services=consulting -F "licence=@$F/photo.png"
expect_body '您已提交入驻申请'
[ "$(count)" = "$before" ] || fail "a bot's post was stored"
get p "$decoy"; expect_status 404
ok "honeypot, forged and missing token: looks accepted, nothing stored, the link leads nowhere"

# too fast for a person: stored (marked for staff), a true answer, no mail
apply -F "token=$(form_token apply 0)" -F company_name=很快的公司$tag -F uscc=$USCC \
    -F contact_name=快手 -F contact_phone=13500135000 -F contact_email=fast@example.com \
    -F services=consulting -F "licence=@$F/photo.png"
expect_body '您已提交入驻申请'
fast=$(link_of); get p "$fast"; expect_status 200; expect_body "很快的公司$tag"
[ "$(sql "SELECT trust, suspect_reason FROM applications WHERE company_name='很快的公司$tag'")" = "$(printf 'suspect\tfast')" ] || fail "not marked"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr='fast@example.com'")" = 0 ] || fail "mailed a suspected post"
ok "a post sent too fast is stored and marked, its link works, no mail"

# an expired form: the form again with everything typed
apply -F "token=$(form_token apply 9000)" -F company_name=过期公司$tag -F uscc=$USCC \
    -F contact_name=老王 -F contact_phone=13400134000 -F services=cleanup -F "licence=@$F/photo.png"
expect_body "value=\"过期公司$tag\""
expect_body 'name="services" value="cleanup" checked'
[ "$(sql "SELECT COUNT(*) FROM applications WHERE company_name='过期公司$tag'")" = 0 ] || fail "expired form stored"
ok "an expired form comes back with everything typed"

# another applicant's link: each shows its own; a form token of one
# application's page does nothing on another's
get p "$fast"; expect_no_body '杭州某某贸易有限公司'
get p "$link"; expect_no_body "很快的公司$tag"
wtok=$(form_token "apply-withdraw-$(sql "SELECT id FROM applications WHERE company_name='很快的公司$tag'")" 10)
sql "UPDATE applications SET status='rejected', reason='测试' WHERE link_hash='$hash'"
req p POST "$link/withdraw" --data-urlencode "token=$wtok"
expect_status 200
[ "$(sql "SELECT status FROM applications WHERE link_hash='$hash'")" = rejected ] || fail "withdrawn with another application's token"
get p "$link"; tokw=$(grep -o 'name="token" value="[^"]*' "$BODY" | cut -d'"' -f4)
req p POST "$link/withdraw" --data-urlencode "token=$tokw"
expect_body '入驻申请已取消'
[ "$(sql "SELECT status FROM applications WHERE link_hash='$hash'")" = withdrawn ] || fail "not withdrawn"
ok "a link shows only its application; 取消 needs that page's own token"

# the English portal: the same pages in English words, the mail too
apply -b gw_lang=en -F "token=$(form_token apply 10)" -F company_name=English测试有限公司$tag \
    -F uscc=$USCC -F contact_name=Li -F contact_phone=13800138000 -F contact_email=en$tag@example.com \
    -F services=consulting -F "licence=@$F/photo.png"
expect_body 'You have submitted your application. Please wait for our staff to review and confirm it.'
en=$(link_of)
get p "$en" -b gw_lang=en
expect_body 'id="ok" href="/portal/">OK</a>'
sql "UPDATE applications SET status='rejected', reason='Wrong name' WHERE company_name='English测试有限公司$tag'"
get p "$en" -b gw_lang=en
expect_body 'Your application was rejected. Please correct it, make sure the information is true and correct, and submit it again.'
expect_body '>Edit</a>'
expect_body '>Withdraw</button>'
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr='en$tag@example.com' AND subject LIKE 'Application submitted%'")" = 1 ] || fail "no English mail"
ok "the English portal says the same in English, and mails in English"
