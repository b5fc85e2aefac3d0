/* tmpfile.h — for fuzz targets of file loaders: the input written to a private
 * file of this process (mode 0600, in /dev/shm when there is one). */
#ifndef FUZZ_TMPFILE_H
#define FUZZ_TMPFILE_H

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char fuzz_path[64];

static void fuzz_tmpfile_remove(void)
{
	unlink(fuzz_path);
}

/* The file's path (the same one each call, removed at exit); NULL if it
 * cannot be written. */
static const char *fuzz_tmpfile(const uint8_t *data, size_t size)
{
	char *path = fuzz_path;
	int fd;

	if (!path[0]) {
		snprintf(fuzz_path, sizeof fuzz_path, "%s/guwen-fuzz-%d",
			 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp", (int)getpid());
		atexit(fuzz_tmpfile_remove);
	}
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return NULL;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return NULL;
	}
	close(fd);
	return path;
}

#endif
