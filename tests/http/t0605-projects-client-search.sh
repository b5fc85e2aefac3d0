#!/usr/bin/env bash
# Market creates a project for any one of thousands of clients, without
# JavaScript: the form's client field is a search (part of the name, the whole
# name or the USCC) with a pick list when several match, the rest of the form
# kept meanwhile. Before, it was a drop-down of the first 2,000 clients by
# name. The client's page links to the form with the client chosen.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
P="项目拣选$tag"
sql "SET SESSION max_recursive_iterations = 10000;
     INSERT INTO clients (name, active, created_at, updated_at)
     WITH RECURSIVE s (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 2100)
     SELECT CONCAT('$P', '客户', LPAD(n, 4, '0'), '有限公司'), 1, UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM s;
     INSERT IGNORE INTO client_name_grams (gram, client_id, name)
     WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 200)
     SELECT LOWER(SUBSTRING(c.name, seq.n, k.k)), c.id, c.name FROM clients c
     JOIN (SELECT 1 AS k UNION ALL SELECT 2) k JOIN seq ON seq.n + k.k - 1 <= CHAR_LENGTH(c.name)
     WHERE c.name LIKE '$P%'"
c2088=$(sql "SELECT id FROM clients WHERE name = '${P}客户2088有限公司'")
[ "$(sql "SELECT COUNT(*) FROM clients WHERE active = 1 AND name < '${P}客户2088有限公司'")" -ge 2000 ] ||
    fail "client 2088 is not beyond the first 2,000 by name"
dept=$(sql "SELECT department_id FROM users WHERE login = 'advisor'")
adv=$(sql "SELECT id FROM users WHERE login = 'advisor'")
ok "2,100 more clients; ${P}客户2088有限公司 is beyond the first 2,000 by name"

login m market || fail "market could not sign in"
form=(type=1 "department=$dept" "advisor=$adv" fee=1500 "fee_purpose=记账费$tag" fee_due=2099-12-31 slip_on=2026-11-02)
post m /projects/new find_client=1 "${form[@]}" "client_q=${tag}客户208"
expect_status 200
[ "$(grep -c 'name="client_pick"' "$BODY")" = 10 ] || fail "the pick list does not hold the 10 clients 2080-2089"
expect_body 'value="记账费'"$tag"'"'
[ "$(sql "SELECT COUNT(*) FROM projects WHERE fee_purpose = '记账费$tag'")" = 0 ] || fail "finding the client created a project"
post m /projects/new "${form[@]}" "client_q=${tag}客户208" "client_pick=$c2088"
expect_status 303
[ "$(sql "SELECT client_id FROM projects WHERE fee_purpose = '记账费$tag'")" = "$c2088" ] ||
    fail "the project is not for the client picked"
ok "a client beyond the old 2,000 is picked from the list and the project created for it"

post m /projects/new "${form[@]}" "fee_purpose=无客户$tag" "client_q="
expect_status 200
expect_body 'id="e-client_q"'
[ "$(sql "SELECT COUNT(*) FROM projects WHERE fee_purpose = '无客户$tag'")" = 0 ] || fail "a project without a client"
ok "no client: a message at the field, nothing created"

login d director || fail "director could not sign in"
get d "/clients/$c2088"
expect_body "href=\"/projects/new?client=$c2088\""
get d "/projects/new?client=$c2088"
expect_body "name=\"client\" value=\"$c2088\""
ok "the client's page links to the project form with the client chosen"
sql "UPDATE clients SET active = 0 WHERE name LIKE '$P%'"
