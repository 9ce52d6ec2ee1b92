// The default cause-category vocabulary for `pm`.
//
// Where the words come from: the terms were collected from real incident write-ups, not invented
// examples. Sources, by kind: the real postmortems in the shared development corpus (a platform
// team's Kubernetes postmortems, a CI infrastructure team's outage reports, an education nonprofit's
// postmortems); the one-line cause summaries of a public, community-maintained list of postmortems;
// public post-incident reports from cloud providers' and SaaS companies' status pages; engineering-blog
// postmortems; and incident reports filed in public issue trackers. Each document was given a cause
// category by hand and the words that gave the cause away were kept.
//
// Weights: 3 is strong, nearly unambiguous evidence; 2 is good evidence; 1 or less is weak or
// contextual evidence; a negative weight is counter-evidence. They were tuned so that the top-scoring
// category agrees with the hand-assigned cause on those documents, using a re-implementation of the
// classifier's matching rules; words that mostly fired on other causes were down-weighted or dropped.
//
// Patterns follow the classifier's matching contract: lowercase words of letters and digits separated
// by single spaces (text is lowercased and runs of other characters collapse to one space, so
// "us-east-1" is written "us east 1" and "let's" is "let s"); a trailing "*" marks a one-word stem.
// Stems are single words only; plurals of multi-word phrases are listed separately.

import Foundation

/// One weighted piece of evidence for a cause category.
///
/// A term either matches an exact word sequence (a phrase) or any word that starts with a prefix (a
/// stem). Matching is done by the classifier on normalised text, on word boundaries, and ignores a
/// match preceded within three words by a negation ("not", "no", "without", "ruled out", ...).
public struct VocabularyTerm: Sendable, Hashable, Codable {
    /// A phrase ("feature flag") or a stem ending in "*" ("misconfigur*"), lowercase.
    ///
    /// Words are letters and digits separated by single spaces, because that is what normalised text
    /// looks like. Only a single-word pattern may end in "*". A phrase may itself begin with a negation
    /// ("no runbook") so that the evidence survives the classifier's negation guard.
    public var pattern: String

    /// How strongly a match points at the category: 3 strong, 2 good, 1 or less weak; a negative
    /// weight is counter-evidence that this is not the category.
    public var weight: Double

    /// Creates a term.
    /// - Parameters:
    ///   - pattern: A lowercase phrase, or a single word ending in "*" for a stem.
    ///   - weight: The evidence weight, usually between -3 and 3.
    public init(_ pattern: String, _ weight: Double) {
        self.pattern = pattern
        self.weight = weight
    }
}

/// A cause category of the taxonomy.
///
/// A category is identified by a stable `id` that postmortems and reports may store; its `label` and
/// `description` are for display and may change.
public struct CauseCategory: Sendable, Hashable, Codable {
    /// The stable identifier, such as "deploy" or "network"; never reused for another meaning.
    public var id: String

    /// A short human-readable name for display.
    public var label: String

    /// One sentence saying what kind of cause belongs here.
    public var description: String

    /// The weighted vocabulary scored against an incident's text; empty for `unknown`.
    public var terms: [VocabularyTerm]

    /// Creates a category.
    /// - Parameters:
    ///   - id: The stable identifier.
    ///   - label: A short display name.
    ///   - description: One sentence describing the category.
    ///   - terms: The weighted vocabulary; may be empty.
    public init(id: String, label: String, description: String, terms: [VocabularyTerm]) {
        self.id = id
        self.label = label
        self.description = description
        self.terms = terms
    }
}

/// The cause taxonomy `pm` uses when a project does not configure its own.
///
/// Categories: deploy, config, capacity, dependency, hardware, network, data, security, time, software,
/// process and unknown. `unknown` has no vocabulary; it is what an incident is when no category has
/// evidence.
public enum DefaultTaxonomy {
    /// The built-in categories, in display order; `unknown` last.
    public static let categories: [CauseCategory] = [
        deploy, config, capacity, dependency, hardware, network, data, security, time, software, process, unknown,
    ]

    // "deploy" and "release" as nouns are good evidence; "deployment" alone is weak because Kubernetes
    // Deployments are named in almost every write-up. Mitigation verbs (rollback, revert) are not
    // evidence: they say how an incident was mitigated, whatever its cause (a vendor's AMI recalled by
    // AWS was "rolled back" four times, and read as a deploy; the classifier audit of stop 49). "upgrad*" is 1 here and 0.5 under dependency: upgrading
    // your own service is a deploy, upgrading someone else's component is a dependency change.
    private static let deploy = CauseCategory(
        id: "deploy",
        label: "Deploy",
        description: "A code or binary change shipped to production (release, rollout, upgrade) caused it.",
        terms: [
            // Strong evidence (3)
            VocabularyTerm("bad deploy", 3), VocabularyTerm("bad deployment", 3), VocabularyTerm("faulty deploy", 3),
            VocabularyTerm("bad release", 3), VocabularyTerm("buggy release", 3), VocabularyTerm("faulty release", 3),
            VocabularyTerm("bad build", 3), VocabularyTerm("bad update", 3), VocabularyTerm("bad commit", 3),
            VocabularyTerm("code change", 3), VocabularyTerm("code changes", 3), VocabularyTerm("code push", 3),
            VocabularyTerm("introduced a bug", 3), VocabularyTerm("introduced a regression", 3),
            VocabularyTerm("bug was introduced", 3), VocabularyTerm("bug introduced", 3),
            VocabularyTerm("regress*", 3), VocabularyTerm("recent deploy", 3), VocabularyTerm("recent deployment", 3),
            VocabularyTerm("recently deployed", 3), VocabularyTerm("newly deployed", 3),
            VocabularyTerm("newly released", 3), VocabularyTerm("wrong branch", 3),
            VocabularyTerm("release contained", 3), VocabularyTerm("deployment contained", 3),
            VocabularyTerm("deployment that contained", 3), VocabularyTerm("releasing code", 3),
            VocabularyTerm("deployed a change", 3), VocabularyTerm("was deployed to production", 3),
            // Good evidence (2 to 2.5)
            VocabularyTerm("deploy", 2.5), VocabularyTerm("deploys", 2.5), VocabularyTerm("new release", 2),
            VocabularyTerm("new code", 2), VocabularyTerm("new version", 2), VocabularyTerm("previous version", 2),
            VocabularyTerm("previous release", 2), VocabularyTerm("last known good", 2),
            VocabularyTerm("version bump", 2), VocabularyTerm("version update", 2), VocabularyTerm("binary", 2),
            VocabularyTerm("binaries", 2), VocabularyTerm("refactor*", 2), VocabularyTerm("deployment process", 2),
            VocabularyTerm("software release", 2), VocabularyTerm("backwards incompatible", 2),
            // Weak or contextual evidence (below 2)
            VocabularyTerm("shipped", 1.5), VocabularyTerm("deployed", 1.5), VocabularyTerm("release", 1.5),
            VocabularyTerm("released", 1.5), VocabularyTerm("releasing", 1.5), VocabularyTerm("bump", 1),
            VocabularyTerm("bumped", 1), VocabularyTerm("canary", 1.5), VocabularyTerm("bug fix", 1.5),
            VocabularyTerm("bugfix", 1.5), VocabularyTerm("new feature", 1.5), VocabularyTerm("untested", 1.5),
            VocabularyTerm("release process", 1.5), VocabularyTerm("upgrad*", 1),
            VocabularyTerm("rollout", 1), VocabularyTerm("rolled out", 1), VocabularyTerm("roll out", 1),
            VocabularyTerm("hotfix", 1), VocabularyTerm("patch", 1), VocabularyTerm("commit", 1),
            VocabularyTerm("artifact", 1), VocabularyTerm("container image", 1), VocabularyTerm("docker image", 1),
            VocabularyTerm("incompatib*", 1), VocabularyTerm("deployment pipeline", 1),
            VocabularyTerm("deployment", 0.5), VocabularyTerm("build", 0.5), VocabularyTerm("releases", 0.5),
        ]
    )

