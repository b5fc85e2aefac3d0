/* csv.c — CSV cells and rows that spreadsheets read as text, never as formulas. */
#include <string.h>

#include "guwen/csv.h"

#define FORMULA_START "=+-@"
#define SEPARATORS    ",;\t\r\n"

int gw_csv_risky(const char *s)
{
	if (!s || !*s)
		return 0;
	if (strchr(FORMULA_START "\t\r", *s))
		return 1;
	for (; *s; s++) {
		const char *t = s + 1;

		if (!strchr(SEPARATORS, *s))
			continue;
		while (*t == ' ')
			t++;
		if (*t && strchr(FORMULA_START, *t))
			return 1;
	}
	return 0;
}

void gw_csv_cell(struct gw_buf *b, const char *s)
{
	int risky = gw_csv_risky(s);

	if (!s)
		s = "";
	if (!risky && !strpbrk(s, ",;\"\r\n")) {
		gw_buf_puts(b, s);
		return;
	}
	gw_buf_puts(b, risky ? "\"'" : "\"");
	for (const char *q; (q = strchr(s, '"')); s = q + 1) {
		gw_buf_append(b, s, (size_t)(q - s) + 1);
		gw_buf_puts(b, "\"");
	}
	gw_buf_puts(b, s);
	gw_buf_puts(b, "\"");
}

void gw_csv_row(struct gw_buf *b, const char *const *cells, int n)
{
	for (int i = 0; i < n; i++) {
		if (i)
			gw_buf_puts(b, ",");
		gw_csv_cell(b, cells[i]);
	}
	gw_buf_puts(b, "\r\n");
}
