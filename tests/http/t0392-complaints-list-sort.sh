#!/usr/bin/env bash
# The lists sort by a column in both directions (ties kept in order by the
# key), page through every row exactly once with no OFFSET (each next link
# starts after the last row shown), search the text columns (the search's own
# % and _ taken literally), and export every row of a list longer than a page.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
login d director || fail "director could not sign in"
login a admin || fail "admin could not sign in"
client=$(sql "INSERT INTO clients (name, department_id, active, created_at, updated_at)
              SELECT '排序客户$tag', id, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM departments LIMIT 1;
              SELECT LAST_INSERT_ID()")
# 45 complaints of one client; names repeat (7 of them), so sorting by name
# has ties that only the key orders; three carry a company with the search word
sql "INSERT INTO complaints (tracking_no, verify_mac, source, name, company, description, client_id,
                             created_at, updated_at)
     SELECT CONCAT('TS-8', LPAD($client, 7, '0'), '-', LPAD(seq, 4, '0')), REPEAT('0', 64), 'web',
            CONCAT('排序', seq % 7, '号'), IF(seq % 15 = 0, '寻找$tag公司', ''), '排序测试', $client,
            UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM seq_1_to_45"

# walk JAR QUERY: every page of the list from the first, following rel=next;
# prints the tracking numbers in the order shown
walk() {
    local jar=$1 url="/complaints/?$2" pages=0
    while [ -n "$url" ]; do
        get "$jar" "$url"
        expect_status 200
        grep -o '>TS-8[0-9]*-[0-9]*</a>' "$BODY" | tr -d '<>/a' || true
        url=$(grep -o 'href="[^"]*" rel="next"' "$BODY" | cut -d'"' -f2 | sed 's/&amp;/\&/g' || true)
        pages=$((pages + 1))
        [ "$pages" -le 5 ] || fail "more pages than rows"
    done
}
want() { sql "SELECT tracking_no FROM complaints WHERE client_id = $client ORDER BY $1"; }

walk d "tab=all&client=$client" >"$T/default"
[ "$(wc -l <"$T/default")" = 45 ] || fail "default order: $(wc -l <"$T/default") rows, want 45"
[ "$(sort -u "$T/default" | wc -l)" = 45 ] || fail "default order: a row shown twice"
diff <(want "id DESC") "$T/default" >/dev/null || fail "default order is not newest first"
ok "newest first, three pages, every row once"

walk d "tab=all&client=$client&sort=name&dir=asc" >"$T/asc"
[ "$(wc -l <"$T/asc")" = 45 ] && [ "$(sort -u "$T/asc" | wc -l)" = 45 ] || fail "name ascending: rows lost or doubled"
diff <(want "name ASC, id ASC") "$T/asc" >/dev/null || fail "not sorted by name ascending (ties by number)"
walk d "tab=all&client=$client&sort=name&dir=desc" >"$T/desc"
[ "$(wc -l <"$T/desc")" = 45 ] && [ "$(sort -u "$T/desc" | wc -l)" = 45 ] || fail "name descending: rows lost or doubled"
diff <(want "name DESC, id DESC") "$T/desc" >/dev/null || fail "not sorted by name descending"
get d "/complaints/?tab=all&client=$client&sort=name&dir=desc"
expect_body 'aria-sort="descending"'
expect_body "sort=name&amp;dir=asc" # the heading turns the order round
ok "sorted by complainant both ways across pages, ties in key order, no row twice or missing"

walk d "tab=all&client=$client&q=寻找$tag" >"$T/found"
diff <(sql "SELECT tracking_no FROM complaints WHERE client_id = $client AND company LIKE '%寻找$tag%' ORDER BY id DESC") \
     "$T/found" >/dev/null || fail "search found: $(cat "$T/found")"
[ "$(wc -l <"$T/found")" = 3 ] || fail "search found $(wc -l <"$T/found") rows, want 3"
walk d "tab=all&client=$client&q=%25" >"$T/percent"
[ ! -s "$T/percent" ] || fail "a % in the search matched everything"
get d "/complaints/?tab=all&client=$client&q=寻找$tag"
expect_body "value=\"寻找$tag\""
ok "search over the text columns; % is literal; the search box keeps the words"

req d GET "/complaints/export?tab=all&client=$client&sort=name&dir=asc"
expect_status 200
expect_header '^Content-Type: text/csv; charset=utf-8'
[ "$(wc -l <"$BODY")" = 46 ] || fail "export has $(wc -l <"$BODY") lines, want 46 (header + 45)"
diff <(want "name ASC, id ASC") <(tail -n +2 "$BODY" | cut -d, -f1) >/dev/null ||
    fail "the export is not the list in its order"
ok "the export holds every row of a list longer than a page, in the list's order"

# the admin's lists share it: accounts sorted by login both ways
get a "/admin/users?sort=login&dir=desc"
first=$(grep -o 'href="/admin/users/[0-9]*">[^<]*' "$BODY" | sed -n 1p | cut -d'>' -f2)
get a "/admin/users?sort=login&dir=asc"
last=$(grep -o 'href="/admin/users/[0-9]*">[^<]*' "$BODY" | sed -n 1p | cut -d'>' -f2)
[ "$first" = "$(sql "SELECT login FROM users ORDER BY login DESC LIMIT 1")" ] || fail "users descending starts with $first"
[ "$last" = "$(sql "SELECT login FROM users ORDER BY login ASC LIMIT 1")" ] || fail "users ascending starts with $last"
ok "the admin's account list sorts both ways"
