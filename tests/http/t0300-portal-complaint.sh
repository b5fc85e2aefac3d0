#!/usr/bin/env bash
# A client files a complaint on the public form (with a photo), gets a tracking
# number and a code, and looks it up; bad input is answered at the field with
# everything kept; bots (honeypot, forged token) get a decoy page, nothing stored.
# Double posts, suspected posts, 503s and the look-up's forgiveness: t0301–t0304.
. "$(dirname "$0")/lib.sh"
F=$ROOT/tests/http/files
count() { sql "SELECT COUNT(*) FROM complaints"; }

get p /portal/complaint
expect_status 200
expect_body '我要投诉'
expect_body 'enctype="multipart/form-data"'
expect_body 'name="website"'
ok "the form is public"

submit() { # curl -F args...
    req p POST /portal/complaint "$@"
}
before=$(count)
submit -F "token=$(form_token complaint 10)" -F name=张三 -F phone=13800138000 \
    -F email=zhang@example.com -F company=某某贸易有限公司 -F subject=李顾问 \
    -F happened_on=2026-11-20 -F 'description=记账报表多次出错，沟通后仍未更正。' \
    -F "files=@$F/photo.png;type=image/png"
expect_status 200
expect_body '投诉已受理'
tracking=$(grep -o 'id="tracking-no">[^<]*' "$BODY" | cut -d'>' -f2)
code=$(grep -o 'id="verify-code">[^<]*' "$BODY" | cut -d'>' -f2)
[[ $tracking =~ ^TS-[0-9]{8}-[0-9]{4}$ ]] || fail "tracking number $tracking"
[ ${#code} = 8 ] || fail "code $code"
[ "$(count)" = $((before + 1)) ] || fail "not stored"
row=$(sql "SELECT source, name, stage, phone FROM complaints WHERE tracking_no='$tracking'")
[ "$row" = "$(printf 'web\t张三\tregistered\t13800138000')" ] || fail "row: $row"
[ "$(sql "SELECT COUNT(*) FROM complaint_files f JOIN complaints c ON c.id=f.complaint_id WHERE c.tracking_no='$tracking' AND f.ctype='image/png'")" = 1 ] || fail "photo not stored"
stored=$(sql "SELECT stored_name FROM complaint_files f JOIN complaints c ON c.id=f.complaint_id WHERE c.tracking_no='$tracking'")
cmp -s "$F/photo.png" "$VAR/uploads/${stored:0:2}/$stored" || fail "stored photo differs"
[ "$(sql "SELECT COUNT(*) FROM complaints WHERE tracking_no='$tracking' AND verify_mac LIKE '%$code%'")" = 0 ] || fail "code stored in clear"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE to_addr='zhang@example.com' AND body LIKE '%$tracking%' AND body LIKE '%$code%'")" = 1 ] || fail "no acknowledgement mail"
ok "submitted: $tracking, photo stored outside the web root, mail queued, code not stored"

# a photo with a very long name (some phones make them) is kept, its name shortened
long=$(printf '很长的文件名%.0s' $(seq 1 13)).png   # 238 bytes: the disk allows 255
cp "$F/photo.png" "$T/$long"
submit -F "token=$(form_token complaint 10)" -F name=长文件名 -F phone=13800138001 \
    -F 'description=附件名字很长' -F "files=@$T/$long;type=image/png"
expect_status 200
expect_body '投诉已受理'
n=$(sql "SELECT LENGTH(f.orig_name) FROM complaint_files f JOIN complaints c ON c.id=f.complaint_id WHERE c.description='附件名字很长' ORDER BY f.id DESC LIMIT 1")
[ -n "$n" ] && [ "$n" -le 200 ] || fail "long file name: stored length '$n'"
before=$((before + 1))
ok "a very long file name is shortened, not refused"
sql "DELETE FROM rate_counts"   # the address's count starts again

# validation: messages at the fields, input kept
submit -F "token=$(form_token complaint 10)" -F name= -F phone=12345 -F email= \
    -F 'description=' -F company=保留的公司名 -F happened_on=2099-01-01
expect_status 200
expect_body 'id="e-name"'
expect_body '请输入有效的手机或座机号码'
expect_body '此项必填'
expect_body 'value="保留的公司名"'
expect_body 'value="12345"'
expect_body '日期不能晚于今天'
submit -F "token=$(form_token complaint 10)" -F name=李四 -F 'description=没有联系方式'
expect_body '请填写手机或电子邮箱，至少一项'
expect_body '没有联系方式'
printf 'MZ this is not an image' >"$T/fake.png"
submit -F "token=$(form_token complaint 10)" -F name=李四 -F phone=13900139000 -F 'description=附件类型不对' \
    -F "files=@$T/fake.png;type=image/png"
expect_body '只接受图片'
expect_body '如有附件，请重新选择'
expect_body '附件类型不对'
head -c $((5 * 1024 * 1024 + 10)) /dev/zero >"$T/big.pdf"; printf '%%PDF-' | dd of="$T/big.pdf" conv=notrunc 2>/dev/null
submit -F "token=$(form_token complaint 10)" -F name=李四 -F phone=13900139000 -F 'description=附件太大' \
    -F "files=@$T/big.pdf;type=application/pdf"
expect_body '每个附件不能超过 5 MB'
submit -F "token=$(form_token complaint 10)" -F name=李四 -F phone=13900139000 -F 'description=四个附件' \
    -F "files=@$F/photo.png" -F "files=@$F/photo.png" -F "files=@$F/letter.pdf" -F "files=@$F/photo.png"
expect_body '最多上传 3 个附件'
[ "$(count)" = $((before + 1)) ] || fail "a bad submission was stored"
ok "bad input: errors at the fields, input kept, nothing stored"

# a page left open too long: shown again with the input kept, not stored
submit -F "token=$(form_token complaint 3 | sed 's/^[0-9]*/1000000000/')" -F name=王五 -F phone=13700137000 -F 'description=过期'
expect_body '投诉已受理'   # a forged (re-signed) token is a bot
submit -F "token=$(form_token complaint $((3 * 3600)))" -F name=王五 -F phone=13700137000 -F 'description=页面放久了'
expect_body '页面已过期'
expect_body '页面放久了'
[ "$(count)" = $((before + 1)) ] || fail "expired form stored"
ok "a token older than 2 hours → form again with input kept"

# bots: a filled honeypot gets a page that looks accepted, with a number real
# ones never have, and nothing is written
submit -F "token=$(form_token complaint 10)" -F website=http://spam.example -F name=Bot -F phone=13600136000 -F 'description=spam'
expect_body '投诉已受理'
decoy=$(grep -o 'id="tracking-no">[^<]*' "$BODY" | cut -d'>' -f2)
[[ $decoy =~ ^TS-[0-9]{8}-[A-Z]{4}$ ]] || fail "decoy number $decoy"
[ "$(count)" = $((before + 1)) ] || fail "bots stored something: $(count) vs $((before + 1))"
[ "$(sql "SELECT COUNT(*) FROM complaints WHERE description = 'spam'")" = 0 ] || fail "bot rows"
ok "honeypot: looks accepted ($decoy), stores nothing"

# look-up: internal notes never reach the complainant
id=$(sql "SELECT id FROM complaints WHERE tracking_no='$tracking'")
sql "INSERT INTO complaint_events (complaint_id, at, kind, visibility, body) VALUES
     ($id, UTC_TIMESTAMP(), 'note', 'internal', '内部备注：顾问态度问题'),
     ($id, UTC_TIMESTAMP(), 'reply', 'public', '我们已安排重新核对报表。')"
sql "UPDATE complaints SET stage='investigating' WHERE id=$id"
get q /portal/complaint/status
expect_body '投诉进度查询'
req q POST /portal/complaint/status --data-urlencode "tracking=$tracking" --data-urlencode "code=$code"
expect_status 200
expect_body '初步调查'
expect_body '我们已安排重新核对报表。'
expect_no_body '内部备注'
expect_no_body "$code\">"   # the code is only in the rating form's hidden field, when shown
ok "status: stage and replies, no internal note"
req q POST /portal/complaint/status --data-urlencode "tracking=$tracking" --data-urlencode "code=${code,,}"
expect_body '初步调查'
ok "the code is accepted in lower case"

req q POST /portal/complaint/status --data-urlencode "tracking=$tracking" --data-urlencode "code=WRONGCDE"
expect_body '没有找到与该投诉编号和验证码对应的投诉'
cp "$BODY" "$T/wrong.html"
req q POST /portal/complaint/status --data-urlencode "tracking=TS-20000101-9999" --data-urlencode "code=WRONGCDE"
diff <(sed 's/value="[^"]*"//g' "$T/wrong.html") <(sed 's/value="[^"]*"//g' "$BODY") >/dev/null || fail "unknown number answers differently"
for i in $(seq 1 8); do
    req q POST /portal/complaint/status --data-urlencode "tracking=$tracking" --data-urlencode "code=WRONG$i"
done
req q POST /portal/complaint/status --data-urlencode "tracking=$tracking" --data-urlencode "code=$code"
expect_body '尝试次数过多'
expect_no_body '初步调查'
ok "wrong code = unknown number; after 10 wrong codes even the right one is refused (and says why)"
sql "DELETE FROM rate_counts"

# rating: only after resolution, an explicit POST
req q POST /portal/complaint/status --data-urlencode "tracking=$tracking" --data-urlencode "code=$code"
expect_no_body '提交评价'
sql "UPDATE complaints SET stage='resolved', resolved_at=UTC_TIMESTAMP() WHERE id=$id"
req q POST /portal/complaint/status --data-urlencode "tracking=$tracking" --data-urlencode "code=$code"
expect_body '提交评价'
req q POST /portal/complaint/rate --data-urlencode "tracking=$tracking" --data-urlencode "code=$code" --data-urlencode "rating=9"
expect_body '请从列表中选择'
req q POST /portal/complaint/rate --data-urlencode "tracking=$tracking" --data-urlencode "code=$code" --data-urlencode "rating=4" --data-urlencode "comment=处理及时"
expect_body '感谢您的评价'
expect_body '4/5'
[ "$(sql "SELECT rating, rating_comment FROM complaints WHERE id=$id")" = "$(printf '4\t处理及时')" ] || fail "rating not stored"
req q POST /portal/complaint/rate --data-urlencode "tracking=$tracking" --data-urlencode "code=$code" --data-urlencode "rating=1"
[ "$(sql "SELECT rating FROM complaints WHERE id=$id")" = 4 ] || fail "rating changed twice"
ok "rated 4 after resolution, once"
