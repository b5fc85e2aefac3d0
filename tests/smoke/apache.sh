# shellcheck shell=bash
# apache.sh — a private Apache 2.4 (not the system service): its own config,
# pid, logs and loopback port, running its children as www-data. Sourced.
#   apache_start DIR PORT SITE_CONF MODULE...   (stop: apache_stop DIR)
apache_start() {
    local dir=$1 port=$2 site=$3 m; shift 3
    mkdir -p "$dir/run" "$dir/fcgid"
    chown www-data "$dir/fcgid"
    {
        echo "ServerName 127.0.0.1"
        echo "Listen 127.0.0.1:$port"
        echo "PidFile $dir/apache.pid"
        echo "DefaultRuntimeDir $dir/run"
        echo "ErrorLog $dir/error.log"
        echo "LogLevel warn"
        echo "User www-data"
        echo "Group www-data"
        for m in mpm_event authz_core authz_host mime dir "$@"; do
            echo "LoadModule ${m}_module /usr/lib/apache2/modules/mod_$m.so"
        done
        echo "TypesConfig /etc/mime.types"
        echo "AccessFileName .htaccess"
        echo "<FilesMatch \"^\\.ht\">"; echo "    Require all denied"; echo "</FilesMatch>"
        echo "<Directory />"; echo "    AllowOverride None"; echo "    Require all denied"; echo "</Directory>"
        echo "<IfModule fcgid_module>"
        echo "    FcgidIPCDir $dir/fcgid"
        echo "    FcgidProcessTableFile $dir/fcgid/shm"
        echo "    FcgidMaxProcessesPerClass ${FCGID_PROCS:-2}"
        echo "</IfModule>"
        echo "<IfModule cgid_module>"; echo "    ScriptSock $dir/run/cgid.sock"; echo "</IfModule>"
        echo "Include $site"
    } >"$dir/httpd.conf"
    apache2 -f "$dir/httpd.conf" -k start 2>"$dir/start.log" || return 1
    for _ in $(seq 1 50); do
        curl -s -o /dev/null "http://127.0.0.1:$port/" && return 0
        sleep 0.1
    done
    return 1
}
apache_stop() {
    local pid
    [ -f "$1/apache.pid" ] || return 0
    pid=$(cat "$1/apache.pid")
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.05; done
}
