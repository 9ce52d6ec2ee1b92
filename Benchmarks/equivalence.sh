#!/usr/bin/env bash
# Checks that an optimisation changed nothing pm reads: runs `pm show --format json` with two
# binaries over the same inputs and diffs the output.
#
# Usage: Benchmarks/equivalence.sh OLD_PM NEW_PM [PATH...]
# Default paths: postmortems, templates, the real-world corpus, the test fixtures and the
# generated 1,000-document corpus.
set -uo pipefail
cd "$(dirname "$0")/.."
old=$1 new=$2
shift 2
paths=("$@")
if [ ${#paths[@]} -eq 0 ]; then
    paths=(postmortems templates ../shared/corpora/real-dev Tests/PostmortemKitTests/Fixtures Benchmarks/corpora/1000)
fi
status=0
for p in "${paths[@]}"; do
    [ -e "$p" ] || { echo "skip $p (missing)"; continue; }
    if diff <("$old" show --format json "$p" 2>&1) <("$new" show --format json "$p" 2>&1) > /tmp/pm-equivalence.diff; then
        echo "same: $p"
    else
        echo "DIFFERENT: $p (first lines of the diff follow)"
        head -20 /tmp/pm-equivalence.diff
        status=1
    fi
done
exit $status
