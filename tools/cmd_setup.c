/* cmd_setup.c — `guwen setup`: a first install in one command after `make
 * install`. Writes the configuration and key file (owned by the program user,
 * mode 0600), makes the uploads directory, creates the database, runs the
 * migrations, gives the programs their own database account, imports the
 * shipped holiday calendar and creates the first two staff accounts. Every
 * step is skipped when already done, so it may run again. README lists the
 * same steps by hand. */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guwen/config.h"
#include "guwen/crypto.h"
#include "guwen/db.h"
#include "guwen/hdfset.h"
#include "cli.h"

#ifndef GUWEN_PREFIX
#define GUWEN_PREFIX "/usr/local"
#endif

struct setup_opts {
	const char *config, *user, *db, *socket, *host, *uploads, *share, *db_user;
	uid_t uid;
	gid_t gid;
};

static const char config_text[] =
    "# guwen.hdf — written by `guwen setup`; every key: %s/etc/guwen.hdf.example.\n"
    "# Read by the programs (GUWEN_CONFIG); owned by the program user, mode 0600.\n"
    "App {\n  Name = 财税顾问中心\n  Base =\n  URLStyle = pretty\n  Static = /static\n"
    "  Lang = zh-CN\n  TZOffsetMinutes = 480\n  Templates = %s/templates\n  SQL = %s/sql\n"
    "  KeyFile = %s/keys\n  Uploads = %s\n}\n"
    "DB {\n  Socket = %s\n  Host = %s\n  Port = 3306\n  Name = %s\n  User = %s\n"
    "  Password = %s\n"
    "  # The admin account for guwen migrate/setup/backup restore. Its password is\n"
    "  # never in this file: GUWEN_DB_ADMIN_PASSWORD, or a root-only file named by\n"
    "  # AdminPasswordFile (none needed for root over the socket on Debian).\n"
    "  AdminUser = root\n  AdminPasswordFile =\n}\n"
    "Backup {\n  # guwen jobs writes one encrypted backup a day here when set\n  Dir = %s/backups\n"
    "  Keep = 14\n  ShipCommand =\n}\n"
    "Session {\n  IdleMinutes = 30\n  MaxHours = 12\n}\n";

static int parse_opts(struct setup_opts *o, int argc, char **argv)
{
	const char **slot;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		slot = !strcmp(a, "--user")	 ? &o->user
		       : !strcmp(a, "--db")	 ? &o->db
		       : !strcmp(a, "--socket")	 ? &o->socket
		       : !strcmp(a, "--host")	 ? &o->host
		       : !strcmp(a, "--uploads") ? &o->uploads
		       : !strcmp(a, "--share")	 ? &o->share
		       : !strcmp(a, "--db-user") ? &o->db_user
						 : NULL;
		if (!slot || i + 1 >= argc)
			return die("unknown option or missing value", a);
		*slot = argv[++i];
	}
	return 0;
}

static int find_user(struct setup_opts *o)
{
	struct passwd *pw;

	o->uid = getuid();
	o->gid = getgid();
	if (!o->user)
		return 0;
	if (!(pw = getpwnam(o->user)))
		return die("no such user (create the program user first, e.g. adduser --system)",
			   o->user);
	o->uid = pw->pw_uid;
	o->gid = pw->pw_gid;
	return 0;
}

/* The program user owns path, with mode. */
static int own(const struct setup_opts *o, const char *path, mode_t mode)
{
	if (chmod(path, mode) || (o->user && chown(path, o->uid, o->gid))) {
		fprintf(stderr, "guwen: cannot give %s to %s (mode %o): %s\n", path,
			o->user ? o->user : "this user", (unsigned)mode, strerror(errno));
		return -1;
	}
	return 0;
}

static int mkdirs(const char *path, mode_t mode)
{
	char buf[1024];

	snprintf(buf, sizeof(buf), "%s", path);
	for (char *p = buf + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(buf, 0755) && errno != EEXIST)
				return -1;
			*p = '/';
		}
	return mkdir(buf, mode) && errno != EEXIST ? -1 : 0;
}

