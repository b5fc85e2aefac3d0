#!/usr/bin/env bash
# After signing in the user goes back to the page asked for — only ever a page
# of this site: a "next" that a browser would read as another host
# (//3627734734/phish, home//host/…) leads to the start page instead.
. "$(dirname "$0")/lib.sh"

# signin JAR NEXT — signs in as advisor with next, leaves the answer in STATUS/HEADERS
signin() {
    get "$1" "/login/?next=$2"
    local tok; tok=$(grep -o 'name="token" value="[^"]*"' "$BODY" | cut -d'"' -f4)
    req "$1" POST /login/ --data-urlencode login=advisor --data-urlencode "password=$PASSWORD" \
        --data-urlencode "token=$tok" --data-urlencode "next=$2"
}

n=0
for next in //3627734734/phish home//3627734734/phish complaints//evil.example/x //evil.example \
            /%2F/evil.example 'https://evil.example/' login//evil.example; do
    n=$((n + 1))
    signin "j$n" "$next"
    expect_status 303 "($next)"
    [ "$(location)" = "/" ] || fail "next=$next led to $(location)"
    # signed in already, the sign-in page sends onward the same way
    get "j$n" "/login/?next=$next"
    [ "$(location)" = "/" ] || fail "signed in, next=$next led to $(location)"
done
ok "a next that names another host leads to the start page ($n tried)"

signin k complaints/5
[ "$(location)" = "/complaints/5" ] || fail "a page of the site is no longer reached: $(location)"
signin l /
[ "$(location)" = "/" ] || fail "the start page: $(location)"
ok "pages of the site are still reached after signing in"