    // Phrases that contain a negation word ("not properly configured", "without properly configuring",
    // "no version lock") are written out whole so the matcher's negation guard, which looks at the words
    // before a match, does not discard them. Tool names (terraform, helm chart, ansible) are good but not
    // strong evidence; "iac", "helm values" and "misconfigur*" are strong. "typo" also counts for process.
    private static let config = CauseCategory(
        id: "config",
        label: "Configuration",
        description: "A configuration, feature-flag, policy or infrastructure-as-code change caused it.",
        terms: [
            // Strong evidence (3)
            VocabularyTerm("misconfigur*", 3), VocabularyTerm("bad config", 3), VocabularyTerm("bad configuration", 3),
            VocabularyTerm("config change", 3), VocabularyTerm("config changes", 3),
            VocabularyTerm("configuration change", 3), VocabularyTerm("configuration changes", 3),
            VocabularyTerm("config push", 3), VocabularyTerm("config update", 3), VocabularyTerm("config error", 3),
            VocabularyTerm("configuration error", 3), VocabularyTerm("configuration issue", 3),
            VocabularyTerm("incorrect configuration", 3), VocabularyTerm("wrong configuration", 3),
            VocabularyTerm("invalid configuration", 3), VocabularyTerm("wrong config", 3),
            VocabularyTerm("incorrectly configured", 3), VocabularyTerm("improperly configured", 3),
            VocabularyTerm("not properly configured", 3), VocabularyTerm("without properly configuring", 3),
            VocabularyTerm("feature flag", 3), VocabularyTerm("feature flags", 3), VocabularyTerm("feature toggle", 3),
            VocabularyTerm("iac", 3), VocabularyTerm("infrastructure as code", 3), VocabularyTerm("helm values", 3),
            VocabularyTerm("config drift", 3), VocabularyTerm("config rollout", 3),
            VocabularyTerm("configuration rollout", 3), VocabularyTerm("configuration roll out", 3),
            VocabularyTerm("terraform change", 3), VocabularyTerm("terraform changes", 3),
            VocabularyTerm("terraform apply", 3), VocabularyTerm("invalid credential", 3),
            VocabularyTerm("invalid credentials", 3), VocabularyTerm("wrong credentials", 3),
            VocabularyTerm("firewall config", 3),
            // A LimitRange or quota applied by hand (the classifier audit of stop 49).
            VocabularyTerm("limitrange*", 2), VocabularyTerm("limit range", 2),
            // Good evidence (2 to 2.5)
            VocabularyTerm("feature gate", 2), VocabularyTerm("policy change", 2.5),
            VocabularyTerm("no version lock", 2.5), VocabularyTerm("config", 2), VocabularyTerm("terraform", 2),
            VocabularyTerm("helm chart", 2), VocabularyTerm("ansible", 2), VocabularyTerm("puppet", 2),
            VocabularyTerm("cloudformation", 2), VocabularyTerm("pulumi", 2), VocabularyTerm("configmap", 2),
            VocabularyTerm("environment variable", 2), VocabularyTerm("environment variables", 2),
            VocabularyTerm("env var", 2), VocabularyTerm("network configuration", 2),
            VocabularyTerm("autogenerated", 2), VocabularyTerm("default value", 2),
            VocabularyTerm("default settings", 2), VocabularyTerm("incorrect value", 2),
            VocabularyTerm("timeout value", 2), VocabularyTerm("health check timeouts", 2),
            VocabularyTerm("set too low", 2), VocabularyTerm("set too high", 2), VocabularyTerm("blacklist", 2),
            VocabularyTerm("whitelist", 2), VocabularyTerm("allowlist", 2), VocabularyTerm("denylist", 2),
            // Weak or contextual evidence (below 2)
            VocabularyTerm("rule", 1.5), VocabularyTerm("configur*", 1.5), VocabularyTerm("annotation*", 1.5),
            VocabularyTerm("security group", 1.5), VocabularyTerm("drift", 1.5), VocabularyTerm("out of band", 1.5),
            VocabularyTerm("ingress rule", 1.5), VocabularyTerm("firewall rule", 1.5),
            VocabularyTerm("not pinned", 1.5), VocabularyTerm("reconfigur*", 1), VocabularyTerm("setting*", 1),
            VocabularyTerm("parameter*", 1), VocabularyTerm("manifest*", 1), VocabularyTerm("gitops", 1),
            VocabularyTerm("flag", 1), VocabularyTerm("flags", 1), VocabularyTerm("rules", 1),
            VocabularyTerm("propagat*", 1), VocabularyTerm("by default", 1), VocabularyTerm("typo", 1),
            VocabularyTerm("version lock", 1), VocabularyTerm("policy", 1),
        ]
    )

