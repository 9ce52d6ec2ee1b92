/// PM012: counterfactual and blaming phrases in the author's own prose.
public struct BlameLanguageRule: LintRule {
    public static let description = RuleDescription(
        id: "PM012", alias: "blame-language", name: "Blame and counterfactual language",
        summary: "Prose does not use counterfactuals or blame (\"should have\", \"failed to\", \"human error\", \"careless\", \"simply\").",
        rationale: "Counterfactuals describe a world that did not happen and blame stops the analysis at a person; both hide the conditions that made the action reasonable at the time, which are what the team can change.",
        category: .language, defaultSeverity: .warning,
        options: [
            RuleOption("phrases", default: "[]", help: "Extra phrases to flag, added to the built-in list (case-insensitive, whole words)."),
            RuleOption("allow", default: "[]", help: "Built-in phrases not to flag."),
            RuleOption("check_quotes", default: "false", help: "Also check block quotes and chat-log lines in the timeline (`@handle: …`, `\"…\"`)."),
        ],
        triggeringExamples: [
            RuleExamples.document(sections: ["What went wrong": "- The on-call engineer ↓should have checked the pool size before pushing."]),
            RuleExamples.document(sections: ["Contributing factors": "- **Process:** ↓Human error during the config push.\n- **Config:** The proxy accepted an empty pool."]),
            RuleExamples.document(sections: ["What went wrong": "- We ↓failed to verify that the pool was populated, and ↓failed to predict the load."]),
            RuleExamples.document(sections: ["What went wrong": "- The reviewer ↓failed to notice the empty pool; the fix was ↓simply to revert."]),
            RuleExamples.document(sections: ["What went wrong": "- The config ↓should not have been pushed on a Friday; the pool was emptied ↓by mistake."]),
            RuleExamples.document(sections: ["What went wrong": "- The pool size was known, and the engineer ↓should\n  have checked it before pushing."]),
            RuleExamples.document(sections: ["What went wrong": "- ↓Had the runbook been followed, the outage ↓would have been avoided."]),
        ],
        nonTriggeringExamples: [
            RuleExamples.document(),
            RuleExamples.document(sections: ["What went wrong": "- The capacity model failed to predict the load, and our monitoring failed to notice the queue."]),
            RuleExamples.document(sections: ["What went wrong": "> The customer wrote: \"you should have warned us\"\n\n- The status page was updated 20 minutes after impact began."]),
            RuleExamples.document(sections: ["Timeline": "All times UTC.\n\n- 14:02 UTC: Checkout 5xx ratio rises to 35%.\n- 14:10 UTC: @dana.k: I think the push failed to apply\n- 14:41 UTC: Config 4811 is restored."]),
            RuleExamples.document(sections: ["Summary": "The retry loop `should have` exited; see `failed_to_connect` in the logs."]),
            RuleExamples.document(sections: ["What went wrong": "- Most edge nodes failed to load the new config, so traffic failed to reach the pool."]),
            RuleExamples.document(sections: ["What went wrong": "- We should have a runbook for emptying a pool, and we could have more than one proxy vendor."]),
            RuleExamples.document(sections: ["Impact": "Checkout failed for 35% of requests. A customer wrote: \"you should have warned us\"; the vendor's page said “our engineer failed to renew the certificate”."]),
            RuleExamples.document(sections: ["What went wrong": "- This was not human error: the deploy tool accepted an empty pool. The pool had 12 hosts."]),
        ]
    )

    /// A phrase and the reframing offered in its place.
    struct Phrase: Sendable {
        var words: [String]
        var text: String
        var suggestion: String
        /// The word the phrase is looked up by: its longest (the last of equals), which is the
        /// rarest in prose more often than its first ("mistake" in "by mistake", not "by").
        var anchor: Int
        /// A judgement "not" or "no" before it denies (``BlameLanguageRule/deniable``).
        var isDeniable: Bool
        /// What the finding's message calls it.
        var kind: Kind

        init(words: [String], text: String, suggestion: String, kind: Kind? = nil) {
            self.words = words
            self.text = text
            self.suggestion = suggestion
            self.kind = kind ?? Kind(phrase: text)
            isDeniable = BlameLanguageRule.deniable.contains(text)
            var anchor = 0
            for index in words.indices where words[index].utf8.count >= words[anchor].utf8.count { anchor = index }
            // "would … happened", "would … caught": "would" is rarer in prose than the
            // participles' first and last letters and lengths (``WordPrefilter``) are.
            if words.first == "would" || words.first == "wouldn't" { anchor = 0 }
            self.anchor = anchor
        }
    }

