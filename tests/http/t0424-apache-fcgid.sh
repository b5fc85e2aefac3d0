#!/usr/bin/env bash
# Apache 2.4 + mod_fcgid: the apache.conf that `make install` writes, included
# as it is (only the port and the install root changed) in a private Apache on
# loopback, serves the installed layout and passes the smoke suite; the programs
# run as www-data, which owns the configuration, the key file and the uploads.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/smoke/apache.sh"
APORT=${GUWEN_APACHE_PORT:-$(( ${GUWEN_PORT:-18080} + 101 ))}
trap 'apache_stop "$T/apache"; rm -rf "$T"' EXIT
D=$T/root
make -s -C "$ROOT" install DESTDIR="$D" >"$T/out" 2>&1 || fail "make install: $(cat "$T/out")"
S=$D/usr/local/share/guwen
chmod 755 "$T"
# the programs run as www-data and reach the stack's database socket through
# its scratch directory (mktemp's 0700 under make test): let others pass
chmod o+x "$VAR"

# the stack's configuration, as `guwen setup --user www-data` would leave it
install -d -o www-data -g www-data -m 0700 "$T/conf" "$T/uploads"
install -o www-data -g www-data -m 0600 "$VAR/keys" "$T/conf/keys"
sed -e "s|^\( *Templates = \).*|\1$S/templates|" -e "s|^\( *SQL = \).*|\1$S/sql|" \
    -e "s|^\( *KeyFile = \).*|\1$T/conf/keys|" -e "s|^\( *Uploads = \).*|\1$T/uploads|" \
    "$VAR/guwen.hdf" >"$T/conf/guwen.hdf"
chown www-data:www-data "$T/conf/guwen.hdf"; chmod 600 "$T/conf/guwen.hdf"

mkdir -p "$T/apache"
sed -e "s|<VirtualHost \*:80>|<VirtualHost *:$APORT>|" -e "s|/etc/guwen/guwen.hdf|$T/conf/guwen.hdf|" \
    -e "s|/usr/local/|$D/usr/local/|g" "$S/etc/apache.conf" >"$T/apache/site.conf"
apache_start "$T/apache" "$APORT" "$T/apache/site.conf" alias rewrite env fcgid headers ||
    fail "Apache did not start with the installed apache.conf: $(cat "$T/apache/start.log" "$T/apache/error.log" 2>/dev/null)"
B=http://127.0.0.1:$APORT

for u in /login/ /portal/ /static/css/guwen.css /static/favicon.svg /; do
    st=$(curl -s -o /dev/null -w '%{http_code}' "$B$u")
    case $st in 200|303) ;; *) fail "$u through Apache + mod_fcgid: $st ($(tail -3 "$T/apache/error.log"))";; esac
done
st=$(curl -s -o /dev/null -w '%{http_code}' "$B/nosuch/")
[ "$st" = 404 ] || [ "$st" = 303 ] || fail "an unknown path: $st"
ok "the installed apache.conf serves the programs and the static files"

SMOKE_UPLOADS=$T/uploads bash "$ROOT/tests/smoke/smoke.sh" "$B" || fail "smoke suite through Apache + mod_fcgid"
owner=$(stat -c %U "$(find "$T/uploads" -type f | head -1)")
[ "$owner" = www-data ] || fail "the photo was stored by $owner, not www-data"
ok "Apache + mod_fcgid: the programs run as www-data"
