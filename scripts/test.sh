#!/usr/bin/env bash
# The one test command: installs what the tests need, then builds and runs every test.
#   scripts/test.sh            all tests
#   scripts/test.sh --filter-class '*Expiry*'   extra arguments go to `dotnet test`
#
# The independent verification tools (xmlsec1, openssl, xmllint) are installed from Debian packages
# when missing: the tests fail, never skip, without them.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

install_packages() {
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

install_packages

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test --solution ErdsService.sln "$@" 2>&1 | tee "$log" || status=$?

# CI reads a plain "N passed, N failed" line; dotnet test prints one summary block per run.
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -E '^\s+skipped: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
