#!/usr/bin/env bash
# The transport benchmark (see bench/README.md): builds it in Release and runs it. Not a test; not run in CI.
# Options pass through, e.g. `bash bench/transport.sh --runs 1 --duration 1` for a quick look, `--help` for all.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v h2load >/dev/null || { echo "h2load not found: apt-get install nghttp2-client" >&2; exit 1; }
command -v taskset >/dev/null || echo "taskset not found: pass --no-pin" >&2

dotnet build bench/Directives.Bench.Transport -c Release -nologo -v quiet -clp:ErrorsOnly
exec bench/Directives.Bench.Transport/bin/Release/net10.0/Directives.Bench.Transport "$@"
