#!/usr/bin/env bash
# Shows EdgeNode running on this machine: the technician's self-test on an emulated node, then the whole
# chain: the fleet (SQLite) running its own Mosquitto with TLS and per-node credentials, five emulated nodes
# in two municipalities enrolled with the fleet's command line (one with a faulty sensor), each living
# through the past week at 1000 times real speed (about ten minutes), then carrying on in real time.
# Ctrl-C stops everything cleanly.
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
edgenode="$PWD/$artifacts/edgenode/edgenode"

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
fleet_url=http://127.0.0.1:8080
speed=1000
history=7.00:00:00

node_fleet_pid=

stop_all() {
  trap - INT TERM HUP EXIT
  echo
  echo "Stopping: nodes first (each stores its window in progress), then the fleet (which stops its broker)..."
  for pid in "${node_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${node_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$fleet_pid" ]; then
    kill -TERM "$fleet_pid" 2>/dev/null || true
    wait "$fleet_pid" 2>/dev/null || true
  fi
  echo "Stopped. The fleet's database stays in $run/fleet.db."
}
trap stop_all INT TERM HUP EXIT

# Each program in a session of its own (setsid keeps the pid): Ctrl-C reaches this script alone, which stops the
# nodes, then the fleet, in that order; the fleet's Mosquitto, in a session of its own too, is stopped by the fleet.
start() { # name, then the command: output goes to $run/<name>.log; the pid is left in $started
  local name=$1
  shift
  setsid "$@" >"$run/$name.log" 2>&1 &
  started=$!
}

# The fleet's settings, shared by the service and its command line (Fleet__… environment variables).
fleet_settings=(
  "Fleet__Storage__ConnectionString=Data Source=$run/fleet.db"
  "Fleet__DataDirectory=$run/fleet-data"
  Fleet__Broker__Mode=Supervised
  Fleet__Broker__TlsPort=18883
  Fleet__Broker__TlsNames=localhost,127.0.0.1
)
export "${fleet_settings[@]}"
# The first admin, created on the fleet's first start with this password (otherwise a random one is logged once).
admin_password=$(head -c 12 /dev/urandom | base64 | tr -d '+/=')
export Fleet__Staff__InitialAdminPassword=$admin_password
fleet=(dotnet "$artifacts/fleet/EdgeNode.Fleet.dll")
ASPNETCORE_URLS=$fleet_url start fleet "${fleet[@]}"
fleet_pid=$started
# The node-account command as an admin types it in another shell: from any directory, with the fleet's settings.
nodes_command=$(printf '%q ' env "${fleet_settings[@]}" dotnet "$PWD/$artifacts/fleet/EdgeNode.Fleet.dll" nodes)

echo
echo "== 2. The fleet starts its own Mosquitto: site CA and broker certificate made on first start, TLS on"
echo "==    port 18883 (its only listener: nodes and the fleet alike), default deny, no anonymous client."
for _ in $(seq 1 90); do
  curl -fs "$fleet_url/health" 2>/dev/null | grep -q "broker: Healthy" && break
  sleep 1
done
echo "\$ curl $fleet_url/health"
curl -s "$fleet_url/health" || { echo "The fleet did not start: see $run/fleet.log" >&2; exit 1; }

echo
echo "== 3. An admin enrols five nodes; each gets fleet.json (its id, the broker, its secret) and fleet-ca.pem."
enrol() { # id, municipality, name, lamppost, latitude, longitude
  "${fleet[@]}" nodes enrol "$1" --municipality "$2" --name "$3" --lamppost "$4" --latitude "$5" --longitude "$6" --output "$run/$1/etc" | grep -F "enrolled"
  echo "{}" >"$run/$1/etc/edgenode.json"
}
echo "\$ EdgeNode.Fleet nodes enrol saint-jean-mairie --municipality Saint-Jean --name \"Mairie\" --lamppost SJ-014 ... --output $run/saint-jean-mairie/etc"
enrol saint-jean-mairie "Saint-Jean" "Mairie, place de l'Église" "SJ-014" 45.2721 1.4573
enrol saint-jean-ecole "Saint-Jean" "École Jules-Ferry" "SJ-027" 45.2745 1.4612
enrol saint-jean-rd20 "Saint-Jean" "Entrée de bourg, RD 20" "SJ-102" 45.2690 1.4505
enrol villeneuve-stade "Villeneuve" "Stade municipal" "VN-B07" 45.3102 1.5208
enrol villeneuve-gare "Villeneuve" "Parvis de la gare" "VN-A21" 45.3071 1.5150

node() { # id, then extra options
  local id=$1
  shift
  start "$id" "$edgenode" run --emulate --speed "$speed" --history "$history" \
    --config "$run/$id/etc/edgenode.json" --data-directory "$run/$id/data" "$@"
  node_pids+=("$started")
}
node saint-jean-mairie
node saint-jean-ecole
node saint-jean-rd20
node villeneuve-stade --fault sds011=not-answering
node villeneuve-gare

cat <<MSG

== 4. Running now (logs in $run/*.log):
   Fleet      $fleet_url/health   storing into $run/fleet.db
   Broker     mqtts://localhost:18883 (TLS, site CA $run/fleet-data/broker/tls/site-ca.pem)
   Nodes      Saint-Jean: saint-jean-mairie, saint-jean-ecole, saint-jean-rd20
              Villeneuve: villeneuve-stade (its SDS011 particulate sensor not answering), villeneuve-gare
              Each lives through the past week at $speed times real speed (about ten minutes), sending
              hourly batches over TLS with its own credential, then carries on in real time. Until
              then the pages show the days already delivered and say the air's band is not current.
   A node's own view:   $edgenode status --data-directory $run/villeneuve-stade/data
   Inject a fault live: echo "bme280=stuck" >> $run/saint-jean-ecole/data/emulation-faults
   Node accounts (list; also disable, enable, rotate, remove), from any shell:
     ${nodes_command}list
   Public page $fleet_url/   (no login; French, English with the switch at the top)
   Open data   $fleet_url/api/open/v1/nodes   (CSV and JSON; API description $fleet_url/openapi/v1.json)
   Staff panel $fleet_url/staff   user admin, password $admin_password

Press Ctrl-C to stop everything.
MSG

sleep 100
for id in saint-jean-mairie villeneuve-stade; do
  echo
  echo "\$ edgenode status --data-directory $run/$id/data"
  "$edgenode" status --data-directory "$run/$id/data" || true
done
echo
grep -h "Sync:" "$run"/*-*.log | tail -3 || true
wait
