import Testing
@testable import PostmortemKit

/// What reaches a terminal from a document cannot drive it or reorder what a reviewer reads.
@Suite struct TerminalEscapingTests {
    @Test(arguments: [
        ("\u{1B}[2J\u{1B}]0;owned\u{07}", "\\u{1b}[2J\\u{1b}]0;owned\\u{7}"),
        ("carriage\rreturn", "carriage\\u{d}return"),
        ("8-bit CSI \u{9B}31m and DEL \u{7F}", "8-bit CSI \\u{9b}31m and DEL \\u{7f}"),
        // Trojan Source: an override makes "admin" display after the comment marker.
        ("access = \"user\u{202E} \u{2066}// admin\u{2069} \u{2066}\"", "access = \"user\\u{202e} \\u{2066}// admin\\u{2069} \\u{2066}\""),
        ("\u{202A}\u{202B}\u{202C}\u{202D}\u{2067}\u{2068}", "\\u{202a}\\u{202b}\\u{202c}\\u{202d}\\u{2067}\\u{2068}"),
        ("marks \u{200E}\u{200F}\u{061C}", "marks \\u{200e}\\u{200f}\\u{61c}"),
        ("line\u{2028}paragraph\u{2029}", "line\\u{2028}paragraph\\u{2029}"),
    ])
    func escapesControls(_ input: String, _ expected: String) {
        #expect(TerminalEscaping.escape(input) == expected)
    }

    /// Found by the sink audit of stop 47: a service id, SLO id or file name that begins a line of
    /// text output (`pm classify --group-by service`, `pm lint`'s path) was a workflow command in
    /// a GitHub Actions log, with no line break needed.
    @Test(arguments: [
        ("::error::x", "\\u{3a}:error::x"),
        ("  \t::add-mask::secret", "  \t\\u{3a}:add-mask::secret"),
        ("ok\n::stop-commands::tok\n##[error]old\nkeep :: this", "ok\n\\u{3a}:stop-commands::tok\n\\u{23}#[error]old\nkeep :: this"),
        ("a\r::warning::cr", "a\\u{d}\\u{3a}:warning::cr"),
        ("\u{1B}[31m\n::notice::x", "\\u{1b}[31m\n\\u{3a}:notice::x"),
        (":one colon, # one hash, ##x", ":one colon, # one hash, ##x"),
        // The retest of stop 47: the runner finds `##[` anywhere in a line, and trims any Unicode
        // white space (a no-break space, an ideographic space) before looking for `::`.
        ("services: ::add-mask::svc, ##[group]svc2", "services: ::add-mask::svc, \\u{23}#[group]svc2"),
        ("\u{A0}::add-mask::svc", "\u{A0}\\u{3a}:add-mask::svc"),
        ("x\n\u{3000}\u{2003}::error::y", "x\n\u{3000}\u{2003}\\u{3a}:error::y"),
    ])
    func workflowCommandsAtLineStartsAreInert(_ input: String, _ expected: String) {
        #expect(TerminalEscaping.escape(input) == expected)
        #expect(!TerminalEscaping.escape(input).split(whereSeparator: { $0 == "\n" || $0 == "\r" }).contains {
            let line = $0.drop { $0.isWhitespace }
            return line.hasPrefix("::") || line.contains("##[")
        })
        // Inside a workflow command's percent-encoded message no value starts a line; the carriage
        // return is the reporter's to encode.
        #expect(TerminalEscaping.escape("a\rb", inertCommands: false, carriageReturns: false) == "a\rb")
        #expect(TerminalEscaping.escape(input, inertCommands: false) == TerminalEscaping.escape(input).replacingOccurrences(of: "\\u{3a}", with: ":").replacingOccurrences(of: "\\u{23}", with: "#"))
    }

    @Test func keepsTextTabsNewlinesAndOtherScripts() {
        let text = "Checkout 5xx at 14:02 UTC\n\t— “quoted” café 東京 عربى שלום 🙂 zero\u{200B}width joiner\u{200D}"
        #expect(TerminalEscaping.escape(text) == text)
    }

    /// Left open by stop 47: argument-parser quotes a value in its usage error as given, and a
    /// line break in it split the message's line.
    @Test func valuesQuotedInUsageErrorsStayOnTheirLine() {
        let message = "Error: The value 'x\n::error::boom' is invalid for '--format <format>'.\nUsage: pm lint"
        #expect(TerminalEscaping.quotingOnOneLine(message, values: ["lint", "--format", "x\n::error::boom"])
                == "Error: The value 'x\\n::error::boom' is invalid for '--format <format>'.\nUsage: pm lint")
        #expect(TerminalEscaping.quotingOnOneLine("Error: The value 'a\nb' is invalid", values: ["--format=a\nb"])
                == "Error: The value 'a\\nb' is invalid")
        #expect(TerminalEscaping.quotingOnOneLine("Error: x\nUsage", values: ["plain", "y\nz"]) == "Error: x\nUsage")
        // A bare line break is replaced where it is quoted only (the review of the mend).
        #expect(TerminalEscaping.quotingOnOneLine("Error: The value '\n' is invalid.\nUsage: pm lint", values: ["\n"])
                == "Error: The value '\\n' is invalid.\nUsage: pm lint")
    }
}