static void dir_of(const char *path, char *out, size_t outsz)
{
	const char *slash = strrchr(path, '/');

	snprintf(out, outsz, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
}

static int write_config(const struct setup_opts *o)
{
	char dir[1024], state[1024], pw[33];
	mode_t old;
	FILE *f;

	dir_of(o->config, dir, sizeof(dir));
	dir_of(o->uploads, state, sizeof(state));
	if (mkdirs(dir, 0755) || gw_crypto_token(16, pw))
		return die("cannot create the configuration directory", dir), -1;
	old = umask(077);
	f = fopen(o->config, "wx");
	umask(old);
	if (!f)
		return die("cannot write", o->config), -1;
	fprintf(f, config_text, o->share, o->share, o->share, dir, o->uploads,
		o->host ? "" : o->socket, o->host ? o->host : "", o->db, o->db_user, pw, state);
	if (fclose(f))
		return die("cannot write", o->config), -1;
	printf("wrote %s (mode 0600)\n", o->config);
	return own(o, o->config, 0600);
}

static int make_files(const struct setup_opts *o)
{
	const char *kf = gw_config_get(cfg, "App.KeyFile", NULL);
	const char *up = gw_config_get(cfg, "App.Uploads", NULL);
	const char *bk = gw_config_get(cfg, "Backup.Dir", "");

	if (!kf || !up)
		return die("App.KeyFile and App.Uploads must be set in", o->config), -1;
	if (access(kf, F_OK) && !gw_keyring_create(kf))
		printf("wrote the key file %s (mode 0600): keep a copy apart from the backups\n",
		       kf);
	if (access(kf, F_OK))
		return die("cannot write the key file", kf), -1;
	if (mkdirs(up, 0700))
		return die("cannot create the uploads directory", up), -1;
	if (*bk && mkdirs(bk, 0700))
		return die("cannot create Backup.Dir", bk), -1;
	return own(o, o->config, 0600) || own(o, kf, 0600) || own(o, up, 0700) ||
		       (*bk && own(o, bk, 0700))
		   ? -1
		   : 0;
}

/* CREATE DATABASE as the admin account, connected without a database. */
static int create_database(void)
{
	char *name = strdup(gw_config_get(cfg, "DB.Name", "guwen")), sql[256];
	struct gw_db *db;
	int n, rc = -1;

	if (!name ||
	    strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") !=
		strlen(name) ||
	    !*name || strlen(name) > 64)
		return free(name), die("DB.Name may hold only letters, digits and _", NULL), -1;
	gw_hdf_set(cfg, "DB.Name", "");
	db = open_db(1);
	n = snprintf(sql, sizeof(sql),
		     "CREATE DATABASE IF NOT EXISTS `%s` CHARACTER SET utf8mb4"
		     " COLLATE utf8mb4_unicode_ci",
		     name);
	if (!db)
		die("cannot connect as DB.AdminUser (GUWEN_DB_ADMIN_PASSWORD or"
		    " DB.AdminPasswordFile)",
		    admin_user());
	else if (gw_db_query(db, sql, (size_t)n))
		die("cannot create the database", gw_db_error(db));
	else
		rc = 0, printf("database %s ready\n", name);
	gw_hdf_set(cfg, "DB.Name", name);
	free(name);
	gw_db_free(db);
	return rc;
}

static int import_calendar(struct gw_db *db)
{
	char dir[1024], path[1200];
	char *argv[] = {"calendar", "import", path, NULL};
	long long n = 0;

	if (gw_db_int(db, &n, "SELECT COUNT(*) FROM calendar_days", NULL) < 0 || n > 0)
		return 0;
	dir_of(gw_config_get(cfg, "App.SQL", "sql"), dir, sizeof(dir));
	snprintf(path, sizeof(path), "%s/etc/cn-holidays-2025-2026.tsv", dir);
	return cmd_calendar(3, argv, db) ? -1 : 0;
}

static int first_accounts(struct gw_db *db)
{
	char pw[2][17];
	long long n = 0;

	if (gw_db_int(db, &n, "SELECT COUNT(*) FROM users", NULL) < 0 || n > 0)
		return n > 0 ? (printf("staff accounts exist already\n"), 0) : -1;
	if (gw_crypto_token(8, pw[0]) || gw_crypto_token(8, pw[1]) ||
	    add_user(db, "admin", "系统管理员", NULL, "admin", "综合部", 1, pw[0]) ||
	    add_user(db, "director", "中心主管", NULL, "director", "中心管理层", 3, pw[1]))
		return -1;
	printf("\nFirst staff accounts (write the passwords down; change them after the first"
	       " sign-in):\n"
	       "  admin     %s   系统管理 (accounts, departments, calendar, settings, audit log);"
	       " sees no client data by design\n"
	       "  director  %s   the complaint pages (/complaints/) and all client work\n"
	       "Sign in as admin to create the other staff accounts.\n",
	       pw[0], pw[1]);
	return 0;
}

static int database_steps(void)
{
	struct gw_db *db;
	int rc;

	if (create_database() || !(db = open_db(1)))
		return -1;
	rc = migrate_run(db, 0) ? -1 : 0;
	if (!rc && grant_run(db))
		printf("note: the programs' account was not set up (see above); give DB.User the"
		       " rights by hand or use `guwen db grant` later (README, Installing)\n");
	if (!rc)
		rc = import_calendar(db) || first_accounts(db) ? -1 : 0;
	gw_db_free(db);
	return rc;
}

int setup_main(int argc, char **argv)
{
	struct setup_opts o = {.db = "guwen",
			       .socket = "/run/mysqld/mysqld.sock",
			       .uploads = "/var/lib/guwen/uploads",
			       .share = GUWEN_PREFIX "/share/guwen",
			       .db_user = "guwen"};
	int rc;

	o.config = getenv("GUWEN_CONFIG");
	if (!o.config || !*o.config)
		o.config = "/etc/guwen/guwen.hdf";
	if (parse_opts(&o, argc, argv) || find_user(&o))
		return 1;
	if (access(o.config, F_OK) == 0)
		printf("using %s\n", o.config);
	else if (write_config(&o))
		return 1;
	if (!(cfg = gw_config_load(o.config)))
		return 1;
	rc = make_files(&o) || database_steps() ? 1 : 0;
	if (!rc)
		printf("\nguwen is set up. Next: `GUWEN_CONFIG=%s guwen config check`, then the web"
		       " server (README, Installing).\n",
		       o.config);
	return rc;
}
