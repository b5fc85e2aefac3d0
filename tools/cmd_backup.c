/* cmd_backup.c — `guwen backup`, `guwen backup --verify FILE`, `guwen restore
 * FILE`: the database (every table, read in one consistent snapshot) and the
 * uploaded files in one encrypted file (backup_file.h) with a manifest of row
 * counts, sizes and SHA-256 checksums. Written to a temporary name and renamed;
 * the last Backup.Keep kept in Backup.Dir; Backup.ShipCommand sends each one
 * off the server. Restore verifies the whole file first and fills only an
 * empty database and upload store. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "guwen/config.h"
#include "guwen/crypto.h"
#include "guwen/db.h"
#include "backup_file.h"
#include "cli.h"

#define BATCH  (1024 * 1024)
#define MAXREC (64u * 1024 * 1024)

/* The manifest as it is built (writer) or recomputed (reader). */
struct manifest {
	char *text;
	size_t len, cap;
	EVP_MD_CTX *md; /* the current table's or file's checksum */
	char table[80];
	unsigned long long rows;
};

static int man_add(struct manifest *m, const char *line)
{
	size_t n = strlen(line);

	if (m->len + n + 1 > m->cap) {
		char *t = realloc(m->text, (m->cap = (m->len + n + 1) * 2));

		if (!t)
			return -1;
		m->text = t;
	}
	memcpy(m->text + m->len, line, n + 1);
	m->len += n;
	return 0;
}

static void md_hex(EVP_MD_CTX *md, char out[65])
{
	unsigned char h[32];
	unsigned n = 0;

	EVP_DigestFinal_ex(md, h, &n);
	gw_hex_encode(h, 32, out);
	EVP_DigestInit_ex(md, EVP_sha256(), NULL);
}

/* Close the current table's line: "table NAME ROWS SHA256". */
static int man_end_table(struct manifest *m)
{
	char line[256], hex[65];

	if (!m->table[0])
		return 0;
	md_hex(m->md, hex);
	snprintf(line, sizeof(line), "table %s %llu %s\n", m->table, m->rows, hex);
	m->table[0] = '\0';
	m->rows = 0;
	return man_add(m, line);
}

static int man_file(struct manifest *m, const char *name, unsigned long long size)
{
	char line[256], hex[65];

	md_hex(m->md, hex);
	snprintf(line, sizeof(line), "file %s %llu %s\n", name, size, hex);
	return man_add(m, line);
}

static void man_free(struct manifest *m)
{
	free(m->text);
	EVP_MD_CTX_free(m->md);
}

static int man_init(struct manifest *m)
{
	memset(m, 0, sizeof(*m));
	m->md = EVP_MD_CTX_new();
	return m->md && EVP_DigestInit_ex(m->md, EVP_sha256(), NULL) == 1 ? 0 : -1;
}

/* ---- writing: the database ---- */

struct dump {
	struct gw_db *db;
	struct bk_stream *out;
	struct manifest man;
	char *sql; /* the INSERT being built */
	size_t len, cap;
	uint32_t rows; /* rows in it */
	char *esc;     /* escape buffer */
	size_t esccap;
};

static int sql_add(struct dump *d, const char *s, size_t n)
{
	if (d->len + n + 1 > d->cap) {
		char *t = realloc(d->sql, (d->cap = (d->len + n + 1) * 2));

		if (!t)
			return -1;
		d->sql = t;
	}
	memcpy(d->sql + d->len, s, n);
	d->len += n;
	d->sql[d->len] = '\0';
	return 0;
}

/* One record, its bytes counted in the table's checksum. */
static int put_record(struct dump *d, char type, uint32_t count, const char *data, size_t n)
{
	EVP_DigestUpdate(d->man.md, data, n);
	return bk_record(d->out, type, count, d->man.table, n) || bk_write(d->out, data, n);
}

static int flush_rows(struct dump *d)
{
	int rc = 0;

	if (d->rows)
		rc = put_record(d, 'R', d->rows, d->sql, d->len);
	d->len = 0;
	d->rows = 0;
	return rc;
}

