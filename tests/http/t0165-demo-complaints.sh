#!/usr/bin/env bash
# guwen demo --complaints N --seed S: data shaped like a centre's (the newest
# unclassified web complaints on top, most old ones closed, some overdue, many
# departments and owners), the same for the same seed; everything it added is
# removed again so the other tests see the demo data they expect.
. "$(dirname "$0")/lib.sh"
export GUWEN_CONFIG=$VAR/guwen.hdf
G=$ROOT/tools/guwen
N=3000
start=$(sql "SELECT COALESCE(MAX(id), 0) FROM complaints")
ours="id > $start AND description = '演示投诉内容'"
cleanup() {
    sql "DELETE FROM complaints WHERE $ours;
        DELETE FROM clients WHERE name LIKE '演示客户%有限公司';
        DELETE FROM users WHERE login REGEXP '^demo[0-9]+-[0-9]+\$';
        DELETE FROM departments WHERE name REGEXP '^(记账|税务咨询|审计|工商代办)[0-9]+部\$'" || true
}
trap cleanup EXIT
# the generated values, without ids and dates (which move with the clock)
digest() {
    sql "SELECT MD5(GROUP_CONCAT(CONCAT_WS('|', source, name, phone, IFNULL(severity, '-'), stage,
        IFNULL(department_id, 0), IFNULL(owner_id, 0), IFNULL(client_id, 0), waiting_since IS NULL)
        ORDER BY id SEPARATOR ';')) FROM complaints WHERE $ours"
}

set +e
$G demo --complaints 10 --seed >/dev/null 2>"$T/err"; rc=$?
set -e
[ $rc != 0 ] && grep -q "usage: guwen demo" "$T/err" || fail "--seed without a value: rc=$rc"
$G demo --complaints $N --seed 7 >"$T/out" || fail "demo --complaints: $(cat "$T/out")"
grep -q "$N complaints added" "$T/out" || fail "output: $(cat "$T/out")"
[ "$(sql "SELECT COUNT(*) FROM complaints WHERE $ours")" = $N ] || fail "not $N rows"
ok "$N complaints generated"

# the newest 6.6 %: new web complaints nobody has classified or taken yet
newest=$(sql "SELECT COUNT(*), SUM(source = 'web' AND severity IS NULL AND stage = 'registered'
    AND owner_id IS NULL AND department_id IS NULL)
    FROM (SELECT * FROM complaints WHERE $ours ORDER BY id DESC LIMIT 150) t")
[ "$newest" = "$(printf '150\t150')" ] || fail "newest rows: $newest"
# the oldest 85 %: mostly closed, a few still open long past their deadline
read -r old closed overdue < <(sql "SELECT COUNT(*), SUM(stage = 'closed'),
    SUM(stage IN ('registered', 'investigating') AND waiting_since IS NULL
        AND resolution_due < UTC_TIMESTAMP())
    FROM (SELECT * FROM complaints WHERE $ours ORDER BY id LIMIT 2550) t")
[ "$closed" -gt $((old * 85 / 100)) ] && [ "$closed" -lt "$old" ] || fail "old: $closed of $old closed"
[ "$overdue" -gt 0 ] || fail "no overdue complaints among the old ones"
ok "newest unclassified web complaints on top; $closed of $old old ones closed, $overdue overdue"

read -r depts owners sevs < <(sql "SELECT COUNT(DISTINCT department_id), COUNT(DISTINCT owner_id),
    COUNT(DISTINCT severity) FROM complaints WHERE $ours")
[ "$depts" -ge 10 ] && [ "$owners" -ge 50 ] && [ "$sevs" = 4 ] ||
    fail "$depts departments, $owners owners, $sevs severities"
mine=$(sql "SELECT COUNT(*) FROM complaints c JOIN users u ON u.id = c.owner_id
    WHERE u.login = 'advisor' AND c.id > $start")
[ "$mine" -gt 0 ] && [ "$mine" -lt $((N / 20)) ] || fail "the advisor owns $mine of $N"
ok "$depts departments, $owners owners (the demo advisor $mine), every severity"

# the same seed on the same data gives the same complaints; another seed others
first=$(digest)
sql "DELETE FROM complaints WHERE $ours"
$G demo --complaints $N --seed 7 >/dev/null
[ "$(digest)" = "$first" ] || fail "seed 7 gave different data the second time"
sql "DELETE FROM complaints WHERE $ours"
$G demo --complaints $N --seed 8 >/dev/null
[ "$(digest)" != "$first" ] || fail "seed 8 gave the data of seed 7"
ok "deterministic for a seed"

# the staff list shows them: the director's "all" tab starts with the new ones
login director director || fail "director cannot sign in"
get director "/complaints/?tab=all"
expect_status 200
expect_body "$(sql "SELECT tracking_no FROM complaints WHERE $ours ORDER BY id DESC LIMIT 1")"
ok "the list shows the newest generated complaint"
