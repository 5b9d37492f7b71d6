# shellcheck shell=bash
# A private PostgreSQL cluster for the tests and the local distributed set-up: no systemd, no
# Docker, as root or as any user. Source this file, then:
#
#   conn=$(pg_start <dir> <port>)   # initdb when new, start (or find running); prints an admin connection string
#   pg_stop <dir>                    # fast shutdown, by the postmaster's pid; a no-op when nothing runs
#   pg_install                       # apt-get install postgresql when missing (root or sudo)
#   pg_bindir                        # prints the directory of initdb, pg_ctl, psql
#
# Everything lives in <dir>/postgres: data/ (the cluster), run/ (the Unix socket), postgres.log.
# The server listens on 127.0.0.1:<port> only, with max_connections=200 (the test suite's parallel
# classes, or three role processes with their pools). The superuser is "erds" with trust
# authentication: a development set-up on loopback, never a production one. Run as root, the
# cluster belongs to the "postgres" user (initdb refuses root); otherwise to the calling user.
#
# Settings (environment, read by pg_start):
#   PG_FSYNC=off          for throw-away data only (scripts/test.sh): no fsync, several times faster,
#                         and a crash of the machine may corrupt the cluster. Default: on, which is
#                         what deploy/local/start.sh wants, as people keep data in it.
#   PG_START_TIMEOUT      seconds to wait for the server to accept connections (default 60)
#   PG_BINDIR             the PostgreSQL bin directory (default: the newest /usr/lib/postgresql/*/bin)
#
# Messages go to stderr; stdout carries only the connection string
# (Host=127.0.0.1;Port=<port>;Username=erds;Database=postgres).

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

# True while a process with this pid exists and is not a zombie (in a container, pid 1 may never
# reap the postmaster, and kill -0 alone would then wait for a process that is gone).
_pg_alive() {
  local pid=$1 st
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  st=$(ps -o stat= -p "$pid" 2>/dev/null) || return 1
  [ "${st#Z}" = "$st" ]
}

_pg_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

_pg_postmaster_pid() { [ -f "$1/data/postmaster.pid" ] && head -n 1 "$1/data/postmaster.pid" | tr -dc '0-9'; }

pg_start() {
  local dir=${1:?usage: pg_start <dir> <port>} port=${2:?usage: pg_start <dir> <port>}
  local conn="Host=127.0.0.1;Port=$port;Username=erds;Database=postgres"
  local fsync=${PG_FSYNC:-on}
  case "$fsync" in on|off) ;; *) echo "postgres: PG_FSYNC must be on or off (is: $fsync)" >&2; return 1 ;; esac
  local bin
  bin=$(pg_bindir) || { echo "postgres: no PostgreSQL server found under /usr/lib/postgresql (pg_install installs it)" >&2; return 1; }
  mkdir -p "$dir/postgres" || return 1
  local base
  base=$(cd "$dir/postgres" && pwd) || return 1
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$base" || return 1
    if ! runuser -u postgres -- test -w "$base"; then
      echo "postgres: the postgres user cannot reach $base (a parent directory is closed to it); choose a directory elsewhere, e.g. under /tmp" >&2
      return 1
    fi
  fi
  chmod 700 "$base"

  local pid
  pid=$(_pg_postmaster_pid "$base")
  if _pg_alive "$pid"; then
    local running_port
    running_port=$(sed -n 4p "$base/data/postmaster.pid")
    if [ "$running_port" != "$port" ]; then
      echo "postgres: a server already runs in $base on port $running_port (asked: $port)" >&2
      return 1
    fi
    echo "$conn"
    return 0
  fi

  if _pg_port_open "$port"; then
    echo "postgres: port $port on 127.0.0.1 is already in use" >&2
    return 1
  fi
  if [ ! -f "$base/data/PG_VERSION" ]; then
    # A half-made cluster from an interrupted initdb would make this one fail.
    rm -rf "$base/data"
    local nosync=()
    [ "$fsync" = off ] && nosync=(--no-sync)
    _pg_as_owner "$bin/initdb" -D "$base/data" -U erds --auth=trust -E UTF8 --locale=C.UTF-8 "${nosync[@]}" >"$base/initdb.log" 2>&1 || {
      echo "postgres: initdb failed; last lines of $base/initdb.log:" >&2; tail -n 20 "$base/initdb.log" >&2; return 1; }
  fi
  # The socket goes into our own directory: /var/run/postgresql may not exist or be ours.
  _pg_as_owner mkdir -p "$base/run"
  if ! _pg_as_owner "$bin/pg_ctl" -D "$base/data" -l "$base/postgres.log" -w -t "${PG_START_TIMEOUT:-60}" \
      -o "-p $port -k $base/run -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=$fsync" start >/dev/null 2>&1; then
    echo "postgres: the server did not start; last lines of $base/postgres.log:" >&2
    tail -n 20 "$base/postgres.log" >&2
    pg_stop "$dir"
    return 1
  fi
  echo "$conn"
}

pg_stop() {
  local dir=${1:?usage: pg_stop <dir>}
  [ -d "$dir/postgres/data" ] || return 0
  local base bin pid
  base=$(cd "$dir/postgres" && pwd) || return 1
  pid=$(_pg_postmaster_pid "$base")
  _pg_alive "$pid" || return 0
  bin=$(pg_bindir) || return 1
  _pg_as_owner "$bin/pg_ctl" -D "$base/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  local _
  for _ in $(seq 1 100); do _pg_alive "$pid" || return 0; sleep 0.1; done
  echo "postgres: postmaster $pid did not stop; killing it" >&2
  kill -KILL "$pid" 2>/dev/null
  sleep 0.5
  ! _pg_alive "$pid"
}
