/* guwen.c — the command-line companion: migrations, users, calendar, demo data,
 * configuration check. Same library as the web programs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guwen/calendar_watch.h"
#include "guwen/audit.h"
#include "guwen/complaint_db.h"
#include "guwen/config.h"
#include "guwen/crypto.h"
#include "guwen/db.h"
#include "guwen/log.h"
#include "guwen/perm.h"
#include "guwen/project_jobs.h"
#include "guwen/visit_jobs.h"
#include "guwen/ratelimit.h"
#include "guwen/valid.h"
#include "guwen/workday.h"
#include "cli.h"

HDF *cfg;

static const char usage[] =
    "usage: guwen COMMAND [ARGS]\n"
    "\n"
    "commands:\n"
    "  migrate [--dry-run]     apply the SQL migrations that are missing (one statement\n"
    "                          at a time: a failed run continues where it stopped);\n"
    "                          --dry-run lists what would run\n"
    "  db grant                create the guwen_app role and its grants and the\n"
    "                          programs' account DB.User (needs an account that may)\n"
    "  user add LOGIN NAME ROLE [DEPARTMENT [CLEARANCE]] [--email ADDRESS]\n"
    "                          create a staff account; the password is read from\n"
    "                          stdin, or generated and printed when stdin is a terminal.\n"
    "                          Deadline warnings and escalations go to the address;\n"
    "                          without one they wait on the admin's mail page\n"
    "  user passwd LOGIN       set a new password (read from stdin, or generated)\n"
    "  user list               list staff accounts\n"
    "  calendar import FILE    import holidays and make-up working days (TSV:\n"
    "                          YYYY-MM-DD<TAB>holiday|workday<TAB>name)\n"
    "  demo                    create demo departments, one account per role, clients\n"
    "  demo --clients N        add N generated clients (names, USCCs, contacts, leads)\n"
    "  demo --complaints N [--seed S]  add N generated complaints shaped like a real\n"
    "                          centre's (benchmarks; MariaDB); the same seed, the same data\n"
    "  demo --projects N [--seed S]  add N generated projects with slips, steps and\n"
    "                          collection cases (needs clients: demo --clients first)\n"
    "  demo --visits N [--seed S]  add N generated return visits over the clients\n"
    "                          there are (and a project for each client without one)\n"
    "  jobs [-v]               scheduled work (cron): complaint deadline warnings and\n"
    "                          escalation; return visits proposed (monthly email,\n"
    "                          yearly on-site), overdue visit reports escalated;\n"
    "                          GUWEN_NOW=\"YYYY-MM-DD HH:MM:SS\" (UTC) fixes now.\n"
    "                          old per-address counters removed. Silent unless\n"
    "                          something failed (-v: a summary line)\n"
    "  mail [-v] [--limit N]   send the outbox (Mail.* in the configuration); silent\n"
    "                          unless a message failed for good or the relay is down\n"
    "  setup [--user NAME] [--db NAME] [--socket PATH | --host HOST] [--uploads DIR]\n"
    "        [--db-user NAME] [--share DIR]\n"
    "                          first install: configuration, key file, uploads,\n"
    "                          database, migrations, grants, calendar, first accounts\n"
    "  backup [--out FILE]     one encrypted file (AES-256-GCM, key from App.KeyFile)\n"
    "                          of the database and the uploads, into Backup.Dir\n"
    "                          (keeps Backup.Keep; runs Backup.ShipCommand FILE)\n"
    "  backup --verify FILE    check a backup: authentication, manifest, checksums\n"
    "  restore FILE            verify, then fill an empty database and App.Uploads\n"
    "  config check [--sockets DIR] [--url http://HOST:PORT]\n"
    "                          try the configuration for real (key file, uploads,\n"
    "                          database account; which programs answer); run it as\n"
    "                          the program user\n"
    "  keys create FILE        write a new key file (mode 0600)\n"
    "\n"
    "The configuration file is named by GUWEN_CONFIG (default etc/guwen.hdf).\n"
    "Roles: advisor manager market legal project director admin.\n";

int die(const char *msg, const char *arg)
{
	fprintf(stderr, "guwen: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
	return 1;
}

const char *admin_user(void)
{
	return gw_config_get(cfg, "DB.AdminUser", "root");
}

const char *admin_password(void)
{
	static char pw[256];
	const char *env = getenv("GUWEN_DB_ADMIN_PASSWORD");
	const char *file = gw_config_get(cfg, "DB.AdminPasswordFile", NULL);
	FILE *f;

	if (env)
		return env;
	if (!file || !*file)
		return gw_config_get(cfg, "DB.AdminPassword", NULL);
	if (!pw[0] && (f = fopen(file, "r"))) {
		if (!fgets(pw, sizeof(pw), f))
			pw[0] = '\0';
		pw[strcspn(pw, "\r\n")] = '\0';
		fclose(f);
	} else if (!pw[0]) {
		die("cannot read DB.AdminPasswordFile", file);
	}
	return pw;
}

struct gw_db *open_db(int admin)
{
	struct gw_db *db;

	if (admin) {
		db = gw_db_new_as(cfg, admin_user(), admin_password());
		gw_db_allow_scripts(db); /* migrations and the demo loader */
	} else {
		db = gw_db_new(cfg);
	}
	if (gw_db_connect(db)) {
		gw_db_free(db);
		return NULL;
	}
	return db;
}