    // "disk full" and "out of space" are capacity; a failing disk is hardware. "memory", "cpu" and
    // "limit" alone are weak: they are named whenever capacity is merely the symptom. "load" alone is
    // deliberately absent because it would also match inside "load balancer".
    private static let capacity = CauseCategory(
        id: "capacity",
        label: "Capacity",
        description: "Load, a traffic surge or an exhausted resource (memory, CPU, disk, quota) caused it.",
        terms: [
            // Strong evidence (3)
            VocabularyTerm("out of memory", 3), VocabularyTerm("oom*", 3), VocabularyTerm("quota*", 3),
            VocabularyTerm("rate limit", 3), VocabularyTerm("rate limits", 3), VocabularyTerm("rate limited", 3),
            VocabularyTerm("ratelimit*", 3), VocabularyTerm("throttl*", 3), VocabularyTerm("traffic spike", 3),
            VocabularyTerm("traffic surge", 3), VocabularyTerm("surge in traffic", 3), VocabularyTerm("overload*", 3),
            VocabularyTerm("insufficient capacity", 3), VocabularyTerm("lack of capacity", 3),
            VocabularyTerm("disk full", 3), VocabularyTerm("full disk", 3), VocabularyTerm("out of space", 3),
            VocabularyTerm("out of storage", 3), VocabularyTerm("out of disk", 3), VocabularyTerm("disk space", 3),
            VocabularyTerm("no space left", 3), VocabularyTerm("filesystem filled", 3),
            VocabularyTerm("ran out of", 3), VocabularyTerm("running out of", 3),
            VocabularyTerm("free ip addresses", 3), VocabularyTerm("too many open files", 3),
            VocabularyTerm("memory pressure", 3), VocabularyTerm("high memory", 3), VocabularyTerm("high cpu", 3),
            VocabularyTerm("cpu spike", 3), VocabularyTerm("iops", 3), VocabularyTerm("thundering herd", 3),
            VocabularyTerm("retry storm", 3), VocabularyTerm("peak load", 3), VocabularyTerm("increase in traffic", 3),
            VocabularyTerm("increased traffic", 3), VocabularyTerm("underprovision*", 3),
            VocabularyTerm("undersized", 3), VocabularyTerm("high workload", 3), VocabularyTerm("noisy neighbor", 3),
            // Good evidence (2 to 2.5)
            VocabularyTerm("exhaust*", 2.5), VocabularyTerm("starv*", 2.5), VocabularyTerm("overwhelm*", 2.5),
            VocabularyTerm("saturat*", 2.5), VocabularyTerm("heavy load", 2.5), VocabularyTerm("high load", 2.5),
            VocabularyTerm("increased load", 2.5), VocabularyTerm("fast growth", 2.5), VocabularyTerm("capacity", 2),
            VocabularyTerm("disk usage", 2), VocabularyTerm("filled up", 2), VocabularyTerm("fill up", 2),
            VocabularyTerm("rate limiting", 2), VocabularyTerm("file descriptors", 2),
            VocabularyTerm("connection pool", 2), VocabularyTerm("memory usage", 2), VocabularyTerm("cpu usage", 2),
            VocabularyTerm("under load", 2), VocabularyTerm("concurrent users", 2), VocabularyTerm("hit the limit", 2),
            VocabularyTerm("reached the limit", 2), VocabularyTerm("memory limit", 2),
            VocabularyTerm("resource requests", 2), VocabularyTerm("resource limits", 2),
            VocabularyTerm("no resource requests", 2), VocabularyTerm("evict*", 2), VocabularyTerm("bottleneck", 2),
            VocabularyTerm("headroom", 2), VocabularyTerm("inotify", 2), VocabularyTerm("unschedulable", 2),
            VocabularyTerm("influx", 2), VocabularyTerm("too slow", 2), VocabularyTerm("large number of", 2),
            VocabularyTerm("large amount of", 2), VocabularyTerm("resource usage", 2),
            // Weak or contextual evidence (below 2)
            VocabularyTerm("autoscal*", 1.5), VocabularyTerm("load on", 1.5), VocabularyTerm("memory", 1),
            VocabularyTerm("cpu", 1), VocabularyTerm("limit", 1), VocabularyTerm("limits", 1),
            VocabularyTerm("backlog", 1), VocabularyTerm("scale up", 1), VocabularyTerm("scaling", 1),
            VocabularyTerm("growth", 1), VocabularyTerm("demand", 1), VocabularyTerm("burst*", 1),
            VocabularyTerm("performance", 0.5), VocabularyTerm("queue", 0.5),
        ]
    )

    // Provider names are weak ("aws" 0.5) because providers' own write-ups name themselves; the evidence
    // is wording about someone else failing or changing (third party, upstream, vendor, their status page).
    // "kubernetes" is deliberately absent: it names the platform, not a cause.
    private static let dependency = CauseCategory(
        id: "dependency",
        label: "Dependency",
        description: "A third-party, upstream, vendor or cloud-provider component failed or changed.",
        terms: [
            // Strong evidence (3)
            VocabularyTerm("third party", 3), VocabularyTerm("3rd party", 3), VocabularyTerm("upstream provider", 3),
            VocabularyTerm("terraform provider", 3),
            VocabularyTerm("provider outage", 3), VocabularyTerm("aws outage", 3),
            VocabularyTerm("us east 1 outage", 3), VocabularyTerm("vendor bug", 3), VocabularyTerm("upstream bug", 3),
            VocabularyTerm("upstream outage", 3), VocabularyTerm("github outage", 3),
            VocabularyTerm("external dependency", 3), VocabularyTerm("recalled", 3),
            VocabularyTerm("their status page", 3), VocabularyTerm("vendor side", 3),
            // Good evidence (2 to 2.5)
            VocabularyTerm("partner service", 2.5), VocabularyTerm("cloud provider", 2),
            VocabularyTerm("service provider", 2), VocabularyTerm("vendor", 2), VocabularyTerm("vendors", 2),
            VocabularyTerm("upstream", 2), VocabularyTerm("supplier", 2), VocabularyTerm("breaking change", 2),
            VocabularyTerm("breaking changes", 2), VocabularyTerm("changelog", 2), VocabularyTerm("release notes", 2),
            VocabularyTerm("external service", 2), VocabularyTerm("external services", 2),
            VocabularyTerm("managed service", 2), VocabularyTerm("docker hub", 2), VocabularyTerm("us east 1", 2),
            VocabularyTerm("cloud platform", 2), VocabularyTerm("regional outage", 2),
            VocabularyTerm("region outage", 2), VocabularyTerm("github issues", 2), VocabularyTerm("github issue", 2),
            VocabularyTerm("known bug", 2), VocabularyTerm("on their end", 2), VocabularyTerm("on their side", 2),
            VocabularyTerm("support case", 2), VocabularyTerm("api change", 2),
            // Weak or contextual evidence (below 2)
            VocabularyTerm("known issue", 1.5), VocabularyTerm("library", 1.5), VocabularyTerm("libraries", 1.5),
            VocabularyTerm("dependency", 1.5), VocabularyTerm("dependencies", 1.5), VocabularyTerm("ami", 1.5),
            VocabularyTerm("isp", 1.5), VocabularyTerm("provider", 0.5), VocabularyTerm("providers", 0.5),
            VocabularyTerm("vendor specific", 1), VocabularyTerm("open source", 1), VocabularyTerm("package", 1),
            VocabularyTerm("packages", 1), VocabularyTerm("saas", 1), VocabularyTerm("support ticket", 1),
            VocabularyTerm("eol", 1), VocabularyTerm("end of life", 1), VocabularyTerm("sdk", 1),
            VocabularyTerm("carrier", 1), VocabularyTerm("upgrad*", 0.5), VocabularyTerm("version", 0.5),
            VocabularyTerm("aws", 0.5), VocabularyTerm("availability zone", 0.5), VocabularyTerm("image", 0.5),
            VocabularyTerm("status page", 0.5),
        ]
    )

