#!/usr/bin/env bash
# Starting work (issue 11): the lead records the client's finance contact (QQ
# or WeChat, one required) and mails the materials checklist of the project's
# type to the client; materials are ticked as they arrive and the project
# shows what is still missing.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
dept=$(sql "SELECT department_id FROM users WHERE login = 'advisor'")
adv=$(sql "SELECT id FROM users WHERE login = 'advisor'")
sql "INSERT INTO clients (name, contact_email, created_at, updated_at) VALUES ('资料客户$tag', 'mat$tag@example.test', NOW(), NOW())"
client=$(sql "SELECT id FROM clients WHERE name = '资料客户$tag'")
login m market || fail "market"; login a advisor || fail "advisor"
post m /projects/new "client=$client" type=1 "department=$dept" "advisor=$adv" fee=300 fee_purpose=记账费 fee_due=2099-01-01 slip_on=2026-11-02
expect_status 303
id=$(sql "SELECT id FROM projects WHERE client_id = $client")
post a "/projects/$id/accept" version=0; expect_status 303
get a "/projects/$id"; expect_body 'id="start"'; expect_body '营业执照复印件'; expect_body '尚未收到'
post a "/projects/$id/start" version=1 finance_qq= finance_wechat=
expect_status 200; expect_body '请填写 QQ 号或微信号'
post a "/projects/$id/start" version=1 finance_qq=12345678 finance_wechat=cw_$tag
expect_status 303
[ "$(sql "SELECT CONCAT(finance_qq, ' ', finance_wechat) FROM projects WHERE id = $id")" = "12345678 cw_$tag" ] || fail "contact"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'mat$tag@example.test' AND subject LIKE '%项目资料清单%' AND body LIKE '%营业执照复印件%' AND body LIKE '%员工工资表%'")" = 1 ] || fail "checklist not mailed to the client"
ok "finance contact required (QQ or WeChat); the type's checklist is mailed to the client"

post a "/projects/$id/material" version=2 material=1 received_on=2026-11-03; expect_status 303
post a "/projects/$id/material" version=3 material=5 received_on=2026-11-04; expect_status 303
get a "/projects/$id"
tr -d '\n' <"$BODY" | grep -q 'id="material-1" class="done">1. 营业执照复印件 — 已收到 2026-11-03' || fail "material 1 not shown received"
tr -d '\n' <"$BODY" | grep -q 'id="material-2" class="missing">' || fail "material 2 not shown missing"
[ "$(grep -o 'class="missing"' "$BODY" | wc -l)" = 4 ] || fail "missing count"
post a "/projects/$id/material" version=4 material=1 received_on=2026-11-05
expect_status 200; expect_body '该资料已勾选'
ok "materials ticked with the date; the project shows the 4 still missing; a second tick is refused"
