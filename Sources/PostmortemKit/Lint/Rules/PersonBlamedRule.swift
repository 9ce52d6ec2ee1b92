/// PM013: a person (name, @handle, or a role standing for one) as the subject of a failure.
public struct PersonBlamedRule: LintRule {
    public static let description = RuleDescription(
        id: "PM013", alias: "person-blamed", name: "Person as the subject of a failure",
        summary: "No person, @handle or author is the subject of a failure verb (\"@dana.k broke\", \"Dana forgot\"), its agent (\"caused by @dana.k\") or its owner (\"Dana's oversight\").",
        rationale: "Naming who erred invites the next person to hide their mistakes; the postmortem is about which conditions let an ordinary action cause harm.",
        category: .language, defaultSeverity: .warning,
        options: [
            RuleOption("people", default: "[]", help: "Names to treat as people besides @handles and the front matter authors."),
            RuleOption("verbs", default: "[]", help: "Extra failure verbs, added to the built-in list."),
            RuleOption("systems", default: "[]", help: "Names of systems that are never people (\"Redis forgot every key\" is not flagged), added to a built-in list of common infrastructure names and to the services the document and pm.yml's SLOs name."),
        ],
        triggeringExamples: [
            RuleExamples.document(sections: ["Summary": "At 14:00 ↓@dana.k broke checkout by pushing a config with an empty pool."]),
            RuleExamples.document(sections: ["What went wrong": "- ↓Dana forgot to run the config validator."]),
            RuleExamples.document(sections: ["What went wrong": "- ↓Someone ignored the warning in the push output."]),
            RuleExamples.document(sections: ["What went wrong": "- ↓Priya neglected to page the database team."]),
            RuleExamples.document(sections: ["Summary": "The outage was ↓caused by @dana.k pushing a config with an empty pool."]),
            RuleExamples.document(sections: ["What went wrong": "- ↓Dana's oversight let the config ship without validation."]),
        ],
        nonTriggeringExamples: [
            RuleExamples.document(),
            RuleExamples.document(sections: ["Summary": "@dana.k rolled back config 4812 at 14:41; the proxy failed over to the healthy pool."]),
            RuleExamples.document(sections: ["Summary": "Paylane failed to answer within 5 s, so checkout retried."]),
            RuleExamples.document(sections: ["Summary": "Prometheus missed two scrapes and Kafka ignored the new retention setting."]),
            RuleExamples.document(sections: ["Summary": "Redis forgot every key after the failover, and the Postgres operator broke the replica's lease."]),
            RuleExamples.document(sections: ["Summary": "The retry storm was caused by Paylane's timeouts, and Kafka's failure to rebalance added 4 minutes. The fix was reviewed by @dana.k."]),
        ]
    )

    /// Verbs (and short phrases) that describe a person's failure rather than an event.
    static let builtInVerbs = ["broke", "forgot", "failed", "neglected", "ignored", "missed", "overlooked", "messed up",
                               "screwed up", "botched", "didn't check", "did not check", "didn't test", "did not test",
                               "didn't notice", "did not notice", "didn't read", "did not read", "mistakenly",
                               "accidentally", "carelessly", "caused the", "misconfigured", "mistyped", "fat-fingered",
                               "fat fingered", "skipped", "dropped the ball"]
    /// Failures only people commit: with these, any capitalised name is taken for a person
    /// ("Priya forgot"), since systems do not forget ("Kafka missed" may well be a system).
    static let personOnlyVerbs: [[String]] = [["forgot"], ["neglected"], ["overlooked"], ["messed", "up"], ["screwed", "up"],
                                              ["botched"], ["didn't", "bother"], ["did", "not", "bother"], ["mistyped"],
                                              ["fat-fingered"], ["fat", "fingered"]]
    /// The first words of ``personOnlyVerbs``.
    static let personOnlyFirstWords = Set(personOnlyVerbs.map { $0[0] })
    static let personOnlyFirstWordFilter = WordPrefilter(personOnlyFirstWords)

    /// `word.first?.isUppercase == true`, on the first byte when it is ASCII (a following
    /// combining mark does not change the answer for an ASCII letter).
    static func startsUppercase(_ word: String) -> Bool {
        guard let first = word.utf8.first else { return false }
        if first < 0x80 { return first >= 65 && first <= 90 }
        return word.first?.isUppercase == true
    }

    /// ``startsUppercase(_:)`` of word `i` as written, on its first byte when that is ASCII.
    static func startsUppercase(_ line: ProseLine, _ i: Int) -> Bool {
        let first = line.bytes[line.words[i].start]
        if first < 0x80 { return first >= 65 && first <= 90 }
        return startsUppercase(line.original(i))
    }

    /// An uppercase first character and lowercase letters after it ("Dana", not "DANA" or "Dana2").
    static func isCapitalised(_ word: String) -> Bool {
        let bytes = word.utf8
        if let first = bytes.first, bytes.allSatisfy({ $0 < 0x80 }) {
            return first >= 65 && first <= 90 && bytes.dropFirst().allSatisfy { $0 >= 97 && $0 <= 122 }
        }
        return word.first?.isUppercase == true && word.dropFirst().allSatisfy { $0.isLowercase }
    }

