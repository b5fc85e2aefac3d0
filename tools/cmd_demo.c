/* cmd_demo.c — `guwen demo`: the demo accounts and clients, and with
 * --complaints N [--seed S] a centre's worth of generated complaints for
 * benchmarks, shaped like real use and the same for the same seed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "guwen/complaint_jobs.h"
#include "guwen/db.h"
#include "guwen/valid.h"
#include "cli.h"

static const char SQL_DEMO_EMAILS[] =
    "UPDATE users SET email = CONCAT(login, '@guwen.example') WHERE email IS NULL";
static const char SQL_DEMO_CLIENT[] =
    "INSERT INTO clients (name, uscc, tier, department_id, lead_id, contact_name, contact_phone,"
    " created_at, updated_at) SELECT ?, ?, ?, u.department_id, u.id, ?, ?, UTC_TIMESTAMP(),"
    " UTC_TIMESTAMP() FROM users u WHERE u.login = 'advisor'";

static int demo_clients(struct gw_db *db)
{
	static const char *const clients[][5] = {
	    {"福州闽江贸易有限公司", "91350100M000100Y43", "premium", "林经理", "13905910001"},
	    {"北京华信科技有限公司", "91110000600037341L", "normal", "张会计", "13801000002"},
	    {"深圳前海供应链有限公司", "91440300708461136T", "normal", "黄总", "13602550003"},
	};

	for (size_t i = 0; i < sizeof(clients) / sizeof(clients[0]); i++)
		if (gw_db_exec(db, SQL_DEMO_CLIENT, "sssss", clients[i][0], clients[i][1],
			       clients[i][2], clients[i][3], clients[i][4]) < 0)
			return -1;
	return demo_client_side(db, 0, 4294967295LL); /* leads, contacts, name grams */
}

/* `guwen demo`: one account per role and three clients, once. */
static int demo_accounts(struct gw_db *db)
{
	static const char *const people[][5] = {
	    {"admin", "系统管理员", "admin", "综合部", "1"},
	    {"director", "周主管", "director", "中心管理层", "3"},
	    {"manager", "王经理", "manager", "记账一部", "3"},
	    {"advisor", "李顾问", "advisor", "记账一部", "2"},
	    {"market", "陈市场", "market", "市场部", "2"},
	    {"legal", "赵法务", "legal", "法务部", "2"},
	    {"project", "孙项目", "project", "项目中心", "1"},
	};
	const char *pw = getenv("GUWEN_DEMO_PASSWORD");
	long long have = 0;

	if (!pw || strlen(pw) < 10)
		return die("set GUWEN_DEMO_PASSWORD (10+ characters) for the demo accounts", NULL);
	if (gw_db_int(db, &have, "SELECT COUNT(*) FROM users", NULL) > 0 && have > 0) {
		printf("demo: accounts exist already, nothing to do\n");
		return 0;
	}
	for (size_t i = 0; i < sizeof(people) / sizeof(people[0]); i++)
		if (add_user(db, people[i][0], people[i][1], NULL, people[i][2], people[i][3],
			     atoi(people[i][4]), pw))
			return 1;
	if (gw_db_exec(db, SQL_DEMO_EMAILS, NULL) < 0 || demo_clients(db))
		return die("cannot create the demo data", NULL);
	printf("demo: %zu accounts (admin, director, manager, advisor, market, legal, project)"
	       " and 3 clients\n",
	       sizeof(people) / sizeof(people[0]));
	return 0;
}

/* ---- generated complaints ------------------------------------------------------ */

/* Rows per statement: each commits on its own well inside the client's read timeout. */
#define BATCH	   20000
#define BATCH_LAST "19999"
/* The complaints reach back 1,000 days (2.7 years) whatever their number: at
 * most 1,000 a day, the tracking numbers' slots 5000-5999 of each day. */
#define DAYS 1000

/* Twelve more departments with eight advisors each (no usable password: they
 * own complaints, nobody signs in as them), 2,000 clients; each once. */
static const char *const SQL_STAFF[] = {
    "INSERT IGNORE INTO departments (name, created_at)"
    " SELECT CONCAT(ELT(1 + seq MOD 4, '记账', '税务咨询', '审计', '工商代办'), seq DIV 4 + 2,"
    " '部'), UTC_TIMESTAMP() FROM seq_0_to_11",
    "INSERT IGNORE INTO users (login, name, role, department_id, clearance, password_hash,"
    " created_at, updated_at) SELECT CONCAT('demo', d.id, '-', s.seq),"
    " CONCAT('顾问', d.id, '-', s.seq), 'advisor', d.id, 1, '!', UTC_TIMESTAMP(),"
    " UTC_TIMESTAMP() FROM departments d JOIN seq_1_to_8 s"
    " WHERE d.name REGEXP '^(记账|税务咨询|审计|工商代办)[0-9]+部$'",
    "CREATE TEMPORARY TABLE demo_staff (k INT NOT NULL PRIMARY KEY, user_id INT UNSIGNED,"
    " dept_id INT UNSIGNED) SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS k, id AS user_id,"
    " department_id AS dept_id FROM users WHERE role = 'advisor' AND active = 1"
    " AND department_id IS NOT NULL",
    "INSERT INTO clients (name, tier, department_id, lead_id, contact_name, created_at,"
    " updated_at) SELECT CONCAT('演示客户', LPAD(s.seq, 4, '0'), '有限公司'),"
    " IF(s.seq MOD 10 = 0, 'premium', 'normal'), st.dept_id, st.user_id, CONCAT('联系人', s.seq),"
    " UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM seq_1_to_2000 s"
    " JOIN demo_staff st ON st.k = s.seq MOD (SELECT COUNT(*) FROM demo_staff)"
    " WHERE NOT EXISTS (SELECT 1 FROM clients WHERE name = '演示客户0001有限公司')",
    "CREATE TEMPORARY TABLE demo_cl (k INT NOT NULL PRIMARY KEY, id INT UNSIGNED,"
    " name VARCHAR(200)) SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS k, id, name"
    " FROM clients WHERE name LIKE '演示客户%'",
};

