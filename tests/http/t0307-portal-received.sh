#!/usr/bin/env bash
# The received page helps people keep their number and code: a copy button
# (a same-origin script shows it; without scripts the page is whole), a note
# to take a screenshot, and — an e-mail given — that the acknowledgement mail
# was queued. Its status button, and the mail's link, fill in the number on the
# look-up form; the code is never in a URL.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
mail="r$tag@example.test"
req p POST /portal/complaint -F "token=$(form_token complaint 10)" -F "name=保存者$tag" \
    -F phone=13700137000 -F "email=$mail" -F "description=记不住编号$tag"
expect_status 200
tracking=$(grep -o 'id="tracking-no">[^<]*' "$BODY" | cut -d'>' -f2)
code=$(grep -o 'id="verify-code">[^<]*' "$BODY" | cut -d'>' -f2)
[ -n "$tracking" ] && [ -n "$code" ] || fail "no number or code"
expect_body "id=\"copy-ticket\""
grep -o '<button[^>]*id="copy-ticket"[^>]*>' "$BODY" | grep -q ' hidden' || fail "the copy button is shown without scripts"
grep -o '<button[^>]*id="copy-ticket"[^>]*>' "$BODY" | grep -qF "data-copy=\"投诉编号: $tracking 查询验证码: $code\"" \
    || fail "the copy button does not carry the number and code"
expect_body '复制编号和验证码'
expect_body '给本页截个图'
expect_body '确认邮件已排队发往您的电子邮箱'
expect_body '<script src="/static/js/portal.js" defer></script>'
[ "$(grep -c '<script>' "$BODY")" = 0 ] || fail "an inline script (the CSP forbids it)"
expect_header "Content-Security-Policy: default-src 'self'"
href=$(grep -o 'id="status-link" href="[^"]*"' "$BODY" | cut -d'"' -f4)
[ "$href" = "/portal/complaint/status?tracking=$tracking" ] || fail "status link: $href"
ok "received: a copy button for scripts, the screenshot note, the mail queued, the status link with the number only"

get p /static/js/portal.js
expect_status 200
expect_body "button[data-copy]"
ok "the script is served from the site itself"

[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = '$mail' AND body LIKE '%/portal/complaint/status?tracking=$tracking%'")" = 1 ] \
    || fail "the acknowledgement mail has no status link with the number"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = '$mail' AND body LIKE '%tracking=$tracking&%'")" = 0 ] || fail "more than the number in the link"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = '$mail' AND body REGEXP 'https?://[^ \"<]*$code'")" = 0 ] || fail "the code is in a URL"
ok "the acknowledgement mail links to the status page with the number, never the code"

get p "/portal/complaint/status?tracking=${tracking,,}"
expect_status 200
expect_body "value=\"$tracking\""
ok "the status form opens with the number filled in (normalised)"
get p '/portal/complaint/status?tracking=%22%3E%3Cscript%3Ex'
expect_status 200
expect_no_body '<script>x'
expect_no_body '&lt;script'
ok "anything else in the link is ignored"

req e POST /portal/complaint -H 'Cookie: gw_lang=en' -F "token=$(form_token complaint 10)" -F "name=Keeper$tag" \
    -F phone=13700137000 -F "email=e$mail" -F "description=English$tag"
expect_body 'Copy number and code'
expect_body 'take a screenshot of this page'
expect_body 'has been queued for your e-mail address'
ok "in English too"
