/* crypto.c — random bytes, digests, AES-256-GCM field sealing, key ring, scrypt passwords. */
/* SHA-256 through its direct functions (deprecated in OpenSSL 3 in favour of
 * EVP, declared still): EVP's first use in a process fetches the algorithm
 * from a provider, 5 million instructions, more than the rest of a plain-CGI
 * page (issue 13); the direct functions run the same implementation. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include "guwen/crypto.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/sha.h>
#include <sys/random.h>

#define SEAL_VERSION 1
#define NONCE_LEN    12
#define TAG_LEN	     16
#define HDR_LEN	     (1 + 1 + NONCE_LEN)

#define SCRYPT_LOG2N 15
#define SCRYPT_R     8
#define SCRYPT_P     3
/* Both hashing and verifying use this cap; raising N or r past it means raising it too
 * (N=2^15 r=8 p=3 needs 128*r*(N+2+p) ~ 34 MB, above OpenSSL's 32 MiB default). */
#define SCRYPT_MAXMEM (64u * 1024 * 1024)
#define SALT_LEN      16
#define PW_HASH_LEN   32

/* A key file is a handful of short lines; anything bigger is not ours. */
#define KEYFILE_MAX 65536

void gw_crypto_one_shot(void)
{
	OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, NULL);
}

/* The kernel's generator (getrandom), which also seeds OpenSSL's: the same
 * quality without setting up OpenSSL's DRBG, about half of what a plain CGI
 * run of the sign-in page spent before its handler. */
int gw_crypto_random(void *buf, size_t n)
{
	unsigned char *p = buf;

	while (n > 0) {
		ssize_t got = getrandom(p, n > 65536 ? 65536 : n, 0);

		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return -1;
		p += got;
		n -= (size_t)got;
	}
	return 0;
}

/* The void digest API has no way to report failure, and a silent wrong digest would make
 * every blind index collide; an allocation failure inside OpenSSL ends the process. */
static void crypto_fatal(const char *what)
{
	fprintf(stderr, "guwen: crypto: %s failed\n", what);
	abort();
}

void gw_crypto_sha256(const void *data, size_t n, unsigned char out[32])
{
	if (!SHA256(data, n, out))
		crypto_fatal("SHA-256");
}

/* HMAC-SHA-256 (RFC 2104): the key's inner and outer hashes, started. */
struct hmac_key {
	SHA256_CTX in, out;
};

static int hmac_key_init(struct hmac_key *k, const unsigned char *key, size_t keylen)
{
	unsigned char block[64] = {0}, pad[64];
	int ok = 1;

	if (keylen > sizeof(block))
		ok = SHA256(key, keylen, block) != NULL;
	else if (keylen)
		memcpy(block, key, keylen);
	for (int i = 0; i < 64; i++)
		pad[i] = block[i] ^ 0x36;
	ok = ok && SHA256_Init(&k->in) && SHA256_Update(&k->in, pad, 64);
	for (int i = 0; i < 64; i++)
		pad[i] = block[i] ^ 0x5c;
	ok = ok && SHA256_Init(&k->out) && SHA256_Update(&k->out, pad, 64);
	OPENSSL_cleanse(block, sizeof(block));
	OPENSSL_cleanse(pad, sizeof(pad));
	return ok ? 0 : -1;
}

/* The key used last, started: most MACs of a process use the same key (the
 * index key), and starting costs as much as the MAC itself. */
static const struct hmac_key *keyed(const unsigned char *key, size_t keylen)
{
	static struct hmac_key k;
	static unsigned char last[64];
	static size_t last_len = (size_t)-1;

	if (keylen == last_len && CRYPTO_memcmp(key, last, keylen) == 0)
		return &k;
	last_len = (size_t)-1;
	if (hmac_key_init(&k, key, keylen))
		return NULL;
	if (keylen <= sizeof(last)) {
		memcpy(last, key, keylen);
		last_len = keylen;
	}
	return &k;
}

