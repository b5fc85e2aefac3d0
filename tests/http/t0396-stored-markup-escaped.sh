#!/usr/bin/env bash
# Names people typed are shown as text, never as markup: a department, a staff
# member's display name, a client's name and a complaint's fields all holding
# <base href=//evil/><b>x appear escaped on every page that shows them (the
# complaint, the lists, the client filter, the registration form, the start
# page, the admin lists), and the CSP forbids <base> and plugins anyway.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
M='<base href=//evil/><b>x'
ESC='&lt;base href=//evil/&gt;&lt;b&gt;x'
sql "INSERT INTO departments (name, active, created_at) VALUES ('部门$M$tag', 1, UTC_TIMESTAMP())"
dept=$(sql "SELECT id FROM departments WHERE name = '部门$M$tag'")
sql "INSERT INTO users (login, name, role, department_id, password_hash, created_at, updated_at)
     SELECT 'evil$tag', '员工$M', 'advisor', $dept, password_hash, UTC_TIMESTAMP(), UTC_TIMESTAMP()
     FROM users WHERE login = 'advisor'"
evil=$(sql "SELECT id FROM users WHERE login = 'evil$tag'")
sql "INSERT INTO clients (name, department_id, lead_id, created_at, updated_at) VALUES ('客户$M$tag', $dept, $evil, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
client=$(sql "SELECT id FROM clients WHERE name = '客户$M$tag'")
sql "INSERT INTO client_leads (client_id, user_id, added_at) VALUES ($client, $evil, UTC_TIMESTAMP())"

login d director || fail "director could not sign in"
login e "evil$tag" || fail "the planted user could not sign in"
login x admin || fail "admin could not sign in"

post e /complaints/new source=phone "name=投诉人$M$tag" phone=13800138000 "company=公司$M" \
    "subject=事项$M" "description=内容$M" "client=$client"
id=$(sql "SELECT id FROM complaints WHERE name = '投诉人$M$tag'"); [ -n "$id" ] || fail "register"
post d "/complaints/$id/classify" severity=b "owner=$evil"
expect_status 303
post e "/complaints/$id/note" "note=备注$M"
expect_status 303

# check JAR PATH WHAT — the page shows the planted text escaped, never as markup
check() {
    get "$1" "$2"
    expect_status 200 "($2)"
    grep -qiF '<base' "$BODY" && fail "$2: a <base> element in the page ($3)"
    grep -qF '<b>x' "$BODY" && fail "$2: planted <b> in the page ($3)"
    grep -qF "$ESC" "$BODY" || fail "$2: the planted text is not shown escaped ($3)"
}
check d "/complaints/$id" "complaint page: department, owner, timeline authors, client, fields"
[ "$(grep -cF "$ESC" "$BODY")" -ge 8 ] || fail "not every planted name on the complaint page is shown"
check d "/complaints/?tab=all" "list: department, owner, client"
check d "/complaints/?tab=all&client=$client" "list filtered by the client"
check e "/complaints/new?client=$client" "registration form: the client chosen, advisor choices"
check e "/" "start page: the user's own name and department"
check x "/admin/departments" "admin: departments"
check x "/admin/users" "admin: users"
check x "/admin/users/$evil" "admin: the user's page"
ok "planted markup is escaped on the complaint, the lists, the form, the start page and admin"

get d "/complaints/$id"
expect_header "Content-Security-Policy: .*base-uri 'none'"
expect_header "Content-Security-Policy: .*object-src 'none'"
ok "the CSP has base-uri 'none' and object-src 'none'"

# leave no planted names for later tests
sql "UPDATE users SET active = 0 WHERE id = $evil; UPDATE departments SET active = 0 WHERE id = $dept;
     UPDATE clients SET active = 0 WHERE id = $client"
