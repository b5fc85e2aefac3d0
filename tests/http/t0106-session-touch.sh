#!/usr/bin/env bash
# A signed-in page writes the session's last-seen time at most once a minute:
# page views within the minute read the session and write nothing.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
sql "INSERT INTO users (login, name, role, password_hash, created_at, updated_at)
     SELECT 'touch$tag', '会话测试', 'advisor', password_hash, UTC_TIMESTAMP(), UTC_TIMESTAMP()
     FROM users WHERE login = 'advisor'"
login s "touch$tag" || fail "could not sign in"
seen() { sql "SELECT UNIX_TIMESTAMP(seen_at) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.login = 'touch$tag'"; }

sql "UPDATE sessions s JOIN users u ON u.id = s.user_id SET s.seen_at = UTC_TIMESTAMP() - INTERVAL 30 SECOND WHERE u.login = 'touch$tag'"
before=$(seen)
for i in 1 2 3; do get s /; expect_status 200; done
[ "$(seen)" = "$before" ] || fail "a page view within the minute wrote the session"
ok "page views within a minute of the last touch write nothing"

sql "UPDATE sessions s JOIN users u ON u.id = s.user_id SET s.seen_at = UTC_TIMESTAMP() - INTERVAL 90 SECOND WHERE u.login = 'touch$tag'"
before=$(seen)
get s /
[ "$(seen)" -gt "$before" ] || fail "a page view after a minute did not touch the session"
ok "after a minute the page view touches the session (idle time counted from it)"
sql "UPDATE users SET active = 0 WHERE login = 'touch$tag'"
