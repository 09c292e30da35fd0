#!/usr/bin/env bash
# The README's quickstart, run as a newcomer runs it, with its output checked:
#   1. start the server on its embedded defaults: `dotnet run --project src/Directives.Server`;
#   2. run the README's `directives` commands against it and assert what they print and their exit codes.
# Differences from typing the README by hand, all outside the commands themselves:
#   - the server listens on a free port (`--urls`, as the README documents) and keeps its data in a
#     temporary folder (Storage__DataDirectory, Provinces__RegistryFile), so the run is a real first run
#     and never meets another server or an earlier run's data;
#   - with QUICKSTART_NO_BUILD=1 (how the test suite runs it, after `dotnet test` has built everything)
#     the `dotnet run` commands get `--no-build -c $QUICKSTART_CONFIGURATION`.
# Usage: bash tests/quickstart/run.sh            (from anywhere; exit 0 when every check passed)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"

work=$(mktemp -d -t directives-quickstart-XXXXXX)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM -- "-$server_pid" 2>/dev/null || kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

run_options=()
if [ "${QUICKSTART_NO_BUILD:-}" = "1" ]; then
  run_options=(--no-build -c "${QUICKSTART_CONFIGURATION:-Debug}")
fi

fail() { echo "QUICKSTART FAILED: $*" >&2; [ -f "$work/server.log" ] && tail -n 40 "$work/server.log" >&2; exit 1; }
step() { printf '\n== %s\n' "$*"; }

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export DIRECTIVES_SERVER="http://localhost:$port"

step "Start the server: dotnet run --project src/Directives.Server --urls $DIRECTIVES_SERVER"
set -m # the server gets its own process group, so that cleanup stops dotnet run and the server it started
Storage__DataDirectory="$work/data" Provinces__RegistryFile="$work/provinces.json" \
  dotnet run "${run_options[@]}" --project src/Directives.Server --urls "$DIRECTIVES_SERVER" >"$work/server.log" 2>&1 &
server_pid=$!
set +m
for _ in $(seq 1 600); do
  grep -q "Now listening on" "$work/server.log" && break
  kill -0 "$server_pid" 2>/dev/null || fail "the server exited"
  sleep 0.5
done
grep -q "Now listening on" "$work/server.log" || fail "the server did not start listening within 5 minutes"
echo "listening on $DIRECTIVES_SERVER"

# The README's alias, as a function (scripts do not expand aliases).
directives() { dotnet run "${run_options[@]}" --project src/Directives.Cli -- "$@"; }
expect_contains() { grep -qF -- "$2" <<<"$1" || fail "expected '$2' in: $1"; }

step "directives token --province hung-yen --role viewer"
DIRECTIVES_TOKEN=$(directives token --province hung-yen --role viewer)
export DIRECTIVES_TOKEN
[[ "$DIRECTIVES_TOKEN" =~ ^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$ ]] || fail "not a bare JWT on stdout: $DIRECTIVES_TOKEN"
echo "${DIRECTIVES_TOKEN:0:24}…"

step "directives provinces list"
out=$(directives provinces list)
head -n 6 <<<"$out"
expect_contains "$out" "Hưng Yên"
expect_contains "$out" "tien-giang"
expect_contains "$out" "READ_ONLY"

step "directives list   (Hưng Yên)"
out=$(directives list)
echo "$out"
expect_contains "$out" "2157 - CV/TU"
expect_contains "$out" "Về tăng cường bảo đảm an ninh, trật tự năm 2024"

step "directives list --token \$(directives token --province tien-giang --role viewer)   (Tiền Giang)"
out=$(directives list --token "$(directives token --province tien-giang --role viewer)")
echo "$out"
expect_contains "$out" "15/CT-UBND"
expect_contains "$out" "Về công tác bảo đảm an ninh, trật tự năm 2023 trên địa bàn tỉnh Tiền Giang"

step "directives list --province tien-giang   (a Hưng Yên viewer: denied, exit code 7)"
set +e
out=$(directives list --province tien-giang 2>"$work/denied.err")
code=$?
set -e
cat "$work/denied.err"
[ "$code" -eq 7 ] || fail "expected exit code 7 (PERMISSION_DENIED), got $code"
[ -z "$out" ] || fail "a denied read printed a result: $out"
expect_contains "$(cat "$work/denied.err")" "PermissionDenied"

step "directives list --json   (for scripts)"
out=$(directives list --json)
python3 -c 'import json, sys; names = [d["name"] for d in json.load(sys.stdin)["directives"]]; assert "provinces/hung-yen/directives/2019-2157-cv-tu" in names, names' <<<"$out" \
  || fail "directives list --json did not parse or lacks 2019-2157-cv-tu"
echo "ok"

step "directives ministry overdue --token \$(directives token --role ministry)"
out=$(directives ministry overdue --token "$(directives token --role ministry)")
head -n 8 <<<"$out"
expect_contains "$out" "tien-giang"
expect_contains "$out" "OVERDUE"

step "All quickstart checks passed"
