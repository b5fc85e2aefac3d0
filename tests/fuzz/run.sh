#!/bin/sh
# run.sh — build the request-parser fuzz target and run it for $1 seconds (default 60)
# on a copy of tests/fuzz/corpus; exits non-zero on a crash, keeping the input.
set -eu

secs=${1:-60}
cd "$(dirname "$0")/../.."

clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -std=c11 \
	-D_GNU_SOURCE -Iinclude -I/usr/include/ClearSilver -I/usr/include/mariadb \
	tests/fuzz/fuzz_request.c lib/request.c lib/arena.c lib/valid.c -o tests/fuzz/fuzz_request

# Work on a copy so new inputs found by this run do not land in the repository.
work=$(mktemp -d "${TMPDIR:-/tmp}/guwen-fuzz.XXXXXX")
cp -R tests/fuzz/corpus "$work/corpus"

rc=0
tests/fuzz/fuzz_request -max_total_time="$secs" -print_final_stats=1 \
	-artifact_prefix="$work/" "$work/corpus" >"$work/log" 2>&1 || rc=$?

grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$work/log" || true
if [ "$rc" -ne 0 ]; then
	tail -n 60 "$work/log"
	echo "fuzz_request: crash (exit $rc); input and log kept in $work" >&2
	exit "$rc"
fi
rm -rf "$work"
