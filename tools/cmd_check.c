/* cmd_check.c — `guwen config check [--sockets DIR] [--url URL]`: the
 * configuration tried for real, as the user that runs it (run it as the program
 * user: sudo -u USER). Opens the key file, writes and removes a file in the
 * uploads directory, connects with the programs' database account, and asks
 * which programs answer. Each problem names its fix. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "guwen/config.h"
#include "guwen/crypto.h"
#include "guwen/db.h"
#include "cli.h"

static int problem(const char *what, const char *fix)
{
	fprintf(stderr, "problem: %s\n  fix: %s\n", what, fix);
	return 1;
}

static int check_keys(void)
{
	const char *path = gw_config_get(cfg, "App.KeyFile", "");
	struct gw_keyring kr;
	char why[512];

	if (!gw_keyring_load(&kr, path)) {
		gw_keyring_clear(&kr);
		return 0;
	}
	gw_config_keyfile_problem(path, why, sizeof(why));
	return problem(why, "the key file belongs to the program user, mode 0600");
}

static int check_uploads(void)
{
	const char *dir = gw_config_get(cfg, "App.Uploads", "");
	char path[1024], who[128], what[1400];
	int fd, e;

	snprintf(path, sizeof(path), "%s/.guwen-check-%d", dir, (int)getpid());
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd >= 0 && write(fd, "x", 1) == 1 && close(fd) == 0 && unlink(path) == 0)
		return 0;
	e = errno;
	gw_config_whoami(who, sizeof(who));
	snprintf(what, sizeof(what), "cannot write into App.Uploads = %s as user %s: %s", dir, who,
		 strerror(e));
	if (fd >= 0)
		unlink(path);
	return problem(what, "mkdir -p the directory; chown it to the program user; chmod 700");
}

static int check_db(void)
{
	struct gw_db *db = gw_db_new(cfg);
	long long n = 0;
	char what[600];
	int rc = 0;

	if (gw_db_connect(db))
		rc = problem("cannot connect with DB.User (the message above says why)",
			     "check DB.Socket or DB.Host/Port, DB.User and DB.Password; create the"
			     " account with `guwen db grant` (README, Installing)");
	else if (gw_db_int(db, &n, "SELECT COUNT(*) FROM users", NULL) < 0) {
		snprintf(what, sizeof(what), "DB.User cannot read the users table (error %u)",
			 gw_db_errno(db));
		rc = problem(what, "run `guwen migrate`, then `guwen db grant`");
	} else if (n == 0) {
		rc = problem("there are no staff accounts", "guwen setup, or guwen user add");
	}
	gw_db_free(db);
	return rc;
}

/* 0 if a unix socket at path accepts a connection. */
static int socket_answers(const char *path)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0), rc;

	if (strlen(path) >= sizeof(sa.sun_path))
		return errno = ENAMETOOLONG, -1;
	memcpy(sa.sun_path, path, strlen(path) + 1);
	rc = fd < 0 ? -1 : connect(fd, (struct sockaddr *)&sa, sizeof(sa));
	if (fd >= 0)
		close(fd);
	return rc;
}

static int check_sockets(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[1200], what[1400];
	int bad = 0, seen = 0;

	if (!d)
		return problem("cannot read the sockets directory",
			       "start the programs"
			       " (spawn-fcgi, README) or name the right directory");
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);

		if (n < 6 || strcmp(e->d_name + n - 5, ".sock") || !strncmp(e->d_name, "mysql", 5))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		seen++;
		if (!socket_answers(path)) {
			printf("answers: %s\n", path);
			continue;
		}
		snprintf(what, sizeof(what), "%s does not answer: %s", path, strerror(errno));
		bad += problem(
		    what, "restart that program (spawn-fcgi); the socket must be"
			  " readable and writable by the web server (-U, -G www-data, -M 0660)");
	}
	closedir(d);
	return seen ? bad : problem("no program sockets (*.sock)", "start the programs");
}

/* The HTTP status of GET url+path (plain http only), or -1. */
static int http_status(const char *host, const char *port, const char *path)
{
	struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *ai = NULL;
	char req[1024], resp[64] = "";
	int fd = -1, status = -1, n;

	if (getaddrinfo(host, port, &hints, &ai))
		return -1;
	fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	n = snprintf(req, sizeof(req), "GET %s HTTP/1.0\r\nHost: %s\r\n\r\n", path, host);
	if (fd >= 0 && !connect(fd, ai->ai_addr, ai->ai_addrlen) &&
	    write(fd, req, (size_t)n) == n && read(fd, resp, sizeof(resp) - 1) > 12)
		status = atoi(resp + 9);
	if (fd >= 0)
		close(fd);
	freeaddrinfo(ai);
	return status;
}

static int check_url(const char *url)
{
	static const char *const paths[] = {"/login/", "/portal/", "/static/css/guwen.css"};
	char host[256] = "", port[16] = "80", what[600];
	const char *base = gw_config_get(cfg, "App.Base", "");
	int bad = 0;

	if (sscanf(url, "http://%255[^:/]:%15[0-9]", host, port) < 1)
		return problem("--url must be http://HOST[:PORT] (for https, use curl)", url);
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		char path[512];
		int st;

		snprintf(path, sizeof(path), "%s%s", base, paths[i]);
		st = http_status(host, port, path);
		if (st >= 200 && st < 400) {
			printf("answers: %s%s (%d)\n", url, path, st);
			continue;
		}
		snprintf(what, sizeof(what), "%s%s answers %d", url, path, st);
		bad += problem(
		    what,
		    st == 503 ? "the program cannot start: see the web server's"
				" error log (it names the file and the user)"
		    : st == 502
			? "the program is not running or the web server may not"
			  " use its socket (spawn-fcgi -U/-G/-M)"
			: "check the web server's mapping (etc/nginx-site.conf, etc/apache.conf)");
	}
	return bad;
}

int check_main(int argc, char **argv)
{
	int bad = gw_config_check(cfg);

	bad += check_keys() + check_uploads() + check_db();
	for (int i = 2; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--sockets"))
			bad += check_sockets(argv[i + 1]);
		else if (!strcmp(argv[i], "--url"))
			bad += check_url(argv[i + 1]);
		else
			return die("usage: guwen config check [--sockets DIR] [--url URL]", NULL),
			       2;
	}
	if (argc % 2)
		return die("usage: guwen config check [--sockets DIR] [--url URL]", NULL), 2;
	if (bad)
		fprintf(stderr, "%d problem%s\n", bad, bad == 1 ? "" : "s");
	else
		puts("configuration ok");
	return bad ? 1 : 0;
}
