#!/usr/bin/env bash
# The complaint lists stay quick however many complaints there are (issue 13):
# on data shaped like a centre's (the newest unclassified web complaints on
# top, most old ones closed), no statement of a list page reads many more rows
# than the page shows: the director's default list and its filters (severity,
# overdue, a later page), the advisor's own, and a manager's department list
# with the new unclassified ones, which read every complaint of the department
# and every unclassified one and sorted them. Each statement the program ran
# (MariaDB's general log) is run again as root and its handler reads counted,
# as t0472 does for the start pages.
. "$(dirname "$0")/lib.sh"
export GUWEN_CONFIG=$VAR/guwen.hdf
N=20000
# a page shows 20 rows: its statement reads them, the next one, their joins
# (department, owner, client) and, for a filter, the rows of its index that
# are not on this page's scope; far below the N / 15 unclassified
MAX_READS=300
demo_complaints $N

mid=$(sql "SELECT id FROM complaints WHERE $ours AND overdue = 1 ORDER BY id LIMIT 1 OFFSET 100")
# WHO PATH — every statement of the page reads at most MAX_READS rows
check() {
    local who=$1 path=$2
    page_statements "$who" "$path"
    expect_status 200
    [ "$(grep -c '<td><a href="/complaints/[0-9]*">' "$BODY")" = 20 ] || fail "$path: not 20 rows"
    grep -q 'FROM complaints' "$T/statements" || fail "$path: no list statement in the log"
    while IFS= read -r q; do
        r=$(reads "$q")
        [ "$r" -le $MAX_READS ] || fail "$who $path: $r rows read (> $MAX_READS) by: ${q:0:300}"
    done <"$T/statements"
}
for who in director manager advisor; do login "$who" "$who" || fail "$who cannot sign in"; done
check director /complaints/
check director "/complaints/?tab=all&severity=b"
check director "/complaints/?tab=all&overdue=1"
check director "/complaints/?tab=all&overdue=1&before=$mid"
check manager /complaints/
check manager "/complaints/?tab=department&overdue=1"
ok "the director's lists, a later page and a manager's department list: no statement reads more than $MAX_READS rows of $N complaints"