static int add_value(struct dump *d, const char *v, unsigned long n, int binary)
{
	size_t e;

	if (!v)
		return sql_add(d, "NULL", 4);
	if (2 * (size_t)n + 1 > d->esccap) {
		free(d->esc);
		if (!(d->esc = malloc(d->esccap = 2 * (size_t)n + 1)))
			return -1;
	}
	e = gw_db_escape(d->db, d->esc, v, n);
	return (binary && sql_add(d, "_binary", 7)) || sql_add(d, "'", 1) ||
	       sql_add(d, d->esc, e) || sql_add(d, "'", 1);
}

static int dump_row(void *ctx, const struct gw_db_rawrow *r)
{
	struct dump *d = ctx;
	char head[128];

	if (d->rows == 0) {
		snprintf(head, sizeof(head), "INSERT INTO `%s` VALUES ", d->man.table);
		if (sql_add(d, head, strlen(head)))
			return -1;
	} else if (sql_add(d, ",", 1)) {
		return -1;
	}
	if (sql_add(d, "(", 1))
		return -1;
	for (int i = 0; i < r->ncols; i++)
		if ((i && sql_add(d, ",", 1)) || add_value(d, r->vals[i], r->lens[i], r->binary[i]))
			return -1;
	d->rows++;
	d->man.rows++;
	return sql_add(d, ")", 1) || (d->len >= BATCH && flush_rows(d)) ? -1 : 0;
}

static int dump_create(void *ctx, const struct gw_db_rawrow *r)
{
	struct dump *d = ctx;

	return r->ncols < 2 || !r->vals[1] ? -1 : put_record(d, 'T', 0, r->vals[1], r->lens[1]);
}

/* A table name may be spliced into a statement (identifiers cannot be bound):
 * only the names our migrations use, letters, digits and '_'. */
static int plain_name(const char *name)
{
	size_t n = strlen(name);

	return n > 0 && n < 64 && strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_") == n;
}

static int dump_table(struct dump *d, const char *table)
{
	char sql[160];

	if (!plain_name(table))
		return die("a table name that is not a plain identifier", table), -1;
	snprintf(d->man.table, sizeof(d->man.table), "%s", table);
	snprintf(sql, sizeof(sql), "SHOW CREATE TABLE `%s`", table);
	if (gw_db_stream(d->db, sql, dump_create, d) != 1)
		return -1;
	snprintf(sql, sizeof(sql), "SELECT * FROM `%s`", table);
	if (gw_db_stream(d->db, sql, dump_row, d) < 0 || flush_rows(d))
		return -1;
	return man_end_table(&d->man);
}

struct names {
	char **v;
	int n;
};

static int add_name(void *ctx, const struct gw_db_rawrow *r)
{
	struct names *t = ctx;
	char **v = realloc(t->v, (size_t)(t->n + 1) * sizeof(*v));

	if (!v || !r->vals[0] || strlen(r->vals[0]) != r->lens[0] || !plain_name(r->vals[0]))
		return v ? (t->v = v, -1) : -1;
	t->v = v;
	return (t->v[t->n++] = strdup(r->vals[0])) ? 0 : -1;
}

static void free_names(struct names *t)
{
	for (int i = 0; i < t->n; i++)
		free(t->v[i]);
	free(t->v);
}

static const char SQL_SNAPSHOT[] = "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY";
static const char SQL_TABLES[] = "SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'";

static int dump_database(struct dump *d)
{
	struct names t = {0};
	int rc = 0, seen_migrations = 0;

	if (gw_db_query(d->db, "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ", 55) ||
	    gw_db_query(d->db, SQL_SNAPSHOT, sizeof(SQL_SNAPSHOT) - 1) ||
	    gw_db_stream(d->db, SQL_TABLES, add_name, &t) < 0)
		rc = die("cannot read the database", gw_db_error(d->db));
	for (int i = 0; i < t.n && !rc; i++) {
		seen_migrations |= !strcmp(t.v[i], "schema_migrations");
		if (dump_table(d, t.v[i]))
			rc = die("cannot read the table", t.v[i]);
	}
	if (!rc && !seen_migrations)
		rc = die("DB.User cannot read schema_migrations: run `guwen db grant`", NULL);
	gw_db_query(d->db, "COMMIT", 6);
	free_names(&t);
	return rc ? -1 : 0;
}

