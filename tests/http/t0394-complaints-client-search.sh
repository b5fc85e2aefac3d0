#!/usr/bin/env bash
# Registering a complaint for any one of thousands of clients, without
# JavaScript: the form's client field is a search (part of the name, the whole
# name or the 统一社会信用代码) with a pick list when several match, and the
# rest of the form is kept meanwhile. Before, it was a drop-down of the first
# 2,000 clients by name: a client beyond them could not be chosen. The client's
# page links to the form with that client chosen.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
P="拣选测试$tag"
uscc=$(python3 - <<'PY'
import random
A='0123456789ABCDEFGHJKLMNPQRTUWXY'; W=[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]
b='91330106MA'+''.join(random.choice(A) for _ in range(7))
print(b+A[(31-sum(A.index(c)*w for c,w in zip(b,W))%31)%31])
PY
)
# 2,100 clients (as `guwen demo --clients` loads them: the rows, then their
# name grams), all in every director's lists
sql "SET SESSION max_recursive_iterations = 10000;
     INSERT INTO clients (name, active, created_at, updated_at)
     WITH RECURSIVE s (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 2100)
     SELECT CONCAT('$P', '客户', LPAD(n, 4, '0'), '有限公司'), 1, UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM s;
     INSERT IGNORE INTO client_name_grams (gram, client_id, name)
     WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 200)
     SELECT LOWER(SUBSTRING(c.name, seq.n, k.k)), c.id, c.name FROM clients c
     JOIN (SELECT 1 AS k UNION ALL SELECT 2) k JOIN seq ON seq.n + k.k - 1 <= CHAR_LENGTH(c.name)
     WHERE c.name LIKE '$P%';
     UPDATE clients SET uscc = '$uscc' WHERE name = '${P}客户2099有限公司'"
id_of() { sql "SELECT id FROM clients WHERE name = '${P}客户$1有限公司'"; }
c2077=$(id_of 2077) c2075=$(id_of 2075) c2099=$(id_of 2099)
[ "$(sql "SELECT COUNT(*) FROM clients WHERE active = 1")" -gt 2000 ] || fail "not more than 2,000 clients"
[ "$(sql "SELECT COUNT(*) FROM clients WHERE active = 1 AND name < '${P}客户2077有限公司'")" -ge 2000 ] ||
    fail "client 2077 is not beyond the first 2,000 by name"
ok "2,100 more clients; ${P}客户2077有限公司 is beyond the first 2,000 by name"

login d director || fail "director could not sign in"
form=(source=phone phone=13800138000 "description=发票开错了$tag")

# --- a part of the name that only one client has: found, the input kept ---------------------
post d /complaints/new find_client=1 "${form[@]}" "name=张投诉$tag" "client_q=${tag}客户2077"
expect_status 200
expect_body "name=\"client\" value=\"$c2077\""
expect_body "value=\"${P}客户2077有限公司\""
expect_body "value=\"张投诉$tag\""
expect_body "发票开错了$tag"
expect_no_body 'class="alert alert-error"'
[ "$(sql "SELECT COUNT(*) FROM complaints WHERE name = '张投诉$tag'")" = 0 ] || fail "finding the client registered the complaint"
post d /complaints/new "${form[@]}" "name=张投诉$tag" "client=$c2077" "client_q=${P}客户2077有限公司"
expect_status 200
[ "$(sql "SELECT client_id FROM complaints WHERE name = '张投诉$tag'")" = "$c2077" ] ||
    fail "the complaint is not linked to client 2077"
ok "a client beyond the old 2,000 is found by a part of its name and the complaint linked to it"

# --- several match: a pick list, then the choice ---------------------------------------------
post d /complaints/new find_client=1 "${form[@]}" "name=王投诉$tag" "client_q=${tag}客户207"
expect_status 200
expect_body 'id="pick-client"'
[ "$(grep -c 'name="client_pick"' "$BODY")" = 10 ] || fail "the pick list does not hold the 10 clients 2070-2079"
expect_body "value=\"$c2075\"> ${P}客户2075有限公司"
expect_body '找到多个客户，请在下面选择一个'
post d /complaints/new "${form[@]}" "name=王投诉$tag" "client_q=${tag}客户207" "client_pick=$c2075"
expect_status 200
[ "$(sql "SELECT client_id FROM complaints WHERE name = '王投诉$tag'")" = "$c2075" ] ||
    fail "the complaint is not linked to the client picked"
ok "several matches give a pick list; the client picked is linked"

# --- registering straight away with an ambiguous name: the pick list, nothing registered -------
post d /complaints/new "${form[@]}" "name=赵投诉$tag" "client_q=${tag}客户20"
expect_status 200
expect_body 'id="pick-client"'
expect_body "value=\"赵投诉$tag\""
[ "$(sql "SELECT COUNT(*) FROM complaints WHERE name = '赵投诉$tag'")" = 0 ] || fail "registered with an ambiguous client"
post d /complaints/new find_client=1 "${form[@]}" "client_q=$P"
expect_body '匹配的客户太多'
[ "$(grep -c 'name="client_pick"' "$BODY")" = 20 ] || fail "the pick list of too many does not hold 20"
ok "an ambiguous client is never guessed: the pick list, the input kept, nothing registered"

# --- by USCC (any case), not found -------------------------------------------------------
post d /complaints/new find_client=1 "${form[@]}" "client_q=$(tr A-Z a-z <<<"$uscc")"
expect_body "name=\"client\" value=\"$c2099\""
post d /complaints/new "${form[@]}" "name=钱投诉$tag" "client_q=没有这家公司$tag"
expect_status 200
expect_body 'id="e-client_q"'
expect_body '在您的客户中没有找到'
expect_body "value=\"没有这家公司$tag\""
[ "$(sql "SELECT COUNT(*) FROM complaints WHERE name = '钱投诉$tag'")" = 0 ] || fail "registered with an unknown client"
ok "a USCC finds its client; an unknown name is a message at the field, nothing registered"

# --- from the client's page ----------------------------------------------------------------
sql "INSERT INTO client_leads (client_id, user_id, added_at) SELECT $c2099, id, UTC_TIMESTAMP() FROM users WHERE login = 'advisor'"
get d "/clients/$c2099"
expect_body "href=\"/complaints/new?client=$c2099\""
get d "/complaints/new?client=$c2099"
expect_status 200
expect_body "name=\"client\" value=\"$c2099\""
expect_body "id=\"f-company\" name=\"company\" value=\"${P}客户2099有限公司\""
ok "the client's page links to the form with the client chosen"

# --- only the user's own clients ----------------------------------------------------------------
login a advisor || fail "advisor could not sign in"
post a /complaints/new find_client=1 "${form[@]}" "client_q=${tag}客户2077"
expect_body 'id="e-client_q"'
expect_no_body "${P}客户2077有限公司"
get a "/complaints/new?client=$c2077"
expect_no_body "${P}客户2077有限公司"
get a "/complaints/new?client=$c2099"
expect_body "name=\"client\" value=\"$c2099\""
ok "an advisor finds only the clients they lead"
sql "UPDATE clients SET active = 0 WHERE name LIKE '$P%'"