/* One batch: rows i = LO..HI of N, the newest last (ids grow with time). Each
 * draws its values from CRC32(seed:g:letter), g = i + rows already there. The
 * newest 6.6% are new web complaints nobody has classified; before them 8.4%
 * recent ones in every stage; the older 85% mostly closed, a few stuck (overdue).
 * Severity a 5%, b 20%, c 45%, d 30%; owners spread over every advisor; 60% of
 * complaints name a client. */
static const char SQL_BATCH[] =
    "INSERT INTO complaints (tracking_no, verify_mac, source, name, phone, company, client_id,"
    " advisor_id, description, severity, stage, department_id, owner_id, response_due,"
    " resolution_due, responded_at, resolved_at, closed_at, waiting_since, created_at,"
    " updated_at)"
    " SELECT CONCAT('TS-', DATE_FORMAT(r.at, '%Y%m%d'), '-', LPAD(5000 + r.slot, 4, '0')),"
    " SHA2(r.k, 256), IF(r.fresh, 'web', ELT(1 + (r.u1 MOD 20 >= 9) + (r.u1 MOD 20 >= 15)"
    " + (r.u1 MOD 20 >= 17), 'web', 'phone', 'email', 'visit')),"
    " CONCAT('客户', r.g), CONCAT('138', LPAD(r.u2 MOD 100000000, 8, '0')),"
    " cl.name, IF(r.fresh, NULL, cl.id), IF(r.fresh, NULL, st.user_id), '演示投诉内容',"
    " IF(r.fresh, NULL, ELT(1 + (r.u3 MOD 20 >= 1) + (r.u3 MOD 20 >= 5) + (r.u3 MOD 20 >= 14),"
    " 'a', 'b', 'c', 'd')), r.stage, IF(r.fresh, NULL, st.dept_id),"
    " IF(r.fresh OR r.u4 MOD 10 = 0, NULL, st.user_id),"
    " r.at + INTERVAL 1 DAY, r.at + INTERVAL 10 DAY,"
    " IF(r.stage = 'registered', NULL, r.at + INTERVAL 5 HOUR),"
    " IF(r.stage IN ('resolved', 'followup', 'closed'), r.at + INTERVAL 6 DAY, NULL),"
    " IF(r.stage = 'closed', r.at + INTERVAL 9 DAY, NULL),"
    " IF(r.stage = 'investigating' AND r.u4 MOD 10 = 1, r.at + INTERVAL 3 DAY, NULL), r.at, r.at"
    " FROM (SELECT q.*, IF(q.fresh, 'registered', ELT(1 + (q.u5 >= q.c0) + (q.u5 >= q.c1)"
    "   + (q.u5 >= q.c2) + (q.u5 >= q.c3), 'closed', 'resolved', 'followup', 'investigating',"
    "   'registered')) AS stage"
    "  FROM (SELECT p.*, CRC32(CONCAT(p.k, 'a')) AS u1, CRC32(CONCAT(p.k, 'b')) AS u2,"
    "   CRC32(CONCAT(p.k, 'c')) AS u3, CRC32(CONCAT(p.k, 'd')) AS u4,"
    "   CRC32(CONCAT(p.k, 'e')) MOD 1000 AS u5, CRC32(CONCAT(p.k, 'f')) AS u6,"
    "   CRC32(CONCAT(p.k, 'g')) AS u7,"
    "   IF(p.recent, 400, 940) AS c0, IF(p.recent, 550, 960) AS c1,"
    "   IF(p.recent, 650, 975) AS c2, IF(p.recent, 850, 990) AS c3"
    "   FROM (SELECT i.i + i.base AS g, CONCAT(i.seed, ':', i.i + i.base) AS k,"
    "    i.i * 1000 >= i.n * 934 AS fresh, i.i * 100 >= i.n * 85 AS recent,"
    "    i.pd - 1 - (i.base + i.n - 1 - i.i) MOD i.pd AS slot,"
    "    UTC_DATE() - INTERVAL (1 + (i.base + i.n - 1 - i.i) DIV i.pd) DAY + INTERVAL 1 HOUR"
    "    + INTERVAL (i.pd - 1 - (i.base + i.n - 1 - i.i) MOD i.pd) * 36000 DIV i.pd SECOND"
    "    AS at, i.staff, i.ncl"
    "    FROM (SELECT s.seq + v.lo AS i, v.* FROM seq_0_to_" BATCH_LAST " s"
    "     JOIN (SELECT ? AS seed, ? AS base, ? AS n, ? AS lo, ? AS hi, ? AS staff, ? AS ncl,"
    "      ? AS pd) v"
    "     WHERE s.seq + v.lo <= v.hi) i) p) q) r"
    " JOIN demo_staff st ON st.k = r.u6 MOD r.staff"
    " LEFT JOIN demo_cl cl ON cl.k = r.u7 MOD r.ncl";

