#!/usr/bin/env bash
# The shipped build (`make build`: release, static Swift runtime, jemalloc) gives byte for byte
# the output of the debug build the unit and end-to-end tests run: every lint format, `pm show`,
# `pm budget`, `pm classify` and the whole report, on the bundled postmortems and the broken and
# hostile fixtures (classification also on ../shared's real postmortems, when it is there). Prints one line per comparison and "release-check: N passed, N failed".
set -u
cd "$(dirname "$0")/.."
swift build -c debug >/dev/null 2>&1 || { echo "release-check: debug build failed"; exit 1; }
DEBUG=.build/debug/pm
RELEASE=${RELEASE_PM:-.build/release/pm}
[ -x "$RELEASE" ] || { echo "release-check: $RELEASE not built (make build)"; exit 1; }
echo "release-check: $RELEASE allocates with $(ldd "$RELEASE" | awk '/libjemalloc/ {print $1; found=1} END {if (!found) print "glibc malloc"}')"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0; failed=0
same() { # name, pm arguments... (run by both builds; stdout, stderr and exit status compared)
    local name=$1; shift
    "$DEBUG" "$@" > "$work/debug.out" 2> "$work/debug.err"; echo "exit $?" >> "$work/debug.out"
    "$RELEASE" "$@" > "$work/release.out" 2> "$work/release.err"; echo "exit $?" >> "$work/release.out"
    if cmp -s "$work/debug.out" "$work/release.out" && cmp -s "$work/debug.err" "$work/release.err"; then
        passed=$((passed+1)); echo "ok   $name"
    else
        failed=$((failed+1)); echo "FAIL $name"; diff "$work/debug.out" "$work/release.out" | head -10
    fi
}
inputs=(postmortems Tests/PostmortemKitTests/Fixtures/broken Tests/PostmortemKitTests/Fixtures/hostile)
for input in "${inputs[@]}"; do
    for format in text json sarif github; do
        same "lint --format $format $input" lint --today 2027-01-15 --format "$format" "$input"
    done
    same "show --format json $input" show --format json "$input"
done
same "budget postmortems" budget --today 2026-10-01 --quarter 2026-Q3 postmortems
for format in text json csv; do
    same "classify --format $format postmortems" classify --format "$format" postmortems
done
if [ -d ../shared/corpora/real-dev ]; then
    same "classify --explain ../shared/corpora/real-dev" classify --explain ../shared/corpora/real-dev
fi
"$DEBUG" report --today 2026-10-01 --quarter 2026-Q3 --out "$work/debug-site" postmortems > /dev/null 2>&1
"$RELEASE" report --today 2026-10-01 --quarter 2026-Q3 --out "$work/release-site" postmortems > /dev/null 2>&1
if [ -f "$work/debug-site/index.html" ] && diff -r "$work/debug-site" "$work/release-site" > "$work/site.diff"; then
    passed=$((passed+1)); echo "ok   report postmortems (diff -r of the sites)"
else
    failed=$((failed+1)); echo "FAIL report postmortems"; head -10 "$work/site.diff"
fi
echo "release-check: $passed passed, $failed failed"
[ "$failed" = 0 ]
