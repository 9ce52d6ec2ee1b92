#!/usr/bin/env python3
"""Reads the text tables ordo-one/benchmark printed for Benchmarks/Micro and writes a summary:
each stage's median wall-clock and CPU time, its allocations and its ratio to the floor
(cmark-gfm's parse and HTML rendering of the same documents, in the same process)."""
import datetime
import os
import platform
import re
import subprocess
import sys

text_path, results_path = sys.argv[1:3]
FLOOR = "floor: cmark-gfm parse + HTML"
# A benchmark can appear once per round; each round's table is kept, and the summary reports a
# benchmark from its round with the fastest wall-clock iteration.
rounds = {}
order = []
current = None
for line in open(text_path, encoding="utf-8"):
    line = line.rstrip("\n")
    # Drop colour codes the tool may print.
    line = re.sub(r"\x1b\[[0-9;]*m", "", line)
    if line.startswith(("floor:", "parse:", "extract:", "lint:", "classify:", "render:")):
        current = {}
        name = line.strip()
        if name not in rounds:
            order.append(name)
        rounds.setdefault(name, []).append(current)
        continue
    if current is not None and line.startswith("│"):
        cells = [c.strip() for c in line.strip("│").split("│")]
        if len(cells) >= 4 and cells[0] != "Metric":
            # Columns: metric, p0, p25, p50, ...
            current[cells[0]] = (cells[1], cells[3])

def fastest_wall(table):
    for metric, values in table.items():
        if metric.startswith("Time (wall clock)"):
            return float(values[0])
    return float("inf")

# Each benchmark's best round, by its position (round k holds each benchmark's k-th table); its
# ratio is taken against the floor of the same round, which ran moments before it.
best_round = {name: min(range(len(tables)), key=lambda k: fastest_wall(tables[k])) for name, tables in rounds.items()}
rows = {name: rounds[name][k] for name, k in best_round.items()}
round_count = max((len(tables) for tables in rounds.values()), default=0)

def find(name, prefix):
    """(minimum, median) of a metric, and its unit."""
    for metric, values in rows.get(name, {}).items():
        if metric.startswith(prefix):
            unit = re.search(r"\(([^()]*)\)\s*\*?$", metric)
            return values, unit.group(1) if unit else ""
    return (None, None), ""

# The tool prints benchmarks by name; the summary follows the pipeline.
STAGES = ["floor:", "parse:", "extract:", "lint:", "classify:", "render:"]
order.sort(key=lambda name: (next((i for i, p in enumerate(STAGES) if name.startswith(p)), len(STAGES)), name))
if FLOOR not in rows:
    sys.exit("bench-micro: no floor benchmark in the output")
# The columns below are in µs: micro.sh asks for microseconds.
for name in order:
    for prefix in ("Time (wall clock)", "Time (total CPU)"):
        unit = find(name, prefix)[1]
        if unit not in ("μs", "µs", "us"):
            sys.exit(f"bench-micro: {name}: {prefix} is in {unit or 'no unit'}, expected microseconds")
def floor_in_round(k):
    tables = rounds[FLOOR]
    return fastest_wall(tables[min(k, len(tables) - 1)])

def git(*args):
    try:
        return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout.strip()
    except Exception:
        return "?"

cpu = "?"
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
except OSError:
    pass
sample = os.environ.get("PM_MICRO_DOCUMENTS", "200")
out = []
out.append("# pm micro-benchmarks\n")
out.append("Written by `make bench-micro` (`Benchmarks/micro.sh`, ordo-one/benchmark in `Benchmarks/Micro`). "
           f"Each benchmark runs one stage over the same {sample} generated postmortems (the first by name of "
           "`Benchmarks/corpora/1000`), in one process and on one thread; the figures are medians over the "
           f"iterations, and the fastest iteration, which this machine's noisy neighbours disturb least. The suite ran {round_count} times "
           "and each benchmark is shown from its round with the fastest iteration, its ratio taken against the floor of that "
           "round: this machine's speed changes for tens of seconds at a time, so a whole benchmark can land in a slow spell. "
           "The floor is cmark-gfm parsing the documents and rendering HTML, which is what the "
           "`cmark-gfm` program does in `make bench`; × floor divides a stage's fastest iteration by the floor's. "
           "Even so, a ratio can move by a third between runs on this machine. "
           "A whole `pm lint` is extract + lint on two cores; `pm report` adds classify and the pages.\n")
out.append("## Machine\n")
out.append(f"- Date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}")
out.append(f"- CPU: {cpu}, {os.cpu_count()} cores")
out.append(f"- OS: {platform.platform()}")
out.append(f"- pm: git {git('rev-parse', '--short', 'HEAD')}\n")
out.append("## Stages\n")
out.append("| stage | fastest µs | median µs | median CPU µs | mallocs | × floor |")
out.append("|---|---:|---:|---:|---:|---:|")
for name in order:
    (fastest, wall), _ = find(name, "Time (wall clock)")
    (_, cpu_time), _ = find(name, "Time (total CPU)")
    (_, mallocs), unit = find(name, "Malloc (total)")
    scale = {"K": "k", "M": "M"}.get(unit, "")
    floor_wall = floor_in_round(best_round[name])
    ratio = f"{float(fastest) / floor_wall:.2f}" if fastest not in (None, "") and floor_wall else "–"
    out.append(f"| {name} | {fastest} | {wall} | {cpu_time} | {mallocs}{scale} | {ratio} |")
open(results_path, "w", encoding="utf-8").write("\n".join(out) + "\n")
print("\n".join(out[-(len(order) + 2):]))
