#!/usr/bin/env bash
# Waiting for the complainant (等待投诉人): their status page shows the question
# asked and takes their answer — text and photos, checked like the complaint
# form — which starts the clock again with new due times and is on the
# timeline (public for them, with the files for staff); the owner is mailed. The anonymous form is
# guarded by a signed token (forged or stale: nothing stored), posting it twice
# stores one answer, and answers per address are limited.
. "$(dirname "$0")/lib.sh"

tag=$$$RANDOM
advisor=$(sql "SELECT id FROM users WHERE login = 'advisor'")
sql "UPDATE users SET email = CONCAT(login, '@example.test') WHERE login = 'advisor'"
req p POST /portal/complaint -F "token=$(form_token complaint 10)" -F "name=答复者$tag" \
    -F phone=13900139000 -F "email=a$tag@example.test" -F "description=发票开错了$tag"
expect_status 200
tracking=$(grep -o 'id="tracking-no">[^<]*' "$BODY" | cut -d'>' -f2)
code=$(grep -o 'id="verify-code">[^<]*' "$BODY" | cut -d'>' -f2)
id=$(sql "SELECT id FROM complaints WHERE tracking_no = '$tracking'")
[ -n "$id" ] || fail "complaint not stored"

login m manager || fail "manager could not sign in"
login a advisor || fail "advisor could not sign in"
post m "/complaints/$id/classify" severity=b "owner=$advisor"
expect_status 303
post a "/complaints/$id/wait" "wait_note=请提供开票时的付款凭证$tag"
expect_status 303
[ "$(sql "SELECT visibility FROM complaint_events WHERE complaint_id = $id AND kind = 'waiting'")" = public ] \
    || fail "the question is not public"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'a$tag@example.test' AND body LIKE '%请提供开票时的付款凭证$tag%'")" = 1 ] \
    || fail "the question was not mailed to the complainant"
ok "the owner asks a question: public on the timeline, mailed to the complainant"

# two working days spent waiting: the due times must move on when answered
sql "UPDATE complaints SET waiting_since = waiting_since - INTERVAL 3 DAY WHERE id = $id"
before=$(sql "SELECT UNIX_TIMESTAMP(resolution_due) FROM complaints WHERE id = $id")

status() { req q POST /portal/complaint/status --data-urlencode "tracking=$tracking" --data-urlencode "code=$code"; }
status
expect_status 200
expect_body 'id="waiting"'
expect_body '等待您的答复'
expect_body "请提供开票时的付款凭证$tag"
expect_body 'action="/portal/complaint/answer"'
token=$(grep -o 'name="token" value="[^"]*"' "$BODY" | sed -n 1p | cut -d'"' -f4)
[ -n "$token" ] || fail "no form token on the answer form"
ok "the status page shows 等待您的答复 with the question and an answer form"

answer() { req q POST /portal/complaint/answer -F "tracking=$tracking" -F "code=$code" "$@"; }

answer -F "token=$token" -F "answer=凭证见附件$tag" -F "files=@$ROOT/tests/http/files/letter.pdf;filename=x.png" \
    -F "files=@$0;filename=photo.jpg;type=image/jpeg"
expect_status 200
expect_body 'id="e-files"'
expect_body "凭证见附件$tag"
[ "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $id AND kind = 'answered'")" = 0 ] || fail "stored with a bad file"
ok "a file that is not an image or PDF (by content): message at the field, the text kept, nothing stored"

answer -F "token=${token%?}x" -F "answer=伪造$tag"
expect_status 200
expect_body '页面已过期'
expect_body "伪造$tag"
answer -F "token=$(form_token answer 7205)" -F "answer=过期$tag"
expect_body '页面已过期'
req q POST /portal/complaint/answer --data-urlencode "tracking=$tracking" --data-urlencode "code=WRONG1" \
    --data-urlencode "token=$token" --data-urlencode "answer=冒充$tag"
expect_body '没有找到'
[ "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $id AND kind = 'answered'")" = 0 ] || fail "stored with a bad token or code"
ok "a forged or expired token, or a wrong code: nothing stored (the text kept)"

