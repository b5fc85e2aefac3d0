/* demo_clients.c — `guwen demo --clients N`: a centre's worth of generated
 * client records for benchmarks (realistic company names, valid USCCs,
 * contacts, one or two leads in several departments, last-contact dates),
 * and the side rows every client needs (leads, primary contact, name grams),
 * filled for clients loaded by SQL rather than through gw_client_create. */
#include <stdio.h>

#include "guwen/db.h"
#include "cli.h"

#define BATCH 10000

/* A client's side rows for ids lo..hi (each statement: lo, hi). */
static const char *const SQL_SIDE[] = {
    "INSERT IGNORE INTO client_leads (client_id, user_id, name, added_at, contact_on)"
    " SELECT id, lead_id, name, created_at, last_contact_on FROM clients"
    " WHERE id BETWEEN ? AND ?"
    " AND lead_id IS NOT NULL",
    "INSERT INTO client_contacts (client_id, name, role, phone, is_primary, created_at,"
    " updated_at) SELECT c.id, c.contact_name, ELT(1 + c.id MOD 4, '财务经理', '会计',"
    " '总经理', '出纳'), c.contact_phone, 1, c.created_at, c.created_at FROM clients c"
    " WHERE c.id BETWEEN ? AND ? AND c.contact_name IS NOT NULL"
    " AND NOT EXISTS (SELECT 1 FROM client_contacts x WHERE x.client_id = c.id)",
    "INSERT IGNORE INTO client_name_grams (gram, client_id, name)"
    " WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 200)"
    " SELECT LOWER(SUBSTRING(c.name, seq.n, 1)), c.id, c.name FROM clients c"
    " JOIN seq ON seq.n <= CHAR_LENGTH(c.name) WHERE c.id BETWEEN ? AND ?",
    "INSERT IGNORE INTO client_name_grams (gram, client_id, name)"
    " WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 200)"
    " SELECT LOWER(SUBSTRING(c.name, seq.n, 2)), c.id, c.name FROM clients c"
    " JOIN seq ON seq.n < CHAR_LENGTH(c.name) WHERE c.id BETWEEN ? AND ?",
};

int demo_client_side(struct gw_db *db, long long lo, long long hi)
{
	for (size_t i = 0; i < sizeof(SQL_SIDE) / sizeof(SQL_SIDE[0]); i++)
		if (gw_db_exec(db, SQL_SIDE[i], "ii", lo, hi) < 0)
			return -1;
	return 0;
}

/* Departments and advisors as `demo --complaints` makes them (once). */
static const char *const SQL_STAFF[] = {
    "INSERT IGNORE INTO departments (name, created_at)"
    " SELECT CONCAT(ELT(1 + seq MOD 4, '记账', '税务咨询', '审计', '工商代办'), seq DIV 4 + 2,"
    " '部'), UTC_TIMESTAMP() FROM seq_0_to_11",
    "INSERT IGNORE INTO users (login, name, role, department_id, clearance, password_hash,"
    " created_at, updated_at) SELECT CONCAT('demo', d.id, '-', s.seq),"
    " CONCAT('顾问', d.id, '-', s.seq), 'advisor', d.id, 1, '!', UTC_TIMESTAMP(),"
    " UTC_TIMESTAMP() FROM departments d JOIN seq_1_to_8 s"
    " WHERE d.name REGEXP '^(记账|税务咨询|审计|工商代办)[0-9]+部$'",
    "CREATE TEMPORARY TABLE demo_lead (k INT NOT NULL PRIMARY KEY, user_id INT UNSIGNED,"
    " dept_id INT UNSIGNED) SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS k, id AS user_id,"
    " department_id AS dept_id FROM users WHERE role = 'advisor' AND active = 1"
    " AND department_id IS NOT NULL",
};

/* The GB 32100 check character of 17 digits b (weights 3^i mod 31). */
#define W(i, w) " + SUBSTRING(b, " #i ", 1) * " #w
#define USCC_SUM                                                                                   \
	"(0" W(1, 1) W(2, 3) W(3, 9) W(4, 27) W(5, 19) W(6, 26) W(7, 16) W(8, 17) W(9, 20)         \
	    W(10, 29) W(11, 25) W(12, 13) W(13, 8) W(14, 24) W(15, 10) W(16, 30) W(17, 28) ")"

#define CORE                                                                                                             \
	"'华信', '恒通', '瑞丰', '鑫源', '中联', '远航', '金桥', '博创', '新锐', '安泰', '宏达',"  \
	" '永盛', '天成', '嘉禾', '润德', '和信', '鼎盛', '凯旋', '盛世', '东方', '明阳', '汇通'," \
	" '众诚', '启明', '佳和', '宝丰', '力拓', '星辰', '海纳', '卓越', '华美', '正泰', '立信'," \
	" '百川', '银河', '富源', '福瑞', '晨光', '万联', '同创'"
#define INDUSTRIES                                                                                                       \
	"'科技', '贸易', '电子', '建材', '食品', '物流', '餐饮管理', '信息技术', '医疗器械',"    \
	" '文化传媒', '环保科技', '机械设备', '服装', '家具', '化工', '教育咨询', '生物科技'," \
	" '新能源', '农业发展', '供应链管理'"
#define SURNAMES                                                                                             \
	"'王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', " \
	"'胡',"                                                                                             \
	" '郭', '何', '林', '罗', '高'"

/* Rows g = base + lo .. base + hi: name = city + one or two trade words +
 * industry + 有限公司 (unique up to 640,000), a USCC of that city, a contact. */
