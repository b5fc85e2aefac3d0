/* cmd_migrate.c — `guwen migrate [--dry-run]` and `guwen db grant`: the SQL
 * migrations applied one statement at a time, so a migration that failed
 * halfway continues where it stopped once the cause is fixed (MariaDB's DDL is
 * not transactional). Role and grant statements are optional: an account that
 * may not create roles (a hosting account) skips them with a notice, and
 * `guwen db grant`, run later by an account that may, applies them and creates
 * the application's own database account. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "guwen/config.h"
#include "guwen/db.h"
#include "cli.h"

static const char SQL_MIGRATIONS_TABLE[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version VARCHAR(64) NOT NULL PRIMARY KEY,"
    " applied_at DATETIME NOT NULL) ENGINE=InnoDB";
/* Statements done of a migration that has not finished yet. */
static const char SQL_PROGRESS_TABLE[] =
    "CREATE TABLE IF NOT EXISTS schema_progress (version VARCHAR(64) NOT NULL PRIMARY KEY,"
    " done INT UNSIGNED NOT NULL) ENGINE=InnoDB";
static const char SQL_MIGRATION_DONE[] = "SELECT COUNT(*) FROM schema_migrations WHERE version = ?";
static const char SQL_MIGRATION_RECORD[] =
    "INSERT INTO schema_migrations (version, applied_at) VALUES (?, UTC_TIMESTAMP())";
static const char SQL_PROGRESS_GET[] = "SELECT done FROM schema_progress WHERE version = ?";
static const char SQL_PROGRESS_SET[] = "INSERT INTO schema_progress (version, done) VALUES (?, ?)"
				       " ON DUPLICATE KEY UPDATE done = VALUES(done)";
static const char SQL_PROGRESS_DROP[] = "DELETE FROM schema_progress WHERE version = ?";

/* One migration file split into statements (pointers into text). */
struct script {
	char *text;
	const char **start;
	size_t *len;
	int n;
};

static const char *skip_blank(const char *p)
{
	for (;;) {
		p += strspn(p, " \t\r\n");
		if ((p[0] == '-' && p[1] == '-') || p[0] == '#') {
			p = strchrnul(p, '\n');
		} else if (p[0] == '/' && p[1] == '*') {
			const char *e = strstr(p + 2, "*/");

			p = e ? e + 2 : p + strlen(p);
		} else {
			return p;
		}
	}
}

/* The ';' that ends the statement at p (outside quotes and comments), or the NUL. */
static const char *stmt_end(const char *p)
{
	char q = 0;

	for (; *p; p++) {
		if (q) {
			if (*p == '\\' && p[1])
				p++;
			else if (*p == q)
				q = 0;
		} else if (*p == '\'' || *p == '"' || *p == '`') {
			q = *p;
		} else if (p[0] == '-' && p[1] == '-' && strchr(" \t\r\n", p[2])) {
			if (!*(p = strchrnul(p, '\n')))
				return p;
		} else if (*p == ';') {
			return p;
		}
	}
	return p;
}

static int script_add(struct script *s, const char *start, size_t len)
{
	const char **st = realloc(s->start, (size_t)(s->n + 1) * sizeof(*st));
	size_t *ln = st ? realloc(s->len, (size_t)(s->n + 1) * sizeof(*ln)) : NULL;

	if (st)
		s->start = st;
	if (!ln)
		return -1;
	s->len = ln;
	s->start[s->n] = start;
	s->len[s->n++] = len;
	return 0;
}

static void script_free(struct script *s)
{
	free(s->text);
	free(s->start);
	free(s->len);
}

static int script_load(struct script *s, const char *dir, const char *name)
{
	char path[1024];
	const char *p, *e;

	memset(s, 0, sizeof(*s));
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (!(s->text = read_file(path)))
		return die("cannot read", path), -1;
	for (p = skip_blank(s->text); *p; p = skip_blank(*e ? e + 1 : e)) {
		e = stmt_end(p);
		if (e > p && script_add(s, p, (size_t)(e - p)))
			return die("out of memory", NULL), -1;
	}
	return 0;
}

static int starts(const char *p, const char *word)
{
	return !strncasecmp(p, word, strlen(word));
}

