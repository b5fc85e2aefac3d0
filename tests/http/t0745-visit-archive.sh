#!/usr/bin/env bash
# t0745-visit-archive — the admin names the keeper (档案管理员) in the
# settings; only the keeper classifies accepted reports (a category from the
# fixed list, tags) and archives them; an archived visit is read-only (every
# write refused with a clear message, nothing changed); the archive is
# searched by client name, category, tag and the text of the report.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/visit_report_lib.sh"

tag=$$$RANDOM
hash=$(sql "SELECT password_hash FROM users WHERE login = 'advisor'")
sql "INSERT INTO users (login, name, role, department_id, password_hash, created_at, updated_at)
     VALUES ('kp$tag', '档案员$tag', 'advisor', 1, '$hash', NOW(), NOW())"
keeper=$(sql "SELECT id FROM users WHERE login = 'kp$tag'")
id=$(submitted_visit "归档客户$tag")
sql "UPDATE visits SET status = 'accepted', guidance = '按此执行' WHERE id = $id"
mapfile -t rest < <(sql "SELECT CONCAT(name, '=', value) FROM settings WHERE name LIKE 'complaint%' OR name = 'summary_weekday'")

login ad admin || fail "admin"
get ad /admin/settings; expect_status 200; expect_body "档案管理员"
expect_body "<option value=\"$keeper\">档案员$tag"
admin_id=$(sql "SELECT id FROM users WHERE login = 'admin'")
post ad /admin/settings "visit_keeper=$admin_id" "${rest[@]}"
expect_status 200; expect_body 'id="f-visit_keeper" name="visit_keeper" aria-invalid="true"'
post ad /admin/settings "visit_keeper=$keeper" "${rest[@]}"
expect_status 303
[ "$(sql "SELECT value FROM settings WHERE name = 'visit_keeper'")" = "$keeper" ] || fail "keeper not saved"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'settings.update' AND detail LIKE 'visit_keeper:%→ $keeper'")" = 1 ] || fail "not audited"
ok "the admin names the keeper from the active staff (not an admin), audited"

login k "kp$tag" || fail "keeper"; login g manager || fail "manager"; login a advisor || fail "advisor"
get g "/visits/$id/archive"; expect_status 403
post g "/visits/$id/archive" "version=$(version $id)" category=service; expect_status 403
[ "$(status_of $id)" = accepted ] || fail "archived by someone not the keeper"
get k /visits/archive?state=accepted; expect_status 200; expect_body "归档客户$tag"
get k "/visits/$id/archive"; expect_status 200; expect_body 'name="category"'
post k "/visits/$id/archive" "version=$(version $id)" category= "tags=报表,季度申报"
expect_status 200; expect_body 'aria-invalid="true"'; expect_body 'value="报表,季度申报"'
post k "/visits/$id/archive" "version=$(version $id)" category=nonsense tags=x
expect_status 200; [ "$(status_of $id)" = accepted ] || fail "archived with a bad category"
ok "only the keeper classifies: a category from the list is required, the tags are kept"

post k "/visits/$id/archive" "version=$(version $id)" category=suggestion "tags=报表提速$tag,季度申报"
expect_status 303
[ "$(location)" = "/visits/$id/archive" ] || fail "the keeper (outside the visit's scope) is sent to $(location)"
get k "/visits/$id/archive"; expect_status 200; expect_body 'id="read-only"'; expect_body "意见建议 · 报表提速$tag,季度申报"
expect_no_body 'name="category"'
[ "$(sql "SELECT CONCAT(status, '|', category, '|', tags, '|', archived_by) FROM visits WHERE id = $id")" = "archived|suggestion|报表提速$tag,季度申报|$keeper" ] || fail "not archived as classified"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'visit.archive' AND entity_id = $id")" = 1 ] || fail "audit"
ok "the keeper archives it: category, tags, who and when"

