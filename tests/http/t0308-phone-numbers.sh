#!/usr/bin/env bash
# Phone numbers as people type them — full-width digits, +86 / 0086, spaces,
# dashes, brackets, an extension after 转 or ext. — are taken on the public form
# and on the staff registration form, stored in one normal form, and shown
# grouped ("138 0013 8000 转 123"). Anything else gets a message at the field
# with the rest of the input kept.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
req p POST /portal/complaint -F "token=$(form_token complaint 10)" -F "name=全角$tag" \
    -F 'phone=＋８６ １３８－００１３－８０００ 转 １２３' -F "description=电话写法$tag"
expect_status 200
expect_body 'id="verify-code"'
[ "$(sql "SELECT phone FROM complaints WHERE name = '全角$tag'")" = 13800138000-123 ] \
    || fail "stored as $(sql "SELECT phone FROM complaints WHERE name = '全角$tag'")"
ok "the portal takes full-width digits, +86, dashes and 转 123: stored 13800138000-123"

req p POST /portal/complaint -F "token=$(form_token complaint 10)" -F "name=错号$tag" \
    -F 'phone=138 0013 800' -F "description=少一位$tag"
expect_status 200
expect_body 'id="e-phone"'
expect_body "少一位$tag"
[ "$(sql "SELECT COUNT(*) FROM complaints WHERE name = '错号$tag'")" = 0 ] || fail "stored a wrong number"
ok "a number one digit short: message at the field, the text kept"

login m manager || fail "manager could not sign in"
post m /complaints/new source=phone "name=座机$tag" 'phone=0086 (010) 6234 5678 ext. 9' "description=座机$tag"
expect_status 200
expect_body 'id="created-code"'
id=$(sql "SELECT id FROM complaints WHERE name = '座机$tag'")
[ "$(sql "SELECT phone FROM complaints WHERE id = $id")" = 010-62345678-9 ] || fail "staff form stored $(sql "SELECT phone FROM complaints WHERE id = $id")"
get m "/complaints/$id"
expect_body 'id="c-phone">010-6234 5678 转 9<'
ok "the staff registration form: 0086 (010) 6234 5678 ext. 9 stored 010-62345678-9, shown 010-6234 5678 转 9"

pid=$(sql "SELECT id FROM complaints WHERE name = '全角$tag'")
get m "/complaints/$pid"
expect_body 'id="c-phone">138 0013 8000 转 123<'
sql "UPDATE users SET lang = 'en' WHERE login = 'manager'"
get m "/complaints/$pid"
sql "UPDATE users SET lang = 'zh-CN' WHERE login = 'manager'"
expect_body 'id="c-phone">138 0013 8000 ext. 123<'
ok "shown grouped: 138 0013 8000 转 123 (ext. 123 in English)"

post m /complaints/new source=phone "name=坏号$tag" 'phone=电话 138' "description=坏号$tag"
expect_status 200
expect_body 'id="e-phone"'
expect_body "坏号$tag"
ok "the staff form refuses what is not a number, keeping the rest"
