#!/usr/bin/env bash
# In-process micro-benchmarks of pm's stages with ordo-one/benchmark (issue 6). `make bench-micro`
# calls this from the repository root. The benchmarks live in their own package,
# Benchmarks/Micro, which depends on this one by path, so the main build never fetches the
# framework. Each benchmark runs one stage over the same sample of the generated corpus; the
# summary divides each stage's median by that of cmark-gfm's parse and HTML rendering on the
# same documents, in the same process.
#
# Environment:
#   PM_MICRO_DOCUMENTS=200   documents in the sample (the first, by name, of the 1,000 corpus)
#   PM_MICRO_SECONDS=5       longest time per benchmark (at most 100 iterations each)
#   PM_MICRO_ROUNDS=2        how many times the whole suite runs; each benchmark is reported from
#                            its best round (this machine's speed changes for tens of seconds at
#                            a time, so one benchmark of a round can run at half speed)
#   MICRO_RESULTS=path       where to write the summary (default Benchmarks/micro-results.md)
set -euo pipefail
cd "$(dirname "$0")/.."
RESULTS=${MICRO_RESULTS:-Benchmarks/micro-results.md}
dir=Benchmarks/corpora/1000
if [ ! -f "$dir/.complete" ]; then
    echo "bench-micro: generating 1000 postmortems into $dir" >&2
    rm -rf "$dir"
    python3 Benchmarks/generate.py 1000 "$dir"
    touch "$dir/.complete"
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
export PM_MICRO_CORPUS=$PWD/$dir
for round in $(seq 1 "${PM_MICRO_ROUNDS:-2}"); do
    echo "bench-micro: round $round" >&2
    (cd Benchmarks/Micro && swift package --disable-sandbox benchmark --no-progress --time-units microseconds) | tee -a "$out"
done
python3 Benchmarks/micro-summarise.py "$out" "$RESULTS"
echo "bench-micro: wrote $RESULTS" >&2
