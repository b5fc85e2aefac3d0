#!/usr/bin/env bash
# The working-day calendar must reach 90 days ahead: when it does not, the
# admin's start page says so with its last day (others' start pages do not),
# `guwen jobs` mails the admins once a day, and a complaint whose deadline in
# working days falls past the calendar's end says the date may move. With next
# year entered, the warnings are gone.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
keep=cal_keep_$$
this=$(sql "SELECT YEAR(UTC_DATE())")
last=$((this - 1))
# this year's and later entries set aside (and restored at the end): the
# calendar then ends on 31 December of last year
sql "CREATE TABLE $keep AS SELECT * FROM calendar_days WHERE day >= '$this-01-01';
     DELETE FROM calendar_days WHERE day >= '$this-01-01'"
restore() {
    sql "DELETE FROM calendar_days WHERE day >= '$this-01-01';
         INSERT INTO calendar_days SELECT * FROM $keep; DROP TABLE $keep" || true
    rm -rf "$T"
}
trap restore EXIT
[ "$(sql "SELECT COUNT(*) FROM calendar_days WHERE YEAR(day) = $last")" -gt 0 ] ||
    sql "INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('$last-12-31', 'holiday', '测试', UTC_TIMESTAMP())"

login a admin || fail "admin cannot sign in"
login m manager || fail "manager cannot sign in"
get a /
expect_status 200
expect_body 'id="calendar-short"'
expect_body "工作日历未覆盖今后 90 天：只登记到 $last-12-31"
expect_body 'href="/admin/calendar"'
get m /
expect_status 200
expect_no_body 'id="calendar-short"'
ok "the admin's start page warns that the calendar ends on $last-12-31; the manager's does not"

sql "DELETE FROM settings WHERE name = 'calendar_warned_on'"
before=$(sql "SELECT COALESCE(MAX(id), 0) FROM outbox")
jobs() { GUWEN_CONFIG="$VAR/guwen.hdf" "$ROOT/tools/guwen" jobs; }
jobs || fail "jobs failed"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE id > $before AND subject LIKE '%工作日历即将到期%' AND body LIKE '%$last-12-31%'")" -ge 1 ] ||
    fail "guwen jobs sent no calendar warning"
mid=$(sql "SELECT MAX(id) FROM outbox")
jobs || fail "jobs failed"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE id > $mid AND subject LIKE '%工作日历即将到期%'")" = 0 ] ||
    fail "the calendar warning was sent twice on one day"
ok "guwen jobs mails the admins once a day"

advisor=$(sql "SELECT id FROM users WHERE login = 'advisor'")
post m /complaints/new source=phone "name=日历$tag" phone=13800138000 "description=日历测试"
ib=$(sql "SELECT id FROM complaints WHERE name = '日历$tag'")
post m "/complaints/$ib/classify" severity=b "owner=$advisor"
expect_status 303
post m /complaints/new source=phone "name=日历丙$tag" phone=13800138000 "description=日历测试"
ic=$(sql "SELECT id FROM complaints WHERE name = '日历丙$tag'")
post m "/complaints/$ic/classify" severity=c "owner=$(sql "SELECT id FROM users WHERE login = 'manager'")"
expect_status 303
get m "/complaints/$ib"
expect_body 'id="due-may-move"'
expect_body '此日期可能变动'
get m "/complaints/$ic"
expect_no_body 'id="due-may-move"'
ok "a b deadline past the calendar's end says it may move; a c deadline (clock hours) does not"

sql "INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('$((this + 1))-01-01', 'holiday', '元旦', UTC_TIMESTAMP())"
get a /
expect_no_body 'id="calendar-short"'
ok "with next year entered the warning is gone"
