/// Joins physical lines ending in `\` into one logical command line, remembering where it started
/// so errors can say `file:LINE`.
public struct LogicalLines {
    private var parts: [String] = []
    public private(set) var firstLine = 0

    public init() {}

    /// True while a continued line waits for its next part.
    public var isContinuing: Bool { !parts.isEmpty }

    /// The parts collected so far, as they will be joined.
    public var pending: String { parts.joined(separator: " ") }

    /// Adds one physical line; returns the logical line once it is complete.
    public mutating func add(_ line: String, number: Int) -> String? {
        var line = Substring(line)
        if parts.isEmpty {
            firstLine = number
        } else {
            // Continuation lines are usually indented; the indent is layout, not content.
            while let first = line.first, first == " " || first == "\t" { line.removeFirst() }
        }
        if let head = Self.continued(String(line)) {
            parts.append(head)
            return nil
        }
        parts.append(String(line))
        defer { parts.removeAll() }
        return parts.joined(separator: " ")
    }

    /// What was collected, for input that ends in the middle of a continued line.
    public mutating func flush() -> String? {
        guard !parts.isEmpty else { return nil }
        defer { parts.removeAll() }
        return parts.joined(separator: " ")
    }

    public mutating func discard() { parts.removeAll() }

    /// Feeds every logical line of a script to `body` with the number of the physical line it starts
    /// on, until the input ends or `body` returns false. A script may end inside a continued line.
    public static func forEach(_ nextLine: () -> String?, _ body: (_ line: String, _ number: Int) throws -> Bool) rethrows {
        var lines = LogicalLines()
        var number = 0
        while let physical = nextLine() {
            number += 1
            let line = physical.hasSuffix("\r") ? String(physical.dropLast()) : physical
            guard let logical = lines.add(line, number: number) else { continue }
            guard try body(logical, lines.firstLine) else { return }
        }
        if let rest = lines.flush() { _ = try body(rest, lines.firstLine) }
    }

    /// The line without its trailing `\` if it continues on the next one. A backslash at the end
    /// of a comment is part of the comment: a script must not swallow the line after it.
    public static func continued(_ line: String) -> String? {
        var trimmed = Substring(line)
        while let last = trimmed.last, last == " " || last == "\t" || last == "\r" { trimmed.removeLast() }
        guard trimmed.last == "\\", !hasComment(trimmed) else { return nil }
        trimmed.removeLast()
        // Parts are joined with one space; spaces before the backslash would double it.
        while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
        return String(trimmed)
    }

    private static func hasComment(_ s: Substring) -> Bool {
        var quote: Character?
        var escaped = false
        for c in s {
            if let q = quote {
                // A backquoted name has no escapes (a doubled backquote closes and reopens it).
                if escaped { escaped = false } else if c == "\\", q != "`" { escaped = true } else if c == q { quote = nil }
            } else if c == "\"" || c == "'" || c == "`" {
                quote = c
            } else if c == "#" {
                return true
            }
        }
        return false
    }
}
