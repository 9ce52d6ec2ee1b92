import Foundation

/// pm's resource bundle (the built-in `pm new` and report templates), found without stopping the
/// process.
///
/// SwiftPM's generated `Bundle.module` calls `fatalError` when the bundle is neither beside the
/// executable nor at the path it was built at, which is exactly the case of a `pm` binary copied
/// onto the PATH without its `pm_PostmortemKit.resources` folder: `pm report` crashed. pm looks
/// where `Bundle.module` looks first, beside the executable (the running binary's real
/// directory, so a symlink on the PATH works), and otherwise reports ``missing`` as an error.
public enum ResourceBundle {
    /// The folder SwiftPM builds next to the executable.
    public static let folderName = "pm_PostmortemKit.resources"

    /// The bundle beside the running executable, or nil when it is not there.
    public static let bundle: Bundle? = Bundle(url: Bundle.main.bundleURL.appendingPathComponent(folderName))

    /// What to tell the user when ``bundle`` is nil.
    public static var missing: String {
        "pm's built-in templates are missing: the folder \(folderName) must sit beside the pm executable "
            + "(\(Bundle.main.bundleURL.path)); copy it from .build/release/ along with pm"
    }
}