    /// Words that stand for a person.
    static let roles: Set<String> = ["someone", "somebody", "he", "she", "engineer", "operator", "developer", "admin",
                                     "administrator", "intern", "contractor", "dev", "sre", "on-call", "oncall", "reviewer"]
    /// Roles that also name a person as an agent or an owner ("caused by engineers", "a mistake by
    /// a human", "the DBA's mistake"). All of them are in the first test every word meets
    /// (``peopleAndRolesFilter``), so a longer list costs only the words that pass it.
    static let agentRoles: Set<String> = subjectRoles.union(["human", "humans"])
    /// Roles that are the subject of a failure ("the engineers ignored", "the DBA accidentally
    /// deleted"): ``roles``, their plurals and a few more. Not "human": "human error" is PM012's.
    static let subjectRoles: Set<String> = roles.union(["engineers", "developers", "devs", "admins", "administrators", "dba",
                                                        "dbas", "sres", "interns", "contractors", "reviewers", "operators",
                                                        "responder", "responders", "on-callers", "oncallers", "lead", "leads",
                                                        "commander", "on-caller", "oncaller"])
    /// The kinds of manager that are a person's role ("the release manager ignored", "caused by
    /// the incident manager"); a manager of anything else is as often software ("the failover
    /// manager", "the connection manager").
    static let managerKinds: Set<String> = ["release", "incident", "engineering", "product", "program", "programme", "project",
                                            "duty", "shift", "change", "delivery", "escalation"]

    /// True when word `i`, whose text is `text`, is "manager" or "managers" after one of
    /// ``managerKinds``.
    static func isManagerRole(_ text: String, _ line: ProseLine, _ i: Int) -> Bool {
        (text == "manager" || text == "managers") && i > 0 && managerKinds.contains(line.text(i - 1))
    }

    let people: Set<String>
    /// Names that are never people (``knownSystems`` and `systems`), lowercased.
    let systems: Set<String>
    /// Infrastructure that a capitalised name before a verb only people do ("Redis forgot") or a
    /// role ("the Postgres operator") more often is than a person.
    static let knownSystems: Set<String> = ["redis", "kafka", "postgres", "postgresql", "mysql", "mariadb", "mongodb",
                                            "cassandra", "elasticsearch", "opensearch", "okta", "airflow", "kubernetes",
                                            "k8s", "consul", "vault", "etcd", "zookeeper", "nginx", "envoy", "haproxy",
                                            "istio", "terraform", "jenkins", "argocd", "argo", "prometheus", "grafana",
                                            "datadog", "cloudflare", "akamai", "fastly", "aws", "gcp", "azure", "dynamodb",
                                            "bigquery", "snowflake", "spark", "rabbitmq", "memcached", "celery", "sidekiq",
                                            "nomad", "docker", "containerd", "systemd", "ceph", "github", "gitlab", "vitess",
                                            "cockroachdb", "clickhouse", "flink", "hadoop", "hdfs", "keycloak", "traefik"]
    /// The failure verbs (built-in, then `verbs`) by their first word, each group in list order.
    let verbsByFirstWord: [String: [[String]]]

    /// The first test for ``people`` and ``agentRoles`` (which hold ``roles``); each document adds
    /// its authors to a copy.
    let peopleAndRolesFilter: WordPrefilter

    public init(options: RuleOptions) throws(ConfigurationError) {
        people = Set(try options.strings("people", default: []).map { $0.lowercased() })
        systems = Self.knownSystems.union(try options.strings("systems", default: []).map { $0.lowercased() })
        peopleAndRolesFilter = WordPrefilter(people.union(Self.agentRoles))
        let verbs = (Self.builtInVerbs + (try options.strings("verbs", default: []))).map(BlameLanguageRule.words).filter { !$0.isEmpty }
        verbsByFirstWord = Dictionary(grouping: verbs, by: { $0[0] })
    }

