#!/usr/bin/env bash
# Appointment attempts (预约): each is recorded with when, how, the outcome and
# a note, and shows on the visit page and its timeline. Two failed attempts
# leave the visit to be arranged; the third failed attempt (三次预约未果)
# needs a note on the special circumstances (特殊情况): without it the form
# comes back with the message at the note and nothing is stored; with it the
# visit closes as 默认回访完毕 and the client's last contact is set. An action
# from a stale page (an old version) is refused.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/visits.sh"

login a "va$tag" || fail "visitor could not sign in"
plan a phone "$ca"
v=$visit
old=$(col "$v" version)
act a "$v" attempt "tried_at=2099-01-01T09:30" how=phone outcome=no_answer "note=未来"
expect_status 200
expect_body 'id="e-tried_at"'; expect_body '未来'
act a "$v" attempt "tried_at=明天上午" how=phone outcome=no_answer
expect_status 200
expect_body 'id="e-tried_at"'
[ "$(col "$v" failed_attempts)" = 0 ] || fail "an attempt with a bad time was counted"
act a "$v" attempt "tried_at=2026-11-02T09:30" how=phone outcome=no_answer "note=第一次"
expect_status 303
act a "$v" attempt how=wechat outcome=declined
expect_status 303
[ "$(col "$v" "CONCAT(status, ' ', failed_attempts)")" = "planned 2" ] || fail "after two failures: $(col "$v" "CONCAT(status, ' ', failed_attempts)")"
[ "$(sql "SELECT CONCAT(tried_at, ' ', method, ' ', outcome, ' ', note) FROM visit_attempts WHERE visit_id = $v ORDER BY id LIMIT 1")" = "2026-11-02 01:30:00 phone no_answer 第一次" ] || fail "the first attempt's row (time stored in UTC)"
get a "/visits/$v"
expect_body '无人接听'; expect_body '客户婉拒'; expect_body '2026-11-02 09:30'
expect_body '预约未果：无人接听'
expect_body 'id="last-try"'
ok "a time in the future or not a time is refused at the field; two failed attempts are recorded and the visit stays to be arranged"

post a "/visits/$v/attempt" "version=$old" how=phone outcome=no_answer "note=旧页面"
expect_status 200
expect_body 'id="action-error"'
[ "$(sql "SELECT COUNT(*) FROM visit_attempts WHERE visit_id = $v")" = 2 ] || fail "a stale page recorded an attempt"
ok "an attempt from a stale page is refused"

act a "$v" attempt "tried_at=2026-11-03 10:00" how=phone outcome=wrong_number note=
expect_status 200
expect_body 'id="e-note"'; expect_body '请写明特殊情况'
expect_body 'value="2026-11-03 10:00"'
[ "$(col "$v" "CONCAT(status, ' ', failed_attempts)")" = "planned 2" ] || fail "the third failure without a note changed the visit"
[ "$(sql "SELECT COUNT(*) FROM visit_attempts WHERE visit_id = $v")" = 2 ] || fail "the third failure without a note was stored"
ok "the third failure without a note: the message at the note, the input kept, nothing stored"

act a "$v" attempt "tried_at=2026-11-03 10:00" how=phone outcome=wrong_number "note=客户已搬迁，电话停机"
expect_status 303
[ "$(col "$v" "CONCAT(status, ' ', failed_attempts, ' ', close_note)")" = "default_done 3 客户已搬迁，电话停机" ] || fail "the visit did not close by default: $(col "$v" "CONCAT(status, ' ', failed_attempts)")"
[ "$(sql "SELECT last_contact_on = DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR) FROM clients WHERE id = $ca")" = 1 ] || fail "last contact not set"
get a "/visits/$v"
expect_body '默认回访完毕'; expect_body '客户已搬迁，电话停机'; expect_body '三次预约未果，默认回访完毕'
expect_no_body 'id="attempt"'
act a "$v" attempt how=phone outcome=agreed
expect_status 200
expect_body 'id="action-error"'
ok "the third failed attempt with its note closes the visit as 默认回访完毕"

plan a phone "$cb"
w=$visit
act a "$w" attempt how=phone outcome=no_answer; act a "$w" attempt how=phone outcome=no_answer
act a "$w" attempt how=phone outcome=agreed "tried_at=2026-11-05T15:00"
expect_status 303
[ "$(col "$w" "CONCAT(status, ' ', failed_attempts)")" = "planned 2" ] || fail "an agreed attempt after two failures"
ok "an agreed third attempt does not close the visit"

act a "$w" cancel cancel_note=
expect_status 200
expect_body 'id="e-cancel_note"'
act a "$w" cancel "cancel_note=客户已注销"
expect_status 303
[ "$(col "$w" "CONCAT(status, ' ', close_note)")" = "cancelled 客户已注销" ] || fail "not cancelled"
ok "a planned visit is cancelled only with a note"
