import ArgumentParser
import Foundation
import PostmortemKit

/// Options every command that reads postmortems shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Use this configuration file instead of searching upward for pm.yml.", valueName: "path"))
    var config: String?

    /// Loads pm.yml (or the built-in defaults when there is none). Exits 2 on a bad file.
    func loadConfiguration() throws -> Configuration {
        let path = config ?? ConfigurationReader.find(from: FileManager.default.currentDirectoryPath)
        guard let path else { return .default }
        do {
            return try ConfigurationReader.load(path: path)
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
    }

    /// The paths to read: as given, else the configured postmortems directory, relative to the
    /// current directory when it is under it (findings then name `postmortems/x.md`, as when the
    /// directory is given, and GitHub annotations find the file in the repository).
    func inputPaths(_ paths: [String], configuration: Configuration) -> [String] {
        if !paths.isEmpty { return paths }
        let root = configuration.rootDirectory ?? "."
        let directory = configuration.postmortemsDirectory
        let full = directory.hasPrefix("/") ? directory : (root == "." ? directory : root + "/" + directory)
        return [FilePaths.relative(full, from: FileManager.default.currentDirectoryPath)]
    }
}

/// Writing to the terminal: one place that escapes control characters from documents.
enum Terminal {
    /// Escapes control characters (ESC sequences, bells, carriage returns, bidirectional
    /// overrides) that would let a document's text drive the terminal; see ``TerminalEscaping``.
    static func sanitise(_ text: String) -> String { TerminalEscaping.escape(text) }

    /// ``sanitise(_:)`` for a message of one line: a line break in a value it quotes (an SLO id
    /// from YAML, `"a\n::error::x"`) is written `\n`, so it cannot start a line of its own, such
    /// as a GitHub workflow command.
    static func sanitiseLine(_ text: String) -> String { TerminalEscaping.escape(TerminalEscaping.oneLine(text)) }

    /// ``sanitiseLine(_:)`` for a path the user chose, printed alone for scripts (`$EDITOR "$(pm
    /// new …)"`): one that starts with `::` is printed as it is, since the mark that makes such
    /// a line no workflow command would make it name no file.
    static func sanitisePath(_ path: String) -> String { TerminalEscaping.escape(TerminalEscaping.oneLine(path), inertCommands: false) }

    /// `pm: error: message` on stderr, on one line and escaped, whatever the message quotes. The
    /// message is given as written: escaped before its line breaks are, a value that began a line
    /// would keep the mark that made it no workflow command (`\u{3a}:error`) in the one line.
    static func error(_ message: String) {
        StandardStreams.error("pm: error: \(sanitiseLine(message))\n")
    }

    /// Refuses an option's directory whose name reached pm with U+FFFD for bytes that are not
    /// UTF-8: pm would write to a directory of another name, and print a path to nothing.
    static func requireUTF8(_ value: String?, option: String) throws {
        if value?.unicodeScalars.contains("\u{FFFD}") == true {
            throw ValidationError("\(option) holds bytes that are not UTF-8 (shown as \u{FFFD}); choose a directory whose name is UTF-8")
        }
    }

    /// Writes `text` and `terminator` to standard output (``StandardStreams/output(_:)``): every
    /// command's output goes this way, not through `print`, whose stdio buffer failed without a
    /// word on a full disk and gave up on a non-blocking pipe.
    static func out(_ text: String, terminator: String = "\n") {
        StandardStreams.output(text + terminator)
    }

    static func note(_ message: String) {
        StandardStreams.error("\(message)\n")
    }

    /// `pm: warning: path:line:col: message` (the path alone without a range) on stderr, escaped.
    static func warning(_ path: String, _ range: SourceRange?, _ message: String) {
        located("warning", path, range, message)
    }

    /// `pm: error: path:line:col: message`: a problem with a file that makes the command exit 1
    /// (`pm budget` and `pm classify` on front matter they cannot count). The audit of stop 48
    /// found them called warnings while the run failed, so a CI log searched for "error" showed
    /// nothing.
    static func error(_ path: String, _ range: SourceRange?, _ message: String) {
        located("error", path, range, message)
    }

    private static func located(_ level: String, _ path: String, _ range: SourceRange?, _ message: String) {
        let place = range.map { "\(path):\($0.start.line):\($0.start.column)" } ?? path
        note(sanitiseLine("pm: \(level): \(place): \(message)"))
    }

    /// Budget notes (impact not counted, or counted on an assumption) on stderr, one a line:
    /// how `pm budget` and `pm classify` say them when standard output is CSV or JSON.
    static func warnings(_ notes: [BudgetNote]) {
        for note in notes { self.note(sanitiseLine("pm: warning: \(note.incident) (\(note.slo)): \(note.message)")) }
    }

    /// True when stdout is a terminal and NO_COLOR is not set.
    static var colourOut: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map { $0.isEmpty } ?? true
    }
}

/// Standard output written in blocks of 64 KiB: a long run neither makes a system call per line
/// nor holds all of its output.
final class OutputBuffer {
    private var buffer = ""

    func write(_ text: String) {
        buffer += text
        if buffer.utf8.count >= 1 << 16 { flush() }
    }

    func flush() {
        StandardStreams.output(buffer)
        buffer = ""
    }
}

/// pm's writes to standard output and standard error, which never stop the process: Foundation's
/// `FileHandle.write` traps when a write fails (`pm lint > /dev/full` had crashed with a stack
/// trace), and `print` drops the error (`pm budget --format csv > full/b.csv` had exited 0 with
/// an empty file). A failed write to standard output is remembered and ends the run with exit
/// code 1 and a message (``finish()``); one to standard error has nowhere to be told.
enum StandardStreams {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var outputFailure: String?

    /// Makes descriptors 0, 1 and 2 open when the caller closed them (`pm lint >&-`): else the
    /// first file pm opens would take the number of a closed one, and what pm prints would go
    /// into it. Each is opened on /dev/null the wrong way round (standard input for writing, the
    /// outputs for reading), so using it still fails as on a closed descriptor: `pm lint - <&-`
    /// is "cannot read the input", not an empty document, and output to a closed standard output
    /// is an error (``finish()``).
    static func openMissing() {
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", descriptor == 0 ? O_WRONLY : O_RDONLY)
            if opened >= 0, opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
    }

    /// Writes `text` to standard output.
    static func output(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        guard outputFailure == nil else { return }
        var text = text
        outputFailure = text.withUTF8 { FileDescriptorIO.writeAll(1, UnsafeRawBufferPointer($0)) }
    }

    /// Writes `text` to standard error; a failure is ignored.
    static func error(_ text: String) {
        var text = text
        _ = text.withUTF8 { FileDescriptorIO.writeAll(2, UnsafeRawBufferPointer($0)) }
    }

    /// When standard output could not be written, says so on standard error and exits 1.
    static func finish() {
        lock.lock()
        let failure = outputFailure
        lock.unlock()
        guard let failure else { return }
        error("pm: error: cannot write standard output: \(failure)\n")
        Foundation.exit(1)
    }
}

/// The one place the CLI reads the wall clock; every library function takes "today" as a parameter.
enum Clock {
    /// Today's date in `zone` (pm.yml's timezone for every command).
    static func today(in zone: ZoneResolver) -> CalendarDate {
        zone.date(of: Timestamp(epochSeconds: Int64(Date().timeIntervalSince1970)))
    }
}
