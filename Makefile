# guwen — build, run and test. `make run` starts a local stack; `make test` is the whole gate.
PREFIX ?= /usr/local
CC ?= cc
WERROR ?= -Werror
CFLAGS ?= -O2 -g
CFLAGS += -std=c11 -Wall -Wextra $(WERROR) -D_GNU_SOURCE -Iinclude -I/usr/include/ClearSilver \
	-I/usr/include/mariadb -fstack-protector-strong -D_FORTIFY_SOURCE=2
LDLIBS_DYN = -lfcgi -lneo_cgi -lneo_cs -lneo_utl -lmariadb -lssl -lcrypto -lz -lm
ifeq ($(STATIC),1)
LDFLAGS += -static
LDLIBS = -lfcgi -lneo_cgi -lneo_cs -lneo_utl -lmariadbclient -lssl -lcrypto -lz -lm -lpthread -ldl
# libcurl (SMTP for `guwen mail`): Debian's libcurl.a needs static archives it
# does not ship (nghttp2, rtmp, ssh2, psl, gssapi, ldap, zstd), so the static
# tool sends through the host's sendmail only (Mail.Transport = sendmail).
TOOL_LIBS =
TOOL_CFLAGS = -DGW_NO_CURL
else
LDLIBS = $(LDLIBS_DYN)
TOOL_LIBS = -lcurl
endif