/* ---- writing: the uploaded files ---- */

static int is_upload_name(const char *rel)
{
	size_t n = strlen(rel);

	return n == 35 && rel[2] == '/' && strspn(rel, "0123456789abcdef") == 2 &&
	       strspn(rel + 3, "0123456789abcdef") == 32 && !strncmp(rel, rel + 3, 2);
}

static int dump_file(struct dump *d, const char *dir, const char *rel)
{
	char path[1200], buf[65536];
	struct stat st;
	size_t n, total = 0;
	FILE *f;
	int rc = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	if (!(f = fopen(path, "rb")) || fstat(fileno(f), &st))
		return f ? fclose(f), -1 : -1;
	if (bk_record(d->out, 'F', 0, rel, (uint64_t)st.st_size))
		rc = -1;
	while (!rc && (n = fread(buf, 1, sizeof(buf), f)) > 0 && total + n <= (size_t)st.st_size) {
		EVP_DigestUpdate(d->man.md, buf, n);
		total += n;
		rc = bk_write(d->out, buf, n);
	}
	fclose(f);
	if (rc || total != (size_t)st.st_size)
		return die("the file changed while it was read", path), -1;
	return man_file(&d->man, rel, total);
}

static int dump_subdir(struct dump *d, const char *dir, const char *sub)
{
	char path[1100], rel[600];
	struct dirent **list = NULL;
	int n, rc = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, sub);
	if ((n = scandir(path, &list, NULL, alphasort)) < 0)
		return die("cannot read", path), -1;
	for (int i = 0; i < n; i++) {
		snprintf(rel, sizeof(rel), "%s/%s", sub, list[i]->d_name);
		if (!rc && is_upload_name(rel))
			rc = dump_file(d, dir, rel);
		free(list[i]);
	}
	free(list);
	return rc;
}

static int is_hex2(const struct dirent *e)
{
	return strlen(e->d_name) == 2 && strspn(e->d_name, "0123456789abcdef") == 2;
}

static int dump_uploads(struct dump *d)
{
	const char *dir = gw_config_get(cfg, "App.Uploads", "");
	struct dirent **list = NULL;
	int n = scandir(dir, &list, is_hex2, alphasort), rc = 0;

	if (n < 0)
		return die("cannot read App.Uploads", dir), -1;
	for (int i = 0; i < n; i++) {
		if (!rc)
			rc = dump_subdir(d, dir, list[i]->d_name);
		free(list[i]);
	}
	free(list);
	return rc;
}

static int write_manifest(struct dump *d)
{
	char head[256];
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(head, sizeof(head), "guwen-backup 1\ncreated %Y-%m-%d %H:%M:%S UTC\n", &tm);
	return bk_record(d->out, 'M', 0, "manifest", strlen(head) + d->man.len) ||
		       bk_write(d->out, head, strlen(head)) ||
		       bk_write(d->out, d->man.text ? d->man.text : "", d->man.len) ||
		       bk_record(d->out, 'E', 0, "end", 0)
		   ? -1
		   : 0;
}

static int load_keys(struct gw_keyring *kr)
{
	const char *path = gw_config_get(cfg, "App.KeyFile", "");
	char why[512];

	if (!gw_keyring_load(kr, path))
		return 0;
	gw_config_keyfile_problem(path, why, sizeof(why));
	return die("cannot load the key file", why), -1;
}

