# pm new writes a draft from the template, prints its path, and never overwrites.
newdir=$(mktemp -d)
check "new writes a draft and prints its path" bash -c "cd $newdir && $PWD/$PM new 'Search latency after index merge' --severity SEV3 --service search --date 2026-09-01 | grep -qx 'postmortems/2026-09-01-search-latency-after-index-merge.md' && grep -q 'status: draft' postmortems/2026-09-01-search-latency-after-index-merge.md"
check "new refuses to overwrite (exit 1, file unchanged)" bash -c "cd $newdir && echo keep > postmortems/2026-09-02-x.md && ! $PWD/$PM new 'X' --date 2026-09-02 && test \"\$(cat postmortems/2026-09-02-x.md)\" = keep"
check "new says on stderr when it creates the directory (--dir postmortem for postmortems had made one without a word), and not when it exists" bash -c "d=\$(mktemp -d) && cd \$d && $PWD/$PM new 'A' --dir postmortem --date 2026-09-01 2>err >out && grep -qx 'pm: note: created directory postmortem' err && grep -qx 'postmortem/2026-09-01-a.md' out && $PWD/$PM new 'B' --dir postmortem --date 2026-09-01 2>err >/dev/null && ! test -s err"
check "new rejects an impossible date (exit 2)" bash -c "cd $newdir && $PWD/$PM new 'Y' --date 2026-02-30; test \$? = 2"
# A severity in any case is the scale's, as lint reads it; an unknown one, or an empty service or
# template name, is a usage error (the black-box pass of stop 36).
check "new reads --severity in any case, and refuses an unknown one or an empty name (exit 2)" bash -c "cd $newdir && $PWD/$PM new 'Sev case' --severity sev2 --date 2026-09-03 >/dev/null && grep -q 'severity: \"SEV2\"' postmortems/2026-09-03-sev-case.md &&
{ out=\$($PWD/$PM new 'Z' --severity nope --date 2026-09-04 2>&1); test \$? = 2 && printf '%s' \"\$out\" | grep -q \"not 'nope'\"; } && { $PWD/$PM new 'Z' --service '' 2>/dev/null; test \$? = 2; } && { $PWD/$PM new 'Z' --template '' 2>/dev/null; test \$? = 2; } && test ! -e postmortems/2026-09-04-z.md &&
{ $PWD/$PM new 'Z' --dir \$'evil\\e[31mdir' 2>/dev/null; test \$? = 2; } && test ! -e \$'evil\\e[31mdir' &&
{ $PWD/$PM new 'Z' --dir \$'d\\nx' 2>/dev/null; test \$? = 2; } && test ! -e \$'d\\nx'"
# With a pm.yml, the draft goes to its postmortems directory, the path is printed relative to the
# current directory, and the timeline states pm.yml's zone (it had said "All times UTC" always).
zonedir=$(mktemp -d)
printf 'timezone: Europe/Berlin\npostmortems: incidents\n' > "$zonedir/pm.yml"
check "new states pm.yml's zone and prints a relative path" bash -c "cd $zonedir && $PWD/$PM new 'Queue stalled' --severity SEV3 --service queue --date 2026-09-03 | grep -qx 'incidents/2026-09-03-queue-stalled.md' && grep -qx 'timezone: \"Europe/Berlin\"' incidents/2026-09-03-queue-stalled.md && grep -qx 'All times Europe/Berlin.' incidents/2026-09-03-queue-stalled.md"
# A project with its own severity scale: with no --severity, the draft takes the scale's third
# level (it had been SEV3 always, a usage error there; the black-box pass of stop 42).
scaledir=$(mktemp -d)
printf 'timezone: UTC\nseverities: [P1, P2, P3, P4]\n' > "$scaledir/pm.yml"
check "new without --severity takes the third level of pm.yml's scale" bash -c "cd $scaledir && $PWD/$PM new 'Checkout slow' --date 2026-11-21 >/dev/null && grep -qx 'severity: \"P3\"' postmortems/2026-11-21-checkout-slow.md"
# A template name that does not exist is answered with the names there are (the adoption audit of
# stop 50): the project's own and the built-in ones.
check "new with an unknown template lists the templates there are (exit 2, nothing written)" bash -c "d=\$(mktemp -d) && cd \$d && mkdir templates && printf '# Security\n' > templates/security.md && printf 'templates: templates\n' > pm.yml && $PWD/$PM new 'Z' --template nope --date 2026-09-05 2>err; test \$? = 2 && grep -q \"no template named 'nope' in templates/ or built in; there are: full, security, short\$\" err && test ! -e postmortems"
check "new notes on stderr when the template lacks a section the severity needs (short for a SEV1), and not for full" bash -c "d=\$(mktemp -d) && cd \$d && $PWD/$PM new 'Checkout down' --severity SEV1 --template short --date 2026-09-06 2>err >out; test \$? = 0 && grep -q \"^pm: note: the 'short' template's draft: a SEV1 postmortem needs the sections .What went well., .What went wrong. (PM010): add \" err && grep -qx 'postmortems/2026-09-06-checkout-down.md' out && $PWD/$PM new 'Checkout slow' --severity SEV1 --template full --date 2026-09-06 2>err2 >/dev/null && ! test -s err2"