/* HMAC-SHA-256 over the concatenation of nparts buffers; 0 or -1. */
static int hmac_parts(const unsigned char *key, size_t keylen, const void *const *parts,
		      const size_t *lens, size_t nparts, unsigned char out[32])
{
	const struct hmac_key *k = keyed(key, keylen);
	unsigned char inner[32];
	SHA256_CTX c;
	int ok;

	if (!k)
		return -1;
	c = k->in;
	ok = 1;
	for (size_t i = 0; i < nparts && ok; i++)
		ok = lens[i] == 0 || SHA256_Update(&c, parts[i], lens[i]);
	ok = ok && SHA256_Final(inner, &c);
	c = k->out;
	ok = ok && SHA256_Update(&c, inner, sizeof(inner)) && SHA256_Final(out, &c);
	OPENSSL_cleanse(&c, sizeof(c));
	return ok ? 0 : -1;
}

void gw_crypto_hmac(const unsigned char *key, size_t keylen, const void *data, size_t n,
		    unsigned char out[32])
{
	const void *parts[1] = {data};
	size_t lens[1] = {n};

	if (hmac_parts(key, keylen, parts, lens, 1, out) != 0)
		crypto_fatal("HMAC-SHA-256");
}

int gw_crypto_equal(const void *a, const void *b, size_t n)
{
	return CRYPTO_memcmp(a, b, n) == 0;
}

void gw_hex_encode(const unsigned char *in, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 15];
	}
	out[2 * n] = '\0';
}

static int hex_digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode exactly 2*outlen hex characters from in (not necessarily NUL-terminated). */
static int hex_decode_n(const char *in, unsigned char *out, size_t outlen)
{
	for (size_t i = 0; i < outlen; i++) {
		int hi = hex_digit((unsigned char)in[2 * i]);
		int lo = hi < 0 ? -1 : hex_digit((unsigned char)in[2 * i + 1]);

		if (lo < 0)
			return -1;
		out[i] = (unsigned char)(hi << 4 | lo);
	}
	return 0;
}

int gw_hex_decode(const char *in, unsigned char *out, size_t outlen)
{
	if (in == NULL || strlen(in) != 2 * outlen)
		return -1;
	return hex_decode_n(in, out, outlen);
}

int gw_crypto_token(size_t n, char *out)
{
	unsigned char buf[32];
	size_t done = 0;
	int rc = -1;

	while (done < n) {
		size_t chunk = n - done < sizeof buf ? n - done : sizeof buf;

		if (gw_crypto_random(buf, chunk) != 0)
			goto out;
		gw_hex_encode(buf, chunk, out + 2 * done);
		done += chunk;
	}
	out[2 * n] = '\0';
	rc = 0;
out:
	OPENSSL_cleanse(buf, sizeof buf);
	return rc;
}

/* ---- key ring ---- */

void gw_keyring_clear(struct gw_keyring *kr)
{
	OPENSSL_cleanse(kr, sizeof *kr);
}

/* Key ids are 1..255 so they fit the one header byte; plain decimal only. */
static int parse_key_id(const char *s)
{
	int v = 0;

	if (*s == '\0' || strlen(s) > 3)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v >= 1 && v <= 255 ? v : -1;
}

static int keyring_find(const struct gw_keyring *kr, int id)
{
	for (int i = 0; i < kr->n; i++)
		if (kr->ids[i] == id)
			return i;
	return -1;
}

/* Split a line into exactly two blank-separated words; modifies line. */
static int split_two(char *line, char **a, char **b)
{
	char *save = NULL;

	*a = strtok_r(line, " \t\r", &save);
	*b = strtok_r(NULL, " \t\r", &save);
	return *a && *b && strtok_r(NULL, " \t\r", &save) == NULL ? 0 : -1;
}

static int add_key(struct gw_keyring *kr, const char *idstr, const char *hex)
{
	int id = parse_key_id(idstr);

	if (id < 0 || kr->n >= GW_MAX_KEYS || keyring_find(kr, id) >= 0)
		return -1;
	if (gw_hex_decode(hex, kr->keys[kr->n], GW_KEY_LEN) != 0)
		return -1;
	kr->ids[kr->n++] = id;
	return 0;
}

