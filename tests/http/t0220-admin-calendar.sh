#!/usr/bin/env bash
# t0220-admin-calendar — an administrator imports a year's holidays and make-up
# working days by pasting a list: a bad line is named by its number at the field,
# the pasted text stays and nothing is imported; the good list shows in the year
# view and changes the working-day count; one day is set and deleted again.
. "$(dirname "$0")/lib.sh"

Y=2031 # a year of test data only; 261 weekdays (1 January and 31 December are Wednesdays)
tab=$'\t'
sql "DELETE FROM calendar_days WHERE day BETWEEN '$Y-01-01' AND '$Y-12-31'"

login a admin || fail "admin cannot sign in"
get a "/admin/calendar?year=$Y"
expect_status 200
expect_body "工作日历 · $Y"
expect_body '<strong id="working-days">261</strong>'
expect_body "本年没有节假日或调休记录"
ok "an empty year: 261 working days"

good="# $Y test list
$Y-01-01${tab}holiday${tab}元旦
$Y-01-04${tab}workday${tab}元旦调休上班
$Y-05-01${tab}holiday${tab}劳动节
$Y-05-02${tab}holiday${tab}劳动节
$Y-05-03${tab}holiday${tab}劳动节
$Y-05-10${tab}workday${tab}劳动节调休上班"
bad=${good/$Y-05-01${tab}holiday/$Y-05-01${tab}holliday}

# line 4 is wrong: its number at the field, the text kept, nothing imported
post a /admin/calendar/import "tsv=$bad" "year=$Y"
expect_status 200
expect_body "第 4 行格式不正确"
expect_body 'id="f-tsv" name="tsv" required aria-invalid="true"'
expect_body "$Y-05-01${tab}holliday${tab}劳动节"
expect_body "$Y-05-10${tab}workday${tab}劳动节调休上班"
[ "$(sql "SELECT COUNT(*) FROM calendar_days WHERE day BETWEEN '$Y-01-01' AND '$Y-12-31'")" = 0 ] ||
    fail "a bad list was partly imported"
post a /admin/calendar/import "tsv=# only a comment" "year=$Y"
expect_status 200
expect_body "列表中没有可导入的日期"
ok "bad line 4 reported at the field, text kept, nothing imported"

# the good list, pasted as a browser sends it (CRLF)
post a /admin/calendar/import "tsv=${good//$'\n'/$'\r\n'}" "year=$Y"
expect_status 303
[ "$(location)" = "/admin/calendar?year=$Y" ] || fail "redirect to $(location)"
[ "$(sql "SELECT GROUP_CONCAT(CONCAT(day, ' ', kind, ' ', name) ORDER BY day SEPARATOR '|')
          FROM calendar_days WHERE day BETWEEN '$Y-01-01' AND '$Y-12-31'")" = \
  "$Y-01-01 holiday 元旦|$Y-01-04 workday 元旦调休上班|$Y-05-01 holiday 劳动节|$Y-05-02 holiday 劳动节|$Y-05-03 holiday 劳动节|$Y-05-10 workday 劳动节调休上班" ] ||
    fail "imported rows differ"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'calendar.import' AND detail LIKE '6 days, $Y-01-01%'")" -ge 1 ] ||
    fail "import not audited"
get a "/admin/calendar?year=$Y"
expect_body "已导入"
expect_body '<td class="holiday" title="元旦">1</td>'
expect_body '<td class="workday" title="元旦调休上班">4</td>'
expect_body '<td class="workday" title="劳动节调休上班">10</td>'
expect_body '<td class="off">5</td>'
# 261 − 3 weekday holidays + 2 make-up Saturdays
expect_body '<strong id="working-days">260</strong>'
ok "imported: shown in the year view, 260 working days"

# one day by hand: 2 June (a Monday) becomes a holiday
post a /admin/calendar/day "date=$Y-06-31" kind=holiday "name=测试" "year=$Y"
expect_status 200
expect_body "请输入有效日期"
expect_body "value=\"$Y-06-31\""
post a /admin/calendar/day "date=$Y-06-02" kind=holiday "name=测试假日" "year=$Y"
expect_status 303
[ "$(sql "SELECT CONCAT(kind, ' ', name) FROM calendar_days WHERE day = '$Y-06-02'")" = "holiday 测试假日" ] ||
    fail "day not stored"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'calendar.set' AND entity_id = ${Y}0602")" -ge 1 ] ||
    fail "setting a day not audited"
get a "/admin/calendar?year=$Y"
expect_body '<td class="holiday" title="测试假日">2</td>'
expect_body '<strong id="working-days">259</strong>'
ok "one day set"

# and deleted again: back to the weekday rule
post a /admin/calendar/delete "day=$Y-06-02"
expect_status 303
[ "$(sql "SELECT COUNT(*) FROM calendar_days WHERE day = '$Y-06-02'")" = 0 ] || fail "day not deleted"
[ "$(sql "SELECT detail FROM audit_log WHERE action = 'calendar.delete' AND entity_id = ${Y}0602
          ORDER BY id DESC LIMIT 1")" = "$Y-06-02 holiday 测试假日" ] || fail "deletion not audited"
get a "/admin/calendar?year=$Y"
expect_body "已删除"
expect_body '<td>2</td>'
expect_body '<strong id="working-days">260</strong>'
post a /admin/calendar/delete "day=$Y-06-02"
expect_status 404
ok "day deleted"

# the calendar is the administrator's: a director (audit only) gets 403
login d director || fail "director cannot sign in"
get d "/admin/calendar?year=$Y"
expect_status 403
post d /admin/calendar/delete "day=$Y-01-01"
expect_status 403
[ "$(sql "SELECT COUNT(*) FROM calendar_days WHERE day = '$Y-01-01'")" = 1 ] || fail "director deleted a day"
ok "director gets 403"
sql "DELETE FROM calendar_days WHERE day BETWEEN '$Y-01-01' AND '$Y-12-31'"
