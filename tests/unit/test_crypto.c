/* test_crypto.c — unit tests for lib/crypto.c: digests, hex, sealed fields, key ring, passwords. */
#include <dirent.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "guwen/crypto.h"

#define KEY1 "1111111111111111111111111111111111111111111111111111111111111111"
#define KEY2 "2222222222222222222222222222222222222222222222222222222222222222"
#define IDXK "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

/* The test group's scratch directory under /tmp, removed with everything in it. */
struct scratch {
	char dir[64];
	char path[128];
};

static int scratch_setup(void **state)
{
	struct scratch *s = calloc(1, sizeof *s);

	if (s == NULL)
		return -1;
	strcpy(s->dir, "/tmp/guwen-test-crypto-XXXXXX");
	if (mkdtemp(s->dir) == NULL) {
		free(s);
		return -1;
	}
	*state = s;
	return 0;
}

static int scratch_teardown(void **state)
{
	struct scratch *s = *state;
	char path[sizeof s->dir + 256 + 2];
	struct dirent *de;
	DIR *d = opendir(s->dir);

	while (d && (de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", s->dir, de->d_name);
		unlink(path);
	}
	if (d)
		closedir(d);
	rmdir(s->dir);
	free(s);
	return 0;
}

/* Write text to <scratch>/name with exactly the given mode (umask aside); returns the path. */
static const char *write_keyfile(struct scratch *s, const char *name, const char *text, mode_t mode)
{
	int fd;

	snprintf(s->path, sizeof s->path, "%s/%s", s->dir, name);
	unlink(s->path);
	fd = open(s->path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	assert_int_equal(fchmod(fd, mode), 0);
	assert_int_equal(close(fd), 0);
	return s->path;
}

static void load_ring(struct scratch *s, struct gw_keyring *kr, const char *text)
{
	assert_int_equal(gw_keyring_load(kr, write_keyfile(s, "ring", text, 0600)), 0);
}

static void test_sha256_of_abc_matches_fips_vector(void **state)
{
	unsigned char md[32];
	char hex[65];

	(void)state;
	gw_crypto_sha256("abc", 3, md);
	gw_hex_encode(md, sizeof md, hex);
	assert_string_equal(hex,
			    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void test_hmac_sha256_matches_rfc4231_case2(void **state)
{
	const char *data = "what do ya want for nothing?";
	unsigned char mac[32];
	char hex[65];

	(void)state;
	gw_crypto_hmac((const unsigned char *)"Jefe", 4, data, strlen(data), mac);
	gw_hex_encode(mac, sizeof mac, hex);
	assert_string_equal(hex,
			    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

/* A key longer than the block is hashed first; switching keys and back keeps
 * each MAC right (the last key's state is kept between calls). */
static void test_hmac_sha256_matches_rfc4231_case6_and_switches_keys(void **state)
{
	const char *data = "Test Using Larger Than Block-Size Key - Hash Key First";
	unsigned char key[131], mac[32];
	char hex[65];

	(void)state;
	memset(key, 0xaa, sizeof key);
	for (int round = 0; round < 2; round++) {
		gw_crypto_hmac(key, sizeof key, data, strlen(data), mac);
		gw_hex_encode(mac, sizeof mac, hex);
		assert_string_equal(
		    hex, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
		gw_crypto_hmac((const unsigned char *)"Jefe", 4, "what do ya want for nothing?", 28,
			       mac);
		gw_hex_encode(mac, sizeof mac, hex);
		assert_string_equal(
		    hex, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}
}

static void test_hex_round_trip(void **state)
{
	unsigned char in[256], back[256];
	char hex[2 * sizeof in + 1];

	(void)state;
	for (size_t i = 0; i < sizeof in; i++)
		in[i] = (unsigned char)i;
	gw_hex_encode(in, sizeof in, hex);
	assert_int_equal(strlen(hex), 2 * sizeof in);
	assert_memory_equal(hex, "000102030405", 12);
	assert_string_equal(hex + 2 * 250, "fafbfcfdfeff");
	assert_int_equal(gw_hex_decode(hex, back, sizeof back), 0);
	assert_memory_equal(in, back, sizeof in);
	assert_int_equal(gw_hex_decode("DEADbeef", back, 4), 0);
	assert_memory_equal(back, "\xde\xad\xbe\xef", 4);
}

static void test_hex_decode_rejects_malformed_or_wrong_length(void **state)
{
	static const char *bad[] = {"abc", "abcdef", "ab", "abcg", "ab c", " abc", "0x12", ""};
	unsigned char out[2];

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(gw_hex_decode(bad[i], out, sizeof out), -1);
	assert_int_equal(gw_hex_decode(NULL, out, sizeof out), -1);
	assert_int_equal(gw_hex_decode("", out, 0), 0);
}

static void test_tokens_are_hex_of_requested_length_and_differ(void **state)
{
	char a[2 * 40 + 1], b[2 * 40 + 1];
	unsigned char raw[40];

	(void)state;
	assert_int_equal(gw_crypto_token(40, a), 0);
	assert_int_equal(gw_crypto_token(40, b), 0);
	assert_int_equal(strlen(a), 80);
	assert_int_equal(gw_hex_decode(a, raw, sizeof raw), 0);
	assert_string_not_equal(a, b);
}

static void test_crypto_equal(void **state)
{
	(void)state;
	assert_true(gw_crypto_equal("abcdef", "abcdef", 6));
	assert_false(gw_crypto_equal("abcdef", "abcdeg", 6));
	assert_false(gw_crypto_equal("xbcdef", "abcdef", 6));
	assert_true(gw_crypto_equal("abc", "abd", 2));
	assert_true(gw_crypto_equal("", "", 0));
}

static void test_seal_open_round_trip(void **state)
{
	const char *msg = "110101199003074578";
	size_t n = strlen(msg), outlen = 0;
	unsigned char sealed[64], plain[64];
	struct gw_keyring kr;

	load_ring(*state, &kr, "1 " KEY1 "\nindex " IDXK "\n");
	assert_int_equal(gw_crypto_seal(&kr, "clients.id_number:42", msg, n, sealed), 0);
	assert_int_equal(sealed[0], 1);
	assert_int_equal(sealed[1], 1);
	assert_memory_not_equal(sealed + 14, msg, n);
	assert_int_equal(gw_crypto_open(&kr, "clients.id_number:42", sealed, n + GW_SEAL_OVERHEAD,
					plain, &outlen),
			 0);
	assert_int_equal(outlen, n);
	assert_memory_equal(plain, msg, n);
	/* The empty value seals too, and an empty ad is allowed. */
	assert_int_equal(gw_crypto_seal(&kr, "", "", 0, sealed), 0);
	assert_int_equal(gw_crypto_open(&kr, "", sealed, GW_SEAL_OVERHEAD, plain, &outlen), 0);
	assert_int_equal(outlen, 0);
	gw_keyring_clear(&kr);
}

static void test_sealing_twice_gives_different_output(void **state)
{
	unsigned char a[16 + GW_SEAL_OVERHEAD], b[16 + GW_SEAL_OVERHEAD];
	struct gw_keyring kr;

	load_ring(*state, &kr, "1 " KEY1 "\n");
	assert_int_equal(gw_crypto_seal(&kr, "t.c:1", "same plaintext!!", 16, a), 0);
	assert_int_equal(gw_crypto_seal(&kr, "t.c:1", "same plaintext!!", 16, b), 0);
	assert_memory_not_equal(a + 2, b + 2, sizeof a - 2);
	gw_keyring_clear(&kr);
}

static void test_open_fails_after_flipping_any_byte(void **state)
{
	const char *msg = "13800138000";
	size_t n = strlen(msg), len = n + GW_SEAL_OVERHEAD, outlen = 99;
	unsigned char sealed[64], plain[64];
	struct gw_keyring kr;

	load_ring(*state, &kr, "1 " KEY1 "\n");
	assert_int_equal(gw_crypto_seal(&kr, "clients.phone:7", msg, n, sealed), 0);
	for (size_t i = 0; i < len; i++) {
		for (unsigned bit = 1; bit < 256; bit <<= 1) {
			sealed[i] ^= (unsigned char)bit;
			assert_int_equal(
			    gw_crypto_open(&kr, "clients.phone:7", sealed, len, plain, &outlen),
			    -1);
			sealed[i] ^= (unsigned char)bit;
		}
	}
	assert_int_equal(outlen, 99);
	assert_int_equal(gw_crypto_open(&kr, "clients.phone:7", sealed, len, plain, &outlen), 0);
	gw_keyring_clear(&kr);
}

/* Keys 1 and 2 hold the same bytes here, so only the authenticated header stops a
 * value from being relabelled with another key id. */
static void test_key_id_byte_is_authenticated(void **state)
{
	unsigned char sealed[4 + GW_SEAL_OVERHEAD], plain[4];
	struct gw_keyring kr;
	size_t outlen;

	load_ring(*state, &kr, "1 " KEY1 "\n2 " KEY1 "\ncurrent 1\n");
	assert_int_equal(gw_crypto_seal(&kr, "c.x:1", "data", 4, sealed), 0);
	sealed[1] = 2;
	assert_int_equal(gw_crypto_open(&kr, "c.x:1", sealed, sizeof sealed, plain, &outlen), -1);
	sealed[1] = 1;
	assert_int_equal(gw_crypto_open(&kr, "c.x:1", sealed, sizeof sealed, plain, &outlen), 0);
	gw_keyring_clear(&kr);
}

static void test_open_fails_on_truncated_input(void **state)
{
	unsigned char sealed[5 + GW_SEAL_OVERHEAD], plain[64];
	struct gw_keyring kr;
	size_t outlen;

	load_ring(*state, &kr, "1 " KEY1 "\n");
	assert_int_equal(gw_crypto_seal(&kr, "a", "hello", 5, sealed), 0);
	for (size_t len = 0; len < sizeof sealed; len++)
		assert_int_equal(gw_crypto_open(&kr, "a", sealed, len, plain, &outlen), -1);
	gw_keyring_clear(&kr);
}

static void test_open_fails_with_another_rows_ad(void **state)
{
	unsigned char sealed[64], plain[64];
	struct gw_keyring kr;
	size_t outlen;

	load_ring(*state, &kr, "1 " KEY1 "\n");
	assert_int_equal(gw_crypto_seal(&kr, "clients.id_number:42", "secret", 6, sealed), 0);
	assert_int_equal(gw_crypto_open(&kr, "clients.id_number:43", sealed, 6 + GW_SEAL_OVERHEAD,
					plain, &outlen),
			 -1);
	assert_int_equal(
	    gw_crypto_open(&kr, "clients.phone:42", sealed, 6 + GW_SEAL_OVERHEAD, plain, &outlen),
	    -1);
	assert_int_equal(gw_crypto_open(&kr, "", sealed, 6 + GW_SEAL_OVERHEAD, plain, &outlen), -1);
	gw_keyring_clear(&kr);
}

static void test_rotation_old_values_open_new_values_use_key2(void **state)
{
	unsigned char old[64], fresh[64], plain[64];
	struct gw_keyring kr1, kr2;
	size_t outlen;

	load_ring(*state, &kr1, "1 " KEY1 "\n");
	assert_int_equal(gw_crypto_seal(&kr1, "c.x:1", "old value", 9, old), 0);
	load_ring(*state, &kr2, "# rotated\n2 " KEY2 "\n1 " KEY1 "\ncurrent 2\n");
	assert_int_equal(kr2.ids[kr2.current], 2);
	assert_int_equal(gw_crypto_open(&kr2, "c.x:1", old, 9 + GW_SEAL_OVERHEAD, plain, &outlen),
			 0);
	assert_memory_equal(plain, "old value", 9);
	assert_int_equal(gw_crypto_seal(&kr2, "c.x:1", "new value", 9, fresh), 0);
	assert_int_equal(fresh[1], 2);
	assert_int_equal(gw_crypto_open(&kr2, "c.x:1", fresh, 9 + GW_SEAL_OVERHEAD, plain, &outlen),
			 0);
	assert_memory_equal(plain, "new value", 9);
	gw_keyring_clear(&kr1);
	gw_keyring_clear(&kr2);
}

static void test_current_defaults_to_highest_id(void **state)
{
	struct gw_keyring kr;

	load_ring(*state, &kr, "1 " KEY1 "\n7 " KEY2 "\n3 " IDXK "\n");
	assert_int_equal(kr.n, 3);
	assert_int_equal(kr.ids[kr.current], 7);
	assert_false(kr.has_index_key);
	gw_keyring_clear(&kr);
}

static void test_open_fails_for_unknown_key_id(void **state)
{
	unsigned char sealed[64], plain[64];
	struct gw_keyring kr1, kr2;
	size_t outlen;

	load_ring(*state, &kr2, "1 " KEY1 "\n2 " KEY2 "\n");
	load_ring(*state, &kr1, "1 " KEY1 "\n");
	assert_int_equal(gw_crypto_seal(&kr2, "c.x:1", "v", 1, sealed), 0);
	assert_int_equal(sealed[1], 2);
	assert_int_equal(
	    gw_crypto_open(&kr1, "c.x:1", sealed, 1 + GW_SEAL_OVERHEAD, plain, &outlen), -1);
	gw_keyring_clear(&kr1);
	gw_keyring_clear(&kr2);
}

static void test_keyring_refuses_group_or_world_readable_file(void **state)
{
	static const mode_t modes[] = {0644, 0640, 0604, 0601, 0610};
	const char *text = "1 " KEY1 "\n";
	struct gw_keyring kr;

	for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++)
		assert_int_equal(gw_keyring_load(&kr, write_keyfile(*state, "k", text, modes[i])),
				 -1);
	assert_int_equal(gw_keyring_load(&kr, write_keyfile(*state, "k", text, 0400)), 0);
	gw_keyring_clear(&kr);
}

static void test_keyring_refuses_bad_files(void **state)
{
	static const char *bad[] = {
	    "",
	    "# only a comment\n",
	    "index " IDXK "\n",
	    "1 " KEY1 "\n1 " KEY2 "\n",
	    "0 " KEY1 "\n",
	    "256 " KEY1 "\n",
	    "-1 " KEY1 "\n",
	    "01x " KEY1 "\n",
	    "1 " KEY1 "0\n",
	    "1 abc\n",
	    "1 " KEY1 " extra\n",
	    "1\n",
	    "garbage\n",
	    "key " KEY1 "\n",
	    "1 " KEY1 "\ncurrent 2\n",
	    "1 " KEY1 "\ncurrent 1\ncurrent 1\n",
	    "1 " KEY1 "\nindex " IDXK "\nindex " IDXK "\n",
	    "1 " KEY1 "\nindex zz\n",
	    "1 " KEY1 "\n2 " KEY2 "\n3 " KEY1 "\n4 " KEY1 "\n5 " KEY1 "\n6 " KEY1 "\n7 " KEY1
	    "\n8 " KEY1 "\n9 " KEY1 "\n10 " KEY1 "\n11 " KEY1 "\n12 " KEY1 "\n13 " KEY1 "\n14 " KEY1
	    "\n15 " KEY1 "\n16 " KEY1 "\n17 " KEY1 "\n",
	};
	struct gw_keyring kr;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(gw_keyring_load(&kr, write_keyfile(*state, "k", bad[i], 0600)),
				 -1);
		assert_int_equal(kr.n, 0);
	}
	assert_int_equal(gw_keyring_load(&kr, "/nonexistent/guwen.keys"), -1);
}

static void test_keyring_accepts_comments_blanks_and_id_255(void **state)
{
	struct gw_keyring kr;

	load_ring(*state, &kr,
		  "# keys\n\n   # indented comment\n255 " KEY2 "\r\n\t1\t" KEY1 "  \n"
		  "current 1\nindex " IDXK "\n");
	assert_int_equal(kr.n, 2);
	assert_int_equal(kr.ids[kr.current], 1);
	assert_int_equal(kr.ids[0], 255);
	assert_memory_equal(kr.keys[0], "\x22\x22\x22\x22", 4);
	assert_true(kr.has_index_key);
	assert_int_equal(kr.index_key[1], 0x23);
	gw_keyring_clear(&kr);
}

static void test_keyring_create_writes_private_loadable_file_once(void **state)
{
	struct scratch *s = *state;
	unsigned char sealed[3 + GW_SEAL_OVERHEAD], plain[3];
	struct gw_keyring kr, kr2;
	struct stat st;
	size_t outlen;

	snprintf(s->path, sizeof s->path, "%s/new.keys", s->dir);
	assert_int_equal(gw_keyring_create(s->path), 0);
	assert_int_equal(stat(s->path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(gw_keyring_create(s->path), -1);
	assert_int_equal(gw_keyring_load(&kr, s->path), 0);
	assert_int_equal(kr.n, 1);
	assert_int_equal(kr.ids[kr.current], 1);
	assert_true(kr.has_index_key);
	assert_int_equal(gw_crypto_seal(&kr, "a", "abc", 3, sealed), 0);
	assert_int_equal(gw_crypto_open(&kr, "a", sealed, sizeof sealed, plain, &outlen), 0);
	snprintf(s->path, sizeof s->path, "%s/other.keys", s->dir);
	assert_int_equal(gw_keyring_create(s->path), 0);
	assert_int_equal(gw_keyring_load(&kr2, s->path), 0);
	assert_memory_not_equal(kr.keys[0], kr2.keys[0], GW_KEY_LEN);
	assert_memory_not_equal(kr.index_key, kr2.index_key, GW_KEY_LEN);
	gw_keyring_clear(&kr);
	gw_keyring_clear(&kr2);
}

static void test_blind_index_equal_values_match_domains_differ(void **state)
{
	char a[65], b[65], c[65], d[65];
	struct gw_keyring kr, nokey;

	load_ring(*state, &kr, "1 " KEY1 "\nindex " IDXK "\n");
	assert_int_equal(gw_crypto_blind_index(&kr, "clients.id_number", "110101199003074578", a),
			 0);
	assert_int_equal(gw_crypto_blind_index(&kr, "clients.id_number", "110101199003074578", b),
			 0);
	assert_int_equal(gw_crypto_blind_index(&kr, "clients.phone", "110101199003074578", c), 0);
	assert_int_equal(gw_crypto_blind_index(&kr, "clients.id_number", "110101199003074579", d),
			 0);
	assert_int_equal(strlen(a), 64);
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	assert_string_not_equal(a, d);
	assert_int_equal(gw_crypto_blind_index(&kr, "a|b", "c", a), -1);
	load_ring(*state, &nokey, "1 " KEY1 "\n");
	assert_int_equal(gw_crypto_blind_index(&nokey, "clients.phone", "1", a), -1);
	gw_keyring_clear(&kr);
}

static void test_password_hash_verify_salt_and_tampering(void **state)
{
	char h1[GW_PASSWORD_HASH_MAX], h2[GW_PASSWORD_HASH_MAX], t[GW_PASSWORD_HASH_MAX];
	size_t last;

	(void)state;
	assert_int_equal(gw_password_hash("correct horse", h1, sizeof h1), 0);
	assert_int_equal(strncmp(h1, "scrypt$15$8$3$", 14), 0);
	assert_int_equal(strlen(h1), 14 + 32 + 1 + 64);
	assert_true(gw_password_verify("correct horse", h1));
	assert_false(gw_password_verify("correct horsf", h1));
	assert_int_equal(gw_password_hash("correct horse", h2, sizeof h2), 0);
	assert_string_not_equal(h1, h2);
	strcpy(t, h1);
	last = strlen(t) - 1;
	t[last] = t[last] == '0' ? '1' : '0';
	assert_false(gw_password_verify("correct horse", t));
}

/* Every case here is refused by the parser, before any scrypt work is done. */
static void test_password_verify_rejects_malformed_or_out_of_bounds(void **state)
{
	static const char *heads[] = {"scrypt$9$8$3$",	 "scrypt$21$8$3$",  "scrypt$15$0$3$",
				      "scrypt$15$17$3$", "scrypt$15$8$0$",  "scrypt$15$8$17$",
				      "scrypt$015$8$3$", "scrypt$15$8$$",   "bcrypt$15$8$3$",
				      "scrypt$15$8$3",	 "scrypt$15$8$3$3$"};
	static const char *salt = "00112233445566778899aabbccddeeff";
	static const char *hash = "0123456789abcdef0123456789abcdef"
				  "0123456789abcdef0123456789abcdef";
	char enc[2 * GW_PASSWORD_HASH_MAX];

	(void)state;
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		snprintf(enc, sizeof enc, "%s%s$%s", heads[i], salt, hash);
		assert_false(gw_password_verify("pw", enc));
	}
	snprintf(enc, sizeof enc, "scrypt$15$8$3$%s$%.63s", salt, hash);
	assert_false(gw_password_verify("pw", enc));
	snprintf(enc, sizeof enc, "scrypt$15$8$3$%s$%sab", salt, hash);
	assert_false(gw_password_verify("pw", enc));
	snprintf(enc, sizeof enc, "scrypt$15$8$3$%.30s$%s", salt, hash);
	assert_false(gw_password_verify("pw", enc));
	snprintf(enc, sizeof enc, "scrypt$15$8$3$%s$%.62szz", salt, hash);
	assert_false(gw_password_verify("pw", enc));
	assert_false(gw_password_verify("pw", ""));
	assert_false(gw_password_verify("pw", NULL));
	assert_false(gw_password_verify(NULL, enc));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sha256_of_abc_matches_fips_vector),
	    cmocka_unit_test(test_hmac_sha256_matches_rfc4231_case2),
	    cmocka_unit_test(test_hmac_sha256_matches_rfc4231_case6_and_switches_keys),
	    cmocka_unit_test(test_hex_round_trip),
	    cmocka_unit_test(test_hex_decode_rejects_malformed_or_wrong_length),
	    cmocka_unit_test(test_tokens_are_hex_of_requested_length_and_differ),
	    cmocka_unit_test(test_crypto_equal),
	    cmocka_unit_test(test_seal_open_round_trip),
	    cmocka_unit_test(test_sealing_twice_gives_different_output),
	    cmocka_unit_test(test_open_fails_after_flipping_any_byte),
	    cmocka_unit_test(test_key_id_byte_is_authenticated),
	    cmocka_unit_test(test_open_fails_on_truncated_input),
	    cmocka_unit_test(test_open_fails_with_another_rows_ad),
	    cmocka_unit_test(test_rotation_old_values_open_new_values_use_key2),
	    cmocka_unit_test(test_current_defaults_to_highest_id),
	    cmocka_unit_test(test_open_fails_for_unknown_key_id),
	    cmocka_unit_test(test_keyring_refuses_group_or_world_readable_file),
	    cmocka_unit_test(test_keyring_refuses_bad_files),
	    cmocka_unit_test(test_keyring_accepts_comments_blanks_and_id_255),
	    cmocka_unit_test(test_keyring_create_writes_private_loadable_file_once),
	    cmocka_unit_test(test_blind_index_equal_values_match_domains_differ),
	    cmocka_unit_test(test_password_hash_verify_salt_and_tampering),
	    cmocka_unit_test(test_password_verify_rejects_malformed_or_out_of_bounds),
	};

	return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
