/* cli.h — what the command-line companion's files share: the loaded
 * configuration, the error line, database connections for a command. Each
 * command group lives in its own tools/cmd_*.c; tools/guwen.c dispatches. */
#ifndef GUWEN_CLI_H
#define GUWEN_CLI_H

#include <ClearSilver.h>

struct gw_db;

/* The configuration named by GUWEN_CONFIG, loaded by main before a command runs. */
extern HDF *cfg;

/* Print "guwen: msg: arg" to stderr; returns 1 (the exit status). */
int die(const char *msg, const char *arg);
/* The admin database account: DB.AdminUser (root), its password from the
 * environment (GUWEN_DB_ADMIN_PASSWORD), else the file DB.AdminPasswordFile,
 * else DB.AdminPassword; the web programs never need either. */
const char *admin_user(void);
const char *admin_password(void);
/* Connect as the application's account (admin 0) or DB.AdminUser (admin 1); NULL on failure. */
struct gw_db *open_db(int admin);
/* The whole file, NUL-terminated (malloc'd), or NULL; at most 16 MiB. */
char *read_file(const char *path);
/* Run fn with a connection as the application's account / DB.AdminUser, then close it. */
int with_db(int (*fn)(int, char **, struct gw_db *), int argc, char **argv);
int with_admin_db(int (*fn)(int, char **, struct gw_db *), int argc, char **argv);

/* guwen.c: a staff account (0 or 1 after saying why); `calendar import FILE`. */
int add_user(struct gw_db *db, const char *login, const char *name, const char *email,
	     const char *role, const char *dept, int clearance, const char *password);
int cmd_calendar(int argc, char **argv, struct gw_db *db);
/* cmd_setup.c: `guwen setup` (runs before any configuration is loaded). */
int setup_main(int argc, char **argv);

/* cmd_backup.c: `guwen backup [--out FILE | --verify FILE]`, `guwen restore FILE`;
 * backup_daily for `guwen jobs` (0 when not due or done). */
int backup_main(int argc, char **argv);
int restore_main(int argc, char **argv);
int backup_daily(struct gw_db *db);

/* cmd_check.c: `guwen config check [--sockets DIR] [--url URL]`. */
int check_main(int argc, char **argv);

/* cmd_migrate.c: `guwen migrate [--dry-run]`, `guwen db grant`; the steps for setup. */
int migrate_main(int argc, char **argv);
int db_main(int argc, char **argv);
int migrate_run(struct gw_db *db, int dry);
int grant_run(struct gw_db *db);

/* The commands of tools/cmd_*.c (argv[0] is the command's name). */
int cmd_mail(int argc, char **argv, struct gw_db *db); /* cmd_mail.c */
/* cmd_demo.c: `guwen demo [--complaints N [--seed S] | --clients N | --projects N [--seed S]
 *                | --visits N [--seed S]]` */
int cmd_demo(int argc, char **argv, struct gw_db *db);
/* demo_clients.c: N generated clients; the side rows (leads, primary contact,
 * name grams) of clients ids lo..hi loaded by SQL. 0 or 1 / -1. */
int demo_clients_bulk(struct gw_db *db, long long n);
int demo_client_side(struct gw_db *db, long long lo, long long hi);
int demo_staff(struct gw_db *db, long long *n);
/* demo_projects.c: N generated projects with their slips, steps and
 * collection cases, the same for the same seed (`guwen demo --projects N`). */
int demo_projects_bulk(struct gw_db *db, long long n, const char *seed);
/* demo_visits.c: a project for each client without one, then N generated
 * return visits (the same seed, the same data). 0 or 1. */
int demo_visits_bulk(struct gw_db *db, long long n, const char *seed);

#endif