/* The backup into f (open, empty). 0 or -1 (said why). */
static int write_backup(FILE *f, struct gw_db *db)
{
	struct gw_keyring kr;
	struct dump d = {.db = db};
	int rc = -1;

	if (load_keys(&kr))
		return -1;
	if (man_init(&d.man) || !(d.out = bk_write_open(f, &kr)))
		die("cannot start the backup", NULL);
	else if (!dump_database(&d) && !dump_uploads(&d) && !write_manifest(&d))
		rc = 0;
	if (d.out && bk_write_close(d.out))
		rc = (die("cannot write the backup", strerror(errno)), -1);
	gw_keyring_clear(&kr);
	man_free(&d.man);
	free(d.sql);
	free(d.esc);
	return rc;
}

/* Write to path.tmp, flush to disk, rename: the name never holds half a backup. */
static int write_atomically(const char *path, struct gw_db *db)
{
	char tmp[1100];
	int fd, rc;
	FILE *f;

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0 || !(f = fdopen(fd, "wb")))
		return fd >= 0 ? close(fd) : 0, die("cannot write", tmp), -1;
	rc = write_backup(f, db);
	if (fflush(f) || fsync(fileno(f)))
		rc = rc ? rc : (die("cannot write", strerror(errno)), -1);
	fclose(f);
	if (!rc && rename(tmp, path))
		rc = (die("cannot rename the backup into place", path), -1);
	if (rc)
		unlink(tmp);
	return rc;
}

/* ---- reading: verify, and restore on a second pass ---- */

struct reader {
	struct bk_stream *in;
	struct manifest man;
	struct gw_db *db;    /* restore: the database to fill; NULL to verify only */
	const char *uploads; /* restore: the upload store to fill */
	char *buf;
	size_t cap;
	int tables, files;
	unsigned long long rows;
	char created[32];
};

static int read_data(struct reader *r, uint64_t len)
{
	if (len > MAXREC)
		return -1;
	if (len + 1 > r->cap) {
		free(r->buf);
		if (!(r->buf = malloc(r->cap = (size_t)len + 1)))
			return -1;
	}
	r->buf[len] = '\0';
	return bk_read(r->in, r->buf, (size_t)len);
}

static int read_sql(struct reader *r, const char *table, uint32_t count, uint64_t len)
{
	if (strcmp(table, r->man.table)) {
		if (man_end_table(&r->man) || strlen(table) >= sizeof(r->man.table))
			return -1;
		memcpy(r->man.table, table, strlen(table) + 1);
		r->tables++;
	}
	if (read_data(r, len))
		return -1;
	EVP_DigestUpdate(r->man.md, r->buf, (size_t)len);
	r->man.rows += count;
	r->rows += count;
	if (r->db && gw_db_query(r->db, r->buf, (size_t)len))
		return die("restore: a statement failed", gw_db_error(r->db)), -1;
	return 0;
}

/* The restored file, created new (mode 0600, directory 0700). */
static FILE *create_upload(struct reader *r, const char *rel)
{
	char path[1200];
	int fd;

	snprintf(path, sizeof(path), "%s/%.2s", r->uploads, rel);
	if (mkdir(path, 0700) && errno != EEXIST)
		return NULL;
	snprintf(path, sizeof(path), "%s/%s", r->uploads, rel);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	return fd < 0 ? NULL : fdopen(fd, "wb");
}

static int read_file_rec(struct reader *r, const char *rel, uint64_t len)
{
	unsigned char buf[65536];
	FILE *f = NULL;
	int rc = 0;

	if (man_end_table(&r->man) || !is_upload_name(rel))
		return -1;
	if (r->db && !(f = create_upload(r, rel)))
		return die("restore: cannot write into App.Uploads", strerror(errno)), -1;
	for (uint64_t left = len; left > 0 && !rc;) {
		size_t n = left < sizeof(buf) ? (size_t)left : sizeof(buf);

		rc = bk_read(r->in, buf, n) || (f && fwrite(buf, n, 1, f) != 1);
		EVP_DigestUpdate(r->man.md, buf, n);
		left -= n;
	}
	if (f && fclose(f))
		rc = -1;
	r->files++;
	return rc || man_file(&r->man, rel, len) ? -1 : 0;
}