    /// The kind of language a phrase is, which the finding's message names: every message had
    /// said "blame or counterfactual language", for "simply" and "obviously" too (the language
    /// audit of stop 48).
    enum Kind: Sendable {
        /// "should have", "would have been avoided", "Had the runbook been followed": a world
        /// that did not happen.
        case counterfactual
        /// "human error", "careless", "we failed to verify": the cause put on people.
        case blame
        /// "obviously", "clearly showed", "was overlooked", "despite being aware": what was known
        /// only afterwards, or made to look known then.
        case hindsight
        /// "simply", "just needed to": the work made to sound easy.
        case minimising
        /// "be more careful", "pay more attention": people asked to do better, in place of a
        /// mechanism.
        case careAppeal
        /// A phrase of pm.yml's `phrases`.
        case configured

        init(phrase: String) {
            let first = phrase.prefix { $0 != " " }
            // "should know better" is a modal too, and blame.
            if ["if", "had"].contains(first) || ["should", "shouldn't", "ought", "could", "would", "wouldn't", "might"].contains(first) && phrase.contains(" have")
                || phrase.hasSuffix("'ve") {
                self = .counterfactual
            } else if ["obviously", "clearly showed", "was overlooked", "were overlooked", "despite being aware"].contains(phrase) {
                self = .hindsight
            } else if ["simply", "just needed to"].contains(phrase) {
                self = .minimising
            } else if ["be", "pay", "take"].contains(first) {
                self = .careAppeal
            } else {
                self = .blame
            }
        }

        /// The message of a finding of `quoted`, the phrase as written.
        func message(_ quoted: String) -> String {
            switch self {
            case .counterfactual: "\"\(quoted)\" is counterfactual: it describes what did not happen"
            case .blame: "\"\(quoted)\" puts the cause on people"
            case .hindsight: "\"\(quoted)\" is hindsight: it judges the past by what is known now"
            case .minimising: "\"\(quoted)\" makes the work sound easy"
            case .careAppeal: "\"\(quoted)\" asks people to try harder"
            case .configured: "\"\(quoted)\" is on the configured list of blame phrases"
            }
        }
    }

    static let counterfactualReframe = "describe what happened; put what would have helped in a follow-up action"

    static let systemReframe = "describe what the system allowed or made likely (\"the deploy tool allowed …\") and what made the action reasonable at the time"

