#!/usr/bin/env bash
# Project types as a catalogue (issue 11): the admin adds 政府资助 (grant
# applications) with 3 steps and a materials checklist, renames and reorders a
# step, switches one off; market creates a project of the new type and its
# steps show on the project page in the admin's order; a step checked off and
# then switched off stays shown where it was done, and can no longer be checked
# off elsewhere. Every change is audited; a non-admin gets 403; nothing is
# deleted.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
code="grant$tag"
dept=$(sql "SELECT department_id FROM users WHERE login = 'advisor'")
adv=$(sql "SELECT id FROM users WHERE login = 'advisor'")
sql "INSERT INTO clients (name, contact_email, created_at, updated_at) VALUES ('资助客户$tag', 'grant$tag@example.test', NOW(), NOW())"
client=$(sql "SELECT id FROM clients WHERE name = '资助客户$tag'")
login z admin || fail "admin could not sign in"
login m market || fail "market could not sign in"
login a advisor || fail "advisor could not sign in"
login g manager || fail "manager could not sign in"

for who in m a g; do
    get "$who" /admin/project-types; expect_status 403
    post "$who" /admin/project-types "code=x$tag" name_zh=某 name_en=X
    expect_status 403
done
[ "$(sql "SELECT COUNT(*) FROM project_types WHERE code = 'x$tag'")" = 0 ] || fail "a non-admin added a type"
ok "market, advisor, manager: 403 on the catalogue, nothing added"

get z /admin/project-types; expect_status 200
expect_body '代理记账'; expect_body '财务理账'
keep_csrf z
post_raw z /admin/project-types "code=y$tag" name_zh=某 name_en=Y
expect_status 403
post z /admin/project-types "code=Bad Code" name_zh= name_en=Grant
expect_status 200; expect_body 'aria-invalid="true"'; expect_body 'value="Grant"'
post z /admin/project-types code=consulting name_zh=重复 name_en=Dup
expect_status 200; expect_body '已有项目类型使用此代码'
post z /admin/project-types "code=$code" "name_zh=政府资助$tag" "name_en=Grant $tag"
expect_status 303
type=$(sql "SELECT id FROM project_types WHERE code = '$code'")
[ -n "$type" ] || fail "type not stored"
[ "$(sql "SELECT CONCAT(monthly, active) FROM project_types WHERE id = $type")" = 11 ] && fail "monthly without the box"
ok "no CSRF: 403; a bad code and an empty name: messages, input kept; a taken code refused; the type added"

post z "/admin/project-types/$type/steps" step_zh=政策匹配 "step_en=Match the policies"; expect_status 303
post z "/admin/project-types/$type/steps" step_zh=准备材料 "step_en=Prepare the papers"; expect_status 303
post z "/admin/project-types/$type/steps" step_zh=提交申请 step_en=Submit; expect_status 303
post z "/admin/project-types/$type/steps" step_zh= step_en=Nothing
expect_status 200; expect_body 'value="Nothing"'
post z "/admin/project-types/$type/materials" material_zh=营业执照 "material_en=Business licence"; expect_status 303
post z "/admin/project-types/$type/materials" material_zh=研发费用明细 "material_en=R&D costs"; expect_status 303
[ "$(sql "SELECT GROUP_CONCAT(CONCAT(seq, ':', name_zh) ORDER BY pos) FROM project_type_steps WHERE type_id = $type")" = "1:政策匹配,2:准备材料,3:提交申请" ] || fail "steps $(sql "SELECT GROUP_CONCAT(name_zh) FROM project_type_steps WHERE type_id = $type")"
# the third step goes up above the second, the second is renamed
post z "/admin/project-types/$type/steps/3/up"; expect_status 303
post z "/admin/project-types/$type/steps/2" item_zh=准备申报材料 "item_en=Prepare the application"; expect_status 303
post z "/admin/project-types/$type/steps/2" item_zh= item_en=Kept
expect_status 200; expect_body 'value="Kept"'
[ "$(sql "SELECT GROUP_CONCAT(CONCAT(seq, ':', name_zh) ORDER BY pos) FROM project_type_steps WHERE type_id = $type")" = "1:政策匹配,3:提交申请,2:准备申报材料" ] || fail "order $(sql "SELECT GROUP_CONCAT(CONCAT(seq, ':', name_zh) ORDER BY pos) FROM project_type_steps WHERE type_id = $type")"
get z "/admin/project-types/$type"; expect_body '准备申报材料'; expect_body '研发费用明细'
get z /admin/project-types; expect_body "政府资助$tag"
ok "3 steps and 2 materials added; step 3 moved up, step 2 renamed (an empty name refused, input kept)"

get m /projects/new; expect_body "政府资助$tag"
post m /projects/new "client=$client" "type=$type" "department=$dept" "advisor=$adv" fee=5000 fee_purpose=申报服务费 fee_due=2099-01-01 slip_on=2026-11-02
expect_status 303
id=$(sql "SELECT id FROM projects WHERE client_id = $client")
[ -n "$id" ] || fail "no project of the new type"
get a "/projects/$id"; expect_status 200
tr -d '\n' <"$BODY" | grep -q '1\. 政策匹配.*2\. 提交申请.*3\. 准备申报材料' || fail "steps not in the admin's order on the project page"
expect_body '营业执照'
keep_csrf a
post a "/projects/$id/accept" version=0; expect_status 303
post a "/projects/$id/step" version=1 seq=3 done_on=2026-11-03; expect_status 303
ok "market creates a project of the new type; its steps show on the project page in order; step checked off"

post z "/admin/project-types/$type/steps/3/deactivate"; expect_status 303
post z "/admin/project-types/$type/materials/2/deactivate"; expect_status 303
[ "$(sql "SELECT COUNT(*) FROM project_type_steps WHERE type_id = $type")" = 3 ] || fail "a step was deleted"
get a "/projects/$id"
tr -d '\n' <"$BODY" | grep -q 'class="done" id="step-3"' || fail "a step done and switched off is no longer shown"
expect_no_body '研发费用明细'
# a second project of the type: the switched-off step is gone, and cannot be checked off
post m /projects/new "client=$client" "type=$type" "department=$dept" "advisor=$adv" fee=5000 fee_purpose=二期 fee_due=2099-01-01 slip_on=2026-11-02
id2=$(sql "SELECT MAX(id) FROM projects WHERE client_id = $client")
post a "/projects/$id2/accept" version=0; expect_status 303
get a "/projects/$id2"; expect_no_body '提交申请'; expect_body '准备申报材料'
post a "/projects/$id2/step" version=1 seq=3 done_on=2026-11-03
expect_status 200
[ "$(sql "SELECT COUNT(*) FROM project_steps WHERE project_id = $id2")" = 0 ] || fail "a switched-off step was checked off"
post z "/admin/project-types/$type/steps/3/activate"; expect_status 303
get a "/projects/$id2"; expect_body '提交申请'
ok "switched off: kept where done, gone from new work (checking it off refused); switched on again"

post z "/admin/project-types/$type/deactivate"; expect_status 303
get m /projects/new; expect_no_body "政府资助$tag"
get a "/projects/$id"; expect_status 200
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE entity = 'project_type' AND entity_id = $type")" = 12 ] || fail "audit $(sql "SELECT GROUP_CONCAT(action) FROM audit_log WHERE entity = 'project_type' AND entity_id = $type")"
ok "the type switched off: not offered for new projects, its projects go on; every change audited"
