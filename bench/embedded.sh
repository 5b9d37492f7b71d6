#!/usr/bin/env bash
# Measures the embedded provider with `erds bench`, as recorded in docs/performance.md:
# a fresh data directory, the host started with `dotnet run -c Release`, two organisations seeded
# with the operator commands of docs/getting-started.md, then one bench run with the given options.
#
#   bench/embedded.sh --messages 500 --size 16KiB --attachments 2 --concurrency 16 --json out.json
#
# The host's pid is passed as --pids; the host is stopped (by its pid) and its data removed at the end.
# Not run by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

port="${ERDS_BENCH_PORT:-5391}"
metrics_port="${ERDS_BENCH_METRICS_PORT:-$((port + 1))}"
export ERDS_DATA_DIR
ERDS_DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/erds-bench-XXXXXX")"
log="$ERDS_DATA_DIR.host.log"

dotnet build -c Release src/Erds.Host --verbosity quiet >/dev/null
# A load run sends as fast as it is told from one token: the per-credential rate, the daily quota and
# the submissions at once per organisation (docs/security.md) are turned off for it unless set.
export Erds__Limits__PerCredentialRequestsPerSecond="${Erds__Limits__PerCredentialRequestsPerSecond:-0}" \
  Erds__Limits__MessagesPerDay="${Erds__Limits__MessagesPerDay:-0}" \
  Erds__Limits__ConcurrentSubmissionsPerOrganisation="${Erds__Limits__ConcurrentSubmissionsPerOrganisation:-0}"
dotnet build -c Release src/Erds.Cli --verbosity quiet >/dev/null
erds() { dotnet src/Erds.Cli/bin/Release/net10.0/erds.dll "$@"; }

Urls="http://127.0.0.1:$port" Erds__Metrics__Url="http://127.0.0.1:$metrics_port" dotnet run -c Release --no-build --project src/Erds.Host >"$log" 2>&1 &
runner=$!
stop() {
  local status=$?
  # `dotnet run` starts the host as its child: stop the child by its pid, then the runner.
  [ -n "${host:-}" ] && kill "$host" 2>/dev/null || true
  kill "$runner" 2>/dev/null || true
  wait "$runner" 2>/dev/null || true
  rm -rf "$ERDS_DATA_DIR"
  # The host's log stays only when something went wrong.
  if [ "$status" -eq 0 ]; then rm -f "$log"; else echo "host log: $log" >&2; fi
}
trap stop EXIT

for _ in $(seq 120); do
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break
  kill -0 "$runner" 2>/dev/null || { echo "the host exited; see $log" >&2; exit 1; }
  sleep 1
done
host="$(cat /proc/"$runner"/task/*/children | tr ' ' '\n' | grep -m1 .)"
echo "host pid $host ($(tr '\0' ' ' </proc/"$host"/cmdline)), data in $ERDS_DATA_DIR" >&2

erds org add --handle rechtbank --name "Rechtbank Amsterdam" --legal-id 00000001003214345000 >/dev/null
erds mailbox add --org rechtbank --address griffie@rechtbank.example --functional >/dev/null
erds org add --handle devries --name "Advocatenkantoor De Vries" --legal-id 12345678 >/dev/null
erds mailbox add --org devries --address kantoor@devries-advocaten.example --notify secretariaat@devries-advocaten.example >/dev/null
COURT=$(erds token issue --org rechtbank --assurance substantial)
FIRM=$(erds token issue --org devries --assurance substantial)

erds bench --server "http://127.0.0.1:$port" --token "$COURT" --recipient-token "$FIRM" \
  --from griffie@rechtbank.example --to kantoor@devries-advocaten.example --pids "$host" "$@"
