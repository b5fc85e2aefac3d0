#!/usr/bin/env bash
# What the system writes in a complaint's timeline is stored as a code with
# parameters and read in each reader's language: a classification made by a
# Chinese-speaking manager reads in English for an English reader, in Chinese
# for a Chinese one; older events stored as text still show. The audit log
# reads as sentences in the reader's language, the raw action kept small.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
advisor=$(sql "SELECT id FROM users WHERE login = 'advisor'")
manager=$(sql "SELECT id FROM users WHERE login = 'manager'")
login m manager || fail "manager could not sign in"
login d director || fail "director could not sign in"
login a admin || fail "admin could not sign in"
lang() { get "$1" /; keep_csrf "$1"; post "$1" /lang "lang=$2"; }
restore() { lang d zh-CN >/dev/null 2>&1 || true; lang a zh-CN >/dev/null 2>&1 || true; rm -rf "$T"; }
trap restore EXIT

post m /complaints/new source=phone "name=语言$tag" phone=13800138000 "description=语言测试"
id=$(sql "SELECT id FROM complaints WHERE name = '语言$tag'")
post m "/complaints/$id/classify" severity=b "owner=$advisor"
expect_status 303
post m "/complaints/$id/classify" severity=c "owner=$manager" "reason=客户升级了投诉$tag"
expect_status 303
sql "INSERT INTO complaint_events (complaint_id, at, kind, visibility, body)
     VALUES ($id, UTC_TIMESTAMP(), 'note', 'internal', '旧的文字记录$tag')"

get m "/complaints/$id"
expect_body 'class="ev-text">b 一般 → c 重大'
expect_body "客户升级了投诉$tag"
ok "the Chinese reader reads the classification in Chinese"

lang d en
get d "/complaints/$id"
expect_status 200
expect_body 'class="ev-text">b General · Department: '
expect_body 'class="ev-text">b General → c Major'
expect_no_body 'b 一般'
expect_no_body '负责人：'
expect_body "客户升级了投诉$tag"
expect_body "旧的文字记录$tag"
ok "the English reader reads it in English; the person's words and older text events as written"

get a "/admin/audit?entity=complaint&action=complaint.classify"
expect_status 200
expect_body "分级并指派了投诉 #$id"
lang a en
get a "/admin/audit?entity=complaint&action=complaint.classify"
expect_body "classified complaint #$id"
expect_no_body "分级并指派了投诉"
expect_body '<code>complaint.classify</code>'
ok "the audit log reads as sentences in the reader's language"
