# pm show reads every bundled postmortem and emits valid JSON.
check "show --version" $PM --version
check "show bundled corpus as JSON" bash -c "$PM show --format json postmortems | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d[\"postmortems\"]) >= 24'"
check "show exits 2 on bad pm.yml" bash -c "d=\$(mktemp -d); printf 'slos: 3\n' > \$d/pm.yml; cd \$d; $PWD/$PM show x.md; test \$? = 2"
