#!/usr/bin/env bash
# Mail goes out: a complainant files a complaint with an e-mail address and the
# acknowledgement reaches a real SMTP server on loopback (aiosmtpd, STARTTLS and
# a login, as a corporate relay), readable in Chinese, with the tracking number
# and no code in any link. A relay that refuses (5xx: failed for good, 4xx: tried
# again later), vanishes in the middle of a run, or is used by two runs at once
# loses nothing and gets nothing twice. Also through the host's sendmail.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3   # Debian's python, which has python3-aiosmtpd
SMTP_PORT=$((GUWEN_PORT + 100))
BOX=$T/box
CFG=$T/mail.hdf
SMTPD_PID=
stop_smtpd() { [ -z "$SMTPD_PID" ] || { kill "$SMTPD_PID" 2>/dev/null; wait "$SMTPD_PID" 2>/dev/null || true; SMTPD_PID=; }; }
trap 'stop_smtpd; rm -rf "$T"' EXIT
start_smtpd() { # extra args
    "$PY" "$ROOT/tests/mail/smtpd.py" "$BOX" "$SMTP_PORT" --cert "$T/cert.pem" "$T/key.pem" \
        --user relay:relay-secret-1 "$@" >"$T/smtpd.log" 2>&1 &
    SMTPD_PID=$!
    for _ in $(seq 50); do grep -q ready "$T/smtpd.log" 2>/dev/null && return 0; sleep 0.1; done
    fail "the SMTP server did not start: $(cat "$T/smtpd.log")"
}
mail() { GUWEN_CONFIG=$CFG "$ROOT/tools/guwen" mail "$@"; }
boxed() { find "$BOX" -name '*.eml' | wc -l; }
queue() { # N ADDRESS-PREFIX: N plain mails straight into the outbox
    sql "INSERT INTO outbox (to_addr, subject, body, created_at)
         SELECT CONCAT('$2', seq, '@example.com'), CONCAT('批量测试 ', seq), '正文', UTC_TIMESTAMP()
         FROM seq_1_to_$1"
}
# every Message-ID in the box, and how many appear more than once
dups() { cat "$BOX"/*.eml | grep -i '^Message-ID:' | sort | uniq -d | wc -l; }

openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/key.pem" -out "$T/cert.pem" -days 2 \
    -subj /CN=localhost -addext 'subjectAltName=DNS:localhost,IP:127.0.0.1' 2>/dev/null
{ cat "$VAR/guwen.hdf"; cat <<EOF
Mail {
  Transport = smtp
  From = service@guwen.example
  FromName = 财税顾问中心
  SiteURL = https://service.guwen.example
  RetrySeconds = 120
  MaxAttempts = 3
  SMTP {
    URL = smtp://127.0.0.1:$SMTP_PORT
    TLS = required
    User = relay
    Password = relay-secret-1
    CAFile = $T/cert.pem
  }
}
EOF
} >"$CFG"
sql "UPDATE outbox SET status = 'sent' WHERE status IN ('queued', 'sending')"  # earlier tests' mail
last=$(sql "SELECT COALESCE(MAX(id), 0) FROM outbox")   # this test's rows come after
start_smtpd

# --- the acknowledgement --------------------------------------------------------
req p POST /portal/complaint -F "token=$(form_token complaint 10)" -F name=王小明 \
    -F phone=13800138123 -F email=wang.xm@example.com -F 'description=发票开错了，请尽快更正。'
expect_status 200
tracking=$(grep -o 'id="tracking-no">[^<]*' "$BODY" | cut -d'>' -f2)
code=$(grep -o 'id="verify-code">[^<]*' "$BODY" | cut -d'>' -f2)
[ -n "$tracking" ] && [ -n "$code" ] || fail "no tracking number / code"
[ "$(sql "SELECT status FROM outbox WHERE id > $last AND to_addr = 'wang.xm@example.com'")" = queued ] || fail "not queued"
out=$(mail 2>&1) || fail "guwen mail failed: $out"
[ -z "$out" ] || fail "guwen mail printed something when all went well: $out"
[ "$(boxed)" = 1 ] || fail "the SMTP server got $(boxed) messages"
"$PY" - "$BOX"/0000.eml "$tracking" "$code" <<'EOF' || fail "the acknowledgement is not right"
import email, email.policy, re, sys
raw = open(sys.argv[1], "rb").read()
tracking, code = sys.argv[2], sys.argv[3]
m = email.message_from_bytes(raw, policy=email.policy.default)
def need(cond, what):
    if not cond:
        print("FAIL:", what, file=sys.stderr); sys.exit(1)
need(m["To"] == "wang.xm@example.com", "To: %s" % m["To"])
need(m["Subject"] == "您的投诉已受理 " + tracking, "Subject decodes to %r" % m["Subject"])
need(b"=?UTF-8?B?" in raw.split(b"\r\n\r\n")[0], "subject not an encoded-word")
need(m["From"].addresses[0].display_name == "财税顾问中心", "From: %s" % m["From"])
need(m["Message-ID"] and m["Date"], "Message-ID and Date")
need(m.get_content_type() == "multipart/alternative", m.get_content_type())
text = m.get_body(("plain",)).get_content()
html = m.get_body(("html",)).get_content()
need("王小明" in text and tracking in text and code in text, "text part: " + text)
need(tracking in html and code in html and "王小明" in html, "html part")
urls = re.findall(r"https?://[^\s\"'<>]+", text + html)
need(urls, "no link to the status page")
need(not any(code in u or code.lower() in u.lower() for u in urls), "the code is in a link: %s" % urls)
EOF
[ "$(sql "SELECT status, attempts, last_error IS NULL FROM outbox WHERE id > $last AND to_addr = 'wang.xm@example.com'")" = "$(printf 'sent\t1\t1')" ] \
    || fail "outbox row: $(sql "SELECT status, attempts, last_error FROM outbox WHERE id > $last AND to_addr = 'wang.xm@example.com'")"
out=$(mail -v) || fail "second run failed"
[ "$(boxed)" = 1 ] || fail "a sent message was sent again"
[ "$out" = "mail: 0 sent, 0 to try again later, 0 failed for good" ] || fail "-v: $out"
ok "acknowledgement delivered over STARTTLS with a login: UTF-8 subject, text + HTML, tracking number, code in no link; sent once, silent"

# in English for a complainant who reads the site in English
req en POST /portal/complaint -H 'Cookie: gw_lang=en' -F "token=$(form_token complaint 10)" \
    -F name='Mary Smith' -F email=mary.smith@example.com -F 'description=The invoice is wrong.'
expect_status 200
tracking_en=$(grep -o 'id="tracking-no">[^<]*' "$BODY" | cut -d'>' -f2)
mail || fail "guwen mail (English)"
"$PY" - "$BOX"/0001.eml "$tracking_en" <<'EOF' || fail "the English acknowledgement is not right"
import email, email.policy, sys
m = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=email.policy.default)
text = m.get_body(("plain",)).get_content()
assert m["To"] == "mary.smith@example.com", m["To"]
assert m["Subject"] == "Your complaint has been registered " + sys.argv[2], m["Subject"]
assert "Mary Smith" in text and "Verification code" in text, text
EOF
ok "the acknowledgement is in the language the complainant used"

# --- the relay refuses -------------------------------------------------------------
sql "INSERT INTO outbox (to_addr, subject, body, created_at) VALUES
     ('refuse.me@example.com', '退回测试', '正文', UTC_TIMESTAMP()),
     ('busy.box@example.com', '稍后测试', '正文', UTC_TIMESTAMP()),
     ('fine@example.com', '正常测试', '正文', UTC_TIMESTAMP())"
out=$(mail 2>&1) && fail "a refused message must make the run fail (for cron to tell)"
echo "$out" | grep -q 'failed for good' || fail "no word of the failure: $out"
! echo "$out" | grep -q 'refuse.me@' || fail "the address is printed (it is personal data): $out"
row() { sql "SELECT status, attempts, last_error FROM outbox WHERE id > $last AND to_addr = '$1'"; }
[[ "$(row refuse.me@example.com)" == $'failed\t1\t'*550* ]] || fail "550: $(row refuse.me@example.com)"
[[ "$(row busy.box@example.com)" == $'queued\t1\t'*451* ]] || fail "451: $(row busy.box@example.com)"
[ "$(row fine@example.com | cut -f1)" = sent ] || fail "the good one was not sent"
[ "$(sql "SELECT next_try_at > UTC_TIMESTAMP() + INTERVAL 100 SECOND FROM outbox WHERE id > $last AND to_addr = 'busy.box@example.com'")" = 1 ] \
    || fail "no backoff after 451"
mail >/dev/null 2>&1 || true
[ "$(row busy.box@example.com | cut -f2)" = 1 ] || fail "tried again before its time"
sql "UPDATE outbox SET next_try_at = UTC_TIMESTAMP() WHERE id > $last AND to_addr = 'busy.box@example.com'"
mail >/dev/null 2>&1 || true
[[ "$(row busy.box@example.com)" == $'queued\t2\t'*451* ]] || fail "second try: $(row busy.box@example.com)"
[ "$(sql "SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), next_try_at) > 200 FROM outbox WHERE id > $last AND to_addr = 'busy.box@example.com'")" = 1 ] \
    || fail "the delay did not grow"
sql "UPDATE outbox SET next_try_at = UTC_TIMESTAMP() WHERE id > $last AND to_addr = 'busy.box@example.com'"
mail >/dev/null 2>&1 || true
[[ "$(row busy.box@example.com)" == $'failed\t3\tgave up: '*451* ]] || fail "after MaxAttempts: $(row busy.box@example.com)"
[ "$(boxed)" = 3 ] || fail "refused mail arrived"
ok "550 fails for good at once, 451 is tried again later with a growing delay and given up after Mail.MaxAttempts"

# --- the relay vanishes in the middle of a run -----------------------------------
stop_smtpd
start_smtpd --die-after 5   # stores 5 more, then dies while taking the 6th
queue 20 gone
before=$(boxed)
out=$(mail 2>&1) && fail "a run whose relay vanished must fail"
echo "$out" | grep -q 'relay is not available' || fail "no word of the relay: $out"
# it ends by itself; never wait for it without a bound (a run that did not reach
# it would leave the test hanging)
for _ in $(seq 1 100); do kill -0 "$SMTPD_PID" 2>/dev/null || break; sleep 0.1; done
kill "$SMTPD_PID" 2>/dev/null || true; wait "$SMTPD_PID" 2>/dev/null || true; SMTPD_PID=
[ "$(boxed)" = $((before + 5)) ] || fail "stored before the end: $(( $(boxed) - before ))"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE id > $last AND to_addr LIKE 'gone%' AND status = 'sent'")" = 5 ] || fail "sent rows"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE id > $last AND to_addr LIKE 'gone%' AND status = 'queued' AND attempts = 0")" = 15 ] \
    || fail "the rest is not queued as new: $(sql "SELECT status, attempts, COUNT(*) FROM outbox WHERE id > $last AND to_addr LIKE 'gone%' GROUP BY 1, 2")"
out=$(mail 2>&1) && fail "no relay at all must fail"
start_smtpd
mail || fail "run after the relay came back"
[ "$(boxed)" = $((before + 20)) ] || fail "after the relay came back: $(( $(boxed) - before )) of 20"
[ "$(dups)" = 0 ] || fail "messages arrived twice"
ok "relay vanished mid-run: what it took is marked sent, the rest waits and goes out once when it is back"

# --- two runs at once ----------------------------------------------------------------
queue 200 both
before=$(boxed)
start=$(date +%s.%N)
mail & a=$!
mail & b=$!
wait $a || fail "first run"
wait $b || fail "second run"
secs=$(echo "$(date +%s.%N) - $start" | bc)
[ "$(boxed)" = $((before + 200)) ] || fail "two runs: $(( $(boxed) - before )) arrived for 200"
[ "$(dups)" = 0 ] || fail "two runs sent a message twice"
[ "$(sql "SELECT COUNT(*) FROM outbox WHERE id > $last AND to_addr LIKE 'both%' AND status = 'sent' AND attempts = 1")" = 200 ] || fail "rows"
ok "two overlapping runs: 200 messages, each once ($(echo "scale=0; 200 / $secs" | bc) messages/s over STARTTLS)"

# --- a lease that ran out (a run that died while sending) -----------------------------
queue 1 stuck
sql "UPDATE outbox SET status = 'sending', claim = 'x', attempts = 1, lease_until = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE id > $last AND to_addr = 'stuck1@example.com'"
mail || fail "run after an expired lease"
[ "$(row stuck1@example.com | cut -f1-2)" = "$(printf 'sent\t2')" ] || fail "expired lease: $(row stuck1@example.com)"
ok "a message whose run died is sent by the next run once its lease ran out"

# --- implicit TLS (smtps://), and no clear text when TLS is required -------------------
stop_smtpd
start_smtpd --implicit
sed "s|smtp://127.0.0.1:$SMTP_PORT|smtps://127.0.0.1:$SMTP_PORT|" "$CFG" >"$T/smtps.hdf"
queue 1 tls
before=$(boxed)
GUWEN_CONFIG=$T/smtps.hdf "$ROOT/tools/guwen" mail || fail "smtps://"
[ "$(boxed)" = $((before + 1)) ] && [ "$(row tls1@example.com | cut -f1)" = sent ] || fail "not sent over smtps://"
stop_smtpd
"$PY" "$ROOT/tests/mail/smtpd.py" "$BOX" "$SMTP_PORT" >"$T/smtpd.log" 2>&1 &
SMTPD_PID=$!
for _ in $(seq 50); do grep -q ready "$T/smtpd.log" 2>/dev/null && break; sleep 0.1; done
queue 1 clear
out=$(mail 2>&1) && fail "sent to a relay without TLS"
[ "$(boxed)" = $((before + 1)) ] && [ "$(row clear1@example.com | cut -f1-2)" = "$(printf 'queued\t0')" ] \
    || fail "a relay without STARTTLS got the message: $(row clear1@example.com)"
sql "UPDATE outbox SET status = 'sent' WHERE id > $last AND to_addr = 'clear1@example.com'"
ok "implicit TLS (smtps://) works; with TLS required a relay without STARTTLS gets nothing"

# --- the host's sendmail ----------------------------------------------------------------
stop_smtpd
cat >"$T/sendmail" <<EOF
#!/bin/sh
echo "\$*" >"$T/sendmail.args"
cat >"$T/sendmail.msg"
exit \${FAKE_SENDMAIL_STATUS:-0}
EOF
chmod +x "$T/sendmail"
sed -e 's/Transport = smtp/Transport = sendmail/' -e "s|^  RetrySeconds|  Sendmail = $T/sendmail\n  RetrySeconds|" "$CFG" >"$T/sm.hdf"
queue 1 host
FAKE_SENDMAIL_STATUS=75 GUWEN_CONFIG=$T/sm.hdf "$ROOT/tools/guwen" mail || fail "sendmail 75"
[[ "$(row host1@example.com)" == $'queued\t1\tsendmail: exit status 75' ]] || fail "EX_TEMPFAIL: $(row host1@example.com)"
sql "UPDATE outbox SET next_try_at = NULL WHERE id > $last AND to_addr = 'host1@example.com'"
GUWEN_CONFIG=$T/sm.hdf "$ROOT/tools/guwen" mail || fail "sendmail"
[ "$(cat "$T/sendmail.args")" = "-t -i -f service@guwen.example" ] || fail "sendmail args: $(cat "$T/sendmail.args")"
grep -q '^To: host1@example.com$' "$T/sendmail.msg" || fail "To: header for -t"
! grep -q $'\r' "$T/sendmail.msg" || fail "CR in what sendmail got"
[ "$(row host1@example.com | cut -f1)" = sent ] || fail "not marked sent"
ok "the host's sendmail -t -i: sent, and exit status 75 is tried again later"