/* One line of the key file; *current_id collects a "current" line. */
static int parse_key_line(struct gw_keyring *kr, char *line, int *current_id)
{
	char *a, *b;

	line += strspn(line, " \t\r");
	if (*line == '\0' || *line == '#')
		return 0;
	if (split_two(line, &a, &b) != 0)
		return -1;
	if (strcmp(a, "current") == 0) {
		if (*current_id != 0)
			return -1;
		*current_id = parse_key_id(b);
		return *current_id > 0 ? 0 : -1;
	}
	if (strcmp(a, "index") == 0) {
		if (kr->has_index_key || gw_hex_decode(b, kr->index_key, GW_KEY_LEN) != 0)
			return -1;
		kr->has_index_key = 1;
		return 0;
	}
	return add_key(kr, a, b);
}

static int pick_current(struct gw_keyring *kr, int current_id)
{
	if (kr->n == 0)
		return -1;
	if (current_id != 0) {
		kr->current = keyring_find(kr, current_id);
		return kr->current >= 0 ? 0 : -1;
	}
	kr->current = 0;
	for (int i = 1; i < kr->n; i++)
		if (kr->ids[i] > kr->ids[kr->current])
			kr->current = i;
	return 0;
}

static int parse_keyfile(struct gw_keyring *kr, char *text)
{
	int current_id = 0;
	char *save = NULL;

	for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		if (parse_key_line(kr, line, &current_id) != 0)
			return -1;
	return pick_current(kr, current_id);
}

/* Read the whole (small, private) file into a NUL-terminated heap buffer of bufsz bytes. */
static int read_keyfile(int fd, char **buf, size_t *bufsz)
{
	struct stat st;
	size_t len = 0;

	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (st.st_mode & 077) != 0)
		return -1;
	if (st.st_size <= 0 || st.st_size > KEYFILE_MAX)
		return -1;
	*bufsz = (size_t)st.st_size + 1;
	if ((*buf = calloc(1, *bufsz)) == NULL)
		return -1;
	while (len < *bufsz - 1) {
		ssize_t r = read(fd, *buf + len, *bufsz - 1 - len);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		len += (size_t)r;
	}
	/* A short read or an embedded NUL would hide part of the file from the parser. */
	return len == *bufsz - 1 && memchr(*buf, '\0', len) == NULL ? 0 : -1;
}

int gw_keyring_load(struct gw_keyring *kr, const char *path)
{
	char *buf = NULL;
	size_t bufsz = 0;
	int fd, rc = -1;

	memset(kr, 0, sizeof *kr);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0)
		return -1;
	if (read_keyfile(fd, &buf, &bufsz) != 0)
		goto out;
	rc = parse_keyfile(kr, buf);
out:
	if (buf) {
		OPENSSL_cleanse(buf, bufsz);
		free(buf);
	}
	close(fd);
	if (rc != 0)
		gw_keyring_clear(kr);
	return rc;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Text of a new key file: key 1 and an index key, both fresh. */
static int format_new_keyfile(char *text, size_t textsz)
{
	unsigned char raw[2][GW_KEY_LEN];
	char hex[2][2 * GW_KEY_LEN + 1];
	int n, rc = -1;

	if (gw_crypto_random(raw, sizeof raw) != 0)
		goto out;
	gw_hex_encode(raw[0], GW_KEY_LEN, hex[0]);
	gw_hex_encode(raw[1], GW_KEY_LEN, hex[1]);
	n = snprintf(text, textsz,
		     "# guwen keys: \"<id> <hex key>\", \"current <id>\", \"index <hex key>\".\n"
		     "# Keep mode 0600. To rotate, add a new id and point current at it;\n"
		     "# never delete an id while values sealed with it remain.\n"
		     "1 %s\ncurrent 1\nindex %s\n",
		     hex[0], hex[1]);
	rc = n > 0 && (size_t)n < textsz ? 0 : -1;
out:
	OPENSSL_cleanse(raw, sizeof raw);
	OPENSSL_cleanse(hex, sizeof hex);
	return rc;
}

