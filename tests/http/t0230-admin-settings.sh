#!/usr/bin/env bash
# t0230-admin-settings — an administrator edits the settings: bad values are
# refused at their field with the input kept and nothing stored; good values are
# saved and each change is audited as old → new. Settings no feature reads yet
# (centre name, contact days) are not shown and stay as stored; the progress
# summary's weekday (issue 11: "the schedule is a setting") is one of the form's.
. "$(dirname "$0")/lib.sh"

setting() { sql "SELECT value FROM settings WHERE name = '$1'"; }
warn0=$(setting complaint_warn_hours) dir0=$(setting complaint_director_after_hours)
days0=$(setting contact_days) name0=$(setting centre_name)
warn1=$((warn0 == 5 ? 6 : 5)) dir1=$((dir0 == 30 ? 31 : 30))
# the complaint settings and the summary's weekday as stored but the two this test changes
mapfile -t rest < <(sql "SELECT CONCAT(name, '=', value) FROM settings
                         WHERE (name LIKE 'complaint%' OR name = 'summary_weekday')
                         AND name NOT IN ('complaint_warn_hours', 'complaint_director_after_hours')")
[ ${#rest[@]} = 9 ] || fail "expected 8 complaint deadline settings and the summary weekday"

login a admin || fail "admin cannot sign in"
get a /admin/settings
expect_status 200
expect_body "系统设置"
expect_body "id=\"f-complaint_warn_hours\" name=\"complaint_warn_hours\" required value=\"$warn0\""
ok "the form shows the stored values"
for f in centre_name contact_days; do
    expect_no_body "name=\"$f\""
done
expect_no_body "中心名称"
ok "settings no feature uses yet are not shown"

post a /admin/settings complaint_warn_hours=0 "complaint_director_after_hours=$dir1" "${rest[@]}"
expect_status 200
expect_body "数值超出允许范围"
expect_body 'id="f-complaint_warn_hours" name="complaint_warn_hours" required aria-invalid="true"'
expect_body 'value="0"'
expect_body "value=\"$dir1\""
post a /admin/settings complaint_warn_hours=abc "complaint_director_after_hours=$dir1" "${rest[@]}"
expect_status 200
expect_body "请输入整数"
expect_body 'value="abc"'
post a /admin/settings complaint_warn_hours=721 complaint_director_after_hours= "${rest[@]}"
expect_status 200
expect_body "此项必填"
expect_body "数值超出允许范围"
[ "$(setting complaint_warn_hours)" = "$warn0" ] && [ "$(setting complaint_director_after_hours)" = "$dir0" ] ||
    fail "a bad value was stored"
ok "bad values refused at their fields, nothing stored"

before=$(sql "SELECT COALESCE(MAX(id), 0) FROM audit_log")
post a /admin/settings "complaint_warn_hours=$warn1" "complaint_director_after_hours=$dir1" \
    contact_days=1 centre_name=x "${rest[@]}"
expect_status 303
[ "$(location)" = /admin/settings ] || fail "redirect to $(location)"
[ "$(setting complaint_warn_hours)" = "$warn1" ] || fail "complaint_warn_hours not saved"
[ "$(setting complaint_director_after_hours)" = "$dir1" ] || fail "complaint_director_after_hours not saved"
[ "$(setting contact_days)" = "$days0" ] && [ "$(setting centre_name)" = "$name0" ] ||
    fail "a hidden setting was changed by a posted field"
admin_id=$(sql "SELECT id FROM users WHERE login = 'admin'")
[ "$(sql "SELECT updated_by FROM settings WHERE name = 'complaint_warn_hours'")" = "$admin_id" ] || fail "updated_by"
[ "$(sql "SELECT GROUP_CONCAT(detail ORDER BY id SEPARATOR '|') FROM audit_log
          WHERE id > $before AND action = 'settings.update' AND user_id = $admin_id")" = \
  "complaint_warn_hours: $warn0 → $warn1|complaint_director_after_hours: $dir0 → $dir1" ] || fail "audit rows differ"
get a /admin/settings
expect_body "已保存"
expect_body "value=\"$warn1\""
ok "saved; one audit row per change, old → new; hidden settings untouched"

# saving without changes writes no audit row
before=$(sql "SELECT MAX(id) FROM audit_log")
post a /admin/settings "complaint_warn_hours=$warn1" "complaint_director_after_hours=$dir1" "${rest[@]}"
expect_status 303
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE id > $before AND action = 'settings.update'")" = 0 ] ||
    fail "an unchanged setting was audited"
ok "nothing changed, nothing audited"

post a /admin/settings "complaint_warn_hours=$warn0" "complaint_director_after_hours=$dir0" "${rest[@]}"
expect_status 303

login d director || fail "director cannot sign in"
get d /admin/settings
expect_status 403
post d /admin/settings complaint_warn_hours=1 complaint_director_after_hours=1 "${rest[@]}"
expect_status 403
[ "$(setting complaint_warn_hours)" = "$warn0" ] || fail "director changed a setting"
ok "director gets 403"

# complaint deadlines: a bad one is refused at its field
get a /admin/settings
keep_csrf a
keep=("complaint_warn_hours=$warn0" "complaint_director_after_hours=$dir0")
bad=("${rest[@]/complaint_c_response=*/complaint_c_response=0}")
post a /admin/settings "${keep[@]}" "${bad[@]}"
expect_status 200
expect_body 'id="e-complaint_c_response"'
[ "$(sql "SELECT value FROM settings WHERE name='complaint_c_response'")" != 0 ] || fail "bad deadline saved"
b0=$(setting complaint_b_resolution)
good=("${rest[@]/complaint_b_resolution=*/complaint_b_resolution=12}")
post a /admin/settings "${keep[@]}" "${good[@]}"
expect_status 303
[ "$(sql "SELECT value FROM settings WHERE name='complaint_b_resolution'")" = 12 ] || fail "deadline not saved"
post a /admin/settings "${keep[@]}" "${rest[@]}"
[ "$(setting complaint_b_resolution)" = "$b0" ] || fail "deadline not restored"
ok "complaint deadlines are edited with the other settings, validated"

# the progress summary's weekday: a select of the 7 days, 1–7 only, audited
wd0=$(setting summary_weekday)
get a /admin/settings
expect_body '<option value="5"'; expect_body '星期五'
post a /admin/settings "${keep[@]}" "${rest[@]/summary_weekday=*/summary_weekday=8}"
expect_status 200; expect_body 'id="e-summary_weekday"'
[ "$(setting summary_weekday)" = "$wd0" ] || fail "weekday 8 stored"
wd1=$((wd0 == 3 ? 4 : 3))
post a /admin/settings "${keep[@]}" "${rest[@]/summary_weekday=*/summary_weekday=$wd1}"
expect_status 303
[ "$(setting summary_weekday)" = "$wd1" ] || fail "weekday not saved"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'settings.update' AND detail = 'summary_weekday: $wd0 → $wd1'")" -ge 1 ] || fail "weekday change not audited"
post a /admin/settings "${keep[@]}" "${rest[@]}"
[ "$(setting summary_weekday)" = "$wd0" ] || fail "weekday not restored"
ok "the progress summary's weekday: shown as a day, 8 refused, a change saved and audited"