/* Role and grant statements: optional for an account that may not run them. */
static int is_privilege(const char *stmt)
{
	return starts(stmt, "CREATE ROLE") || starts(stmt, "GRANT ") || starts(stmt, "REVOKE ") ||
	       starts(stmt, "DROP ROLE") || starts(stmt, "SET DEFAULT ROLE");
}

static int is_denied(unsigned e)
{
	static const unsigned codes[] = {1044, 1045, 1133, 1142, 1143,
					 1227, 1370, 1396, 1410, 1959};

	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		if (e == codes[i])
			return 1;
	return 0;
}

static void print_failed(struct gw_db *db, const char *name, const struct script *s, int i)
{
	fprintf(stderr, "guwen: %s: statement %d of %d failed: %s\n  %.*s\n", name, i + 1, s->n,
		gw_db_error(db), (int)strcspn(s->start[i], "\n"), s->start[i]);
	fprintf(stderr,
		"Fix the cause and run `guwen migrate` again: it continues with"
		" statement %d.\n",
		i + 1);
}

/* Run the statements from `from` on; privilege statements refused for lack of
 * privilege are counted in *skipped. 0 or -1. */
static int run_script(struct gw_db *db, const char *name, const struct script *s, int from,
		      int *skipped)
{
	for (int i = from; i < s->n; i++) {
		if (gw_db_query(db, s->start[i], s->len[i])) {
			if (!is_privilege(s->start[i]) || !is_denied(gw_db_errno(db)))
				return print_failed(db, name, s, i), -1;
			if (!(*skipped)++)
				printf("note: %s: %s\n", name, gw_db_error(db));
		}
		if (gw_db_exec(db, SQL_PROGRESS_SET, "si", name, (long long)i + 1) < 0)
			return die("cannot record the progress of", name), -1;
	}
	return 0;
}

static void print_skipped(const char *name, int skipped)
{
	if (skipped)
		printf("note: %s: %d role/grant statements skipped (this account may not manage"
		       " roles). The programs then use an account without the guwen_app limits;"
		       " an account that may can run `guwen db grant` later.\n",
		       name, skipped);
}