    /// The built-in list. Each phrase is matched as whole words, case-insensitively.
    static let builtIn: [(String, String)] = [
        ("should have", "say what happened and what made it reasonable at the time; list the missing safeguard as a contributing factor"),
        ("should've", "say what happened and what made it reasonable at the time"),
        ("shouldn't have", "say what happened and what made it reasonable at the time; list the missing safeguard as a contributing factor"),
        ("should not have", "say what happened and what made it reasonable at the time; list the missing safeguard as a contributing factor"),
        ("ought to have", "say what happened and what made it reasonable at the time"),
        ("could have", "describe what actually happened; put the alternative in a follow-up action if it is worth building"),
        ("could've", "describe what actually happened"),
        ("failed to", "describe what happened and why it made sense then (\"the check did not run because …\")"),
        ("if only", "name the condition that was missing, as a contributing factor"),
        ("forgot to", "ask what would have reminded anyone: a checklist, a required field, an automated step"),
        ("didn't follow", "ask why the process was skipped: was it known, practical, enforced by tooling?"),
        ("did not follow", "ask why the process was skipped: was it known, practical, enforced by tooling?"),
        ("human error", "name the system condition that allowed a routine action to cause harm"),
        ("operator error", "name the system condition that allowed a routine action to cause harm"),
        ("user error", "name the design that made the mistake easy"),
        ("careless", systemReframe),
        ("carelessly", systemReframe),
        ("negligent", systemReframe),
        ("negligence", systemReframe),
        ("their fault", "describe the conditions, not fault: what made this outcome possible?"),
        ("his fault", "describe the conditions, not fault: what made this outcome possible?"),
        ("her fault", "describe the conditions, not fault: what made this outcome possible?"),
        ("who broke", "ask what change broke it and what let that change through"),
        ("obviously", "drop it: what is obvious in hindsight was not obvious at the time"),
        ("simply", "drop it: if it were simple it would have been done; say what it took"),
        ("just needed to", "describe what the step required and why it was not taken"),
        ("be more careful", "name a mechanism (a check, a guard rail, an alert) instead of asking people to be careful"),
        ("should know better", systemReframe),
        ("lack of attention", systemReframe),
        ("didn't bother", systemReframe),
        ("did not bother", systemReframe),
        ("sloppy", systemReframe),
        ("sloppiness", systemReframe),
        ("pebkac", "name the design that made the mistake easy"),
        ("by accident", "describe the action and why it looked right at the time"),
        ("mistakenly", "describe the action and why it looked right at the time"),
        ("by mistake", "describe the action and why it looked right at the time"),
        ("made a mistake", "describe the action and why it looked right at the time; name what let it cause harm"),
        ("made mistakes", "describe the actions and why they looked right at the time; name what let them cause harm"),
        ("fat-fingered", "describe the input and what accepted it: a confirmation, a validation, a dry run"),
        ("fat fingered", "describe the input and what accepted it: a confirmation, a validation, a dry run"),
        ("bothered to", systemReframe),
        ("inattentive", systemReframe),
        ("inattention", systemReframe),
        ("would have been avoided", counterfactualReframe),
        ("would have been prevented", counterfactualReframe),
        ("would have been caught", counterfactualReframe),
        ("would have avoided", counterfactualReframe),
        ("would have prevented", counterfactualReframe),
        ("would not have happened", counterfactualReframe),
        ("wouldn't have happened", counterfactualReframe),
        ("would have caught", counterfactualReframe),
        ("would have been stopped", counterfactualReframe),
        ("would not have occurred", counterfactualReframe),
        // From the language audit of stop 48, on real postmortems: the other ways of asking
        // people to be careful, contractions and adverbs in counterfactuals, and hindsight.
        ("wouldn't have occurred", counterfactualReframe),
        ("should never have", "say what happened and what made it reasonable at the time; list the missing safeguard as a contributing factor"),
        ("should really have", "say what happened and what made it reasonable at the time"),
        ("should just have", "say what happened and what made it reasonable at the time"),
        ("might have caught", counterfactualReframe),
        ("might have prevented", counterfactualReframe),
        ("might have avoided", counterfactualReframe),
        ("be more aware", carefulReframe),
        ("be more vigilant", carefulReframe),
        ("be more cautious", carefulReframe),
        ("be very cautious", carefulReframe),
        ("be more attentive", carefulReframe),
        ("be better at", carefulReframe),
        ("pay more attention", carefulReframe),
        ("pay closer attention", carefulReframe),
        ("take more care", carefulReframe),
        ("without being thorough", systemReframe),
        ("without being careful", systemReframe),
        ("clearly showed", "drop it: what is clear in hindsight was not clear at the time; say what the dashboard showed and who was looking"),
        ("was overlooked", "say what made it easy to miss: where it was shown, and what else needed attention then"),
        ("were overlooked", "say what made them easy to miss: where they were shown, and what else needed attention then"),
        ("despite being aware", "say why acting on what was known did not look necessary or possible at the time"),
    ]

    static let carefulReframe = "name a mechanism (a check, a guard rail, an alert) instead of asking people to be careful"

    /// "Had the runbook been followed, …" (``inversionEnd(_:at:)``): "had" passes the anchors'
    /// prefilter, and is then checked for an inversion rather than looked up as a phrase.
    static let inversion = Phrase(words: ["had"], text: "had", suggestion: "say what happened and what made it reasonable at the time")

    /// Phrases that name a judgement of people or work, which "not" or "no" before them denies
    /// ("This was not human error: the tool accepted an empty pool").
    static let deniable: Set<String> = ["human error", "operator error", "user error", "careless", "carelessly", "negligent", "negligence",
                                        "their fault", "his fault", "her fault", "sloppy", "sloppiness", "inattentive", "inattention",
                                        "by mistake", "by accident", "pebkac"]

