#!/usr/bin/env bash
# Power-cut soak: kills the real node service with SIGKILL at random moments, N times (default 500), and checks
# after each kill that every window committed before it is still there exactly once in a sound file.
# CI runs the same test with 20 kills (./test.sh). Usage: tests/soak/crash-soak.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
EDGENODE_CRASH_KILLS="${1:-500}" dotnet test tests/EdgeNode.Daemon.Tests --nologo \
  --filter "FullyQualifiedName~CrashSafetyTests" --logger "console;verbosity=normal"