    public func check(_ context: LintContext) -> [Violation] {
        // The authors' handles and first names; with ``people``, the names a person can go by.
        let authorNames = ProseText.authorNames(context.postmortem.authors)
        // One test per word finds the few that need a closer look. The people and roles are the
        // same for every document, so only the authors are added here.
        // (A constant: the function below captures it, and a variable would be read through a box.)
        let mayBeNameOrRole = {
            var filter = peopleAndRolesFilter
            for name in authorNames { filter.insert(name) }
            return filter
        }()
        func isName(_ text: String) -> Bool { people.contains(text) || authorNames.contains(text) }
        // The services this document and pm.yml's SLOs name are systems too ("Atlas forgot its
        // leader" in a postmortem of `services: [atlas]`). Asked only of a capitalised word
        // before a verb only people do, so the set is made when the first such word is met.
        var serviceNames: Set<String>? = nil
        func isSystem(_ text: String) -> Bool {
            if systems.contains(text) { return true }
            if serviceNames == nil { serviceNames = Self.serviceNames(context.postmortem.services, context.configuration.slos) }
            return serviceNames?.contains(text) == true
        }
        let personOnlyFirstWordFilter = Self.personOnlyFirstWordFilter
        func matches(in line: ProseLine) -> [BlamePhrase] {
            var result: [BlamePhrase] = []
            let words = line.words
            let bytes = line.bytes
            // Whether the line can hold a possessive at all, found with memchr.
            let mayHavePossessive = ByteSearch.contains(UInt8(ascii: "'"), in: bytes) || ByteSearch.contains(0x99, in: bytes)
            for i in words.indices.dropLast() {
                let word = words[i]
                // "by @dana.k", "due to", "because of", "Dana's oversight": only words of two
                // letters or that end in `'s` are looked at, on their bytes.
                let length = word.end - word.start
                if length == 2, i > 0,
                   Self.mayBeAgentWord(first: bytes[word.start] | 0x20, last: bytes[word.end - 1] | 0x20, before: words[i - 1]),
                   let passive = passiveAgent(line, i, isName: isName), line.inOneCell(from: passive.first, through: passive.last) {
                    result.append(passive)
                    continue
                }
                // "Dana's", or a plural's "engineers'" (the apostrophe after the word: a word takes
                // in an apostrophe only before a letter).
                // A curly one at the end stays in the word, as any byte above 0x7F does ("SREs’").
                if mayHavePossessive, length > 2,
                   bytes[word.end - 1] | 0x20 == UInt8(ascii: "s")
                    && (bytes[word.end - 2] == UInt8(ascii: "'") || bytes[word.end - 2] == 0x99 || Self.apostropheFollows(bytes, word.end))
                    || length > 4 && bytes[word.end - 1] == 0x99 && bytes[word.end - 4] | 0x20 == UInt8(ascii: "s"),
                   let possessive = possessive(line, i, isName: isName) {
                    result.append(possessive)
                    continue
                }
                // Cheapest tests first; each later one only runs when the earlier ones fail. A
                // text starts with `@` exactly when the word as written does.
                let first = bytes[word.start]
                var isSubject = first == UInt8(ascii: "@")
                if !isSubject, mayBeNameOrRole.mayContain(line, i) {
                    let text = line.text(i)
                    // An operator after a system's name is software ("the Postgres operator").
                    isSubject = Self.subjectRoles.contains(text) && !isSoftwareOperator(line, i) || isName(text) && Self.startsUppercase(line, i)
                }
                // "the release manager": compared on bytes, since "manager" in the first test would
                // let "monitor" and its like through it.
                if !isSubject, length == 7 || length == 8, first | 0x20 == UInt8(ascii: "m"), Self.isManagerRole(line.text(i), line, i) {
                    isSubject = true
                }
                // A lowercase ASCII first letter rules out the capitalised name.
                guard isSubject || first >= 0x80 || first >= 65 && first <= 90 else { continue }
                if !isSubject, Self.startsUppercase(line, i), personOnlyFirstWordFilter.mayContain(line, i + 1),
                   Self.personOnlyFirstWords.contains(line.text(i + 1)),
                   Self.isCapitalised(line.original(i)), case let text = line.text(i), !Self.nobody.contains(text), !isSystem(text),
                   !Self.adverbs.contains(text) {
                    isSubject = Self.personOnlyVerbs.contains { line.matches($0, at: i + 1) }
                }
                guard isSubject else { continue }
                // Words between the subject and its verb: a role's "on call" (or duty, shift: "the
                // engineer on call ignored"), or words set apart by commas ("Dana, on call that
                // night, missed the page").
                let appositive = Self.appositiveEnd(line, after: i)
                let between = appositive.map { $0 - i } ?? (i + 3 < words.count && line.text(i + 1, is: "on") && Self.duties.contains(line.text(i + 2)) ? 2 : 0)
                // The verb right after the subject, or after one adverb ("Dana then forgot").
                var flagged = false
                for offset in [1 + between, 2 + between] where i + offset < words.count {
                    // Verbs with another first word cannot match here, so the first match in the
                    // group is the first in the whole list.
                    guard let group = verbsByFirstWord[line.text(i + offset)],
                          let verb = group.first(where: { line.matches($0, at: i + offset) }) else { continue }
                    // "Dana never forgot" is no failure; in "@li.w @dana.k forgot" the subject is
                    // the second handle, which its own turn reports.
                    if offset == 2 + between, Self.negations.contains(line.text(i + between + 1)) || bytes[words[i + between + 1].start] == UInt8(ascii: "@") { break }
                    // The word between is an adverb or "had" ("Dana then forgot", "Dana quickly
                    // forgot", "Dana had missed"), not what the name modifies ("the Dana cluster
                    // forgot its leader").
                    if offset == 2 + between, case let between = line.text(i + between + 1), !Self.isAdverb(between), !Self.perfects.contains(between) { break }
                    // "…paged the on-call. Redis forgot…": a sentence ends between them; a comma that
                    // closes no words set apart ("Dana, and then…") ends the phrase too.
                    if bytes[words[i + between].end..<words[i + offset].start].contains(where: { Self.endsSentence($0) || $0 == UInt8(ascii: ",") && appositive == nil }) { break }
                    let after = i + offset + verb.count
                    // "failed over", "failed back", "failed the database over to the standby"
                    // describe a failover.
                    if verb == ["failed"], Self.particle(in: line, after: after, within: 4, from: Self.systemFailures) { continue }
                    if Self.excused(verb, in: line, subject: i, after: after) { break }
                    result.append(BlamePhrase(from: i, through: i + offset + verb.count - 1, .subject))
                    flagged = true
                    break
                }
                // "Dana restarted the pod and forgot the page": a failure after "and" in the
                // subject's own clause.
                if !flagged, let phrase = coordinated(line, subject: i, from: i + 1 + between) { result.append(phrase) }
            }
            return result
        }
        var result: [Violation] = []
        // A paragraph at a time, so a sentence wrapped across lines is read as it runs.
        for paragraph in context.paragraphs {
            for phrase in matches(in: paragraph.line) {
                result.append(phrase.violation(in: paragraph.line, at: paragraph.range(from: phrase.first, through: phrase.last)))
            }
        }
        return result
    }

