/* hello-cgi.c — the plain-CGI baseline of tests/bench/run: a trivial CGI
 * program (one process per request under fcgiwrap) printing a small fixed
 * page. Build: cc -O2 -o hello-cgi hello-cgi.c */
#include <stdio.h>

int main(void)
{
	fputs(
	    "Status: 200 OK\r\n"
	    "Content-Type: text/html; charset=utf-8\r\n"
	    "\r\n"
	    "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>hello</title>"
	    "</head>\n<body><h1>Hello, world</h1><p>A trivial CGI page.</p></body></html>\n",
	    stdout);
	return 0;
}
