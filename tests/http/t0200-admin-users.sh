#!/usr/bin/env bash
# t0200-admin-users — an administrator creates staff accounts (typed or generated
# password, shown once), a duplicate login is refused at the field with the input
# kept, the new person signs in, the account is edited, its password reset and
# the account deactivated (its session ends at once); an advisor may not do any of it.
. "$(dirname "$0")/lib.sh"

suffix=$RANDOM$RANDOM
login1=t200a$suffix login2=t200b$suffix
dept=$(sql "SELECT id FROM departments WHERE name = '记账一部'")
dept2=$(sql "SELECT id FROM departments WHERE name = '市场部'")

login a admin || fail "admin cannot sign in"
get a /admin/users
expect_status 200
expect_body "用户管理"
expect_body 'href="/admin/users/new"'
ok "the admin sees the users list"

# a new account with a password the admin typed
get a /admin/users/new
expect_status 200
post a /admin/users "login=$login1" "name=测试顾问甲" "email=$login1@example.com" \
    "phone=13800138000" role=advisor "department_id=$dept" clearance=2 "password=Typed-Secret-1"
expect_status 303 "(create)"
id1=$(sql "SELECT id FROM users WHERE login = '$login1'")
[ -n "$id1" ] || fail "no row for $login1"
[ "$(location)" = "/admin/users/$id1" ] || fail "redirect to $(location)"
[ "$(sql "SELECT CONCAT_WS('|', name, email, role, department_id, clearance, active, must_change)
          FROM users WHERE id = $id1")" = "测试顾问甲|$login1@example.com|advisor|$dept|2|1|1" ] ||
    fail "stored account differs"
get a "/admin/users/$id1"
expect_body "已创建"
expect_body 'value="测试顾问甲"'
ok "created with a typed password; the account page opens"

# the same login again: a message at the field, everything typed kept
post a /admin/users "login=$login1" "name=重名的人" "email=dup@example.com" role=market \
    "department_id=$dept" clearance=1 "password="
expect_status 200
expect_body "该用户名已被使用"
expect_body 'id="f-login" name="login" required aria-invalid="true"'
expect_body "value=\"$login1\""
expect_body 'value="重名的人"'
expect_body 'value="dup@example.com"'
expect_body '<option value="market" selected>'
[ "$(sql "SELECT COUNT(*) FROM users WHERE login = '$login1'")" = 1 ] || fail "duplicate stored"
ok "duplicate login refused at the field, input kept"

# bad input: a short password and an unknown department, both at their fields
post a /admin/users "login=$login2" "name=乙" role=advisor department_id=999999 clearance=1 \
    "password=short"
expect_status 200
expect_body "新密码至少需要 10 个字符"
expect_body "请从列表中选择"
[ "$(sql "SELECT COUNT(*) FROM users WHERE login = '$login2'")" = 0 ] || fail "bad account stored"
ok "short password and unknown department refused"

# no password typed: one is generated and shown once, on this response only
post a /admin/users "login=$login2" "name=测试顾问乙" role=advisor "department_id=$dept" \
    clearance=1 "password="
expect_status 200 "(generated password page)"
[ -z "$(location)" ] || fail "the password page must not be a redirect"
pw2=$(grep -o '<code id="new-password">[^<]*' "$BODY" | sed 's/.*>//')
[ ${#pw2} -ge 10 ] || fail "no generated password shown"
expect_body "$login2"
id2=$(sql "SELECT id FROM users WHERE login = '$login2'")
[ -n "$id2" ] || fail "no row for $login2"
get a "/admin/users/$id2"
expect_no_body "$pw2"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'user.create' AND entity_id = $id2
          AND detail LIKE '%generated%'")" = 1 ] || fail "user.create not audited"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%$pw2%'")" = 0 ] ||
    fail "the password is in the audit log"
! grep -rqF -- "$pw2" "$VAR/log" || fail "the password is in a log file"
ok "generated password shown once, not in a URL, the audit log or the logs"

login u "$login2" "$pw2" || fail "the new user cannot sign in with the shown password"
get u /login/password   # a new account chooses its own password first (t0132)
keep_csrf u
post u /login/password "old=$pw2" "new=Own-Secret-$login2" "confirm=Own-Secret-$login2"
expect_status 303
get u /
expect_status 200
expect_body "测试顾问乙"
ok "the new user signs in with the shown password"

# edit: everything but the login; the change is audited field by field
get a "/admin/users/$id1"
expect_no_body 'name="login"'
post a "/admin/users/$id1" "name=测试经理甲" "email=" "phone=13800138000" role=manager \
    "department_id=$dept2" clearance=3
expect_status 303
[ "$(sql "SELECT CONCAT_WS('|', login, name, IFNULL(email, '-'), role, department_id, clearance)
          FROM users WHERE id = $id1")" = "$login1|测试经理甲|-|manager|$dept2|3" ] ||
    fail "edit not stored"
detail=$(sql "SELECT detail FROM audit_log WHERE action = 'user.update' AND entity_id = $id1
              ORDER BY id DESC LIMIT 1")
for part in "name: 测试顾问甲 → 测试经理甲" "role: advisor → manager" "clearance: 2 → 3" \
    "department_id: $dept → $dept2"; do
    case $detail in *"$part"*) ;; *) fail "audit detail lacks '$part': $detail" ;; esac
