# lib.sh — helpers for HTTP tests against the running test stack (curl + the
# database). Each test is a story: it signs in, does something, checks what a
# user would see and what the database holds.
set -euo pipefail
BASE=${GUWEN_BASE:-http://127.0.0.1:18080}
VAR=${GUWEN_VAR:?run through scripts/test-all}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PASSWORD=$(cat "$VAR/admin-password")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
STATUS= BODY=$T/body HEADERS=$T/headers

fail() { echo "FAIL: $*" >&2; echo "--- last response ($STATUS):" >&2; head -c 1500 "$BODY" >&2 || true; exit 1; }
ok() { echo "ok: $*"; }

# req JAR METHOD PATH [curl args...] — sets STATUS, BODY, HEADERS
req() {
    local jar=$1 method=$2 path=$3; shift 3
    STATUS=$(curl -s -o "$BODY" -D "$HEADERS" -w '%{http_code}' -b "$T/$jar" -c "$T/$jar" \
        -X "$method" "$@" "$BASE$path")
}
get() { req "$1" GET "$2" "${@:3}"; }
# post JAR PATH field=value... (urlencoded; the session's CSRF token is added)
post() {
    local jar=$1 path=$2; shift 2
    local args=(--data-urlencode "csrf=$(csrf "$jar")")
    for f in "$@"; do args+=(--data-urlencode "$f"); done
    req "$jar" POST "$path" "${args[@]}"
}
# post_raw JAR PATH field=value... (no CSRF token added)
post_raw() {
    local jar=$1 path=$2; shift 2
    local args=()
    for f in "$@"; do args+=(--data-urlencode "$f"); done
    req "$jar" POST "$path" "${args[@]}"
}
csrf() { cat "$T/$1.csrf" 2>/dev/null || true; }
# remember the CSRF token of the page just fetched for jar
keep_csrf() { grep -o 'name="csrf" value="[^"]*"' "$BODY" | sed -n 1p | cut -d'"' -f4 >"$T/$1.csrf" || true; }

# login JAR USER [PASSWORD] — signs in and keeps the CSRF token
login() {
    local jar=$1 user=$2 pw=${3:-$PASSWORD}
    get "$jar" /login/
    local tok; tok=$(grep -o 'name="token" value="[^"]*"' "$BODY" | cut -d'"' -f4)
    req "$jar" POST /login/ --data-urlencode "login=$user" --data-urlencode "password=$pw" \
        --data-urlencode "token=$tok"
    [ "$STATUS" = 303 ] || return 1
    get "$jar" /
    keep_csrf "$jar"
}

expect_status() { [ "$STATUS" = "$1" ] || fail "expected status $1, got $STATUS ${2:-}"; }
expect_body() { grep -qF -- "$1" "$BODY" || fail "page lacks: $1"; }
expect_no_body() { ! grep -qF -- "$1" "$BODY" || fail "page must not contain: $1"; }
expect_header() { grep -qi -- "$1" "$HEADERS" || fail "headers lack: $1"; }
location() { grep -i '^Location:' "$HEADERS" | tr -d '\r' | cut -d' ' -f2; }

# sql "statement" — runs as root on the test database, prints tab-separated rows
sql() { mariadb --no-defaults -uroot -S "$VAR/run/mysql.sock" -N -B guwen -e "$1"; }

# demo_complaints N — `guwen demo --complaints N` on the test's stack (seed 5),
# its complaints named by $ours; what it made is removed again when the test
# ends (with escalations of them, and the general log off)
demo_complaints() {
    local start
    start=$(sql "SELECT COALESCE(MAX(id), 0) FROM complaints")
    ours="id > $start AND description = '演示投诉内容'"
    trap demo_cleanup EXIT
    GUWEN_CONFIG=$VAR/guwen.hdf "$ROOT/tools/guwen" demo --complaints "$1" --seed 5 >/dev/null ||
        fail "demo --complaints $1"
    sql "ANALYZE TABLE complaints" >/dev/null
}
demo_cleanup() {
    sql "SET GLOBAL general_log = 0" || true
    sql "DELETE e FROM complaint_escalations e JOIN complaints c ON c.id = e.complaint_id WHERE c.$ours;
        DELETE FROM complaints WHERE $ours;
        DELETE x FROM client_contacts x JOIN clients c ON c.id = x.client_id AND c.name LIKE '演示客户%';
        DELETE x FROM client_name_grams x JOIN clients c ON c.id = x.client_id AND c.name LIKE '演示客户%';
        DELETE x FROM client_leads x JOIN clients c ON c.id = x.client_id AND c.name LIKE '演示客户%';
        DELETE FROM clients WHERE name LIKE '演示客户%有限公司';
        DELETE FROM users WHERE login REGEXP '^demo[0-9]+-[0-9]+\$';
        DELETE FROM departments WHERE name REGEXP '^(记账|税务咨询|审计|工商代办)[0-9]+部\$'" || true
    rm -rf "$T"
}
# The statements a page runs, each run again to count the rows it reads (the
# start page's and the lists' "reads few rows" tests). MariaDB writes a
# prepared statement's values into the general log only when the log was on as
# it was prepared: fresh_statements ends the programs' connections, so that
# they reconnect and prepare again (a read is retried on a new connection).
fresh_statements() {
    local id
    for id in $(sql "SELECT ID FROM information_schema.PROCESSLIST WHERE USER NOT IN ('root',
        'system user', 'event_scheduler') AND ID <> CONNECTION_ID()"); do
        sql "KILL CONNECTION $id" 2>/dev/null || true
    done
}
# page_statements JAR PATH — GET PATH with the general log on: the SELECT
# statements executed into $T/statements, the log (a file each: MariaDB writes
# on at its offset) named by $STATEMENTS_LOG
page_statements() {
    STATEMENTS_LOG=$T/general-$((${STATEMENTS_N:=0} + 1)).log
    STATEMENTS_N=$((STATEMENTS_N + 1))
    chmod 777 "$T"
    sql "SET GLOBAL general_log_file = '$STATEMENTS_LOG'; SET GLOBAL general_log = 1"
    fresh_statements
    get "$1" "$2"
    sql "SET GLOBAL general_log = 0"
    grep -aP '^(\d{6} [\d:]+)?\t+ *\d+ Execute\t(SELECT|\(SELECT)' "$STATEMENTS_LOG" |
        sed 's/^[^\t]*\t*[ 0-9]*Execute\t//' >"$T/statements" || true
}
# reads STATEMENT — the rows MariaDB's handlers touched running it
reads() {
    mariadb --no-defaults -uroot -S "$VAR/run/mysql.sock" -N -B guwen -e "FLUSH STATUS; $1;
        SELECT SUM(VARIABLE_VALUE) FROM information_schema.SESSION_STATUS
        WHERE VARIABLE_NAME IN ('HANDLER_READ_KEY', 'HANDLER_READ_NEXT', 'HANDLER_READ_PREV',
        'HANDLER_READ_FIRST', 'HANDLER_READ_LAST', 'HANDLER_READ_RND', 'HANDLER_READ_RND_NEXT')" |
        tail -1
}

# Each test starts with no recent sign-in failures or public-form posts from this
# address (all tests come from 127.0.0.1, and the limits count per address).
sql "UPDATE login_attempts SET at = at - INTERVAL 1 DAY WHERE ok = 0;
     DELETE FROM rate_counts"

# form_token PURPOSE AGE_SECONDS — a signed time token as the server would have
# issued AGE seconds ago (signed with the stack's index key), so tests need not wait.
form_token() {
    local key ts nonce mac
    key=$(awk '$1=="index"{print $2}' "$VAR/keys")
    ts=$(( $(date +%s) - $2 ))
    nonce=$(openssl rand -hex 8)
    mac=$(printf 'form|%s|%s.%s' "$1" "$ts" "$nonce" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key" | awk '{print $NF}')
    echo "$ts.$nonce.$mac"
}
