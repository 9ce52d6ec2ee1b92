/// One file of the generated site.
public struct ReportFile: Sendable, Hashable {
    /// Path relative to the output directory, `/`-separated (`incidents/x.html`).
    public var path: String
    public var contents: String
    /// Images the file shows, which the report holds copies of (``PageAssets``).
    public var assets: [ReportAsset]

    public init(path: String, contents: String, assets: [ReportAsset] = []) {
        self.path = path
        self.contents = contents
        self.assets = assets
    }
}
