#!/usr/bin/env bash
# pm benchmarks against the cmark-gfm command-line program (issue 6). `make bench` builds pm in
# release and calls this script from the repository root.
#
# Environment:
#   BENCH_RUNS=5         runs per measurement (the median is reported)
#   BENCH_LARGE=1        also run the 50,000-document corpus (slow on 2 cores; off by default)
#   BENCH_SIZES="..."    override the corpus sizes entirely (e.g. "1000" for a quick check)
#   PM=path/to/pm        the binary to measure (default .build/release/pm)
#   BENCH_RESULTS=path   where to write the Markdown results (default Benchmarks/results.md)
#   BENCH_WARMUP=0       time each run without the untimed run of the same command before it
set -euo pipefail
cd "$(dirname "$0")/.."

PM=${PM:-.build/release/pm}
RUNS=${BENCH_RUNS:-5}
WARMUP=${BENCH_WARMUP:-1}
SIZES=${BENCH_SIZES:-"1000 10000"}
if [ "${BENCH_LARGE:-0}" = 1 ] && [ -z "${BENCH_SIZES:-}" ]; then SIZES="1000 10000 50000"; fi
CORPORA=Benchmarks/corpora
RESULTS=${BENCH_RESULTS:-Benchmarks/results.md}
TODAY=2027-01-15          # fixed "today" so lint and report do the same work on every run
QUARTER=2026-Q3
CMARK=(cmark-gfm -e table -e tasklist -e strikethrough -e autolink)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
RAW=$WORK/raw.tsv         # size  tool  run  seconds  maxrss_kb  cpu_seconds (user + system)

command -v cmark-gfm >/dev/null || { echo "bench: cmark-gfm not found (apt-get install cmark-gfm)" >&2; exit 2; }
[ -x "$PM" ] || { echo "bench: $PM not built (make build)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time not found (apt-get install time)" >&2; exit 2; }

has_subcommand() { "$PM" --help 2>/dev/null | grep -Eq "^  $1 "; }
TOOLS=(cmark-gfm)
has_subcommand lint && TOOLS+=(lint lint-sarif)
has_subcommand report && TOOLS+=(report)
TOOLS+=(show)   # parse + extract only; always measured, and the stand-in if lint/report are missing

# Generate a corpus once; a marker file says it is complete.
corpus() {
    local n=$1 dir=$CORPORA/$1
    if [ ! -f "$dir/.complete" ]; then
        echo "bench: generating $n postmortems into $dir" >&2
        rm -rf "$dir" "$CORPORA/$n.all.md"
        python3 Benchmarks/generate.py "$n" "$dir"
        touch "$dir/.complete"
    fi
    # cmark-gfm gets the same bytes as one file (file order does not matter for timing).
    if [ ! -f "$CORPORA/$n.all.md" ]; then
        find "$dir" -name '*.md' -print0 | sort -z | xargs -0 cat > "$CORPORA/$n.all.md"
    fi
}

# warm SIZE TOOL: reads the files TOOL is about to read, so that every run reads them from the page
# cache. Once per size is not enough on this VM: its kernel runs DAMON with a "pageout" scheme
# (/sys/kernel/mm/damon/admin/kdamonds/0), which drops pages nobody touched for about a minute,
# and a size's runs take longer than that. pm reads thousands of small files where cmark-gfm reads
# one large one, so the files that fell out of the cache slowed pm far more: with cold files
# `pm report` waited on the disk in its reading threads (perf: folio_wait_bit_common under read).
warm() {
    if [ "$2" = cmark-gfm ]; then
        cat "$CORPORA/$1.all.md" > /dev/null
    else
        find "$CORPORA/$1" -name '*.md' -print0 | xargs -0 cat > /dev/null
    fi
}

# run SIZE TOOL: one timed run; appends seconds and peak RSS to $RAW.
run_once() {
    local n=$1 tool=$2 i=$3 dir=$CORPORA/$1 rc=0
    local cmd
    case $tool in
        cmark-gfm) cmd=("${CMARK[@]}" "$CORPORA/$n.all.md") ;;
        lint) cmd=("$PM" lint --today "$TODAY" "$dir") ;;
        # SARIF, the format CI uploads, measured for its memory: it is one document, written as the run goes.
        lint-sarif) cmd=("$PM" lint --format sarif --today "$TODAY" "$dir") ;;
        # Each run writes a new directory, and none is removed before the bench ends. Removing the
        # last run's pages just before the next run made creating files take ~200 µs each on this
        # VM's ext4, which has no journal: it then skips inodes freed in the last minute
        # (recently_deleted() in the kernel's inode allocator, seen with perf), and 10,000 new pages
        # took 3.6 s to create instead of 0.3-0.5 s. That is the bench's own deletion, not pm's work.
        report) cmd=("$PM" report --today "$TODAY" --quarter "$QUARTER" --out "$WORK/site-$n-$i" "$dir") ;;
        show) cmd=("$PM" show --format json "$dir") ;;
    esac
    warm "$n" "$tool"
    # An untimed run of the same command first (a warm-up, as hyperfine does), so that the timed
    # run finds the binary, its libraries and its memory as a second run does. It was added
    # against the spread of cmark-gfm's times at 10,000 documents (1.7-4.8 s within one bench),
    # taken at first for cmark-gfm's 1 GB landing on memory this VM had handed back to its host;
    # the warm-up alone did not remove that spread. What did is below: the output and its writeback.
    if [ "$WARMUP" = 1 ]; then
        local warm_cmd=("${cmd[@]}")
        [ "$tool" = report ] && warm_cmd=("$PM" report --today "$TODAY" --quarter "$QUARTER" --out "$WORK/warm-$n-$i" "$dir")
        "${warm_cmd[@]}" > /dev/null 2>&1 || true
    fi
    # Files written before (report sites; the warm-up's) reach the disk now, not during the timed
    # run: their writeback had run on the second core while cmark-gfm or pm was being timed.
    sync
    # Output goes to /dev/null: no tool is timed writing its stdout to disk. It had gone to a file,
    # rewritten by every run: `pm show` at 50,000 writes 1 GB of JSON, and the disk was still
    # writing it back (and discarding the blocks of the run before) during the next round's runs.
    /usr/bin/time -f "%e %M %U %S" -o "$WORK/time" "${cmd[@]}" > /dev/null 2> "$WORK/err" || rc=$?
    # pm lint exits 1 when it finds errors; anything above 1 is a failure of the run itself.
    if [ "$rc" -gt 1 ]; then
        echo "bench: $tool on $n documents failed with exit $rc:" >&2
        tail -5 "$WORK/err" >&2
        exit 1
    fi
    # /usr/bin/time appends its line after any "Command exited with non-zero status" note.
    read -r secs rss user sys < <(tail -1 "$WORK/time")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$tool" "$i" "$secs" "$rss" "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')" >> "$RAW"
    if [ "$tool" = report ] && [ "$i" = 1 ]; then
        echo "$(find "$WORK/site-$n-$i" -name '*.html' | wc -l)" > "$WORK/pages-$n"
    fi
}

