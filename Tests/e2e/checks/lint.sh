# pm lint, pm rules and pm schema on the real executable: exit codes, formats, stdin, config errors.
LINT_TMP=$(mktemp -d)
SARIF_SCHEMA=../shared/schemas/sarif-schema-2.1.0.json
check "lint: bundled postmortems and templates have no errors" $PM lint --today 2026-11-22 postmortems templates
check "lint: --strict fails on the bundled warnings" bash -c "$PM lint --strict --today 2026-11-22 postmortems >/dev/null; test \$? = 1"
check "lint: errors exit 1" bash -c "$PM lint --today 2026-12-01 Tests/PostmortemKitTests/Fixtures/lint/many-problems.md >$LINT_TMP/many.txt; test \$? = 1 && grep -q 'error: .*\[PM002 front-matter-values\]' $LINT_TMP/many.txt"
check "lint: bad --today exits 2" bash -c "$PM lint --today 2026-13-01 postmortems 2>/dev/null; test \$? = 2"
check "lint: bad lint config exits 2 naming key and line" bash -c "cd $LINT_TMP && printf 'lint:\n  rules:\n    PM012: {severity: loud}\n' > pm.yml && $PWD/$PM lint x.md 2>err.txt; test \$? = 2 && grep -q 'pm.yml:3:' err.txt"
check "lint: stdin with --stdin-filename" bash -c "printf '# Notes\n\nThe fix was simply a revert.\n' | $PM lint - --stdin-filename docs/new.md | grep -q '^docs/new.md:3:13: warning: \"simply\"'"
check "lint: a file given again, or as the editor's buffer beside its folder, is read once: no PM061 against itself" bash -c "f=\$(ls postmortems/*.md | head -1); out=\$($PM lint --today 2026-11-22 postmortems \$f ./\$f); echo \"\$out\" | grep -q PM061 && exit 1; $PM lint --today 2026-11-22 - postmortems --stdin-filename \$f < \$f | grep -q PM061 && exit 1; test \"\$($PM lint --today 2026-11-22 postmortems \$f | tail -1)\" = \"\$($PM lint --today 2026-11-22 postmortems | tail -1)\""
check "lint: with no paths, run inside postmortems/ or a folder below it, paths are relative to it (they were absolute)" bash -c "w=\$(mktemp -d); cp -r postmortems pm.yml \$w/; mkdir \$w/postmortems/sub; cd \$w/postmortems && $PMABS lint --today 2026-11-22 | head -1 | grep -q '^\\./2026-' && cd sub && $PMABS lint --today 2026-11-22 | head -1 | grep -q '^\\.\\./2026-' && cd \$w && $PMABS lint --today 2026-11-22 | head -1 | grep -q '^postmortems/2026-'"
check "lint: a file behind a directory that cannot be searched is 'permission denied', not missing (as nobody when run by root)" bash -c "w=\$(mktemp -d /tmp/pm-e2e-perm.XXXXXX); chmod 755 \$w; mkdir \$w/d; printf '# x\\n' > \$w/d/x.md; chmod 000 \$w/d; if [ \$(id -u) = 0 ]; then out=\$(su nobody -s /bin/bash -c '$PMABS lint '\$w/d/x.md 2>&1); else out=\$($PMABS lint \$w/d/x.md 2>&1); fi; chmod 755 \$w/d; rm -rf \$w; echo \"\$out\" | grep -q 'x.md:1:1: error: permission denied'"
check "lint: --stdin-filename without - is a usage error, exit 2" bash -c "$PM lint --stdin-filename x.md < /dev/null 2>$LINT_TMP/err; test \$? = 2 && grep -q 'give .-. among the paths' $LINT_TMP/err"
check "lint: no colour when piped" bash -c "! $PM lint Tests/PostmortemKitTests/Fixtures/lint/reporters.md | grep -q $'\e'"
check "lint: json is valid" bash -c "$PM lint --format json --today 2026-12-01 Tests/PostmortemKitTests/Fixtures/lint/many-problems.md | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[\"summary\"][\"errors\"] > 0 and len(d[\"findings\"]) >= 35'"
# With a duplicate id (PM061) and the real corpus's broken link (PM060): results with related
# locations, which their messages link to by id.
check "lint: sarif validates against the SARIF 2.1.0 schema, related locations too" bash -c "$PM lint --format sarif --today 2026-12-01 Tests/PostmortemKitTests/Fixtures/lint postmortems ../shared/corpora/real-dev Tests/PostmortemKitTests/Fixtures/broken/duplicate-id-a.md Tests/PostmortemKitTests/Fixtures/broken/duplicate-id-b.md > $LINT_TMP/out.sarif; python3 -c '
import json, sys, jsonschema
schema = json.load(open(\"$SARIF_SCHEMA\"))
log = json.load(open(\"$LINT_TMP/out.sarif\"))
jsonschema.validate(log, schema)
assert log[\"version\"] == \"2.1.0\" and len(log[\"runs\"][0][\"results\"]) > 100
related = [r for r in log[\"runs\"][0][\"results\"] if \"relatedLocations\" in r]
assert sorted({r[\"ruleId\"] for r in related}) == [\"PM060\", \"PM061\"], related
for r in related:
    for l in r[\"relatedLocations\"]:
        assert \"](%d)\" % l[\"id\"] in r[\"message\"][\"text\"] and l[\"message\"][\"text\"], r
'"
# The unit tests' canned outputs, through the command line: each format written file by file as
# the run goes must be the reporters' whole-document rendering, byte for byte. The configuration
# is the one the rules' examples (and so the canned outputs) are checked with.
printf 'slos:\n  - id: checkout-availability\n    services: [checkout-api]\n    objective: 99.95\n    window: month\n  - id: search-latency\n    services: [search]\n    objective: 99.0\n    window: 30d\n' > $LINT_TMP/examples.yml
for format in json sarif github text; do
  golden=Tests/PostmortemKitTests/Fixtures/lint/expected.$([ $format = text ] && echo txt || echo $format)
  check "lint: $format from the command line is the canned $format" bash -c "$PM lint --config $LINT_TMP/examples.yml --format $format --today 2026-12-01 - --stdin-filename 'postmortems/search slow, rebuild.md' < Tests/PostmortemKitTests/Fixtures/lint/reporters.md > $LINT_TMP/golden.out; cmp $LINT_TMP/golden.out $golden"
done
check "lint: a path given twice is linted once: the findings of one copy, and no PM061 against itself" bash -c "$PM lint --format json --today 2026-12-01 Tests/PostmortemKitTests/Fixtures/lint/reporters.md ./Tests/PostmortemKitTests/Fixtures/lint/reporters.md > $LINT_TMP/twice.json; $PM lint --format json --today 2026-12-01 Tests/PostmortemKitTests/Fixtures/lint/reporters.md > $LINT_TMP/once.json; python3 -c '
import json, sys
twice, once = (json.load(open(p)) for p in sys.argv[1:])
assert twice == once and once[\"summary\"][\"files\"] == 1, twice[\"summary\"]
assert not any(f[\"rule_id\"] == \"PM061\" for f in twice[\"findings\"])
' $LINT_TMP/twice.json $LINT_TMP/once.json"
check "lint: without paths reads pm.yml's postmortems and names them relative to the current directory" bash -c "$PM lint --format github --today 2026-11-22 | grep -q '^::warning file=postmortems/2026-01-13-checkout-db-failover-stall.md,'"
check "lint: github annotations" bash -c "$PM lint --format github --today 2026-12-01 Tests/PostmortemKitTests/Fixtures/lint/many-problems.md | grep -q '^::error file=Tests/PostmortemKitTests/Fixtures/lint/many-problems.md,line=3,col=9,'"
check "lint: real-world corpus runs to completion" bash -c "$PM lint ../shared/corpora/real-dev > $LINT_TMP/real.txt; test \$? = 1 && tail -1 $LINT_TMP/real.txt | grep -q 'in 49 files'"
check "lint: output is deterministic" bash -c "$PM lint --format json --today 2026-12-01 postmortems > $LINT_TMP/a.json; $PM lint --format json --today 2026-12-01 postmortems > $LINT_TMP/b.json; cmp $LINT_TMP/a.json $LINT_TMP/b.json"
check "rules: lists every rule" bash -c "test \$($PM rules | wc -l) -ge 26 && $PM rules PM012 | grep -q 'Blame and counterfactual language' && $PM rules blame-language | grep -q '^PM012'"
check "rules: unknown rule exits 2" bash -c "$PM rules PM999 2>/dev/null; test \$? = 2"
check "rules: a reading problem's code or alias says what it reports (P011 had suggested PM011, an unrelated rule)" bash -c "$PM rules P011 | grep -q '^P011 invalid-yaml (error)' && $PM rules invalid-yaml | grep -q 'not valid YAML' && $PM rules p020 | grep -q 'disable-file P020' && $PM rules P0111 2>&1 >/dev/null | grep -q 'did you mean P011?'"
check "rules: docs/rules.md is current" bash -c "$PM rules --markdown | cmp - docs/rules.md"
check "schema: times without a zone are valid with the document's timezone, as lint reads them, and not without it" bash -c "$PM schema | python3 -c '
import json, sys, jsonschema
v = jsonschema.Draft7Validator(json.load(sys.stdin))
base = {\"title\": \"t\", \"status\": \"draft\", \"severity\": \"SEV2\", \"services\": [\"checkout-api\"], \"authors\": [\"b\"]}
times = {k: \"2026-09-02 09:12\" for k in (\"started\", \"detected\", \"mitigated\", \"resolved\")}
assert v.is_valid(dict(base, timezone=\"Europe/Berlin\", **times))
assert len(list(v.iter_errors(dict(base, **times)))) == 4
assert v.is_valid(dict(base, **{k: \"2026-09-02T09:12:00+02:00\" for k in times}))
'"
check "schema: a mistake in pm.yml's lint section exits 2 naming its line, as pm lint does (it had printed a schema)" bash -c "d=\$(mktemp -d) && cd \$d && printf 'lint:\n  rules:\n    PM003: {allw: [x]}\n' > pm.yml && $PMABS schema >out 2>err; test \$? = 2 && grep -q 'pm.yml:3:' err && ! test -s out"
check "schema: valid JSON Schema with the pm.yml SLOs" bash -c "$PM schema | python3 -c 'import json,sys,jsonschema; s=json.load(sys.stdin); jsonschema.Draft7Validator.check_schema(s); assert \"checkout-availability\" in s[\"properties\"][\"impact\"][\"items\"][\"properties\"][\"slo\"][\"enum\"]; v=jsonschema.Draft7Validator(s); sev=s[\"properties\"][\"severity\"]; assert jsonschema.Draft7Validator(sev).is_valid(\"sev2\") and not jsonschema.Draft7Validator(sev).is_valid(\"SEV9\")'"
# A raw ESC in YAML is a reader error (reported without the text, at its column); YAML's own
# `\e` escape puts one in a key that the unknown-key finding quotes.
check "lint: control characters from documents are escaped" bash -c "printf -- '---\n\"bad\\\\e[2Jkey\": 1\n---\n# X\n' | $PM lint - --stdin-filename e.md | grep -q 'bad\\\\u{1b}\[2Jkey' && printf -- '---\n\"bad\033[2Jkey\": 1\n---\n# X\n' | $PM lint - --stdin-filename e.md | grep -q 'e.md:2:5: error: invalid YAML in front matter: control characters are not allowed (U+001B)' && ! $PM lint - --stdin-filename e.md < /dev/null | grep -q $'\\e'"
check "lint: colour on a terminal, none with NO_COLOR" bash -c "command -v script >/dev/null || exit 0; script -qc '$PM lint Tests/PostmortemKitTests/Fixtures/lint/reporters.md' /dev/null | grep -q $'\e\\[1;31merror' && ! NO_COLOR=1 script -qc '$PM lint Tests/PostmortemKitTests/Fixtures/lint/reporters.md' /dev/null | grep -q $'\e'"
# One file's findings are written a thousand at a time: 2,500 findings cross two chunk boundaries,
# and every format must still be one valid document with each finding once, in order.
check "lint: 2,500 findings in one file stay one valid JSON and SARIF document, in order" bash -c "python3 -c 'print(\"# X\"); print(); print(\" \".join([\"It was caused by @a.\"] * 2500))' > $LINT_TMP/many-findings.md && $PM lint --format json $LINT_TMP/many-findings.md > $LINT_TMP/many.json; $PM lint --format sarif $LINT_TMP/many-findings.md > $LINT_TMP/many.sarif; $PM lint --format github $LINT_TMP/many-findings.md > $LINT_TMP/many.gh; python3 -c '
import json
f = [x for x in json.load(open(\"$LINT_TMP/many.json\"))[\"findings\"] if x[\"rule_id\"] == \"PM013\"]
cols = [x[\"range\"][\"start\"][\"column\"] for x in f]
assert len(f) == 2500 and cols == sorted(cols) and len(set(cols)) == 2500, len(f)
r = [x for x in json.load(open(\"$LINT_TMP/many.sarif\"))[\"runs\"][0][\"results\"] if x[\"ruleId\"] == \"PM013\"]
assert len(r) == 2500
assert sum(1 for l in open(\"$LINT_TMP/many.gh\") if \"PM013\" in l) == 2500
'"
# After invalid UTF-8 on a line, text, JSON and GitHub give the file's byte column (12: "should" after
# `é ab\xFF\xFE `), SARIF the code point column of the text as an editor decodes it (11: é is one
# code point, each invalid byte one U+FFFD); the decoded text's own byte column would be 16.
printf -- '---\ntitle: x\n---\n# X\n\n## Summary\n\n\303\251 ab\377\376 we should have paged.\n' > "$LINT_TMP/invalid.md"
check "lint: columns after invalid UTF-8 are the file's bytes, SARIF's code points" bash -c "
$PM lint --today 2026-12-01 $LINT_TMP/invalid.md | grep -q 'invalid.md:8:12: warning: \"should have\"' &&
$PM lint --format json --today 2026-12-01 $LINT_TMP/invalid.md | python3 -c 'import json,sys; f=[x for x in json.load(sys.stdin)[\"findings\"] if x[\"rule_id\"]==\"PM012\"]; assert f[0][\"range\"][\"start\"][\"column\"]==12' &&
$PM lint --format github --today 2026-12-01 $LINT_TMP/invalid.md | grep -q 'line=8,col=12,endLine=8,endColumn=22,title=PM012' &&
$PM lint --format sarif --today 2026-12-01 $LINT_TMP/invalid.md | python3 -c 'import json,sys; r=[x for x in json.load(sys.stdin)[\"runs\"][0][\"results\"] if x[\"ruleId\"]==\"PM012\"]; assert r[0][\"locations\"][0][\"physicalLocation\"][\"region\"][\"startColumn\"]==11'"
# A line break in a value a message quotes stays in its line: no output line starts with what
# followed it, such as a GitHub workflow command (the retest of stop 36).
nl_dir=$(mktemp -d)
printf -- '---\ntitle: x\nimpact: [{slo: "storefront-availability\\n::error::x", bad_fraction: 0.1}]\nstarted: 2026-07-14T10:00:00Z\nmitigated: 2026-07-14T11:00:00Z\n---\n# x\n' > "$nl_dir/nl.md"
check "lint text, budget text, warnings and errors keep a quoted line break in its line" bash -c "$PM lint $nl_dir/nl.md > $nl_dir/out 2>&1; $PM budget --today 2026-12-06 --quarter 2026-Q3 $nl_dir/nl.md >> $nl_dir/out 2>&1; $PM budget --today 2026-12-06 --quarter 2026-Q3 --format csv $nl_dir/nl.md 2>> $nl_dir/out >/dev/null; printf 'slos:\\n  - id: \\\"a\\\\n::error::y\\\"\\n    objective: 99.9\\n    window: month\\n' > $nl_dir/pm.yml; $PM budget --config $nl_dir/pm.yml --slo nope --today 2026-12-06 >> $nl_dir/out 2>&1;
grep -q 'availability\\\\n::error::x' $nl_dir/out && grep -q 'defined: a\\\\n::error::y' $nl_dir/out && ! grep -q '^::error::' $nl_dir/out"
rm -rf "$nl_dir"
# pre-commit names every staged Markdown file; the hooks run `pm lint --force-exclude`, which skips
# what a walk of pm.yml's directories would not read (the adoption audit of stop 50).
check "lint: --force-exclude skips a top-level README, a README index, an ignored draft and an image; without it they are read" bash -c "w=\$(mktemp -d); mkdir -p \$w/postmortems/drafts \$w/postmortems/images; cp pm.yml \$w/pm.yml; printf 'ignore: [\"postmortems/drafts/**\"]\n' >> \$w/pm.yml; cp \$(ls postmortems/*.md | head -1) \$w/postmortems/a.md; printf '# Index\n' > \$w/README.md; printf '# Index\n' > \$w/postmortems/README.md; printf '# Draft\n' > \$w/postmortems/drafts/b.md; printf '\x89PNG\0\0' > \$w/postmortems/images/g.png; cd \$w && $PMABS lint --force-exclude --today 2026-11-22 README.md postmortems/README.md postmortems/a.md postmortems/drafts/b.md postmortems/images/g.png > out.txt && tail -1 out.txt | grep -q 'in 1 file\$' && ! $PMABS lint --today 2026-11-22 README.md postmortems/README.md postmortems/images/g.png > /dev/null && grep -q 'entry: pm lint --force-exclude' $PWD/.pre-commit-hooks.yaml"
check "lint: github and sarif paths are relative to the repository's root when run in a folder of it, or above it with --config (text keeps ./)" bash -c "w=\$(mktemp -d); mkdir \$w/repo; cp -r pm.yml postmortems \$w/repo/; git -C \$w/repo init -q; cd \$w/repo/postmortems && $PMABS lint --format github --today 2026-11-22 | head -1 | grep -q '^::warning file=postmortems/2026-' && $PMABS lint --format sarif --today 2026-11-22 | grep -q '\"uri\" : \"postmortems/2026-' && $PMABS lint --today 2026-11-22 | head -1 | grep -q '^\\./2026-' && cd \$w && $PMABS lint --config repo/pm.yml --format github --today 2026-11-22 | head -1 | grep -q '^::warning file=postmortems/2026-'"
# The files a message names are from the repository's root too (left open by stop 50): run in
# incidents/ (pm.yml there), a duplicate id and a link to a missing file.
check "lint: in github and sarif the files a message names (PM061's first use, PM060's missing target) are from the repository's root, SARIF's as related locations; text names them from the current folder" bash -c "w=\$(mktemp -d); mkdir -p \$w/repo/incidents/postmortems/2026; git -C \$w/repo init -q; cp pm.yml \$w/repo/incidents/; f=\$(ls postmortems/*.md | head -1); cp \$f \$w/repo/incidents/postmortems/a.md; cp \$f \$w/repo/incidents/postmortems/2026/b.md; printf '\nSee [the March one](../gone.md).\n' >> \$w/repo/incidents/postmortems/2026/b.md; cd \$w/repo/incidents; $PMABS lint --format github --today 2026-11-22 > gh.txt; $PMABS lint --today 2026-11-22 > text.txt; $PMABS lint --format sarif --today 2026-11-22 > out.sarif; grep -q '^::error file=incidents/postmortems/a.md,.*::id .* is also used by incidents/postmortems/2026/b.md%0A' gh.txt && grep -q '^::error file=incidents/postmortems/2026/b.md,.*(looked for incidents/postmortems/gone.md)%0A' gh.txt && grep -q '^postmortems/a.md:2:1: error: id .* is also used by postmortems/2026/b.md \[PM061' text.txt && grep -q '(looked for postmortems/gone.md) \[PM060' text.txt && python3 -c '
import json, jsonschema
log = json.load(open(\"out.sarif\"))
jsonschema.validate(log, json.load(open(\"$PWD/$SARIF_SCHEMA\")))
found = {r[\"ruleId\"]: r for r in log[\"runs\"][0][\"results\"] if r[\"ruleId\"] in (\"PM060\", \"PM061\")}
uri = lambda l: l[\"physicalLocation\"][\"artifactLocation\"][\"uri\"]
d, m = found[\"PM061\"], found[\"PM060\"]
assert uri(d[\"locations\"][0]) == \"incidents/postmortems/a.md\" and \"is also used by [incidents/postmortems/2026/b.md](1)\" in d[\"message\"][\"text\"], d
first = d[\"relatedLocations\"][0]
assert first[\"id\"] == 1 and uri(first) == \"incidents/postmortems/2026/b.md\" and first[\"physicalLocation\"][\"region\"] == {\"startLine\": 2}, first
assert \"(looked for [incidents/postmortems/gone.md](1))\" in m[\"message\"][\"text\"] and uri(m[\"relatedLocations\"][0]) == \"incidents/postmortems/gone.md\", m
'"
check "lint: --force-exclude where pm.yml's directories are not (pm.yml in a folder, not found) skips nothing, with a note" bash -c "w=\$(mktemp -d); mkdir -p \$w/incidents/postmortems; cp pm.yml \$w/incidents/; printf '# Not a postmortem\n' > \$w/incidents/postmortems/x.md; cd \$w && $PMABS lint --force-exclude --today 2026-11-22 incidents/postmortems/x.md > out.txt 2> err.txt; test \$? = 1 && grep -q 'no named file is skipped' err.txt && tail -1 out.txt | grep -q 'in 1 file\$' && $PMABS lint --force-exclude --config incidents/pm.yml --today 2026-11-22 incidents/postmortems/x.md > /dev/null 2>&1; test \$? = 1"
