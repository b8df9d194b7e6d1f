#!/usr/bin/env bash
# Proof that the node salvages a full, corrupt buffer within its GC heap limit (runtimeconfig.template.json), with the
# real published daemon: builds a buffer of 60 000 windows (what the 64 MB quota holds of 512-byte payloads with their indexes,
# 20 months of 15-minute windows; some 90 MB once decoded), damages one of its indexes so that the start-up integrity check fails, runs
# `edgenode run --emulate` on it and reports what the fresh buffer recorded and the peak RSS.
# Usage: tests/soak/salvage-under-cap.sh [windows, default 60000]. Needs the sqlite3 command. Asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
windows=${1:-60000}
out=$(mktemp -d)
data=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$out" "$data"' EXIT
pid=

dotnet publish firmware/EdgeNode.Daemon -c Release -o "$out" --nologo -v quiet >/dev/null

# A real window to copy: 20 s at 100 times real speed closes two or three full 15-minute windows.
"$out/edgenode" run --config hardware/edgenode.json --data-directory "$data" --emulate --speed 100 >"$data/first.log" 2>&1 &
pid=$!
sleep 20
kill -TERM "$pid"; wait "$pid" || true
sqlite3 "$data/buffer.db" "
  PRAGMA journal_mode = WAL;
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $windows)
  INSERT INTO windows (start_ticks, length_ticks, payload)
    SELECT w.start_ticks - (i * 9000000000), w.length_ticks, w.payload FROM n, (SELECT * FROM windows ORDER BY length(payload) DESC LIMIT 1) AS w;
  PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
stored=$(sqlite3 "$data/buffer.db" "SELECT count(*) || ' windows of up to ' || max(length(payload)) || ' bytes' FROM windows")
bytes=$(stat -c %s "$data/buffer.db")

# Garbage over the root page of one index: the table itself stays readable, PRAGMA quick_check does not pass.
page_size=$(sqlite3 "$data/buffer.db" "PRAGMA page_size")
root=$(sqlite3 "$data/buffer.db" "SELECT rootpage FROM sqlite_master WHERE name = 'windows_by_length'")
head -c "$page_size" /dev/urandom | dd of="$data/buffer.db" bs="$page_size" seek=$((root - 1)) conv=notrunc status=none
rm -f "$data/buffer.db-wal" "$data/buffer.db-shm"

"$out/edgenode" run --config hardware/edgenode.json --data-directory "$data" --emulate >"$data/log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  sleep 1
  kill -0 "$pid" 2>/dev/null || break
  if sqlite3 "$data/buffer.db" "SELECT 1 FROM set_aside" 2>/dev/null | grep -q 1; then break; fi
done
hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
alive=$(kill -0 "$pid" 2>/dev/null && echo running || echo "exited ($(wait "$pid"; echo $?))")
echo "buffer of $stored, $((bytes / 1048576)) MB; daemon $alive; peak RSS $((hwm / 1024)) MB"
sqlite3 "$data/buffer.db" "SELECT 'set aside: ' || windows_salvaged || ' windows salvaged, read to end: ' || read_to_end FROM set_aside" 2>/dev/null || echo "no set-aside record in the fresh buffer"
grep -iE "outofmemory|unhandled" "$data/log" | head -3 || true
