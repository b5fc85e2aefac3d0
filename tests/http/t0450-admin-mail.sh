#!/usr/bin/env bash
# The admin sees the mail that failed for good (address shortened, no body),
# the notices that found nobody to receive them and what waits; a failed one
# can be sent again (CSRF, admin only, audited). Other staff cannot see it.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
sql "INSERT INTO outbox (status, to_addr, subject, body, attempts, last_error, created_at, failed_at) VALUES
     ('failed', 'complainant.$tag@example.com', '退回邮件 $tag', '秘密正文 $tag', 1, 'RCPT failed: 550', UTC_TIMESTAMP(), UTC_TIMESTAMP())"
failed=$(sql "SELECT id FROM outbox WHERE subject = '退回邮件 $tag'")
sql "INSERT INTO outbox (status, to_addr, for_whom, subject, body, created_at) VALUES
     ('norecipient', '', 'role manager, department #9', '无人可收 $tag', '正文', UTC_TIMESTAMP())"
sql "INSERT INTO outbox (status, to_addr, subject, body, created_at) VALUES
     ('sent', 'done.$tag@example.com', '已发送 $tag', '正文', UTC_TIMESTAMP())"
sent=$(sql "SELECT id FROM outbox WHERE subject = '已发送 $tag'")

login ad admin || fail "admin could not sign in"
get ad /admin/
expect_body '/admin/mail'
get ad /admin/mail
expect_status 200
expect_body "退回邮件 $tag"
expect_body '永久失败'
expect_body 'RCPT failed: 550'
expect_body "c***@example.com"
expect_no_body "complainant.$tag@example.com"
expect_no_body "秘密正文 $tag"
expect_body "无人可收 $tag"
expect_body '无收件人： role manager, department #9'
expect_no_body "已发送 $tag"
expect_body "action=\"/admin/mail/$failed/resend\""
ok "the admin sees failed mail (address shortened, no body) and notices with no recipient"

keep_csrf ad
post_raw ad "/admin/mail/$failed/resend"
expect_status 403
[ "$(sql "SELECT status FROM outbox WHERE id = $failed")" = failed ] || fail "resent without a CSRF token"
login adv advisor || fail "advisor could not sign in"
get adv /admin/mail
expect_status 403
post adv "/admin/mail/$failed/resend"
expect_status 403
[ "$(sql "SELECT status FROM outbox WHERE id = $failed")" = failed ] || fail "resent by an advisor"
post ad "/admin/mail/$sent/resend"
expect_status 404
ok "no resend without the CSRF token or by other staff; a sent message cannot be resent"

post ad "/admin/mail/$failed/resend"
expect_status 303
[ "$(location)" = /admin/mail ] || fail "redirect to $(location)"
[ "$(sql "SELECT CONCAT(status, ' ', attempts, ' ', next_try_at IS NULL) FROM outbox WHERE id = $failed")" = "queued 0 1" ] \
    || fail "row after resend: $(sql "SELECT status, attempts FROM outbox WHERE id = $failed")"
[ "$(sql "SELECT COUNT(*) FROM audit_log a JOIN users u ON u.id = a.user_id WHERE a.action = 'mail.resend' AND a.entity_id = $failed AND u.login = 'admin'")" = 1 ] \
    || fail "resend not audited"
get ad /admin/mail
expect_body '邮件已重新排队'
expect_body '等待发送'
sql "UPDATE outbox SET status = 'sent' WHERE id = $failed"
ok "the admin sends a failed message again: queued afresh, audited"