    /// The names of `services` and of the services `slos` are for, lowercased, each whole and
    /// each of its parts between `-`, `_`, `.` and `/` ("checkout-api" gives "checkout-api",
    /// "checkout" and "api"): how a postmortem's prose names the services it is about.
    static func serviceNames(_ services: [String], _ slos: [SLODefinition]) -> Set<String> {
        var names: Set<String> = []
        for service in services + slos.flatMap(\.services) {
            let name = service.lowercased()
            names.insert(name)
            for part in name.split(whereSeparator: { "-_./".contains($0) }) { names.insert(String(part)) }
        }
        return names
    }

    /// True when word `i` of `line` is "operator" (or "operator's") after a system's name ("the
    /// Postgres operator", a Kubernetes operator): ``systemBefore(_:_:systems:)``.
    func isSoftwareOperator(_ line: ProseLine, _ i: Int) -> Bool {
        Self.isSoftwareOperator(line, i, systems: systems)
    }

    static func isSoftwareOperator(_ line: ProseLine, _ i: Int, systems: Set<String>) -> Bool {
        // Every role a subject may be is asked; only words that start with an "o" are read on.
        guard i > 0, line.bytes[line.words[i].start] | 0x20 == UInt8(ascii: "o"),
              operatorWords.contains(where: { line.text(i, is: $0) }) else { return false }
        return systemBefore(line, i, systems: systems)
    }

    /// True when word `i - 1` of `line` names a system that word `i` belongs to: one of
    /// `systems`, or a capitalised word inside a sentence ("the Kafka operator"; not "The", the
    /// first word after a full stop, or an abbreviation in capitals: "the NOC operator").
    static func systemBefore(_ line: ProseLine, _ i: Int, systems: Set<String>) -> Bool {
        let before = line.text(i - 1)
        if systems.contains(before) { return true }
        // "the cert-manager operator", "the strimzi-kafka operator": a hyphenated name that ends
        // in a software word or holds a system ("the night-shift operator" and "the tier-2
        // operator" are people).
        if before.utf8.contains(UInt8(ascii: "-")) {
            let parts = before.split(separator: "-").map(String.init)
            if let last = parts.last, softwareParts.contains(last) || parts.contains(where: systems.contains) { return true }
        }
        // "the CloudNativePG operator": a capital after a lower-case letter inside a word names a
        // product ("the DevOps operator" and "the SecOps operator" are teams' people).
        let written = Array(line.original(i - 1).utf8)
        if !before.hasSuffix("ops"), written.indices.dropFirst().contains(where: { k in
            written[k] >= 65 && written[k] <= 90 && written[k - 1] >= 97 && written[k - 1] <= 122
        }) { return true }
        guard isCapitalised(line.original(i - 1)), !nobody.contains(before), !BlameLanguageRule.thingDeterminers.contains(before) else { return false }
        // Not the first word of a sentence.
        return i - 1 > 0 && !line.bytes[line.words[i - 2].end..<line.words[i - 1].start].contains(where: endsSentence)
    }

    /// True when a straight apostrophe stands at byte `i`, right after a word (a curly one there
    /// is part of the word: see ``possessive(_:_:isName:)``).
    static func apostropheFollows(_ bytes: [UInt8], _ i: Int) -> Bool {
        i < bytes.count && bytes[i] == UInt8(ascii: "'")
    }

    /// (A curly apostrophe before a letter is straightened in a word's text; at a word's end it
    /// stays: "operators’".)
    static let operatorWords = ["operator", "operators", "operator's", "operators\u{2019}"]

    /// Last parts of hyphenated software names before "operator".
    static let softwareParts: Set<String> = ["manager", "controller", "operator", "agent", "proxy", "server", "service", "api",
                                             "db", "sql", "k8s", "io", "mesh", "gateway"]

    /// Past forms not in -ed that can follow an agent ("a mistake by @sam.o took down checkout").
    static let irregularPastVerbs: Set<String> = ["took", "broke", "left", "brought", "sent", "made", "cost", "kept", "let",
                                                  "put", "set", "ran", "hit", "cut", "shut", "held", "gave", "meant", "lost",
                                                  "led", "knocked", "tore", "threw", "wrote", "drove", "froze", "forgot"]

    /// Words after "broke" that make an idiom of it: "broke glass", "broke down the timeline",
    /// "broke even", "broke ground".
    static let brokeIdioms: Set<String> = ["glass", "down", "even", "ground", "into", "up", "tie", "ties", "apart", "away"]

    /// Nouns that make an idiom of "broke the …" when nothing follows them but a preposition or
    /// the end of the clause: "broke the news to support", not "broke the news feed".
    static let brokeTheIdioms: Set<String> = ["news", "silence", "ice", "record"]
    static let prepositions: Set<String> = ["to", "with", "on", "for", "of", "about", "in", "at", "and", "by", "when", "after"]

