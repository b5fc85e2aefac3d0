/* mail_mime.c — build the Internet message of a queued mail. */
#include <openssl/evp.h>
#include <string.h>
#include <time.h>

#include "guwen/mail_mime.h"

#define WORD_BYTES 45 /* 60 base64 characters: an encoded-word of 72 bytes */

static void b64(struct gw_buf *out, const unsigned char *p, size_t n)
{
	unsigned char enc[4 * ((WORD_BYTES + 2) / 3) + 1];

	while (n > 0) {
		size_t k = n < WORD_BYTES ? n : WORD_BYTES;
		int m = EVP_EncodeBlock(enc, p, (int)k);

		gw_buf_append(out, enc, (size_t)m);
		p += k;
		n -= k;
	}
}

/* Printable ASCII that needs no encoding (and cannot look like an encoded-word). */
static int plain(const char *s, const char *also_bad)
{
	if (strlen(s) > 60 || strstr(s, "=?"))
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p > 0x7e || strchr(also_bad, *p))
			return 0;
	return 1;
}

/* The longest prefix of s (at most max bytes) that ends at a character boundary. */
static size_t utf8_cut(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max ? max : 1;
}

void gw_mime_word(struct gw_buf *out, const char *s)
{
	size_t n = strlen(s);

	if (plain(s, "")) {
		gw_buf_puts(out, s);
		return;
	}
	for (int first = 1; n > 0 || first; first = 0) {
		size_t k = utf8_cut(s, n, WORD_BYTES);

		gw_buf_puts(out, first ? "=?UTF-8?B?" : "\r\n =?UTF-8?B?");
		b64(out, (const unsigned char *)s, k);
		gw_buf_puts(out, "?=");
		s += k;
		n -= k;
	}
}

/* base64 in lines of 76 characters, each ended by CRLF. */
static void b64_body(struct gw_buf *out, const char *s)
{
	size_t n = strlen(s);
	unsigned char line[77];

	while (n > 0) {
		size_t k = n < 57 ? n : 57;
		int m = EVP_EncodeBlock(line, (const unsigned char *)s, (int)k);

		gw_buf_append(out, line, (size_t)m);
		gw_buf_puts(out, "\r\n");
		s += k;
		n -= k;
	}
}

static void date_header(struct gw_buf *out, int64_t t)
{
	static const char days[][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char months[][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	gw_buf_printf(out, "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\r\n", days[tm.tm_wday],
		      tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
		      tm.tm_sec);
}

static void part(struct gw_buf *out, const char *ctype, const char *s)
{
	gw_buf_printf(out,
		      "Content-Type: %s; charset=UTF-8\r\n"
		      "Content-Transfer-Encoding: base64\r\n\r\n",
		      ctype);
	b64_body(out, s);
}

static int bad(const char *s)
{
	return !s || strpbrk(s, "\r\n") != NULL;
}

static void headers(struct gw_buf *out, const struct gw_mime *m)
{
	gw_buf_puts(out, "From: ");
	if (m->from_name && *m->from_name) {
		if (plain(m->from_name, "\"(),.:;<>@[\\]"))
			gw_buf_puts(out, m->from_name);
		else
			gw_mime_word(out, m->from_name);
		gw_buf_printf(out, " <%s>\r\n", m->from_addr);
	} else {
		gw_buf_printf(out, "%s\r\n", m->from_addr);
	}
	gw_buf_printf(out, "To: %s\r\nSubject: ", m->to);
	gw_mime_word(out, m->subject);
	gw_buf_puts(out, "\r\n");
	date_header(out, m->date);
	gw_buf_printf(out,
		      "Message-ID: %s\r\nMIME-Version: 1.0\r\n"
		      "Auto-Submitted: auto-generated\r\n",
		      m->message_id);
}

int gw_mime_build(struct gw_buf *out, const struct gw_mime *m)
{
	if (!m->from_addr || !*m->from_addr || bad(m->from_addr) || bad(m->to) || bad(m->subject) ||
	    bad(m->message_id) || (m->from_name && bad(m->from_name)) || !m->text)
		return -1;
	headers(out, m);
	if (!m->html || !*m->html) {
		part(out, "text/plain", m->text);
		return 0;
	}
	gw_buf_printf(out,
		      "Content-Type: multipart/alternative; boundary=\"%s\"\r\n\r\n"
		      "--%s\r\n",
		      m->boundary, m->boundary);
	part(out, "text/plain", m->text);
	gw_buf_printf(out, "\r\n--%s\r\n", m->boundary);
	part(out, "text/html", m->html);
	gw_buf_printf(out, "\r\n--%s--\r\n", m->boundary);
	return 0;
}
