#!/usr/bin/env bash
# The start page stays quick however many complaints there are (issue 13): on
# data shaped like a centre's (the newest unclassified web complaints on top,
# most old ones closed), no statement of the director's, a manager's or an
# advisor's start page reads more rows than its sections show and count.
# Each statement the programs ran (MariaDB's general log) is run again as root
# and its handler reads counted: the director's alerts used to walk the table
# past every unclassified complaint, four times; the unclassified ones were
# found by intersecting three indexes, reading all of them. The director has
# 3,000 open escalations. The advisor leads
# the 2,000 demo clients too: "clients to contact" read every client of the
# lead and sorted them by last contact. Then that section follows a contact.
. "$(dirname "$0")/lib.sh"
export GUWEN_CONFIG=$VAR/guwen.hdf
N=20000
# a section's statement reads at most 10 rows per branch and counts up to 100
# (each count reads an index entry and its row), the escalated ones the
# person's escalations (other tests add some) for its rows and again for its
# count: far below the N / 15 unclassified and the 2,000 clients led
MAX_READS=2000
demo_complaints $N
# a director with a backlog: 3,000 open complaints escalated to them ("escalated
# to me" read every escalation the person had, for each of its branches)
sql "INSERT INTO complaint_escalations (complaint_id, user_id, level, deadline, created_at)
     SELECT c.id, u.id, 2, 'resolution', NOW() FROM complaints c JOIN users u ON u.login = 'director'
     WHERE c.$ours AND c.stage <> 'closed' LIMIT 3000"
sql "INSERT IGNORE INTO client_leads (client_id, user_id, added_at)
     SELECT c.id, u.id, UTC_TIMESTAMP() FROM clients c JOIN users u ON u.login = 'advisor'
     WHERE c.name LIKE '演示客户%'"

for who in director manager advisor; do
    login "$who" "$who" || fail "$who cannot sign in"
    page_statements "$who" /
    expect_status 200
    [ -s "$T/statements" ] || fail "no statement of the $who's start page in the log"
    n=0
    while IFS= read -r q; do
        r=$(reads "$q")
        [ "$r" -le $MAX_READS ] || fail "$who's start page: $r rows read (> $MAX_READS) by: ${q:0:300}"
        n=$((n + 1))
    done <"$T/statements"
    # the session, the working-day calendar, every section in one statement
    [ "$n" -le 3 ] || fail "$who's start page ran $n statements (> 3): $(cut -c1-60 "$T/statements" | tr '\n' '|')"
    ok "$who's start page: $n statements, none reads more than $MAX_READS rows of $N complaints"
done

# "clients to contact": never contacted first, then the longest ago; a client
# contacted (by hand here; a complaint and a visit write the same way) leaves
# the section at once, and the next one takes its place
contact_ids() { sed -n '/id="work-contact"/,/<\/section>/p' "$BODY" | grep -o 'href="/clients/[0-9]*"' | grep -o '[0-9]*'; }
get advisor /
before=$(contact_ids)
[ "$(echo "$before" | wc -l)" = 10 ] || fail "the advisor's clients to contact are not ten: $before"
first=$(echo "$before" | head -1)
eleventh=$(sql "SELECT c.id FROM client_leads l JOIN clients c ON c.id = l.client_id
    JOIN users u ON u.id = l.user_id AND u.login = 'advisor' WHERE c.active = 1
    AND c.last_contact_on IS NULL ORDER BY c.id LIMIT 10, 1")
post advisor "/clients/$first/contacted" "contacted_on=$(date +%F)" contacted_note=电话
expect_status 303
get advisor /
after=$(contact_ids)
! echo "$after" | grep -qx "$first" || fail "client $first contacted today is still to contact"
echo "$after" | grep -qx "$eleventh" || fail "client $eleventh did not move up: $after"
ok "a client contacted leaves the advisor's clients to contact; the next one shows"

# the contact cycle is the setting (read in the section's own statement): a
# client last contacted 10 days ago is due with a 5-day cycle, not a 30-day one
hash=$(sql "SELECT password_hash FROM users WHERE login = 'advisor'")
sql "INSERT INTO users (login, name, role, department_id, password_hash, created_at, updated_at)
     SELECT 'cyc$$', '周期顾问', 'advisor', department_id, '$hash', NOW(), NOW() FROM users WHERE login = 'advisor'"
sql "INSERT INTO clients (name, last_contact_on, created_at, updated_at)
     VALUES ('周期客户$$', CURDATE() - INTERVAL 10 DAY, NOW(), NOW())"
sql "INSERT INTO client_leads (client_id, user_id, added_at, contact_on)
     SELECT c.id, u.id, NOW(), c.last_contact_on FROM clients c JOIN users u ON u.login = 'cyc$$'
     WHERE c.name = '周期客户$$'"
days0=$(sql "SELECT value FROM settings WHERE name = 'contact_days'")
restore_days() { sql "UPDATE settings SET value = '$days0' WHERE name = 'contact_days'"; }
login cyc "cyc$$" || fail "the cycle advisor cannot sign in"
sql "UPDATE settings SET value = '30' WHERE name = 'contact_days'"
get cyc /
contact_ids | grep -q . && { restore_days; fail "a client contacted 10 days ago is due on a 30-day cycle"; }
sql "UPDATE settings SET value = '5' WHERE name = 'contact_days'"
get cyc /
n=$(contact_ids | wc -l)
restore_days
[ "$n" = 1 ] || fail "a client contacted 10 days ago is not due on a 5-day cycle"
sql "DELETE l FROM client_leads l JOIN clients c ON c.id = l.client_id WHERE c.name = '周期客户$$';
     DELETE FROM clients WHERE name = '周期客户$$'; UPDATE users SET active = 0 WHERE login = 'cyc$$'"
ok "clients to contact follow the contact cycle setting"