/* 1 applied (or would be), 0 already done, -1 failed. */
static int apply_one(struct gw_db *db, const char *dir, const char *name, int dry)
{
	long long done = 0, from = 0;
	struct script s;
	int rc = 1, skipped = 0;

	if (gw_db_int(db, &done, SQL_MIGRATION_DONE, "s", name) < 0)
		return -1;
	if (done)
		return 0;
	if (gw_db_int(db, &from, SQL_PROGRESS_GET, "s", name) < 0 || script_load(&s, dir, name))
		return -1;
	if (dry)
		printf("would apply %s (%d statements%s)\n", name, s.n,
		       from ? ", continuing after an interrupted run" : "");
	else if (from)
		printf("continuing %s at statement %lld of %d\n", name, from + 1, s.n);
	if (!dry && (run_script(db, name, &s, (int)from, &skipped) ||
		     gw_db_exec(db, SQL_MIGRATION_RECORD, "s", name) != 1 ||
		     gw_db_exec(db, SQL_PROGRESS_DROP, "s", name) < 0))
		rc = -1;
	if (!dry && rc > 0) {
		printf("applied %s\n", name);
		print_skipped(name, skipped);
	}
	script_free(&s);
	return rc;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int is_sql(const struct dirent *d)
{
	size_t n = strlen(d->d_name);

	return n > 4 && !strcmp(d->d_name + n - 4, ".sql");
}

/* Call fn for each migration file in name order; stops at the first failure.
 * Returns the number fn reported as done (> 0), or -1. */
static int each_migration(struct gw_db *db,
			  int (*fn)(struct gw_db *, const char *, const char *, int), int arg)
{
	const char *dir = gw_config_get(cfg, "App.SQL", "sql");
	struct dirent **list = NULL;
	int n = scandir(dir, &list, is_sql, by_name), count = 0, failed = 0;

	if (n < 0)
		return die("cannot read the migrations directory (App.SQL)", dir), -1;
	for (int i = 0; i < n; i++) {
		int r = failed ? 0 : fn(db, dir, list[i]->d_name, arg);

		failed |= r < 0;
		count += r > 0;
		free(list[i]);
	}
	free(list);
	return failed ? -1 : count;
}

int migrate_run(struct gw_db *db, int dry)
{
	int n;

	if (gw_db_exec(db, SQL_MIGRATIONS_TABLE, NULL) < 0 ||
	    gw_db_exec(db, SQL_PROGRESS_TABLE, NULL) < 0)
		return die("cannot create schema_migrations", gw_db_error(db));
	if ((n = each_migration(db, apply_one, dry)) < 0)
		return 1;
	if (dry && !n)
		printf("nothing to do: the schema is up to date\n");
	else if (!dry)
		printf("schema up to date (%d applied)\n", n);
	return 0;
}

static int cmd_migrate(int argc, char **argv, struct gw_db *db)
{
	if (argc > 2 || (argc == 2 && strcmp(argv[1], "--dry-run")))
		return die("usage: guwen migrate [--dry-run]", NULL);
	return migrate_run(db, argc == 2);
}

int migrate_main(int argc, char **argv)
{
	return with_admin_db(cmd_migrate, argc, argv);
}

/* The role and grant statements of one migration (`guwen db grant`). A grant
 * on a table that a later migration dropped (1146) is passed over. */
static int grant_one(struct gw_db *db, const char *dir, const char *name, int arg)
{
	struct script s;
	int rc = 0;

	(void)arg;
	if (script_load(&s, dir, name))
		return -1;
	for (int i = 0; i < s.n && !rc; i++)
		if (is_privilege(s.start[i]) && gw_db_query(db, s.start[i], s.len[i]) &&
		    gw_db_errno(db) != 1146)
			rc = (print_failed(db, name, &s, i), -1);
	script_free(&s);
	return rc ? -1 : 1;
}

/* 'text' quoted for SQL into out. */
static void quote(struct gw_db *db, const char *text, char *out, size_t outsz)
{
	size_t n = strlen(text);

	if (2 * n + 3 > outsz)
		n = (outsz - 3) / 2;
	out[0] = '\'';
	n = gw_db_escape(db, out + 1, text, n);
	out[n + 1] = '\'';
	out[n + 2] = '\0';
}

/* The application's account (DB.User, DB.Password, from DB.AppHost) with the role. */
static int grant_app_account(struct gw_db *db)
{
	char user[200], host[200], pw[300], sql[1024];
	const char *stmts[] = {"CREATE USER IF NOT EXISTS %s@%s IDENTIFIED BY %s",
			       "ALTER USER %s@%s IDENTIFIED BY %s", "GRANT guwen_app TO %s@%s%.0s",
			       "SET DEFAULT ROLE guwen_app FOR %s@%s%.0s"};

	if (!strcmp(gw_config_get(cfg, "DB.User", ""), admin_user()))
		return die("DB.User is DB.AdminUser: give the programs their own account", NULL);
	quote(db, gw_config_get(cfg, "DB.User", "guwen"), user, sizeof(user));
	quote(db, gw_config_get(cfg, "DB.AppHost", "localhost"), host, sizeof(host));
	quote(db, gw_config_get(cfg, "DB.Password", ""), pw, sizeof(pw));
	for (size_t i = 0; i < sizeof(stmts) / sizeof(stmts[0]); i++) {
		int n = snprintf(sql, sizeof(sql), stmts[i], user, host, pw);

		if (gw_db_query(db, sql, (size_t)n))
			return die("cannot set up the application's database account",
				   gw_db_error(db));
	}
	printf("database account %s@%s has the guwen_app role\n", user, host);
	return 0;
}

int grant_run(struct gw_db *db)
{
	if (each_migration(db, grant_one, 0) < 0)
		return 1;
	return grant_app_account(db);
}

static int cmd_grant(int argc, char **argv, struct gw_db *db)
{
	(void)argv;
	if (argc != 2)
		return die("usage: guwen db grant", NULL);
	return grant_run(db);
}

int db_main(int argc, char **argv)
{
	if (argc != 2 || strcmp(argv[1], "grant"))
		return die("usage: guwen db grant", NULL), 2;
	return with_admin_db(cmd_grant, argc, argv);
}
