#!/usr/bin/env bash
# t0750-visit-mail — the visit content mailed to the client: once the report
# is accepted the visitor opens the text drafted from it (discussed,
# opinions, actions), edits it and queues it to the client's primary contact;
# the outbox holds exactly the edited text, the visit says "queued" from the
# outbox row. A client without an e-mail address is told so truthfully:
# nothing is queued and nothing claims it was.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/visit_report_lib.sh"

tag=$$$RANDOM
id=$(submitted_visit "邮件客户$tag" "wang$tag@example.test")
login a advisor || fail "advisor"; login g manager || fail "manager"

get a "/visits/$id/mail"; expect_status 409; expect_body "审核通过后才能"
post a "/visits/$id/mail" "version=$(version $id)" mail_text=x; expect_status 409
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'wang$tag@example.test'")" = 0 ] || fail "mailed before review"
ok "nothing is mailed before the report is accepted"

sql "UPDATE visits SET status = 'accepted', guidance = '可以' WHERE id = $id"
get a "/visits/$id"; expect_status 200; expect_body 'id="go-mail"'; expect_body "未发送"; expect_no_body "已排入发件箱："
get a "/visits/$id/mail"; expect_status 200
expect_body "wang$tag@example.test"; expect_body "尊敬的王经理："
expect_body "讨论了邮件客户${tag}的季度申报安排"; expect_body "希望邮件客户${tag}的账务报表提前三天发送"
expect_body "下月起提前发送报表"
ok "the mail page shows the recipient and the text drafted from the report"

post a "/visits/$id/mail" "version=$(version $id)" mail_text=
expect_status 200; expect_body 'aria-invalid="true"'
text="尊敬的王经理：
感谢接待。我们约定从下月起提前三天发送报表（已修改 $tag）。"
post a "/visits/$id/mail" "version=$(version $id)" "mail_text=$text"
expect_status 303
row=$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'wang$tag@example.test' AND status = 'queued'
           AND subject LIKE '%邮件客户$tag%' AND body LIKE '%已修改 $tag%' AND body NOT LIKE '%季度申报安排%'")
[ "$row" = 1 ] || fail "the outbox lacks the edited text ($row)"
[ "$(sql "SELECT mail_outbox_id = (SELECT id FROM outbox WHERE to_addr = 'wang$tag@example.test') AND mail_queued_at IS NOT NULL FROM visits WHERE id = $id")" = 1 ] || fail "the visit does not name its outbox row"
[ "$(sql "SELECT REPLACE(mail_text, '\n', '|') FROM visits WHERE id = $id")" = "${text/$'\n'/|}" ] || fail "the text as sent is not kept"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'visit.mail' AND entity_id = $id")" = 1 ] || fail "audit"
get a "/visits/$id"; expect_status 200; expect_body "已排入发件箱："; expect_no_body 'id="go-mail"'
expect_body "回访内容已排入发件箱"
ok "the edited text is queued in the outbox to the primary contact, kept on the visit, audited; the visit page says queued"

sql "UPDATE outbox SET status = 'sent', sent_at = UTC_TIMESTAMP() WHERE to_addr = 'wang$tag@example.test'"
get a "/visits/$id"; expect_body "已发送："; expect_no_body "已排入发件箱："
ok "once sent, the visit page says so from the outbox row"

post a "/visits/$id/mail" "version=$(version $id)" "mail_text=again"
expect_status 409; expect_body "不会重复发送"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'wang$tag@example.test'")" = 1 ] || fail "mailed twice"
ok "a second post does not mail it twice"

id2=$(submitted_visit "无邮箱客户$tag")
sql "UPDATE visits SET status = 'accepted' WHERE id = $id2"
n0=$(sql "SELECT COUNT(*) FROM outbox")
get a "/visits/$id2/mail"; expect_status 200; expect_body 'id="no-email"'; expect_body "没有可用的电子邮箱"
post a "/visits/$id2/mail" "version=$(version $id2)" "mail_text=内容"
expect_status 409; expect_body "没有排入发件箱"; expect_no_body "已排入发件箱："
[ "$(sql "SELECT COUNT(*) FROM outbox")" = "$n0" ] || fail "something was queued for a client without e-mail"
[ "$(sql "SELECT COALESCE(mail_queued_at, 'none') FROM visits WHERE id = $id2")" = none ] || fail "marked as queued"
get a "/visits/$id2/mail"; expect_status 200; expect_body 'id="no-email"'
get a "/visits/$id2"; expect_body "未发送"; expect_no_body "已排入发件箱："; expect_no_body "已发送："
ok "a client without e-mail: the truth is said, nothing queued, the visit not marked"
