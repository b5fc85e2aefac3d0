#!/usr/bin/env bash
# 代理记账 is monthly (issue 11): each month is a period with its filing
# deadline — the 15th of the next month, moved to the next working day — its
# steps, the filed date and corrections (what and why). 2026-10's deadline
# (Sunday 2026-11-15) moves to Monday 11-16; 2026-11's (Tuesday 2026-12-15)
# moves past two holidays imported for the test to 12-17.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
sql "INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2026-12-15', 'holiday', 'test', NOW()), ('2026-12-16', 'holiday', 'test', NOW()) ON DUPLICATE KEY UPDATE kind = 'holiday'"
trap 'sql "DELETE FROM calendar_days WHERE name = '\''test'\'' AND day IN ('\''2026-12-15'\'', '\''2026-12-16'\'')"; rm -rf "$T"' EXIT
dept=$(sql "SELECT department_id FROM users WHERE login = 'advisor'")
adv=$(sql "SELECT id FROM users WHERE login = 'advisor'")
sql "INSERT INTO clients (name, created_at, updated_at) VALUES ('账期客户$tag', NOW(), NOW())"
client=$(sql "SELECT id FROM clients WHERE name = '账期客户$tag'")
login m market || fail "market"; login a advisor || fail "advisor"
post m /projects/new "client=$client" type=1 "department=$dept" "advisor=$adv" fee=300 fee_purpose=记账费 fee_due=2099-01-01 slip_on=2026-11-02
id=$(sql "SELECT id FROM projects WHERE client_id = $client")
post a "/projects/$id/accept" version=0; expect_status 303
get a "/projects/$id"; expect_body 'id="period-add"'
post a "/projects/$id/period" version=1 month=2026-13
expect_status 200; expect_body '请按 YYYY-MM 填写月份'
post a "/projects/$id/period" version=1 month=2026-10; expect_status 303
post a "/projects/$id/period" version=2 month=2026-11; expect_status 303
[ "$(sql "SELECT GROUP_CONCAT(CONCAT(month, '=', filing_due) ORDER BY month) FROM project_periods WHERE project_id = $id")" = "2026-10=2026-11-16,2026-11=2026-12-17" ] || fail "filing deadlines $(sql "SELECT GROUP_CONCAT(CONCAT(month, '=', filing_due)) FROM project_periods WHERE project_id = $id")"
post a "/projects/$id/period" version=3 month=2026-10
expect_status 200; expect_body '该月份账期已存在'
ok "filing deadlines: 2026-11-15 (Sunday) → 11-16; 2026-12-15 and 16 holidays → 12-17; a month only once"

post a "/projects/$id/period/step" version=3 month=2026-10 pseq=1 on=2026-11-02; expect_status 303
post a "/projects/$id/period/filed" version=4 month=2026-10 on=2026-11-18; expect_status 303
post a "/projects/$id/period/correction" version=5 month=2026-10 "what=增值税销项税额" why=
expect_status 200; expect_body 'aria-invalid="true"'
post a "/projects/$id/period/correction" version=5 month=2026-10 "what=增值税销项税额" "why=漏记一张发票"; expect_status 303
[ "$(sql "SELECT CONCAT(filed_on, ' ', (SELECT COUNT(*) FROM project_corrections c WHERE c.project_id = $id AND c.month = '2026-10'), ' ', (SELECT COUNT(*) FROM project_period_steps s WHERE s.project_id = $id AND s.month = '2026-10')) FROM project_periods WHERE project_id = $id AND month = '2026-10'")" = "2026-11-18 1 1" ] || fail "period row"
get a "/projects/$id"
tr -d '\n' <"$BODY" | grep -q 'id="period-2026-10" class="overdue">' || fail "filed after the deadline: not shown late"
expect_body '漏记一张发票'
ok "a month's step, its filing (late: it stands out) and a correction with what and why"

# the start page: a month not filed past its deadline stands out; one filed or
# not yet near its deadline (2026-11: 12-17) is not there
get a /; expect_no_body "纳税申报期限 · 账期客户$tag"
post a "/projects/$id/period" version=6 month=2026-09; expect_status 303
get a /; expect_body "已超期：纳税申报期限 · 账期客户$tag · 代理记账 · 期限 2026-10-15"
[ "$(grep -c "纳税申报期限 · 账期客户$tag" "$BODY")" = 1 ] || fail "more than the one month past its deadline"
post a "/projects/$id/period/filed" version=7 month=2026-09 on=2026-10-15; expect_status 303
get a /; expect_no_body "纳税申报期限 · 账期客户$tag"
ok "the lead's start page: the month past its filing deadline, until it is filed"
