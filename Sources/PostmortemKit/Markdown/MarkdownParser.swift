import CCmarkGFM
import Foundation

/// The one place in pm that talks to libcmark-gfm.
///
/// It parses with source positions and the GFM extensions (table, tasklist, strikethrough,
/// autolink), walks the C tree once with an iterator to build a ``MarkdownTree`` (the flat store
/// every ``MarkdownNode`` points into), optionally renders safe HTML from the same tree, and
/// frees the parser, the document and every rendered string before returning. No C pointer
/// leaves this file.
public enum MarkdownParser {
    /// What one parse produces.
    public struct Result: Sendable {
        /// The document tree with source ranges.
        public var document: MarkdownNode
        /// Safe HTML of the whole document when it was asked for (raw HTML and unsafe link
        /// schemes such as `javascript:` are removed by cmark-gfm's safe mode).
        public var html: String?
        /// True when blocks nested deeper than `maxDepth` were left out of `document`.
        public var depthLimitReached: Bool
        /// True when the text was not parsed because its link references could expand past
        /// ``referenceExpansionLimit(sourceBytes:)`` (see ``referenceExpansionBound(_:)``):
        /// `document` is then empty and `html` nil.
        public var referencesRefused = false
        /// True when the text was not parsed because its tables could make more work than
        /// ``tableLimits(sourceBytes:)`` allows (see ``tableWork(_:)``): `document` is then
        /// empty and `html` nil.
        public var tablesRefused = false
    }

    /// The most cells tables may make before a text is refused (2^20, and one for every byte
    /// of the text), and the most steps of appending them (2^28, about a second, and 64 for
    /// every byte: a fully written row of c cells has at least 2c bytes and takes about c²
    /// steps, so no table of fully written rows up to 128 columns is ever refused).
    public static func tableLimits(sourceBytes: Int) -> (cells: Int, steps: Int) {
        ((1 << 20) + sourceBytes, (1 << 28) + 64 * sourceBytes)
    }

