#!/usr/bin/env bash
# What people typed never runs as a formula when an export is opened in a
# spreadsheet: a cell with = + - @ at its start OR after a separator inside it
# ("张三;=cmd|…" runs in locales where ";" separates arguments) is exported
# with a leading apostrophe, so it is read as text.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
login d director || fail "director could not sign in"
post d /complaints/new source=phone "name=张三$tag;=cmd|' /C calc'!A0" phone=13800138000 \
    "company=公司, @SUM(A1)" "description=CSV $tag"
expect_status 200
get d "/complaints/export?tab=all&source=phone"
expect_status 200
expect_body "\"'张三$tag;=cmd|' /C calc'!A0\""
expect_body "\"'公司, @SUM(A1)\""
expect_no_body ",张三$tag;"
ok "the complaints export guards formulas after a separator inside a cell"

# the audit export too (the admin's)
login x admin || fail "admin could not sign in"
sql "INSERT INTO audit_log (at, user_id, ip, action, entity, entity_id, detail) VALUES (UTC_TIMESTAMP(), NULL, '127.0.0.1', 'test.csv', 'user', 0, 'x$tag;=HYPERLINK(\"http://evil\")')" 2>/dev/null ||
    fail "cannot plant an audit row"
get x "/admin/audit/export"
expect_status 200
expect_body "\"'x$tag;=HYPERLINK(\"\"http://evil\"\")\""
ok "the audit export guards them too"
