#!/usr/bin/env bash
# The whole distributed set-up on this machine, natively, with one command:
#
#   deploy/local/start.sh
#
# RabbitMQ and PostgreSQL (installed with apt when missing) run as private servers under the state
# directory, on loopback and their own ports; then one ErdsService process per role, each the same
# build of src/Erds.Host with its own Erds__Roles, on RabbitMQ and PostgreSQL. Pids and logs go to
# the state directory. deploy/local/stop.sh stops everything by pid. docs/operations.md has more.
#
# Settings (environment):
#   ERDS_LOCAL_DIR          state directory (default: <repository>/.erds-local)
#   ERDS_LOCAL_API_PORT     submission API                   (default 5080)
#   ERDS_LOCAL_EVIDENCE_PORT, ERDS_LOCAL_CONSIGNMENT_PORT    health of the workers (5081, 5082)
#   ERDS_LOCAL_METRICS_PORT /metrics of submission (default 9464); evidence and consignment the next two
#   ERDS_LOCAL_RMQ_PORT     RabbitMQ AMQP (default 5682; distribution +1, epmd +2)
#   ERDS_LOCAL_RMQ_MANAGEMENT_PORT  RabbitMQ management UI (default 15682; empty: none)
#   ERDS_LOCAL_PG_PORT      PostgreSQL (default 5442)
#   ERDS_LOCAL_LOG_FORMAT   text (default) or json
#   ERDS_LOCAL_START_TIMEOUT  seconds to wait for each role to be ready (default 120)
#   ERDS_LOCAL_STORAGE_PROVIDER, ERDS_LOCAL_BUS_TRANSPORT
#                           PostgreSql and RabbitMq (the defaults) are the distributed set-up.
#                           Sqlite / InMemory give the role processes the embedded settings instead
#                           (the servers still start): only for checking this script itself.
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

api_port=${ERDS_LOCAL_API_PORT:-5080}
evidence_port=${ERDS_LOCAL_EVIDENCE_PORT:-5081}
consignment_port=${ERDS_LOCAL_CONSIGNMENT_PORT:-5082}
metrics_port=${ERDS_LOCAL_METRICS_PORT:-9464}
rmq_port=${ERDS_LOCAL_RMQ_PORT:-5682}
rmq_mgmt_port=${ERDS_LOCAL_RMQ_MANAGEMENT_PORT-15682}
pg_port=${ERDS_LOCAL_PG_PORT:-5442}
log_format=${ERDS_LOCAL_LOG_FORMAT:-text}
start_timeout=${ERDS_LOCAL_START_TIMEOUT:-120}
storage_provider=${ERDS_LOCAL_STORAGE_PROVIDER:-PostgreSql}
bus_transport=${ERDS_LOCAL_BUS_TRANSPORT:-RabbitMq}

roles=(submission evidence consignment)
declare -A role_port=([submission]=$api_port [evidence]=$evidence_port [consignment]=$consignment_port)
# Metrics are served on a listener of their own (Erds__Metrics__Url), one port per role.
declare -A role_metrics_port=([submission]=$metrics_port [evidence]=$((metrics_port + 1)) [consignment]=$((metrics_port + 2)))

say() { echo "erds-local: $*" >&2; }

fail() {
  say "$*"
  say "stopping what was started (deploy/local/stop.sh)"
  "$here/stop.sh" >&2 || true
  exit 1
}

command -v dotnet >/dev/null || { say "the .NET SDK (dotnet) is required: https://dot.net"; exit 1; }

mkdir -p "$state/pids" "$state/logs" "$state/data"
chmod 755 "$state"
chmod 700 "$state/data"

# Already running? Then there is nothing to do: a rebuild would replace files under running processes.
running=()
for role in "${roles[@]}"; do
  if local_alive "$(local_pid "$state/pids/$role.pid")"; then running+=("$role"); fi