    // "circuit breaker" is counter-evidence: it is a software resilience pattern, while "breaker" alone
    // is electrical. "ups" is 0.5 because "follow-ups" normalises to "follow ups"; "power" alone is weak.
    private static let hardware = CauseCategory(
        id: "hardware",
        label: "Hardware",
        description: "Physical infrastructure failed: power, cooling, machines, disks or the data centre.",
        terms: [
            // Strong evidence (3)
            VocabularyTerm("power outage", 3), VocabularyTerm("power failure", 3), VocabularyTerm("power loss", 3),
            VocabularyTerm("loss of power", 3), VocabularyTerm("lost power", 3), VocabularyTerm("power cut", 3),
            VocabularyTerm("utility power", 3), VocabularyTerm("generator", 3), VocabularyTerm("generators", 3),
            VocabularyTerm("cooling", 3), VocabularyTerm("overheat*", 3), VocabularyTerm("hvac", 3),
            VocabularyTerm("lightning", 3), VocabularyTerm("severe weather", 3), VocabularyTerm("bad weather", 3),
            VocabularyTerm("hardware failure", 3), VocabularyTerm("hardware fault", 3),
            VocabularyTerm("faulty hardware", 3), VocabularyTerm("bad hardware", 3),
            VocabularyTerm("hardware issue", 3), VocabularyTerm("disk failure", 3), VocabularyTerm("disk failures", 3),
            VocabularyTerm("failed disk", 3), VocabularyTerm("drive failure", 3), VocabularyTerm("failed drive", 3),
            VocabularyTerm("disk errors", 3), VocabularyTerm("bad sector", 3), VocabularyTerm("power supply", 3),
            VocabularyTerm("psu", 3), VocabularyTerm("dimm", 3), VocabularyTerm("ecc", 3),
            VocabularyTerm("memory module", 3), VocabularyTerm("motherboard", 3), VocabularyTerm("backplane", 3),
            VocabularyTerm("storage hardware", 3), VocabularyTerm("equipment failure", 3),
            VocabularyTerm("degraded hardware", 3),
            // Good evidence (2 to 2.5)
            VocabularyTerm("hardware", 2), VocabularyTerm("transformer", 2), VocabularyTerm("thermal", 2),
            VocabularyTerm("temperature", 2), VocabularyTerm("weather", 2), VocabularyTerm("a fire", 2),
            VocabularyTerm("fire in", 2), VocabularyTerm("hard drive", 2), VocabularyTerm("hdd", 2),
            VocabularyTerm("raid", 2), VocabularyTerm("firmware", 2), VocabularyTerm("nic", 2),
            VocabularyTerm("network card", 2), VocabularyTerm("chassis", 2), VocabularyTerm("volume failure", 2),
            VocabularyTerm("storage failure", 2), VocabularyTerm("storage array", 2), VocabularyTerm("3par", 2),
            VocabularyTerm("battery", 2), VocabularyTerm("electrical", 2), VocabularyTerm("cabling", 2),
            VocabularyTerm("switch failure", 2), VocabularyTerm("failed switch", 2),
            VocabularyTerm("router failure", 2), VocabularyTerm("server failure", 2),
            VocabularyTerm("host failure", 2), VocabularyTerm("instance retirement", 2),
            VocabularyTerm("network equipment", 2), VocabularyTerm("bit flip", 2),
            // Weak or contextual evidence (below 2)
            VocabularyTerm("breaker", 1.5), VocabularyTerm("breakers", 1.5), VocabularyTerm("ssd", 1.5),
            VocabularyTerm("node failure", 1.5), VocabularyTerm("malfunction*", 1.5), VocabularyTerm("ups", 0.5),
            VocabularyTerm("physical", 1), VocabularyTerm("datacenter", 1), VocabularyTerm("data center", 1),
            VocabularyTerm("data centre", 1), VocabularyTerm("facility", 1), VocabularyTerm("rack", 1),
            VocabularyTerm("cable", 1), VocabularyTerm("kernel panic", 1), VocabularyTerm("power", 1),
            VocabularyTerm("grid", 1), VocabularyTerm("spare", 1), VocabularyTerm("equipment", 1),
            VocabularyTerm("byzantine", 1),
            // Counter-evidence
            VocabularyTerm("circuit breaker", -1.5),
        ]
    )

