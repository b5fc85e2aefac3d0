#!/usr/bin/env bash
# An on-site visit (上门回访): before it the visitor records the time and
# topics agreed and with whom in the business staff; the printable report form
# (A4, signature lines for the client and the visitor) renders; the report
# cannot be marked signed without the signed scan, nor submitted unsigned; a
# scan that is not a PDF/JPEG/PNG by its content is refused; with the scan
# uploaded the signed report goes through, and the scan downloads for those
# who see the visit (404 for another advisor).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/visits.sh"

login a "va$tag" || fail "visitor could not sign in"
plan a onsite "$ca"
v=$visit
act a "$v" agree "agreed_at=2026-12-x" "agreed_topics=年度汇算清缴$tag" "agreed_with=$vb"
expect_status 200
expect_body 'id="e-agreed_at"'; expect_body "年度汇算清缴$tag"
act a "$v" agree "agreed_at=2026-12-03T14:30" "agreed_topics=年度汇算清缴$tag" "agreed_with=$vb"
expect_status 303
[ "$(col "$v" "CONCAT_WS(' ', agreed_at, agreed_topics, agreed_with)")" = "2026-12-03 06:30:00 年度汇算清缴$tag $vb" ] || fail "the agreement row"
get a "/visits/$v"
expect_body '2026-12-03 14:30'; expect_body "同部门顾问$tag"
ok "the agreed time (stored in UTC), topics and business staff are recorded"

get a "/visits/$v/print"
expect_status 200
expect_body '客户回访情况表'; expect_body 'id="sign-client"'; expect_body 'id="sign-visitor"'
expect_body "回访客户甲$tag"; expect_body "年度汇算清缴$tag"
expect_no_body "/visits/$v/report"
grep -q '@page { size: A4' "$ROOT/htdocs/css/guwen.css" || fail "no A4 page rule"
ok "the print form renders with signature lines"

act a "$v" visited "visited_on=$(sql "SELECT DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR)")"
expect_status 303
act a "$v" report "discussed=上门沟通$tag" satisfaction=5 signed=1
expect_status 200
expect_body 'id="e-signed"'; expect_body '请先上传客户签字的扫描件'; expect_body "上门沟通$tag"
act a "$v" report "discussed=上门沟通$tag" satisfaction=5
expect_status 200
expect_body 'id="e-signed"'
[ "$(col "$v" "CONCAT(status, signed)")" = visited0 ] || fail "signed or submitted without a scan"
ok "marked signed without a scan, or not signed at all: refused at the field"

printf 'just text, not a scan' >"$T/fake.pdf"
req a POST "/visits/$v/scan" -F "csrf=$(csrf a)" -F "version=$(col "$v" version)" -F "scan=@$T/fake.pdf;type=application/pdf"
expect_status 200
expect_body 'id="e-scan"'
[ "$(sql "SELECT COUNT(*) FROM visit_files WHERE visit_id = $v")" = 0 ] || fail "a fake PDF was stored"
req a POST "/visits/$v/scan" -F "version=$(col "$v" version)" -F "scan=@$ROOT/tests/http/files/letter.pdf"
expect_status 403
req a POST "/visits/$v/scan" -F "csrf=$(csrf a)" -F "version=$(col "$v" version)" -F "scan=@$ROOT/tests/http/files/letter.pdf;filename=签字版.pdf"
expect_status 303
fid=$(sql "SELECT id FROM visit_files WHERE visit_id = $v")
[ -n "$fid" ] || fail "no scan row"
stored=$(sql "SELECT stored_name FROM visit_files WHERE id = $fid")
[ -f "$VAR/uploads/${stored:0:2}/$stored" ] || fail "the scan is not in the uploads directory"
ok "a scan is checked by its content and stored outside the web root"

act a "$v" report "discussed=上门沟通$tag" satisfaction=5 signed=1
expect_status 303
[ "$(col "$v" "CONCAT(status, signed)")" = submitted1 ] || fail "the signed report"
get a "/visits/$v/scan/$fid"
expect_status 200
cmp -s "$BODY" "$ROOT/tests/http/files/letter.pdf" || fail "the scan downloaded differs"
expect_header 'Content-Disposition: attachment'
login m "vm$tag" || fail "manager could not sign in"
get m "/visits/$v/scan/$fid"; expect_status 200
login b "vb$tag" || fail "second advisor could not sign in"
get b "/visits/$v/scan/$fid"; expect_status 404
ok "with the scan the report is signed; the scan downloads for those who see the visit only"
