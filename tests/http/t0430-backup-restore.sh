#!/usr/bin/env bash
# guwen backup / restore: demo data and a complaint with attachments are backed
# up, restored into an empty database and upload store, and every table's rows
# and checksum and every file's SHA-256 come back equal. A flipped byte, a cut
# file or another key is refused before anything is touched; Backup.Dir keeps
# the last Backup.Keep, ships each file, and guwen jobs makes one a day.
. "$(dirname "$0")/lib.sh"
G=$ROOT/tools/guwen
DB=gw_restore_$$
cleanup() { sql "DROP DATABASE IF EXISTS $DB" || true; rm -rf "$T"; }
trap cleanup EXIT
export GUWEN_CONFIG=$VAR/guwen.hdf
F=$ROOT/tests/http/files

req p POST /portal/complaint -F "token=$(form_token complaint 10)" -F name=备份测试 \
    -F phone=13800138123 -F 'description=备份恢复测试' -F "files=@$F/photo.png;type=image/png" \
    -F "files=@$F/letter.pdf;type=application/pdf"
[ "$(find "$VAR/uploads" -type f | wc -l)" -ge 2 ] || fail "no uploaded files to back up"

$G backup --out "$T/a.gwbk" >"$T/out" 2>&1 || fail "backup: $(cat "$T/out")"
[ "$(stat -c %a "$T/a.gwbk")" = 600 ] || fail "backup file mode"
! ls "$T"/*.tmp 2>/dev/null || fail "temporary file left"
! grep -qa "备份测试\|13800138123\|INSERT INTO" "$T/a.gwbk" || fail "backup not encrypted"
$G backup --verify "$T/a.gwbk" >"$T/out" 2>&1 || fail "verify: $(cat "$T/out")"
grep -q "ok, made .* tables, .* rows, [1-9][0-9]* files; every checksum matches" "$T/out" || fail "verify says: $(cat "$T/out")"
ok "backup written (0600, encrypted) and verified"

# a second, empty database and upload store
sql "CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
mkdir -m 700 "$T/up2"
sed -e "s|^  Name = guwen$|  Name = $DB|" -e "s|^  Uploads = .*|  Uploads = $T/up2|" \
    "$VAR/guwen.hdf" >"$T/restore.hdf"
R() { GUWEN_CONFIG=$T/restore.hdf $G "$@"; }
# damaged copies are refused before anything is touched
cp "$T/a.gwbk" "$T/flip.gwbk"
size=$(stat -c %s "$T/a.gwbk")
off=$((size / 2))
b=$(od -An -tu1 -j "$off" -N1 "$T/a.gwbk" | tr -d ' ')
printf "$(printf '\\%03o' $(( b ^ 1 )))" | dd of="$T/flip.gwbk" bs=1 seek="$off" conv=notrunc status=none
head -c $((size - 7)) "$T/a.gwbk" >"$T/cut.gwbk"
head -c 100 "$T/a.gwbk" >"$T/short.gwbk"
for bad in flip cut short; do
    set +e
    $G backup --verify "$T/$bad.gwbk" >"$T/out" 2>&1; rc1=$?
    R restore "$T/$bad.gwbk" >>"$T/out" 2>&1; rc2=$?
    set -e
    [ $rc1 = 1 ] && [ $rc2 = 1 ] || fail "$bad file accepted: $(cat "$T/out")"
    case $bad in
    flip) grep -q "refused: the file was changed (tampered or damaged)" "$T/out" || fail "flip: $(cat "$T/out")" ;;
    *) grep -q "refused: the file is cut short (truncated)" "$T/out" || fail "$bad: $(cat "$T/out")" ;;
    esac
    grep -q "nothing was changed" "$T/out" || fail "restore of $bad does not say nothing changed"
    [ "$(sql "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema='$DB'")" = 0 ] || fail "restore of $bad touched the database"
    [ -z "$(ls -A "$T/up2")" ] || fail "restore of $bad touched the uploads"
done
"$G" keys create "$T/otherkeys" >/dev/null
sed -i "s|^  KeyFile = .*|  KeyFile = $T/otherkeys|" "$T/restore.hdf"
set +e
R restore "$T/a.gwbk" >"$T/out" 2>&1; rc=$?
set -e
[ $rc = 1 ] && grep -q "made with a key that is not in the key file" "$T/out" || fail "other key: $(cat "$T/out")"
sed -i "s|^  KeyFile = .*|  KeyFile = $VAR/keys|" "$T/restore.hdf"
ok "a flipped byte, a cut file and a foreign key are refused; nothing touched"

R restore "$T/a.gwbk" >"$T/out" 2>&1 || fail "restore: $(cat "$T/out")"
grep -q "restored .* tables" "$T/out" || fail "restore says: $(cat "$T/out")"
tables=$(sql "SELECT table_name FROM information_schema.tables WHERE table_schema='guwen' AND table_type='BASE TABLE' ORDER BY 1")
[ "$(sql "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema='$DB'")" = "$(echo "$tables" | wc -l)" ] || fail "not every table restored"
for t in $tables; do
    a=$(sql "SELECT COUNT(*) FROM guwen.\`$t\`"); b=$(sql "SELECT COUNT(*) FROM $DB.\`$t\`")
    [ "$a" = "$b" ] || fail "$t: $a rows, restored $b"
    ca=$(sql "CHECKSUM TABLE guwen.\`$t\`" | cut -f2); cb=$(sql "CHECKSUM TABLE $DB.\`$t\`" | cut -f2)
    [ "$ca" = "$cb" ] || fail "$t: checksum $ca, restored $cb"
done
(cd "$VAR/uploads" && find . -type f | sort | xargs sha256sum) >"$T/sum.a"
(cd "$T/up2" && find . -type f | sort | xargs sha256sum) >"$T/sum.b"
cmp -s "$T/sum.a" "$T/sum.b" || fail "files differ: $(diff "$T/sum.a" "$T/sum.b" | head -5)"
[ "$(find "$T/up2" -type f -perm 600 | wc -l)" = "$(wc -l <"$T/sum.a")" ] || fail "restored file modes"
ok "restored: every table's rows and checksum, every file's sha256 equal"

set +e
R restore "$T/a.gwbk" >"$T/out" 2>&1; rc=$?
set -e
[ $rc = 1 ] && grep -q "only an empty database" "$T/out" || fail "restore over data: $(cat "$T/out")"
ok "restore refuses a database that has tables"

# on the restored copy (guwen jobs changes complaints), as its owner
mkdir "$T/bk" "$T/ship"
{
    sed -e "s|^  User = guwen$|  User = root|" -e "s|^  Password = .*|  Password =|" "$T/restore.hdf"
    printf 'Backup {\n  Dir = %s\n  Keep = 2\n  ShipCommand = cp -t %s\n}\n' "$T/bk" "$T/ship"
} >"$T/dir.hdf"
D() { GUWEN_CONFIG=$T/dir.hdf $G "$@"; }
D jobs >/dev/null 2>"$T/err" || fail "jobs: $(cat "$T/err")"
[ "$(ls "$T/bk" | wc -l)" = 1 ] || fail "guwen jobs made no backup"
D jobs >/dev/null 2>"$T/err"
[ "$(ls "$T/bk" | wc -l)" = 1 ] || fail "guwen jobs made a second backup the same day"
for _ in 1 2; do sleep 1.1; D backup >/dev/null || fail "backup into Backup.Dir"; done
[ "$(ls "$T/bk" | grep -c '\.gwbk$')" = 2 ] || fail "Backup.Keep = 2 not kept: $(ls "$T/bk")"
[ "$(ls "$T/ship" | wc -l)" = 3 ] || fail "not every backup shipped: $(ls "$T/ship")"
for f in "$T"/bk/*.gwbk; do $G backup --verify "$f" >/dev/null || fail "kept backup does not verify"; done
ok "Backup.Dir keeps the last Backup.Keep, ships each, guwen jobs makes one a day"
