# shellcheck shell=bash
# A private RabbitMQ node for tests and the local distributed set-up: no systemd, no Docker, as root
# or as any user. Source this file, then:
#
#   url=$(rmq_start <dir> <port>)   # starts (or finds running) a node; prints its AMQP URL
#   rmq_stop <dir>                   # stops it and its epmd, by pid; a no-op when nothing runs
#   rmq_install                      # apt-get install rabbitmq-server when missing (root or sudo)
#   rmq_ctl <dir> <args...>          # rabbitmqctl against that node, e.g. rmq_ctl "$T" list_queues
#
# Everything lives in <dir>/rabbitmq: data (mnesia), logs, Erlang cookie (HOME), config, pid files.
# The node listens on loopback only:
#   AMQP          <port>
#   distribution  $RMQ_DIST_PORT      (default <port>+1)
#   epmd          $RMQ_EPMD_PORT      (default <port>+2; its own epmd, started here, stopped by pid)
#   management    $RMQ_MANAGEMENT_PORT (only when set: enables the management plugin and its UI)
# Node name: $RMQ_NODENAME (default erds<port>@localhost), so several nodes can run side by side.
# The guest user may connect over loopback (loopback_users = none). The URL is
# amqp://guest:guest@127.0.0.1:<port>/ : the path "/" is the default virtual host.
# Nothing is declared: no virtual host, user, exchange or queue.
#
# Start fails fast (the node died, or $RMQ_START_TIMEOUT seconds passed, default 60) and then prints
# the tail of the node's log to stderr. Messages go to stderr; stdout carries only the URL.

RMQ_SBIN=${RMQ_SBIN:-/usr/lib/rabbitmq/bin}
_RMQ_LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")

rmq_install() {
  if [ -x "$RMQ_SBIN/rabbitmq-server" ] && command -v epmd >/dev/null 2>&1; then return 0; fi
  echo "rabbitmq: installing rabbitmq-server (apt)" >&2
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "rabbitmq: not root and no sudo: install rabbitmq-server yourself" >&2; return 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq >&2 || return 1
  # The package's post-install tries to start a system node through invoke-rc.d; without an init
  # system that is refused, which is what we want: our own node runs below.
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends rabbitmq-server >&2 || return 1
}

# True while a process with this pid exists (and is not a zombie).
_rmq_alive() {
  local pid=$1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  local state
  state=$(ps -o stat= -p "$pid" 2>/dev/null) || return 1
  [ "${state#Z}" = "$state" ]
}

_rmq_pid() { [ -f "$1" ] && tr -dc '0-9' <"$1"; }

# True when something accepts TCP connections on 127.0.0.1:<port>.
_rmq_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Runs a command in the node's environment. $1 is <dir>/rabbitmq; node.env must exist.
_rmq_run() {
  local base=$1; shift
  # shellcheck disable=SC1091
  . "$base/node.env"
  env HOME="$base" LC_ALL=C.UTF-8 LANG=C.UTF-8 \
    RABBITMQ_CONF_ENV_FILE="$base/rabbitmq-env.conf" \
    RABBITMQ_MNESIA_BASE="$base/mnesia" RABBITMQ_LOG_BASE="$base/log" \
    RABBITMQ_NODENAME="$RMQ_STATE_NODENAME" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT="$RMQ_STATE_PORT" RABBITMQ_DIST_PORT="$RMQ_STATE_DIST_PORT" \
    ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT="$RMQ_STATE_EPMD_PORT" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$base/enabled_plugins" \
    RABBITMQ_CONFIG_FILE="$base/rabbitmq" RABBITMQ_ADVANCED_CONFIG_FILE="$base/advanced.config" \
    RABBITMQ_PID_FILE="$base/rabbitmq.pid" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    "$@"
}

_rmq_ctl() { local base=$1; shift; # shellcheck disable=SC1091
  (. "$base/node.env"; _rmq_run "$base" "$RMQ_SBIN/rabbitmqctl" -n "$RMQ_STATE_NODENAME" "$@"); }

