/// One file of the generated site.
public struct ReportFile: Sendable, Hashable {
    /// Path relative to the output directory, `/`-separated (`incidents/x.html`).
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}
