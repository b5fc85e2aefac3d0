#!/usr/bin/env bash
# When the licence cannot be stored or the database is down, the applicant gets
# a 503 page that says so, with everything typed still there and the same form
# token; sending it again later stores one application.
. "$(dirname "$0")/lib.sh"
U=$VAR/uploads
R=$RANDOM$RANDOM
USCC=91330106MA2B0AB12R
post_form() { # token company [curl args]
    req p POST /portal/apply -F "token=$1" -F "company_name=$2" -F uscc=$USCC \
        -F contact_name=存不下 -F contact_phone=13300133000 -F services=cleanup "${@:3}"
}
count() { sql "SELECT COUNT(*) FROM applications WHERE company_name = '$1'"; }

# the uploads directory replaced by a plain file: nothing can be created under it
restore() { if [ -d "$U.away" ]; then rm -f "$U"; mv "$U.away" "$U"; fi; }
trap 'restore; rm -rf "$T"' EXIT
mv "$U" "$U.away" && : >"$U"
tok=$(form_token apply 10)
post_form "$tok" "执照存不下的公司$R" -F "licence=@$ROOT/tests/http/files/photo.png"
restore
expect_status 503
expect_body '系统暂时无法保存营业执照'
expect_body "value=\"执照存不下的公司$R\""
expect_body 'value="13300133000"'
expect_body 'name="services" value="cleanup" checked'
expect_body "value=\"$tok\""
expect_header 'Retry-After'
[ "$(count "执照存不下的公司$R")" = 0 ] || fail "stored without its licence"
post_form "$tok" "执照存不下的公司$R" -F "licence=@$ROOT/tests/http/files/photo.png"
expect_status 200
expect_body 'id="private-link"'
post_form "$tok" "执照存不下的公司$R" -F "licence=@$ROOT/tests/http/files/photo.png"
expect_body 'id="again"'
[ "$(count "执照存不下的公司$R")" = 1 ] || fail "not stored once on retry"
ok "licence not storable: 503 with everything typed and the same token; the retry stores it once"

# the database down
tok=$(form_token apply 10)
pid=$(cat "$VAR/run/mariadb.pid")
kill "$pid"
for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "MariaDB did not stop"
post_form "$tok" "数据库停了的公司$R" -F "licence=@$ROOT/tests/http/files/photo.png"
status=$STATUS; cp "$BODY" "$T/down.html"
"$ROOT/scripts/devstack" start >/dev/null 2>&1 || fail "restart"
BODY=$T/down.html STATUS=$status
expect_status 503
expect_body '数据库暂不可用'
expect_body "value=\"数据库停了的公司$R\""
expect_body 'name="services" value="cleanup" checked'
expect_body '营业执照需要重新选择'
expect_no_body 'mysql'
BODY=$T/body
post_form "$tok" "数据库停了的公司$R" -F "licence=@$ROOT/tests/http/files/photo.png"
expect_status 200
expect_body 'id="private-link"'
[ "$(count "数据库停了的公司$R")" = 1 ] || fail "not stored after the database came back"
ok "database down: 503 that says so, with everything typed; stored once when it is back"
