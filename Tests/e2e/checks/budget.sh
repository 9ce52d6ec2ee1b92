# pm budget and pm classify on the bundled corpus.
check "budget Q3 text shows the August freeze" bash -c "$PM budget --quarter 2026-Q3 --today 2026-11-22 | grep -q 'freeze: reliability work first (exhausted 08-25 16:53)'"
check "budget default period is the latest complete quarter" bash -c "$PM budget --today 2026-11-22 | head -1 | grep -q '2026-Q3'"
check "budget CSV has the documented header and a row per step" bash -c "$PM budget --quarter 2026-Q3 --today 2026-11-22 --format csv --slo storefront-availability > $TMPDIR/pm-budget.csv && head -1 $TMPDIR/pm-budget.csv | tr -d '\r' | grep -qx 'slo,window_start,window_end,at,incident,burned_minutes,remaining_minutes,remaining_percent' && grep -q '2026-08-25-storefront-dns-records-deleted,27.00,-7.02,-15.73' $TMPDIR/pm-budget.csv"
check "budget JSON parses and carries burn rates" bash -c "$PM budget --quarter 2026-Q4 --today 2026-11-22 --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); w=[w for w in d[\"windows\"] if w[\"slo\"]==\"checkout-availability\" and w[\"label\"]==\"2026-10\"][0]; assert w[\"burned_minutes\"]==19.52 and w[\"budget_minutes\"]==22.32 and \"burn_rate\" in w'"
check "budget output is byte-identical across runs" bash -c "diff <($PM budget --quarter 2026-Q3 --today 2026-11-22 --format json) <($PM budget --quarter 2026-Q3 --today 2026-11-22 --format json)"
check "budget rejects a bad quarter with exit 2" bash -c "$PM budget --quarter 2026-Q5; test \$? = 2"
check "budget rejects --quarter with --from" bash -c "$PM budget --quarter 2026-Q3 --from 2026-07-01 --to 2026-07-31; test \$? = 2"
check "budget refuses a date outside the years 1900 to 9000 with exit 2" bash -c "$PM budget --today 0001-01-01 2>&1 | grep -q 'years 1900 to 9000'; test \${PIPESTATUS[0]} = 2"
check "budget and report refuse a --today whose default quarter is before 1900, exit 2" bash -c "$PM budget --today 1900-01-01 2>&1 | grep -q 'no complete quarter'; test \${PIPESTATUS[0]} = 2 && $PM report --today 1900-03-31 --out $TMPDIR/pm-1899 2>/dev/null; test \$? = 2 && test ! -e $TMPDIR/pm-1899 && $PM budget --today 1900-04-01 >/dev/null"
check "report refuses a quarter outside the years 1900 to 9000 with exit 2" bash -c "$PM report --quarter 0001-Q1 --today 2026-11-22 --out $TMPDIR/pm-old-report; test \$? = 2 && test ! -e $TMPDIR/pm-old-report"
check "budget refuses --to before --from with exit 2" bash -c "$PM budget --from 2026-12-31 --to 2026-01-01 --today 2026-11-22 2>&1 | grep -q 'is before --from'; test \${PIPESTATUS[0]} = 2"
check "budget exits 2 on an unknown SLO" bash -c "$PM budget --slo nope --today 2026-11-22; test \$? = 2"
check "classify groups the corpus by cause" bash -c "$PM classify | grep -q '^capacity '"
check "classify --group-by service lists storefront" bash -c "$PM classify --group-by service --format csv | grep -q '^service,storefront,'"
check "classify --group-by service counts each SLO's burn toward its own services, so the groups add up to the SLOs' burn" bash -c "$PM classify --group-by service --format json | python3 -c '
import json, sys
groups = {g[\"key\"]: g[\"burned_minutes_by_slo\"] for g in json.load(sys.stdin)[\"groups\"]}
assert set(groups[\"storefront\"]) == {\"storefront-availability\"} and set(groups[\"search\"]) == {\"search-latency\"}, groups
'"
check "classify --explain shows the deciding phrases" bash -c "$PM classify --explain | grep -q 'declared \"'"
check "classify --evaluate prints precision and recall" bash -c "$PM classify --evaluate | grep -q '^category  *precision  *recall'"
check "classify JSON parses" bash -c "$PM classify --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d[\"classifications\"]) >= 24 and d[\"groups\"][0][\"cumulative_share\"] > 0'"
check "classify says why an empty file is no incident, and exits 0" bash -c "d=\$(mktemp -d); : > \$d/empty.md; cp postmortems/2026-01-13-checkout-db-failover-stall.md \$d/; $PM classify \$d > \$d/out.txt 2> \$d/err.txt && grep -q 'empty.md: .*not a postmortem, left out' \$d/err.txt && grep -q '1 incident' \$d/out.txt"
check "classify CSV guards formula cells" bash -c "d=\$(mktemp -d); printf -- '---\nid: \"=cmd()\"\nservices: [\"+svc\"]\n---\n# A bad deploy\n' > \$d/x.md; $PM classify --group-by service --format csv \$d/x.md | grep -q \"^service,'+svc,1,\""
check "classify notes impact it does not count: in the text, in JSON, and on stderr with CSV" bash -c '
D=$(mktemp -d); mkdir $D/pm; printf "timezone: UTC\npostmortems: pm\nslos:\n  - id: api\n    objective: 99.9\n    window: month\n" > $D/pm.yml
printf -- "---\nid: ghost-slo\ntitle: Ghost\nstatus: published\nseverity: SEV2\nservices: [api]\ncauses: [config]\nstarted: 2026-08-04T10:00:00Z\nmitigated: 2026-08-04T10:10:00Z\nimpact:\n  - slo: apii\n    bad_fraction: 1\n---\n# Ghost\n" > $D/pm/g.md
cd $D && P='"$PWD/$PM"' && $P classify | grep -q "^  ghost-slo (apii): impact names SLO .apii., which is not defined; not counted$" &&
$P classify --format json | python3 -c "import json,sys; n=json.load(sys.stdin)[\"notes\"]; assert [(x[\"incident\"], x[\"slo\"]) for x in n] == [(\"ghost-slo\", \"apii\")], n" &&
$P classify --format csv 2>&1 >/dev/null | grep -q "^pm: warning: ghost-slo (apii): impact names SLO"'
# The numbers audit of stop 48: a value budget and classify cannot count makes them exit 1, and
# stderr had called it a warning.
check "budget and classify name a value they cannot count an error (exit 1), with file:line:col" bash -c '
D=$(mktemp -d); mkdir $D/pm; printf "timezone: UTC\npostmortems: pm\nslos:\n  - id: api\n    objective: 99.9\n    window: month\n" > $D/pm.yml
printf -- "---\nid: hours\ntitle: Hours\nstatus: published\nseverity: SEV2\nservices: [api]\ncauses: [config]\nstarted: 2026-08-04T10:00:00Z\nmitigated: 2026-08-04T10:10:00Z\nimpact:\n  - slo: api\n    budget_minutes: \"1h\"\n---\n# Hours\n" > $D/pm/h.md
cd $D && P='"$PWD/$PM"'
$P budget --quarter 2026-Q3 --today 2026-11-22 >/dev/null 2>err; test $? = 1 && grep -q "^pm: error: pm/h.md:12:21: .budget_minutes. must be a number" err || { cat err; exit 1; }
$P classify >/dev/null 2>err; test $? = 1 && grep -q "^pm: error: pm/h.md:12:21: " err || { cat err; exit 1; }'
check "classify --repeat-window narrows the repeats" bash -c "$PM classify --repeat-window 65 | grep -q 'within 65 days): 1$'"
# Two folders each holding index.md with one id (PM061): each incident keeps its own burn, and its
# cause adds them once (10.01 minutes, not 20.02).
check "classify and budget keep the numbers of two documents sharing an id apart" bash -c '
D=$(mktemp -d); mkdir -p $D/pm/a $D/pm/b
printf "timezone: UTC\npostmortems: pm\nslos:\n  - id: storefront-availability\n    objective: 99.9\n    window: month\n" > $D/pm.yml
for f in a:0.001 b:1; do printf -- "---\nid: storefront-outage\ntitle: Storefront outage\nstatus: published\nseverity: SEV2\nservices: [storefront]\ncauses: [config]\nstarted: 2026-08-04T10:00:00Z\nmitigated: 2026-08-04T10:10:00Z\nimpact:\n  - slo: storefront-availability\n    bad_fraction: ${f#*:}\n---\n# Storefront outage\n" > $D/pm/${f%%:*}/index.md; done
cd $D && '"$PWD/$PM"' classify --format json | python3 -c "import json,sys; d=json.load(sys.stdin); g=d[\"groups\"]; assert [(x[\"burned_minutes\"], x[\"incidents\"]) for x in g] == [(10.01, [\"storefront-outage\", \"storefront-outage-2\"])], g" &&
'"$PWD/$PM"' budget --format json --quarter 2026-Q3 --today 2026-11-22 | python3 -c "import json,sys; d=json.load(sys.stdin); s=[(x[\"incident\"], x[\"burned_minutes\"]) for w in d[\"windows\"] for x in w[\"steps\"]]; assert s == [(\"storefront-outage\", 0.01), (\"storefront-outage-2\", 10)], s"'
check "budget and report refuse a period with more than 5,000 windows of an SLO (1d over 1900-9000), exit 2, writing nothing" bash -c '
D=$(mktemp -d); printf "timezone: UTC\npostmortems: pm\nslos:\n  - id: s\n    objective: 99.9\n    window: 1d\n" > $D/pm.yml; mkdir $D/pm; cp postmortems/*.md $D/pm/
P='"$PWD/$PM"'; cd $D
$P budget --today 2026-11-22 --from 1900-01-01 --to 9000-12-31 2>err >/dev/null; test $? = 2 && grep -q "holds 2593587 windows of SLO .s. (1d)" err &&
$P report --today 2026-11-22 --from 1900-01-01 --to 9000-12-31 --out out 2>/dev/null >/dev/null; test $? = 2 && ! ls -a | grep -q "out"'
# Inputs that are no postmortems are no incidents: an empty file, a binary one and a directory named
# like a Markdown file had each counted as one of cause "unknown".
junk=$(mktemp -d)
cp postmortems/2026-01-13-checkout-db-failover-stall.md "$junk/" && : > "$junk/empty.md" && printf 'a\0b' > "$junk/binary.md" && mkdir "$junk/old.md"
check "classify counts only documents as incidents" bash -c "$PM classify --format json '$junk' 2>/dev/null | python3 -c 'import json,sys; g=json.load(sys.stdin)[\"groups\"]; sys.exit(0 if sum(x[\"count\"] for x in g) == 1 else 1)'"
