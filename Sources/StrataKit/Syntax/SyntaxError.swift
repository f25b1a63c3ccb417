/// An error in a command line, pointing at where it went wrong.
public struct SyntaxError: UserFacingError, CustomStringConvertible {
    public let message: String
    public let span: SourceSpan
    public let suggestion: String?

    public init(_ message: String, at span: SourceSpan, suggestion: String? = nil) {
        self.message = message
        self.span = span
        self.suggestion = suggestion
    }

    public var description: String { message }

    /// Longest line echoed whole under an error.
    package static let maxEchoed = 200
    /// Characters shown on each side of the span when a longer line is cut.
    package static let windowContext = 60

    /// The message, the offending line, and a caret line under the span, e.g.
    /// ```
    /// error: unknown column 'amout'
    ///   filter tx where amout > 0
    ///                   ^^^^^
    /// did you mean 'amount'?
    /// ```
    ///
    /// A line longer than `maxEchoed` characters (a generated one, say) is cut to a window around
    /// the span, marked with `…`, so that the caret stays on screen and the message stays short.
    public func rendered(line: String, location: String? = nil) -> String {
        let chars = Array(line)
        let start = min(max(span.start, 0), chars.count)
        let end = min(max(span.end, start + 1), chars.count + 1)
        var from = 0, to = chars.count
        if chars.count > Self.maxEchoed {
            from = max(0, start - Self.windowContext)
            to = min(chars.count, min(min(end, chars.count), start + Self.windowContext) + Self.windowContext)
        }
        let lead = from > 0 ? "…" : ""
        let shown = lead + String(chars[from..<to]) + (to < chars.count ? "…" : "")
        let prefix = lead.count + DisplayWidth.of(String(chars[from..<start]))
        let underline = max(1, DisplayWidth.of(String(chars[start..<min(end, to)])))
        var out = "error: "
        if let location { out += location + ": " }
        out += message + "\n"
        out += "  " + shown + "\n"
        out += "  " + String(repeating: " ", count: prefix) + String(repeating: "^", count: underline)
        if let suggestion { out += "\n" + suggestion }
        return out
    }
}