int gw_keyring_create(const char *path)
{
	char text[512];
	int fd, rc = -1;

	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0)
		return -1;
	if (format_new_keyfile(text, sizeof text) != 0)
		goto out;
	if (write_all(fd, text, strlen(text)) != 0 || fsync(fd) != 0)
		goto out;
	rc = 0;
out:
	OPENSSL_cleanse(text, sizeof text);
	if (close(fd) != 0)
		rc = -1;
	if (rc != 0)
		unlink(path);
	return rc;
}

/* ---- sealed fields ---- */

/* Associated data is the version and key id bytes followed by the caller's ad string,
 * so the header cannot be swapped without failing the tag. */
static int gcm_add_ad(EVP_CIPHER_CTX *ctx, const unsigned char hdr[2], const char *ad)
{
	size_t adlen = ad ? strlen(ad) : 0;
	int len;

	if (adlen > INT_MAX || EVP_CipherUpdate(ctx, NULL, &len, hdr, 2) != 1)
		return -1;
	if (adlen > 0 &&
	    EVP_CipherUpdate(ctx, NULL, &len, (const unsigned char *)ad, (int)adlen) != 1)
		return -1;
	return 0;
}

int gw_crypto_seal(const struct gw_keyring *kr, const char *ad, const void *in, size_t n,
		   unsigned char *out)
{
	EVP_CIPHER_CTX *ctx = NULL;
	unsigned char *ct = out + HDR_LEN;
	int len, rc = -1;

	if (kr->n <= 0 || kr->current < 0 || kr->current >= kr->n || n > INT_MAX)
		return -1;
	out[0] = SEAL_VERSION;
	out[1] = (unsigned char)kr->ids[kr->current];
	if (gw_crypto_random(out + 2, NONCE_LEN) != 0)
		return -1;
	if ((ctx = EVP_CIPHER_CTX_new()) == NULL)
		goto out;
	if (EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, kr->keys[kr->current], out + 2) != 1)
		goto out;
	if (gcm_add_ad(ctx, out, ad) != 0)
		goto out;
	if (n > 0 && EVP_EncryptUpdate(ctx, ct, &len, in, (int)n) != 1)
		goto out;
	if (EVP_EncryptFinal_ex(ctx, ct + n, &len) != 1)
		goto out;
	if (EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, TAG_LEN, ct + n) != 1)
		goto out;
	rc = 0;
out:
	EVP_CIPHER_CTX_free(ctx);
	return rc;
}

int gw_crypto_open(const struct gw_keyring *kr, const char *ad, const unsigned char *in,
		   size_t inlen, unsigned char *out, size_t *outlen)
{
	EVP_CIPHER_CTX *ctx = NULL;
	size_t n;
	int k, len, rc = -1;

	if (inlen < GW_SEAL_OVERHEAD || inlen - GW_SEAL_OVERHEAD > INT_MAX)
		return -1;
	n = inlen - GW_SEAL_OVERHEAD;
	if (in[0] != SEAL_VERSION || (k = keyring_find(kr, in[1])) < 0)
		return -1;
	if ((ctx = EVP_CIPHER_CTX_new()) == NULL)
		goto out;
	if (EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, kr->keys[k], in + 2) != 1)
		goto out;
	if (gcm_add_ad(ctx, in, ad) != 0)
		goto out;
	if (n > 0 && EVP_DecryptUpdate(ctx, out, &len, in + HDR_LEN, (int)n) != 1)
		goto out;
	if (EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, TAG_LEN, (void *)(in + HDR_LEN + n)) !=
	    1)
		goto out;
	if (EVP_DecryptFinal_ex(ctx, out + n, &len) != 1)
		goto out;
	*outlen = n;
	rc = 0;
out:
	/* Never leave unauthenticated plaintext behind for a caller that ignores rc. */
	if (rc != 0)
		OPENSSL_cleanse(out, n);
	EVP_CIPHER_CTX_free(ctx);
	return rc;
}