    // Component nouns (ingress, load balancer, subnet, vpc) are weak: infrastructure write-ups name them
    // even when the cause lies elsewhere. Failure wording (packet loss, dns resolution, network partition)
    // is strong. "node" is deliberately absent.
    private static let network = CauseCategory(
        id: "network",
        label: "Network",
        description: "Connectivity, DNS, routing, BGP, load balancing, ingress or the network fabric failed.",
        terms: [
            // Strong evidence (3)
            VocabularyTerm("bgp", 3), VocabularyTerm("packet loss", 3), VocabularyTerm("network partition", 3),
            VocabularyTerm("network outage", 3), VocabularyTerm("network issue", 3),
            VocabularyTerm("network issues", 3), VocabularyTerm("network problems", 3),
            VocabularyTerm("network failure", 3), VocabularyTerm("network disruption", 3),
            VocabularyTerm("connectivity issue", 3), VocabularyTerm("connectivity issues", 3),
            VocabularyTerm("network connectivity", 3), VocabularyTerm("dns resolution", 3),
            VocabularyTerm("dns failure", 3), VocabularyTerm("dns outage", 3), VocabularyTerm("dns issue", 3),
            VocabularyTerm("dns issues", 3), VocabularyTerm("unable to resolve", 3),
            VocabularyTerm("failed to resolve", 3), VocabularyTerm("nxdomain", 3), VocabularyTerm("servfail", 3),
            VocabularyTerm("nameserver*", 3), VocabularyTerm("peering", 3), VocabularyTerm("anycast", 3),
            VocabularyTerm("mtu", 3), VocabularyTerm("vlan", 3), VocabularyTerm("spanning tree", 3),
            VocabularyTerm("mlag", 3), VocabularyTerm("fiber cut", 3), VocabularyTerm("route leak", 3),
            VocabularyTerm("dns propagation", 3), VocabularyTerm("network latency", 3),
            VocabularyTerm("routing issue", 3),
            // Good evidence (2 to 2.5)
            VocabularyTerm("dropped packets", 2.5), VocabularyTerm("connectivity", 2), VocabularyTerm("routing", 2),
            VocabularyTerm("backbone", 2), VocabularyTerm("networking", 2), VocabularyTerm("nat gateway", 2),
            VocabularyTerm("transit", 2), VocabularyTerm("uplink*", 2), VocabularyTerm("interconnect", 2),
            VocabularyTerm("iptables", 2), VocabularyTerm("service mesh", 2),
            VocabularyTerm("cilium", 2), VocabularyTerm("network policy", 2), VocabularyTerm("network policies", 2),
            VocabularyTerm("network rules", 2), VocabularyTerm("unreachable", 2), VocabularyTerm("dns record", 2),
            VocabularyTerm("dns records", 2), VocabularyTerm("connection reset", 2),
            // Weak or contextual evidence (below 2)
            // Components by name are the place a failure showed, not what caused it: an upgrade's
            // vendor-specific steps, an IaC refactor of the VPC CNI, and a Terraform refactor that
            // deleted DNS records had all read as network (the classifier audit of stop 49).
            VocabularyTerm("dns", 1.5), VocabularyTerm("coredns", 1), VocabularyTerm("cni", 1), VocabularyTerm("kube proxy", 1),
            VocabularyTerm("firewall", 1.5), VocabularyTerm("nat", 1.5), VocabularyTerm("switches", 1.5),
            VocabularyTerm("vpn", 1.5), VocabularyTerm("high latency", 1.5), VocabularyTerm("router", 1.5),
            VocabularyTerm("routers", 1.5), VocabularyTerm("load balancer", 1.5),
            VocabularyTerm("load balancers", 1.5), VocabularyTerm("loadbalancer", 1.5),
            VocabularyTerm("resolver", 1.5), VocabularyTerm("resolvers", 1.5), VocabularyTerm("cname", 1.5),
            VocabularyTerm("network", 1), VocabularyTerm("routes", 1), VocabularyTerm("vpc", 1),
            VocabularyTerm("subnet", 1), VocabularyTerm("subnets", 1), VocabularyTerm("reverse proxy", 1),
            VocabularyTerm("cdn", 1), VocabularyTerm("isp", 1), VocabularyTerm("switch", 0.5),
            VocabularyTerm("latency", 1), VocabularyTerm("socket", 1), VocabularyTerm("tcp", 1),
            VocabularyTerm("subdomain*", 1), VocabularyTerm("ingress", 0.5), VocabularyTerm("domain", 0.5),
            VocabularyTerm("domains", 0.5),
        ]
    )

    // Database engine names are only good evidence (1.5): a database is often the victim of a deploy or a
    // load problem. The strong evidence is what happened to the data: corruption, loss, replication lag,
    // wraparound, locks, key limits. "replicas" is 0.5 because Kubernetes replica counts use the word.
    private static let data = CauseCategory(
        id: "data",
        label: "Data",
        description: "Stored data failed: corruption, loss, replication, locks, migrations or ID limits.",
        terms: [
            // Strong evidence (3)
            VocabularyTerm("data loss", 3), VocabularyTerm("data corruption", 3), VocabularyTerm("corrupt*", 3),
            VocabularyTerm("replication", 3), VocabularyTerm("replication lag", 3), VocabularyTerm("read replica", 3),
            VocabularyTerm("read replicas", 3), VocabularyTerm("schema migration", 3),
            VocabularyTerm("database migration", 3), VocabularyTerm("db migration", 3),
            VocabularyTerm("data migration", 3), VocabularyTerm("transaction id wraparound", 3),
            VocabularyTerm("wraparound", 3), VocabularyTerm("vacuum", 3), VocabularyTerm("primary key", 3),
            VocabularyTerm("foreign key", 3), VocabularyTerm("integer limit", 3), VocabularyTerm("id overflow", 3),
            VocabularyTerm("table lock", 3), VocabularyTerm("lock contention", 3),
            VocabularyTerm("locked the table", 3), VocabularyTerm("locking of a table", 3),
            VocabularyTerm("data integrity", 3), VocabularyTerm("restore from backup", 3),
            VocabularyTerm("restored from backup", 3), VocabularyTerm("point in time recovery", 3),
            VocabularyTerm("lost data", 3), VocabularyTerm("data was lost", 3), VocabularyTerm("permanently lost", 3),
            VocabularyTerm("data deleted", 3), VocabularyTerm("binlog", 3), VocabularyTerm("ddl", 3),
            VocabularyTerm("alter table", 3), VocabularyTerm("database schema", 3),
            // Good evidence (2 to 2.5)
            VocabularyTerm("column", 2), VocabularyTerm("columns", 2),
            VocabularyTerm("int32", 2), VocabularyTerm("split brain", 2), VocabularyTerm("write ahead log", 2),
            VocabularyTerm("wal", 2), VocabularyTerm("deleted data", 2), VocabularyTerm("backups", 2),
            VocabularyTerm("consistency", 2), VocabularyTerm("inconsisten*", 2), VocabularyTerm("etcd", 2),
            VocabularyTerm("slow query", 2), VocabularyTerm("truncat*", 2),
            // Weak or contextual evidence (below 2)
            // "schema" alone is as often an API's ("the official API schema") as a database's.
            VocabularyTerm("schema", 1), VocabularyTerm("postgres*", 1.5), VocabularyTerm("mysql", 1.5), VocabularyTerm("mongodb", 1.5),
            VocabularyTerm("cassandra", 1.5), VocabularyTerm("database", 1.5), VocabularyTerm("databases", 1),
            VocabularyTerm("datastore", 1.5), VocabularyTerm("data store", 1.5), VocabularyTerm("sql", 1.5),
            VocabularyTerm("replica", 1.5), VocabularyTerm("int64", 1.5), VocabularyTerm("migrations", 1),
            VocabularyTerm("db", 1), VocabularyTerm("redis", 1), VocabularyTerm("elasticsearch", 1),
            VocabularyTerm("query", 1), VocabularyTerm("indexes", 1), VocabularyTerm("table", 1),
            VocabularyTerm("tables", 1), VocabularyTerm("rows", 1), VocabularyTerm("transaction", 1),
            VocabularyTerm("transactions", 1), VocabularyTerm("snapshot", 1), VocabularyTerm("persistent volume", 1),
            VocabularyTerm("zookeeper", 1), VocabularyTerm("locks", 1),
            VocabularyTerm("locking", 1), VocabularyTerm("replicas", 0.5), VocabularyTerm("migration", 0.5),
            VocabularyTerm("index", 0.5),
        ]
    )

