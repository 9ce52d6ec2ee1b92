#!/usr/bin/env python3
"""Deterministic corpus generator for pm's benchmarks.

Writes N synthetic postmortems (3-10 KB each, about 6.5 KB on average) into a directory.
The same seed and N always give byte-identical files, so runs on different machines read
the same corpus. The documents vary the way real postmortems do: full or partial front
matter, timelines as bullet lists, tables, timed paragraphs or H3 timestamp headings,
follow-ups as task lists, plain bullets, ordered lists or tables, bold-labelled contributing
factors under several section names, lessons as H2 sections or as H3s under "Lessons learned".

Usage: generate.py N OUTDIR [--seed SEED]
"""
import argparse
import os
import random

SEED = 20261122

# Services with the SLOs defined in the repository's pm.yml, plus some without one.
SLO_SERVICES = [
    ("storefront", "storefront-availability"),
    ("checkout-api", "checkout-availability"),
    ("payments", "payments-success"),
    ("search", "search-latency"),
]
OTHER_SERVICES = ["inventory", "delivery-slots", "notifications", "identity", "pricing",
                  "recommendations", "warehouse-sync", "loyalty", "reporting-etl"]
CAUSES = ["config", "deploy", "capacity", "dependency", "hardware", "software", "security",
          "data", "network", "process", "monitoring"]
PEOPLE = ["dana.k", "li.w", "yuki.h", "tom.b", "amara.o", "jonas.f", "priya.s", "mateo.r",
          "chen.x", "sofia.l", "ravi.n", "ines.d", "kwame.a", "olga.p", "sam.t", "noor.e"]
SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV3", "SEV4", "SEV4"]
STATUSES = ["published", "published", "published", "in-review", "draft"]

COMPONENTS = ["the edge proxy", "the connection pool", "the primary database", "a read replica",
              "the Kafka consumer group", "the cache cluster", "the autoscaler", "the DNS zone",
              "the TLS certificate", "the feature-flag service", "the job scheduler",
              "the load balancer", "the CDN", "the search index", "the payment gateway client",
              "the message queue", "the config pipeline", "the service mesh sidecar",
              "the object store bucket", "the batch importer"]
VERBS = ["rejected", "dropped", "timed out on", "retried", "throttled", "exhausted",
         "misrouted", "duplicated", "delayed", "failed to renew", "overloaded", "stalled on"]
OBJECTS = ["checkout requests", "card authorisations", "search queries", "image requests",
           "order events", "login attempts", "price updates", "stock updates", "webhooks",
           "session tokens", "health checks", "refund callbacks"]
METRICS = ["p99 latency", "5xx ratio", "error rate", "queue depth", "CPU saturation",
           "disk usage", "connection count", "consumer lag", "GC pause time", "memory use"]
ADVERBS = ["gradually", "sharply", "intermittently", "steadily", "briefly", "repeatedly"]
ACTIONS = ["Add an alert on {m} for {c}", "Reject configs that {v} {o} in CI",
           "Document the failover runbook for {c}", "Load-test {c} at twice peak traffic",
           "Raise the limit on {c} and record the headroom", "Automate the rollback of {c}",
           "Add a canary stage before {c} changes reach all regions",
           "Page on-call when {m} on {c} passes its threshold",
           "Remove the manual step from the {c} release checklist",
           "Add a dashboard panel for {m} per region"]
TYPES = ["prevent", "detect", "mitigate", "process"]
PRIORITIES = ["P1", "P2", "P3"]
FACTOR_LABELS = ["Config", "Deploy", "Capacity", "Dependency", "Monitoring", "Process",
                 "Software", "Hardware", "Network", "Data", "Trigger", "Detection"]

FACTOR_TITLES = ["Contributing factors", "Root cause", "Root causes", "Causes",
                 "Contributing conditions", "Trigger"]
ACTION_TITLES = ["Follow-up actions", "Action items", "Follow-ups", "Remediation",
                 "Corrective and preventative measures", "Review actions"]


def sentence(rng):
    patterns = [
        "{C} {v} {o} for {n} minutes while {c2} recovered.",
        "The {m} on {c} rose {a} from {x}% to {y}%.",
        "Engineers saw {m} on {c} {a} climb after the change to {c2}.",
        "About {k} {o} were affected before {c} was restarted.",
        "{C} kept serving stale data, so {c2} {v} {o}.",
        "Nobody had changed {c} in {n} days, so the runbook was out of date.",
        "The dashboard for {c} showed {m} but no alert was attached to it.",
        "Traffic shifted to the secondary region, where {c} had {x}% headroom.",
        "A retry storm from {c2} amplified the load on {c} by a factor of {d}.",
        "The on-call engineer correlated the {m} graph with the deploy log.",
    ]
    c = rng.choice(COMPONENTS)
    return rng.choice(patterns).format(
        C=c[0].upper() + c[1:], c=c, c2=rng.choice(COMPONENTS), v=rng.choice(VERBS),
        o=rng.choice(OBJECTS), m=rng.choice(METRICS), a=rng.choice(ADVERBS),
        n=rng.randint(2, 90), x=rng.randint(1, 60), y=rng.randint(61, 100),
        k=f"{rng.randint(1, 900) * 100:,}", d=rng.randint(2, 9))


