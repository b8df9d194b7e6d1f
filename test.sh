#!/usr/bin/env bash
# Builds the solution and runs every test in it. Installs what the tests need first (as root through
# apt-get, otherwise it says the one command to run). The last line is "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

# Debian packages the tests talk to for real. The MQTT and end-to-end tests start their own Mosquitto
# processes, and the fleet's storage tests their own PostgreSQL 15 server (initdb into a temporary
# directory): neither package's system service plays a part. The serial tests use the kernel's
# pseudo-terminals, which every Linux has. The browser tests drive Debian's headless chromium through its
# chromedriver, and check accessibility with axe-core from npm. The native binary tests publish the node with Native
# AOT (clang and lld link it; the arm64 cross gcc and C library for the Raspberry Pi's linux-arm64) and run the arm64
# binary under qemu-aarch64 user emulation (tests/EdgeNode.EndToEnd.Tests/NativeAot).
REQUIRED_PACKAGES=(mosquitto postgresql chromium chromium-driver clang lld gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user-static)

install_packages() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "The tests need: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is missing: install it (https://learn.microsoft.com/dotnet/core/install/linux-debian), then run ./test.sh again." >&2
  echo "tests: 0 passed, 0 failed"
  exit 1
fi
[ ${#REQUIRED_PACKAGES[@]} -gt 0 ] && install_packages "${REQUIRED_PACKAGES[@]}"
# npm restores the front-end packages (package-lock.json: axe-core for the browser tests, the fleet's own assets).
command -v npm >/dev/null 2>&1 || install_packages npm

restore_npm() {
  local lock dir
  while IFS= read -r lock; do
    dir=$(dirname "$lock")
    if ! (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
      echo "npm ci failed in $dir (is the npm registry reachable?)." >&2
      echo "tests: 0 passed, 0 failed"
      exit 1
    fi
  done < <(find fleet tests -name package-lock.json -not -path '*/node_modules/*' -not -path '*/bin/*' -not -path '*/obj/*')
}
restore_npm

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# A hung test is killed (and named) after 10 minutes rather than stalling CI until its limit.
# One test assembly at a time (-m:1): the end-to-end nodes run at 1000x, where a second of CPU taken by another
# assembly (the sensor-isolation tests burn a core on purpose) is a quarter of an hour of their emulated day.
dotnet test EdgeNode.sln -m:1 --nologo --verbosity minimal --blame-hang-timeout 10m 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Add up the per-assembly summaries: "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total: ...".
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed: / {
    gsub(/,/, "");
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i + 1);
      if ($i == "Passed:") p += $(i + 1);
      if ($i == "Skipped:") s += $(i + 1);
    }
  }
  END { print p + 0, f + 0, s + 0 }' "$log")

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "The build or the test run failed before any test could fail (see above)." >&2
fi
if [ "$skipped" -gt 0 ]; then
  echo "tests: $passed passed, $failed failed, $skipped skipped"
else
  echo "tests: $passed passed, $failed failed"
fi
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
