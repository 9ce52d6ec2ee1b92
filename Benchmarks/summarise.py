#!/usr/bin/env python3
"""Turns the raw timings of Benchmarks/run.sh into printed medians, the issue-6 ratios and
Benchmarks/results.md. Everything after the `<!-- notes -->` line of an existing results.md
is kept, so hand-written notes survive a re-run."""
import datetime
import os
import platform
import statistics
import subprocess
import sys

work, results_path, pm, latency_ms, latency_how, tools, sizes = sys.argv[1:8]
tools = tools.split()
sizes = [int(s) for s in sizes.split()]

raw = {}
cpu_raw = {}
for line in open(os.path.join(work, "raw.tsv")):
    n, tool, _, secs, rss, *cpu_secs = line.rstrip("\n").split("\t")
    raw.setdefault((int(n), tool), []).append((float(secs), int(rss)))
    if cpu_secs:
        cpu_raw.setdefault((int(n), tool), []).append(float(cpu_secs[0]))


def median(n, tool):
    runs = raw.get((n, tool))
    return statistics.median(s for s, _ in runs) if runs else None


def cpu_median(n, tool):
    """Median CPU seconds (user + system, all threads) of the runs."""
    runs = cpu_raw.get((n, tool))
    return statistics.median(runs) if runs else None


def peak_mb(n, tool):
    runs = raw.get((n, tool))
    return max(r for _, r in runs) / 1024 if runs else None


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip() or platform.processor()
mem_gb = int(sh("awk '/MemTotal/ {print $2}' /proc/meminfo") or 0) / 1024 / 1024
# The Makefile links jemalloc into the release build (ALLOCATOR); a plain `swift build` uses glibc's malloc.
jemalloc = sh(f"ldd {pm} | awk '/libjemalloc/ {{print $1}}'")
machine = [
    f"- Date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
    f"- CPU: {cpu}, {sh('nproc')} cores (nproc)",
    f"- Memory: {mem_gb:.1f} GB",
    f"- OS: {sh('. /etc/os-release && echo $PRETTY_NAME')}, kernel {platform.release()}",
    f"- Swift: {sh('swift --version 2>&1 | head -1')}",
    f"- cmark-gfm: {sh('cmark-gfm --version 2>&1 | head -1')}",
    f"- pm: {pm} at git {sh('git rev-parse --short HEAD')}{' (uncommitted changes)' if sh('git status --porcelain -- Sources') else ''}",
    f"- Allocator: {'jemalloc (' + jemalloc + ')' if jemalloc else 'glibc malloc'}",
]

lines = ["# pm benchmarks", "", "Written by `make bench` (`Benchmarks/run.sh`); re-run to refresh. Times are the median "
         "of the runs, wall clock, from `/usr/bin/time`; CPU s is the median of user plus system time, all threads; peak RSS is the largest over the runs. "
         "Corpora come from `Benchmarks/generate.py` (seeded, deterministic). `cmark-gfm -e table -e tasklist "
         "-e strikethrough -e autolink` converts the concatenated corpus to HTML in one process; "
         "`pm lint --today 2027-01-15 DIR` (and with `--format sarif`), `pm report --today 2027-01-15 --quarter 2026-Q3 --out DIR DIR` and "
         "`pm show --format json DIR` read the corpus directory. Standard output goes to /dev/null. Each report run writes a new "
         "output directory; outputs are removed when the bench ends, not between runs. Before each timed run the bench reads that "
         "tool's input files, so every run reads them from the page cache" + (", runs the same command once untimed (a warm-up),"
         if os.environ.get("BENCH_WARMUP", "1") == "1" else
         " (this run had no untimed warm-up run: BENCH_WARMUP=0)") + " and calls `sync`, so that no writeback of earlier "
         "output runs during it (see run.sh). The runs go in rounds: "
         "each round runs every tool on every size, so ratios compare runs made close together.", "", "## Machine", ""] + machine
lines += ["", "## Measurements", "",
          "| documents | MB | tool | median s | CPU s | runs | MB/s | peak RSS MB | × cmark-gfm |",
          "|---:|---:|---|---:|---:|---:|---:|---:|---:|"]
for n in sizes:
    files, nbytes = open(os.path.join(work, f"size-{n}")).read().split()
    mb = int(nbytes) / 1e6
    base = median(n, "cmark-gfm")
    for tool in tools:
        t = median(n, tool)
        if t is None:
            continue
        name = {"cmark-gfm": "cmark-gfm", "lint-sarif": "pm lint --format sarif"}.get(tool, f"pm {tool}")
        if tool == "report" and os.path.exists(os.path.join(work, f"pages-{n}")):
            name += f" ({open(os.path.join(work, f'pages-{n}')).read().strip()} pages)"
        c = cpu_median(n, tool)
        lines.append(f"| {int(files):,} | {mb:.1f} | {name} | {t:.3f} | {f'{c:.2f}' if c is not None else '—'} | {len(raw[(n, tool)])} | "
                     f"{mb / t if t else 0:.0f} | {peak_mb(n, tool):.0f} | {t / base if base else 0:.2f} |")