    /// True when "not", "no", "never", "nobody" or a word ending in "n't" stands within the three
    /// words before word `i`, with no "but" after it.
    static func isDenied(_ line: ProseLine, before i: Int) -> Bool {
        var j = i - 1
        while j >= 0, j >= i - 3 {
            let word = line.text(j)
            if word == "but" { return false }
            if ["not", "no", "never", "nobody", "nothing", "none"].contains(word) || word.hasSuffix("n't") { return true }
            j -= 1
        }
        return false
    }

    /// For "had" at word `i`: the last word of a counterfactual inversion at a sentence's start,
    /// "Had the runbook been followed", "Had we paged sooner" (a past participle after "been", or
    /// after a pronoun's verb); nil for "had" anywhere else ("The pool had 12 hosts").
    static func inversionEnd(_ line: ProseLine, at i: Int) -> Int? {
        let word = line.words[i]
        guard word.end - word.start == 3, line.bytes[word.start] == UInt8(ascii: "H"), line.bytes[word.start + 1] == UInt8(ascii: "a"),
              line.bytes[word.start + 2] == UInt8(ascii: "d"),
              i == 0 || line.bytes[line.words[i - 1].end..<word.start].contains(where: PersonBlamedRule.endsSentence) else { return nil }
        // "Had been deployed to staging": no subject, so a past perfect with "we" left out.
        guard i + 1 < line.words.count, line.text(i + 1) != "been", line.text(i + 1) != "to" else { return nil }
        // "Had anyone noticed the alert?": a question.
        var k = word.end
        while k < line.bytes.count, !PersonBlamedRule.endsSentence(line.bytes[k]) { k += 1 }
        if k < line.bytes.count, line.bytes[k] == UInt8(ascii: "?") { return nil }
        let end = min(line.words.count, i + 7)
        if let been = (i + 1..<end).first(where: { line.text($0) == "been" }), been + 1 < line.words.count, isPastParticiple(line.text(been + 1)) {
            return been + 1
        }
        if i + 2 < line.words.count, ["we", "i", "they", "you", "someone", "anyone"].contains(line.text(i + 1)), isPastParticiple(line.text(i + 2)) {
            return i + 2
        }
        // "Had the on-call checked the dashboard", "Had a canary existed": a determiner, then a
        // past participle within the next four words.
        if thingDeterminers.contains(line.text(i + 1)),
           let participle = (i + 2..<min(line.words.count, i + 6)).first(where: { isPastParticiple(line.text($0)) && line.text($0).hasSuffix("ed") }) {
            return participle
        }
        return nil
    }

    /// Phrases that are counterfactual only before a past participle.
    static let modalPerfects: Set<String> = ["should have", "could have", "should've", "could've", "shouldn't have",
                                             "should not have", "ought to have", "should never have", "should really have",
                                             "should just have"]
    static let determiners: Set<String> = ["a", "an", "the", "some", "more", "no", "any", "our", "better", "enough", "one"]

    /// True when the words from `start` on make "should have" (or another of ``modalPerfects``)
    /// a counterfactual: a past participle, after at most two adverbs ("should have checked",
    /// "could have been caught", "should have immediately paged"). "All pods should have resource
    /// limits" and "we should have alerting" state a need (as "we should have a runbook" does),
    /// and "it could have been much worse" says where the team got lucky.
    static func isCounterfactual(_ line: ProseLine, after start: Int, possibility: Bool = false) -> Bool {
        var j = start
        while j < line.words.count, j < start + 2, PersonBlamedRule.isAdverb(line.text(j)) { j += 1 }
        guard j < line.words.count else { return false }
        let word = line.text(j)
        if determiners.contains(word) { return false }
        if word == "been", (j + 1..<min(line.words.count, j + 4)).contains(where: { line.text($0) == "worse" }) { return false }
        // "It could have been difficult", "which could have been a sign": "could" of what may
        // have been so, not of what should have been done (the language audit of stop 48). A
        // participle after "been" ("could have been caught"), or a comparison ("could have been
        // faster", "better prepared", "more careful": the review of stop 48), is the
        // counterfactual still.
        if possibility, word == "been" {
            var k = j + 1
            while k < line.words.count, k < j + 3, PersonBlamedRule.isAdverb(line.text(k)), !comparatives.contains(line.text(k)) { k += 1 }
            guard k < line.words.count else { return false }
            let next = line.text(k)
            return comparatives.contains(next) || isPastParticiple(next) && next != "been"
        }
        return isPastParticiple(word)
    }

