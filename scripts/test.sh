#!/usr/bin/env bash
# The one test command: installs and starts what the tests need, runs every test, stops what it
# started.
#   scripts/test.sh                                   all tests
#   scripts/test.sh --filter-class '*CrashTests'      extra arguments go to `dotnet test`
#
# - xmlsec1, openssl, xmllint (Debian packages) for independent verification of evidence;
# - RabbitMQ and PostgreSQL (Debian packages), each its own node/cluster in a temporary directory,
#   on loopback ports, stopped by pid at the end. The distributed tests fail, never skip, without them.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# shellcheck source=lib/rabbitmq.sh
. scripts/lib/rabbitmq.sh
# shellcheck source=lib/postgres.sh
. scripts/lib/postgres.sh

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

install_tools() {
  local missing=()
  command -v xmlsec1 >/dev/null || missing+=(xmlsec1)
  command -v xmllint >/dev/null || missing+=(libxml2-utils)
  command -v openssl >/dev/null || missing+=(openssl)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# A loopback port with the next two free as well (RabbitMQ uses port+1 and port+2).
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null \
       && ! (exec 3<>"/dev/tcp/127.0.0.1/$((port + 1))") 2>/dev/null \
       && ! (exec 3<>"/dev/tcp/127.0.0.1/$((port + 2))") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

install_tools
rmq_install
pg_install

servers=$(mktemp -d /tmp/erds-test.XXXXXX)
# PostgreSQL runs as the postgres user when we are root: it must reach its directory.
chmod 755 "$servers"
log=$(mktemp)
stop_servers() {
  rmq_stop "$servers" >/dev/null 2>&1 || true
  pg_stop "$servers" >/dev/null 2>&1 || true
  rm -rf "$servers" "$log"
}
trap stop_servers EXIT

rmq_port=$(free_port)
ERDS_TEST_RABBITMQ=$(rmq_start "$servers" "$rmq_port")
export ERDS_TEST_RABBITMQ
export ERDS_TEST_RABBITMQ_RESTART=". '$root/scripts/lib/rabbitmq.sh' && rmq_stop '$servers' && rmq_start '$servers' $rmq_port >/dev/null"
# fsync off: test data is thrown away, and it makes the suite several times faster.
ERDS_TEST_POSTGRES=$(PG_FSYNC=off pg_start "$servers" "$(free_port)")
export ERDS_TEST_POSTGRES
echo "RabbitMQ: $ERDS_TEST_RABBITMQ   PostgreSQL: $ERDS_TEST_POSTGRES"
export ERDS_TEST_REPORT_DIR="$servers/reports"
mkdir -p "$ERDS_TEST_REPORT_DIR"

status=0
# Exit code 8 ("no test ran") from a project a filter left empty is not a failure; the count below is.
dotnet test --solution ErdsService.sln --ignore-exit-code 8 "$@" 2>&1 | tee "$log" || status=$?

# CI reads a plain "N passed, N failed" line; dotnet test prints one summary block per run.
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -E '^\s+skipped: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
cat "$ERDS_TEST_REPORT_DIR"/*.txt 2>/dev/null || true
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
