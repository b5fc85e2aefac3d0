/* config.h — the configuration file (HDF), named by GUWEN_CONFIG. */
#ifndef GUWEN_CONFIG_H
#define GUWEN_CONFIG_H

#include <ClearSilver.h>
#include <stddef.h>

/* Read the HDF file at path (or $GUWEN_CONFIG when path is NULL, else
 * etc/guwen.hdf; also used for the language files). Plain HDF only: links
 * ("Name : Other"), copies, attributes and #include are refused. Returns a
 * new HDF the caller owns, or NULL after logging why. */
HDF *gw_config_load(const char *path);
/* Value of a key, or def. The pointer is owned by the HDF. */
const char *gw_config_get(HDF *cfg, const char *key, const char *def);
int gw_config_int(HDF *cfg, const char *key, int def);
/* Check the configuration for missing or bad keys; prints each problem to
 * stderr and returns their number (0 = good). */
int gw_config_check(HDF *cfg);

/* "name (uid N)" of the user this process runs as, for error messages. */
void gw_config_whoami(char *out, size_t outsz);
/* Why the key file at path cannot be loaded, naming the errno, this process's
 * user and the fix (call after gw_keyring_load failed). */
void gw_config_keyfile_problem(const char *path, char *out, size_t outsz);

#endif
