#!/usr/bin/env bash
# Soak measurement of the node service on five emulated sensors, at real speed. Measures, asserts nothing.
#
# Usage: tests/soak/node-soak.sh [--jit] [--binary DIR] [--samples FILE] [minutes, default 10]
#   (default)     the Native AOT linux-x64 binary, as shipped (README, "Deploying on a Raspberry Pi")
#   --jit         the framework-dependent build instead, for comparison
#   --binary DIR  measure the edgenode already published in DIR instead of publishing
#   --samples F   also write every sample (seconds, RSS, PSS, anonymous, file-backed; kB) to F as CSV
#   --tls         also connect the node, as deployed, over TLS with a pinned CA to a Mosquitto started here (the
#                 TLS library's pages then count in the node's memory)
#
# Prints: binary sizes (x64 and arm64, AOT only), start-up time to READY=1 (the daemon's sd_notify, received on a
# socket of our own), RSS and PSS from /proc/PID/smaps_rollup (first, mean, max, last, and the mean of the last
# half to show it is flat), anonymous vs file-backed, CPU over the run, bytes written to disk per day, and where
# the resident memory is at the end (by mapping).
set -euo pipefail
cd "$(dirname "$0")/../.."

mode=aot; binary_dir=""; samples=""; tls=""
while [ $# -gt 0 ]; do
  case "$1" in
    --jit) mode=jit; shift ;;
    --binary) binary_dir=$2; shift 2 ;;
    --samples) samples=$2; shift 2 ;;
    --tls) tls=yes; shift ;;
    -*) echo "unknown option $1 (see the top of $0)" >&2; exit 2 ;;
    *) break ;;
  esac
done
minutes=${1:-10}
command -v socat >/dev/null || { echo "The soak needs socat to receive READY=1: sudo apt-get install -y socat" >&2; exit 1; }

work=$(mktemp -d)
data="$work/data"; mkdir -p "$data"
# status.json, rewritten every minute, goes to memory as under systemd (RuntimeDirectory=), so that the bytes written
# to disk are the buffer's alone, as on a node.
runtime=$(mktemp -d -p /dev/shm edgenode-soak-XXXXXX)
pid=""; listener=""; broker=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; [ -n "$listener" ] && kill "$listener" 2>/dev/null; [ -n "$broker" ] && kill "$broker" 2>/dev/null; rm -rf "$work" "$runtime"' EXIT

uplink=()
if [ -n "$tls" ]; then
  command -v mosquitto >/dev/null && command -v openssl >/dev/null || { echo "--tls needs mosquitto and openssl: sudo apt-get install -y mosquitto openssl" >&2; exit 1; }
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=soak-ca -keyout "$work/ca.key" -out "$work/ca.pem" 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=localhost -keyout "$work/broker.key" -out "$work/broker.csr" 2>/dev/null
  openssl x509 -req -in "$work/broker.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" -CAcreateserial -days 2 \
    -extfile <(echo "subjectAltName=DNS:localhost") -out "$work/broker.pem" 2>/dev/null
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  printf 'listener %s 127.0.0.1\ncafile %s\ncertfile %s\nkeyfile %s\nallow_anonymous true\n' "$port" "$work/ca.pem" "$work/broker.pem" "$work/broker.key" >"$work/mosquitto.conf"
  # Mosquitto started as root reads its files as user mosquitto.
  chmod 755 "$work"; chmod 644 "$work/broker.key"
  mosquitto -c "$work/mosquitto.conf" >"$work/mosquitto.log" 2>&1 &
  broker=$!
  sleep 1
  kill -0 "$broker" 2>/dev/null || { echo "mosquitto did not start:" >&2; cat "$work/mosquitto.log" >&2; exit 1; }
  uplink=(EDGENODE_Uplink__Broker=localhost EDGENODE_Uplink__Port="$port" EDGENODE_Uplink__CaFile="$work/ca.pem")
fi

size_mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f MB", b / 1048576 }'; }
if [ -z "$binary_dir" ]; then
  binary_dir="$work/edgenode"
  if [ "$mode" = aot ]; then
    dotnet publish firmware/EdgeNode.Daemon -c Release -r linux-x64 -p:PublishAot=true -o "$binary_dir" --nologo -v quiet >/dev/null
    dotnet publish firmware/EdgeNode.Daemon -c Release -r linux-arm64 -p:PublishAot=true -o "$work/arm64" --nologo -v quiet >/dev/null
    echo "binary: linux-x64 $(size_mb "$binary_dir/edgenode") + libe_sqlite3.so $(size_mb "$binary_dir/libe_sqlite3.so");" \
      "linux-arm64 $(size_mb "$work/arm64/edgenode") + libe_sqlite3.so $(size_mb "$work/arm64/libe_sqlite3.so")"
  else
    dotnet publish firmware/EdgeNode.Daemon -c Release -o "$binary_dir" --nologo -v quiet >/dev/null
  fi
fi

