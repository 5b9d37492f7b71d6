#!/usr/bin/env bash
# The long submission fuzz, as in docs/security.md ("The security test suite"): builds Release, starts the provider on a fresh
# data directory (rate limits and quotas off, a 1 MiB size limit so that over-limit inputs are cheap),
# registers two organisations, their mailboxes and a token with the operator commands of
# docs/getting-started.md, sends `erds fuzz submit` inputs, then runs `erds fuzz check`.
#
#   bench/fuzz-submissions.sh                          20,000 inputs, a random seed (printed)
#   bench/fuzz-submissions.sh --count 2000 --seed 42   other options go to `erds fuzz submit`
#
# Exits non-zero on any 5xx, hang, dropped connection or inconsistency; the host's log is then kept
# (its path is printed) with the exceptions behind any 5xx. Not run by scripts/test.sh (CI runs a
# seeded part: tests/Erds.Host.Tests/Security/SubmissionFuzzTests.cs).
set -euo pipefail
cd "$(dirname "$0")/.."

port="${ERDS_FUZZ_PORT:-5491}"
metrics_port="${ERDS_FUZZ_METRICS_PORT:-$((port + 1))}"
size_limit=1048576
export ERDS_DATA_DIR
ERDS_DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/erds-fuzz-XXXXXX")"
log="$ERDS_DATA_DIR.host.log"

echo "building Release..." >&2
dotnet build -c Release src/Erds.Host --verbosity quiet >/dev/null
dotnet build -c Release src/Erds.Cli --verbosity quiet >/dev/null
erds() { dotnet src/Erds.Cli/bin/Release/net10.0/erds.dll "$@"; }

(
  cd src/Erds.Host
  exec env Urls="http://127.0.0.1:$port" Erds__Metrics__Url="http://127.0.0.1:$metrics_port" \
    Erds__Submission__MaxMessageBytes="$size_limit" \
    Erds__Limits__PerCredentialRequestsPerSecond=0 Erds__Limits__MessagesPerDay=0 \
    dotnet bin/Release/net10.0/Erds.Host.dll
) >"$log" 2>&1 &
host=$!
stop() {
  local status=$?
  kill "$host" 2>/dev/null || true
  wait "$host" 2>/dev/null || true
  if [ "$status" -eq 0 ]; then
    rm -rf "$ERDS_DATA_DIR" "$log"
  else
    echo "kept for inspection: host log $log, data $ERDS_DATA_DIR" >&2
    echo "errors in the host log:" >&2
    grep -E '^\[[0-9:]+ (ERR|FTL)\]' -A1 "$log" | grep -vE '^\[|^--' | sort | uniq -c | sort -rn | head -20 >&2 || true
  fi
}
trap stop EXIT

for _ in $(seq 120); do
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break
  kill -0 "$host" 2>/dev/null || { echo "the host exited; see $log" >&2; exit 1; }
  sleep 1
done
echo "host pid $host, data in $ERDS_DATA_DIR" >&2

erds org add --handle rechtbank --name "Rechtbank Amsterdam" --legal-id 00000001003214345000 >/dev/null
erds mailbox add --org rechtbank --address griffie@rechtbank.example --functional >/dev/null
erds org add --handle devries --name "Advocatenkantoor De Vries" --legal-id 12345678 >/dev/null
erds mailbox add --org devries --address kantoor@devries-advocaten.example >/dev/null
erds mailbox add --org devries --address mr.jansen@devries-advocaten.example >/dev/null
COURT=$(erds token issue --org rechtbank --assurance substantial)

# 20,000 inputs unless the arguments say how many.
count=(--count 20000)
for argument in "$@"; do [ "$argument" = --count ] && count=(); done

echo "load before: $(cat /proc/loadavg)"
started=$(date +%s)
status=0
erds fuzz submit --url "http://127.0.0.1:$port" --token "$COURT" \
  --from griffie@rechtbank.example --to kantoor@devries-advocaten.example,mr.jansen@devries-advocaten.example \
  --size-limit "$size_limit" "${count[@]}" "$@" || status=$?
echo "fuzz took $(($(date +%s) - started)) s; load after: $(cat /proc/loadavg)"
erds fuzz check --wait-seconds 300 || status=$?
kill -0 "$host" 2>/dev/null || { echo "the host is no longer running" >&2; status=1; }
echo "host: peak RSS $(grep VmHWM /proc/"$host"/status 2>/dev/null | awk '{print $2, $3}')"
exit "$status"
