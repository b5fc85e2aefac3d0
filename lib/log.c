/* log.c — single-line log messages to stderr, written with one write(2). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "guwen/log.h"

static const char *prog = "guwen";
static void (*sink)(void *ctx, const char *line, size_t n);
static void *sink_ctx;

void gw_log_sink(void (*fn)(void *ctx, const char *line, size_t n), void *ctx)
{
	sink = fn;
	sink_ctx = ctx;
}

void gw_log_init(const char *program)
{
	prog = program;
}

static void logv(const char *level, const char *fmt, va_list ap)
{
	char line[1024];
	int n = snprintf(line, sizeof(line), "guwen/%s %s: ", prog, level);
	int m;

	if (n < 0 || n >= (int)sizeof(line))
		return;
	m = vsnprintf(line + n, sizeof(line) - (size_t)n - 1, fmt, ap);
	if (m < 0)
		return;
	n += m;
	if (n > (int)sizeof(line) - 2)
		n = (int)sizeof(line) - 2;
	for (int i = 0; i < n; i++)
		if (line[i] == '\n' || line[i] == '\r')
			line[i] = ' ';
	line[n++] = '\n';
	if (sink) {
		sink(sink_ctx, line, (size_t)n);
		return;
	}
	/* stderr under FastCGI is the real fd 2 (we never include fcgi_stdio.h). */
	if (write(2, line, (size_t)n) < 0)
		return;
}

#define LOGFN(name, level)                                                                         \
	void name(const char *fmt, ...)                                                            \
	{                                                                                          \
		va_list ap;                                                                        \
		va_start(ap, fmt);                                                                 \
		logv(level, fmt, ap);                                                              \
		va_end(ap);                                                                        \
	}
LOGFN(gw_log_error, "error")
LOGFN(gw_log_warn, "warning")
LOGFN(gw_log_info, "info")
