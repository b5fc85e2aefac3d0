#!/usr/bin/env bash
# t0210-admin-departments — an administrator creates a department, sees its
# members counted, cannot create or rename one onto a name in use (message at
# the field, input kept), renames and deactivates it (no longer offered for new
# accounts) and activates it again; every change is audited.
. "$(dirname "$0")/lib.sh"

suffix=$RANDOM$RANDOM
name="测试部$suffix" renamed="审计测试部$suffix" member=t210m$suffix

login a admin || fail "admin cannot sign in"
get a /admin/departments
expect_status 200
expect_body "部门管理"
expect_body ">市场部</a>"
ok "the admin sees the departments"

post a /admin/departments "name=$name"
expect_status 303
[ "$(location)" = /admin/departments ] || fail "redirect to $(location)"
id=$(sql "SELECT id FROM departments WHERE name = '$name'")
[ -n "$id" ] || fail "department not stored"
get a /admin/departments
expect_body "已创建"
expect_body ">$name</a>"
expect_body "<a href=\"/admin/users?department=$id\">0</a>"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'department.create' AND entity_id = $id")" = 1 ] ||
    fail "creation not audited"
ok "department created with 0 members"

# a name in use: refused at the field, the typed name kept
post a /admin/departments "name=市场部"
expect_status 200
expect_body "该名称已存在"
expect_body 'id="f-name" name="name" required aria-invalid="true"'
expect_body 'value="市场部"'
[ "$(sql "SELECT COUNT(*) FROM departments WHERE name = '市场部'")" = 1 ] || fail "duplicate stored"
post a /admin/departments "name="
expect_status 200
expect_body "此项必填"
ok "duplicate and empty names refused at the field"

# a member: counted in the list
post a /admin/users "login=$member" "name=部门成员" role=advisor "department_id=$id" clearance=1 \
    "password=Member-Secret-1"
expect_status 303
get a /admin/departments
expect_body "<a href=\"/admin/users?department=$id\">1</a>"
ok "members counted"

# rename: onto a name in use refused; to a new name stored and audited
get a "/admin/departments/$id"
expect_status 200
expect_body "value=\"$name\""
post a "/admin/departments/$id" "name=市场部"
expect_status 200
expect_body "该名称已存在"
expect_body 'value="市场部"'
[ "$(sql "SELECT name FROM departments WHERE id = $id")" = "$name" ] || fail "renamed onto a name in use"
post a "/admin/departments/$id" "name=$renamed"
expect_status 303
[ "$(sql "SELECT name FROM departments WHERE id = $id")" = "$renamed" ] || fail "not renamed"
[ "$(sql "SELECT detail FROM audit_log WHERE action = 'department.rename' AND entity_id = $id")" = \
    "$name → $renamed" ] || fail "rename not audited"
get a /admin/departments
expect_body ">$renamed</a>"
ok "renamed"

# deactivate: marked, no longer offered for new accounts, its member keeps it
post a "/admin/departments/$id/deactivate"
expect_status 303
[ "$(sql "SELECT active FROM departments WHERE id = $id")" = 0 ] || fail "still active"
get a /admin/departments
expect_body "部门已停用"
get a /admin/users/new
expect_no_body "<option value=\"$id\">"
member_id=$(sql "SELECT id FROM users WHERE login = '$member'")
[ "$(sql "SELECT department_id FROM users WHERE id = $member_id")" = "$id" ] || fail "member lost the department"
get a "/admin/users/$member_id"
expect_body "<option value=\"$id\" selected>$renamed</option>"
post a /admin/users "login=${member}x" "name=新人" role=advisor "department_id=$id" clearance=1 \
    "password=Member-Secret-1"
expect_status 200
expect_body "请从列表中选择"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'department.deactivate' AND entity_id = $id")" = 1 ] ||
    fail "deactivation not audited"
ok "deactivated: not offered for new accounts, members keep it"

post a "/admin/departments/$id/activate"
expect_status 303
[ "$(sql "SELECT active FROM departments WHERE id = $id")" = 1 ] || fail "not activated"
get a /admin/users/new
expect_body "<option value=\"$id\">"
ok "activated again"

get a /admin/departments/999999
expect_status 404
login v advisor || fail "advisor cannot sign in"
get v /admin/departments
expect_status 403
post v /admin/departments "name=顾问建的部门$suffix"
expect_status 403
[ "$(sql "SELECT COUNT(*) FROM departments WHERE name = '顾问建的部门$suffix'")" = 0 ] || fail "advisor created one"
ok "unknown department 404, advisor 403"
