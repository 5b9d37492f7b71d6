# PostgreSQL for the tests: a private cluster in a directory of our own, on a loopback port, with
# trust authentication for the `erds` superuser. Nothing system-wide is started or changed.
#
#   source scripts/lib/postgres.sh
#   pg_start "$dir" 55432     # prints nothing; sets PG_CONNECTION (an admin connection string)
#   export ERDS_TEST_POSTGRES="$PG_CONNECTION"
#   ...
#   pg_stop "$dir"            # stops that cluster (by the pid in its data directory)
#
# initdb refuses to run as root, so as root the cluster belongs to the `postgres` user and runs
# under it. The package is installed from Debian when missing.

pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ]; then
    echo "installing: postgresql" >&2
    if [ "$(id -u)" -eq 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
      sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$bin"
}

# Runs a command as the cluster's owner: ourselves, or `postgres` when we are root.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  local dir=${1:?usage: pg_start <dir> <port>} port=${2:?usage: pg_start <dir> <port>}
  local bin
  bin=$(pg_bin) || return 1
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
    # A `mktemp -d` parent is 0700: let the postgres user pass through it (search only, no listing).
    runuser -u postgres -- test -x "$dir" || chmod o+x "$(dirname "$dir")"
    runuser -u postgres -- test -x "$dir" || { echo "pg_start: the postgres user cannot reach $dir" >&2; return 1; }
  fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    pg_as_owner "$bin/initdb" -D "$dir/data" -U erds --auth=trust --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; return 1; }
  fi
  # The socket goes into the cluster's directory: /var/run/postgresql may not exist or be ours.
  # fsync off: test data is thrown away, and it makes the suite several times faster.
  pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$dir/server.log" >&2; return 1; }
  PG_CONNECTION="Host=127.0.0.1;Port=$port;Username=erds;Database=postgres"
  export PG_CONNECTION
}

pg_stop() {
  local dir=${1:?usage: pg_stop <dir>}
  local bin
  bin=$(pg_bin) || return 1
  [ -f "$dir/data/postmaster.pid" ] || return 0
  pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
}
