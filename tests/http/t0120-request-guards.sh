#!/usr/bin/env bash
# What the request loop refuses before any handler runs, and the headers every
# answer carries.
. "$(dirname "$0")/lib.sh"
login a advisor || fail "sign-in"

check_headers() {
    expect_header "Content-Security-Policy: default-src 'self'"
    expect_header "X-Content-Type-Options: nosniff"
    expect_header "X-Frame-Options: DENY"
    expect_header "Referrer-Policy: same-origin"
}

get a /no/such/page
expect_status 404
expect_body "找不到您要访问的页面"
check_headers
ok "unknown route → 404 page with security headers"

req a POST /lang --data-urlencode lang=en
expect_status 403
[ "$(sql "SELECT lang FROM users WHERE login='advisor'")" = zh-CN ] || fail "language changed without CSRF"
ok "POST without CSRF token → 403, nothing changed"
req a POST /lang --data-urlencode lang=en --data-urlencode csrf=0000
expect_status 403
ok "POST with a wrong CSRF token → 403"

get x /login/password
expect_status 303
ok "a staff page without a session → sign-in"

get anon "/login/?next=%22%3E%3Cscript%3Ealert(1)%3C/script%3E"
expect_status 200
expect_no_body '<script>alert(1)</script>'
check_headers
req anon POST /login/ --data-urlencode 'login=<script>alert(1)</script>' --data-urlencode password=x --data-urlencode token=1.2.3
expect_no_body '<script>alert(1)</script>'
expect_body '&lt;script&gt;alert(1)&lt;/script&gt;'
ok "an XSS payload comes back escaped"

head -c $((17 * 1024 * 1024)) /dev/zero | tr '\0' a >"$T/big"
req a POST /login/ -H 'Content-Type: application/x-www-form-urlencoded' --data-binary @"$T/big"
expect_status 413
expect_body "提交的内容太大"
ok "body over 16 MiB → 413"

printf -- '--XYZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue' >"$T/mp"
req a POST /login/ -H 'Content-Type: multipart/form-data; boundary=XYZ' --data-binary @"$T/mp"
expect_status 400
ok "truncated multipart body → 400"

req a GET "/login/?x=%C0%AF"
expect_status 400
req a POST /login/ -H 'Content-Type: application/x-www-form-urlencoded' --data-binary 'login=%FF%FE&password=x'
expect_status 400
expect_body "提交的内容格式不正确"
ok "invalid UTF-8 → 400"

get a /static/css/guwen.css
expect_status 200
get a /login/logout
check_headers
ok "security headers on pages"

# the same program as plain CGI gives the same page as under FastCGI
get z /logout
expect_status 200
cp "$BODY" "$T/fcgi.html"
GUWEN_CONFIG=$VAR/guwen.hdf REQUEST_METHOD=GET PATH_INFO=/logout SCRIPT_NAME=/login \
    "${GUWEN_CGI_DIR:-$ROOT/cgi-bin}/login.fcgi" >"$T/cgi.out"
head -1 "$T/cgi.out" | grep -q '^Status: 200 OK' || fail "plain CGI status: $(head -1 "$T/cgi.out")"
sed '1,/^\r$/d' "$T/cgi.out" >"$T/cgi.html"
cmp -s "$T/fcgi.html" "$T/cgi.html" || { diff "$T/fcgi.html" "$T/cgi.html" | head; fail "CGI page differs"; }
ok "plain CGI gives the same page as FastCGI"