    // "breach*" would also count an SLA or SLO breach, hence the two negative phrases. Credentials and
    // API keys alone are weak: expired or invalid credentials are time or config; leaked or stolen ones
    // are security.
    private static let security = CauseCategory(
        id: "security",
        label: "Security",
        description: "An attack, abuse, leaked or stolen credentials, or an exploited vulnerability caused it.",
        terms: [
            // Strong evidence (3)
            VocabularyTerm("ddos", 3), VocabularyTerm("denial of service", 3), VocabularyTerm("attack*", 3),
            VocabularyTerm("malicious", 3), VocabularyTerm("malware", 3), VocabularyTerm("cve", 3),
            VocabularyTerm("exploit*", 3), VocabularyTerm("unauthori*", 3), VocabularyTerm("leaked credentials", 3),
            VocabularyTerm("credentials leaked", 3), VocabularyTerm("credential leak", 3),
            VocabularyTerm("leaked token", 3), VocabularyTerm("leaked secrets", 3),
            VocabularyTerm("stolen credentials", 3), VocabularyTerm("compromised credentials", 3),
            VocabularyTerm("exposed credentials", 3), VocabularyTerm("contained credentials", 3),
            VocabularyTerm("hardcoded credentials", 3), VocabularyTerm("committed credentials", 3),
            VocabularyTerm("gained access", 3), VocabularyTerm("account takeover", 3), VocabularyTerm("data leak", 3),
            VocabularyTerm("phishing", 3), VocabularyTerm("social engineering", 3), VocabularyTerm("intrusion", 3),
            VocabularyTerm("intruder", 3), VocabularyTerm("protestware", 3),
            VocabularyTerm("backdoor", 3), VocabularyTerm("ransomware", 3), VocabularyTerm("botnet", 3),
            VocabularyTerm("brute force", 3), VocabularyTerm("credential stuffing", 3), VocabularyTerm("abuse", 3),
            VocabularyTerm("fraud*", 3), VocabularyTerm("log4shell", 3), VocabularyTerm("log4j", 3),
            VocabularyTerm("shellshock", 3), VocabularyTerm("heartbleed", 3), VocabularyTerm("zero day", 3),
            VocabularyTerm("stole*", 3), VocabularyTerm("steal*", 3), VocabularyTerm("theft", 3),
            VocabularyTerm("exfiltrat*", 3), VocabularyTerm("privilege escalation", 3),
            VocabularyTerm("sql injection", 3), VocabularyTerm("xss", 3), VocabularyTerm("csrf", 3),
            VocabularyTerm("remote code execution", 3), VocabularyTerm("rce", 3), VocabularyTerm("cryptomining", 3),
            VocabularyTerm("crypto mining", 3), VocabularyTerm("security incident", 3),
            VocabularyTerm("security breach", 3), VocabularyTerm("security bug", 3),
            // Good evidence (2 to 2.5)
            VocabularyTerm("breach*", 2.5), VocabularyTerm("vulnerabilit*", 2.5), VocabularyTerm("compromis*", 2.5),
            VocabularyTerm("hack*", 2), VocabularyTerm("impersonat*", 2), VocabularyTerm("supply chain", 2),
            VocabularyTerm("bot traffic", 2), VocabularyTerm("spam", 2), VocabularyTerm("injection", 2),
            VocabularyTerm("leaked", 2), VocabularyTerm("publicly accessible", 2), VocabularyTerm("scraper*", 2),
            VocabularyTerm("session cookie", 2), VocabularyTerm("escalate access", 2), VocabularyTerm("plaintext", 2),
            // What happened, not what a wrong rule "can potentially hijack" (the classifier audit of stop 49).
            VocabularyTerm("hijacked", 2), VocabularyTerm("hijacking", 2),
            // Weak or contextual evidence (below 2)
            VocabularyTerm("security", 1.5), VocabularyTerm("secret key", 1.5), VocabularyTerm("secret keys", 1.5),
            VocabularyTerm("public repository", 1.5), VocabularyTerm("revoke*", 1.5), VocabularyTerm("credentials", 1),
            VocabularyTerm("api key", 1), VocabularyTerm("api keys", 1), VocabularyTerm("access token", 1),
            VocabularyTerm("passwords", 1), VocabularyTerm("exposure", 1),
            // Counter-evidence
            VocabularyTerm("sla breach", -3), VocabularyTerm("slo breach", -3),
        ]
    )

