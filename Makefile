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
else
LDLIBS = $(LDLIBS_DYN)
endif

LIB_SRC   = $(sort $(wildcard lib/*.c))
LIB_OBJ   = $(LIB_SRC:.c=.o)
PROG_SRC  = $(sort $(wildcard cgi-bin/*.c))
PROGS     = $(PROG_SRC:.c=.fcgi)
UNIT_SRC  = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN  = $(UNIT_SRC:.c=)
HEADERS   = $(wildcard include/guwen/*.h)
TOOL_SRC  = $(sort $(wildcard tools/*.c))

all: lib/libguwen.a $(PROGS) tools/guwen

lib/%.o: lib/%.c $(HEADERS)
	$(CC) $(CFLAGS) -c -o $@ $<

lib/libguwen.a: $(LIB_OBJ)
	rm -f $@; ar rcs $@ $^

cgi-bin/%.fcgi: cgi-bin/%.c lib/libguwen.a $(HEADERS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< lib/libguwen.a $(LDLIBS)

tools/guwen: $(TOOL_SRC) tools/cli.h lib/libguwen.a $(HEADERS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(TOOL_SRC) lib/libguwen.a $(LDLIBS)

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

$(ASAN_DIR)/cgi-bin/%.fcgi: cgi-bin/%.c $(ASAN_DIR)/lib/libguwen.a $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(ASAN_FLAGS) -o $@ $< $(ASAN_DIR)/lib/libguwen.a $(LDLIBS_DYN)

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

install: all
	install -d $(DESTDIR)$(PREFIX)/lib/guwen/cgi-bin $(DESTDIR)$(PREFIX)/bin \
		$(DESTDIR)$(PREFIX)/share/guwen
	install -m 0755 $(PROGS) $(DESTDIR)$(PREFIX)/lib/guwen/cgi-bin/
	install -m 0755 tools/guwen $(DESTDIR)$(PREFIX)/bin/guwen
	cp -R templates htdocs sql etc $(DESTDIR)$(PREFIX)/share/guwen/

clean:
	rm -rf $(ASAN_DIR)
	rm -f lib/*.o lib/libguwen.a cgi-bin/*.fcgi tools/guwen $(UNIT_BIN) $(filter-out %.c,$(wildcard tests/fuzz/fuzz_*))

.PHONY: all asan deps unit run stop test bench install clean
.SECONDARY: $(LIB_OBJ) $(ASAN_OBJ)
