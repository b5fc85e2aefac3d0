#!/usr/bin/env bash
# t0230-admin-settings — an administrator edits the settings: bad values are
# refused at their field with the input kept and nothing stored; good values are
# saved and each change is audited as old → new.
. "$(dirname "$0")/lib.sh"

setting() { sql "SELECT value FROM settings WHERE name = '$1'"; }
days0=$(setting contact_days) wd0=$(setting summary_weekday) name0=$(setting centre_name)
days1=$((days0 == 45 ? 46 : 45)) wd1=$((wd0 == 3 ? 4 : 3))

login a admin || fail "admin cannot sign in"
get a /admin/settings
expect_status 200
expect_body "系统设置"
expect_body "value=\"$days0\""
expect_body "<option value=\"$wd0\" selected>"
ok "the form shows the stored values"

# the complaint deadlines as stored, sent along with every save below
mapfile -t deadlines < <(sql "SELECT CONCAT(name, '=', value) FROM settings WHERE name LIKE 'complaint%'")
[ ${#deadlines[@]} = 10 ] || fail "expected 10 complaint deadline settings"
post a /admin/settings "centre_name=$name0" contact_days=0 "summary_weekday=$wd1" "${deadlines[@]}"
expect_status 200
expect_body "数值超出允许范围"
expect_body 'id="f-contact_days" name="contact_days" required aria-invalid="true"'
expect_body 'value="0"'
expect_body "<option value=\"$wd1\" selected>"
post a /admin/settings "centre_name=$name0" contact_days=abc "summary_weekday=$wd1" "${deadlines[@]}"
expect_status 200
expect_body "请输入整数"
expect_body 'value="abc"'
post a /admin/settings "centre_name=" contact_days=366 summary_weekday=8 "${deadlines[@]}"
expect_status 200
expect_body "此项必填"
[ "$(grep -c "数值超出允许范围" "$BODY")" = 2 ] || fail "both numbers should be out of range"
[ "$(setting contact_days)" = "$days0" ] && [ "$(setting summary_weekday)" = "$wd0" ] ||
    fail "a bad value was stored"
ok "bad values refused at their fields, nothing stored"

before=$(sql "SELECT COALESCE(MAX(id), 0) FROM audit_log")
post a /admin/settings "centre_name=$name0" "contact_days=$days1" "summary_weekday=$wd1" "${deadlines[@]}"
expect_status 303
[ "$(location)" = /admin/settings ] || fail "redirect to $(location)"
[ "$(setting contact_days)" = "$days1" ] || fail "contact_days not saved"
[ "$(setting summary_weekday)" = "$wd1" ] || fail "summary_weekday not saved"
admin_id=$(sql "SELECT id FROM users WHERE login = 'admin'")
[ "$(sql "SELECT updated_by FROM settings WHERE name = 'contact_days'")" = "$admin_id" ] || fail "updated_by"
[ "$(sql "SELECT GROUP_CONCAT(detail ORDER BY id SEPARATOR '|') FROM audit_log
          WHERE id > $before AND action = 'settings.update' AND user_id = $admin_id")" = \
  "contact_days: $days0 → $days1|summary_weekday: $wd0 → $wd1" ] || fail "audit rows differ"
get a /admin/settings
expect_body "已保存"
expect_body "value=\"$days1\""
ok "saved; one audit row per change, old → new"

# saving without changes writes no audit row
before=$(sql "SELECT MAX(id) FROM audit_log")
post a /admin/settings "centre_name=$name0" "contact_days=$days1" "summary_weekday=$wd1" "${deadlines[@]}"
expect_status 303
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE id > $before AND action = 'settings.update'")" = 0 ] ||
    fail "an unchanged setting was audited"
ok "nothing changed, nothing audited"

post a /admin/settings "centre_name=$name0" "contact_days=$days0" "summary_weekday=$wd0" "${deadlines[@]}"
expect_status 303

login d director || fail "director cannot sign in"
get d /admin/settings
expect_status 403
post d /admin/settings "centre_name=x" contact_days=1 summary_weekday=1 "${deadlines[@]}"
expect_status 403
[ "$(setting centre_name)" = "$name0" ] || fail "director changed a setting"
ok "director gets 403"

# complaint deadlines are settings too: a bad one is refused at its field
get a /admin/settings
keep_csrf a
bad=("${deadlines[@]/complaint_c_response=*/complaint_c_response=0}")
post a /admin/settings "centre_name=$name0" "contact_days=$days0" "summary_weekday=$wd0" "${bad[@]}"
expect_status 200
expect_body 'id="e-complaint_c_response"'
[ "$(sql "SELECT value FROM settings WHERE name='complaint_c_response'")" != 0 ] || fail "bad deadline saved"
good=("${deadlines[@]/complaint_b_resolution=*/complaint_b_resolution=12}")
post a /admin/settings "centre_name=$name0" "contact_days=$days0" "summary_weekday=$wd0" "${good[@]}"
expect_status 303
[ "$(sql "SELECT value FROM settings WHERE name='complaint_b_resolution'")" = 12 ] || fail "deadline not saved"
post a /admin/settings "centre_name=$name0" "contact_days=$days0" "summary_weekday=$wd0" "${deadlines[@]}"
ok "complaint deadlines are edited with the other settings, validated"