def paragraph(rng, sentences):
    words = " ".join(sentence(rng) for _ in range(sentences)).split(" ")
    lines, line = [], ""
    for w in words:  # wrap at 100 columns like hand-written files
        if line and len(line) + 1 + len(w) > 100:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    lines.append(line)
    return "\n".join(lines)


def hm(minutes):
    return f"{(minutes // 60) % 24:02d}:{minutes % 60:02d}"


def timeline(rng, date, start, count):
    style = rng.choices(["list", "table", "paragraphs", "h3", "list-date", "ampm"],
                        weights=[35, 35, 10, 5, 10, 5])[0]
    times = sorted(start + rng.randint(-30, 240) for _ in range(count))
    out = ["## Timeline", "", rng.choice(["All times UTC.", "All times are UTC.", ""])]
    if style == "table":
        out += ["", "| Time (UTC) | Event |", "|---|---|"]
        for t in times:
            out.append(f"| {date} {hm(t)} | {sentence(rng)} |")
    elif style == "paragraphs":
        for t in times:
            out += ["", f"{hm(t)} UTC: {sentence(rng)} {sentence(rng)}"]
    elif style == "h3":
        for t in times:
            out += ["", f"### {hm(t)}", "", sentence(rng)]
    elif style == "list-date":
        out.append("")
        for t in times:
            out.append(f"- {date} {hm(t)}: {sentence(rng)}")
    elif style == "ampm":
        out.append("")
        for t in times:
            h, m = (t // 60) % 24, t % 60
            out.append(f"- {(h + 11) % 12 + 1}:{m:02d} {'AM' if h < 12 else 'PM'}: {sentence(rng)}")
    else:
        out.append("")
        for t in times:
            out.append(f"- {hm(t)}{rng.choice([' UTC', ''])}: {sentence(rng)}")
    return out


def factors(rng, causes):
    out = [f"## {rng.choice(FACTOR_TITLES)}", ""]
    for _ in range(rng.randint(2, 5)):
        label = rng.choice([c.capitalize() for c in causes] + FACTOR_LABELS)
        if rng.random() < 0.8:
            out.append(f"- **{label}:** {sentence(rng)} {sentence(rng)}")
        else:
            out.append(f"- {sentence(rng)}")
    return out


def action_text(rng):
    return rng.choice(ACTIONS).format(m=rng.choice(METRICS), c=rng.choice(COMPONENTS),
                                      v=rng.choice(VERBS), o=rng.choice(OBJECTS))


def actions(rng, year, month):
    out = [f"## {rng.choice(ACTION_TITLES)}", ""]
    style = rng.choices(["tasks", "table", "bullets", "ordered", "groups"], weights=[45, 25, 10, 10, 10])[0]
    count = rng.randint(3, 8)

    def meta():
        owner = rng.choice(PEOPLE)
        due = f"{year}-{min(12, month + rng.randint(0, 3)):02d}-{rng.randint(1, 28):02d}"
        parts = [f"owner: @{owner}"]
        if rng.random() < 0.7:
            parts.append(f"due: {due}")
        parts += [f"type: {rng.choice(TYPES)}", f"priority: {rng.choice(PRIORITIES)}",
                  f"ticket: OPS-{rng.randint(100, 9999)}"]
        return ", ".join(parts)

    if style == "table":
        out += ["| Action | Type | Owner | Bug | Due |", "|---|---|---|---|---|"]
        for _ in range(count):
            text = action_text(rng)
            if rng.random() < 0.2:
                text = f"~~{text}~~"
            out.append(f"| {text} | {rng.choice(TYPES)} | @{rng.choice(PEOPLE)} | "
                       f"[OPS-{rng.randint(100, 9999)}](https://tracker.example.com/OPS) | "
                       f"{year}-{min(12, month + 1):02d}-{rng.randint(1, 28):02d} |")
    elif style in ("bullets", "ordered"):
        for i in range(count):
            marker = f"{i + 1}." if style == "ordered" else "-"
            done = " (done)" if rng.random() < 0.3 else ""
            out.append(f"{marker} {action_text(rng)} - {meta()}{done}")
    else:
        groups = ["### Prevent", "### Detect", "### Mitigate"] if style == "groups" else [None]
        for g in groups:
            if g:
                out += [g, ""]
            for _ in range(count if not g else max(1, count // 3)):
                r = rng.random()
                if r < 0.1:
                    out.append(f"- [ ] {action_text(rng)} (won't do: superseded by the platform migration)")
                else:
                    out.append(f"- [{'x' if r < 0.45 else ' '}] {action_text(rng)} ({meta()})")
            if g:
                out.append("")
    return out


def lessons(rng):
    titles = [("What went well", "went well"), ("What went wrong", "went wrong"),
              ("Where we got lucky", "lucky")]
    if rng.random() < 0.3:
        titles[1] = ("What didn't go so well", "")
    out = []
    as_h3 = rng.random() < 0.35
    if as_h3:
        out += ["## Lessons learned", ""]
    for title, _ in titles:
        out += [f"{'###' if as_h3 else '##'} {title}", ""]
        for _ in range(rng.randint(1, 4)):
            out.append(f"- {sentence(rng)}")
        out.append("")
    return out


def document(rng, index):
    year = 2026
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    date = f"{year}-{month:02d}-{day:02d}"
    start = rng.randint(0, 20 * 60)
    target = rng.randint(3000, 10000)
    if rng.random() < 0.75:
        service, slo = rng.choice(SLO_SERVICES)
    else:
        service, slo = rng.choice(OTHER_SERVICES), None
    causes = rng.sample(CAUSES, rng.randint(1, 2))
    title = f"{service} {rng.choice(VERBS)} {rng.choice(OBJECTS)} after a change to {rng.choice(COMPONENTS)}"
    slug = f"{date}-{service}-{index:06d}"

    def ts(minutes):
        d = day + minutes // (24 * 60)
        return f"{year}-{month:02d}-{d:02d}T{hm(minutes)}:00Z"

    detected, mitigated = start + rng.randint(2, 40), start + rng.randint(45, 300)
    fm = ["---", f"id: {slug}", f"title: {title}", f"status: {rng.choice(STATUSES)}",
          f"severity: {rng.choice(SEVERITIES)}", f"services: [{service}]",
          f"authors: [{', '.join(rng.sample(PEOPLE, rng.randint(1, 3)))}]",
          f"started: {ts(start)}"]
    if rng.random() < 0.9:
        fm.append(f"detected: {ts(detected)}")
    fm.append(f"mitigated: {ts(mitigated)}")
    if rng.random() < 0.8:
        fm.append(f"resolved: {ts(mitigated + rng.randint(10, 600))}")
    if slo:
        fm += ["impact:", f"  - slo: {slo}"]
        fm.append(f"    bad_fraction: {rng.randint(1, 99) / 100}" if rng.random() < 0.8
                  else f"    budget_minutes: {rng.randint(1, 300)}")
    if rng.random() < 0.8:
        fm.append(f"causes: [{', '.join(causes)}]")
    fm.append("---")

    body = [f"# {title[0].upper() + title[1:]}", "", "## Summary", "", paragraph(rng, rng.randint(3, 6)), "",
            "## Impact", ""]
    for _ in range(rng.randint(2, 4)):
        body.append(f"- {sentence(rng)}")
    body.append("")
    if rng.random() < 0.3:
        body += ["```", f"$ kubectl -n {service} get pods", f"{service}-7d9f  0/1  CrashLoopBackOff  {rng.randint(3, 40)}", "```", ""]
    parts = [timeline(rng, date, start, rng.randint(5, 14)), factors(rng, causes),
             lessons(rng), actions(rng, year, month)]
    for p in parts:
        body += p + [""]
    text = "\n".join(fm + body)
    # Grow "Details" prose until the target size is reached (never trimmed below 3 KB).
    extra = []
    while len(text.encode()) + sum(len(e) + 2 for e in extra) < target:
        extra.append(paragraph(rng, rng.randint(2, 5)))
    if extra:
        insert = ["## Details", ""] + [e + "\n" for e in extra]
        i = body.index("## Timeline")
        body = body[:i] + insert + body[i:]
        text = "\n".join(fm + body)
    return slug, text.rstrip("\n") + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("outdir")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    for i in range(args.count):
        # One generator per document: document i is the same in every corpus size.
        rng = random.Random(args.seed * 1_000_003 + i)
        slug, text = document(rng, i)
        sub = os.path.join(args.outdir, slug[:7])  # one folder per month, like real repositories
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, slug + ".md"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