LIB_SRC   = $(sort $(wildcard lib/*.c))
LIB_OBJ   = $(LIB_SRC:.c=.o)
PROG_SRC  = $(sort $(wildcard cgi-bin/*.c))
# a program past ~800 lines is a folder cgi-bin/NAME/ of files, one per page
# group, linked into cgi-bin/NAME.fcgi
PROG_DIRS = $(patsubst %/,%,$(sort $(dir $(wildcard cgi-bin/*/*.c))))
PROGS     = $(sort $(PROG_SRC:.c=.fcgi) $(addsuffix .fcgi,$(PROG_DIRS)))
UNIT_SRC  = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN  = $(UNIT_SRC:.c=)
HEADERS   = $(wildcard include/guwen/*.h lib/*.h)
TOOL_SRC  = $(sort $(wildcard tools/*.c))

all: lib/libguwen.a $(PROGS) tools/guwen

lib/%.o: lib/%.c $(HEADERS)
	$(CC) $(CFLAGS) -c -o $@ $<

lib/libguwen.a: $(LIB_OBJ)
	rm -f $@; ar rcs $@ $^

# The sources of program $1: every .c of cgi-bin/$1/, or cgi-bin/$1.c; and the
# headers they share.
prog_src = $(or $(wildcard cgi-bin/$1/*.c),cgi-bin/$1.c)
prog_hdr = $(wildcard cgi-bin/$1/*.h)

.SECONDEXPANSION:
cgi-bin/%.fcgi: $$(call prog_src,$$*) $$(call prog_hdr,$$*) lib/libguwen.a $(HEADERS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c,$^) lib/libguwen.a $(LDLIBS)

tools/guwen: $(TOOL_SRC) tools/cli.h lib/libguwen.a $(HEADERS)
	$(CC) $(CFLAGS) $(TOOL_CFLAGS) -DGUWEN_PREFIX='"$(PREFIX)"' $(LDFLAGS) -o $@ $(TOOL_SRC) lib/libguwen.a $(TOOL_LIBS) $(LDLIBS)

tests/unit/test_%: tests/unit/test_%.c lib/libguwen.a $(HEADERS)
	$(CC) $(CFLAGS) -o $@ $< lib/libguwen.a $(LDLIBS_DYN) -lcmocka

# The programs once more with AddressSanitizer and UBSan, in build/asan/ (make
# test runs the HTTP suite against them; see scripts/test-all).
ASAN_DIR   = build/asan
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
ASAN_OBJ   = $(LIB_SRC:%.c=$(ASAN_DIR)/%.o)
ASAN_PROGS = $(PROGS:%=$(ASAN_DIR)/%)

$(ASAN_DIR)/lib/%.o: lib/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(ASAN_FLAGS) -c -o $@ $<

$(ASAN_DIR)/lib/libguwen.a: $(ASAN_OBJ)
	rm -f $@; ar rcs $@ $^

$(ASAN_DIR)/cgi-bin/%.fcgi: $$(call prog_src,$$*) $$(call prog_hdr,$$*) \
		$(ASAN_DIR)/lib/libguwen.a $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(ASAN_FLAGS) -o $@ $(filter %.c,$^) $(ASAN_DIR)/lib/libguwen.a $(LDLIBS_DYN)

asan: $(ASAN_PROGS)

deps:
	@scripts/deps.sh

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; ./$$t; done

run: deps all
	@scripts/devstack run

stop:
	@scripts/devstack stop

test: deps all asan
	@scripts/test-all

bench: all
	@tests/bench/run

# Ready configurations (paths and the programs filled in) under share/guwen/etc;
# the configuration directory and the uploads directory (guwen setup --user
# gives them to the program user).
CONFDIR ?= /etc/guwen
STATEDIR ?= /var/lib/guwen
PROG_NAMES = $(sort $(basename $(notdir $(PROGS))))
SITE_CONF = etc/nginx-site.conf etc/apache.conf etc/htaccess.example etc/guwen-spawn \
	$(wildcard etc/systemd/*)
FILL = sed -e 's|@PREFIX@|$(PREFIX)|g' \
	-e 's/@PROGRAMS@/$(subst $(eval) ,|,$(filter-out home,$(PROG_NAMES)))/g' \
	-e 's/@PROGRAMS_SPACED@/$(PROG_NAMES)/g' \
	-e 's/@PROGRAM_UNITS@/$(patsubst %,guwen@%.service,$(PROG_NAMES))/g'

install: all
	install -d $(DESTDIR)$(PREFIX)/lib/guwen/cgi-bin $(DESTDIR)$(PREFIX)/bin \
		$(DESTDIR)$(PREFIX)/share/guwen/etc/systemd $(DESTDIR)$(PREFIX)/sbin
	install -d -m 0755 $(DESTDIR)$(CONFDIR)
	install -d -m 0700 $(DESTDIR)$(STATEDIR)/uploads $(DESTDIR)$(STATEDIR)/backups
	install -m 0755 $(PROGS) $(DESTDIR)$(PREFIX)/lib/guwen/cgi-bin/
	install -m 0755 tools/guwen $(DESTDIR)$(PREFIX)/bin/guwen
	cp -R templates htdocs sql $(DESTDIR)$(PREFIX)/share/guwen/
	install -m 0644 etc/guwen.hdf.example etc/cn-holidays-2025-2026.tsv \
		$(DESTDIR)$(PREFIX)/share/guwen/etc/
	for f in $(SITE_CONF); do \
		$(FILL) $$f >$(DESTDIR)$(PREFIX)/share/guwen/$$f || exit 1; done
	mv $(DESTDIR)$(PREFIX)/share/guwen/etc/guwen-spawn $(DESTDIR)$(PREFIX)/sbin/guwen-spawn
	chmod 0755 $(DESTDIR)$(PREFIX)/sbin/guwen-spawn

# A bundle for a shared host (plain CGI, no root): dist/guwen-cgi-VERSION.tar.gz
dist-cgi: all
	@scripts/dist-cgi

clean:
	rm -rf $(ASAN_DIR)
	rm -f lib/*.o lib/libguwen.a cgi-bin/*.fcgi tools/guwen $(UNIT_BIN) $(filter-out %.c,$(wildcard tests/fuzz/fuzz_*))

.PHONY: all asan deps unit run stop test bench install dist-cgi clean
.SECONDARY: $(LIB_OBJ) $(ASAN_OBJ)
