/* backup_file.h — the backup file: a stream of records, compressed (zlib) and
 * encrypted in chunks with AES-256-GCM. Memory stays bounded whatever the size.
 *
 * File:   "GUWENBK1" | key id (4, big-endian) | salt (16) | key check (8) | chunks...
 * Chunk:  length (4, big-endian; top bit set on the last chunk) | ciphertext | tag (16)
 * The chunk key is HMAC-SHA-256(key ring key <id>, "guwen-backup-v1" | salt); the
 * key check is 8 bytes of HMAC(chunk key, "key check"), so another key file
 * is told apart from damage; the nonce is the chunk's number; the header and the length are
 * authenticated, so a changed, reordered, dropped or cut-off chunk is refused. Record: type (1) |
 * count (4) | name length (2) | name | data length (8) | data. */
#ifndef GUWEN_BACKUP_FILE_H
#define GUWEN_BACKUP_FILE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "guwen/crypto.h"

struct bk_stream;

/* A writer on f (already open) with the key ring's current key; NULL on failure. */
struct bk_stream *bk_write_open(FILE *f, const struct gw_keyring *kr);
/* A record header, then its data in any number of bk_write calls (len bytes in all). */
int bk_record(struct bk_stream *s, char type, uint32_t count, const char *name, uint64_t len);
int bk_write(struct bk_stream *s, const void *data, size_t n);
/* Flush the last chunk; 0 or -1. Frees s either way (f stays open). */
int bk_write_close(struct bk_stream *s);

/* A reader on f; NULL (with *why set) when the header is not a guwen backup or
 * its key is not in the ring. */
struct bk_stream *bk_read_open(FILE *f, const struct gw_keyring *kr, const char **why);
/* After the last record: 0 if the file ends there, cleanly (last chunk, no extra bytes). */
int bk_at_end(struct bk_stream *s);
/* The next record's header: 1 read, -1 damaged or cut short. */
int bk_next(struct bk_stream *s, char *type, uint32_t *count, char *name, size_t namesz,
	    uint64_t *len);
/* Exactly n bytes of the record's data; 0 or -1. */
int bk_read(struct bk_stream *s, void *buf, size_t n);
/* Why the last read failed (tampered, truncated, ...). */
const char *bk_error(const struct bk_stream *s);
void bk_read_close(struct bk_stream *s);

#endif