char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && n < 16 * 1024 * 1024 &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1))) {
		if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
			free(buf);
			buf = NULL;
		} else {
			buf[n] = '\0';
		}
	}
	fclose(f);
	return buf;
}

/* A password from stdin (first line), or a generated one printed once. */
static int get_password(char *out, size_t outsz)
{
	if (!isatty(0)) {
		if (!fgets(out, (int)outsz, stdin))
			return -1;
		out[strcspn(out, "\r\n")] = '\0';
		return strlen(out) >= 10 ? 0 : -1;
	}
	if (gw_crypto_token(8, out))
		return -1;
	printf("password: %s\n", out);
	return 0;
}

static const char SQL_DEPT_ID[] = "SELECT id FROM departments WHERE name = ?";
static const char SQL_DEPT_ADD[] =
    "INSERT INTO departments (name, created_at) VALUES (?, UTC_TIMESTAMP())";
static const char SQL_USER_ADD[] =
    "INSERT INTO users (login, name, email, role, department_id, clearance, password_hash,"
    " created_at, updated_at, password_changed_at)"
    " VALUES (?, ?, ?, ?, NULLIF(?, 0), ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP())";
static const char SQL_USER_PASSWD[] =
    "UPDATE users SET password_hash = ?, password_changed_at = UTC_TIMESTAMP() WHERE login = ?";
static const char SQL_USER_LIST[] =
    "SELECT u.login, u.name, u.role, COALESCE(d.name, '-'), u.clearance, u.active"
    " FROM users u LEFT JOIN departments d ON d.id = u.department_id ORDER BY u.login";

static int print_row(void *ctx, int ncols, char **vals, const size_t *lens,
		     const char *const *names)
{
	(void)ctx, (void)lens, (void)names;
	for (int i = 0; i < ncols; i++)
		printf("%s%s", i ? "\t" : "", vals[i] ? vals[i] : "");
	putchar('\n');
	return 0;
}

static long long dept_id(struct gw_db *db, const char *name)
{
	long long id = 0;

	if (!name || !*name)
		return 0;
	if (gw_db_int(db, &id, SQL_DEPT_ID, "s", name) > 0)
		return id;
	if (gw_db_exec(db, SQL_DEPT_ADD, "s", name) != 1)
		return -1;
	return gw_db_insert_id(db);
}

int add_user(struct gw_db *db, const char *login, const char *name, const char *email,
	     const char *role, const char *dept, int clearance, const char *password)
{
	char hash[GW_PASSWORD_HASH_MAX];
	long long did = dept_id(db, dept);

	if (gw_role_from_name(role) == GW_ROLE_NONE)
		return die("unknown role", role);
	if (clearance < 1 || clearance > 3)
		return die("clearance must be 1, 2 or 3", NULL);
	if (did < 0 || gw_password_hash(password, hash, sizeof(hash)))
		return die("cannot create the account", login);
	if (gw_db_exec(db, SQL_USER_ADD, "ssssiis", login, name, email, role, did,
		       (long long)clearance, hash) != 1)
		return die(gw_db_errno(db) == 1062 ? "login already exists" : "cannot create",
			   login);
	gw_audit_db(db, 0, "cli", "user.create", "user", gw_db_insert_id(db), login);
	return 0;
}

/* Take "--email ADDRESS" or "--email=ADDRESS" out of argv (NULL when absent).
 * 0, or -1 (message printed) when it is not an address. */
static int take_email(int *argc, char **argv, const char **email)
{
	*email = NULL;
	for (int i = 1; i < *argc; i++) {
		int two = !strcmp(argv[i], "--email"), n = two ? 2 : 1;

		if (!two && strncmp(argv[i], "--email=", 8))
			continue;
		*email = two ? (i + 1 < *argc ? argv[i + 1] : "") : argv[i] + 8;
		if (!gw_valid_email(*email))
			return die("--email needs an e-mail address", *email), -1;
		memmove(argv + i, argv + i + n, (size_t)(*argc - i - n + 1) * sizeof(char *));
		*argc -= n;
		return 0;
	}
	return 0;
}

