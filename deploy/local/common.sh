# shellcheck shell=bash
# shellcheck disable=SC2154 # the settings variables are the caller's (start.sh)
# Shared by deploy/local/start.sh and stop.sh. Expects $repo.

state=${ERDS_LOCAL_DIR:-$repo/.erds-local}
mkdir -p "$state"
state=$(cd "$state" && pwd)

local_pid() { [ -f "$1" ] && tr -dc '0-9' <"$1"; }

# True while the process exists and is not a zombie.
local_alive() {
  local pid=$1 st
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  st=$(ps -o stat= -p "$pid" 2>/dev/null) || return 1
  [ "${st#Z}" = "$st" ]
}

local_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# $state/env.sh: what a shell needs to use this set-up with the erds command line.
write_env_file() {
  local rmq_url=$1 pg_conn=$2
  {
    echo "# Written by deploy/local/start.sh. Source it: . $state/env.sh"
    printf 'export ERDS_SERVER=%q\n' "http://127.0.0.1:$api_port"
    printf 'export ERDS_DATA_DIR=%q\n' "$state/data"
    printf 'export Erds__Storage__Provider=%q\n' "$storage_provider"
    printf 'export Erds__Storage__DataDirectory=%q\n' "$state/data"
    [ "$storage_provider" = PostgreSql ] && printf 'export ConnectionStrings__Erds=%q\n' "$pg_conn"
    printf 'export Erds__Bus__Transport=%q\n' "$bus_transport"
    [ "$bus_transport" = RabbitMq ] && printf 'export ConnectionStrings__RabbitMq=%q\n' "$rmq_url"
    printf 'erds() { dotnet %q "$@"; }\n' "$repo/src/Erds.Cli/bin/Release/net10.0/erds.dll"
    printf 'ERDS_LOCAL_API_PORT=%q\nERDS_LOCAL_EVIDENCE_PORT=%q\nERDS_LOCAL_CONSIGNMENT_PORT=%q\n' "$api_port" "$evidence_port" "$consignment_port"
    printf 'ERDS_LOCAL_METRICS_PORT=%q\n' "$metrics_port"
    printf 'ERDS_LOCAL_RMQ_URL=%q\nERDS_LOCAL_RMQ_MANAGEMENT_PORT=%q\nERDS_LOCAL_PG_CONN=%q\n' "$rmq_url" "$rmq_mgmt_port" "$pg_conn"
  } >"$state/env.sh"
}

print_usage() {
  # shellcheck disable=SC1091
  . "$state/env.sh"
  cat <<EOT

ErdsService runs, one process per role (state, pids and logs: $state):
  submission   $ERDS_SERVER  (the API: /api/v1, /health/ready)   log: $state/logs/submission.log
  evidence     http://127.0.0.1:$ERDS_LOCAL_EVIDENCE_PORT/health/ready   log: $state/logs/evidence.log
  consignment  http://127.0.0.1:$ERDS_LOCAL_CONSIGNMENT_PORT/health/ready   log: $state/logs/consignment.log
  metrics      http://127.0.0.1:$ERDS_LOCAL_METRICS_PORT/metrics (submission), :$((ERDS_LOCAL_METRICS_PORT + 1)) (evidence), :$((ERDS_LOCAL_METRICS_PORT + 2)) (consignment)
EOT
  [ -n "$ERDS_LOCAL_RMQ_URL" ] && echo "  RabbitMQ     $ERDS_LOCAL_RMQ_URL${ERDS_LOCAL_RMQ_MANAGEMENT_PORT:+   management UI: http://127.0.0.1:$ERDS_LOCAL_RMQ_MANAGEMENT_PORT (erds / erds)}"
  [ -n "$ERDS_LOCAL_PG_CONN" ] && echo "  PostgreSQL   $ERDS_LOCAL_PG_CONN"
  cat <<EOT

Use it from a shell (the erds command line, pointed at this set-up):
  . $state/env.sh
  erds --help
  erds org add --handle rechtbank --name "Rechtbank Amsterdam" --legal-id 00000001003214345000
  ... then docs/getting-started.md from step 3 on. Notifications: $state/data/mail-pickup/
  Root certificate for verifying evidence: $state/data/pki/root-ca.pem

Stop everything:  deploy/local/stop.sh      (and delete its data: deploy/local/stop.sh --clean)
EOT
}
