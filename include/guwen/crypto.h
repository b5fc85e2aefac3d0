/* crypto.h — random bytes, SHA-256, HMAC, AES-256-GCM field encryption with key
 * ids, blind index, password hashing (scrypt), hex. OpenSSL 3 inside. */
#ifndef GUWEN_CRYPTO_H
#define GUWEN_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

#define GW_KEY_LEN  32
#define GW_MAX_KEYS 16

/* Fill buf with n cryptographically random bytes; 0 on success, -1 on failure. */
int gw_crypto_random(void *buf, size_t n);
/* For a process that serves one request (plain CGI), before any other OpenSSL
 * call: OpenSSL without its clean-up at exit, which frees what the process
 * ending frees anyway. */
void gw_crypto_one_shot(void);
/* SHA-256 of data into out[32]. */
void gw_crypto_sha256(const void *data, size_t n, unsigned char out[32]);
/* HMAC-SHA-256 into out[32]. */
void gw_crypto_hmac(const unsigned char *key, size_t keylen, const void *data, size_t n,
		    unsigned char out[32]);
/* Constant-time comparison; 1 if equal. */
int gw_crypto_equal(const void *a, const void *b, size_t n);
/* Lower-case hex of n bytes into out (2n+1 bytes, NUL-terminated). */
void gw_hex_encode(const unsigned char *in, size_t n, char *out);
/* Decode exactly outlen bytes of hex; 0 on success, -1 if malformed or wrong length. */
int gw_hex_decode(const char *in, unsigned char *out, size_t outlen);
/* A random token: n random bytes as hex into out (2n+1 bytes). 0 or -1. */
int gw_crypto_token(size_t n, char *out);

/* The key ring: keys by id, one of them current (used for new encryptions).
 * Key file format, one key per line: "<id> <64 hex chars>"; '#' comments; the
 * line "current <id>" picks the current key (else the highest id); the line
 * "index <64 hex>" is the blind-index / token-signing key. The file must not be
 * readable by group or others (returns -1 if it is). */
struct gw_keyring {
	int ids[GW_MAX_KEYS];
	unsigned char keys[GW_MAX_KEYS][GW_KEY_LEN];
	int n;
	int current; /* index into ids/keys */
	unsigned char index_key[GW_KEY_LEN];
	int has_index_key;
};
int gw_keyring_load(struct gw_keyring *kr, const char *path);
/* Write a new key file with key id 1 and an index key (mode 0600); fails if it exists. */
int gw_keyring_create(const char *path);
/* Wipe the key material. */
void gw_keyring_clear(struct gw_keyring *kr);

/* Encrypted field format: 1 byte version (1) | 1 byte key id | 12-byte nonce |
 * ciphertext | 16-byte tag. ad (associated data, e.g. "clients.id_number:42")
 * binds the value to its row and column. */
#define GW_SEAL_OVERHEAD (1 + 1 + 12 + 16)
/* Encrypt n bytes into out (n + GW_SEAL_OVERHEAD bytes) with the current key. */
int gw_crypto_seal(const struct gw_keyring *kr, const char *ad, const void *in, size_t n,
		   unsigned char *out);
/* Decrypt; out must hold inlen - GW_SEAL_OVERHEAD bytes; *outlen set.
 * Returns -1 on unknown key id, bad version, short input or tampering. */
int gw_crypto_open(const struct gw_keyring *kr, const char *ad, const unsigned char *in,
		   size_t inlen, unsigned char *out, size_t *outlen);
/* Blind index for exact-match search: HMAC(index_key, domain "|" value) as hex (65 bytes). */
int gw_crypto_blind_index(const struct gw_keyring *kr, const char *domain, const char *value,
			  char out[65]);

/* Password hashing with scrypt (N=2^15, r=8, p=3, maxmem 64 MiB), random 16-byte salt,
 * encoded "scrypt$15$8$3$<salt hex>$<hash hex>" into out (at least 160 bytes). */
#define GW_PASSWORD_HASH_MAX 160
int gw_password_hash(const char *password, char *out, size_t outsz);
/* 1 if password matches the encoded hash (parameters read from it), else 0. */
int gw_password_verify(const char *password, const char *encoded);

#endif
