/* log.h — one line per event to stderr (the web server's error log). Never log
 * secrets, tokens or client personal data. */
#ifndef GUWEN_LOG_H
#define GUWEN_LOG_H

#include <stddef.h>

/* Name shown in every line; set once by the program (points to static storage). */
void gw_log_init(const char *program);
/* Send lines to fn instead of stderr (NULL: back to stderr). Under FastCGI the
 * app points this at the request's error stream, which the web server logs. */
void gw_log_sink(void (*fn)(void *ctx, const char *line, size_t n), void *ctx);
/* "guwen/<program> <level>: <message>\n"; newlines in the message become spaces. */
void gw_log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void gw_log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void gw_log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
