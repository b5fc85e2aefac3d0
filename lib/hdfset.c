/* hdfset.c — setters of the page data that abort when memory runs out. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "guwen/hdfset.h"

/* The one way a set fails: memory. Nothing sensible is left to do. */
static void must(NEOERR *err, const char *name)
{
	if (err == STATUS_OK)
		return;
	nerr_ignore(&err);
	fprintf(stderr, "guwen: cannot set %s in the page data\n", name ? name : "(root)");
	abort();
}

HDF *gw_hdf_new(void)
{
	HDF *h = NULL;

	must(hdf_init(&h), NULL);
	return h;
}

void gw_hdf_set(HDF *hdf, const char *name, const char *value)
{
	must(hdf_set_value(hdf, name, value), name);
}

void gw_hdf_set_int(HDF *hdf, const char *name, long long v)
{
	char s[24];

	snprintf(s, sizeof(s), "%lld", v);
	gw_hdf_set(hdf, name, s);
}

void gw_hdf_setf(HDF *hdf, const char *name, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0) {
		fputs("guwen: out of memory\n", stderr);
		abort();
	}
	gw_hdf_set(hdf, name, s);
	free(s);
}

void gw_hdf_remove(HDF *hdf, const char *name)
{
	NEOERR *err = hdf_remove_tree(hdf, name);

	nerr_ignore(&err); /* absent: nothing to remove */
}

void gw_hdf_copy(HDF *hdf, const char *name, HDF *src)
{
	must(hdf_copy(hdf, name, src), name);
}
