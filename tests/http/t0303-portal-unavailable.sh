#!/usr/bin/env bash
# When the upload directory cannot be written or the database is down, the
# person filing a complaint gets a 503 page that says what happened and asks to
# try again in a few minutes, with the form and everything typed still there
# (attachments excepted, and it says so). Sending it again later stores it once.
. "$(dirname "$0")/lib.sh"
U=$VAR/uploads
R=$RANDOM$RANDOM   # this run's texts
tracking() { grep -o 'id="tracking-no">[^<]*' "$BODY" | cut -d'>' -f2; }
post_form() { # token description [curl args]
    req p POST /portal/complaint -F "token=$1" -F name=磁盘满 -F phone=13300133000 \
        -F company=保留的公司 -F "description=$2" "${@:3}"
}

# The uploads directory replaced by a plain file: nothing can be created under
# it, not even by root (which the stack runs as, so chmod would not do).
restore() { if [ -d "$U.away" ]; then rm -f "$U"; mv "$U.away" "$U"; fi; }
trap 'restore; rm -rf "$T"' EXIT
mv "$U" "$U.away" && : >"$U"
tok=$(form_token complaint 10)
post_form "$tok" "附件存不下时我写的很长的说明$R" -F "files=@$ROOT/tests/http/files/photo.png;type=image/png"
restore
expect_status 503
expect_body '系统暂时无法保存附件'
expect_body '请过几分钟再点一次'
expect_body '附件请重新选择'
expect_body "附件存不下时我写的很长的说明$R"
expect_body 'value="保留的公司"'
expect_body "value=\"$tok\""
expect_header 'Retry-After'
[ "$(sql "SELECT COUNT(*) FROM complaints WHERE description = '附件存不下时我写的很长的说明$R'")" = 0 ] || fail "stored without its files"
post_form "$tok" "附件存不下时我写的很长的说明$R" -F "files=@$ROOT/tests/http/files/photo.png;type=image/png"
expect_status 200
expect_body 'id="verify-code"'
[ "$(sql "SELECT COUNT(*) FROM complaints c JOIN complaint_files f ON f.complaint_id = c.id WHERE c.description = '附件存不下时我写的很长的说明$R'")" = 1 ] || fail "not stored on retry"
ok "upload directory unwritable: 503 with the text kept and the same token; the retry stores it once"

# the database down
tok=$(form_token complaint 10)
pid=$(cat "$VAR/run/mariadb.pid")
kill "$pid"
for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "MariaDB did not stop"
post_form "$tok" "数据库停了也不能丢的投诉内容$R"
status=$STATUS; cp "$BODY" "$T/down.html"
"$ROOT/scripts/devstack" start >/dev/null 2>&1 || fail "restart"
BODY=$T/down.html STATUS=$status
expect_status 503
expect_body '数据库暂不可用'
expect_body '请过几分钟再点一次'
expect_body "数据库停了也不能丢的投诉内容$R"
expect_body 'value="保留的公司"'
expect_body 'value="13300133000"'
expect_no_body 'mysql'
ok "database down: 503 that says so, with everything typed"
BODY=$T/body
post_form "$tok" "数据库停了也不能丢的投诉内容$R"
expect_status 200
expect_body 'id="verify-code"'
n=$(tracking)
post_form "$tok" "数据库停了也不能丢的投诉内容$R"
[ "$(tracking)" = "$n" ] || fail "second retry answered another number"
[ "$(sql "SELECT COUNT(*) FROM complaints WHERE description = '数据库停了也不能丢的投诉内容$R'")" = 1 ] || fail "stored more than once"
ok "after the restart the same form stores it once ($n)"
