#!/usr/bin/env bash
# Shows EdgeNode running, as far as it is built today: the technician's self-test on an emulated node, then
# the whole chain on this machine: a Mosquitto broker, the fleet service storing into SQLite, and three
# emulated nodes in two municipalities (one with a faulty sensor) living through yesterday in a minute and a
# half, then carrying on in real time. Ctrl-C stops everything cleanly.
# The staff panel, public page and the fleet-owned, TLS-secured broker come with the next issues.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is missing: install it (https://learn.microsoft.com/dotnet/core/install/linux-debian), then run ./demo.sh again." >&2
  exit 1
fi
if [ ! -x /usr/sbin/mosquitto ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing Mosquitto (the MQTT broker)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mosquitto >/dev/null
  else
    echo "The demo needs the Mosquitto broker. Install it with: sudo apt-get install -y mosquitto" >&2
    exit 1
  fi
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The fleet's front-end packages (package-lock.json), when it has any, come from npm.
if [ -f fleet/EdgeNode.Fleet/package-lock.json ]; then
  if ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
    else
      echo "The demo needs npm for the fleet's web assets. Install it with: sudo apt-get install -y npm" >&2
      exit 1
    fi
  fi
  (cd fleet/EdgeNode.Fleet && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

artifacts=.artifacts/demo
echo "Building the node (firmware/EdgeNode.Daemon) and the fleet (fleet/EdgeNode.Fleet)..."
dotnet publish firmware/EdgeNode.Daemon -c Release -o "$artifacts/edgenode" --nologo -v quiet >/dev/null
dotnet publish fleet/EdgeNode.Fleet -c Release -o "$artifacts/fleet" --nologo -v quiet >/dev/null
edgenode="$artifacts/edgenode/edgenode"

echo
echo "== 1. A freshly wired node checked by the technician: every sensor found and read, then the same node"
echo "==    with the CO2 sensor's cable loose: the fault is named, with what to check."
echo "\$ edgenode selftest --emulate"
"$edgenode" selftest --emulate || true
echo
echo "\$ edgenode selftest --emulate --fault scd4x=not-answering"
"$edgenode" selftest --emulate --fault scd4x=not-answering || true

run="$artifacts/run"
rm -rf "$run"
mkdir -p "$run"
run=$(cd "$run" && pwd)
broker_port=18830
fleet_url=http://127.0.0.1:8080
pids=()

stop_all() {
  trap - INT TERM EXIT
  echo
  echo "Stopping: nodes first (each stores its window in progress), then the fleet, then the broker..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "Stopped. The fleet's database stays in $run/fleet.db."
}
trap stop_all INT TERM EXIT

start() { # name, then the command: output goes to $run/<name>.log
  local name=$1
  shift
  "$@" >"$run/$name.log" 2>&1 &
  pids=("$!" "${pids[@]}")
}

cat >"$run/mosquitto.conf" <<CONF
# Plain MQTT on loopback only; the fleet-owned broker with TLS and per-node credentials is the next issue.
listener $broker_port 127.0.0.1
allow_anonymous true
persistence true
persistence_location $run/
$( [ "$(id -u)" -eq 0 ] && echo "user root" )
CONF
start mosquitto /usr/sbin/mosquitto -c "$run/mosquitto.conf"

Fleet__Storage__ConnectionString="Data Source=$run/fleet.db" Fleet__Broker__Port=$broker_port ASPNETCORE_URLS=$fleet_url \
  start fleet dotnet "$artifacts/fleet/EdgeNode.Fleet.dll"

node() { # id, then extra options
  local id=$1
  shift
  mkdir -p "$run/$id"
  EDGENODE_Node__Id=$id EDGENODE_Uplink__Broker=127.0.0.1 EDGENODE_Uplink__Port=$broker_port \
    start "$id" "$edgenode" run --emulate --speed 1000 --history 1.00:00:00 --data-directory "$run/$id" "$@"
}
node saint-jean-mairie
node saint-jean-ecole
node villeneuve-stade --fault sds011=not-answering

for _ in $(seq 1 60); do
  curl -fs "$fleet_url/health" >/dev/null 2>&1 && break
  sleep 1
done

cat <<MSG

== 2. Running now (logs in $run/*.log):
   Broker     mqtt://127.0.0.1:$broker_port (plain, loopback only)
   Fleet      $fleet_url/health   storing into $run/fleet.db
   Nodes      saint-jean-mairie, saint-jean-ecole (Saint-Jean), villeneuve-stade (Villeneuve, its SDS011
              particulate sensor not answering). Each lives through the last 24 hours at 1000 times real
              speed (about 90 s), sending hourly batches, then carries on in real time.
   A node's own view:   $edgenode status --data-directory $run/villeneuve-stade
   Inject a fault live: echo "bme280=stuck" >> $run/saint-jean-ecole/emulation-faults
   Staff panel $fleet_url/staff/login   $(grep -o 'as admin with password [^ ]*' "$run/fleet.log" | sed 's/as admin with password /user admin, password /' | head -1)
              (the first admin's password is printed once, in $run/fleet.log; this run's database is new)

Press Ctrl-C to stop everything.
MSG

sleep 100
for id in saint-jean-mairie saint-jean-ecole villeneuve-stade; do
  echo
  echo "\$ edgenode status --data-directory $run/$id"
  "$edgenode" status --data-directory "$run/$id" || true
done
echo
grep -h "Sync:" "$run"/*-*.log | tail -3 || true
wait
