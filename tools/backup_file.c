/* backup_file.c — the backup file's chunked, compressed, encrypted record
 * stream (format in backup_file.h). */
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <zlib.h>

#include "backup_file.h"

#define CHUNK 65536
#define TAG   16
#define HDR   36 /* magic, key id, salt, key check */
#define LAST  0x80000000u

struct bk_stream {
	FILE *f;
	EVP_CIPHER_CTX *c;
	z_stream z;
	unsigned char key[32], hdr[HDR];
	uint64_t seq;
	int last; /* reader: the last chunk was read */
	int zend; /* reader: the compressed stream ended */
	const char *why;
	unsigned char in[CHUNK + TAG]; /* compressed bytes (plaintext of a chunk) */
	size_t nin, pos;
	unsigned char out[CHUNK]; /* writer: compressed output; reader: inflated */
	size_t nout, opos;
};

static void put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24), p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8), p[3] = (unsigned char)v;
}

static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void derive(struct bk_stream *s, const unsigned char *master)
{
	unsigned char msg[15 + 16];

	memcpy(msg, "guwen-backup-v1", 15);
	memcpy(msg + 15, s->hdr + 12, 16);
	gw_crypto_hmac(master, GW_KEY_LEN, msg, sizeof(msg), s->key);
}

/* 8 bytes that show whether a reader derived the same key. */
static void key_check(const struct bk_stream *s, unsigned char out[8])
{
	unsigned char mac[32];

	gw_crypto_hmac(s->key, sizeof(s->key), "key check", 9, mac);
	memcpy(out, mac, 8);
}

static void nonce_of(uint64_t seq, unsigned char iv[12])
{
	memset(iv, 0, 12);
	put32(iv + 4, (uint32_t)(seq >> 32));
	put32(iv + 8, (uint32_t)seq);
}

/* AES-256-GCM over one chunk; enc 1 seals (tag written), 0 opens (tag checked). */
static int gcm(struct bk_stream *s, int enc, const unsigned char *lenfield, const unsigned char *in,
	       size_t n, unsigned char *out, unsigned char *tag)
{
	unsigned char iv[12];
	int l = 0, ok;

	nonce_of(s->seq++, iv);
	ok = EVP_CipherInit_ex(s->c, EVP_aes_256_gcm(), NULL, s->key, iv, enc) == 1 &&
	     EVP_CipherUpdate(s->c, NULL, &l, s->hdr, HDR) == 1 &&
	     EVP_CipherUpdate(s->c, NULL, &l, lenfield, 4) == 1 &&
	     (n == 0 || EVP_CipherUpdate(s->c, out, &l, in, (int)n) == 1);
	if (ok && !enc)
		ok = EVP_CIPHER_CTX_ctrl(s->c, EVP_CTRL_GCM_SET_TAG, TAG, tag) == 1;
	ok = ok && EVP_CipherFinal_ex(s->c, out + (n ? l : 0), &l) == 1;
	if (ok && enc)
		ok = EVP_CIPHER_CTX_ctrl(s->c, EVP_CTRL_GCM_GET_TAG, TAG, tag) == 1;
	return ok ? 0 : -1;
}

static struct bk_stream *stream_new(FILE *f)
{
	struct bk_stream *s = calloc(1, sizeof(*s));

	if (s && !(s->c = EVP_CIPHER_CTX_new())) {
		free(s);
		return NULL;
	}
	if (s)
		s->f = f;
	return s;
}

static void stream_free(struct bk_stream *s)
{
	EVP_CIPHER_CTX_free(s->c);
	OPENSSL_cleanse(s->key, sizeof(s->key));
	free(s);
}

/* ---- writing ---- */

