/* upload.c — content-checked uploads stored outside the web root. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guwen/config.h"
#include "guwen/log.h"
#include "guwen/upload.h"

const char *gw_upload_sniff(const void *data, size_t n)
{
	const unsigned char *p = data;

	if (n >= 3 && !memcmp(p, "\xFF\xD8\xFF", 3))
		return "image/jpeg";
	if (n >= 8 && !memcmp(p, "\x89PNG\r\n\x1A\n", 8))
		return "image/png";
	if (n >= 6 && (!memcmp(p, "GIF87a", 6) || !memcmp(p, "GIF89a", 6)))
		return "image/gif";
	if (n >= 12 && !memcmp(p, "RIFF", 4) && !memcmp(p + 8, "WEBP", 4))
		return "image/webp";
	if (n >= 5 && !memcmp(p, "%PDF-", 5))
		return "application/pdf";
	return NULL;
}

static int path_of(struct gw_ctx *ctx, const char *name, char *out, size_t outsz)
{
	const char *dir = hdf_get_value(ctx->cfg, "App.Uploads", NULL);

	if (!dir || strspn(name, "0123456789abcdef") != strlen(name) || strlen(name) != 32)
		return -1;
	snprintf(out, outsz, "%s/%.2s/%s", dir, name, name);
	return 0;
}

int gw_upload_store(struct gw_ctx *ctx, const void *data, size_t n, char name_out[33])
{
	char path[1024];
	int fd;
	ssize_t w;

	if (gw_crypto_token(16, name_out) || path_of(ctx, name_out, path, sizeof(path)))
		return -1;
	*strrchr(path, '/') = '\0';
	mkdir(path, 0700);
	path[strlen(path)] = '/';
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		char who[128];
		int e = errno;

		gw_config_whoami(who, sizeof(who));
		gw_log_error("cannot store an upload in App.Uploads = %s as user %s: %s",
			     hdf_get_value(ctx->cfg, "App.Uploads", ""), who, strerror(e));
		return -1;
	}
	w = write(fd, data, n);
	if (close(fd) || w != (ssize_t)n) {
		gw_log_error("cannot write an upload into App.Uploads: %s",
			     w < 0 ? strerror(errno) : "short write (disk full?)");
		unlink(path);
		return -1;
	}
	return 0;
}

void gw_upload_remove(struct gw_ctx *ctx, const char *stored_name)
{
	char path[1024];

	if (!path_of(ctx, stored_name, path, sizeof(path)))
		unlink(path);
}

/* The extension a file of a sniffed type is opened by. */
static const char *extension_of(const char *ctype)
{
	static const char *const map[][2] = {
	    {"image/jpeg", "jpg"},
	    {"image/png", "png"},
	    {"image/gif", "gif"},
	    {"image/webp", "webp"},
	    {"application/pdf", "pdf"},
	    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"},
	};

	for (size_t i = 0; ctype && i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(ctype, map[i][0]))
			return map[i][1];
	return "bin";
}

/* The length of the UTF-8 sequence that starts with b; 0 for a stray byte. */
static int sequence_length(unsigned char b)
{
	if (b < 0x80)
		return 1;
	if ((b & 0xE0) == 0xC0)
		return 2;
	if ((b & 0xF0) == 0xE0)
		return 3;
	return (b & 0xF8) == 0xF0 ? 4 : 0;
}

/* The code point of the UTF-8 sequence at s and its length in *len (1 for a
 * stray or cut byte, returned as U+FFFD). Stops at the string's end. */
static unsigned decode(const unsigned char *s, int *len)
{
	int n = sequence_length(*s);
	unsigned c = n == 1 ? *s : *s & (0x7Fu >> n);

	*len = 1;
	for (int i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0xFFFD;
		c = c << 6 | (s[i] & 0x3Fu);
	}
	if (!n)
		return 0xFFFD;
	*len = n;
	return c;
}

/* Characters a file name shown by a browser or a file manager must not hold:
 * controls, and the bidirectional marks that make "a\u202Egnp.html" read as
 * "almth.png". Path separators and quotes go too. */
static int unwanted(unsigned c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x200E || c == 0x200F ||
	       (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x061C ||
	       c == 0xFFFD || c == '/' || c == '\\' || c == '"';
}

size_t gw_upload_download_name(const char *orig, const char *ctype, char *out, size_t outsz)
{
	const char *ext = extension_of(ctype);
	size_t n = 0, max = outsz - strlen(ext) - 2;
	char *dot;

	for (const unsigned char *s = (const unsigned char *)(orig ? orig : ""); *s;) {
		int len;
		unsigned c = decode(s, &len);

		if (!unwanted(c) && n + (size_t)len <= max && !(c == '.' && n == 0)) {
			memcpy(out + n, s, (size_t)len);
			n += (size_t)len;
		}
		s += len;
	}
	out[n] = '\0';
	if ((dot = strrchr(out, '.')))
		*dot = '\0'; /* the extension it came with says nothing: the bytes do */
	if (!out[0])
		snprintf(out, outsz, "attachment");
	n = strlen(out);
	return n + (size_t)snprintf(out + n, outsz - n, ".%s", ext);
}

/* RFC 5987 encoding of a file name for filename*=UTF-8''..., in the arena. */
static const char *encode_name(struct gw_arena *a, const char *name)
{
	static const char hex[] = "0123456789ABCDEF";
	char *enc = gw_arena_alloc(a, strlen(name) * 3 + 1), *e = enc;

	for (const unsigned char *s = (const unsigned char *)name; *s; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || strchr("._-", *s)) {
			*e++ = (char)*s;
		} else {
			*e++ = '%';
			*e++ = hex[*s >> 4];
			*e++ = hex[*s & 15];
		}
	}
	*e = '\0';
	return enc;
}

int gw_upload_send(struct gw_ctx *ctx, const char *stored_name, const char *orig_name,
		   const char *ctype)
{
	char path[1024], buf[65536], name[256];
	FILE *f;
	size_t n;

	if (path_of(ctx, stored_name, path, sizeof(path)) || !(f = fopen(path, "rb")))
		return -1;
	gw_buf_reset(&ctx->resp.body);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		gw_buf_append(&ctx->resp.body, buf, n);
	fclose(f);
	ctx->resp.ctype = ctype;
	gw_upload_download_name(orig_name, ctype, name, sizeof(name));
	gw_response_header(
	    &ctx->resp, "Content-Disposition",
	    gw_arena_printf(&ctx->arena, "attachment; filename=\"attachment\"; filename*=UTF-8''%s",
			    encode_name(&ctx->arena, name)));
	return 0;
}

const char *gw_upload_short_name(struct gw_ctx *ctx, const char *name)
{
	size_t n = strlen(name);

	if (n <= 200)
		return name;
	n = 200;
	while (n > 0 && ((unsigned char)name[n] & 0xC0) == 0x80)
		n--;
	return gw_arena_strndup(&ctx->arena, name, n);
}
