# visit_report_lib.sh — for the tests of what follows a visit report
# (t074x–t076x): a client of the manager's department with a visit whose report
# the advisor has submitted, as the report form leaves it.
# submitted_visit NAME [EMAIL] — prints the visit's id; the client is NAME, its
# primary contact 王经理 with EMAIL (none when empty)
submitted_visit() {
    local name=$1 email=${2:-} dept adv client
    dept=$(sql "SELECT department_id FROM users WHERE login = 'manager'")
    adv=$(sql "SELECT id FROM users WHERE login = 'advisor'")
    sql "INSERT INTO clients (name, department_id, lead_id, contact_name, contact_email, created_at, updated_at)
         VALUES ('$name', $dept, $adv, '王经理', NULLIF('$email', ''), NOW(), NOW())"
    client=$(sql "SELECT id FROM clients WHERE name = '$name'")
    sql "INSERT INTO client_contacts (client_id, name, role, phone, email, is_primary, created_at, updated_at)
         VALUES ($client, '王经理', '财务经理', '13800138000', NULLIF('$email', ''), 1, NOW(), NOW())"
    sql "INSERT INTO visits (client_id, origin, method, status, department_id, visitor_id, contact_name,
           due_on, visited_on, report_due, discussed, opinions, satisfaction, actions, submitted_at,
           created_by, created_at, updated_at)
         VALUES ($client, 'plan', 'phone', 'submitted', $dept, $adv, '王经理', '2026-11-20', '2026-11-23',
           '2026-11-24', '讨论了$name的季度申报安排', '希望$name的账务报表提前三天发送', 4, '下月起提前发送报表',
           UTC_TIMESTAMP(), $adv, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
    sql "SELECT id FROM visits WHERE client_id = $client"
}
# version ID — the visit's version, as its forms send it
version() { sql "SELECT version FROM visits WHERE id = $1"; }
status_of() { sql "SELECT status FROM visits WHERE id = $1"; }
