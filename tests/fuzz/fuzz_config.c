/* fuzz_config.c — libFuzzer target for the configuration loader
 * (gw_config_load, gw_config_check, the getters in lib/config.c) on the input
 * as a configuration file. A file that loads is checked without a crash. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "guwen/config.h"
#include "guwen/log.h"
#include "tmpfile.h"

static void quiet(void *ctx, const char *line, size_t n)
{
	(void)ctx, (void)line, (void)n;
}

static const char *const keys[] = {
    "DB.Name",	   "DB.User",	  "DB.Host",	  "DB.Port",  "App.Templates",
    "App.Uploads", "App.KeyFile", "App.URLStyle", "App.Base", "App.TZOffsetMinutes",
    NULL};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_tmpfile(data, size);
	HDF *cfg;

	if (!path)
		abort();
	gw_log_sink(quiet, NULL);
	cfg = gw_config_load(path);
	if (!cfg)
		return 0;
	for (int i = 0; keys[i]; i++) {
		const char *v = gw_config_get(cfg, keys[i], "");

		if (!v)
			abort();
		(void)gw_config_int(cfg, keys[i], 7);
	}
	(void)gw_config_check(cfg);
	hdf_destroy(&cfg);
	if (cfg)
		abort();
	return 0;
}
