#!/usr/bin/env bash
# The complaint lists: each tab shows what its user may see (mine, my
# department — with the new unclassified ones for those who classify — and all
# for directors); filters by stage, severity, source, overdue, client and
# advisor; 20 a page, newest first, with a next page; the CSV export has the
# same rows, a UTF-8 BOM for Excel, and is audited.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
advisor=$(sql "SELECT id FROM users WHERE login = 'advisor'")
director=$(sql "SELECT id FROM users WHERE login = 'director'")
dept=$(sql "SELECT id FROM departments WHERE name = '记账一部'")
newclient() { sql "INSERT INTO clients (name, department_id, active, created_at, updated_at) SELECT '$1', department_id, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM users WHERE login = 'manager'; SELECT LAST_INSERT_ID()"; }
K=$(newclient "列表客户$tag")
P=$(newclient "分页客户$tag")

login m manager || fail "manager could not sign in"
login a advisor || fail "advisor could not sign in"
login d director || fail "director could not sign in"

# register SOURCE NAME [fields...] — prints the new complaint's tracking number
register() {
    local src=$1 nm=$2; shift 2
    post m /complaints/new "source=$src" "name=$nm" phone=13800138000 "description=列表测试 $nm" "client=$K" "$@"
    sql "SELECT tracking_no FROM complaints WHERE name = '$nm'"
}
idof() { sql "SELECT id FROM complaints WHERE tracking_no = '$1'"; }

A=$(register visit "甲$tag")   # b, advisor owns it, investigating
# unclassified, about the advisor (who therefore never owns it: issue 9)
B=$(register email "乙$tag" "email=b$tag@example.test" "advisor=$advisor")
C=$(register phone "丙$tag")                        # c, the director owns it
D=$(register phone "丁$tag")                        # a, the department, overdue
[ -n "$A" ] && [ -n "$B" ] && [ -n "$C" ] && [ -n "$D" ] || fail "register"
post m "/complaints/$(idof "$A")/classify" severity=b "owner=$advisor"
post a "/complaints/$(idof "$A")/stage" to=investigating
post m "/complaints/$(idof "$C")/classify" severity=c "owner=$director"
post m "/complaints/$(idof "$D")/classify" severity=a "department=$dept"
sql "UPDATE complaints SET resolution_due = UTC_TIMESTAMP() - INTERVAL 1 HOUR WHERE tracking_no = '$D'"
# the deadline passed: `guwen jobs` flags it overdue (the overdue filter's index)
GUWEN_CONFIG="$VAR/guwen.hdf" "$ROOT/tools/guwen" jobs >/dev/null 2>&1 || true

# shows JAR QUERY IN... -- NOT_IN...: the list page for QUERY has exactly the
# complaints before "--" among A–D
shows() {
    local jar=$1 q=$2; shift 2
    get "$jar" "/complaints/?$q"
    expect_status 200
    local want=1
    for t in "$@"; do
        if [ "$t" = -- ]; then want=0; continue; fi
        if [ $want = 1 ]; then grep -qF ">$t</a>" "$BODY" || fail "$q: $t missing"
        else ! grep -qF ">$t</a>" "$BODY" || fail "$q: $t must not be listed"; fi
    done
}

shows d "tab=all&client=$K&stage=investigating" "$A" -- "$B" "$C" "$D"
shows d "tab=all&client=$K&severity=c" "$C" -- "$A" "$B" "$D"
shows d "tab=all&client=$K&severity=none" "$B" -- "$A" "$C" "$D"
shows d "tab=all&client=$K&source=email" "$B" -- "$A" "$C" "$D"
shows d "tab=all&client=$K&source=visit" "$A" -- "$B" "$C" "$D"
shows d "tab=all&client=$K&advisor=$advisor" "$B" -- "$A" "$C" "$D"
shows d "tab=all&client=$K&overdue=1" "$D" -- "$A" "$B" "$C"
expect_body 'class="badge overdue">已超期'
# waiting on the complainant stops the clock: no longer in the overdue list
post d "/complaints/$(idof "$D")/wait" "wait_note=等客户补充材料"
shows d "tab=all&client=$K&overdue=1" -- "$A" "$B" "$C" "$D"
post d "/complaints/$(idof "$D")/wait"
shows d "tab=all&client=$K&overdue=1" "$D" -- "$A" "$B" "$C"
shows d "tab=all&client=$K" "$A" "$B" "$C" "$D"
shows d "tab=all&client=$K&stage=nonsense" "$A" "$B" "$C" "$D"
ok "filters: stage, severity (and unclassified), source, advisor, overdue, client; unknown values ignored"

# the advisor filter by name: no select of every advisor on each list page (issue 13)
urlenc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
get d "/complaints/?tab=all&client=$K"
expect_no_body '<select id="f-advisor"'
expect_body 'name="advisor_q"'
aname=$(sql "SELECT name FROM users WHERE id = $advisor")
shows d "tab=all&client=$K&advisor_q=$(urlenc "$aname")" "$B" -- "$A" "$C" "$D"
expect_body "<input type=\"hidden\" name=\"advisor\" value=\"$advisor\">"
expect_body "<span class=\"chip\">$aname"
for i in 1 2; do
    sql "INSERT INTO users (login, name, role, password_hash, created_at, updated_at)
         VALUES ('adv$i$tag', '同名顾问$tag-$i', 'advisor', 'x', UTC_TIMESTAMP(), UTC_TIMESTAMP())"