static int cmd_user(int argc, char **argv, struct gw_db *db)
{
	const char *email = NULL;
	char pw[256];

	if (argc >= 2 && !strcmp(argv[1], "add") && take_email(&argc, argv, &email))
		return 1;
	if (argc >= 5 && argc <= 7 && !strcmp(argv[1], "add")) {
		if (get_password(pw, sizeof(pw)))
			return die("a password of at least 10 characters is needed", NULL);
		return add_user(db, argv[2], argv[3], email, argv[4], argc > 5 ? argv[5] : NULL,
				argc > 6 ? atoi(argv[6]) : 1, pw);
	}
	if (argc == 3 && !strcmp(argv[1], "passwd")) {
		char hash[GW_PASSWORD_HASH_MAX];

		if (get_password(pw, sizeof(pw)) || gw_password_hash(pw, hash, sizeof(hash)))
			return die("a password of at least 10 characters is needed", NULL);
		if (gw_db_exec(db, SQL_USER_PASSWD, "ss", hash, argv[2]) != 1)
			return die("no such account", argv[2]);
		gw_audit_db(db, 0, "cli", "user.password", "user", 0, argv[2]);
		return 0;
	}
	if (argc == 2 && !strcmp(argv[1], "list"))
		return gw_db_each(db, print_row, NULL, SQL_USER_LIST, NULL) < 0;
	fputs(usage, stderr);
	return 2;
}

static const char SQL_CAL_SET[] =
    "INSERT INTO calendar_days (day, kind, name, updated_at) VALUES (?, ?, ?, UTC_TIMESTAMP())"
    " ON DUPLICATE KEY UPDATE kind = VALUES(kind), name = VALUES(name),"
    " updated_at = VALUES(updated_at)";

static int import_day(void *ctx, int32_t day, enum gw_day_kind kind, const char *name,
		      size_t namelen)
{
	char date[16], nm[128];

	gw_date_format(day, date);
	snprintf(nm, sizeof(nm), "%.*s", (int)(namelen < 100 ? namelen : 100), name);
	return gw_db_exec(ctx, SQL_CAL_SET, "sss", date,
			  kind == GW_DAY_HOLIDAY ? "holiday" : "workday", nm) < 0;
}

int cmd_calendar(int argc, char **argv, struct gw_db *db)
{
	char *text;
	int n;

	if (argc != 3 || strcmp(argv[1], "import"))
		return fputs(usage, stderr), 2;
	if (!(text = read_file(argv[2])))
		return die("cannot read", argv[2]);
	n = gw_workday_parse_tsv(text, import_day, db);
	free(text);
	if (n < 0) {
		fprintf(stderr,
			"guwen: %s: line %d is not \"YYYY-MM-DD<TAB>holiday|workday<TAB>name\"\n",
			argv[2], -n);
		return 1;
	}
	gw_audit_db(db, 0, "cli", "calendar.import", "calendar", 0, argv[2]);
	printf("imported %d days\n", n);
	return 0;
}

int with_db(int (*fn)(int, char **, struct gw_db *), int argc, char **argv)
{
	struct gw_db *db = open_db(0);
	int rc;

	if (!db)
		return die("cannot connect to the database", NULL);
	rc = fn(argc, argv, db);
	gw_db_free(db);
	return rc;
}

int with_admin_db(int (*fn)(int, char **, struct gw_db *), int argc, char **argv)
{
	struct gw_db *db = open_db(1);
	int rc;

	if (!db)
		return die("cannot connect to the database as DB.AdminUser", NULL);
	rc = fn(argc, argv, db);
	gw_db_free(db);
	return rc;
}

/* `guwen jobs`: deadline warnings and escalation of complaints, with the mails
 * in the configured language. Silent when all went well (cron mails whatever a
 * job prints); the summary line with -v or when something failed. */
