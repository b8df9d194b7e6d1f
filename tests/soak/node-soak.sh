#!/usr/bin/env bash
# Soak measurement of the node service on emulated sensors, at real speed: resident memory at steady state
# and CPU averaged over the run (issue targets: <= 40 MB RSS, <= 0.5 % of one core over 10 minutes).
# Usage: tests/soak/node-soak.sh [minutes, default 10]. Prints one summary line; measures, asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes=${1:-10}
out=$(mktemp -d)
data=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$out" "$data"' EXIT

dotnet publish firmware/EdgeNode.Daemon -c Release -o "$out" --nologo -v quiet >/dev/null
"$out/edgenode" run --config hardware/edgenode.json --data-directory "$data" --emulate >"$data/log" 2>&1 &
pid=$!

ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$pid/status"; }

sleep 60                      # start-up (JIT, first windows) is not steady state
cpu_start=$(cpu); t_start=$(date +%s.%N); max_rss=0; sum_rss=0; n=0; first_rss=$(rss_kb)
end=$(( $(date +%s) + minutes * 60 ))
while [ "$(date +%s)" -lt "$end" ]; do
  r=$(rss_kb); sum_rss=$((sum_rss + r)); n=$((n + 1)); [ "$r" -gt "$max_rss" ] && max_rss=$r
  sleep 10
done
cpu_end=$(cpu); t_end=$(date +%s.%N); last_rss=$(rss_kb)
awk -v c0="$cpu_start" -v c1="$cpu_end" -v t0="$t_start" -v t1="$t_end" -v hz="$ticks" -v mx="$max_rss" -v sm="$sum_rss" -v n="$n" -v m="$minutes" -v f="$first_rss" -v l="$last_rss" 'BEGIN {
  printf "soak %d min: CPU %.3f %% of one core, RSS mean %.1f MB, max %.1f MB, first %.1f MB, last %.1f MB\n", m, 100 * (c1 - c0) / hz / (t1 - t0), sm / n / 1024, mx / 1024, f / 1024, l / 1024 }'
grep -c "fault" "$data/log" | xargs -I{} echo "sensor fault lines in the log: {}"