answer -F "token=$token" -F "answer=凭证见附件$tag" -F "files=@$ROOT/tests/http/files/photo.png;filename=付款凭证.png"
expect_status 200
expect_body 'id="answer-notice"'
expect_body '我们已收到您的答复'
expect_no_body 'id="waiting"'
expect_body '您的答复'
expect_body "凭证见附件$tag"
[ "$(sql "SELECT waiting_since IS NULL FROM complaints WHERE id = $id")" = 1 ] || fail "still waiting"
after=$(sql "SELECT UNIX_TIMESTAMP(resolution_due) FROM complaints WHERE id = $id")
[ "$after" -gt "$before" ] || fail "resolution due did not move: $before -> $after"
[ "$(sql "SELECT CONCAT(visibility, ' ', COALESCE(user_id, 0)) FROM complaint_events WHERE complaint_id = $id AND kind = 'answered'")" = "public 0" ] \
    || fail "the answer is not a public event"
[ "$(sql "SELECT visibility FROM complaint_events WHERE complaint_id = $id AND kind = 'resumed'")" = internal ] || fail "no resumed event"
[ "$(sql "SELECT CONCAT(orig_name, ' ', ctype) FROM complaint_files WHERE complaint_id = $id")" = "付款凭证.png image/png" ] || fail "photo not stored"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'complaint.answer' AND entity_id = $id")" = 1 ] || fail "not audited"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr = 'advisor@example.test' AND subject = '投诉人已答复 $tracking' AND body LIKE '%凭证见附件$tag%' AND body LIKE '%/complaints/$id%'")" = 1 ] \
    || fail "the owner was not told of the answer"
ok "the answer with a photo: received, the clock runs again (resolution due $(( (after - before) / 3600 )) h later), on the timeline"

answer -F "token=$token" -F "answer=凭证见附件$tag" -F "files=@$ROOT/tests/http/files/photo.png;filename=付款凭证.png"
expect_status 200
expect_body '这份答复已经收到'
[ "$(sql "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = $id AND kind = 'answered'")" = 1 ] || fail "stored twice"
[ "$(sql "SELECT COUNT(*) FROM complaint_files WHERE complaint_id = $id")" = 1 ] || fail "file stored twice"
ok "the same form posted again: \"already received\", one answer, one file"

answer -F "token=$(form_token answer 10)" -F "answer=再补充$tag"
expect_status 200
expect_body '目前没有需要您答复的问题'
expect_body "再补充$tag"
ok "no question waiting: says so, nothing stored, the text kept"

get a "/complaints/$id"
expect_body "凭证见附件$tag"
expect_body '投诉人答复'
expect_body '付款凭证.png'
grep -B1 -A2 '<strong>投诉人答复</strong>' "$BODY" | grep -qF 'class="badge public">来自投诉人' || fail "the answer is not marked 来自投诉人"
grep -A1 '<strong>投诉人答复</strong>' "$BODY" | grep -qF '· 投诉人</small>' || fail "the answer is not by the complainant"
ok "staff see the answer, by the complainant, and its photo"

# the limit per address and hour
post a "/complaints/$id/wait" "wait_note=还需要合同$tag"
expect_status 303
sql "UPDATE rate_counts SET n = 10 WHERE kind = 'answer'"
answer -F "token=$(form_token answer 10)" -F "answer=合同稍后$tag"
expect_body '本小时提交的答复过多'
expect_body "合同稍后$tag"
[ "$(sql "SELECT waiting_since IS NOT NULL FROM complaints WHERE id = $id")" = 1 ] || fail "resumed past the limit"
ok "past the address's hourly limit: refused with the text kept"

req e POST /portal/complaint/status -H 'Cookie: gw_lang=en' --data-urlencode "tracking=$tracking" --data-urlencode "code=$code"
expect_body 'Waiting for you'
expect_body "还需要合同$tag"
expect_body 'Send answer'
ok "in English too"