    /// True when failure verb `verb` of subject `subject`, ending before word `after`, is no
    /// failure of theirs: a failover ("failed the database over"), an idiom ("broke glass",
    /// "broke the tie"), luck ("accidentally discovered"), a drill done on purpose, or "forgot
    /// nothing".
    static func excused(_ verb: [String], in line: ProseLine, subject: Int, after: Int) -> Bool {
        let count = line.words.count
        if verb == ["failed"], particle(in: line, after: after, within: 4, from: systemFailures) { return true }
        // "@dana.k broke glass" (emergency access, as the runbook says), "broke down the
        // timeline", "broke the migration into batches", "broke up the rollout", "broke the tie":
        // idioms, not damage.
        if verb == ["broke"], particle(in: line, after: after, within: 5, from: brokeIdioms)
            || brokeTheIdiom(line, after: after) || after < count && line.text(after, is: "for") { return true }
        // "engineers accidentally discovered the fix": luck, not a failure.
        if verb == ["accidentally"], after < count, findingVerbs.contains(line.text(after)) { return true }
        // A game day: "engineers deliberately broke the primary to test failover", "failed the
        // build on purpose". Only for what a drill does (break, fail, misconfigure): "Dana
        // deliberately ignored the page" is still blame, and so is "not on purpose".
        if intentVerbs.contains(verb[0]), intended(line, subject: subject, after: after) { return true }
        // "Dana forgot nothing".
        return after < count && nothing.contains(line.text(after))
    }

    /// Words that start a clause of another subject, after which an "and" is not the subject's
    /// ("Dana saw that the replica lagged and ignored writes": the replica ignored them).
    static let subordinators: Set<String> = ["that", "which", "who", "whom", "whose", "when", "while", "because", "as", "if",
                                             "after", "before", "since", "until", "where", "but", "though", "although",
                                             "unless", "whether", "so", "or"]
    static let subordinatorFilter = WordPrefilter(subordinators)
    static let irregularPastFilter = WordPrefilter(irregularPastVerbs)

    /// True when word `k` is a past verb ("lagged", "ran"): in -ed, or one of
    /// ``irregularPastVerbs``; tested on its bytes first.
    static func isPastVerb(_ line: ProseLine, _ k: Int) -> Bool {
        let span = line.words[k]
        // "-ed", but not "-eed" ("need", "speed").
        if span.length > 3, line.bytes[span.end - 2] | 0x20 == UInt8(ascii: "e"), line.bytes[span.end - 1] | 0x20 == UInt8(ascii: "d"),
           line.bytes[span.end - 3] | 0x20 != UInt8(ascii: "e") { return true }
        return irregularPastFilter.mayContain(line, k) && irregularPastVerbs.contains(line.text(k))
    }

    /// "Dana restarted the pod and forgot the page", "the engineer ran the migration and then
    /// skipped the check": the subject at `subject`, a past verb of theirs at `start` (after
    /// one adverb at most), then within twelve words of that clause `and`, an adverb at most,
    /// and a failure verb not excused (``excused(_:in:subject:after:)``). Nil at the end of the
    /// sentence, a comma not before `and`, a word that starts another clause, another past verb
    /// ("Dana noticed the replica lagged and ignored writes": the replica's, with "that" left
    /// out), or an `and` not followed by a verb (another subject may follow it: "and the cache
    /// dropped").
    func coordinated(_ line: ProseLine, subject: Int, from start: Int) -> BlamePhrase? {
        let words = line.words, count = words.count
        var first = start
        if first < count, Self.isAdverb(line.text(first)) { first += 1 }
        guard first < count - 2 else { return nil }
        // Most clauses have no "and": it is looked for first, on bytes.
        guard (first + 1..<min(count, first + 12)).contains(where: { words[$0].length == 3 && line.text($0, is: "and") }), Self.isPastVerb(line, first),
              !line.bytes[words[subject].end..<words[first].start].contains(where: Self.endsSentence) else { return nil }
        var j = first + 1
        while j < min(count, first + 12) {
            let gap = line.bytes[words[j - 1].end..<words[j].start]
            if gap.contains(where: Self.endsSentence) { return nil }
            let isAnd = words[j].length == 3 && line.text(j, is: "and")
            if gap.contains(UInt8(ascii: ",")), !isAnd { return nil }
            if Self.subordinatorFilter.mayContain(line, j), Self.subordinators.contains(line.text(j)) { return nil }
            // Another past verb is another clause's ("the replica lagged"), unless a determiner
            // makes it an adjective ("the unreviewed config", "the affected users").
            if !isAnd, Self.isPastVerb(line, j), !Self.determiners.contains(line.text(j - 1)) { return nil }
            if isAnd {
                // The failure right after `and`, or after an adverb that is none ("and then").
                func failure(at k: Int) -> [String]? {
                    guard k < count else { return nil }
                    return verbsByFirstWord[line.text(k)]?.first { line.matches($0, at: k) }
                }
                var k = j + 1
                if failure(at: k) == nil, k < count, Self.isAdverb(line.text(k)) { k += 1 }
                guard k < count, !line.bytes[words[j].end..<words[k].start].contains(where: { Self.endsSentence($0) || $0 == UInt8(ascii: ",") }),
                      let verb = failure(at: k) else { return nil }
                let after = k + verb.count
                guard !Self.excused(verb, in: line, subject: subject, after: after), line.inOneCell(from: subject, through: after - 1) else { return nil }
                return BlamePhrase(from: subject, through: after - 1, .subject)
            }
            j += 1
        }
        return nil
    }

    /// True when words `after` on read "the" and one of ``brokeTheIdioms`` that ends its phrase.
    static func brokeTheIdiom(_ line: ProseLine, after: Int) -> Bool {
        guard after + 1 < line.words.count, line.text(after, is: "the"), brokeTheIdioms.contains(line.text(after + 1)) else { return false }
        let next = after + 2
        return next >= line.words.count || prepositions.contains(line.text(next))
            || line.bytes[line.words[after + 1].end..<line.words[next].start].contains(where: { endsSentence($0) || $0 == UInt8(ascii: ",") })
    }

