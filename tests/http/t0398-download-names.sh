#!/usr/bin/env bash
# An attachment is downloaded under a name that cannot pass for another type:
# no control or bidirectional characters ("a<U+202E>gnp.html" reads as
# "almth.png"), and the extension of the type its bytes are.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
login d director || fail "director could not sign in"
post d /complaints/new source=phone "name=附件$tag" phone=13800138000 "description=附件名 $tag"
id=$(sql "SELECT id FROM complaints WHERE name = '附件$tag'"); [ -n "$id" ] || fail "register"

stored=$(openssl rand -hex 16)
mkdir -p "$VAR/uploads/${stored:0:2}"
printf '%%PDF-1.4 test %s\n' "$tag" >"$VAR/uploads/${stored:0:2}/$stored"
fid=$(sql "INSERT INTO complaint_files (complaint_id, stored_name, orig_name, ctype, size, created_at) VALUES ($id, '$stored', CONCAT('a', CHAR(0xE280AE USING utf8mb4), 'gnp.html'), 'application/pdf', 20, UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()")
get d "/complaints/$id/file/$fid"
expect_status 200
expect_header '^Content-Type: application/pdf'
expect_header "^Content-Disposition: attachment; filename=\"attachment\"; filename\*=UTF-8''agnp.pdf"
! grep -qi 'E2%80%AE\|\.html' "$HEADERS" || fail "the bidi mark or the .html extension is still in the name"
ok "a download's name has no bidi marks and the extension of its real type"