# READY=1 arrives on our own notify socket, as systemd would receive it (Type=notify).
socat -u UNIX-RECV:"$work/notify" OPEN:"$work/notified",creat,append &
listener=$!
for _ in $(seq 50); do [ -S "$work/notify" ] && break; sleep 0.1; done
t0=$(date +%s.%N)
# Microsoft.Extensions.Hosting.Systemd knows systemd by its parent process's name: the node is started by a shell
# linked under that name, which stays its parent (and is the only process between it and this script).
ln -s "$(command -v sh)" "$work/systemd"
"$work/systemd" -c '"$@" & echo $! >"$0/pid"; wait' "$work" \
  env "${uplink[@]}" NOTIFY_SOCKET="$work/notify" RUNTIME_DIRECTORY="$runtime" "$binary_dir/edgenode" run --config hardware/edgenode.json --data-directory "$data" --emulate >"$data/log" 2>&1 &
for _ in $(seq 50); do [ -s "$work/pid" ] && break; sleep 0.1; done
pid=$(cat "$work/pid")
ready=""
for _ in $(seq 600); do
  if grep -q READY=1 "$work/notified" 2>/dev/null; then ready=$(date +%s.%N); break; fi
  kill -0 "$pid" 2>/dev/null || { echo "edgenode stopped before it was ready:" >&2; cat "$data/log" >&2; exit 1; }
  sleep 0.05
done
[ -n "$ready" ] || { echo "edgenode not ready after 30 s" >&2; exit 1; }
awk -v a="$t0" -v b="$ready" 'BEGIN { printf "start-up to READY=1: %.2f s\n", b - a }'

ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
written() { awk '/^write_bytes:/ {print $2}' "/proc/$pid/io"; }
# kB: RSS, PSS, anonymous (heap, stacks, GC), file-backed (the binary and libraries mapped from disk).
memory() { awk '/^Rss:/ {r=$2} /^Pss:/ {p=$2} /^Anonymous:/ {a=$2} END {print r, p, a, r - a}' "/proc/$pid/smaps_rollup"; }

sleep 60                      # start-up (first windows, first collections) is not steady state
cpu_start=$(cpu); io_start=$(written); t_start=$(date +%s.%N)
[ -n "$samples" ] && echo "seconds,rss_kb,pss_kb,anonymous_kb,file_kb" >"$samples"
: >"$work/memory"
end=$(( $(date +%s) + minutes * 60 ))
while [ "$(date +%s)" -lt "$end" ]; do
  kill -0 "$pid" 2>/dev/null || { echo "edgenode stopped during the soak:" >&2; tail -20 "$data/log" >&2; exit 1; }
  m=$(memory); echo "$m" >>"$work/memory"
  [ -n "$samples" ] && echo "$(( $(date +%s) - ${t_start%.*} )),${m// /,}" >>"$samples"
  sleep 10
done
cpu_end=$(cpu); io_end=$(written); t_end=$(date +%s.%N)

awk -v c0="$cpu_start" -v c1="$cpu_end" -v t0="$t_start" -v t1="$t_end" -v hz="$ticks" -v m="$minutes" -v mode="$mode" -v tls="${tls:+, TLS uplink}" \
    -v w0="$io_start" -v w1="$io_end" '
  function mb(kb) { return sprintf("%.1f", kb / 1024) }
  { rss[NR] = $1; pss[NR] = $2; anon[NR] = $3; file[NR] = $4 }
  END {
    n = NR; half = int(n / 2) + 1
    for (i = 1; i <= n; i++) {
      sr += rss[i]; sp += pss[i]; sa += anon[i]; sf += file[i]
      if (rss[i] > mr) mr = rss[i]; if (pss[i] > mp) mp = pss[i]
      if (i >= half) { hr += rss[i]; hp += pss[i]; hn++ }
    }
    printf "soak %d min (%s%s, %d samples): CPU %.3f %% of one core\n", m, mode, tls, n, 100 * (c1 - c0) / hz / (t1 - t0)
    printf "RSS MB: first %s, mean %s, max %s, last %s; mean of the last half %s\n", mb(rss[1]), mb(sr / n), mb(mr), mb(rss[n]), mb(hr / hn)
    printf "PSS MB: first %s, mean %s, max %s, last %s; mean of the last half %s\n", mb(pss[1]), mb(sp / n), mb(mp), mb(pss[n]), mb(hp / hn)
    printf "RSS MB by kind (mean): anonymous %s, file-backed %s; last: anonymous %s, file-backed %s\n", mb(sa / n), mb(sf / n), mb(anon[n]), mb(file[n])
    printf "written to disk: %.0f KB in %.1f min, %.2f MB per day\n", (w1 - w0) / 1024, (t1 - t0) / 60, (w1 - w0) / (t1 - t0) * 86400 / 1048576
  }' "$work/memory"

# Where the resident memory is at the end: each mapping by its file (or kind), largest first.
echo "resident at the end, by mapping (kB RSS / PSS / anonymous):"
awk '
  /^[0-9a-f]+-[0-9a-f]+ / { name = (NF >= 6) ? $6 : "[anonymous]"; sub(/.*\//, "", name) }
  /^Rss:/ { rss[name] += $2 } /^Pss:/ { pss[name] += $2 } /^Anonymous:/ { anon[name] += $2 }
  END { for (k in rss) if (rss[k] > 0) printf "%8d %8d %8d  %s\n", rss[k], pss[k], anon[k], k }' "/proc/$pid/smaps" | sort -rn | head -12
echo "sensor fault lines in the log: $(grep -c fault "$data/log" || true)"
[ -z "$tls" ] || echo "uplink: the broker saw $(grep -c "New client connected" "$work/mosquitto.log" || true) connection(s) from the node over TLS"
