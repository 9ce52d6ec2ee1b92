/// A report that cannot be produced: unreadable templates, an output directory pm will not
/// replace, a failed write. The message is for the user as it stands.
public struct ReportError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
