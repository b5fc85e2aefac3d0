/* config.c — load and check the HDF configuration file. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guwen/config.h"
#include "guwen/log.h"

#define CONFIG_MAX (4 * 1024 * 1024)

/* The whole file as a string the caller frees; NULL if unreadable or huge. */
static char *read_text(const char *path)
{
	FILE *f = fopen(path, "re");
	struct stat st;
	char *buf = NULL;
	size_t n = 0;

	if (!f)
		return NULL;
	if (fstat(fileno(f), &st) == 0 && st.st_size >= 0 && st.st_size <= CONFIG_MAX &&
	    (buf = malloc((size_t)st.st_size + 1)) != NULL) {
		n = fread(buf, 1, (size_t)st.st_size, f);
		buf[n] = '\0';
	}
	fclose(f);
	return buf;
}

/* 1 if ClearSilver could read the line as a link or a copy ("Name : Other",
 * "Name := Other"), a command ("!=") or attributes ("Name [a] = x"). It follows
 * links without a depth limit: "App : App" overflowed the stack, while
 * reading or at the first look-up (found by tests/fuzz/fuzz_config). None of
 * our files needs them; the text of "<<" values is checked too, to be sure. */
static int unsafe_line(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && isspace((unsigned char)s[i]))
		i++;
	if (i < n && (s[i] == '#' || s[i] == '}'))
		return 0;
	while (i < n && !isspace((unsigned char)s[i]) && !strchr("=:{<[!", s[i]))
		i++;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	return i < n &&
	       (s[i] == ':' || s[i] == '[' || (s[i] == '!' && i + 1 < n && s[i + 1] == '='));
}

/* Line number (from 1) of the first unsafe line, or 0. */
static int unsafe_text(const char *text)
{
	int line = 1;

	for (const char *s = text; *s; line++) {
		size_t n = strcspn(s, "\n");

		if (unsafe_line(s, n))
			return line;
		s += n + (s[n] == '\n');
	}
	return 0;
}

/* Parsed from memory (hdf_read_string also refuses #include) once the text
 * passed unsafe_text. */
HDF *gw_config_load(const char *path)
{
	HDF *hdf = NULL;
	NEOERR *err = STATUS_OK;
	char *text;
	int bad = 0;

	if (!path)
		path = getenv("GUWEN_CONFIG");
	if (!path || !*path)
		path = "etc/guwen.hdf";
	text = read_text(path);
	if (text && !(bad = unsafe_text(text)) && (err = hdf_init(&hdf)) == STATUS_OK)
		err = hdf_read_string(hdf, text);
	free(text);
	if (!text || bad || err != STATUS_OK || !hdf) {
		if (bad)
			gw_log_error("cannot read %s: line %d is a link, copy, command or "
				     "attribute, which are not allowed",
				     path, bad);
		else
			gw_log_error("cannot read %s", path);
		nerr_ignore(&err);
		hdf_destroy(&hdf);
		return NULL;
	}
	return hdf;
}

const char *gw_config_get(HDF *cfg, const char *key, const char *def)
{
	return hdf_get_value(cfg, key, def);
}

int gw_config_int(HDF *cfg, const char *key, int def)
{
	return hdf_get_int_value(cfg, key, def);
}

void gw_config_whoami(char *out, size_t outsz)
{
	struct passwd *pw = getpwuid(geteuid());

	snprintf(out, outsz, "%s (uid %u)", pw ? pw->pw_name : "?", (unsigned)geteuid());
}

void gw_config_keyfile_problem(const char *path, char *out, size_t outsz)
{
	char who[128];
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW), e = errno;

	gw_config_whoami(who, sizeof(who));
	if (fd < 0)
		snprintf(out, outsz, "cannot open %s as user %s: %s%s", path, who, strerror(e),
			 e == EACCES   ? " (give the file to the user the programs run as: chown)"
			 : e == ENOENT ? " (guwen keys create FILE)"
				       : "");
	else if (fstat(fd, &st) || !S_ISREG(st.st_mode))
		snprintf(out, outsz, "%s is not a regular file", path);
	else if (st.st_mode & 077)
		snprintf(out, outsz, "%s is readable by group or others (chmod 600 %s)", path,
			 path);
	else
		snprintf(out, outsz,
			 "%s is not a key file (lines \"<id> <64 hex>\", \"current"
			 " <id>\", \"index <64 hex>\")",
			 path);
	if (fd >= 0)
		close(fd);
}

static int need(HDF *cfg, const char *key)
{
	const char *v = hdf_get_value(cfg, key, NULL);

	if (v && *v)
		return 0;
	fprintf(stderr, "configuration: %s is missing\n", key);
	return 1;
}

static int need_dir(HDF *cfg, const char *key)
{
	const char *v = hdf_get_value(cfg, key, NULL);
	struct stat st;

	if (need(cfg, key))
		return 1;
	if (stat(v, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	fprintf(stderr, "configuration: %s = %s is not a directory\n", key, v);
	return 1;
}

int gw_config_check(HDF *cfg)
{
	int bad = 0;
	const char *kf;
	struct stat st;

	bad += need(cfg, "DB.Name");
	bad += need(cfg, "DB.User");
	bad += need_dir(cfg, "App.Templates");
	bad += need_dir(cfg, "App.Uploads");
	bad += need(cfg, "App.KeyFile");
	kf = hdf_get_value(cfg, "App.KeyFile", NULL);
	if (kf && stat(kf, &st) != 0) {
		fprintf(stderr, "configuration: key file %s does not exist\n", kf);
		bad++;
	} else if (kf && (st.st_mode & 077)) {
		fprintf(stderr, "configuration: key file %s is readable by others (chmod 600)\n",
			kf);
		bad++;
	}
	if (strcmp(hdf_get_value(cfg, "App.URLStyle", "pretty"), "pretty") &&
	    strcmp(hdf_get_value(cfg, "App.URLStyle", "pretty"), "cgi")) {
		fprintf(stderr, "configuration: App.URLStyle must be pretty or cgi\n");
		bad++;
	}
	return bad;
}
