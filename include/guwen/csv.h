/* csv.h — CSV for spreadsheets (Excel, WPS): quoting, and the guard against
 * cells that a spreadsheet would run as formulas. */
#ifndef GUWEN_CSV_H
#define GUWEN_CSV_H

#include "guwen/buf.h"

/* 1 when a spreadsheet could read s as a formula: "=", "+", "-" or "@" at its
 * start or right after a separator, tab, CR or LF ("a;=cmd|'/C calc'!A0" runs in
 * locales where ";" separates arguments), or a tab or CR at its start. */
int gw_csv_risky(const char *s);
/* Append one cell: quoted when it holds a comma, semicolon, quote, CR or LF;
 * a risky one (above) gets a leading apostrophe, so it is read as text. NULL is
 * an empty cell. */
void gw_csv_cell(struct gw_buf *b, const char *s);
/* Append a row of n cells (NULL ones empty), comma-separated, ending in CRLF. */
void gw_csv_row(struct gw_buf *b, const char *const *cells, int n);

#endif
