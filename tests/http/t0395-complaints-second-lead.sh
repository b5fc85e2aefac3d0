#!/usr/bin/env bash
# A client has several leads (client_leads), and each has the same reason to
# see it: a second lead, from another department and added after the first,
# finds the client in their client list and on its page, chooses it when
# registering a complaint, and sees it named in the complaint list's client
# filter, exactly as the first lead does. Before, the complaint pages scoped
# clients by clients.lead_id, which holds the first lead only.
. "$(dirname "$0")/lib.sh"
G=$ROOT/tools/guwen
export GUWEN_CONFIG=$VAR/guwen.hdf
account() { # LOGIN NAME ROLE DEPT CLEARANCE
    [ "$(sql "SELECT COUNT(*) FROM users WHERE login = '$1'")" = 1 ] ||
        echo "$PASSWORD" | "$G" user add "$1" "$2" "$3" "$4" "$5" >/dev/null
}
account lead2 郑顾问 advisor 综合部 2
tag=$$$RANDOM
name="双负责人客户$tag"
dept=$(sql "SELECT id FROM departments WHERE name = '记账一部'")
first=$(sql "SELECT id FROM users WHERE login = 'advisor'")
second=$(sql "SELECT id FROM users WHERE login = 'lead2'")

login d director || fail "director could not sign in"
post d /clients/new "name=$name" tier=normal "department=$dept" "lead=$first" contact_name=何联系 \
    contact_phone=13933334444
expect_status 303
id=$(location | grep -o '[0-9]*$')
post d "/clients/$id/leads" "user=$second"
expect_status 303
[ "$(sql "SELECT lead_id FROM clients WHERE id = $id")" = "$first" ] || fail "clients.lead_id is not the first lead"
[ "$(sql "SELECT COUNT(*) FROM client_leads WHERE client_id = $id")" = 2 ] || fail "not two leads"
ok "a client in 记账一部 with leads 李顾问 (first) and 郑顾问 (second, 综合部)"

for who in a:advisor s:lead2; do
    jar=${who%%:*} login=${who#*:}
    login "$jar" "$login" || fail "$login could not sign in"
    get "$jar" "/clients/?q=双负责人客户"
    expect_body "$name"
    get "$jar" "/clients/$id"
    expect_status 200
    get "$jar" "/complaints/new?client=$id"
    expect_body "name=\"client\" value=\"$id\""
    post "$jar" /complaints/new find_client=1 source=phone "client_q=$name"
    expect_body "name=\"client\" value=\"$id\""
    post "$jar" /complaints/new source=phone "name=投诉人$login$tag" phone=13800138000 \
        "description=账目不清$tag" "client=$id" "client_q=$name"
    expect_status 200
    [ "$(sql "SELECT client_id FROM complaints WHERE name = '投诉人$login$tag'")" = "$id" ] ||
        fail "$login could not register a complaint for the client"
    get "$jar" "/complaints/?tab=registered&client=$id"
    expect_status 200
    expect_body "投诉人$login$tag"
    expect_body "<span class=\"chip\">$name"
    ok "$login: the client in the list and its page; chosen for a complaint; named in the complaint list's filter"
done
sql "UPDATE clients SET active = 0 WHERE id = $id"
