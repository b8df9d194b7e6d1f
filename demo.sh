#!/usr/bin/env bash
# Shows EdgeNode running, as far as it is built today: a node on emulated sensors, with the technician's
# self-test finding every sensor, then naming faults injected at the wire, then the node service itself.
# The fleet, its broker and its web pages come with the next issues; this script will start them too.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is missing: install it (https://learn.microsoft.com/dotnet/core/install/linux-debian), then run ./demo.sh again." >&2
  exit 1
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

out=.artifacts/demo/edgenode
echo "Building the node (firmware/EdgeNode.Daemon)..."
dotnet publish firmware/EdgeNode.Daemon -c Release -o "$out" --nologo -v quiet >/dev/null

run() {
  echo
  echo "\$ edgenode $*"
  "$out/edgenode" "$@" || true
}

echo
echo "== 1. A freshly wired node: every sensor found and read (emulated at the wire, virtual time)"
run selftest --emulate

echo
echo "== 2. The same node a month later: the CO2 sensor's cable works loose, the PMS5003 sends corrupt"
echo "==    frames and the BME280's converter freezes. Each fault is named, with what to check."
run selftest --emulate --fault scd4x=not-answering --fault pms5003=corrupt-data --fault bme280=stuck

echo
echo "== 3. The node service on emulated sensors, 100 times faster than real time, for 20 seconds:"
echo "==    a sampling loop per sensor, 15-minute windows stored durably in SQLite. Ctrl-C stops it cleanly."
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
echo "\$ edgenode run --config hardware/edgenode.json --data-directory $data --emulate --speed 100"
timeout -s INT 20 "$out/edgenode" run --config hardware/edgenode.json --data-directory "$data" --emulate --speed 100 || true

cat <<'MSG'

What runs today: the node's drivers, self-test and service (see README.md). Try your own faults:
  .artifacts/demo/edgenode/edgenode selftest --emulate --fault ops243=not-present
Not yet: the fleet server, its broker and web pages (so no URL or admin login to print yet).
MSG