static int cmd_jobs(int argc, char **argv, struct gw_db *db)
{
	const char *fixed = getenv("GUWEN_NOW"), *lang = gw_config_get(cfg, "App.Lang", "zh-CN");
	struct gw_complaint_jobs r;
	struct gw_project_jobs pj = {0};
	struct gw_visit_jobs vj = {0};
	int64_t now = (int64_t)time(NULL);
	HDF *words = NULL;
	char path[1024];
	NEOERR *err;
	int rc;

	if (argc > 2 || (argc == 2 && strcmp(argv[1], "-v")))
		return fputs(usage, stderr), 2;
	if (fixed && *fixed && gw_time_parse(fixed, &now))
		return die("GUWEN_NOW is not \"YYYY-MM-DD HH:MM:SS\"", fixed);
	snprintf(path, sizeof(path), "%s/lang/%s.hdf",
		 gw_config_get(cfg, "App.Templates", "templates"),
		 strcmp(lang, "en") ? "zh-CN" : "en");
	err = hdf_init(&words);
	if (err == STATUS_OK)
		err = hdf_read_file(words, path);
	if (err != STATUS_OK) {
		nerr_ignore(&err);
		hdf_destroy(&words);
		return die("cannot read the words", path);
	}
	rc = gw_complaint_jobs_run(db, words, gw_config_get(cfg, "App.Templates", "templates"),
				   gw_config_int(cfg, "App.TZOffsetMinutes", 480), now, &r);
	/* the admins told (once a day) when the working-day calendar ends within 90 days */
	if (gw_calendar_watch(
		db, words,
		(int32_t)((now + gw_config_int(cfg, "App.TZOffsetMinutes", 480) * 60) / 86400)) < 0)
		rc = 1;
	if (gw_project_jobs_run(db, words, gw_config_get(cfg, "App.Templates", "templates"),
				gw_config_int(cfg, "App.TZOffsetMinutes", 480), now, &pj))
		rc = 1;
	/* return visits: the month's proposals, overdue reports escalated */
	if (gw_visit_jobs_run(db, words, gw_config_get(cfg, "App.Templates", "templates"),
			      gw_config_int(cfg, "App.TZOffsetMinutes", 480), now, &vj))
		rc = 1;
	r.failed += pj.failed + vj.failed;
	hdf_destroy(&words);
	if (gw_rate_purge(db, now) < 0) /* public forms' per-address counters older than a day */
		rc = 1;
	if (backup_daily(db)) /* once a day when Backup.Dir is set */
		rc = 1;
	if (argc == 2 || rc || r.failed)
		fprintf(rc || r.failed ? stderr : stdout,
			"jobs: %d complaints checked, %d warned, %d escalated to managers,"
			" %d to directors, %d collection cases opened, %d project deadlines"
			" overdue, %d summaries mailed, %d monthly and %d yearly visits proposed,"
			" %d visit reports escalated, %d failed\n",
			r.checked, r.warned, r.managers, r.directors, pj.opened, pj.late,
			pj.summaries, vj.monthly, vj.yearly, vj.escalated, r.failed);
	return rc || r.failed ? 1 : 0;
}

int main(int argc, char **argv)
{
	int rc;

	gw_log_init("cli");
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    !strcmp(argv[1], "help"))
		return fputs(usage, argc < 2 ? stderr : stdout), argc < 2 ? 2 : 0;
	if (argc == 3 && !strcmp(argv[1], "keys") && !strcmp(argv[2], "--help"))
		return fputs(usage, stdout), 0;
	if (argc == 4 && !strcmp(argv[1], "keys") && !strcmp(argv[2], "create"))
		return gw_keyring_create(argv[3]) ? die("cannot create (exists?)", argv[3]) : 0;
	for (int i = 2; i < argc; i++)
		if (!strcmp(argv[i], "--help"))
			return fputs(usage, stdout), 0;
	if (!strcmp(argv[1], "setup"))
		return rc = setup_main(argc - 1, argv + 1), hdf_destroy(&cfg), rc;
	if (!(cfg = gw_config_load(NULL)))
		return 1;
	if (!strcmp(argv[1], "migrate"))
		rc = migrate_main(argc - 1, argv + 1);
	else if (!strcmp(argv[1], "db"))
		rc = db_main(argc - 1, argv + 1);
	else if (!strcmp(argv[1], "backup"))
		rc = backup_main(argc - 1, argv + 1);
	else if (!strcmp(argv[1], "restore"))
		rc = restore_main(argc - 1, argv + 1);
	else if (!strcmp(argv[1], "config") && argc >= 3 && !strcmp(argv[2], "check"))
		rc = check_main(argc - 1, argv + 1);
	else if (!strcmp(argv[1], "user"))
		rc = with_db(cmd_user, argc - 1, argv + 1);
	else if (!strcmp(argv[1], "calendar"))
		rc = with_db(cmd_calendar, argc - 1, argv + 1);
	else if (!strcmp(argv[1], "jobs"))
		rc = with_db(cmd_jobs, argc - 1, argv + 1);
	else if (!strcmp(argv[1], "mail"))
		rc = with_db(cmd_mail, argc - 1, argv + 1);
	else if (!strcmp(argv[1], "demo") && argc >= 3 &&
		 (!strcmp(argv[2], "--complaints") || !strcmp(argv[2], "--clients") ||
		  !strcmp(argv[2], "--projects") || !strcmp(argv[2], "--visits")))
		rc = with_admin_db(cmd_demo, argc - 1, argv + 1); /* reads the sequence engine */
	else if (!strcmp(argv[1], "demo"))
		rc = with_db(cmd_demo, argc - 1, argv + 1);
	else
		rc = (fprintf(stderr, "guwen: unknown command %s\n\n%s", argv[1], usage), 2);
	hdf_destroy(&cfg);
	return rc;
}