static const char SQL_CLIENTS[] =
    "INSERT INTO clients (name, uscc, industry, address, tier, department_id, lead_id,"
    " legal_rep_name, contact_name, contact_phone, last_contact_on, created_at, updated_at)"
    " SELECT CONCAT(ELT(1 + t.ci, '北京', '上海', '广州', '深圳', '杭州', '南京', '苏州',"
    " '成都', '武汉', '西安', '福州', '厦门', '青岛', '天津', '重庆', '长沙', '郑州', '合肥',"
    " '济南', '宁波'), ELT(1 + t.c1, " CORE "), IF(t.c1 = t.c2, '', ELT(1 + t.c2, " CORE ")),"
    " t.ind, '有限公司'),"
    " CONCAT(t.b, SUBSTRING('0123456789ABCDEFGHJKLMNPQRTUWXY', 1 + (31 - " USCC_SUM
    " MOD 31) MOD 31, 1)), t.ind, CONCAT('某区某路', 1 + t.g MOD 300, '号'),"
    " IF(t.g MOD 10 = 0, 'premium', 'normal'), st.dept_id, st.user_id,"
    " CONCAT(ELT(1 + (t.g DIV 7) MOD 20, " SURNAMES "), ELT(1 + t.g MOD 6, '伟', '芳', '敏',"
    " '强', '磊', '静')),"
    " CONCAT(ELT(1 + (t.g DIV 3) MOD 20, " SURNAMES "), ELT(1 + t.g MOD 5, '经理', '会计',"
    " '总', '主任', '出纳')), CONCAT('139', LPAD(CRC32(t.g) MOD 100000000, 8, '0')),"
    " IF(t.g MOD 10 = 7, NULL, UTC_DATE() - INTERVAL CRC32(CONCAT(t.g, 'c')) MOD 120 DAY),"
    " UTC_TIMESTAMP(), UTC_TIMESTAMP()"
    " FROM (SELECT x.g, x.g MOD 20 AS ci, (x.g DIV 20) MOD 40 AS c1,"
    "  ((x.g DIV 16000) + x.g) MOD 40 AS c2, ELT(1 + (x.g DIV 800) MOD 20, " INDUSTRIES ") AS ind,"
    "  CONCAT('91', ELT(1 + x.g MOD 20, '110000', '310000', '440100', '440300', '330100',"
    "  '320100', '320500', '510100', '420100', '610100', '350100', '350200', '370200',"
    "  '120000', '500000', '430100', '410100', '340100', '370100', '330200'),"
    "  LPAD(x.g, 9, '0')) AS b"
    "  FROM (SELECT s.seq + ? AS g FROM seq_0_to_9999 s WHERE s.seq <= ?) x) t"
    " JOIN demo_lead st ON st.k = t.g MOD ?";

static const char SQL_SECOND_LEAD[] =
    "INSERT IGNORE INTO client_leads (client_id, user_id, name, added_at, contact_on)"
    " SELECT c.id, st.user_id, c.name, c.created_at, c.last_contact_on FROM clients c"
    " JOIN demo_lead st ON st.k = (c.id * 7) MOD ? WHERE c.id BETWEEN ? AND ? AND c.id MOD 10 = 3";

/* The demo departments and advisors (once) and demo_lead (k, user_id, dept_id)
 * numbering the active advisors from 0, their count in *n: 0 or 1. */
int demo_staff(struct gw_db *db, long long *n)
{
	for (size_t i = 0; i < sizeof(SQL_STAFF) / sizeof(SQL_STAFF[0]); i++)
		if (gw_db_exec(db, SQL_STAFF[i], NULL) < 0)
			return die("cannot create the demo staff (needs MariaDB's sequence engine)",
				   gw_db_error(db));
	if (gw_db_int(db, n, "SELECT COUNT(*) FROM demo_lead", NULL) < 0 || !*n)
		return die("no demo advisors", NULL);
	return 0;
}

static int batch(struct gw_db *db, long long g, long long count, long long nstaff)
{
	long long lo = 0, hi = 0;

	if (gw_db_int(db, &lo, "SELECT COALESCE(MAX(id), 0) + 1 FROM clients", NULL) < 0 ||
	    gw_db_exec(db, SQL_CLIENTS, "iii", g, count - 1, nstaff) != count ||
	    gw_db_int(db, &hi, "SELECT MAX(id) FROM clients", NULL) != 1)
		return -1;
	return demo_client_side(db, lo, hi) ||
		       gw_db_exec(db, SQL_SECOND_LEAD, "iii", nstaff, lo, hi) < 0
		   ? -1
		   : 0;
}

int demo_clients_bulk(struct gw_db *db, long long n)
{
	long long nstaff = 0, base = 0;

	if (demo_staff(db, &nstaff) ||
	    gw_db_int(db, &base, "SELECT COUNT(*) FROM clients", NULL) < 0)
		return 1;
	for (long long done = 0; done < n; done += BATCH) {
		long long count = n - done < BATCH ? n - done : BATCH;

		if (batch(db, base + done + 1, count, nstaff))
			return die("bulk insert of clients failed", gw_db_error(db));
		if (n > BATCH)
			fprintf(stderr, "\rdemo: %lld of %lld clients", done + count, n);
	}
	if (n > BATCH)
		fputc('\n', stderr);
	printf("demo: %lld clients added (%lld advisors)\n", n, nstaff);
	return 0;
}