# runs SIZE: how many runs that size gets (the 50,000 corpus at most three: each takes minutes).
runs_for() { if [ "$1" -ge 50000 ]; then echo $(( RUNS < 3 ? RUNS : 3 )); else echo "$RUNS"; fi; }

for n in $SIZES; do
    corpus "$n"
    files=$(find "$CORPORA/$n" -name '*.md' | wc -l)
    bytes=$(stat -c %s "$CORPORA/$n.all.md")
    printf '%s\t%s\n' "$files" "$bytes" > "$WORK/size-$n"
done
# Rounds go through every size, and each size through every tool, so that a shared VM getting
# slower or faster during the bench moves all of them alike. Both kinds of ratio the targets use
# (a tool against cmark-gfm at one size, one size against another) then compare runs made close
# together. Sizes one after another had put all the 50,000-document runs at the end of the
# bench: in one such run cmark-gfm took 7.8x longer at 50,000 than at 10,000, for 5x the bytes.
max_runs=0
for n in $SIZES; do r=$(runs_for "$n"); [ "$r" -gt "$max_runs" ] && max_runs=$r; done
for i in $(seq 1 "$max_runs"); do
    for n in $SIZES; do
        runs=$(runs_for "$n")
        [ "$i" -le "$runs" ] || continue
        for tool in "${TOOLS[@]}"; do
            echo "bench: round $i, $n documents, $tool (run $i/$runs)" >&2
            run_once "$n" "$tool" "$i"
        done
    done
done

# Single-file start-to-exit latency of `pm lint`.
# (sed, not head: head closing the pipe early would fail the script under pipefail)
single=$(find "$CORPORA/1000" -name '*.md' 2>/dev/null | sort | sed -n 1p)
latency_ms=""
latency_how=""
if [ -n "$single" ] && has_subcommand lint; then
    if command -v hyperfine >/dev/null; then
        hyperfine -N -i --warmup 5 --runs 50 --export-json "$WORK/hf.json" \
            "$PM lint --today $TODAY $single" > /dev/null 2>&1
        latency_ms=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.1f" % (r["median"] * 1000))' "$WORK/hf.json")
        latency_how="hyperfine, 50 runs after 5 warm-ups"
    else
        for i in $(seq 1 30); do
            s=$(date +%s%N); "$PM" lint --today "$TODAY" "$single" > /dev/null 2>&1 || true; e=$(date +%s%N)
            echo $(( (e - s) / 1000 ))
        done | sort -n | sed -n 15p > "$WORK/loop"
        latency_ms=$(awk '{printf "%.1f", $1/1000}' "$WORK/loop")
        latency_how="shell loop, 30 runs"
    fi
fi

# The Python linter the issue compares with, once over the 1,000-document corpus (it takes a
# minute or more; BENCH_PYMARKDOWN=0 skips it).
if [ "${BENCH_PYMARKDOWN:-1}" = 1 ] && command -v pymarkdown >/dev/null && [ -d "$CORPORA/1000" ]; then
    echo "bench: 1000 documents, pymarkdownlnt ($(pymarkdown version)), 1 run" >&2
    warm 1000 pymarkdown
    /usr/bin/time -f "%e %M" -o "$WORK/pymarkdown-time" pymarkdown scan --recurse "$CORPORA/1000" > /dev/null 2>&1 || true
    printf '%s %s\n' "$(tail -1 "$WORK/pymarkdown-time")" "$(pymarkdown version)" > "$WORK/pymarkdown"
fi

cp "$RAW" "$CORPORA/last-raw.tsv"   # kept for inspection (corpora/ is git-ignored)
python3 Benchmarks/summarise.py "$WORK" "$RESULTS" "$PM" "$latency_ms" "$latency_how" "${TOOLS[*]}" "$SIZES"
