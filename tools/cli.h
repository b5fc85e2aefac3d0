/* cli.h — what the command-line companion's files share: the loaded
 * configuration, the error line, database connections for a command. Each
 * command group lives in its own tools/cmd_*.c; tools/guwen.c dispatches. */
#ifndef GUWEN_CLI_H
#define GUWEN_CLI_H

#include <ClearSilver.h>

struct gw_db;

/* The configuration named by GUWEN_CONFIG, loaded by main before a command runs. */
extern HDF *cfg;

/* Print "guwen: msg: arg" to stderr; returns 1 (the exit status). */
int die(const char *msg, const char *arg);
/* Connect as the application's account (admin 0) or DB.AdminUser (admin 1); NULL on failure. */
struct gw_db *open_db(int admin);
/* The whole file, NUL-terminated (malloc'd), or NULL; at most 16 MiB. */
char *read_file(const char *path);
/* Run fn with a connection as the application's account / DB.AdminUser, then close it. */
int with_db(int (*fn)(int, char **, struct gw_db *), int argc, char **argv);
int with_admin_db(int (*fn)(int, char **, struct gw_db *), int argc, char **argv);

/* The commands of tools/cmd_*.c (argv[0] is the command's name). */
int cmd_mail(int argc, char **argv, struct gw_db *db); /* cmd_mail.c */

#endif
