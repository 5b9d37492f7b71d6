#!/usr/bin/env bash
# Measures the distributed set-up with `erds bench`, as recorded in docs/performance.md:
# deploy/local/start.sh (one process per role on PostgreSQL and RabbitMQ, all on this machine),
# the two organisations of docs/getting-started.md seeded once, then one bench run with the given
# options and the three role processes' pids in --pids.
#
#   bench/distributed.sh --messages 2000 --size 16KiB --attachments 2 --concurrency 64
#
# The set-up stays running afterwards (deploy/local/stop.sh --clean stops it and deletes its data),
# so runs can be repeated against it. Not run by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

state="${ERDS_LOCAL_DIR:-$PWD/.erds-local}"
# A load run sends as fast as it is told from one token: the per-credential rate, the daily quota and
# the submissions at once per organisation (docs/security.md) are turned off for it unless set
# (the roles inherit this environment; a set-up already running keeps what it was started with).
export Erds__Limits__PerCredentialRequestsPerSecond="${Erds__Limits__PerCredentialRequestsPerSecond:-0}" \
  Erds__Limits__MessagesPerDay="${Erds__Limits__MessagesPerDay:-0}" \
  Erds__Limits__ConcurrentSubmissionsPerOrganisation="${Erds__Limits__ConcurrentSubmissionsPerOrganisation:-0}"
deploy/local/start.sh >/dev/null
# shellcheck disable=SC1091
. "$state/env.sh"

tokens="$state/bench-tokens"
if [ ! -f "$tokens" ]; then
  erds org add --handle rechtbank --name "Rechtbank Amsterdam" --legal-id 00000001003214345000 >/dev/null
  erds mailbox add --org rechtbank --address griffie@rechtbank.example --functional >/dev/null
  erds org add --handle devries --name "Advocatenkantoor De Vries" --legal-id 12345678 >/dev/null
  erds mailbox add --org devries --address kantoor@devries-advocaten.example --notify secretariaat@devries-advocaten.example >/dev/null
  {
    echo "COURT=$(erds token issue --org rechtbank --assurance substantial)"
    echo "FIRM=$(erds token issue --org devries --assurance substantial)"
  } >"$tokens.tmp"
  mv "$tokens.tmp" "$tokens"
fi
# shellcheck disable=SC1090
. "$tokens"

pids=$(cat "$state/pids/submission.pid"),$(cat "$state/pids/evidence.pid"),$(cat "$state/pids/consignment.pid")
# The load generator shares the cores with what it measures: its thread pool does not spin either.
DOTNET_ThreadPool_UnfairSemaphoreSpinLimit="${DOTNET_ThreadPool_UnfairSemaphoreSpinLimit:-0}" \
erds bench --server "$ERDS_SERVER" --token "$COURT" --recipient-token "$FIRM" \
  --from griffie@rechtbank.example --to kantoor@devries-advocaten.example --pids "$pids" "$@"
