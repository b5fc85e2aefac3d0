#!/bin/sh
# run.sh — build the libFuzzer targets and run them, $1 seconds in all (default
# 60) split evenly across the targets named after it (default: every one), each
# on a copy of tests/fuzz/corpus/<target>; exits non-zero on a crash, keeping
# the input. Targets (fuzz_<target>.c):
#   request  query, urlencoded and multipart bodies, cookies (lib/request.c)
#   body     method, path, CONTENT_LENGTH and reading the body (gw_request_read)
#   valid    every validator of lib/valid.c, gw_form_check for every field type
#   config   the configuration loader and its check (lib/config.c)
#   keyring  the key-file loader, sealed values, hex (lib/crypto.c)
# FUZZ_FLAGS adds libFuzzer options (e.g. -jobs=1 for a long run).
set -eu

secs=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-request body valid config keyring}
cd "$(dirname "$0")/../.."

CFLAGS="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -std=c11
	-D_GNU_SOURCE -Iinclude -I/usr/include/ClearSilver -I/usr/include/mariadb"
NEO="-lneo_cgi -lneo_cs -lneo_utl -lz"

# sources TARGET — the library files and libraries a target is built from
sources() {
	case $1 in
	request | body) echo lib/request.c lib/arena.c lib/valid.c ;;
	valid) echo lib/valid.c lib/form.c lib/hdfset.c lib/arena.c lib/request.c "$NEO" ;;
	config) echo lib/config.c lib/log.c "$NEO" ;;
	keyring) echo lib/crypto.c -lcrypto ;;
	*) echo "run.sh: no fuzz target $1" >&2; exit 2 ;;
	esac
}

n=0
for t in $targets; do
	src=$(sources "$t")
	# shellcheck disable=SC2086  # word lists
	clang $CFLAGS "tests/fuzz/fuzz_$t.c" $src -o "tests/fuzz/fuzz_$t"
	n=$((n + 1))
done
each=$((secs / n))
[ "$each" -ge 1 ] || each=1

export LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
# Work on copies so new inputs found by a run do not land in the repository.
work=$(mktemp -d "${TMPDIR:-/tmp}/guwen-fuzz.XXXXXX")
fail=0
for t in $targets; do
	mkdir -p "$work/$t"
	cp -R "tests/fuzz/corpus/$t" "$work/$t/corpus"
	rc=0
	# shellcheck disable=SC2086  # FUZZ_FLAGS is a list
	"tests/fuzz/fuzz_$t" -max_total_time="$each" -print_final_stats=1 ${FUZZ_FLAGS:-} \
		-artifact_prefix="$work/$t/" "$work/$t/corpus" >"$work/$t/log" 2>&1 || rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: //p' "$work/$t/log" | tail -1)
	cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$work/$t/log" | tail -1)
	echo "fuzz_$t: ${each}s, ${runs:-?} runs, ${cov:-no coverage line}, exit $rc"
	if [ "$rc" -ne 0 ]; then
		tail -n 60 "$work/$t/log"
		echo "fuzz_$t: crash (exit $rc); input and log kept in $work/$t" >&2
		fail=1
	fi
done
[ "$fail" -eq 0 ] || exit 1
rm -rf "$work"
