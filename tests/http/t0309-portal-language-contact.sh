#!/usr/bin/env bash
# The portal speaks the visitor's language: on a first visit the browser's
# Accept-Language, then the visitor's own choice from the 中文 / English switch
# (remembered in a cookie). Every portal page shows the centre's phone number
# and office hours, which the admin edits in the settings (both languages);
# pages kept rendered for anonymous visitors show a change at once.
. "$(dirname "$0")/lib.sh"

lang_of() { grep -o '<html lang="[^"]*"' "$BODY" | cut -d'"' -f2; }
for al in 'en-US,en;q=0.9' 'fr-FR, en;q=0.5' 'zh-TW;q=0.4, en-GB;q=0.8' 'EN'; do
    get v /portal/complaint -H "Accept-Language: $al"
    [ "$(lang_of)" = en ] || fail "Accept-Language $al gave $(lang_of)"
    expect_body 'Send complaint'
done
for al in 'zh-CN,zh;q=0.9,en;q=0.8' 'de-DE' '' 'english' 'en;q=0.3, zh;q=0.7'; do
    get v /portal/complaint -H "Accept-Language: $al"
    [ "$(lang_of)" = zh-CN ] || fail "Accept-Language \"$al\" gave $(lang_of)"
done
ok "a first visit follows Accept-Language (by q), Chinese otherwise"

get v /portal/complaint -H 'Accept-Language: zh-CN'
expect_body 'id="lang-en"'
expect_body '/portal/lang?to=en&amp;next=%2Fcomplaint'
get v '/portal/lang?to=en&next=/complaint/status'
expect_status 303
[ "$(location)" = /portal/complaint/status ] || fail "back to $(location)"
expect_header 'Set-Cookie: gw_lang=en'
get v /portal/complaint/status -H 'Accept-Language: zh-CN'
[ "$(lang_of)" = en ] || fail "the choice was not remembered over Accept-Language"
expect_body 'id="lang-zh"'
get v '/portal/lang?to=zh-CN&next=/'
get v /portal/ -H 'Accept-Language: en'
[ "$(lang_of)" = zh-CN ] || fail "switching back"
ok "the switch sets the language, remembered over the browser's"

for next in '//evil.example/x' 'https://evil.example/' '/complaint?x=1' '/%2Fevil' '/complaintx'; do
    get w "/portal/lang?to=en&next=$next"
    [ "$(location)" = /portal/ ] || fail "next=$next led to $(location)"
done
for next in /complaint/answer /complaint/rate; do
    get w "/portal/lang?to=en&next=$next"
    [ "$(location)" = /portal/complaint/status ] || fail "after a posted form, next=$next led to $(location)"
done
get w '/portal/lang?to=fr&next=/'
expect_status 400
ok "the switch leads only to portal pages; an unknown language is refused"

login admin admin || fail "admin could not sign in"
post admin /admin/settings centre_name=财税顾问中心 contact_days=30 summary_weekday=1 \
    complaint_a_response=1 complaint_a_resolution=5 complaint_b_response=1 complaint_b_resolution=10 \
    complaint_c_response=4 complaint_c_resolution=48 complaint_d_response=2 complaint_d_resolution=72 \
    complaint_warn_hours=24 complaint_director_after_hours=24 \
    'centre_phone=电话 010' office_hours_zh=周一至周五 office_hours_en=Weekdays
expect_status 200
expect_body 'id="e-centre_phone"'
expect_body 'value="周一至周五"'
ok "a phone that is not a number: message at the field, the rest kept"

save() {
    post admin /admin/settings centre_name=财税顾问中心 contact_days=30 summary_weekday=1 \
        complaint_a_response=1 complaint_a_resolution=5 complaint_b_response=1 complaint_b_resolution=10 \
        complaint_c_response=4 complaint_c_resolution=48 complaint_d_response=2 complaint_d_resolution=72 \
        complaint_warn_hours=24 complaint_director_after_hours=24 "$@"
    expect_status 303
}
tag=$RANDOM
save 'centre_phone=（０１０）６２３４ ５６７８ 转 ８' "office_hours_zh=周一至周五 9:00–17:30 $tag" \
    "office_hours_en=Mon–Fri 9:00–17:30 $tag"
[ "$(sql "SELECT value FROM settings WHERE name = 'centre_phone'")" = 010-62345678-8 ] || fail "phone not stored in its normal form"
sleep 1.2
# every page, both processes (GUWEN_PROCS), the kept anonymous form page too
for path in / /complaint /complaint/status /complaint/status /complaint /no-such-page; do
    get z "/portal$path" -H 'Accept-Language: zh-CN'
    expect_body 'id="centre-phone">010-6234 5678 转 8<'
    expect_body "办公时间: 周一至周五 9:00–17:30 $tag"
    expect_body 'href="tel:010-62345678-8"'
    get e "/portal$path" -H 'Accept-Language: en'
    expect_body 'id="centre-phone">010-6234 5678 ext. 8<'
    expect_body "Office hours: Mon–Fri 9:00–17:30 $tag"
done
ok "every portal page shows the phone (grouped) and the hours in the reader's language"

save 'centre_phone=400 800 1234' "office_hours_zh=周末休息 $tag" "office_hours_en=Closed at weekends $tag"
sleep 1.2
for i in 1 2 3 4; do
    get z /portal/complaint -H 'Accept-Language: zh-CN'
    expect_body 'id="centre-phone">400-800-1234<'
    expect_body "周末休息 $tag"
    expect_no_body "周一至周五 9:00–17:30 $tag"
done
ok "a change shows on the kept form page too (no stale copy)"
get admin /complaints/
expect_no_body 'id="centre-contact"'
ok "staff pages do not carry the public contact line"