rmq_ctl() {
  local dir=${1:?usage: rmq_ctl <dir> <rabbitmqctl arguments...>}; shift
  [ -f "$dir/rabbitmq/node.env" ] || { echo "rabbitmq: no node in $dir" >&2; return 1; }
  _rmq_ctl "$(cd "$dir/rabbitmq" && pwd)" "$@"
}

_rmq_url() { # shellcheck disable=SC1091
  (. "$1/node.env"; echo "amqp://guest:guest@127.0.0.1:$RMQ_STATE_PORT/"); }

_rmq_log_tail() {
  local base=$1 f
  echo "rabbitmq: the node did not come up; last lines of its logs:" >&2
  for f in "$base"/log/*.log; do
    [ -s "$f" ] || continue
    echo "--- $f" >&2
    tail -n 20 "$f" | cut -c1-300 >&2
  done
}

rmq_start() {
  local dir=${1:?usage: rmq_start <dir> <port>} port=${2:?usage: rmq_start <dir> <port>}
  [ -x "$RMQ_SBIN/rabbitmq-server" ] || { echo "rabbitmq: $RMQ_SBIN/rabbitmq-server not found (rmq_install installs it)" >&2; return 1; }
  command -v epmd >/dev/null 2>&1 || { echo "rabbitmq: epmd not found (package erlang-base)" >&2; return 1; }
  mkdir -p "$dir/rabbitmq" || return 1
  local base
  base=$(cd "$dir/rabbitmq" && pwd) || return 1
  chmod 700 "$base"

  local dist_port=${RMQ_DIST_PORT:-$((port + 1))} epmd_port=${RMQ_EPMD_PORT:-$((port + 2))}
  local mgmt_port=${RMQ_MANAGEMENT_PORT:-} nodename=${RMQ_NODENAME:-erds$port@localhost}

  # Already running here? Then this is a no-op (same port required).
  if [ -f "$base/node.env" ] && _rmq_alive "$(_rmq_pid "$base/rabbitmq.pid")"; then
    local running_port
    running_port=$( # shellcheck disable=SC1091
      . "$base/node.env"; echo "$RMQ_STATE_PORT")
    if [ "$running_port" != "$port" ]; then
      echo "rabbitmq: a node already runs in $base on port $running_port (asked: $port)" >&2
      return 1
    fi
    if _rmq_ctl "$base" -q await_startup --timeout "${RMQ_START_TIMEOUT:-60}" >/dev/null 2>&1; then
      _rmq_url "$base"
      return 0
    fi
    echo "rabbitmq: a node process runs in $base but does not answer; run rmq_stop $dir first" >&2
    return 1
  fi
  # Leftovers of a node that died: stop whatever of it is still there (epmd, launcher).
  [ -f "$base/node.env" ] && rmq_stop "$dir"

  local p
  for p in "$port" "$dist_port" "$epmd_port" ${mgmt_port:+"$mgmt_port"}; do
    if _rmq_port_open "$p"; then
      echo "rabbitmq: port $p on 127.0.0.1 is already in use (ports: amqp $port, distribution $dist_port, epmd $epmd_port${mgmt_port:+, management $mgmt_port})" >&2
      return 1
    fi
  done

  mkdir -p "$base/mnesia" "$base/log"
  cat >"$base/node.env" <<EOF
RMQ_STATE_NODENAME='$nodename'
RMQ_STATE_PORT='$port'
RMQ_STATE_DIST_PORT='$dist_port'
RMQ_STATE_EPMD_PORT='$epmd_port'
RMQ_STATE_MANAGEMENT_PORT='$mgmt_port'
EOF
  : >"$base/rabbitmq-env.conf"   # keeps /etc/rabbitmq/rabbitmq-env.conf out
  {
    echo "loopback_users = none"
    echo "listeners.tcp.default = 127.0.0.1:$port"
    if [ -n "$mgmt_port" ]; then
      echo "management.tcp.ip = 127.0.0.1"
      echo "management.tcp.port = $mgmt_port"
    fi
  } >"$base/rabbitmq.conf"
  if [ -n "$mgmt_port" ]; then echo "[rabbitmq_management]." >"$base/enabled_plugins"; else echo "[]." >"$base/enabled_plugins"; fi
  rm -f "$base/rabbitmq.pid"

  # Its own epmd, on loopback and its own port, so that stopping it touches nobody else's nodes.
  setsid epmd -address 127.0.0.1 -port "$epmd_port" </dev/null >>"$base/log/epmd.log" 2>&1 &
  echo $! >"$base/epmd.pid"
  local _
  for _ in $(seq 1 50); do _rmq_port_open "$epmd_port" && break; sleep 0.1; done
  if ! _rmq_port_open "$epmd_port"; then
    echo "rabbitmq: epmd did not open port $epmd_port" >&2
    cat "$base/log/epmd.log" >&2
    rmq_stop "$dir"
    return 1
  fi

  # The node, in its own session so that a terminal's Ctrl-C does not reach it.
  # shellcheck disable=SC2016 # expanded by the inner bash
  setsid bash -c '. "$1"; shift; _rmq_run "$@"' _ "$_RMQ_LIB" "$base" "$RMQ_SBIN/rabbitmq-server" \
    </dev/null >>"$base/log/stdout.log" 2>&1 &
  echo $! >"$base/launcher.pid"

  local deadline=$((SECONDS + ${RMQ_START_TIMEOUT:-60}))
  while :; do
    if _rmq_ctl "$base" -q await_startup --timeout 2 >/dev/null 2>&1; then break; fi
    if ! _rmq_alive "$(_rmq_pid "$base/launcher.pid")" && ! _rmq_alive "$(_rmq_pid "$base/rabbitmq.pid")"; then
      echo "rabbitmq: the node exited during start" >&2
      _rmq_log_tail "$base"
      rmq_stop "$dir"
      return 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "rabbitmq: not up after ${RMQ_START_TIMEOUT:-60}s" >&2
      _rmq_log_tail "$base"
      rmq_stop "$dir"
      return 1
    fi
    sleep 0.5
  done
  _rmq_url "$base"
}

# Waits up to $2 seconds for pid $1 to end; true when it did.
_rmq_wait_gone() {
  local pid=$1 _
  for _ in $(seq 1 $(($2 * 10))); do _rmq_alive "$pid" || return 0; sleep 0.1; done
  ! _rmq_alive "$pid"
}

_rmq_kill() {
  local pid=$1
  _rmq_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null
  _rmq_wait_gone "$pid" 10 && return 0
  kill -KILL "$pid" 2>/dev/null
  _rmq_wait_gone "$pid" 5
}

rmq_stop() {
  local dir=${1:?usage: rmq_stop <dir>}
  [ -f "$dir/rabbitmq/node.env" ] || return 0
  local base
  base=$(cd "$dir/rabbitmq" && pwd) || return 1
  local beam launcher epmd_pid
  beam=$(_rmq_pid "$base/rabbitmq.pid")
  launcher=$(_rmq_pid "$base/launcher.pid")
  epmd_pid=$(_rmq_pid "$base/epmd.pid")

  if _rmq_alive "$beam"; then
    # A clean stop: the node flushes queues and ends its OS process (the pid file makes it wait).
    # shellcheck disable=SC2016 # expanded by the inner bash
    timeout 60 bash -c '. "$1"; shift; _rmq_ctl "$@"' _ "$_RMQ_LIB" "$base" -q stop "$base/rabbitmq.pid" >/dev/null 2>&1 || true
    _rmq_wait_gone "$beam" 30 || { echo "rabbitmq: node $beam did not stop; killing it" >&2; _rmq_kill "$beam"; }
  fi
  # The launcher script ends with the node; anything left is ended by pid.
  _rmq_kill "$launcher"
  _rmq_kill "$epmd_pid"
  rm -f "$base/rabbitmq.pid" "$base/launcher.pid" "$base/epmd.pid"
  if _rmq_alive "$beam" || _rmq_alive "$launcher" || _rmq_alive "$epmd_pid"; then
    echo "rabbitmq: processes still alive after stop: $beam $launcher $epmd_pid" >&2
    return 1
  fi
  return 0
}
