#!/usr/bin/env bash
# End-to-end checks on the real executable. Each check prints a line; the last line is
# "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
swift build -c debug >/dev/null 2>&1 || { echo "e2e: build failed"; echo "0 passed, 1 failed"; exit 1; }
PM=.build/debug/pm
passed=0; failed=0
check() { # name, command...
  local name=$1; shift
  if "$@" >/tmp/pm-e2e.out 2>&1; then passed=$((passed+1)); echo "ok   $name"
  else failed=$((failed+1)); echo "FAIL $name"; sed 's/^/     /' /tmp/pm-e2e.out | head -20; fi
}
for f in Tests/e2e/checks/*.sh; do . "$f"; done
echo "e2e: $passed passed, $failed failed"
[ "$failed" = 0 ]
