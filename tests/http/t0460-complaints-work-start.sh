#!/usr/bin/env bash
# The start page ("my work") shows each person what waits for them, with how
# many, the nearest deadline and a link to all of it (issue 9): complaints to
# classify for classifiers, those they own, the department's a-level ones with
# no owner, those escalated to them by `guwen jobs` (rows per person, not only
# mail), and the director's c/d alert set apart.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
sql "UPDATE users SET email = CONCAT(login, '@example.test') WHERE login IN ('director', 'manager', 'advisor')"
dept=$(sql "SELECT department_id FROM users WHERE login = 'manager'")
manager=$(sql "SELECT id FROM users WHERE login = 'manager'")
advisor=$(sql "SELECT id FROM users WHERE login = 'advisor'")
director=$(sql "SELECT id FROM users WHERE login = 'director'")

register() {
    post m /complaints/new source=phone "name=$1" phone=13800138000 "description=首页测试 $1"
    sql "SELECT id FROM complaints WHERE name = '$1'"
}
tracking() { sql "SELECT tracking_no FROM complaints WHERE id = $1"; }
# section ID — the start page's section (from the page just fetched)
section() { sed -n "/id=\"work-$1\"/,/<\/section>/p" "$BODY"; }
in_section() { section "$1" | grep -qF -- "$2" || fail "section $1 lacks: $2"; }
not_in_section() { ! section "$1" | grep -qF -- "$2" || fail "section $1 must not hold: $2"; }
jobs() { GUWEN_CONFIG="$VAR/guwen.hdf" GUWEN_NOW="$1" "$ROOT/tools/guwen" jobs; }

sql "UPDATE users SET lang = 'zh-CN' WHERE login = 'manager'"
login m manager || fail "manager could not sign in"
login a advisor || fail "advisor could not sign in"
login d director || fail "director could not sign in"

# to classify: a new complaint is on the classifier's start page, counted
i1=$(register "待分级$tag"); [ -n "$i1" ] || fail "register"
t1=$(tracking "$i1")
get m /
expect_status 200
in_section complaints-classify "$t1"
in_section complaints-classify '待分级的投诉'
section complaints-classify | grep -q '共 [0-9]' || fail "no count"
section complaints-classify | grep -qF 'tab=department&amp;severity=none&amp;open=1' || fail "no link to all of it"
get a /
! grep -qF 'id="work-complaints-classify"' "$BODY" || fail "an advisor has a to-classify section"
ok "a new complaint waits on the classifier's start page (counted, linked to the list); not the advisor's"

get m "/complaints/?tab=department&severity=none&open=1"
expect_status 200
expect_body ">$t1</a>"
ok "the section's link lists all of it"

# an a-level complaint of the department without an owner
post m "/complaints/$i1/classify" severity=a "department=$dept"
expect_status 303
get m /
not_in_section complaints-classify "$t1"
in_section complaints-unowned "$t1"
get m "/complaints/?tab=department&severity=a&unowned=1&open=1"
expect_body ">$t1</a>"
ok "an a-level complaint of the department with no owner is on the manager's start page"

# owned: counted, with the nearest deadline (local time)
i2=$(register "负责$tag"); t2=$(tracking "$i2")
post m "/complaints/$i2/classify" severity=b "owner=$advisor"
expect_status 303
due=$(sql "SELECT MIN(CASE WHEN responded_at IS NULL THEN LEAST(response_due, resolution_due) ELSE resolution_due END) + INTERVAL 8 HOUR FROM complaints WHERE owner_id = $advisor AND stage IN ('registered', 'investigating') AND waiting_since IS NULL")
get a /
in_section complaints "$t2"
section complaints | grep -q '共 [0-9]' || fail "owned not counted"
in_section complaints "最近期限: <span class=\"work-due\">$due</span>"
ok "the owner's start page counts their complaints and shows the nearest deadline"

# escalated to the manager by guwen jobs: a row per person, on the start page
sql "UPDATE complaints SET created_at = '2026-09-29 10:00:00', response_due = '2026-09-30 15:59:59', resolution_due = '2026-10-19 15:59:59' WHERE id = $i2"
jobs '2026-10-19 16:30:00' >/dev/null || fail "jobs failed"
[ "$(sql "SELECT COUNT(*) FROM complaint_escalations WHERE complaint_id = $i2 AND user_id = $manager AND level = 1 AND deadline = 'resolution'")" = 1 ] || fail "no escalation row for the manager"
get m /
in_section complaints-escalated "$t2"
get m "/complaints/?tab=escalated&open=1"
expect_body ">$t2</a>"
jobs '2026-10-21 00:00:00' >/dev/null || fail "jobs failed"
[ "$(sql "SELECT COUNT(*) FROM complaint_escalations WHERE complaint_id = $i2 AND user_id = $director AND level = 2 AND deadline = 'resolution'")" = 1 ] || fail "no escalation row for the director"
get d /
in_section complaints-escalated "$t2"
ok "an escalation reaches the manager's and then the director's start page (rows in complaint_escalations)"

# the director's c/d alert stands apart
i3=$(register "重大首页$tag"); t3=$(tracking "$i3")
post m "/complaints/$i3/classify" severity=c "owner=$manager"
expect_status 303
get d /
grep -qF 'class="card work-alert" id="work-complaints"' "$BODY" || fail "the alert section is not marked"
section complaints | grep -F "$t3" | grep -qF 'work-alert-item' || fail "the alert item is not marked"
get m /
# (other sections may mark their own overdue items: a reused stack has some)
! grep -qF 'class="card work-alert"' "$BODY" || fail "a section of the manager's start page is marked as the alert"
in_section complaints "$t3"
! section complaints | grep -F "$t3" | grep -qF 'work-alert-item' ||
    fail "the manager's own c complaint is marked as the director's alert"
ok "the director's c/d alert is visually distinct"

sql "UPDATE users SET lang = 'en' WHERE login = 'manager'"
login e manager || fail "manager could not sign in in English"
get e /
in_section complaints-unowned 'a-level complaints of my department without an owner'
in_section complaints 'Nearest deadline'
sql "UPDATE users SET lang = 'zh-CN' WHERE login = 'manager'"
ok "the sections in English"