/* The manifest must list exactly what was read. */
static int check_manifest(struct reader *r, uint64_t len)
{
	const char *body;

	if (man_end_table(&r->man) || read_data(r, len))
		return -1;
	if (strncmp(r->buf, "guwen-backup 1\ncreated ", 23) || !(body = strchr(r->buf + 23, '\n')))
		return -1;
	snprintf(r->created, sizeof(r->created), "%.*s", (int)(body - r->buf - 23), r->buf + 23);
	return strcmp(body + 1, r->man.text ? r->man.text : "") ? -1 : 0;
}

/* One pass over the file; 0 if every record and checksum is right. */
static int read_all(struct reader *r)
{
	char type, name[4100];
	uint32_t count;
	uint64_t len;
	int rc = 0, manifest = 0;

	while (!rc && bk_next(r->in, &type, &count, name, sizeof(name), &len) == 1) {
		if (type == 'E')
			return manifest && !bk_at_end(r->in) ? 0 : -1;
		if (manifest)
			return -1;
		if (type == 'T' || type == 'R')
			rc = read_sql(r, name, count, len);
		else if (type == 'F')
			rc = read_file_rec(r, name, len);
		else if (type == 'M')
			rc = check_manifest(r, len), manifest = 1;
		else
			rc = -1;
	}
	return -1;
}

/* Read path once (verify, or restore into r->db / r->uploads). */
static int pass(const char *path, struct reader *r)
{
	struct gw_keyring kr;
	const char *why = NULL;
	FILE *f = fopen(path, "rb");
	int rc = -1;

	if (!f)
		return die("cannot open", path), -1;
	if (load_keys(&kr) == 0) {
		if (!(r->in = bk_read_open(f, &kr, &why)))
			fprintf(stderr, "guwen: %s: %s\n", path, why);
		else if (man_init(&r->man) == 0 && (rc = read_all(r)))
			fprintf(stderr, "guwen: %s: refused: %s\n", path,
				strcmp(bk_error(r->in), "cannot read")
				    ? bk_error(r->in)
				    : "the records do not match the manifest (damaged or changed)");
		gw_keyring_clear(&kr);
	}
	if (r->in)
		bk_read_close(r->in);
	man_free(&r->man);
	free(r->buf);
	fclose(f);
	return rc;
}

static int verify(const char *path)
{
	struct reader r = {0};

	if (pass(path, &r))
		return 1;
	printf("%s: ok, made %s: %d tables, %llu rows, %d files; every checksum matches\n", path,
	       r.created, r.tables, r.rows, r.files);
	return 0;
}

static const char SQL_TABLE_COUNT[] =
    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()";

static int dir_is_empty(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (!d)
		return 0;
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n == 0;
}

static int restore_into(const char *path, struct gw_db *db)
{
	struct reader r = {.db = db, .uploads = gw_config_get(cfg, "App.Uploads", "")};
	long long n = -1;

	if (gw_db_int(db, &n, SQL_TABLE_COUNT, NULL) < 0 || n != 0)
		return die("restore fills only an empty database; this one has tables",
			   gw_config_get(cfg, "DB.Name", "")),
		       1;
	if (!dir_is_empty(r.uploads))
		return die("restore fills only an empty (existing) App.Uploads", r.uploads), 1;
	if (gw_db_query(db, "SET FOREIGN_KEY_CHECKS = 0", 26) ||
	    gw_db_query(db, "SET SQL_MODE = 'NO_AUTO_VALUE_ON_ZERO'", 38))
		return die("cannot prepare the database", gw_db_error(db)), 1;
	if (pass(path, &r))
		return die("restore stopped halfway: empty the database and App.Uploads and run"
			   " it again",
			   NULL),
		       1;
	printf("restored %d tables (%llu rows) and %d files from %s (made %s).\n"
	       "On a new database server, run `guwen db grant` for the programs' account.\n",
	       r.tables, r.rows, r.files, path, r.created);
	return 0;
}

