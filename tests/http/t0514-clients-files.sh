#!/usr/bin/env bash
# Financial files: only PDF, XLSX, JPEG and PNG by their content (a text file
# named .pdf is refused), at most 5 MB, with the message at the file field and
# nothing stored; a good XLSX is stored encrypted and comes back as it was sent.
. "$(dirname "$0")/lib.sh"
tag=$$$RANDOM
login d director || fail "director could not sign in"
post d /clients/new "name=文件测试有限公司$tag" tier=normal
expect_status 303
id=$(location | grep -o '[0-9]*$')
upload() { req d POST "/clients/$id/files" -F "csrf=$(csrf d)" -F kind=tax_return "$@"; }
files() { sql "SELECT COUNT(*) FROM client_files WHERE client_id = $id"; }

printf 'just some text, not a PDF\n' >"$T/fake.pdf"
upload -F "file=@$T/fake.pdf;type=application/pdf"
expect_status 200
expect_body 'id="e-file"'
expect_body '只接受 PDF、XLSX、JPG 或 PNG 文件'
[ "$(files)" = 0 ] || fail "a fake PDF was stored"
ok "a text file named .pdf: refused at the file field"

{ printf '%%PDF-1.4\n'; head -c $((5 * 1024 * 1024 + 10)) /dev/zero; } >"$T/big.pdf"
upload -F "file=@$T/big.pdf;type=application/pdf"
expect_status 200
expect_body 'id="e-file"'
expect_body '文件不能超过 5 MB'
[ "$(files)" = 0 ] || fail "an oversized file was stored"
ok "a file over 5 MB: refused at the file field"

req d POST "/clients/$id/files" -F kind=tax_return -F "file=@$ROOT/tests/http/files/letter.pdf"
expect_status 403
[ "$(files)" = 0 ] || fail "stored without CSRF"
ok "an upload without the CSRF token: 403"

mkdir -p "$T/x/xl" && printf '<Types/>' >"$T/x/[Content_Types].xml" && printf '<workbook/>' >"$T/x/xl/workbook.xml"
(cd "$T/x" && python3 -c "
import zipfile; z = zipfile.ZipFile('../book.xlsx', 'w')
z.write('[Content_Types].xml'); z.write('xl/workbook.xml'); z.close()")
upload -F "file=@$T/book.xlsx;type=application/octet-stream"
expect_status 303
fid=$(sql "SELECT id FROM client_files WHERE client_id = $id")
[ "$(sql "SELECT ctype FROM client_files WHERE id = $fid")" = application/vnd.openxmlformats-officedocument.spreadsheetml.sheet ] || fail "not typed as XLSX"
stored=$(sql "SELECT stored_name FROM client_files WHERE id = $fid")
! cmp -s "$T/book.xlsx" "$VAR/uploads/${stored:0:2}/$stored" || fail "stored in clear"
get d "/clients/$id/files/$fid"
expect_status 200
cmp -s "$BODY" "$T/book.xlsx" || fail "the download differs"
expect_header 'Content-Disposition: attachment'
expect_header 'xlsx'
ok "an XLSX workbook: stored encrypted, downloaded as sent, as an attachment"
