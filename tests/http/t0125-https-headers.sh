#!/usr/bin/env bash
# Served over HTTPS, every answer tells the browser to use HTTPS from then on
# (Strict-Transport-Security); over plain HTTP (the test stack) it does not,
# since the header would be ignored there anyway. Run as plain CGI with
# HTTPS=on, the way a web server passes it.
. "$(dirname "$0")/lib.sh"

cgi() { env -i GUWEN_CONFIG="$VAR/guwen.hdf" REQUEST_METHOD=GET PATH_INFO=/ "$@" \
    "$ROOT/cgi-bin/login.fcgi" </dev/null | sed '/^\r$/q'; }

cgi HTTPS=on >"$HEADERS"
grep -q '^Status: 200' "$HEADERS" || { cat "$HEADERS"; fail "sign-in page over HTTPS"; }
expect_header '^Strict-Transport-Security: max-age=31536000'
expect_header '^Set-Cookie: __Host-'
ok "over HTTPS: Strict-Transport-Security is sent"

cgi >"$HEADERS"
! grep -qi '^Strict-Transport-Security' "$HEADERS" || fail "HSTS over plain HTTP"
ok "over plain HTTP: no Strict-Transport-Security"
