#!/usr/bin/env bash
# A start-page section counts up to 100 open complaints ("100+") and so cannot
# know the nearest deadline of more: it then names none, where it used to name
# the nearest of the hundred it happened to count as if it were the nearest of
# all. Below the cap the nearest deadline is shown as before.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
hash=$(sql "SELECT password_hash FROM users WHERE login = 'advisor'")
dept=$(sql "SELECT department_id FROM users WHERE login = 'advisor'")
sql "INSERT INTO users (login, name, role, department_id, password_hash, created_at, updated_at)
     VALUES ('cap$tag', '满额顾问$tag', 'advisor', $dept, '$hash', NOW(), NOW())"
owner=$(sql "SELECT id FROM users WHERE login = 'cap$tag'")
# complaints NUMBER owned by the new advisor, investigating, due one a day on
own() {
    sql "INSERT INTO complaints (tracking_no, verify_mac, source, name, description, severity, stage,
            owner_id, department_id, response_due, resolution_due, responded_at, created_at, updated_at)
         SELECT CONCAT('TS-8', LPAD($owner, 7, '0'), '-', LPAD(seq, 4, '0')), REPEAT('0', 64), 'phone',
            CONCAT('满额', seq), '满额测试', 'a', 'investigating', $owner, $dept,
            UTC_TIMESTAMP() + INTERVAL seq DAY, UTC_TIMESTAMP() + INTERVAL 200 + seq DAY,
            UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM seq_1_to_$1"
}
section() { sed -n "/id=\"work-$1\"/,/<\/section>/p" "$BODY"; }

own 5
login c "cap$tag" || fail "the new advisor could not sign in"
get c /
expect_status 200
section complaints | grep -qF '共 5' || fail "the section does not count 5: $(section complaints | grep work-sum)"
section complaints | grep -qF 'class="work-due"' || fail "below the cap the nearest deadline is not shown"
ok "5 open complaints: counted, with the nearest deadline"

sql "DELETE FROM complaints WHERE owner_id = $owner"
own 150
get c /
section complaints | grep -qF '100+' || fail "150 open complaints are not shown as 100+: $(section complaints | grep work-sum)"
! section complaints | grep -qF 'class="work-due"' ||
    fail "at the cap a nearest deadline is named: $(section complaints | grep work-sum)"
section complaints | grep -qF 'tab=mine' || fail "no link to all of them"
ok "150 open complaints: 100+, no nearest deadline it cannot know, a link to all"
sql "DELETE FROM complaints WHERE owner_id = $owner"
