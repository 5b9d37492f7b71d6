#!/bin/bash
# erds-healthcheck [path] [port]: succeeds when GET http://127.0.0.1:<port><path> answers 200.
# For container health checks in images without curl or wget; bash's /dev/tcp is all it needs.
#   erds-healthcheck                     # /health/ready on port 8080
#   erds-healthcheck /health/live 8080
path=${1:-/health/ready}
port=${2:-${ERDS_HEALTH_PORT:-8080}}
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t "${ERDS_HEALTH_TIMEOUT:-5}" status <&3 || { echo "no answer from 127.0.0.1:$port$path" >&2; exit 1; }
status=${status%$'\r'}
case $status in
  "HTTP/1."?" 200"*) exit 0 ;;
  *) echo "$path: $status" >&2; exit 1 ;;
esac
