#!/usr/bin/env bash
# End-to-end checks on the real executable. Each check prints a line; the last line is
# "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
swift build -c debug >/dev/null 2>&1 || { echo "e2e: build failed"; echo "0 passed, 1 failed"; exit 1; }
PM=.build/debug/pm
# The executable by an absolute path, for checks that change directory.
PMABS=$PWD/$PM
# Every temporary file of the checks (mktemp in the checks and in the shells they start, Python's
# tempfile) goes under one directory of this run, removed when it ends: make test leaves nothing
# in /tmp, and two runs at once do not share a file.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/pm-e2e.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export TMPDIR=$scratch
passed=0; failed=0
check() { # name, command...
  local name=$1; shift
  if "$@" >"$scratch/check.out" 2>&1; then passed=$((passed+1)); echo "ok   $name"
  else failed=$((failed+1)); echo "FAIL $name"; sed 's/^/     /' "$scratch/check.out" | head -20; fi
}
# The checks write only under $scratch: the checkout is as they found it (a check that wrote `out`
# and `err` into it had them committed by mistake).
before=$(git status --porcelain --untracked-files=all 2>/dev/null)
for f in Tests/e2e/checks/*.sh; do . "$f"; done
check "the checks leave the checkout as they found it" test "$before" = "$(git status --porcelain --untracked-files=all 2>/dev/null)"
echo "e2e: $passed passed, $failed failed"
[ "$failed" = 0 ]
