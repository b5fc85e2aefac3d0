#!/usr/bin/env bash
# smoke.sh BASE [pretty|cgi] — the same few stories against any way of serving
# guwen (nginx + FastCGI, Apache + mod_fcgid, plain CGI): static files, the
# director signs in and lists the complaints, a client files a complaint with a
# photo and looks it up with number + code, and the director then sees it.
# Needs the test stack's database ($GUWEN_VAR); URLs as App.URLStyle makes them.
GUWEN_BASE=${1:?usage: smoke.sh BASE [pretty|cgi]}
STYLE=${2:-pretty}
export GUWEN_BASE
. "$(dirname "$0")/../http/lib.sh"
F=$ROOT/tests/http/files

# u PROGRAM PATH — the URL the programs themselves link to (lib/app.c gw_url)
u() {
    if [ "$STYLE" = cgi ]; then echo "/cgi-bin/$1.fcgi$2"
    elif [ "$1" = home ]; then echo "${2:-/}"
    else echo "/$1$2"; fi
}

get s /static/css/guwen.css
expect_status 200
expect_header 'Content-Type: text/css'
ok "[$STYLE $BASE] static files"

# the client opens the form first (a form sent within 3 s is a bot's)
get p "$(u portal /complaint)"
expect_status 200
expect_body 'enctype="multipart/form-data"'
token=$(grep -o 'name="token" value="[^"]*"' "$BODY" | cut -d'"' -f4)
[ -n "$token" ] || fail "no form token"
opened=$(date +%s)

get d "$(u login /)"
expect_status 200
tok=$(grep -o 'name="token" value="[^"]*"' "$BODY" | cut -d'"' -f4)
req d POST "$(u login /)" --data-urlencode login=director --data-urlencode "password=$PASSWORD" \
    --data-urlencode "token=$tok"
expect_status 303
get d "$(location | sed "s|^https\?://[^/]*||")"
expect_status 200
expect_body "href=\"$(u complaints /)"
ok "[$STYLE] the director signs in; links use this URL style"

get d "$(u complaints /?tab=all)"
expect_status 200
expect_body '<h1>投诉处理</h1>'
expect_body 'aria-current="page"'
ok "[$STYLE] the director lists all complaints"

sleep $(( 4 - ($(date +%s) - opened) > 0 ? 4 - ($(date +%s) - opened) : 0 ))
who="冒烟$RANDOM"
req p POST "$(u portal /complaint)" -F "token=$token" -F "name=$who" -F phone=13800138000 \
    -F 'description=冒烟测试：报表出错。' -F "files=@$F/photo.png;type=image/png"
expect_status 200
expect_body '投诉已受理'
tracking=$(grep -o 'id="tracking-no">[^<]*' "$BODY" | cut -d'>' -f2)
code=$(grep -o 'id="verify-code">[^<]*' "$BODY" | cut -d'>' -f2)
[[ $tracking =~ ^TS-[0-9]{8}-[0-9]{4}$ ]] || fail "tracking number '$tracking'"
[ "$(sql "SELECT COUNT(*) FROM complaint_files f JOIN complaints c ON c.id = f.complaint_id
          WHERE c.tracking_no = '$tracking' AND c.name = '$who'")" = 1 ] || fail "photo not stored"
if [ -n "${SMOKE_UPLOADS:-}" ]; then
    stored=$(sql "SELECT stored_name FROM complaint_files f JOIN complaints c ON c.id = f.complaint_id WHERE c.tracking_no = '$tracking'")
    cmp -s "$F/photo.png" "$SMOKE_UPLOADS/${stored:0:2}/$stored" || fail "photo not in $SMOKE_UPLOADS"
fi
ok "[$STYLE] a client files a complaint with a photo: $tracking"

req q POST "$(u portal /complaint/status)" --data-urlencode "tracking=$tracking" --data-urlencode "code=$code"
expect_status 200
expect_body "$tracking"
expect_no_body '没有找到'
ok "[$STYLE] the client looks it up with number and code"

get d "$(u complaints /?tab=all)"
expect_body "$who"
ok "[$STYLE] the director's list shows the new complaint"