static int seal_chunk(struct bk_stream *s, int last)
{
	unsigned char lenfield[4], tag[TAG], *ct = malloc(s->nout ? s->nout : 1);
	int rc;

	if (!ct)
		return -1;
	put32(lenfield, (uint32_t)s->nout | (last ? LAST : 0));
	rc = gcm(s, 1, lenfield, s->out, s->nout, ct, tag) || fwrite(lenfield, 4, 1, s->f) != 1 ||
	     (s->nout && fwrite(ct, s->nout, 1, s->f) != 1) || fwrite(tag, TAG, 1, s->f) != 1;
	free(ct);
	s->nout = 0;
	return rc ? -1 : 0;
}

/* Deflate what is in z's input; flush Z_NO_FLUSH or Z_FINISH. */
static int deflate_some(struct bk_stream *s, int flush)
{
	int zr;

	do {
		s->z.next_out = s->out + s->nout;
		s->z.avail_out = (uInt)(CHUNK - s->nout);
		zr = deflate(&s->z, flush);
		if (zr == Z_STREAM_ERROR)
			return -1;
		s->nout = CHUNK - s->z.avail_out;
		if (s->nout == CHUNK && seal_chunk(s, 0))
			return -1;
	} while (s->z.avail_in > 0 || (flush == Z_FINISH && zr != Z_STREAM_END));
	return 0;
}

struct bk_stream *bk_write_open(FILE *f, const struct gw_keyring *kr)
{
	struct bk_stream *s = stream_new(f);

	if (!s)
		return NULL;
	memcpy(s->hdr, "GUWENBK1", 8);
	put32(s->hdr + 8, (uint32_t)kr->ids[kr->current]);
	if (gw_crypto_random(s->hdr + 12, 16) || deflateInit(&s->z, 6) != Z_OK) {
		stream_free(s);
		return NULL;
	}
	derive(s, kr->keys[kr->current]);
	key_check(s, s->hdr + 28);
	if (fwrite(s->hdr, HDR, 1, f) != 1) {
		deflateEnd(&s->z);
		stream_free(s);
		return NULL;
	}
	return s;
}

int bk_write(struct bk_stream *s, const void *data, size_t n)
{
	s->z.next_in = (Bytef *)data;
	s->z.avail_in = (uInt)n;
	return deflate_some(s, Z_NO_FLUSH);
}

int bk_record(struct bk_stream *s, char type, uint32_t count, const char *name, uint64_t len)
{
	unsigned char h[1 + 4 + 2], l[8];
	size_t nl = strlen(name);

	h[0] = (unsigned char)type;
	put32(h + 1, count);
	h[5] = (unsigned char)(nl >> 8), h[6] = (unsigned char)nl;
	put32(l, (uint32_t)(len >> 32));
	put32(l + 4, (uint32_t)len);
	return nl > 4096 || bk_write(s, h, sizeof(h)) || bk_write(s, name, nl) ||
		       bk_write(s, l, sizeof(l))
		   ? -1
		   : 0;
}

int bk_write_close(struct bk_stream *s)
{
	int rc = deflate_some(s, Z_FINISH) || seal_chunk(s, 1) ? -1 : 0;

	deflateEnd(&s->z);
	stream_free(s);
	return rc;
}

/* ---- reading ---- */

struct bk_stream *bk_read_open(FILE *f, const struct gw_keyring *kr, const char **why)
{
	struct bk_stream *s = stream_new(f);
	unsigned char check[8];
	int id;

	*why = "out of memory";
	if (!s)
		return NULL;
	if (fread(s->hdr, HDR, 1, f) != 1 || memcmp(s->hdr, "GUWENBK1", 8)) {
		*why = "not a guwen backup file";
	} else {
		id = (int)get32(s->hdr + 8);
		for (int i = 0; i < kr->n; i++)
			if (kr->ids[i] == id)
				derive(s, kr->keys[i]), *why = NULL;
		if (!*why)
			key_check(s, check);
		if (*why || memcmp(check, s->hdr + 28, 8))
			*why = "made with a key that is not in the key file";
		else if (inflateInit(&s->z) != Z_OK)
			*why = "out of memory";
		else
			return s;
	}
	stream_free(s);
	return NULL;
}

