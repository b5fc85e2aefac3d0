/* hello.c — the baseline of tests/bench: a bare libfcgi program that answers
 * every request with a small fixed HTML page. Nothing else: no parsing, no
 * template, no database. Build: cc -O2 -o hello hello.c -lfcgi */
#include <fcgiapp.h>

static const char page[] =
    "Status: 200 OK\r\n"
    "Content-Type: text/html; charset=utf-8\r\n"
    "\r\n"
    "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>hello</title>"
    "</head>\n<body><h1>Hello, world</h1><p>A bare libfcgi page.</p></body></html>\n";

int main(void)
{
	FCGX_Request r;

	if (FCGX_Init())
		return 1;
	FCGX_InitRequest(&r, 0, 0);
	while (FCGX_Accept_r(&r) >= 0) {
		FCGX_PutStr(page, (int)sizeof(page) - 1, r.out);
		FCGX_Finish_r(&r);
	}
	return 0;
}