int gw_crypto_blind_index(const struct gw_keyring *kr, const char *domain, const char *value,
			  char out[65])
{
	unsigned char mac[32];
	const void *parts[3] = {domain, "|", value};
	size_t lens[3];

	/* A '|' in the domain would let ("a|b", "c") and ("a", "b|c") collide. */
	if (!kr->has_index_key || domain == NULL || value == NULL || strchr(domain, '|'))
		return -1;
	lens[0] = strlen(domain);
	lens[1] = 1;
	lens[2] = strlen(value);
	if (hmac_parts(kr->index_key, GW_KEY_LEN, parts, lens, 3, mac) != 0)
		return -1;
	gw_hex_encode(mac, sizeof mac, out);
	OPENSSL_cleanse(mac, sizeof mac);
	return 0;
}

/* ---- passwords ---- */

struct scrypt_params {
	unsigned log2n, r, p;
	unsigned char salt[SALT_LEN];
	unsigned char hash[PW_HASH_LEN];
};

static int scrypt_derive(const char *password, const struct scrypt_params *sp,
			 unsigned char out[PW_HASH_LEN])
{
	return EVP_PBE_scrypt(password, strlen(password), sp->salt, SALT_LEN,
			      (uint64_t)1 << sp->log2n, sp->r, sp->p, SCRYPT_MAXMEM, out,
			      PW_HASH_LEN) == 1
		   ? 0
		   : -1;
}

int gw_password_hash(const char *password, char *out, size_t outsz)
{
	struct scrypt_params sp = {SCRYPT_LOG2N, SCRYPT_R, SCRYPT_P, {0}, {0}};
	char salthex[2 * SALT_LEN + 1], hashhex[2 * PW_HASH_LEN + 1];
	int n, rc = -1;

	if (password == NULL || gw_crypto_random(sp.salt, SALT_LEN) != 0)
		goto out;
	if (scrypt_derive(password, &sp, sp.hash) != 0)
		goto out;
	gw_hex_encode(sp.salt, SALT_LEN, salthex);
	gw_hex_encode(sp.hash, PW_HASH_LEN, hashhex);
	n = snprintf(out, outsz, "scrypt$%u$%u$%u$%s$%s", sp.log2n, sp.r, sp.p, salthex, hashhex);
	rc = n > 0 && (size_t)n < outsz ? 0 : -1;
out:
	OPENSSL_cleanse(&sp, sizeof sp);
	OPENSSL_cleanse(hashhex, sizeof hashhex);
	return rc;
}

/* Parse 1-2 decimal digits then '$' at *s, within [lo, hi]; advances *s past the '$'. */
static int parse_param(const char **s, unsigned lo, unsigned hi, unsigned *v)
{
	const char *p = *s;
	unsigned x = 0;

	if (*p < '1' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9' && p - *s < 2; p++)
		x = x * 10 + (unsigned)(*p - '0');
	if (*p != '$' || x < lo || x > hi)
		return -1;
	*s = p + 1;
	*v = x;
	return 0;
}

static int parse_encoded(const char *s, struct scrypt_params *sp)
{
	if (strncmp(s, "scrypt$", 7) != 0)
		return -1;
	s += 7;
	if (parse_param(&s, 10, 20, &sp->log2n) != 0 || parse_param(&s, 1, 16, &sp->r) != 0 ||
	    parse_param(&s, 1, 16, &sp->p) != 0)
		return -1;
	if (strnlen(s, 2 * SALT_LEN + 1) != 2 * SALT_LEN + 1 || s[2 * SALT_LEN] != '$' ||
	    hex_decode_n(s, sp->salt, SALT_LEN) != 0)
		return -1;
	s += 2 * SALT_LEN + 1;
	return gw_hex_decode(s, sp->hash, PW_HASH_LEN);
}

int gw_password_verify(const char *password, const char *encoded)
{
	struct scrypt_params sp;
	unsigned char got[PW_HASH_LEN];
	int ok = 0;

	if (password == NULL || encoded == NULL || parse_encoded(encoded, &sp) != 0)
		goto out;
	if (scrypt_derive(password, &sp, got) != 0)
		goto out;
	ok = CRYPTO_memcmp(got, sp.hash, PW_HASH_LEN) == 0;
out:
	OPENSSL_cleanse(&sp, sizeof sp);
	OPENSSL_cleanse(got, sizeof got);
	return ok;
}