    // Expiry of certificates, domains, tokens and licences belongs here. "clock" is 1.5 ("around the
    // clock") and "backwards" is 1 ("backwards compatible"). "rollover" is deliberately absent: node
    // rollovers are routine Kubernetes maintenance.
    private static let time = CauseCategory(
        id: "time",
        label: "Time",
        description: "A clock or calendar edge, or an expired certificate, domain or token, caused it.",
        terms: [
            // Strong evidence (3)
            VocabularyTerm("leap second", 3), VocabularyTerm("leap seconds", 3), VocabularyTerm("leap year", 3),
            VocabularyTerm("leap day", 3), VocabularyTerm("clock skew", 3), VocabularyTerm("clock drift", 3),
            VocabularyTerm("ntp", 3), VocabularyTerm("time synchronization", 3), VocabularyTerm("time sync", 3),
            VocabularyTerm("time zone", 3), VocabularyTerm("time zones", 3), VocabularyTerm("timezone*", 3),
            VocabularyTerm("daylight saving", 3), VocabularyTerm("daylight savings", 3), VocabularyTerm("dst", 3),
            VocabularyTerm("utc offset", 3), VocabularyTerm("y2k", 3), VocabularyTerm("y2038", 3),
            VocabularyTerm("monotonic", 3), VocabularyTerm("certificate expired", 3),
            VocabularyTerm("certificates expired", 3), VocabularyTerm("certificate expiry", 3),
            VocabularyTerm("certificate expiration", 3), VocabularyTerm("expired certificate", 3),
            VocabularyTerm("expired certificates", 3), VocabularyTerm("cert expired", 3),
            VocabularyTerm("certificate has expired", 3), VocabularyTerm("certificate chain expiry", 3),
            VocabularyTerm("domain expired", 3), VocabularyTerm("domain expiry", 3),
            VocabularyTerm("domain expiration", 3), VocabularyTerm("expired domain", 3),
            VocabularyTerm("domain renewal", 3), VocabularyTerm("token expired", 3),
            VocabularyTerm("expired token", 3), VocabularyTerm("expired tokens", 3), VocabularyTerm("token expiry", 3),
            VocabularyTerm("expired secrets", 3), VocabularyTerm("expired secret", 3),
            VocabularyTerm("password expired", 3), VocabularyTerm("license expired", 3),
            VocabularyTerm("expired license", 3), VocabularyTerm("expiration date", 3),
            VocabularyTerm("expiry date", 3), VocabularyTerm("let s encrypt", 3), VocabularyTerm("letsencrypt", 3),
            VocabularyTerm("certbot", 3), VocabularyTerm("auto renewal", 3), VocabularyTerm("auto renew", 3),
            VocabularyTerm("time went backwards", 3),
            // Good evidence (2 to 2.5)
            VocabularyTerm("expir*", 2), VocabularyTerm("renew*", 2), VocabularyTerm("clocks", 2),
            VocabularyTerm("epoch", 2), VocabularyTerm("ssl certificate", 2), VocabularyTerm("tls certificate", 2),
            VocabularyTerm("cert manager", 2), VocabularyTerm("deadline passed", 2), VocabularyTerm("february 29", 2),
            VocabularyTerm("february 29th", 2), VocabularyTerm("went backwards", 2),
            // Weak or contextual evidence (below 2)
            VocabularyTerm("clock", 1.5), VocabularyTerm("certificate*", 1.5), VocabularyTerm("backwards", 1),
            VocabularyTerm("cert", 1), VocabularyTerm("certs", 1), VocabularyTerm("timestamp*", 1),
            VocabularyTerm("midnight", 1), VocabularyTerm("calendar", 1), VocabularyTerm("ttl", 1),
            VocabularyTerm("valid for", 1), VocabularyTerm("end of month", 1), VocabularyTerm("new year", 1),
            VocabularyTerm("timer*", 1),
        ]
    )

    // "crash*" is only 1.5: crashes are the symptom of many causes. "leak" is software; "leaked" is
    // security.
    private static let software = CauseCategory(
        id: "software",
        label: "Software",
        description: "A latent defect surfaced in running code: a race, leak, crash, overflow or unhandled case.",
        terms: [
            // Strong evidence (3)
            VocabularyTerm("race condition", 3), VocabularyTerm("race conditions", 3),
            VocabularyTerm("memory leak", 3), VocabularyTerm("memory leaks", 3), VocabularyTerm("resource leak", 3),
            VocabularyTerm("connection leak", 3), VocabularyTerm("goroutine leak", 3), VocabularyTerm("deadlock*", 3),
            VocabularyTerm("livelock", 3), VocabularyTerm("null pointer", 3), VocabularyTerm("nil pointer", 3),
            VocabularyTerm("segfault*", 3), VocabularyTerm("segmentation fault", 3), VocabularyTerm("software bug", 3),
            VocabularyTerm("latent bug", 3), VocabularyTerm("latent defect", 3), VocabularyTerm("latent issue", 3),
            VocabularyTerm("edge case", 3), VocabularyTerm("edge cases", 3), VocabularyTerm("corner case", 3),
            VocabularyTerm("corner cases", 3), VocabularyTerm("unhandled", 3), VocabularyTerm("uncaught", 3),
            VocabularyTerm("off by one", 3), VocabularyTerm("integer overflow", 3),
            VocabularyTerm("buffer overflow", 3), VocabularyTerm("underflow", 3), VocabularyTerm("infinite loop", 3),
            VocabularyTerm("infinite recursion", 3), VocabularyTerm("double free", 3),
            VocabularyTerm("use after free", 3), VocabularyTerm("memory corruption", 3),
            VocabularyTerm("catastrophic backtracking", 3), VocabularyTerm("backtracking", 3),
            VocabularyTerm("logic error", 3), VocabularyTerm("logic bug", 3), VocabularyTerm("code bug", 3),
            VocabularyTerm("software error", 3), VocabularyTerm("priority inversion", 3),
            VocabularyTerm("poison pill", 3), VocabularyTerm("non atomic", 3), VocabularyTerm("thread safety", 3),
            VocabularyTerm("concurrency bug", 3), VocabularyTerm("concurrent programming", 3),
            // Good evidence (2 to 2.5)
            VocabularyTerm("race", 2), VocabularyTerm("bug", 2), VocabularyTerm("bugs", 2),
            VocabularyTerm("defect", 2), VocabularyTerm("defects", 2), VocabularyTerm("panic*", 2),
            VocabularyTerm("exception*", 2), VocabularyTerm("regex", 2), VocabularyTerm("regular expression", 2),
            VocabularyTerm("code path", 2), VocabularyTerm("mishandl*", 2), VocabularyTerm("incorrectly assumed", 2),
            VocabularyTerm("idempoten*", 2), VocabularyTerm("retry logic", 2),
            VocabularyTerm("exponential backoff", 2), VocabularyTerm("gc pause", 2),
            VocabularyTerm("garbage collection", 2), VocabularyTerm("unexpected input", 2),
            VocabularyTerm("invalid input", 2), VocabularyTerm("input validation", 2), VocabularyTerm("parser", 2),
            VocabularyTerm("unicode", 2), VocabularyTerm("kernel bug", 2), VocabularyTerm("timing issue", 2),
            VocabularyTerm("error handling", 2), VocabularyTerm("flaw", 2), VocabularyTerm("design flaw", 2),
            VocabularyTerm("name conflict", 2),
            // Weak or contextual evidence (below 2)
            VocabularyTerm("buggy", 1.5), VocabularyTerm("crash*", 1.5), VocabularyTerm("overflow", 1.5),
            VocabularyTerm("malformed", 1.5), VocabularyTerm("assert*", 1.5), VocabularyTerm("parsing", 1.5),
            VocabularyTerm("leak", 1.5), VocabularyTerm("leaks", 1.5), VocabularyTerm("algorithm", 1.5),
            VocabularyTerm("logic", 1.5), VocabularyTerm("data format", 1.5), VocabularyTerm("misbehav*", 1.5),
            VocabularyTerm("assumption", 1), VocabularyTerm("backoff", 1), VocabularyTerm("heap", 1),
            VocabularyTerm("installer", 1), VocabularyTerm("lock", 0.5), VocabularyTerm("conflict", 0.5),
        ]
    )

