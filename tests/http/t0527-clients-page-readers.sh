#!/usr/bin/env bash
# The director's "who saw this client's financials" shows the latest 20 reads
# and links to every read in the audit log, filtered to this client (issue 10,
# budgets: each look at the page adds reads, and the page showed up to 100 of
# them, a fifth of its cost in a benchmark). Each level-3 read still leaves
# its audit records: the ID number's and the financials', written together.
. "$(dirname "$0")/lib.sh"
tag=$$$RANDOM
id=$(sql "INSERT INTO clients (name, active, created_at, updated_at) VALUES ('读者测试$tag有限公司', 1,
    UTC_TIMESTAMP(), UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()")
other=$(sql "SELECT id FROM clients WHERE id <> $id ORDER BY id LIMIT 1")
login d director || fail "director cannot sign in"
director=$(sql "SELECT id FROM users WHERE login = 'director'")
reads() { sql "SELECT COUNT(*) FROM audit_log WHERE entity = 'client' AND entity_id = $1 AND user_id = $director AND action = 'client.read_financial'"; }
for _ in $(seq 1 19); do get d "/clients/$id"; expect_status 200; done
expect_body 'id="readers"'
n=$(grep -o '<td class="nowrap">' "$BODY" | wc -l)
[ "$n" -ge 18 ] && [ "$n" -le 19 ] || fail "all 19 reads expected on the page (this one may be left out), found $n"
expect_no_body "entity_id=$id"
ok "fewer than 20 reads: all on the page, no link"

get d "/clients/$other"
for _ in $(seq 1 6); do get d "/clients/$id"; done
expect_status 200
[ "$(reads "$id")" = 25 ] || fail "25 reads of the financials audited, found $(reads "$id")"
[ "$(grep -o '<td class="nowrap">' "$BODY" | wc -l)" = 20 ] || fail "the latest 20 reads expected on the page"
expect_body "/admin/audit?entity=client&amp;entity_id=$id"
expect_body "全部查看记录"
ok "25 reads: the latest 20 on the page, a link to all of them"

get d "/admin/audit?entity=client&entity_id=$id&action=client.read_financial"
expect_status 200
expect_body "client #$id</td>"
[ "$(grep -o "client #$id</td>" "$BODY" | wc -l)" = 25 ] || fail "the audit log filtered to the client: its 25 reads expected"
expect_no_body "client #$other</td>"
get d "/admin/audit?entity=client&entity_id=$other&action=client.read_financial"
expect_no_body "client #$id</td>"
ok "the audit log filtered to one client: its reads, no other client's"
