#!/usr/bin/env bash
# Who sees which class of a client (DOMAIN.md "Client records"): a lead cleared
# for level 2 sees the business information but no ID number and no financial
# information — not in the page, the search, the CSV or a file URL; a cleared
# advisor without a reason to see the client gets nothing of it (404, no search
# hit); a cleared lead and the department's manager see it all, and every read
# of level-3 data is in the audit log, which the director's page shows. The ID
# number and the figures are not readable in the database.
. "$(dirname "$0")/lib.sh"
G=$ROOT/tools/guwen
export GUWEN_CONFIG=$VAR/guwen.hdf
idno() { python3 - "$1" <<'PY'
import sys
b=sys.argv[1]; w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
print(b+"10X98765432"[sum(int(c)*x for c,x in zip(b,w))%11])
PY
}
account() { # LOGIN NAME ROLE DEPT CLEARANCE
    [ "$(sql "SELECT COUNT(*) FROM users WHERE login = '$1'")" = 1 ] ||
        echo "$PASSWORD" | "$G" user add "$1" "$2" "$3" "$4" "$5" >/dev/null
}
account adv3 钱顾问 advisor 记账一部 3
account adv3lead 冯顾问 advisor 记账一部 3
tag=$$$RANDOM
id_number=$(idno "11010519800101$(printf '%03d' $(( tag % 1000 )))")
name="权限测试贸易有限公司$tag"
dept=$(sql "SELECT id FROM departments WHERE name = '记账一部'")
advisor=$(sql "SELECT id FROM users WHERE login = 'advisor'")
lead3=$(sql "SELECT id FROM users WHERE login = 'adv3lead'")

login d director || fail "director could not sign in"
post d /clients/new "name=$name" tier=normal "department=$dept" "lead=$advisor" \
    "legal_rep_id=$id_number" legal_rep_name=钱法人 main_business=进出口贸易$tag \
    contact_name=孙联系 contact_phone=13911112222
expect_status 303
id=$(location | grep -o '[0-9]*$')
post d "/clients/$id/periods" period=2025 revenue=1234567.89 net_profit=-2345.6 \
    total_assets=9876543.21 "period_reason=2025 年报$tag"
expect_status 303
req d POST "/clients/$id/files" -F "csrf=$(csrf d)" -F kind=balance_sheet \
    -F "file=@$ROOT/tests/http/files/letter.pdf;type=application/pdf"
expect_status 303
file=$(sql "SELECT id FROM client_files WHERE client_id = $id")
post d "/clients/$id/leads" "user=$lead3"
expect_status 303
ok "a client with an ID number, a financial period and a file; leads 李顾问 and 冯顾问"

# --- stored sealed -------------------------------------------------------------
hex_id=$(printf '%s' "$id_number" | xxd -p | tr -d '\n' | tr a-f A-F)
stored=$(sql "SELECT HEX(legal_rep_id) FROM clients WHERE id = $id")
[ ${#stored} -gt 60 ] || fail "no sealed ID number stored"
case $stored in *"$hex_id"*) fail "the ID number is readable in the database";; esac
[ "$(sql "SELECT LOCATE('$id_number', legal_rep_id) + LOCATE('$id_number', CONCAT_WS(',', name, uscc, legal_rep_id_bidx)) FROM clients WHERE id = $id")" = 0 ] || fail "ID number in clear"
rev=$(sql "SELECT HEX(revenue) FROM client_periods WHERE client_id = $id")
case $rev in *"$(printf 123456789 | xxd -p | tr a-f A-F)"*) fail "revenue readable";; esac
[ "$(sql "SELECT LOCATE('123456789', revenue) + LOCATE('9876543', total_assets) FROM client_periods WHERE client_id = $id")" = 0 ] || fail "figures in clear"
[ "$(sql "SELECT COUNT(*) FROM client_history_fields f JOIN client_history h ON h.id = f.history_id WHERE h.client_id = $id AND (LOCATE('123456789', f.new_value) > 0)")" = 0 ] || fail "history holds figures in clear"
stored_name=$(sql "SELECT stored_name FROM client_files WHERE id = $file")
! grep -q '%PDF' "$VAR/uploads/${stored_name:0:2}/$stored_name" || fail "the file is stored in clear"
ok "ID number, figures, history values and the file are not readable in the database or on disk"

