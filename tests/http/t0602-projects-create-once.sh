#!/usr/bin/env bash
# A project is created once however often its form is sent (issue 11): a
# second click or a reload of the sent form lands on the project the first
# one made, saying so, with one slip and one mail to the assignee; the form
# shown anew (its own key) makes a new project.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
sql "UPDATE users SET email = CONCAT(login, '@example.test') WHERE login = 'advisor'"
dept=$(sql "SELECT department_id FROM users WHERE login = 'advisor'")
adv=$(sql "SELECT id FROM users WHERE login = 'advisor'")
sql "INSERT INTO clients (name, created_at, updated_at) VALUES ('一次项目$tag', NOW(), NOW())"
client=$(sql "SELECT id FROM clients WHERE name = '一次项目$tag'")
projects() { sql "SELECT COUNT(*) FROM projects WHERE client_id = $client"; }
form_key() { grep -o 'name="form_key" value="[0-9a-f]*"' "$BODY" | cut -d'"' -f4; }

login m market || fail "market could not sign in"
get m /projects/new
expect_status 200
keep_csrf m
key=$(form_key)
[ "${#key}" = 64 ] || fail "the project form carries no key"
form=("client=$client" type=2 "department=$dept" "advisor=$adv" fee=800 "fee_purpose=一次性咨询费"
    fee_due=2026-12-31 slip_on=2026-11-02 "form_key=$key")
post m /projects/new "${form[@]}"
expect_status 303
first=$(location)
post m /projects/new "${form[@]}"
expect_status 303
second=$(location)
[ "$(projects)" = 1 ] || fail "the form sent twice made $(projects) projects"
[ -n "$first" ] && [ "$first" = "$second" ] || fail "the second post went to $second, not $first"
id=$(sql "SELECT id FROM projects WHERE client_id = $client")
[ "$(sql "SELECT COUNT(*) FROM project_slips WHERE project_id = $id")" = 1 ] || fail "more than one slip"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'advisor@example.test' AND subject LIKE '%一次项目$tag%'")" = 1 ] ||
    fail "the advisor was mailed more than once"
get m "${second#"$BASE"}"
expect_status 200
expect_body '此表单已提交过：项目只建立一次'
ok "the project form sent twice: one project, one slip, one mail; the second lands on it"

get m /projects/new
key2=$(form_key)
[ -n "$key2" ] && [ "$key2" != "$key" ] || fail "the form shown anew has the same key"
form[${#form[@]}-1]="form_key=$key2"
post m /projects/new "${form[@]}"
expect_status 303
[ "$(projects)" = 2 ] || fail "a new form did not make a new project"
ok "the form shown anew makes a new project"

# a mistake keeps the key: the corrected form still creates once
get m /projects/new
key3=$(form_key)
post m /projects/new "client=$client" type=2 "department=$dept" fee=abc fee_purpose=x \
    fee_due=2026-12-31 slip_on=2026-11-02 "form_key=$key3"
expect_status 200
[ "$(form_key)" = "$key3" ] || fail "the form shown again after a mistake has another key"
post m /projects/new "client=$client" type=2 "department=$dept" fee=900 fee_purpose=x \
    fee_due=2026-12-31 slip_on=2026-11-02 "form_key=$key3"
post m /projects/new "client=$client" type=2 "department=$dept" fee=900 fee_purpose=x \
    fee_due=2026-12-31 slip_on=2026-11-02 "form_key=$key3"
[ "$(projects)" = 3 ] || fail "the corrected form made $(( $(projects) - 2 )) projects"
ok "after a mistake the form keeps its key and creates once"