done
shows d "tab=all&client=$K&severity=c&advisor_q=$(urlenc "同名顾问$tag")" -- "$A" "$B" "$C" "$D"
expect_body '有几位顾问的姓名以此开头'
two=$(sql "SELECT id FROM users WHERE login = 'adv2$tag'")
expect_body "client=$K&amp;advisor=$two\">同名顾问$tag-2</a>"
expect_body 'value="同名顾问'
shows d "tab=all&client=$K&advisor_q=$(urlenc "无此顾问$tag")" -- "$A" "$B" "$C" "$D"
expect_body '没有姓名以此开头的顾问'
req d GET "/complaints/export?tab=all&client=$K&advisor_q=$(urlenc "无此顾问$tag")"
expect_status 400
ok "advisor by the beginning of the name: one found filters (chip), several to choose from, none said"

get d "/complaints/?tab=all&client=$K"
first=$(grep -o '>TS-[0-9-]*</a>' "$BODY" | sed -n 1p)
[ "$first" = ">$D</a>" ] || fail "not newest first: $first"
ok "newest first"

shows a "tab=mine&client=$K" "$A" -- "$B" "$C" "$D"
shows a "tab=department&client=$K" "$A" "$D" -- "$B" "$C"
shows a "tab=all&client=$K" "$A" -- "$B" "$C" "$D"
expect_no_body '全部投诉</a>'
expect_body 'aria-current="page">我负责的'
shows m "tab=department&client=$K" "$A" "$B" "$D" -- "$C"
shows d "tab=mine&client=$K" "$C" -- "$A" "$B" "$D"
expect_body '全部投诉</a>'
ok "tabs: the advisor's own and department's, the manager's department with the new ones, all for the director"

# paging: 22 complaints of one client, 20 a page
sql "INSERT INTO complaints (tracking_no, verify_mac, source, name, description, client_id, created_at, updated_at)
     SELECT CONCAT('TS-9', LPAD($P, 7, '0'), '-', LPAD(seq, 4, '0')), REPEAT('0', 64), 'web', CONCAT('批量', seq),
            '批量投诉', $P, UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM seq_1_to_22"
get d "/complaints/?tab=all&client=$P"
[ "$(grep -c '>TS-9[0-9]*-[0-9]*</a>' "$BODY")" = 20 ] || fail "first page does not have 20 rows"
expect_body "-0022</a>"
next=$(grep -o 'href="[^"]*before=[0-9]*" rel="next"' "$BODY" | cut -d'"' -f2 | sed 's/&amp;/\&/g')
[ -n "$next" ] || fail "no next page link"
get d "$next"
[ "$(grep -c '>TS-9[0-9]*-[0-9]*</a>' "$BODY")" = 2 ] || fail "second page does not have the last 2"
expect_body "-0001</a>"
expect_body 'rel="first"'
expect_no_body 'rel="next"'
ok "20 a page with a next-page link; the second page has the rest"
# by another column than the key: the link carries where the page ended (at)
get d "/complaints/?tab=all&client=$P&sort=name&dir=asc"
grep -o '>TS-9[0-9]*-[0-9]*</a>' "$BODY" | sort >"$T/page1"
[ "$(wc -l <"$T/page1")" = 20 ] || fail "sorted by name: first page does not have 20 rows"
next=$(grep -o 'href="[^"]*before=[0-9]*" rel="next"' "$BODY" | cut -d'"' -f2 | sed 's/&amp;/\&/g')
[ -n "$next" ] || fail "sorted by name: no next page link"
case "$next" in *'&&'* | *'?&'*) fail "a next-page link with an empty parameter: $next" ;; esac
case "$next" in *'&at='*'&before='*) ;; *) fail "the next-page link lacks where the page ended: $next" ;; esac
get d "$next"
grep -o '>TS-9[0-9]*-[0-9]*</a>' "$BODY" | sort >"$T/page2"
[ "$(wc -l <"$T/page2")" = 2 ] || fail "sorted by name: second page does not have the last 2"
[ -z "$(comm -12 "$T/page1" "$T/page2")" ] || fail "sorted by name: a complaint on both pages"
ok "sorted by name: the next-page link is clean and the second page has the other 2"

# CSV export with the same filters
req d GET "/complaints/export?tab=all&client=$P"
expect_status 200
expect_header '^Content-Type: text/csv; charset=utf-8'
expect_header '^Content-Disposition: attachment; filename="complaints-[0-9-]*.csv"'
[ "$(head -c 3 "$BODY" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "no UTF-8 BOM"
head -1 "$BODY" | grep -q '投诉编号,登记时间,来源,投诉人' || fail "header: $(head -1 "$BODY")"
[ "$(wc -l <"$BODY")" = 23 ] || fail "export has $(wc -l <"$BODY") lines, want 23"
grep -q "^TS-9[0-9]*-0022,.*,网上自助,批量22," "$BODY" || fail "row content"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'complaint.export' AND detail LIKE '%client=$P%'")" -ge 1 ] || fail "export not audited"
ok "CSV export: all 22 rows across pages, BOM, attachment, audited"

req a GET "/complaints/export?tab=department&client=$K"
expect_status 200
grep -qF "$A," "$BODY" && grep -qF "$D," "$BODY" || fail "advisor export lacks the department's"
! grep -qF "$B," "$BODY" && ! grep -qF "$C," "$BODY" || fail "advisor export holds complaints outside the department"
req d GET "/complaints/export?tab=all&client=$K&severity=c"
[ "$(wc -l <"$BODY")" = 2 ] && grep -qF "$C," "$BODY" || fail "filtered export"
grep -q 'c 重大' "$BODY" || fail "severity word in the export"
ok "the export keeps the tab's scope and the filters"

login p legal || fail "legal could not sign in"
get p /complaints/
expect_status 403
ok "staff without complaint permission get 403"
