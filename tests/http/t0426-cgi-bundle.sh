#!/usr/bin/env bash
# Shared host, plain CGI: the `make dist-cgi` bundle, unpacked as README-CGI.txt
# says into a scratch home directory and served by a private Apache with
# mod_cgid and the bundle's .htaccess honoured (AllowOverride All), passes the
# smoke suite with pretty URLs and, after App.URLStyle = cgi (no restart: each
# request is a new process), with CGI URLs; nothing but the programs and the
# static files is served.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/smoke/apache.sh"
CPORT=${GUWEN_CGI_PORT:-$(( ${GUWEN_PORT:-18080} + 102 ))}
trap 'apache_stop "$T/apache"; rm -rf "$T"' EXIT
chmod 755 "$T"
# the programs run as www-data and reach the stack's database socket through
# its scratch directory (mktemp's 0700 under make test): let others pass
chmod o+x "$VAR"
DIST_DIR=$T/dist "$ROOT/scripts/dist-cgi" >"$T/out0" 2>&1 || fail "make dist-cgi: $(cat "$T/out0")"
tgz=$(ls "$T"/dist/guwen-cgi-*.tar.gz)
H=$T/home
mkdir -p "$H/public_html"

# README-CGI.txt, steps 2 to 4 (the database is the test stack's)
(
    cd "$H" && tar xzf "$tgz" && grep -q "guwen migrate" guwen-cgi/README-CGI.txt &&
    mv guwen-cgi/guwen "$H/guwen" &&
    cp -R guwen-cgi/public_html/. "$H/public_html/" && rm -r guwen-cgi
) || fail "unpacking the bundle (and its README-CGI.txt)"
for f in guwen/bin/guwen guwen/templates/lang/zh-CN.hdf guwen/templates/lang/en.hdf guwen/sql/001_foundation.sql \
         public_html/.htaccess public_html/static/css/guwen.css public_html/cgi-bin/login.fcgi; do
    [ -e "$H/$f" ] || fail "the bundle lacks $f"
done
if grep -q "(static programs)" "$T/out0"; then
    for f in "$H"/public_html/cgi-bin/*.fcgi "$H/guwen/bin/guwen"; do
        file "$f" | grep -q "statically linked" || fail "$f is not static"
    done
fi
sed -i "s|/home/ACCOUNT|$H|g" "$H/guwen/guwen.hdf" "$H/public_html/.htaccess"
sed -i -e "s|^\( *Socket =\).*|\1 $VAR/run/mysql.sock|" -e "s|^\( *Host =\).*|\1|" \
    -e "s|^\( *Name =\) ACCOUNT_guwen|\1 guwen|" -e "s|^\( *User =\).*|\1 guwen|" \
    -e "s|^\( *Password =\).*|\1 $(cat "$VAR/db-password")|" -e "s|^\( *AdminUser =\).*|\1 root|" \
    "$H/guwen/guwen.hdf"
install -m 0600 "$VAR/keys" "$H/guwen/keys"      # the stack's keys: its form tokens and codes
mkdir -m 700 "$H/guwen/uploads" "$H/guwen/backups"
GUWEN_CONFIG=$H/guwen/guwen.hdf "$H/guwen/bin/guwen" migrate >"$T/out" 2>&1 || fail "the bundle's guwen migrate: $(cat "$T/out")"
grep -q "up to date" "$T/out" || fail "the bundle's guwen migrate: $(cat "$T/out")"
ok "make dist-cgi: programs, tool, templates with lang/, sql/, static files, .htaccess; the tool works"

# a static program loads no client plugin from this machine's directory (the
# host's, if any, belongs to another libmariadb/glibc): an ed25519 account is
# refused with the path it would need, DB.PluginDir
grep -q "(static programs)" "$T/out0" && { sql "INSTALL SONAME 'auth_ed25519'" 2>/dev/null || true; }
if grep -q "(static programs)" "$T/out0" &&
   [ "$(sql "SELECT COUNT(*) FROM information_schema.plugins WHERE plugin_name = 'ed25519'")" = 1 ]; then
    sql "CREATE USER IF NOT EXISTS 'gwed'@'localhost' IDENTIFIED VIA ed25519 USING PASSWORD('edpw')"
    sed 's/^\( *AdminUser =\).*/\1 gwed/' "$H/guwen/guwen.hdf" >"$T/ed.hdf"; chmod 600 "$T/ed.hdf"
    ! GUWEN_CONFIG=$T/ed.hdf GUWEN_DB_ADMIN_PASSWORD=edpw "$H/guwen/bin/guwen" migrate --dry-run >"$T/out" 2>&1 ||
        fail "the static tool signed in with a plugin from the system directory"
    sql "DROP USER 'gwed'@'localhost'"
    grep -q "/dev/null/client_ed25519.so" "$T/out" || fail "plugin directory: $(cat "$T/out")"
    ok "static programs load no MariaDB client plugin from the system directory"
fi

# the account is www-data here (Apache's CGI user without suEXEC)
chown -R www-data:www-data "$H"
mkdir -p "$T/apache"
cat >"$T/apache/site.conf" <<CONF
<VirtualHost *:$CPORT>
    DocumentRoot $H/public_html
    <Directory $H/public_html>
        AllowOverride All
        Require all granted
    </Directory>
</VirtualHost>
CONF
apache_start "$T/apache" "$CPORT" "$T/apache/site.conf" alias rewrite env cgid ||
    fail "Apache did not start: $(cat "$T/apache/start.log" "$T/apache/error.log" 2>/dev/null)"
B=http://127.0.0.1:$CPORT

SMOKE_UPLOADS=$H/guwen/uploads bash "$ROOT/tests/smoke/smoke.sh" "$B" pretty ||
    fail "smoke suite, plain CGI, pretty URLs ($(tail -5 "$T/apache/error.log"))"
sed -i 's|^\( *URLStyle =\).*|\1 cgi|' "$H/guwen/guwen.hdf"
SMOKE_UPLOADS=$H/guwen/uploads bash "$ROOT/tests/smoke/smoke.sh" "$B" cgi ||
    fail "smoke suite, plain CGI, App.URLStyle = cgi ($(tail -5 "$T/apache/error.log"))"

# only the programs and the static files: not the .htaccess, not a listing, not
# a configuration or key file that landed in the web root by mistake
cp "$H/guwen/guwen.hdf" "$H/guwen/keys" "$H/public_html/"
cp "$H/guwen/guwen.hdf" "$H/public_html/cgi-bin/"
chown www-data "$H"/public_html/guwen.hdf "$H"/public_html/keys
for u in /.htaccess /guwen.hdf /keys /cgi-bin/guwen.hdf /cgi-bin/ /static/ /static/css/; do
    curl -s -o "$BODY" -w '%{http_code}' "$B$u" >"$T/st"
    case $(cat "$T/st") in 403|404) ;; *) fail "$u answered $(cat "$T/st")";; esac
    ! grep -q "Password\|^current\|Index of" "$BODY" || fail "$u shows the file or a listing"
done
ok "plain CGI: the .htaccess serves only the programs and the static files"