    /// What a role is on before the verb: "the engineer on call", "the SRE on duty".
    static let duties: Set<String> = ["call", "duty", "shift", "site", "rotation"]

    /// Verbs after "accidentally" that are luck: "accidentally discovered the fix".
    static let findingVerbs: Set<String> = ["discovered", "found", "noticed", "learned", "learnt", "uncovered", "fixed",
                                            "benefited", "benefitted", "spotted", "caught", "resolved", "solved"]

    /// Words that make a failure on purpose (a game day or a drill), not a person's failure.
    /// ("Dana missed the drill" is still flagged: the drill is what was missed.)
    static let intentWords: Set<String> = ["deliberately", "intentionally", "purposely", "purposefully", "gameday", "game-day"]

    /// The verbs a drill or a game day is made of.
    static let intentVerbs: Set<String> = ["broke", "failed", "caused", "misconfigured", "accidentally"]

    /// True when the words from the subject to the verb's end, or the verb's own clause after it
    /// (up to ten words, to a comma, the end of the sentence or a conjunction), say it was on
    /// purpose, and no negation stands right before that ("Dana broke prod, though not on
    /// purpose", "…it wasn't on purpose").
    static func intended(_ line: ProseLine, subject: Int, after: Int) -> Bool {
        func intent(_ k: Int) -> Bool {
            let onPurpose = k > 0 && line.text(k, is: "purpose") && line.text(k - 1, is: "on")
            guard onPurpose || intentWords.contains(line.text(k)) else { return false }
            let before = k - (onPurpose ? 2 : 1)
            return before < 0 || !intentNegations.contains(line.text(before))
        }
        if (subject..<min(after, line.words.count)).contains(where: intent) { return true }
        var k = after
        while k < min(line.words.count, after + 10) {
            if k > after, line.bytes[line.words[k - 1].end..<line.words[k].start].contains(where: { endsSentence($0) || $0 == UInt8(ascii: ",") }) {
                return false
            }
            if intent(k) { return true }
            if clauseEnds.contains(line.text(k)) && !line.text(k, is: "to") { return false }
            k += 1
        }
        return false
    }

    static let intentNegations: Set<String> = ["not", "never", "hardly", "wasn't", "didn't", "isn't", "no", "without"]

    /// The last word of words set apart by commas right after word `i` ("Dana, on call that
    /// night, missed": "night"), when a comma follows `i` and another closes them within eight
    /// words of the same sentence; nil otherwise ("Operators, paged by a stale rule,
    /// acknowledged…" then reads "acknowledged" as the verb).
    static func appositiveEnd(_ line: ProseLine, after i: Int) -> Int? {
        let words = line.words, bytes = line.bytes
        guard i + 2 < words.count, bytes[words[i].end..<words[i + 1].start].contains(UInt8(ascii: ",")) else { return nil }
        var c = i + 1
        while c + 1 < min(words.count, i + 10) {
            let gap = bytes[words[c].end..<words[c + 1].start]
            if gap.contains(where: endsSentence) { return nil }
            if gap.contains(UInt8(ascii: ",")) { return c }
            c += 1
        }
        return nil
    }

    /// True when one of `particles` is among the `within` words from `start` that belong to the
    /// verb's own clause: the words stop at a comma, the end of the sentence, "to" or a
    /// conjunction ("failed the database over" is a failover; "failed to roll back" and "broke
    /// prod and latency went up" are not).
    static func particle(in line: ProseLine, after start: Int, within count: Int, from particles: Set<String>) -> Bool {
        var k = start
        while k < min(line.words.count, start + count) {
            if k > start, line.bytes[line.words[k - 1].end..<line.words[k].start].contains(where: { endsSentence($0) || $0 == UInt8(ascii: ",") }) {
                return false
            }
            let text = line.text(k)
            if particles.contains(text) { return true }
            if clauseEnds.contains(text) { return false }
            k += 1
        }
        return false
    }

    static let clauseEnds: Set<String> = ["to", "and", "but", "or", "so", "then", "while", "when", "because", "after", "before"]

    /// Words that can stand between a subject and its verb: adverbs in -ly and a few others.
    static func isAdverb(_ word: String) -> Bool {
        word.hasSuffix("ly") && !notAdverbs.contains(word) || adverbs.contains(word)
    }
    /// Nouns in -ly ("the Dana assembly broke").
    static let notAdverbs: Set<String> = ["assembly", "supply", "anomaly", "family", "reply", "rally", "ally", "italy", "july",
                                          "fly", "monopoly", "poly", "belly", "jelly", "bully", "lily", "holly", "kelly",
                                          "emily", "molly", "sally", "polly", "dolly"]
    /// "Dana had missed the page": the perfect, which one word may stand before the verb for.
    static let perfects: Set<String> = ["had", "has", "have"]
    static let adverbs: Set<String> = ["then", "also", "later", "again", "still", "just", "once", "first", "already",
                                       "herself", "himself", "themselves", "myself", "ourselves", "yourself", "soon",
                                       "even", "twice", "often", "sometimes"]

    /// Punctuation that ends a sentence or a clause between a subject and its verb, and a table
    /// cell's border.
    static func endsSentence(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
            || byte == UInt8(ascii: "|")
    }

    static let suggestion = "make the system the subject: what allowed this action, and what made it reasonable at the time?"

