#!/usr/bin/env bash
# Stops what deploy/local/start.sh started, by pid: the role processes, RabbitMQ, PostgreSQL.
#   deploy/local/stop.sh            stop; keep the state directory (data, logs) for the next start
#   deploy/local/stop.sh --clean    stop, then delete the state directory
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=../../scripts/lib/rabbitmq.sh
. "$repo/scripts/lib/rabbitmq.sh"
# shellcheck source=../../scripts/lib/postgres.sh
. "$repo/scripts/lib/postgres.sh"
# shellcheck source=common.sh
. "$here/common.sh"

clean=false
case "${1:-}" in
  --clean) clean=true ;;
  "") ;;
  *) echo "usage: $0 [--clean]" >&2; exit 2 ;;
esac

status=0
# Roles first, so that nothing is mid-way through a message when the broker and database go.
for role in consignment evidence submission; do
  pidfile="$state/pids/$role.pid"
  pid=$(local_pid "$pidfile") || true
  if local_alive "$pid"; then
    echo "erds-local: stopping $role ($pid)" >&2
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do local_alive "$pid" || break; sleep 0.1; done
    if local_alive "$pid"; then
      echo "erds-local: $role ($pid) did not stop in 30 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      if local_alive "$pid"; then echo "erds-local: $role ($pid) is still alive" >&2; status=1; fi
    fi
  fi
  rm -f "$pidfile"
done

echo "erds-local: stopping RabbitMQ and PostgreSQL (when running)" >&2
rmq_stop "$state" || status=1
pg_stop "$state" || status=1

if $clean; then
  if [ "$status" -eq 0 ]; then
    rm -rf "$state"
    echo "erds-local: deleted $state" >&2
  else
    echo "erds-local: not deleting $state: something is still running" >&2
  fi
fi
exit "$status"
