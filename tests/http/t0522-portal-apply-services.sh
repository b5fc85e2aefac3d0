#!/usr/bin/env bash
# The services an applicant may ask for are the centre's project types (issue
# 10: "from the project types when they exist"): a type the admin adds is on the
# public form at once, in the applicant's language; the choice is stored as the
# type's code and named by the type on the applicant's status page and in the
# staff's view, also after the type is retired. A code that is no type is left
# out (none left: the message at the field). Before, the form offered a fixed
# list of three.
. "$(dirname "$0")/lib.sh"
F=$ROOT/tests/http/files
tag=$(date +%s%N | tail -c 7)
code="taxplan$tag"
uscc=$(python3 - <<'PY'
import random
A='0123456789ABCDEFGHJKLMNPQRTUWXY'; W=[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]
b='91330106MA'+''.join(random.choice(A) for _ in range(7))
print(b+A[(31-sum(A.index(c)*w for c,w in zip(b,W))%31)%31])
PY
)
apply() { req p POST /portal/apply "$@"; }
link_of() { grep -o 'id="private-link" href="[^"]*' "$BODY" | cut -d'"' -f4 | sed "s#^$BASE##"; }
sql "DELETE FROM rate_counts;
     INSERT INTO project_types (code, name_zh, name_en, monthly, active) VALUES ('$code', '税务筹划$tag', 'Tax planning $tag', 0, 1)"

get p /portal/apply
expect_status 200
expect_body "name=\"services\" value=\"$code\""
expect_body "税务筹划$tag"
for s in 代理记账 财务咨询 财务理账; do expect_body "$s"; done
get e /portal/apply -H 'Accept-Language: en'
expect_body "Tax planning $tag"
ok "a project type the admin added is on the public form, in the applicant's language"

apply -F "token=$(form_token apply 10)" -F "company_name=服务选择测试$tag有限公司" -F "uscc=$uscc" \
    -F contact_name=黄申请 -F contact_phone=13800138000 -F services=nonsense -F "services=$code" \
    -F "licence=@$F/letter.pdf;type=application/pdf"
expect_status 200
expect_body '您已提交入驻申请'
link=$(link_of)
[ "$(sql "SELECT services FROM applications WHERE company_name = '服务选择测试$tag有限公司'")" = "$code" ] ||
    fail "the choice is not stored as the type's code (and nothing else)"
id=$(sql "SELECT id FROM applications WHERE company_name = '服务选择测试$tag有限公司'")
ok "the choice is stored as the type's code; a code that is no type is left out"

apply -F "token=$(form_token apply 10)" -F "company_name=无服务测试$tag" -F "uscc=$uscc" \
    -F contact_name=黄申请 -F contact_phone=13800138000 -F services=nonsense \
    -F "licence=@$F/letter.pdf;type=application/pdf"
expect_status 200
expect_body 'id="e-services"'
[ "$(sql "SELECT COUNT(*) FROM applications WHERE company_name = '无服务测试$tag'")" = 0 ] || fail "stored without a service"
ok "no known service: the message at the field, nothing stored"

sql "UPDATE project_types SET active = 0 WHERE code = '$code'"
get p "$link"
expect_status 200
expect_body "税务筹划$tag"
login m market || fail "market could not sign in"
get m "/applications/$id"
expect_status 200
expect_body "税务筹划$tag"
get p /portal/apply
expect_no_body "value=\"$code\""
ok "the status page and the staff's view name the type, also once retired; the form no longer offers it"
# leave no application waiting on the reviewers' start page for later tests
sql "UPDATE applications SET status = 'withdrawn' WHERE id = $id"
