/* hdfset.h — writing the page data. ClearSilver's setters fail only when memory
 * runs out; a request cannot go on without its data, so these abort then (as
 * the arena does) and nobody drops a NEOERR. */
#ifndef GUWEN_HDFSET_H
#define GUWEN_HDFSET_H

#include <ClearSilver.h>

/* A new empty tree. */
HDF *gw_hdf_new(void);
/* name = value (NULL: the node without a value, as hdf_set_value). */
void gw_hdf_set(HDF *hdf, const char *name, const char *value);
/* name = the decimal text of v. */
void gw_hdf_set_int(HDF *hdf, const char *name, long long v);
/* name = printf(fmt, ...). */
void gw_hdf_setf(HDF *hdf, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Remove name's subtree (absent is fine). */
void gw_hdf_remove(HDF *hdf, const char *name);
/* Copy the tree src under name. */
void gw_hdf_copy(HDF *hdf, const char *name, HDF *src);

#endif