# The targets of issue 6.
targets = []


def target(name, value, limit, ok, shown):
    if value is None:
        targets.append(f"| {name} | not measured | {limit} | — |")
    else:
        targets.append(f"| {name} | {shown} | {limit} | {'met' if ok else '**not met**'} |")


primary = "lint" if "lint" in tools else "show"
for tool, limit in ((primary, 1.0), ("report", 2.0)):
    if tool not in tools:
        target(f"pm {tool} at 10,000 / cmark-gfm", None, f"≤ {limit}×", False, "")
        continue
    t, b = median(10000, tool), median(10000, "cmark-gfm")
    r = t / b if t and b else None
    target(f"pm {tool} at 10,000 / cmark-gfm", r, f"≤ {limit:.1f}×", r is not None and r <= limit,
           f"{r:.2f}× ({t:.2f} s / {b:.2f} s)" if r else "")
for tool in (primary, "report"):
    if tool not in tools:
        continue
    m = peak_mb(10000, tool)
    target(f"pm {tool} peak RSS at 10,000", m, "≤ 150 MB", m is not None and m <= 150, f"{m:.0f} MB" if m else "")
    a, b, c = peak_mb(1000, tool), m, peak_mb(50000, tool)
    if a and b:
        growth = f"1k→10k {b / a:.2f}× (documents 10×)"
        ok = b / a <= 3
        if c:
            growth += f", 10k→50k {c / b:.2f}× (documents 5×)"
            ok = ok and c / b <= 2
        target(f"pm {tool} RSS growth", growth, "much less than linear (≤ 3× for 10×, ≤ 2× for 5×)", ok, growth)
    t10, t50 = median(10000, tool), median(50000, tool)
    r = t50 / t10 if t10 and t50 else None
    # CPU time beside it: the work done, which the load of a shared VM moves less than wall time.
    c10, c50 = cpu_median(10000, tool), cpu_median(50000, tool)
    cpu_ratio = f"; CPU time {c50 / c10:.2f}×" if c10 and c50 else ""
    target(f"pm {tool} time 50,000 / 10,000", r, "≤ 5.5× (wall time)", r is not None and r <= 5.5,
           f"{r:.2f}× ({t50:.1f} s / {t10:.1f} s{cpu_ratio})" if r else "")
if "lint-sarif" in tools:
    m = peak_mb(10000, "lint-sarif")
    target("pm lint --format sarif peak RSS at 10,000", m, "≤ 150 MB", m is not None and m <= 150, f"{m:.0f} MB" if m else "")
lat = float(latency_ms) if latency_ms else None
target("pm lint, one file, median start to exit", lat, "< 30 ms", lat is not None and lat < 30,
       f"{lat:.1f} ms ({latency_how})" if lat else "")
t1k = median(1000, primary)
if t1k:
    measured = os.path.join(work, "pymarkdown")
    if os.path.exists(measured):
        secs, _, version = open(measured).read().split(maxsplit=2)
        py, how = float(secs), f"pymarkdownlnt {version.strip()} measured in this run: {float(secs):.1f} s"
    else:
        py, how = 64.0, "pymarkdownlnt: 64 s, the issue's figure; not re-measured"
    speedup = py / t1k
    target(f"pm {primary} at 1,000 vs pymarkdownlnt ({how})", speedup,
           "> 1000×", speedup > 1000, f"{speedup:.0f}× ({t1k * 1000:.0f} ms)")

lines += ["", "## Targets (issue 6)", "", "| target | measured | limit | status |", "|---|---|---|---|"] + targets
if primary == "show":
    lines += ["", "`pm lint` is not built in this binary; `pm show --format json` stands in as the parse+extract measure."]

notes = ["", "<!-- notes -->", "", "## Notes", "", "(none yet)"]
if os.path.exists(results_path):
    old = open(results_path).read()
    if "<!-- notes -->" in old:
        notes = ["", "<!-- notes -->" + old.split("<!-- notes -->", 1)[1].rstrip("\n")]
text = "\n".join(lines + notes) + "\n"
open(results_path, "w").write(text)
print("\n".join(lines[lines.index("## Measurements"):]))
print(f"\nbench: wrote {results_path}")
