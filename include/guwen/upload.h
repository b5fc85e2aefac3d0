/* upload.h — uploaded files: checked by content (not by name or the browser's
 * word), stored outside the web root under generated names, served back only
 * as attachments. */
#ifndef GUWEN_UPLOAD_H
#define GUWEN_UPLOAD_H

#include <stddef.h>

#include "guwen/app.h"

#define GW_UPLOAD_MAX (5 * 1024 * 1024)

/* The content type the bytes really are: "image/jpeg", "image/png", "image/gif",
 * "image/webp" or "application/pdf"; NULL for anything else. */
const char *gw_upload_sniff(const void *data, size_t n);
/* Write the file into App.Uploads under a new random name (32 hex chars, put in
 * name_out[33]); 0 or -1 (logged). */
int gw_upload_store(struct gw_ctx *ctx, const void *data, size_t n, char name_out[33]);
/* A file name as the person's device gave it, cut to 200 bytes at a character
 * boundary (the columns that keep it hold 255); name itself when shorter. */
const char *gw_upload_short_name(struct gw_ctx *ctx, const char *name);
/* Remove a stored file (its row was not kept). */
void gw_upload_remove(struct gw_ctx *ctx, const char *stored_name);
/* The name a stored file is downloaded under: orig without control and
 * bidirectional characters (and / \ "), cut at a character boundary to fit
 * out, its own extension replaced by the one of the sniffed ctype (".bin" for
 * an unknown one; "attachment" when nothing is left of the name). outsz >= 16.
 * Returns the length written to out. */
size_t gw_upload_download_name(const char *orig, const char *ctype, char *out, size_t outsz);
/* Answer with the stored file as an attachment (Content-Disposition with the
 * download name above, the stored type, nosniff). Returns 0, or -1 when the
 * stored file is missing. */
int gw_upload_send(struct gw_ctx *ctx, const char *stored_name, const char *orig_name,
		   const char *ctype);

#endif