    /// True when a thing is the subject before word `i`: a determiner within the four words
    /// before it, and no person word from there to it.
    static func namesAThing(_ line: ProseLine, before i: Int) -> Bool {
        guard let determiner = (max(0, i - 4)..<i).last(where: { thingDeterminers.contains(line.text($0)) }) else { return false }
        return !(determiner..<i).contains { personWords.contains(line.text($0)) || line.text($0).hasPrefix("@") }
    }

    /// Words that compare what was with what might have been, after "could have been".
    static let comparatives: Set<String> = ["more", "less", "better", "faster", "quicker", "sooner", "earlier", "safer", "smarter",
                                            "clearer", "stricter", "tighter", "easier", "shorter", "higher", "lower", "louder"]

    /// True when a word of believing stands right before word `i`, or before a pronoun right
    /// before it: "Assumed user error at the time", "and not assume we could have started it
    /// faster" report a hypothesis of the time, not the author's judgement (the language audit of
    /// stop 48). "We later suspected the engineer should have rolled back" is the team's own
    /// judgement still (the review of stop 48).
    static func reportsABelief(_ line: ProseLine, before i: Int) -> Bool {
        if i >= 1, beliefWords.contains(line.text(i - 1)) { return true }
        return i >= 2 && beliefWords.contains(line.text(i - 2)) && ["we", "i", "they", "it", "you"].contains(line.text(i - 1))
    }
    static let beliefWords: Set<String> = ["assume", "assumed", "assuming", "suspect", "suspected", "suspecting", "presumed",
                                           "believed", "guessed"]

    /// True when "if only" before word `start` wishes the past were otherwise ("if only we had
    /// paged", "if only the canary had caught it") rather than stating a condition ("if only one
    /// replica is in sync").
    static func wishesThePast(_ line: ProseLine, after start: Int) -> Bool {
        guard start < line.words.count else { return true }
        if ["we", "i", "they", "he", "she", "you", "someone", "somebody"].contains(line.text(start)) { return true }
        return (start..<min(line.words.count, start + 5)).contains { ["had", "hadn't"].contains(line.text($0)) }
    }

    /// Regular past participles (-ed), and the irregular ones a postmortem uses.
    static func isPastParticiple(_ word: String) -> Bool {
        word.count > 3 && word.hasSuffix("ed") || irregularParticiples.contains(word)
    }
    static let irregularParticiples: Set<String> = [
        "been", "done", "gone", "run", "set", "put", "cut", "hit", "let", "read", "sent", "spent", "built", "kept", "left", "felt",
        "meant", "lost", "made", "had", "paid", "said", "told", "held", "found", "bought", "brought", "caught", "taught", "thought",
        "sought", "got", "gotten", "begun", "won", "understood", "heard", "led", "met", "shut", "spread", "struck", "stuck",
        "come", "become", "hidden", "written", "chosen", "frozen", "spoken", "woken", "broken", "forgotten", "fallen", "taken",
        "given", "driven", "risen", "grown", "blown", "known", "shown", "thrown", "drawn", "withdrawn", "seen", "rolled", "dealt",
        "rebuilt", "rerun", "reset", "overseen", "undone", "redone", "mistaken", "overtaken", "rewritten", "foreseen", "split",
        // Misspellings of a participle, as written in real postmortems ("could've lead to", "could have be done").
        "lead", "be"]

