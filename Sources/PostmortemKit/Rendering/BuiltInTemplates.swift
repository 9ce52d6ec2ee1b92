import Foundation

/// The templates shipped inside pm, used when a project has no templates directory. They are
/// copies of the repository's `templates/`; a test keeps them identical.
public enum BuiltInTemplates {
    public static func text(named name: String) -> String? {
        guard let url = ResourceBundle.bundle?.url(forResource: name, withExtension: "md", subdirectory: "Resources/templates"),
              let data = try? Data(contentsOf: url) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// The names of the built-in templates, sorted; none when the resources are missing.
    public static var names: [String] {
        let paths = ResourceBundle.bundle?.paths(forResourcesOfType: "md", inDirectory: "Resources/templates") ?? []
        return paths.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }.sorted()
    }
}
