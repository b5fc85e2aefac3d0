#!/usr/bin/env bash
# The client page's round trips to the database (issue 10, budgets: the page
# p99 <= 10 ms at 8 connections on two workers, where each statement is a
# round trip and the audit's commit a log flush): a director's view of a
# client with an ID number runs at most 6 statements (the session, the
# client, what belongs to it in one UNION ALL, its financial periods, the
# audit), its two audit records (the ID number's read, the financials' read)
# in one INSERT, which commits them before the page is shown. Before: 18
# statements, then 12 (contacts, leads, history, projects, visits, files,
# readers and the complaint count each apart).
. "$(dirname "$0")/lib.sh"
MAX=6
tag=$$$RANDOM
dept=$(sql "SELECT id FROM departments WHERE name = '记账一部'")
login d director || fail "director could not sign in"
post d /clients/new "name=往返测试$tag" tier=normal "department=$dept" legal_rep_id=11010519491231002X
expect_status 303
id=$(location | grep -o '[0-9]*$')
[ -n "$(sql "SELECT legal_rep_id FROM clients WHERE id = $id AND legal_rep_id IS NOT NULL")" ] ||
    fail "the client has no ID number"
cleanup() { sql "SET GLOBAL general_log = 0" || true; rm -rf "$T"; }
trap cleanup EXIT
chmod 777 "$T"
LOG=$T/general.log
get d "/clients/$id" # the statements prepared on this connection
sql "SET GLOBAL general_log_file = '$LOG'; SET GLOBAL general_log = 1"
get d "/clients/$id"
sql "SET GLOBAL general_log = 0"
expect_status 200
expect_body 'id="legal-rep-id"'
expect_body '11010519491231002X'
# the program's statements: executions of prepared ones and plain queries
grep -aP '\t+ *\d+ (Execute|Query)\t' "$LOG" | grep -av 'general_log' >"$T/statements"
n=$(wc -l <"$T/statements")
[ "$n" -le $MAX ] || fail "the client page ran $n statements (> $MAX): $(cut -c1-80 "$T/statements" | sed 's/^.*\t//' | tr '\n' '|')"
[ "$(grep -c 'INSERT INTO audit_log' "$T/statements")" = 1 ] || fail "the audit records are not one INSERT"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE entity = 'client' AND entity_id = $id AND action IN
    ('client.read_sensitive', 'client.read_financial')")" = 4 ] || fail "two views should leave four read records"
ok "the client page: $n statements, its two audit records in one INSERT"
