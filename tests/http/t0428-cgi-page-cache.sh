#!/usr/bin/env bash
# Plain CGI keeps the sign-in page rendered on disk (App.PageCache, issue 13):
# a run then reads neither the templates nor the words. Each visitor still
# gets a token of their own, each language its own page, and a changed
# template is shown at once (the kept file's name holds a digest of every
# template and word file). The program runs as a web server would run it.
. "$(dirname "$0")/lib.sh"
TPL=$T/templates CACHE=$T/pages CFG=$T/guwen.hdf
cp -r "$ROOT/templates" "$TPL"
sed -e "s|^  Templates = .*|  Templates = $TPL|" -e '/^  PageCache = /d' \
    -e "s|^  Uploads = |  PageCache = $CACHE\n  Uploads = |" "$VAR/guwen.hdf" >"$CFG"
grep -q "PageCache = $CACHE" "$CFG" || fail "no PageCache in the test configuration"

# cgi LANG — GET /login/ as plain CGI; the page (headers and body) into $BODY
cgi() {
    env -i GUWEN_CONFIG="$CFG" GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET SCRIPT_NAME=/login \
        PATH_INFO=/ REMOTE_ADDR=127.0.0.1 HTTP_HOST=localhost HTTP_ACCEPT_LANGUAGE="$1" \
        "$ROOT/cgi-bin/login.fcgi" >"$BODY"
    STATUS=$(sed -n 's/^Status: \([0-9]*\).*/\1/p' "$BODY" | sed -n 1p)
}
token() { grep -o 'name="token" value="[^"]*"' "$BODY" | cut -d'"' -f4; }
# the page without what differs per visitor: the token, the pre-session cookie
same_page() { sed -e 's/name="token" value="[^"]*"/TOKEN/' -e 's/gw_pre=[^;]*/PRE/' "$1"; }

cgi zh-CN
[ "${STATUS:-200}" = 200 ] || fail "first run: status $STATUS"
expect_body '员工登录'
first=$(token)
cp "$BODY" "$T/first"
[ "$(find "$CACHE" -name 'login.cs-zh-CN-*.html' | wc -l)" = 1 ] || fail "the page is not kept in $CACHE"
[ "$(stat -c %a "$CACHE")" = 700 ] || fail "the cache directory is not private: $(stat -c %a "$CACHE")"
ok "the first run renders the sign-in page and keeps it"

cgi zh-CN
second=$(token)
[ -n "$second" ] && [ "$second" != "$first" ] || fail "the kept page gave the same token twice"
diff <(same_page "$T/first") <(same_page "$BODY") >"$T/diff" || fail "the kept page differs: $(head -5 "$T/diff")"
[ "$(grep -c 'name="token"' "$BODY")" = 1 ] || fail "the token is not in the form once"
ok "the next run serves the kept page with a token of its own"

cgi en
expect_body 'Staff sign-in'
[ "$(find "$CACHE" -name 'login.cs-en-*.html' | wc -l)" = 1 ] || fail "no English page kept"
ok "each language its own page"

sed -i 's|</form>|<p id="changed-template">changed</p></form>|' "$TPL/login.cs"
cgi zh-CN
expect_body 'id="changed-template"'
ok "a changed template is shown at the next run"