# --- the lead cleared for level 2 ------------------------------------------------
login a advisor || fail "advisor could not sign in"
get a "/clients/$id"
expect_status 200
expect_body "进出口贸易$tag"
expect_no_body "$id_number"
expect_no_body 'id="financial"'
expect_no_body '1,234,567.89'
expect_no_body '财务信息'
expect_no_body "年报$tag"  # the history's financial rows: not even that there are any
expect_no_body '财务期间'
expect_no_body '上传文件'
post a /clients/ "q=$id_number"
expect_no_body "$name"
get a "/clients/export?q=$name"
expect_body "$name"
expect_no_body "$id_number"
get a "/clients/$id/files/$file"
expect_status 404
post a "/clients/$id/periods" period=2024 revenue=1
[ "$STATUS" = 403 ] || [ "$STATUS" = 404 ] || fail "a period by the advisor: $STATUS"
[ "$(sql "SELECT COUNT(*) FROM client_periods WHERE client_id = $id AND period = '2024'")" = 0 ] || fail "period stored"
ok "lead with clearance 2: business shown; no ID number or financials in page, search, CSV, file URL"

# --- cleared, but no reason to see this client -------------------------------------
login x adv3 || fail "adv3 could not sign in"
get x "/clients/$id"
expect_status 404
expect_no_body "$name"
post x /clients/ "q=$id_number"
expect_no_body "$name"
get x "/clients/?q=权限测试贸易"
expect_no_body "$name"
get x "/clients/export?q=$name"
expect_no_body "$name"
get x "/clients/$id/files/$file"
expect_status 404
ok "clearance 3 without a reason: 404, nothing in search, CSV or file URL"

# --- cleared lead, manager ---------------------------------------------------------
login l adv3lead || fail "adv3lead could not sign in"
post l /clients/ "q=$id_number"
expect_body "$name"
get l "/clients/$id"
expect_status 200
expect_body "$id_number"
expect_body '1,234,567.89'
expect_body '-2,345.60'
get l "/clients/$id/files/$file"
expect_status 200
cmp -s "$BODY" "$ROOT/tests/http/files/letter.pdf" || fail "the download differs from the upload"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE entity = 'client' AND entity_id = $id AND user_id = $lead3 AND action = 'client.read_sensitive' AND detail LIKE '%legal_rep_id%'")" -ge 1 ] || fail "lead's read not audited"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE entity = 'client' AND entity_id = $id AND user_id = $lead3 AND action = 'client.file_download'")" = 1 ] || fail "download not audited"
post l /clients/export "q=$id_number"
expect_body "$name"
expect_no_body "$id_number"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%$id_number%'")" = 0 ] || fail "an ID number in the audit log"
login m manager || fail "manager could not sign in"
get m "/clients/$id"
expect_body "$id_number"
ok "a cleared lead finds the client by ID number (page and CSV; no ID number in the audit log), sees figures, downloads the file; the department's manager sees it"

# --- the director's read is audited, and the page says who saw it -----------------------
director=$(sql "SELECT id FROM users WHERE login = 'director'")
get d "/clients/$id"
expect_body "$id_number"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE entity = 'client' AND entity_id = $id AND user_id = $director AND action = 'client.read_financial'")" -ge 1 ] || fail "director's read not in the audit log"
expect_body 'id="readers"'
expect_body '冯顾问'
expect_body '下载财务文件'
get m "/clients/$id"
expect_no_body 'id="readers"'
ok "the director's read is audited; only the director sees who read the financials"