    /// Bounds on what cmark-gfm's table extension does with a text's tables: the cells it makes,
    /// and the steps it takes to append them.
    ///
    /// cmark-gfm 0.29.0.gfm.6 fills every row of a table up to the header's number of columns,
    /// so 38 KB of 1,600 header cells and 16,000 one-cell rows became 25 million cells and more
    /// than 4 GB (pm died with SIGABRT under a 4 GB limit); and it appends each cell by walking
    /// the row's list of cells, so a row of n cells takes n²/2 steps (64,000 columns and 5 rows
    /// took 40 s). A table starts at a delimiter row (a line of `|`, `-`, `:` and spaces holding
    /// a `-` and a `|`), has at most one column more than that line has `|`, and runs to the next
    /// blank line; so cells ≤ columns × (lines + 1) and steps ≤ columns² × (lines + 1).
    /// Real tables are far below the limits.
    public static func tableWork(_ bytes: UnsafeBufferPointer<UInt8>) -> (cells: Int, steps: Int) {
        // Without a `|` there is no table, in most documents: that is found with memchr.
        let n = bytes.count
        guard let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "|")), n) != nil else { return (0, 0) }
        var cells = 0, steps = 0
        var columns = 0   // of the table being read, 0 outside one
        var rows = 0
        func closeTable() {
            let (c, o1) = columns.multipliedReportingOverflow(by: rows + 1)
            let (sq, o2) = columns.multipliedReportingOverflow(by: columns)
            let (st, o3) = sq.multipliedReportingOverflow(by: rows + 1)
            cells = o1 ? .max : cells.addingReportingOverflow(c).overflow ? .max : cells + c
            steps = o2 || o3 ? .max : steps.addingReportingOverflow(st).overflow ? .max : steps + st
            columns = 0
            rows = 0
        }
        /// The line start..<end: blank, a delimiter row (with its `|` count), or another line.
        /// Only a line whose first byte after spaces can begin a delimiter row is read whole.
        func line(_ start: Int, _ end: Int) {
            var k = start
            while k < end, bytes[k] == UInt8(ascii: " ") || bytes[k] == UInt8(ascii: "\t") || bytes[k] == UInt8(ascii: "\r") { k += 1 }
            guard k < end else {
                if columns > 0 { closeTable() }
                return
            }
            var pipes = 0, dashes = 0, other = 0
            switch bytes[k] {
            case UInt8(ascii: "|"), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: ">"):
                for b in bytes[k..<end] {
                    switch b {
                    case UInt8(ascii: "|"): pipes += 1
                    case UInt8(ascii: "-"): dashes += 1
                    case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: ":"), UInt8(ascii: ">"): break
                    default: other += 1
                    }
                }
            default:
                other = 1
            }
            if other == 0, pipes > 0, dashes > 0 {
                // A delimiter row starts a table (and ends one before it, in the worst case).
                if columns > 0 { closeTable() }
                columns = pipes + 1
            } else if columns > 0 {
                rows += 1
            }
        }
        if memchr(base, Int32(UInt8(ascii: "\r")), n) == nil {
            // Lines end at "\n" only: found with memchr.
            var start = 0
            while start <= n {
                let found = start < n ? memchr(base + start, Int32(UInt8(ascii: "\n")), n - start) : nil
                let end = found.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? n
                line(start, end)
                start = end + 1
            }
        } else {
            // A line also ends at a "\r" not followed by "\n", as cmark-gfm's do.
            var start = 0
            for i in 0...n where i == n || bytes[i] == UInt8(ascii: "\n")
                || bytes[i] == UInt8(ascii: "\r") && (i + 1 == n || bytes[i + 1] != UInt8(ascii: "\n")) {
                line(start, i)
                start = i + 1
            }
        }
        if columns > 0 { closeTable() }
        return (cells, steps)
    }

    /// The most bytes that link references may be able to expand to before a text is refused:
    /// 64 MiB, and 16 bytes for every byte of the text.
    public static func referenceExpansionLimit(sourceBytes: Int) -> Int {
        (64 << 20) + 16 * sourceBytes
    }

    /// A bound on the bytes cmark-gfm copies when it resolves link references.
    ///
    /// cmark-gfm 0.29.0.gfm.6 (Debian's) copies a reference definition's destination and title
    /// into every link that uses it while parsing, with no limit: a 1 MB file holding one
    /// 1 MB destination used 20,000 times took 10 to 20 GB of memory and 12 to 40 s to lint.
    /// (Later cmark releases cap the expansion.) A use needs a `]`, and a definition lies in a
    /// run of lines without a blank one, in which a line starts (after spaces, `>` and list
    /// markers) with `[` and `]:` follows (its label may span lines, its destination and title
    /// may be on the next ones). So the copies come to at most the number of `]` times the
    /// longest such run. Real documents come out far below the limit. A list of `[14:02]: …`
    /// lines with no blank line between them counts as one long definition: at 80 bytes a line
    /// it stays below the limit up to about 900 lines, and a longer one is refused.
    private static let definitionMark = Array("]:".utf8)

    /// Spaces, `>` and the bytes of list markers: what may come before a definition's `[`.
    @inline(__always)
    private static func isPrefixByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: ">"), UInt8(ascii: "-"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: ")"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return false
        }
    }

    public static func referenceExpansionBound(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        // Without `]:` there is no definition, in most documents: that is found with memchr.
        guard definitionMark.withUnsafeBufferPointer({ ByteSearch.firstIndex(of: $0, in: bytes, from: 0) }) != nil else { return 0 }
        var closings = 0
        var longestRun = 0
        // The run of lines since the last blank one: where it starts, whether one of its lines
        // starts with `[`, and whether it holds `]:` (a label may span lines, so not
        // necessarily on that line).
        var runStart = 0
        var runHasBracketLine = false
        var runHasMark = false
        var lineStart = 0
        var i = 0
        let n = bytes.count
        while i <= n {
            // A line ends at "\n", and at a "\r" not followed by one, as cmark-gfm's do: a
            // file with old Mac line ends is otherwise one line, whose first byte alone was
            // tested for `[`.
            guard i == n || bytes[i] == UInt8(ascii: "\n")
                    || bytes[i] == UInt8(ascii: "\r") && (i + 1 == n || bytes[i + 1] != UInt8(ascii: "\n")) else {
                if bytes[i] == UInt8(ascii: "]") {
                    closings += 1
                    if i + 1 < n, bytes[i + 1] == UInt8(ascii: ":") { runHasMark = true }
                }
                i += 1
                continue
            }
            // The line lineStart..<i. Only spaces make it blank; anything else (a lone `>`, a
            // number) at most lengthens the run, which only raises the bound.
            var k = lineStart
            while k < i, bytes[k] == UInt8(ascii: " ") || bytes[k] == UInt8(ascii: "\t") || bytes[k] == UInt8(ascii: "\r") { k += 1 }
            if k == i {
                if runHasBracketLine && runHasMark { longestRun = max(longestRun, lineStart - runStart) }
                runStart = i + 1
                runHasBracketLine = false
                runHasMark = false
            } else {
                while k < i, isPrefixByte(bytes[k]) { k += 1 }
                if k < i, bytes[k] == UInt8(ascii: "[") { runHasBracketLine = true }
            }
            lineStart = i + 1
            i += 1
        }
        if runHasBracketLine && runHasMark { longestRun = max(longestRun, n - runStart) }
        return closings.multipliedReportingOverflow(by: longestRun).overflow ? .max : closings * longestRun
    }

    /// libcmark-gfm (0.29.0.gfm.6, `src/blocks.c` `process_inlines`) keeps the characters that
    /// end a run of plain text in one process-wide table. Every parser adds its inline
    /// extensions' characters to it when it starts parsing inlines and removes them when it is
    /// done, so two threads parsing at once race: one removes `~` or `:` while the other is still
    /// scanning text, and the other then misses strikethrough or autolinks (`pm show` over 1,000
    /// documents once gave different output from run to run).
    ///
    /// Two measures make parsing concurrent again without changing a byte of output:
    /// - autolink's characters (`:` and `w`) are added to the table once, through a parser that
    ///   has only autolink attached, and autolink's own list is then emptied (both with
    ///   cmark-gfm's public extension API), so no parser ever removes them;
    /// - strikethrough needs its list (its delimiters are matched through it), so only a
    ///   document containing `~` gets the strikethrough extension, and it parses under
    ///   ``strikethroughLock``. A document without `~` parses without it (it could not match)
    ///   and does not care whether `~` is in the table, which only decides where a run of text
    ///   stops at a `~` byte.
    private static let strikethroughLock = NSLock()

    /// Registers the extensions (cmark-gfm guards that with a plain flag; a Swift static is
    /// initialised exactly once, whichever threads get here first) and pins autolink's
    /// characters as described at ``strikethroughLock``.
    private static let extensionsReady: Void = {
        // Registration allocates the extensions and their character lists once per process;
        // autolink's list is dropped below (cmark-gfm has no call that returns it for freeing).
        // Under LeakSanitizer these process-lifetime allocations are marked as intended.
        withLeakCheckingPaused { cmark_gfm_core_extensions_ensure_registered() }
        guard let autolink = cmark_find_syntax_extension("autolink"), let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return }
        cmark_parser_attach_syntax_extension(parser, autolink)
        cmark_manage_extensions_special_characters(parser, 1)
        cmark_parser_free(parser)
        cmark_syntax_extension_set_special_inline_chars(autolink, nil)
    }()

    /// Runs `body` with LeakSanitizer's `__lsan_disable`/`__lsan_enable` around it when the
    /// process has a leak checker (`make sanitize`), so allocations made inside are not reported
    /// as leaks; in a normal build the two symbols are absent and `body` simply runs.
    private static func withLeakCheckingPaused(_ body: () -> Void) {
        typealias Hook = @convention(c) () -> Void
        let process = dlopen(nil, RTLD_NOW)
        defer { if let process { dlclose(process) } }
        guard let disable = dlsym(process, "__lsan_disable"), let enable = dlsym(process, "__lsan_enable") else {
            body()
            return
        }
        unsafeBitCast(disable, to: Hook.self)()
        body()
        unsafeBitCast(enable, to: Hook.self)()
    }

    /// The GFM extensions every parse enables.
    static let extensionNames = ["table", "tasklist", "strikethrough", "autolink"]

    /// Parses `text` as GitHub Flavored Markdown.
    ///
    /// - Parameters:
    ///   - text: the Markdown source; line numbers in the result are lines of this text.
    ///   - renderHTML: also render the document as safe HTML.
    ///   - maxDepth: nodes nested deeper than this are left out of the Swift tree (the HTML keeps
    ///     them), so a hostile document with thousands of nested lists cannot exhaust the stack
    ///     of the recursive code that later reads the tree.
    public static func parse(_ text: String, renderHTML: Bool = false, maxDepth: Int = 64) -> Result {
        _ = extensionsReady
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else {
            return Result(document: MarkdownNode(kind: .document), html: nil, depthLimitReached: false)
        }
        defer { cmark_parser_free(parser) }
        var source = text
        let refused = source.withUTF8 { referenceExpansionBound($0) > referenceExpansionLimit(sourceBytes: $0.count) }
        if refused {
            return Result(document: MarkdownNode(kind: .document), html: nil, depthLimitReached: false, referencesRefused: true)
        }
        let tablesRefused = source.withUTF8 { bytes in
            let work = tableWork(bytes), limit = tableLimits(sourceBytes: bytes.count)
            return work.cells > limit.cells || work.steps > limit.steps
        }
        if tablesRefused {
            return Result(document: MarkdownNode(kind: .document), html: nil, depthLimitReached: false, tablesRefused: true)
        }
        let finished: OpaquePointer? = source.withUTF8 { buffer in
            // See `strikethroughLock`: a document without `~` parses without the strikethrough
            // extension (which could not match anything in it), so it never touches `~` in
            // cmark's table; one with `~` holds the lock.
            let hasTilde = buffer.baseAddress.map { memchr($0, Int32(UInt8(ascii: "~")), buffer.count) != nil } ?? false
            for name in extensionNames where hasTilde || name != "strikethrough" {
                if let ext = cmark_find_syntax_extension(name) {
                    cmark_parser_attach_syntax_extension(parser, ext)
                }
            }
            if hasTilde { strikethroughLock.lock() }
            defer { if hasTilde { strikethroughLock.unlock() } }
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
            return cmark_parser_finish(parser)
        }
        guard let root = finished else {
            return Result(document: MarkdownNode(kind: .document), html: nil, depthLimitReached: false)
        }
        defer { cmark_node_free(root) }

        // HTML first: converting frees the C tree block by block as it goes.
        var html: String?
        if renderHTML {
            // Safe mode is cmark-gfm's default: CMARK_OPT_UNSAFE is deliberately not set.
            if let rendered = cmark_render_html(root, CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES,
                                                cmark_parser_get_syntax_extensions(parser)) {
                html = String(cString: rendered)
                // Rendered strings come from cmark's default allocator and go back to it.
                cmark_get_default_mem_allocator().pointee.free(rendered)
            }
        }
        let (document, truncated) = source.withUTF8 { convert(root, source: $0, maxDepth: maxDepth) }
        return Result(document: document, html: html, depthLimitReached: truncated)
    }

    /// Renders `markdown` as safe HTML with the GFM extensions: raw HTML is omitted and
    /// `javascript:`, `vbscript:`, `file:` and non-image `data:` links are emptied.
    public static func renderHTML(_ markdown: String) -> String {
        parse(markdown, renderHTML: true, maxDepth: 0).html ?? ""
    }

    // MARK: - Walking the C tree

    private static func convert(_ root: OpaquePointer, source: UnsafeBufferPointer<UInt8>, maxDepth: Int) -> (MarkdownNode, Bool) {
        guard let iterator = cmark_iter_new(root) else { return (MarkdownNode(kind: .document), false) }
        defer { cmark_iter_free(iterator) }
        var builder = MarkdownTree.Builder()
        let rootIndex = builder.reserve(1)
        // The open containers, and for each the next of its child records to fill: a
        // container's children are reserved together when it is entered, so they sit side by side.
        var open: [(node: OpaquePointer, next: Int32)] = []
        // The container whose subtree is being skipped (deeper than `maxDepth`), until it exits.
        var skipping: OpaquePointer?
        var truncated = false
        // The paragraphs and headings of more than one line, whose later lines' columns are
        // corrected below.
        var spanningLines: [Int32] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if let skipped = skipping {
                if event == CMARK_EVENT_EXIT && node == skipped {
                    skipping = nil
                    freeIfTopLevel(node, root: root)
                }
                continue
            }
            if event == CMARK_EVENT_ENTER {
                let isContainer = !isIteratorLeaf(node)
                if open.count > maxDepth {
                    truncated = true
                    if isContainer { skipping = node }
                    continue
                }
                let slot: Int32
                if let parent = open.last {
                    slot = parent.next
                    open[open.count - 1].next = parent.next + 1
                } else {
                    slot = rootIndex
                }
                fill(&builder, at: slot, from: node)
                let tag = builder.records[Int(slot)].tag
                if tag == .paragraph || tag == .heading, builder.records[Int(slot)].endLine > builder.records[Int(slot)].startLine {
                    spanningLines.append(slot)
                }
                if isContainer {
                    // Children one level deeper than `maxDepth` are skipped when entered, so
                    // no records are reserved for them.
                    let count = open.count + 1 > maxDepth ? 0 : childCount(node)
                    let first = builder.reserve(count)
                    builder.setChildren(of: slot, first: first, count: count)
                    open.append((node, first))
                } else if !open.isEmpty {
                    freeIfTopLevel(node, root: root)
                }
            } else if event == CMARK_EVENT_EXIT {
                // Only a container entered above exits; the check keeps the stack right should
                // a future cmark-gfm send an exit for a node it treats here as a leaf.
                guard let position = open.lastIndex(where: { $0.node == node }) else { continue }
                open.removeSubrange(position...)
                if !open.isEmpty { freeIfTopLevel(node, root: root) }
            }
        }
        if !spanningLines.isEmpty { correctContinuationColumns(of: spanningLines, in: &builder.records, source: source) }
        return (MarkdownNode(tree: builder.finish(), index: rootIndex), truncated)
    }

    /// cmark-gfm 0.29.0.gfm.6 places the inlines of a paragraph's later lines as if each line's
    /// text started in the column the paragraph's first line does: `  due: 2027-01-15` under
    /// `- [ ] Add an alert` came out at column 7, not 3, and a line indented more or less than
    /// the first was off by the difference. Within a line the columns are right relative to each
    /// other, so each later line is shifted by one amount: from where cmark-gfm puts the first
    /// inline after the line break to where the line's text starts in the source (after the
    /// spaces, tabs and `>` of its containers; no paragraph's later line starts with its own `>`,
    /// which would open a block quote).
    ///
    /// A line whose first inline is a link that does not start with `[` or `<` (made by the
    /// autolink extension, which places its links one column early) is left as cmark-gfm has it.
    private static func correctContinuationColumns(of blocks: [Int32], in records: inout [MarkdownTree.Record], source: UnsafeBufferPointer<UInt8>) {
        var lines = LineCursor(source)
        for index in blocks {
            let r = records[Int(index)]
            guard r.startLine > 0, r.childCount > 0 else { continue }
            // The shift of each later line that has one, by line number.
            var shifts: [Int32: Int32] = [:]
            var afterBreak = false
            collectShifts(of: r, in: records, source: source, lines: &lines, afterBreak: &afterBreak, into: &shifts)
            if !shifts.isEmpty { applyShifts(shifts, under: r, to: &records) }
        }
    }

    private static func collectShifts(of parent: MarkdownTree.Record, in records: [MarkdownTree.Record], source: UnsafeBufferPointer<UInt8>,
                                      lines: inout LineCursor, afterBreak: inout Bool, into shifts: inout [Int32: Int32]) {
        for child in parent.firstChild..<(parent.firstChild + parent.childCount) {
            let r = records[Int(child)]
            if r.tag == .softBreak || r.tag == .lineBreak {
                afterBreak = true
                continue
            }
            if afterBreak, r.startLine > 0 {
                afterBreak = false
                if let start = lines.start(of: Int(r.startLine)) {
                    var i = start
                    let end = source.count
                    while i < end, source[i] == UInt8(ascii: " ") || source[i] == UInt8(ascii: "\t") || source[i] == UInt8(ascii: ">") { i += 1 }
                    let autolinked = r.tag == .link && i < end && source[i] != UInt8(ascii: "[") && source[i] != UInt8(ascii: "<")
                    if i < end, source[i] != UInt8(ascii: "\n"), source[i] != UInt8(ascii: "\r"), !autolinked {
                        let column = Int32(clamping: i - start + 1)
                        if column != r.startColumn { shifts[r.startLine] = column - r.startColumn }
                    }
                }
            }
            if r.childCount > 0 {
                collectShifts(of: r, in: records, source: source, lines: &lines, afterBreak: &afterBreak, into: &shifts)
            }
        }
    }

    private static func applyShifts(_ shifts: [Int32: Int32], under parent: MarkdownTree.Record, to records: inout [MarkdownTree.Record]) {
        for child in parent.firstChild..<(parent.firstChild + parent.childCount) {
            var r = records[Int(child)]
            if r.startLine > 0 {
                if let shift = shifts[r.startLine] { r.startColumn = max(1, r.startColumn + shift) }
                if let shift = shifts[r.endLine] { r.endColumn = max(1, r.endColumn + shift) }
                records[Int(child)] = r
            }
            if r.childCount > 0 { applyShifts(shifts, under: r, to: &records) }
        }
    }

    /// Finds where lines of a text start, reading forward from the last line asked for
    /// (paragraphs are corrected in document order). Lines end at "\n", "\r\n" or a lone "\r",
    /// as cmark-gfm's do.
    struct LineCursor {
        let source: UnsafeBufferPointer<UInt8>
        /// Nearly every file has no "\r": then line ends are found with memchr.
        let hasReturns: Bool
        var line = 1
        var offset = 0

        init(_ source: UnsafeBufferPointer<UInt8>) {
            self.source = source
            hasReturns = source.baseAddress.map { memchr($0, Int32(UInt8(ascii: "\r")), source.count) != nil } ?? false
        }

        /// Every line's start, made the first time a line before the last one is asked for:
        /// cmark-gfm moves footnote definitions to the end in the order they are referenced, so
        /// a document can ask for its lines backwards (40,000 footnotes had taken 14 s).
        var starts: [Int]?

        /// The byte offset where 1-based line `target` starts; nil past the text's end.
        mutating func start(of target: Int) -> Int? {
            if let starts { return target >= 1 && target <= starts.count ? starts[target - 1] : nil }
            if target < line {
                var all = [0]
                (line, offset) = (1, 0)
                while let next = start(of: line + 1) { all.append(next) }
                starts = all
                return target >= 1 && target <= all.count ? all[target - 1] : nil
            }
            let n = source.count
            while line < target {
                guard offset < n, let base = source.baseAddress else { return nil }
                if hasReturns {
                    var i = offset
                    while i < n, source[i] != UInt8(ascii: "\n"), source[i] != UInt8(ascii: "\r") { i += 1 }
                    guard i < n else { return nil }
                    if source[i] == UInt8(ascii: "\r"), i + 1 < n, source[i + 1] == UInt8(ascii: "\n") { i += 1 }
                    offset = i + 1
                } else {
                    guard let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), n - offset) else { return nil }
                    offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                }
                line += 1
            }
            return offset
        }
    }

    /// Frees a block of the document once it has been converted, so the C tree and the Swift
    /// tree of a large document are not both held in full (a 9 MB document peaked at 640 MB).
    /// cmark's iterator allows this: it has already stored its next step when it reports the
    /// exit of a container or the entry of a leaf, and freeing unlinks the node from its parent.
    @inline(__always)
    private static func freeIfTopLevel(_ node: OpaquePointer, root: OpaquePointer) {
        if cmark_node_parent(node) == root { cmark_node_free(node) }
    }

    /// The number of direct children of `node`.
    private static func childCount(_ node: OpaquePointer) -> Int {
        var count = 0
        var child = cmark_node_first_child(node)
        while let current = child {
            count += 1
            child = cmark_node_next(current)
        }
        return count
    }

    /// The node types cmark-gfm's iterator reports with an enter event only (`S_is_leaf` in
    /// its `iterator.c`); every other node, empty or not, gets an enter and an exit. A
    /// footnote reference is not among them: it had been taken for a leaf here, so its exit
    /// closed the paragraph around it, and the document came out as its last footnote
    /// definition, with every section of the postmortem lost.
    private static func isIteratorLeaf(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE,
             CMARK_NODE_HTML_INLINE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK,
             CMARK_NODE_THEMATIC_BREAK:
            return true
        default:
            return false
        }
    }

    /// Appends the C string at `pointer` (if any) to the tree's bytes and returns where it is.
    private static func store(_ pointer: UnsafePointer<CChar>?, in builder: inout MarkdownTree.Builder) -> (Int32, Int32) {
        guard let pointer else { return (Int32(builder.bytes.count), 0) }
        return builder.store(UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)))
    }

    private static func isTypeString(_ node: OpaquePointer, _ name: StaticString) -> Bool {
        guard let type = cmark_node_get_type_string(node) else { return false }
        return name.withUTF8Buffer { expected in
            var i = 0
            for byte in expected {
                // A shorter C string stops here at its terminating zero.
                if UInt8(bitPattern: type[i]) != byte { return false }
                i += 1
            }
            return type[i] == 0
        }
    }

    /// Fills record `index` from the C node: its type, payload, literal and source range.
    private static func fill(_ builder: inout MarkdownTree.Builder, at index: Int32, from node: OpaquePointer) {
        var r = MarkdownTree.Record()
        var hasLiteral = false
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: r.tag = .document
        case CMARK_NODE_BLOCK_QUOTE: r.tag = .blockQuote
        case CMARK_NODE_LIST:
            r.tag = .list
            r.flags = (cmark_node_get_list_type(node) == CMARK_ORDERED_LIST ? 1 : 0) | (cmark_node_get_list_tight(node) != 0 ? 2 : 0)
            r.number = cmark_node_get_list_start(node)
        case CMARK_NODE_ITEM:
            r.tag = .item
            if isTypeString(node, "tasklist") { r.flags = cmark_gfm_extensions_get_tasklist_item_checked(node) ? 3 : 1 }
        case CMARK_NODE_CODE_BLOCK:
            r.tag = .codeBlock
            (r.secondStart, r.secondLength) = store(cmark_node_get_fence_info(node), in: &builder)
            hasLiteral = true
        case CMARK_NODE_HTML_BLOCK:
            r.tag = .htmlBlock
            hasLiteral = true
        case CMARK_NODE_PARAGRAPH: r.tag = .paragraph
        case CMARK_NODE_HEADING:
            r.tag = .heading
            r.number = cmark_node_get_heading_level(node)
        case CMARK_NODE_THEMATIC_BREAK: r.tag = .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: r.tag = .footnoteDefinition
        case CMARK_NODE_TEXT:
            r.tag = .text
            hasLiteral = true
        case CMARK_NODE_SOFTBREAK: r.tag = .softBreak
        case CMARK_NODE_LINEBREAK: r.tag = .lineBreak
        case CMARK_NODE_CODE:
            r.tag = .code
            hasLiteral = true
        case CMARK_NODE_HTML_INLINE:
            r.tag = .htmlInline
            hasLiteral = true
        case CMARK_NODE_EMPH: r.tag = .emphasis
        case CMARK_NODE_STRONG: r.tag = .strong
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            r.tag = cmark_node_get_type(node) == CMARK_NODE_LINK ? .link : .image
            (r.secondStart, r.secondLength) = store(cmark_node_get_url(node), in: &builder)
            (r.thirdStart, r.thirdLength) = store(cmark_node_get_title(node), in: &builder)
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            r.tag = .footnoteReference
            hasLiteral = true
        default:
            // Extension node types are registered at run time; they are known by name.
            // Compared as C strings: no Swift String per table cell.
            if isTypeString(node, "table_cell") {
                r.tag = .tableCell
            } else if isTypeString(node, "table_row") {
                r.tag = .tableRow
                r.flags = cmark_gfm_extensions_get_table_row_is_header(node) != 0 ? 1 : 0
            } else if isTypeString(node, "table_header") {
                r.tag = .tableRow
                r.flags = 1
            } else if isTypeString(node, "table") {
                r.tag = .table
                r.number = Int32(clamping: cmark_gfm_extensions_get_table_columns(node))
            } else if isTypeString(node, "strikethrough") {
                r.tag = .strikethrough
            } else {
                r.tag = .unsupported
                (r.secondStart, r.secondLength) = store(cmark_node_get_type_string(node), in: &builder)
            }
        }
        if hasLiteral {
            (r.literalStart, r.literalLength) = store(cmark_node_get_literal(node), in: &builder)
        }
        let startLine = cmark_node_get_start_line(node)
        if startLine > 0 {
            r.startLine = startLine
            r.startColumn = max(1, cmark_node_get_start_column(node))
            r.endLine = max(startLine, cmark_node_get_end_line(node))
            r.endColumn = max(1, cmark_node_get_end_column(node))
        }
        builder.records[Int(index)] = r
    }
}