    /// Words that make a person the subject of "failed to".
    static let personWords: Set<String> = ["we", "i", "he", "she", "they", "you", "someone", "somebody", "team", "engineer",
                                           "engineers", "operator", "developer", "developers", "reviewer", "on-call", "oncall",
                                           "staff", "author", "admin", "sre", "sres", "hire", "hires", "intern", "interns",
                                           "manager", "responder", "responders", "person", "people", "human", "humans",
                                           "reviewers", "authors", "operators", "admins", "managers", "teams", "approver",
                                           "approvers", "maintainer", "maintainers", "owner", "owners", "dba", "dbas", "ic",
                                           "commander", "on-callers", "oncallers", "on-caller", "contractor", "contractors"]
    /// Who bears an outage: as the subject of "failed to" they are its impact ("customers failed
    /// to check out for 37 minutes"), not its cause.
    static let impactSubjects: Set<String> = ["customers", "users", "clients", "shoppers", "drivers", "merchants", "visitors",
                                              "buyers", "sellers", "members", "players", "subscribers", "tenants", "riders",
                                              "customer", "user", "client", "callers", "readers", "viewers", "partners"]
    /// Person words that also name software after a modifier ("the failover manager", "the
    /// certificate manager", "the admin"): people only after a determiner, a possessive or
    /// ``humanRoleModifiers``.
    static let softwareHeads: Set<String> = ["manager", "managers", "admin", "admins"]
    /// The kinds of manager and admin that are people ("the engineering manager", "our database admin").
    static let humanRoleModifiers: Set<String> = ["engineering", "incident", "release", "product", "project", "program",
                                                  "programme", "account", "hiring", "line", "shift", "duty", "general",
                                                  "delivery", "operations", "ops", "site", "team", "sre", "escalation",
                                                  "on-call", "oncall", "database", "system", "systems", "network", "sys",
                                                  "it", "security", "office", "store", "support"]
    static let possessives: Set<String> = ["my", "your", "his", "her", "our", "their"]
    /// What people do and systems do not: after "failed to", these make it a judgement of a person.
    static let humanVerbs: Set<String> = ["notice", "check", "verify", "follow", "test", "review", "communicate", "predict",
                                          "realise", "realize", "read", "update", "escalate", "consider", "catch", "spot",
                                          "see", "inform", "notify", "ask", "understand", "anticipate", "validate", "confirm"]

    /// Words that start a noun phrase: after one, "failed to predict" has a thing as its subject
    /// ("the capacity model failed to predict", "our monitoring failed to notice").
    static let thingDeterminers: Set<String> = ["the", "a", "an", "our", "its", "their", "this", "that", "these", "those",
                                                "each", "every", "no"]

    /// True when "failed to" at word `i` judges a person: a person word within the two words
    /// before it, or a verb only people do after it, unless a thing is named as its subject (a
    /// determiner within the three words before, and no person word back to the sentence's start).
    /// Words before the sentence's start or a table cell's border do not count, and an operator
    /// after a system's name is software (``PersonBlamedRule/isSoftwareOperator(_:_:systems:)``,
    /// with the built-in systems).
    static func judgesPerson(_ line: ProseLine, at i: Int, next: String) -> Bool {
        judgesPerson(line, at: i, verbOnlyPeopleDo: humanVerbs.contains(next))
    }

    /// ``judgesPerson(_:at:next:)`` with the verb after the phrase known to be one only people do
    /// or not. "Just needed to" is judged as if it were: "the replica just needed to replay 6 MB
    /// of WAL" names a thing, "Dana just needed to run the script" minimises a person's work.
    static func judgesPerson(_ line: ProseLine, at i: Int, verbOnlyPeopleDo: Bool) -> Bool {
        // The sentence's first word, at most eight words back.
        var first = i
        while first > 0, i - first < 8,
              !line.bytes[line.words[first - 1].end..<line.words[first].start].contains(where: PersonBlamedRule.endsSentence) {
            first -= 1
        }
        func isPerson(_ j: Int) -> Bool {
            let word = line.text(j)
            if word.hasPrefix("@") { return true }
            guard personWords.contains(word), !PersonBlamedRule.isSoftwareOperator(line, j, systems: PersonBlamedRule.knownSystems) else { return false }
            // "The failover manager", "AWS Secrets Manager": software, unless a person's kind of
            // manager ("the engineering manager") or nothing but a determiner comes before.
            if softwareHeads.contains(word), j > first, case let before = line.text(j - 1),
               !thingDeterminers.contains(before), !possessives.contains(before), !humanRoleModifiers.contains(before) {
                return false
            }
            return true
        }
        // The subject right before "failed", or one word before it when that word is an adverb,
        // "had" or the like ("we then failed to", "the engineer had failed to"); a person word
        // that modifies the subject is not it ("the admin API failed to return").
        // "Customers failed to check out": the people who bore the impact, not blame.
        if i - 1 >= first, impactSubjects.contains(line.text(i - 1)) { return false }
        if i - 1 >= first, isPerson(i - 1) { return true }
        if i - 2 >= first, isPerson(i - 2), case let between = line.text(i - 1),
           PersonBlamedRule.isAdverb(between) || PersonBlamedRule.perfects.contains(between) || ["both", "all"].contains(between) {
            return true
        }
        guard verbOnlyPeopleDo else { return false }
        // "The engineer on the night shift failed to notice" names a person after all.
        if (max(first, i - 3)..<i).contains(where: { thingDeterminers.contains(line.text($0)) || line.text($0) == "it" }) {
            return (first..<i).contains(where: isPerson)
        }
        // "The initial analysis for migrating ADSync from .NET classic to .NET core failed to
        // predict": a thing named at the sentence's start, followed by phrases about it, up to
        // twenty words back (the language audit of stop 48; the eight words above end in it).
        // A stop that begins the next word (`.NET`) ends no sentence.
        func endsSentence(_ gap: ArraySlice<UInt8>) -> Bool {
            gap.indices.contains { PersonBlamedRule.endsSentence(gap[$0]) && $0 + 1 < gap.endIndex }
        }
        var start = i
        while start > 0, i - start < 20, !endsSentence(line.bytes[line.words[start - 1].end..<line.words[start].start]) {
            start -= 1
        }
        // A capitalised word right before "failed" may be a person ("A week later Sam failed
        // to notice": the review of stop 48).
        if thingDeterminers.contains(line.text(start)), !(start..<i).contains(where: isPerson), i > 0,
           !PersonBlamedRule.startsUppercase(line, i - 1) { return false }
        return true
    }

