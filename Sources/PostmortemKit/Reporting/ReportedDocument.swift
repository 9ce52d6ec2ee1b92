/// One postmortem as the report needs it: the record plus what was worked out while its text
/// and tree were in memory, so the corpus-wide stage keeps no Markdown trees.
public struct ReportedDocument: Sendable {
    public var postmortem: Postmortem
    /// The classifier's categories and evidence.
    public var classification: Classification
    /// Lint findings for this document (single-document rules and reading problems).
    public var findings: [Finding]
    /// The body as cmark-gfm safe HTML, already made valid for the page (see ``PageHTML``).
    public var bodyHTML: String

    public init(postmortem: Postmortem, classification: Classification, findings: [Finding], bodyHTML: String) {
        self.postmortem = postmortem
        self.classification = classification
        self.findings = findings
        self.bodyHTML = bodyHTML
    }
}