    /// Failure words a passive sentence names a person after ("caused by @dana.k", "a mistake
    /// made by Dana"): the word before `by`, or the one before `made by` or `committed by`.
    static let passiveFailureWords: Set<String> = ["caused", "broken", "broke", "missed", "overlooked", "ignored", "forgotten",
                                                   "botched", "neglected", "mistake", "error", "oversight", "negligence",
                                                   "blunder", "fault"]
    /// Nouns that make a possessive a blame ("Dana's oversight"), after a person.
    static let possessiveFailureNouns: Set<String> = ["mistake", "oversight", "negligence", "carelessness", "blunder", "fault",
                                                      "error", "failure", "screw-up", "slip-up", "mistakes", "errors"]
    /// Capitalised at the start of a sentence, but nobody in particular ("Nobody's mistake").
    static let nobody: Set<String> = ["nobody", "anybody", "anyone", "everybody", "everyone", "somebody", "someone", "it", "that", "what"]
    /// Words between `by` and a role ("by an engineer", "by the on-call").
    static let determiners: Set<String> = ["a", "an", "the", "one", "our", "their", "another"]

    /// A finding's words: from word `first` to word `last` of a line, and what they make the person.
    struct BlamePhrase {
        let first: Int, last: Int
        let role: Role

        /// What the words make the person, said after they are quoted.
        enum Role: String {
            case subject = "makes a person the subject of a failure"
            case agent = "names a person as the agent of a failure"
            case owner = "calls it a person's failure"
        }

        init(from first: Int, through last: Int, _ role: Role) {
            self.first = first
            self.last = last
            self.role = role
        }

        /// The finding: the words quoted as written in `line`, then what they do.
        func violation(in line: ProseLine, at range: SourceRange) -> Violation {
            Violation("\"\(line.quoted(from: first, through: last))\" \(role.rawValue)", at: range, suggestion: PersonBlamedRule.suggestion)
        }
    }

    /// True when word `i` is a person: a handle, a role, or one of `isName`'s names written as a
    /// name (capitalised: a lowercase "dana" may be a word). `text` is the word's text, or its part
    /// before `'s`.
    static func isPerson(_ text: String, _ line: ProseLine, _ i: Int, isName: (String) -> Bool) -> Bool {
        text.hasPrefix("@") || agentRoles.contains(text) || isManagerRole(text, line, i) || isName(text) && startsUppercase(line, i)
    }

    /// Words that cancel a failure verb after the subject ("Dana never forgot"), and objects
    /// that do ("Dana forgot nothing").
    static let negations: Set<String> = ["never", "not", "hardly"]
    /// Words after "failed" that make it a system's move: "failed over", "failed back".
    static let systemFailures: Set<String> = ["over", "back", "open", "closed"]
    /// The forms of "be" in "the mistake was made by".
    static let passiveBe: Set<String> = ["was", "were", "been", "is"]
    /// Words before "due to" or "because of" that make what follows the cause of harm ("the
    /// outage was due to @dana.k"), not of something good ("recovered early due to @li.w").
    static let harmWords: Set<String> = passiveFailureWords.union(["outage", "outages", "delay", "delays", "delayed", "failure",
                                                                  "failures", "incident", "errors", "downtime", "problem", "problems",
                                                                  "issue", "issues", "breakage", "loss", "lost", "broken", "failed"])
    /// Objects that cancel a failure verb ("Dana forgot nothing").
    static let nothing: Set<String> = ["nothing", "none", "nobody", "no"]
    /// Words that may follow a person who ends a phrase ("caused by the on-call, who…", "by @dana.k
    /// at 14:02"); any other word makes the role a modifier ("the on-call rotation change").
    static let phraseEnds: Set<String> = ["who", "that", "and", "or", "on", "at", "in", "during", "when", "while", "after",
                                          "before", "with", "for", "to", "by", "as", "because", "since", "was", "were",
                                          "had", "has", "then", "than", "but", "so", "which", "without", "from", "into", "under",
                                          // When: "caused by @dana.k yesterday", "… again", "… last week".
                                          "today", "yesterday", "tonight", "again", "earlier", "later", "last", "this", "once",
                                          "twice", "too", "also", "alone", "directly", "accidentally", "mistakenly"]
    /// Adjectives between a determiner and a role ("by a new engineer").
    static let roleAdjectives: Set<String> = ["new", "junior", "senior", "tired", "inexperienced", "single", "lone"]

