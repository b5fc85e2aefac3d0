#!/usr/bin/env bash
# make install: the configuration and uploads directories are made, and the
# web server files are ready (no @PLACEHOLDERS@, only programs that exist); the
# installed nginx server block, pointed at this stack's sockets, really serves
# the pages and the static files.
. "$(dirname "$0")/lib.sh"
D=$T/root
NPORT=$(( ${GUWEN_PORT:-18080} + 100 ))
cleanup() {
    [ -f "$T/nginx.pid" ] && kill "$(cat "$T/nginx.pid")" 2>/dev/null || true
    rm -rf "$T"
}
trap cleanup EXIT
make -s -C "$ROOT" install DESTDIR="$D" >"$T/out" 2>&1 || fail "make install: $(cat "$T/out")"
S=$D/usr/local/share/guwen
[ "$(stat -c %a "$D/var/lib/guwen/uploads")" = 700 ] || fail "no uploads directory"
[ -d "$D/etc/guwen" ] || fail "no configuration directory"
for f in $(find "$S/etc" -type f) "$D/usr/local/sbin/guwen-spawn"; do
    ! grep -n '@[A-Z_]*@' "$f" || fail "placeholder left in $f"
done
[ ! -e "$S/etc/nginx.conf" ] || fail "the dev stack's template was installed"
progs=$(cd "$ROOT/cgi-bin" && ls *.fcgi | sed 's/\.fcgi$//' | grep -vx home | paste -sd'|')
grep -qF "^/($progs)(/.*)?\$" "$S/etc/nginx-site.conf" || fail "nginx maps other programs than exist"
grep -qF "^/($progs)(/.*)?\$" "$S/etc/apache.conf" || fail "apache maps other programs than exist"
grep -q "Require all granted" "$S/etc/apache.conf" && grep -q "<VirtualHost" "$S/etc/apache.conf" || fail "apache.conf"
grep -q -- "-U \"\$USER\" -G www-data -M 0660" "$D/usr/local/sbin/guwen-spawn" || fail "spawn-fcgi socket modes"
sh -n "$D/usr/local/sbin/guwen-spawn" || fail "guwen-spawn syntax"
ok "make install: directories, ready configurations"

sed -e "s|listen 80;|listen 127.0.0.1:$NPORT;|" -e "s|unix:/run/guwen/|unix:$VAR/run/|" \
    -e "s|/usr/local/share/guwen/|$S/|" "$S/etc/nginx-site.conf" >"$T/site.conf"
mkdir -p "$T/nginx"
cat >"$T/nginx.conf" <<NGINX
user $(id -un);
pid $T/nginx.pid;
error_log $T/error.log warn;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path $T/nginx/body;
    fastcgi_temp_path $T/nginx/fastcgi;
    proxy_temp_path $T/nginx/proxy;
    uwsgi_temp_path $T/nginx/uwsgi;
    scgi_temp_path $T/nginx/scgi;
    include /etc/nginx/mime.types;
    include $T/site.conf;
}
NGINX
chmod 755 "$T"
nginx -q -p "$T/nginx" -c "$T/nginx.conf" -e "$T/error.log" || fail "nginx refused the installed server block: $(cat "$T/error.log")"
for _ in $(seq 1 50); do [ -f "$T/nginx.pid" ] && break; sleep 0.1; done
B=http://127.0.0.1:$NPORT
for u in /login/ /portal/ /static/css/guwen.css /; do
    st=$(curl -s -o /dev/null -w '%{http_code}' "$B$u")
    case $st in 200|303) ;; *) fail "$u through the installed nginx server block: $st";; esac
done
ok "the installed nginx server block serves the programs and the static files"
SMOKE_UPLOADS=$VAR/uploads bash "$ROOT/tests/smoke/smoke.sh" "$B" || fail "smoke suite through the installed nginx server block"
