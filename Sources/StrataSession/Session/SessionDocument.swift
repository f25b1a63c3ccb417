/// A session file read back: its header, and each command with the output recorded under it.
/// The format is documented in docs/sessions.md. Reading never fails: anything that is not a
/// command, a header line or an output line is a comment, so a hand-edited file still replays.
public struct SessionDocument: Sendable {
    public struct Entry: Sendable {
        /// The logical command line.
        public let source: String
        /// The physical line it starts on, for `FILE:LINE`.
        public let line: Int
        /// `#` comments written above it.
        public let comments: [String]
        /// The `#>` lines under it, without the prefix.
        public var recorded: [String]
    }

    public var header = SessionHeader()
    public var entries: [Entry] = []
    /// Whether the file carries a header (a plain script does not).
    public var hasHeader = false
    /// `#` comments after the last command, kept when the session is re-recorded.
    public var trailingComments: [String] = []

    package static let outputPrefix = "#>"

    public init(text: String) {
        var physical = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if physical.last == "" { physical.removeLast() }
        var comments: [String] = []
        var inHeader = true
        var logical = LogicalLines()
        for (index, raw) in physical.enumerated() {
            let number = index + 1
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
            let trimmed = line.trimmingSpaces
            if !logical.isContinuing {
                if trimmed.hasPrefix(Self.outputPrefix) {
                    if !entries.isEmpty {
                        var body = trimmed.dropFirst(Self.outputPrefix.count)
                        if body.first == " " { body.removeFirst() }
                        entries[entries.count - 1].recorded.append(String(body))
                    }
                    continue
                }
                if trimmed.hasPrefix("#") {
                    if inHeader, header.read(trimmed) { hasHeader = true; continue }
                    comments.append(trimmed)
                    continue
                }
                if trimmed.isEmpty {
                    // A blank line ends the header block. Between comments it separates paragraphs, which stay.
                    if hasHeader { inHeader = false }
                    if let last = comments.last, !last.isEmpty { comments.append("") }
                    continue
                }
            }
            inHeader = false
            if let complete = logical.add(line, number: number) {
                entries.append(Entry(source: complete, line: logical.firstLine, comments: Self.trimmed(comments), recorded: []))
                comments = []
            }
        }
        if let rest = logical.flush() {
            entries.append(Entry(source: rest, line: logical.firstLine, comments: Self.trimmed(comments), recorded: []))
            comments = []
        }
        trailingComments = Self.trimmed(comments)
    }

    /// The text of a session: header, then every saved cell with its comments and output.
    public static func render(cells: [Cell], header: SessionHeader, trailingComments: [String] = []) -> String {
        var out = header.lines()
        for cell in cells where cell.isSaved {
            out.append("")
            out += cell.comments
            out.append(cell.source)
            out += cell.outputLines.map { $0.isEmpty ? outputPrefix : outputPrefix + " " + $0 }
        }
        if !trailingComments.isEmpty { out += [""] + trailingComments }
        return out.joined(separator: "\n") + "\n"
    }

    private static func trimmed(_ comments: [String]) -> [String] {
        var out = comments
        while out.last == "" { out.removeLast() }
        return out
    }

    /// Recorded lines compare without trailing spaces: editors strip them, and they carry nothing.
    package static func normalized(_ lines: [String]) -> [String] {
        var out = lines.map { line -> String in
            var s = Substring(line)
            while let l = s.last, l == " " || l == "\t" { s.removeLast() }
            return String(s)
        }
        while out.last == "" { out.removeLast() }
        return out
    }
}