done
ok "account edited; the audit row says what changed"

# reset: a new password shown once; the old one stops working, the session ends
login p "$login1" "Typed-Secret-1" || fail "$login1 cannot sign in"
post a "/admin/users/$id1/password"
expect_status 200
expect_body "密码已重置"
pw1=$(grep -o '<code id="new-password">[^<]*' "$BODY" | sed 's/.*>//')
[ ${#pw1} -ge 10 ] && [ "$pw1" != "Typed-Secret-1" ] || fail "no new password shown"
get a "/admin/users/$id1"
expect_no_body "$pw1"
[ "$(sql "SELECT COUNT(*) FROM sessions WHERE user_id = $id1")" = 0 ] || fail "sessions survived the reset"
get p /
expect_status 303 "(the session of $login1 must have ended)"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'user.password_reset' AND entity_id = $id1
          AND detail NOT LIKE '%$pw1%'")" = 1 ] || fail "reset not audited"
login p "$login1" "$pw1" || fail "the reset password does not work"
ok "password reset: shown once, old sessions ended, new password works"

# deactivate: the user's session is gone at once and signing in fails
[ "$(sql "SELECT COUNT(*) FROM sessions WHERE user_id = $id2")" -ge 1 ] || fail "no session to end"
post a "/admin/users/$id2/deactivate"
expect_status 303
get a "/admin/users/$id2"
expect_body "账号已停用"
expect_body "启用账号"
[ "$(sql "SELECT active FROM users WHERE id = $id2")" = 0 ] || fail "still active"
[ "$(sql "SELECT COUNT(*) FROM sessions WHERE user_id = $id2")" = 0 ] || fail "session survived"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'user.deactivate' AND entity_id = $id2")" = 1 ] ||
    fail "deactivation not audited"
get u /
expect_status 303 "(the deactivated user's page)"
case $(location) in /login/*) ;; *) fail "not sent to the sign-in page: $(location)" ;; esac
! login u2 "$login2" "$pw2" || fail "a deactivated account signed in"
expect_body "用户名或密码错误"
ok "deactivated: session gone, sign-in refused"

# the filter finds deactivated accounts; an admin cannot deactivate themselves
get a "/admin/users?active=0&role=advisor&department=$dept"
expect_status 200
expect_body ">$login2</a>"
expect_no_body ">$login1</a>"
expect_body '<option value="0" selected>'
admin_id=$(sql "SELECT id FROM users WHERE login = 'admin'")
post a "/admin/users/$admin_id/deactivate"
expect_status 403
[ "$(sql "SELECT active FROM users WHERE id = $admin_id")" = 1 ] || fail "admin deactivated"
ok "filter by status, role and department; no self-deactivation"

# reactivate, so the account works again
post a "/admin/users/$id2/activate"
expect_status 303
[ "$(sql "SELECT active FROM users WHERE id = $id2")" = 1 ] || fail "not reactivated"
ok "reactivated"

# an advisor may not see or change accounts
login v advisor || fail "advisor cannot sign in"
get v /admin/users
expect_status 403
get v /admin/
expect_status 403
post v /admin/users "login=t200x$suffix" "name=x" role=admin "department_id=$dept" clearance=3
expect_status 403
[ "$(sql "SELECT COUNT(*) FROM users WHERE login = 't200x$suffix'")" = 0 ] || fail "advisor created a user"
post v "/admin/users/$id1/password"
expect_status 403
ok "advisor gets 403"