done
if [ ${#running[@]} -eq ${#roles[@]} ]; then
  say "already running (${running[*]}); deploy/local/stop.sh first to restart"
  print_usage
  exit 0
elif [ ${#running[@]} -gt 0 ]; then
  say "partly running (${running[*]}); run deploy/local/stop.sh, then start again"
  exit 1
fi

for role in "${roles[@]}"; do
  for port in "${role_port[$role]}" "${role_metrics_port[$role]}"; do
    if local_port_open "$port"; then
      say "port $port (for $role) on 127.0.0.1 is in use; set ERDS_LOCAL_*_PORT"
      exit 1
    fi
  done
done

# 1. Servers.
rmq_install || { say "cannot install rabbitmq-server"; exit 1; }
say "starting RabbitMQ on 127.0.0.1:$rmq_port"
RMQ_MANAGEMENT_PORT=$rmq_mgmt_port rmq_start "$state" "$rmq_port" >/dev/null || fail "RabbitMQ did not start"
# The services' own user and virtual host, as in production (docs/operations.md).
vhosts=$(rmq_ctl "$state" -q list_vhosts) || fail "RabbitMQ does not answer rabbitmqctl"
if ! grep -qx erds <<<"$vhosts"; then
  rmq_ctl "$state" -q add_vhost erds >/dev/null || fail "cannot create the RabbitMQ virtual host erds"
fi
users=$(rmq_ctl "$state" -q list_users) || fail "RabbitMQ does not answer rabbitmqctl"
if ! awk '{print $1}' <<<"$users" | grep -qx erds; then
  rmq_ctl "$state" -q add_user erds erds >/dev/null || fail "cannot create the RabbitMQ user erds"
  rmq_ctl "$state" -q set_user_tags erds management >/dev/null
fi
rmq_ctl "$state" -q set_permissions -p erds erds '.*' '.*' '.*' >/dev/null || fail "cannot grant the RabbitMQ user erds"
rmq_url="amqp://erds:erds@127.0.0.1:$rmq_port/erds"

pg_install || { say "cannot install postgresql"; exit 1; }
say "starting PostgreSQL on 127.0.0.1:$pg_port"
# fsync stays on whatever the caller's environment says: people keep data in this set-up.
PG_FSYNC=on pg_start "$state" "$pg_port" >/dev/null || fail "PostgreSQL did not start"
psql=("$(pg_bindir)/psql" -h 127.0.0.1 -p "$pg_port" -U erds -v ON_ERROR_STOP=1 -qAt)
if [ "$("${psql[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'erds'")" != 1 ]; then
  say "creating database erds"
  "${psql[@]}" -d postgres -c "CREATE DATABASE erds" >/dev/null || fail "cannot create the database erds"
fi
pg_conn="Host=127.0.0.1;Port=$pg_port;Database=erds;Username=erds;Password=erds"

# 2. One build of the host (and the command line, for the instructions below).
say "building src/Erds.Host and src/Erds.Cli (Release)"
build_log="$state/logs/build.log"
if ! { dotnet build -c Release "$repo/src/Erds.Host" && dotnet build -c Release "$repo/src/Erds.Cli"; } >"$build_log" 2>&1; then
  tail -n 30 "$build_log" >&2
  fail "the build failed (full log: $build_log)"
fi
host_dir="$repo/src/Erds.Host/bin/Release/net10.0"
[ -f "$host_dir/Erds.Host.dll" ] || fail "no $host_dir/Erds.Host.dll after the build"

# 3. One process per role: the configuration contract of docs/operations.md, and nothing else.
start_role() {
  local role=$1 port=$2
  local env=(
    "Erds__Roles=$role"
    "Erds__Bus__Transport=$bus_transport"
    "Erds__Storage__Provider=$storage_provider"
    "Erds__Storage__DataDirectory=$state/data"
    "Erds__Evidence__KeySource=Development"
    "Erds__Consignment__PublicBaseUrl=http://127.0.0.1:$api_port"
    "Erds__LogFormat=$log_format"
    "Urls=http://127.0.0.1:$port"
    "Erds__Metrics__Url=http://127.0.0.1:${role_metrics_port[$role]}"
    # Every role shares this machine's cores with the others and with the servers: a thread-pool
    # thread spinning while it waits for work takes CPU they need (docs/performance.md). Set the
    # variable to .NET's default, 70, to spin again.
    "DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=${DOTNET_ThreadPool_UnfairSemaphoreSpinLimit:-0}"
  )
  [ "$bus_transport" = RabbitMq ] && env+=("ConnectionStrings__RabbitMq=$rmq_url")
  [ "$storage_provider" = PostgreSql ] && env+=("ConnectionStrings__Erds=$pg_conn")
  say "starting $role on 127.0.0.1:$port"
  # The build output is the content root, so appsettings.json is read; the environment overrides it.
  (cd "$host_dir" && exec setsid env "${env[@]}" dotnet Erds.Host.dll </dev/null >>"$state/logs/$role.log" 2>&1) &
  echo $! >"$state/pids/$role.pid"
  disown
}

wait_ready() {
  local role=$1 port=$2 deadline=$((SECONDS + start_timeout))
  until "$repo/deploy/docker/erds-healthcheck.sh" /health/ready "$port" 2>/dev/null; do
    if ! local_alive "$(local_pid "$state/pids/$role.pid")"; then
      say "$role exited during start; last lines of $state/logs/$role.log:"
      tail -n 40 "$state/logs/$role.log" >&2
      fail "$role did not start"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      tail -n 40 "$state/logs/$role.log" >&2
      fail "$role is not ready after ${start_timeout}s"
    fi
    sleep 1
  done
  say "$role ready"
}

# The submission role first: it migrates the database schema (the others would wait on its lock)
# and it is what the user talks to.
start_role submission "$api_port"
wait_ready submission "$api_port"
start_role evidence "$evidence_port"
start_role consignment "$consignment_port"
wait_ready evidence "$evidence_port"
wait_ready consignment "$consignment_port"

write_env_file "$rmq_url" "$pg_conn"
print_usage
