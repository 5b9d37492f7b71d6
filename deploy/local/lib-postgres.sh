# shellcheck shell=bash
# A private PostgreSQL cluster for the local distributed set-up: no systemd, no Docker. Source this
# file, then:
#
#   conn=$(pg_start <dir> <port>)   # initdb when new, start (or find running); prints a connection string
#   pg_stop <dir>                    # fast shutdown, by the postmaster's pid; a no-op when nothing runs
#   pg_install                       # apt-get install postgresql when missing (root or sudo)
#
# Everything lives in <dir>/postgres: data/ (the cluster), run/ (the Unix socket), postgres.log.
# The server listens on 127.0.0.1:<port> only. The superuser is "erds" with trust authentication:
# a development set-up on loopback, never a production one. Run as root, the cluster belongs to the
# "postgres" user (initdb refuses root); otherwise to the calling user.
#
# This is the local set-up's own copy; scripts/lib/postgres.sh (pg_start/pg_stop, same arguments)
# belongs to the test script. deploy/local/start.sh uses only pg_start/pg_stop and builds its
# connection strings itself, so it can switch to that file by changing one line.

pg_bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then echo "$PG_BINDIR"; return 0; fi
  local d
  d=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
  [ -n "$d" ] && [ -x "$d/pg_ctl" ] || return 1
  echo "$d"
}

pg_install() {
  if pg_bindir >/dev/null; then return 0; fi
  echo "postgres: installing postgresql (apt)" >&2
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "postgres: not root and no sudo: install postgresql yourself" >&2; return 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq >&2 || return 1
  # Without an init system the package's own cluster does not start, which is what we want.
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends postgresql >&2 || return 1
}

# Runs a command as the cluster's owner: "postgres" when we are root, ourselves otherwise.
_pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

_pg_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

_pg_postmaster_pid() { [ -f "$1/data/postmaster.pid" ] && head -n 1 "$1/data/postmaster.pid" | tr -dc '0-9'; }

pg_start() {
  local dir=${1:?usage: pg_start <dir> <port>} port=${2:?usage: pg_start <dir> <port>}
  local bin
  bin=$(pg_bindir) || { echo "postgres: no PostgreSQL server found under /usr/lib/postgresql (pg_install installs it)" >&2; return 1; }
  mkdir -p "$dir/postgres" || return 1
  local base
  base=$(cd "$dir/postgres" && pwd) || return 1
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$base" || return 1
    if ! runuser -u postgres -- test -w "$base"; then
      echo "postgres: the postgres user cannot reach $base (a parent directory is closed to it); choose a state directory elsewhere, e.g. under /tmp" >&2
      return 1
    fi
  fi
  chmod 700 "$base"

  local pid
  pid=$(_pg_postmaster_pid "$base")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    local running_port
    running_port=$(sed -n 4p "$base/data/postmaster.pid")
    if [ "$running_port" != "$port" ]; then
      echo "postgres: a server already runs in $base on port $running_port (asked: $port)" >&2
      return 1
    fi
    echo "Host=127.0.0.1;Port=$port;Username=erds"
    return 0
  fi

  if _pg_port_open "$port"; then
    echo "postgres: port $port on 127.0.0.1 is already in use" >&2
    return 1
  fi
  if [ ! -f "$base/data/PG_VERSION" ]; then
    rm -rf "$base/data"
    _pg_as_owner "$bin/initdb" -D "$base/data" -U erds --auth=trust -E UTF8 --locale=C.UTF-8 >"$base/initdb.log" 2>&1 || {
      echo "postgres: initdb failed:" >&2; tail -n 20 "$base/initdb.log" >&2; return 1; }
  fi
  _pg_as_owner mkdir -p "$base/run"
  if ! _pg_as_owner "$bin/pg_ctl" -D "$base/data" -l "$base/postgres.log" -w -t "${PG_START_TIMEOUT:-60}" \
      -o "-p $port -k $base/run -c listen_addresses=127.0.0.1" start >/dev/null 2>&1; then
    echo "postgres: the server did not start; last lines of $base/postgres.log:" >&2
    tail -n 20 "$base/postgres.log" >&2
    pg_stop "$dir"
    return 1
  fi
  echo "Host=127.0.0.1;Port=$port;Username=erds"
}

pg_stop() {
  local dir=${1:?usage: pg_stop <dir>}
  [ -d "$dir/postgres/data" ] || return 0
  local base bin pid
  base=$(cd "$dir/postgres" && pwd) || return 1
  pid=$(_pg_postmaster_pid "$base")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  bin=$(pg_bindir) || return 1
  _pg_as_owner "$bin/pg_ctl" -D "$base/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  local _
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  echo "postgres: postmaster $pid did not stop; killing it" >&2
  kill -KILL "$pid" 2>/dev/null
  sleep 0.5
  ! kill -0 "$pid" 2>/dev/null
}