    // "manually" is 0.5 because write-ups mostly use it for the mitigation ("manually restarted").
    // Planned or routine maintenance is good evidence; "maintenance" alone is weak.
    private static let process = CauseCategory(
        id: "process",
        label: "Process",
        description: "A manual operation, a runbook or procedure gap, or unsafe automation caused it.",
        terms: [
            // Strong evidence (3)
            VocabularyTerm("human error", 3), VocabularyTerm("operator error", 3), VocabularyTerm("by accident", 3),
            VocabularyTerm("by mistake", 3), VocabularyTerm("fat finger", 3), VocabularyTerm("fat fingered", 3),
            VocabularyTerm("wrong command", 3), VocabularyTerm("wrong environment", 3),
            VocabularyTerm("wrong server", 3), VocabularyTerm("wrong cluster", 3),
            VocabularyTerm("wrong directory", 3), VocabularyTerm("wrong database", 3), VocabularyTerm("wrong host", 3),
            VocabularyTerm("wrong filesystem", 3), VocabularyTerm("manual step", 3),
            VocabularyTerm("manual process", 3), VocabularyTerm("manual operation", 3),
            VocabularyTerm("manual operations", 3), VocabularyTerm("manual change", 3),
            VocabularyTerm("manual changes", 3), VocabularyTerm("done manually", 3),
            VocabularyTerm("manual updates", 3), VocabularyTerm("process gap", 3), VocabularyTerm("missing step", 3),
            VocabularyTerm("miscommunication", 3), VocabularyTerm("unintentionally triggered", 3),
            VocabularyTerm("unexpectedly triggered", 3), VocabularyTerm("automated cleanup", 3),
            VocabularyTerm("rm rf", 3), VocabularyTerm("no runbook", 3),
            // Good evidence (2 to 2.5)
            VocabularyTerm("not followed", 2.5), VocabularyTerm("cleanup job", 2.5),
            VocabularyTerm("cleanup script", 2.5), VocabularyTerm("accidental*", 2.5),
            VocabularyTerm("inadvertently", 2), VocabularyTerm("mistake", 2), VocabularyTerm("mistakenly", 2),
            VocabularyTerm("runbook*", 2), VocabularyTerm("playbook*", 2), VocabularyTerm("undocumented", 2),
            VocabularyTerm("not documented", 2), VocabularyTerm("no documentation", 2),
            VocabularyTerm("lack of documentation", 2), VocabularyTerm("ad hoc", 2),
            VocabularyTerm("kubectl delete", 2), VocabularyTerm("least privilege", 2),
            VocabularyTerm("change management", 2), VocabularyTerm("guardrail*", 2), VocabularyTerm("rushed", 2),
            VocabularyTerm("under pressure", 2), VocabularyTerm("fatigue", 2), VocabularyTerm("lack of knowledge", 2),
            VocabularyTerm("limited knowledge", 2), VocabularyTerm("handover", 2), VocabularyTerm("run manually", 2),
            VocabularyTerm("personal account", 2), VocabularyTerm("automatic deletion", 2),
            VocabularyTerm("organizational", 2), VocabularyTerm("organisational", 2),
            // Weak or contextual evidence (below 2)
            VocabularyTerm("typo", 1.5), VocabularyTerm("procedure", 1.5), VocabularyTerm("procedures", 1.5),
            VocabularyTerm("unintended", 1.5), VocabularyTerm("unintentional*", 1.5), VocabularyTerm("workshop", 1.5),
            VocabularyTerm("button", 1.5), VocabularyTerm("planned maintenance", 1.5),
            VocabularyTerm("routine maintenance", 1.5), VocabularyTerm("scheduled maintenance", 1.5),
            VocabularyTerm("reprovision*", 1.5), VocabularyTerm("automation", 1), VocabularyTerm("manual", 1),
            VocabularyTerm("checklist", 1), VocabularyTerm("maintenance", 1), VocabularyTerm("maintenance window", 1),
            VocabularyTerm("script", 1), VocabularyTerm("command", 1), VocabularyTerm("operator", 1),
            VocabularyTerm("review process", 1), VocabularyTerm("knowledge", 1), VocabularyTerm("communication", 1),
            VocabularyTerm("holiday*", 1), VocabularyTerm("manually", 0.5), VocabularyTerm("documentation", 0.5),
            VocabularyTerm("process", 0.5),
        ]
    )

    // No vocabulary: an incident is unknown when no other category finds evidence.
    private static let unknown = CauseCategory(
        id: "unknown",
        label: "Unknown",
        description: "No evidence points to a cause yet.",
        terms: []
    )
}
