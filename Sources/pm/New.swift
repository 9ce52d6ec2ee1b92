import ArgumentParser
import Foundation
import PostmortemKit

extension PM {
    /// `pm new`: start a postmortem from a template.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Write a new postmortem from a template and print its path.",
            discussion: """
                Writes <postmortems>/YYYY-MM-DD-<slug>.md from <templates>/<template>.md (directories \
                from pm.yml; the built-in templates when the project has none). The front matter gets \
                the id, title, severity and services, and pm.yml's timezone when it is not UTC (the \
                timeline states it too); status is draft. An existing file is never overwritten. The \
                path is printed relative to the current directory (with `..` when needed), or absolute \
                when the two share no directory but /.

                Exit codes: 0 written; 1 the file exists or cannot be written; 2 usage or configuration error.
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The title: what users experienced, in one line.") var title: String
        @Option(help: ArgumentHelp("Severity, from pm.yml's scale. Default: its third level (SEV3 on the built-in SEV1–SEV4), or its last when it has fewer.",
                                   valueName: "level"))
        var severity: String?
        @Option(name: .customLong("service"), help: ArgumentHelp("An affected service (repeatable).", valueName: "name"))
        var services: [String] = []
        @Option(help: ArgumentHelp("Template name: a file <templates>/<name>.md. Default: full for the two most severe levels, short otherwise.", valueName: "name"))
        var template: String?
        @Option(help: ArgumentHelp("The incident's date (YYYY-MM-DD); default today.", valueName: "date"))
        var date: String?
        @Option(help: ArgumentHelp("Directory to write into; default the postmortems directory of pm.yml.", valueName: "dir"))
        var dir: String?

        func validate() throws {
            if title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the title must not be empty") }
            if let date, CalendarDate(date) == nil { throw ValidationError("--date must be a real date written YYYY-MM-DD, not '\(TerminalEscaping.oneLine(date))'") }
            if let date, let day = CalendarDate(date), !CalendarDate.supportedYears.contains(day.year) {
                throw ValidationError("--date must be in the years \(CalendarDate.supportedYears.lowerBound) to \(CalendarDate.supportedYears.upperBound), not '\(TerminalEscaping.oneLine(date))'")
            }
            // pm new prints the path for `$EDITOR "$(pm new …)"`; a control character in it would
            // be escaped for the terminal, and the printed path would name no file.
            if let dir, TerminalEscaping.escape(dir, inertCommands: false) != dir || dir.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 }) {
                throw ValidationError("--dir holds a control character (a line break or tab included); choose a directory whose name has none")
            }
            try Terminal.requireUTF8(dir, option: "--dir")
            if let template, template.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("--template takes a template name such as full or short, not an empty one")
            }
            if services.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw ValidationError("--service takes a service name, not an empty one")
            }
            if let template, template.contains("/") || template.hasPrefix(".") {
                throw ValidationError("--template takes a template name such as full or short, not a path")
            }
        }

        func run() throws {
            let configuration = try global.loadConfiguration()
            // Any case, as lint reads it (`sev2` is SEV2); the draft gets the scale's spelling.
            let asked = self.severity ?? PostmortemScaffold.defaultSeverity(scale: configuration.severities)
            guard let index = configuration.severityIndex(asked) else {
                Terminal.error("--severity must be one of \(configuration.severities.joined(separator: ", ")), not '\(asked)'")
                throw ExitCode(2)
            }
            let severity = configuration.severities[index]
            let day = date.flatMap { CalendarDate($0) } ?? Clock.today(in: ZoneResolver(configuration.timezone) ?? .utc)
            if let missing = configuration.missingTemplatesWarning { Terminal.warning(configuration.path ?? "pm.yml", nil, missing) }
            let name = template ?? PostmortemScaffold.defaultTemplate(for: severity, scale: configuration.severities)
            guard let templateText = Templates.load(name, configuration: configuration) else {
                let builtIn = ResourceBundle.bundle == nil ? " (\(ResourceBundle.missing))" : ""
                // The names there are, so a mistyped one can be put right (the adoption audit of stop 50).
                let names = Templates.names(configuration: configuration)
                let known = names.isEmpty ? "" : "; there are: " + names.joined(separator: ", ")
                Terminal.error("no template named '\(name)' in \(configuration.templatesDirectory)/ or built in\(builtIn)\(known)")
                throw ExitCode(2)
            }
            let request = PostmortemScaffold.Request(title: title, severity: severity, services: services, date: day,
                                                     timezone: configuration.timezone)
            let text: String
            do {
                text = try PostmortemScaffold.render(template: templateText, request: request)
            } catch {
                Terminal.error("template '\(name)': \(error.description)")
                throw ExitCode(2)
            }
            let directory = dir ?? global.inputPaths([], configuration: configuration)[0]
            // A directory that does not exist is made (a new repository's first postmortem), and
            // said so on stderr: `--dir postmortem` for `postmortems` had made a second folder
            // without a word. Standard output stays the new file's path alone.
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
                // With the system's reason when it cannot be made (a folder without write
                // permission had been reported as the draft's "No such file or directory").
                if let failure = FileSystem.makeDirectories(directory) {
                    Terminal.error("cannot create directory \(failure.path): \(failure.reason)")
                    throw ExitCode.failure
                }
                Terminal.note(Terminal.sanitiseLine("pm: note: created directory \(directory)"))
            }
            let path = (directory as NSString).appendingPathComponent("\(request.id).md")
            // O_EXCL: never overwrite, even if another process creates the file meanwhile.
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            guard fd >= 0 else {
                let reason = errno == EEXIST ? "already exists; nothing was written (choose another title or --date)" : String(cString: strerror(errno))
                Terminal.error("\(path): \(reason)")
                throw ExitCode.failure
            }
            let bytes = Array(text.utf8)
            let failure = bytes.withUnsafeBytes { FileDescriptorIO.writeAll(fd, $0) }
            // close reports a delayed write error (NFS, quota) too; a half-written draft is removed.
            if close(fd) != 0 || failure != nil {
                let reason = failure ?? String(cString: strerror(errno))
                unlink(path)
                Terminal.error("\(path): write failed: \(reason)")
                throw ExitCode.failure
            }
            // A template without a section the severity needs (`--template short` for a SEV1)
            // wrote a draft that could never pass PM010, without a word (the adoption audit of
            // stop 50): said on stderr, with what to do.
            if let linter = try? Linter(configuration: configuration) {
                let missing = linter.lint(DocumentReader.read(text: text, path: path), today: day)
                    .first(where: RequiredSectionsRule.namesMissingSections)
                if let missing {
                    Terminal.note(Terminal.sanitiseLine("pm: note: the '\(name)' template's draft: \(missing.message) (PM010): \(missing.suggestion ?? "add them"), or write it from another template with --template"))
                }
            }
            // Relative to the current directory, as pm.yml's directories are read (`..` when needed;
            // absolute when only `/` is shared), as the README shows it
            // (`postmortems/….md`), so that `$EDITOR "$(pm new …)"` works from anywhere either way.
            Terminal.out(Terminal.sanitisePath(ReportGenerator.shownPath(relativeTo: FileManager.default.currentDirectoryPath)(path)))
        }
    }
}

/// Finding templates: the project's templates directory first, then the built-in copies.
enum Templates {
    static func load(_ name: String, configuration: Configuration) -> String? {
        let path = (configuration.resolvedTemplatesDirectory as NSString).appendingPathComponent(name + ".md")
        if let data = FileManager.default.contents(atPath: path) {
            return String(decoding: data, as: UTF8.self)
        }
        return BuiltInTemplates.text(named: name)
    }

    /// The templates `pm new --template` can name: the project's and the built-in ones, sorted.
    static func names(configuration: Configuration) -> [String] {
        let own = (try? FileManager.default.contentsOfDirectory(atPath: configuration.resolvedTemplatesDirectory)) ?? []
        return Set(own.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.map { String($0.dropLast(3)) } + BuiltInTemplates.names).sorted()
    }
}
