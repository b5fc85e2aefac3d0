#!/usr/bin/env bash
# t0240-admin-audit — the audit log: filtered by user, entity, action prefix and
# local dates, newest first, 50 a page; exported as CSV that Excel opens (BOM,
# header row, the filtered rows), the export audited itself. The director may
# read it; an advisor may not.
. "$(dirname "$0")/lib.sh"

suffix=$RANDOM$RANDOM
dept="审计部$suffix"
today=$(TZ=Asia/Shanghai date +%F)              # the stack's zone is UTC+8
tomorrow=$(TZ=Asia/Shanghai date -d tomorrow +%F)

login a admin || fail "admin cannot sign in"
post a /admin/departments "name=$dept"
expect_status 303
id=$(sql "SELECT id FROM departments WHERE name = '$dept'")

get a "/admin/audit?action=department.cr&entity=department&user=admin&from=$today&to=$today"
expect_status 200
expect_body "审计日志"
expect_body "$dept"
expect_body "<code>department.create</code>"
expect_body "department #$id"
expect_body 'value="department.cr"'
ok "filtered by user, entity, action prefix and today's date"

get a "/admin/audit?action=department.create&user=director"
expect_no_body "$dept"
get a "/admin/audit?action=department.create&from=$tomorrow"
expect_body "没有符合条件的记录"
get a "/admin/audit?user=nobody$suffix"
expect_body "没有符合条件的记录"
get a "/admin/audit?action=department%25"
expect_body "没有符合条件的记录" # % is literal, not a wildcard
get a "/admin/audit?from=2031-02-30"
expect_status 200
expect_body "请输入有效日期"
ok "other user, later dates, unknown user, literal %: nothing; bad date at the field"

# newest first, 50 a page: 60 rows of one action
sql "INSERT INTO audit_log (at, action, entity, detail)
     SELECT UTC_TIMESTAMP(), 'test.page$suffix', 'test', CONCAT('row ', seq) FROM seq_1_to_60"
get a "/admin/audit?action=test.page$suffix"
[ "$(grep -c "<code>test.page$suffix</code>" "$BODY")" = 50 ] || fail "page 1 should hold 50 rows"
expect_body ">row 60<"
expect_no_body ">row 10<"
# keyset paging: the next page starts after the last row shown (no OFFSET)
next=$(grep -o "href=\"/admin/audit?action=test.page$suffix&amp;before=[0-9]*\" rel=\"next\"" "$BODY" |
       cut -d'"' -f2 | sed 's/&amp;/\&/g')
[ -n "$next" ] || fail "no next-page link"
get a "$next"
[ "$(grep -c "<code>test.page$suffix</code>" "$BODY")" = 10 ] || fail "page 2 should hold 10 rows"
expect_body ">row 1<"
expect_body 'rel="first"'
expect_no_body 'rel="next"'
ok "newest first, 50 a page, first/next links"

# CSV: BOM, header row, the filtered rows; the export itself is audited
before=$(sql "SELECT MAX(id) FROM audit_log")
get a "/admin/audit/export?action=department.create&entity=department"
expect_status 200
expect_header '^Content-Type: text/csv; charset=utf-8'
expect_header "^Content-Disposition: attachment; filename=\"audit-$(TZ=Asia/Shanghai date +%Y%m%d).csv\""
[ "$(head -c 3 "$BODY" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "no UTF-8 BOM"
[ "$(head -1 "$BODY" | tail -c +4 | tr -d '\r')" = \
  "时间 (UTC+08:00),用户名,姓名,IP 地址,操作,对象类型,对象编号,详情" ] || fail "header row: $(head -1 "$BODY")"
grep -q "^[0-9-]* [0-9:]*,admin,系统管理员,[^,]*,department.create,department,$id,$dept"$'\r'"\$" "$BODY" ||
    fail "the department's row is missing"
rows=$(($(wc -l <"$BODY") - 1))
[ "$rows" = "$(sql "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'department.create%' AND entity = 'department'")" ] ||
    fail "CSV holds $rows rows"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE id > $before AND action = 'audit.export'
          AND detail LIKE '$rows rows; %action=department.create%'")" = 1 ] || fail "export not audited"
ok "CSV export: BOM, header, the filtered rows; audited"

# the director reads the log (and sees only that section); an advisor does not
login d director || fail "director cannot sign in"
get d /admin/
expect_status 200
expect_body 'href="/admin/audit"'
expect_no_body 'href="/admin/users"'
get d "/admin/audit?action=department.create"
expect_status 200
expect_body "$dept"
get d "/admin/audit/export?action=department.create"
expect_status 200
expect_body "$dept"
ok "director can read and export"

login v advisor || fail "advisor cannot sign in"
get v /admin/audit
expect_status 403
get v /admin/audit/export
expect_status 403
expect_no_body "$dept"
ok "advisor gets 403"