    /// The person named from word `start` on ("@dana.k", "Dana", "the on-call", "a new
    /// engineer"): the index of their last word, or nil when the words there are no person. A
    /// possessive ("@dana.k's script") or a role that modifies the next word ("the on-call rotation
    /// change") is no person either.
    func agent(_ line: ProseLine, from start: Int, isName: (String) -> Bool) -> Int? {
        let count = line.words.count
        guard start < count else { return nil }
        var agent = start
        if Self.determiners.contains(line.text(agent)) {
            agent += 1
            if agent < count - 1, Self.roleAdjectives.contains(line.text(agent)) { agent += 1 }
            // "the release manager": the role is the word after its kind.
            if agent < count - 1, Self.isManagerRole(line.text(agent + 1), line, agent + 1) { agent += 1 }
            guard agent < count, Self.agentRoles.contains(line.text(agent)) || Self.isManagerRole(line.text(agent), line, agent) else { return nil }
        }
        let text = line.text(agent)
        guard !text.hasSuffix("'s"), Self.isPerson(text, line, agent, isName: isName) else { return nil }
        let next = agent + 1
        guard next < count else { return agent }
        // Punctuation between the person and the next word ends the phrase.
        if line.bytes[line.words[agent].end..<line.words[next].start].contains(where: { ",.;:)!?".utf8.contains($0) }) { return agent }
        let following = line.text(next)
        if Self.phraseEnds.contains(following) { return agent }
        // What they did: "caused by @dana.k pushing…", "by the on-call delayed…". After a role,
        // a word in -ing is a verb only before an object ("engineers skipping the check"), not
        // in a compound ("the engineer onboarding script").
        if following.hasSuffix("ed") || Self.irregularPastVerbs.contains(following) { return agent }
        // "caused by @sam.o not running the validator": what they did not do.
        if following == "not" || following == "never", next + 1 < count, line.text(next + 1).hasSuffix("ing") { return agent }
        if following.hasSuffix("ing") {
            if !Self.agentRoles.contains(text) && !Self.isManagerRole(text, line, agent) || next + 1 >= count { return agent }
            return Self.determiners.contains(line.text(next + 1)) ? agent : nil
        }
        return nil
    }

    /// True when a two-letter word (its first and last bytes lowercased) may be `by`, the `to` of
    /// `due to` or the `of` of `because of` (after a word of 3 or 7 bytes): the test before
    /// ``passiveAgent(_:_:isName:)``, which "to" and "of" everywhere made a tenth of lint's time.
    @inline(__always)
    static func mayBeAgentWord(first: UInt8, last: UInt8, before: WordSpan) -> Bool {
        if first == UInt8(ascii: "b") { return last == UInt8(ascii: "y") }
        if first == UInt8(ascii: "t") { return last == UInt8(ascii: "o") && before.end - before.start == 3 }
        if first == UInt8(ascii: "o") { return last == UInt8(ascii: "f") && before.end - before.start == 7 }
        return false
    }

    /// "caused by @dana.k", "a mistake made by an engineer", "due to @dana.k pushing": `by` at
    /// word `i` after a failure word (see ``passiveFailureWords``; "caused directly by", "the
    /// mistake was made by"), or `due to` and `because of`, then a person (``agent(_:from:isName:)``).
    func passiveAgent(_ line: ProseLine, _ i: Int, isName: (String) -> Bool) -> BlamePhrase? {
        let span = line.words[i]
        guard span.end - span.start == 2, i > 0 else { return nil }
        if line.text(i, is: "to") || line.text(i, is: "of") {
            guard line.text(i, is: "to") ? line.text(i - 1, is: "due") : line.text(i - 1, is: "because"),
                  (max(0, i - 8)..<(i - 1)).contains(where: { Self.harmWords.contains(line.text($0)) }),
                  let agent = agent(line, from: i + 1, isName: isName) else { return nil }
            return BlamePhrase(from: i - 1, through: agent, .agent)
        }
        guard line.text(i, is: "by"), let agent = agent(line, from: i + 1, isName: isName) else { return nil }
        let before = line.text(i - 1)
        if Self.passiveFailureWords.contains(before) { return BlamePhrase(from: i - 1, through: agent, .agent) }
        guard i >= 2 else { return nil }
        // "caused directly by".
        if before.hasSuffix("ly"), Self.passiveFailureWords.contains(line.text(i - 2)) { return BlamePhrase(from: i - 2, through: agent, .agent) }
        // "a mistake made by", "the mistake was made by", "an error committed by".
        guard before == "made" || before == "committed" else { return nil }
        if Self.passiveFailureWords.contains(line.text(i - 2)) { return BlamePhrase(from: i - 2, through: agent, .agent) }
        if i >= 3, Self.passiveBe.contains(line.text(i - 2)), Self.passiveFailureWords.contains(line.text(i - 3)) {
            return BlamePhrase(from: i - 3, through: agent, .agent)
        }
        return nil
    }

    /// "@dana.k's mistake", "the engineer's carelessness": word `i` ends in `'s` and is a person
    /// (a handle, an author, a name from `people`, a role), and the next word is a failure noun.
    /// A capitalised name nobody declared is left alone ("Cloudflare's mistake", "Friday's
    /// mistake"), and so is supervision ("under Dana's oversight").
    func possessive(_ line: ProseLine, _ i: Int, isName: (String) -> Bool) -> BlamePhrase? {
        // The word's text has its curly apostrophe straightened: "dana's".
        let text = line.text(i)
        guard i + 1 < line.words.count, Self.possessiveFailureNouns.contains(line.text(i + 1)) else { return nil }
        let owner: String
        if text.hasSuffix("'s") {
            owner = String(text.dropLast(2))
        } else if Self.apostropheFollows(line.bytes, line.words[i].end) || text.hasSuffix("s\u{2019}") {
            // A plural's possessive names a role ("the engineers' oversight"), not a name.
            owner = text.hasSuffix("\u{2019}") ? String(text.dropLast()) : text
            guard Self.agentRoles.contains(owner) || Self.isManagerRole(owner, line, i) else { return nil }
        } else {
            return nil
        }
        guard !owner.isEmpty, Self.isPerson(owner, line, i, isName: isName), !isSoftwareOperator(line, i),
              line.inOneCell(from: i, through: i + 1) else { return nil }
        if i > 0, line.text(i - 1) == "under" { return nil }
        return BlamePhrase(from: i, through: i + 1, .owner)
    }
}
