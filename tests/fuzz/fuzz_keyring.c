/* fuzz_keyring.c — libFuzzer target for the key-file loader (gw_keyring_load
 * in lib/crypto.c, through a private temporary file) and what reads bytes
 * from outside with those keys: gw_crypto_open and gw_hex_decode. A loaded
 * ring keeps its promises; a refused one holds no key material. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/crypto.h"
#include "tmpfile.h"

static void check_ring(const struct gw_keyring *kr, int rc)
{
	static const struct gw_keyring zero;

	if (rc != 0) {
		if (rc != -1 || memcmp(kr, &zero, sizeof zero))
			abort();
		return;
	}
	if (kr->n < 1 || kr->n > GW_MAX_KEYS || kr->current < 0 || kr->current >= kr->n)
		abort();
	for (int i = 0; i < kr->n; i++) {
		if (kr->ids[i] < 1 || kr->ids[i] > 255)
			abort();
		for (int j = 0; j < i; j++)
			if (kr->ids[i] == kr->ids[j])
				abort();
	}
}

/* The input as sealed bytes: opening may fail but never crash or overrun. */
static void open_sealed(const struct gw_keyring *kr, const uint8_t *data, size_t size)
{
	unsigned char *out = malloc(size + 1), *sealed;
	size_t outlen = 0;

	if (gw_crypto_open(kr, "t.c:1", data, size, out, &outlen) == 0 &&
	    outlen + GW_SEAL_OVERHEAD != size)
		abort();
	/* And the input as plain text: sealed, it opens to itself. */
	sealed = malloc(size + GW_SEAL_OVERHEAD);
	if (gw_crypto_seal(kr, "t.c:1", data, size, sealed) != 0 ||
	    gw_crypto_open(kr, "t.c:1", sealed, size + GW_SEAL_OVERHEAD, out, &outlen) != 0 ||
	    outlen != size || memcmp(out, data, size))
		abort();
	free(sealed);
	free(out);
}

static void hex(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	unsigned char out[8];

	memcpy(s, data, size);
	s[size] = '\0';
	(void)gw_hex_decode(s, out, sizeof out);
	free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct gw_keyring fixed;
	struct gw_keyring kr;
	const char *path = fuzz_tmpfile(data, size);
	int rc;

	if (!path)
		abort();
	rc = gw_keyring_load(&kr, path);
	check_ring(&kr, rc);
	if (!fixed.n) {
		static const uint8_t key[] = "1 000102030405060708090a0b0c0d0e0f"
					     "101112131415161718191a1b1c1d1e1f\n";
		if (gw_keyring_load(&fixed, fuzz_tmpfile(key, sizeof key - 1)))
			abort();
	}
	open_sealed(rc == 0 ? &kr : &fixed, data, size);
	hex(data, size);
	gw_keyring_clear(&kr);
	return 0;
}
