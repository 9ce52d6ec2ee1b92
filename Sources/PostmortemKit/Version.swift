/// pm's version, printed by `pm --version` and written into SARIF and JSON output.
public enum PostmortemKitVersion {
    public static let string = "0.1.0"
}