before=$(sql "SELECT CONCAT_WS('|', status, version, guidance, category, tags, COALESCE(mail_queued_at, '')) FROM visits WHERE id = $id")
v=$(version $id)
refused() { # who path fields...
    local who=$1 path=$2; shift 2
    post "$who" "$path" "$@"
    expect_status 409; expect_body "这次回访已归档，只读"
}
refused g "/visits/$id/review" "version=$v" guidance=再审 decision=return return_reason=x
refused k "/visits/$id/archive" "version=$v" category=other tags=x
refused a "/visits/$id/mail" "version=$v" "mail_text=改过的内容"
refused a "/visits/$id/complaint" "form_key=$(openssl rand -hex 32)" name=王经理 phone=13800138000 description=投诉
# the visit's own forms (agreement, attempts, visited, cancel, report, scan)
for p in agree attempt visited cancel report scan; do
    post a "/visits/$id/$p" "version=$v" discussed=改 opinions=改 satisfaction=3 cancel_note=取消 \
        outcome=no_answer how=phone visited_on=2026-11-20 agreed_at=2026-12-01T10:00 agreed_topics=x agreed_with=2
    [ "$STATUS" = 200 ] || [ "$STATUS" = 409 ] || fail "POST $p of an archived visit: $STATUS"
    expect_body 'id="action-error"'; expect_body "本次回访已归档，只读。"
done
get a "/visits/$id"; expect_status 200; expect_body 'id="read-only"'
expect_no_body 'id="report-form"'; expect_no_body 'id="go-review"'; expect_no_body 'id="go-mail"'; expect_no_body 'id="go-complaint"'
for p in review mail complaint; do
    get a "/visits/$id/$p"; [ "$STATUS" = 409 ] || [ "$STATUS" = 403 ] || fail "GET $p of an archived visit: $STATUS"
done
get a "/visits/$id/archive"; expect_status 200; expect_body 'id="read-only"'; expect_no_body 'method="post" action="/visits/'

[ "$(sql "SELECT CONCAT_WS('|', status, version, guidance, category, tags, COALESCE(mail_queued_at, '')) FROM visits WHERE id = $id")" = "$before" ] || fail "an archived visit changed"
[ "$(sql "SELECT COUNT(*) FROM visit_complaints WHERE visit_id = $id")" = 0 ] || fail "a complaint from an archived visit"
[ "$(sql "SELECT COUNT(*) FROM visit_attempts WHERE visit_id = $id")" = 0 ] || fail "an attempt on an archived visit"
ok "archived: every write (the visit's forms, review, classification, mail, complaint) is refused, the page says read-only; nothing changed"

# a second archived report to search among
id2=$(submitted_visit "另一客户$tag")
sql "UPDATE visits SET status = 'archived', category = 'policy', tags = '个税', archived_by = $keeper, archived_at = UTC_TIMESTAMP() WHERE id = $id2"
search() { get "$1" "/visits/archive?$2"; expect_status 200; }
search a "q=归档客户$tag"; expect_body "归档客户$tag"; expect_no_body "另一客户$tag"
search a "category=suggestion&q=$tag"; expect_body "归档客户$tag"; expect_no_body "另一客户$tag"
search a "category=policy&q=$tag"; expect_body "另一客户$tag"; expect_no_body "归档客户$tag"
search a "tag=报表提速$tag"; expect_body "归档客户$tag"; expect_no_body "另一客户$tag"
search a "q=$(printf %s "希望归档客户${tag}的账务报表" | jq -sRr @uri)"; expect_body "归档客户$tag"; expect_no_body "另一客户$tag"
search a "q=$(printf %s "讨论了另一客户$tag" | jq -sRr @uri)"; expect_body "另一客户$tag"; expect_no_body "归档客户$tag"
ok "the archive is searched by client name, category, tag and the text discussed and the opinions"

hash2=$(sql "SELECT password_hash FROM users WHERE login = 'advisor'")
sql "INSERT INTO users (login, name, role, department_id, password_hash, created_at, updated_at)
     VALUES ('ox$tag', '外人$tag', 'advisor', 1, '$hash2', NOW(), NOW())"
login x "ox$tag" || fail "other advisor"
search x "q=$tag"; expect_no_body "归档客户$tag"
search k "q=$tag"; expect_body "归档客户$tag"; expect_body "另一客户$tag"
ok "the archive keeps the scope of visits (an advisor sees only their own); the keeper sees all"
