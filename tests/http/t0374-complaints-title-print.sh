#!/usr/bin/env bash
# A complaint's page title carries its tracking number (tabs, history and
# bookmarks tell complaints apart); its print view shows the number, title,
# facts and timeline for A4 paper, without the actions, and only to those who
# may see the complaint.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
login m manager || fail "manager could not sign in"
login a advisor || fail "advisor could not sign in"
post m /complaints/new source=phone "name=打印$tag" phone=13800138000 "company=打印公司$tag" \
    "subject=打印项目$tag" "description=打印测试内容$tag"
id=$(sql "SELECT id FROM complaints WHERE name = '打印$tag'")
tn=$(sql "SELECT tracking_no FROM complaints WHERE id = $id")
post m "/complaints/$id/note" "note=打印备注$tag" "version=$(sql "SELECT version FROM complaints WHERE id = $id")"

get m "/complaints/$id"
expect_status 200
grep -qF "<title>投诉详情 $tn · " "$BODY" || fail "the page title lacks the number: $(grep -o '<title>[^<]*' "$BODY")"
expect_body "href=\"/complaints/$id/print\""
ok "the complaint's page title carries its tracking number; the page links its print view"

get m "/complaints/$id/print"
expect_status 200
grep -qF "<title>打印投诉 $tn · " "$BODY" || fail "the print title lacks the number"
expect_body "<span id=\"print-tracking\">$tn</span>"
expect_body "打印项目$tag"
expect_body "打印公司$tag"
expect_body "打印测试内容$tag"
expect_body 'class="timeline"'
expect_body "打印备注$tag"
expect_no_body 'action="/complaints/'"$id"'/'
ok "the print view: number, title, facts, description and timeline; no action forms"

curl -s -o "$T/guwen.css" "$BASE/static/css/guwen.css"
grep -qF 'size: A4' "$T/guwen.css" || fail "no A4 page size in the style sheet"
ok "printed on A4"

get a "/complaints/$id/print"
expect_status 404
ok "outside one's lists the print view answers 404"