static int cmd_restore(int argc, char **argv, struct gw_db *db)
{
	struct reader check = {0};

	if (argc != 2)
		return die("usage: guwen restore FILE", NULL), 2;
	if (pass(argv[1], &check))
		return die("nothing was changed", NULL), 1;
	return restore_into(argv[1], db);
}

/* ---- Backup.Dir: names, keeping the last N, shipping ---- */

static int is_backup(const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	return n > 11 && !strncmp(e->d_name, "guwen-", 6) && !strcmp(e->d_name + n - 5, ".gwbk");
}

static void keep_last(const char *dir, int keep)
{
	struct dirent **list = NULL;
	char path[1200];
	int n = scandir(dir, &list, is_backup, alphasort);

	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, list[i]->d_name);
		if (i < n - keep && unlink(path) == 0)
			printf("removed the old backup %s\n", path);
		free(list[i]);
	}
	free(list);
}

/* Backup.ShipCommand with the file's name as its last argument ($1). */
static int ship(const char *path)
{
	const char *cmd = gw_config_get(cfg, "Backup.ShipCommand", "");
	char line[2048];
	int status;
	pid_t pid;

	if (!*cmd)
		return 0;
	snprintf(line, sizeof(line), "%s \"$1\"", cmd);
	if ((pid = fork()) == 0) {
		execl("/bin/sh", "sh", "-c", line, "sh", path, (char *)NULL);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status))
		return die("Backup.ShipCommand failed; the backup stays in Backup.Dir", path), -1;
	return 0;
}

static void backup_name(char *out, size_t outsz, const char *dir)
{
	time_t now = time(NULL);
	struct tm tm;
	char stamp[32];

	gmtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S", &tm);
	snprintf(out, outsz, "%s/guwen-%s.gwbk", dir, stamp);
}

/* A backup into Backup.Dir, the old ones pruned, this one shipped. */
static int backup_to_dir(struct gw_db *db, int quiet)
{
	const char *dir = gw_config_get(cfg, "Backup.Dir", "");
	char path[1100];

	if (!*dir)
		return die("set Backup.Dir (or give --out FILE)", NULL), -1;
	backup_name(path, sizeof(path), dir);
	if (write_atomically(path, db))
		return -1;
	if (!quiet)
		printf("wrote %s\n", path);
	keep_last(dir, gw_config_int(cfg, "Backup.Keep", 14) > 0
			   ? gw_config_int(cfg, "Backup.Keep", 14)
			   : 1);
	return ship(path);
}

/* `guwen jobs`: one backup a day when Backup.Dir is set; silent when all is well. */
int backup_daily(struct gw_db *db)
{
	const char *dir = gw_config_get(cfg, "Backup.Dir", "");
	char today[64], prefix[32];
	struct dirent **list = NULL;
	int n, done = 0;

	if (!*dir)
		return 0;
	backup_name(today, sizeof(today), "");
	snprintf(prefix, sizeof(prefix), "%.15s", today + 1); /* "guwen-YYYYMMDD" */
	if ((n = scandir(dir, &list, is_backup, alphasort)) < 0)
		return die("cannot read Backup.Dir", dir), -1;
	for (int i = 0; i < n; i++) {
		done |= !strncmp(list[i]->d_name, prefix, strlen(prefix));
		free(list[i]);
	}
	free(list);
	return done ? 0 : backup_to_dir(db, 1);
}

static int cmd_backup(int argc, char **argv, struct gw_db *db)
{
	if (argc == 1)
		return backup_to_dir(db, 0) ? 1 : 0;
	if (argc == 3 && !strcmp(argv[1], "--out")) {
		if (write_atomically(argv[2], db))
			return 1;
		printf("wrote %s\n", argv[2]);
		return 0;
	}
	return die("usage: guwen backup [--out FILE] | guwen backup --verify FILE", NULL), 2;
}

int backup_main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "--verify"))
		return verify(argv[2]);
	return with_db(cmd_backup, argc, argv);
}

int restore_main(int argc, char **argv)
{
	return with_admin_db(cmd_restore, argc, argv);
}
