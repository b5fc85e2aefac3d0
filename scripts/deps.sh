#!/usr/bin/env bash
# deps.sh — install the Debian packages (and playwright-core from npm) that the
# build, the stack and the tests need; only what is missing.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PKGS="gcc make libfcgi-dev clearsilver-dev libmariadb-dev libssl-dev zlib1g-dev libcmocka-dev
libcurl4-openssl-dev apache2 libapache2-mod-fcgid
mariadb-server mariadb-client nginx spawn-fcgi multiwatch fcgiwrap openssl curl valgrind clang
libclang-rt-14-dev clang-format chromium fonts-wqy-microhei wrk python3 python3-aiosmtpd bc"
# node and npm often come from elsewhere (nodesource); only ask Debian when absent
command -v npm >/dev/null 2>&1 || PKGS="$PKGS nodejs npm"
missing=
for p in $PKGS; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"; done
missing=$(echo $missing | tr ' ' '\n' | sort -u | xargs)
if [ -n "$missing" ]; then
    echo "installing: $missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
if [ ! -d "$ROOT/tests/e2e/node_modules/playwright-core" ]; then
    (cd "$ROOT/tests/e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --silent --no-audit --no-fund >/dev/null)
fi