static int demo_batch(struct gw_db *db, const char *seed, long long lo, long long hi, long long n,
		      long long base, long long staff, long long clients)
{
	long long per_day = n / DAYS + (n % DAYS != 0);

	return gw_db_exec(db, SQL_BATCH, "siiiiiii", seed, base, n, lo, hi, staff, clients * 10 / 6,
			  per_day > 1000 ? 1000 : per_day) == hi - lo + 1
		   ? 0
		   : -1;
}

static int demo_bulk(struct gw_db *db, long long n, const char *seed)
{
	long long base = 0, staff = 0, clients = 0;

	for (size_t i = 0; i < sizeof(SQL_STAFF) / sizeof(SQL_STAFF[0]); i++)
		if (gw_db_exec(db, SQL_STAFF[i], NULL) < 0)
			return die("cannot create the demo staff (needs MariaDB's sequence engine)",
				   gw_db_error(db));
	if (gw_db_int(db, &staff, "SELECT COUNT(*) FROM demo_staff", NULL) < 0 || !staff ||
	    gw_db_int(db, &clients, "SELECT COUNT(*) FROM demo_cl", NULL) < 0 || !clients ||
	    gw_db_int(db, &base, "SELECT COUNT(*) FROM complaints", NULL) < 0)
		return die("no demo staff: run `guwen demo` first", NULL);
	for (long long lo = 0; lo < n; lo += BATCH) {
		long long hi = lo + BATCH < n ? lo + BATCH - 1 : n - 1;

		if (demo_batch(db, seed, lo, hi, n, base, staff, clients))
			return die("bulk insert failed", gw_db_error(db));
		if (n > BATCH)
			fprintf(stderr, "\rdemo: %lld of %lld", hi + 1, n);
	}
	if (n > BATCH)
		fputc('\n', stderr);
	/* the overdue ones flagged, as `guwen jobs` would */
	if (gw_complaint_overdue_mark(db, (int64_t)time(NULL)))
		return die("cannot flag the overdue complaints", gw_db_error(db));
	printf("demo: %lld complaints added (%lld advisors, %lld clients, seed %s)\n", n, staff,
	       clients, seed);
	/* the 2,000 clients made above: their leads, contacts and name grams */
	return demo_client_side(db, 0, 4294967295LL)
		   ? die("demo clients' side rows", gw_db_error(db))
		   : 0;
}

int cmd_demo(int argc, char **argv, struct gw_db *db)
{
	int64_t n;

	if (argc == 1)
		return demo_accounts(db);
	if (argc == 3 && !strcmp(argv[1], "--clients")) {
		if (gw_valid_int(argv[2], 1, 600000, &n))
			return die("--clients needs a number from 1 to 600000", argv[2]);
		return demo_clients_bulk(db, n);
	}
	if ((argc == 3 || argc == 5) && !strcmp(argv[1], "--visits") &&
	    (argc == 3 || !strcmp(argv[3], "--seed"))) {
		if (gw_valid_int(argv[2], 1, 10000000, &n))
			return die("--visits needs a number from 1 to 10000000", argv[2]);
		if (argc == 5 && (!*argv[4] || strlen(argv[4]) > 64))
			return die("--seed needs 1 to 64 characters", argv[4]);
		return demo_visits_bulk(db, n, argc == 5 ? argv[4] : "1");
	}
	if ((argc != 3 && argc != 5) ||
	    (strcmp(argv[1], "--complaints") && strcmp(argv[1], "--projects")) ||
	    (argc == 5 && strcmp(argv[3], "--seed")))
		return die("usage: guwen demo [--complaints N [--seed S] | --clients N"
			   " | --projects N [--seed S] | --visits N [--seed S]]",
			   NULL);
	if (gw_valid_int(argv[2], 1, 10000000, &n))
		return die("--complaints and --projects need a number from 1 to 10000000", argv[2]);
	if (argc == 5 && (!*argv[4] || strlen(argv[4]) > 64))
		return die("--seed needs 1 to 64 characters", argv[4]);
	if (!strcmp(argv[1], "--projects"))
		return demo_projects_bulk(db, n, argc == 5 ? argv[4] : "1");
	return demo_bulk(db, n, argc == 5 ? argv[4] : "1");
}