    /// The phrases to flag (built-in less `allow`, plus `phrases`) by their anchor word, each
    /// list in that order.
    let phrasesByAnchor: [String: [Phrase]]
    /// The keys of ``phrasesByAnchor``, for a quick first test.
    let anchors: WordPrefilter
    let checkQuotes: Bool
    /// False when `allow` lists "had".
    let checkInversions: Bool

    public init(options: RuleOptions) throws(ConfigurationError) {
        let allow = Set(try options.strings("allow", default: []).map { $0.lowercased() })
        checkInversions = !allow.contains("had")
        var list = Self.builtIn.filter { !allow.contains($0.0) }.map { Phrase(words: Self.words($0.0), text: $0.0, suggestion: $0.1) }
        for extra in try options.strings("phrases", default: []) {
            let words = Self.words(extra)
            guard !words.isEmpty else { continue }
            list.append(Phrase(words: words, text: extra, suggestion: Self.systemReframe, kind: .configured))
        }
        phrasesByAnchor = Dictionary(grouping: list, by: { $0.words[$0.anchor] })
        // "had" too, for the inversions (``inversionEnd(_:at:)``).
        anchors = WordPrefilter(Array(phrasesByAnchor.keys) + ["had"])
        checkQuotes = try options.bool("check_quotes", default: false)
    }

    static func words(_ phrase: String) -> [String] { ProseWord.words(in: Array(phrase.utf8)).map(\.text) }

    public func check(_ context: LintContext) -> [Violation] {
        var result: [Violation] = []
        // A paragraph at a time, so a phrase wrapped across lines is read as it runs.
        for paragraph in checkQuotes ? context.text.paragraphs(includeQuotes: true, blankChat: false) : context.paragraphs {
            let line = paragraph.line
            var found = matches(in: line)
            // In the order the phrases start, as when they were looked up by their first word.
            if found.count > 1 {
                found.sort { ($0.first, $0.last) < ($1.first, $1.last) }
                // A phrase inside a longer one found too is that one's finding ("should have" in
                // a configured "we should have checked"), and of two over the same words the first.
                let all = found
                found = all.enumerated().filter { index, match in
                    !all.enumerated().contains { other, longer in
                        other != index && longer.first <= match.first && longer.last >= match.last
                            && (longer.last - longer.first > match.last - match.first || other < index)
                    }
                }.map(\.element)
            }
            for match in found {
                // "Be more careful" as a follow-up action is PM053's finding about the action;
                // two findings on one phrase would say the same thing twice.
                result.append(Violation(match.phrase.kind.message(line.quoted(from: match.first, through: match.last)),
                                        at: paragraph.range(from: match.first, through: match.last), suggestion: match.phrase.suggestion,
                                        yieldsTo: match.phrase.kind == .careAppeal ? SpecificActionRule.description.id : nil))
            }
        }
        return result
    }