static int fail(struct bk_stream *s, const char *why)
{
	if (!s->why)
		s->why = why;
	return -1;
}

/* The next chunk's plaintext into s->in. */
static int open_chunk(struct bk_stream *s)
{
	unsigned char lenfield[4], ct[CHUNK + TAG];
	uint32_t n;

	if (s->last)
		return fail(s, "data after the end of the backup");
	if (fread(lenfield, 4, 1, s->f) != 1)
		return fail(s, "the file is cut short (truncated): no final chunk");
	n = get32(lenfield) & ~LAST;
	if (s->zend)
		return fail(s, "damaged: data after the end record");
	if (n > CHUNK)
		return fail(s, "damaged: a chunk length is out of range");
	if (fread(ct, n + TAG, 1, s->f) != 1)
		return fail(s, "the file is cut short (truncated) inside a chunk");
	if (gcm(s, 0, lenfield, ct, n, s->in, ct + n))
		return fail(s, "the file was changed (tampered or damaged): a chunk fails"
			       " its authentication");
	s->last = (get32(lenfield) & LAST) != 0;
	s->nin = n;
	s->pos = 0;
	return 0;
}

/* Inflate more bytes into s->out. */
static int refill(struct bk_stream *s)
{
	int zr = Z_OK;

	s->opos = s->nout = 0;
	while (s->nout == 0) {
		if (s->pos == s->nin && open_chunk(s))
			return -1;
		s->z.next_in = s->in + s->pos;
		s->z.avail_in = (uInt)(s->nin - s->pos);
		s->z.next_out = s->out;
		s->z.avail_out = CHUNK;
		zr = inflate(&s->z, Z_NO_FLUSH);
		s->pos = s->nin - s->z.avail_in;
		s->nout = CHUNK - s->z.avail_out;
		if (zr != Z_OK && zr != Z_STREAM_END && zr != Z_BUF_ERROR)
			return fail(s, "damaged: the compressed data is not valid");
		if (zr == Z_STREAM_END)
			s->zend = 1;
		if (s->zend && s->nout == 0)
			return fail(s, "the records end early");
	}
	return 0;
}

int bk_at_end(struct bk_stream *s)
{
	if (s->opos < s->nout)
		return fail(s, "damaged: data after the end record");
	while (!s->zend) {
		if (refill(s) == 0)
			return fail(s, "damaged: data after the end record");
		if (!s->zend)
			return -1;
		s->why = NULL;
	}
	if (!s->last || s->pos != s->nin || fgetc(s->f) != EOF)
		return fail(s, "damaged: data after the end of the backup");
	return 0;
}

int bk_read(struct bk_stream *s, void *buf, size_t n)
{
	unsigned char *p = buf;

	while (n > 0) {
		size_t k;

		if (s->opos == s->nout && refill(s))
			return -1;
		k = s->nout - s->opos < n ? s->nout - s->opos : n;
		memcpy(p, s->out + s->opos, k);
		s->opos += k, p += k, n -= k;
	}
	return 0;
}

int bk_next(struct bk_stream *s, char *type, uint32_t *count, char *name, size_t namesz,
	    uint64_t *len)
{
	unsigned char h[7], l[8];
	size_t nl;

	if (bk_read(s, h, sizeof(h)))
		return -1;
	*type = (char)h[0];
	*count = get32(h + 1);
	nl = (size_t)h[5] << 8 | h[6];
	if (nl >= namesz || bk_read(s, name, nl) || bk_read(s, l, sizeof(l)))
		return fail(s, "damaged: a record header is not valid");
	name[nl] = '\0';
	*len = (uint64_t)get32(l) << 32 | get32(l + 4);
	return 1;
}

const char *bk_error(const struct bk_stream *s)
{
	return s->why ? s->why : "cannot read";
}

void bk_read_close(struct bk_stream *s)
{
	inflateEnd(&s->z);
	stream_free(s);
}