    /// A phrase found in a paragraph: its first and last words, and the phrase.
    struct Match {
        let first: Int, last: Int
        let phrase: Phrase
    }

    /// The phrases in `line` (a paragraph's words), by anchor word.
    func matches(in line: ProseLine) -> [Match] {
        let words = line.words
        var found: [Match] = []
        for anchor in words.indices {
            guard anchors.mayContain(line, anchor) else { continue }
            let text = line.text(anchor)
            if text == "had" {
                if checkInversions, let end = Self.inversionEnd(line, at: anchor) { found.append(Match(first: anchor, last: end, phrase: Self.inversion)) }
                continue
            }
            guard let candidates = phrasesByAnchor[text] else { continue }
            for phrase in candidates where line.matches(phrase.words, at: anchor - phrase.anchor) {
                let i = anchor - phrase.anchor
                // "not human error", "not caused by human error", "nobody was inattentive": denied, not
                // judged (a "but" between them ends the denial: "not the tool but human error").
                if phrase.isDeniable, Self.isDenied(line, before: i) { continue }
                // "a check that would have prevented this": the safeguard an action builds.
                if phrase.words.first == "would" || phrase.words.first == "might", i > 0, ["that", "which", "who"].contains(line.text(i - 1)) { continue }
                let next = i + phrase.words.count < words.count ? line.text(i + phrase.words.count) : ""
                // "an alert that should have fired at 80%": what a thing was meant to do, in a
                // clause about it, as "a check that would have prevented this" is. The passive
                // ("an issue which should have been addressed") leaves out who should have, and
                // stays; so does "the engineer who should have checked".
                if Self.modalPerfects.contains(phrase.text), i > 0, ["that", "which"].contains(line.text(i - 1)), next != "been",
                   !(i >= 2 && Self.personWords.contains(line.text(i - 2))) { continue }
                if Self.modalPerfects.contains(phrase.text) || phrase.isDeniable, Self.reportsABelief(line, before: i) { continue }
                // "The autoscaler should be more cautious", "the new canary will be better at
                // catching regressions": a thing asked to do better, not people (the review of
                // stop 48). A person word, a pronoun or no subject at all ("Pay more attention")
                // keeps the appeal.
                if phrase.suggestion == Self.carefulReframe, Self.namesAThing(line, before: i) { continue }
                // "We should have a runbook" states a need; "should have checked" is the counterfactual.
                if Self.modalPerfects.contains(phrase.text),
                   !Self.isCounterfactual(line, after: i + phrase.words.count, possibility: phrase.words.first == "could" || phrase.words.first == "could've") { continue }
                // "simply too fragile", "simply not possible", "simply put": plainly, not a step
                // made to sound easy ("the fix was simply to revert" stays).
                // "The setup is simply too fragile" of a thing; "Bob was simply too slow" stays (the
                // retest of stop 48).
                if phrase.text == "simply", ["too", "not", "because"].contains(next), next != "too" || Self.namesAThing(line, before: i) { continue }
                // "Simply put, …" is a way of speaking; "Dana simply put the wrong flag in" is not.
                if phrase.text == "simply", next == "put", i + 1 < words.count,
                   i + 2 >= words.count || line.bytes[words[i + 1].end..<words[i + 2].start].contains(where: { $0 == UInt8(ascii: ",") || PersonBlamedRule.endsSentence($0) }) { continue }
                // "The job failed to start" describes a system; "we failed to verify" is blame.
                if phrase.text == "failed to", !Self.judgesPerson(line, at: i, next: next) { continue }
                if phrase.text == "just needed to", !Self.judgesPerson(line, at: i, verbOnlyPeopleDo: true) { continue }
                // "...promotes a replica if only one replica is in sync" is a condition; "if only we
                // had paged" wishes the past were otherwise: a pronoun after it, or "had" soon after.
                if phrase.text == "if only", !Self.wishesThePast(line, after: i + phrase.words.count) { continue }
                // "The Postgres operator error rate": the software's errors, not a person's.
                if phrase.text == "operator error", PersonBlamedRule.isSoftwareOperator(line, i, systems: PersonBlamedRule.knownSystems) { continue }
                found.append(Match(first: i, last: i + phrase.words.count - 1, phrase: phrase))
            }
        }
        return found
    }
}
