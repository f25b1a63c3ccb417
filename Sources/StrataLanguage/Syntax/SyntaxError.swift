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

    /// The message, the offending line, and a caret line under the span, e.g.
    /// ```
    /// error: unknown column 'amout'
    ///   filter tx where amout > 0
    ///                   ^^^^^
    /// did you mean 'amount'?
    /// ```
    public func rendered(line: String, location: String? = nil) -> String {
        let chars = Array(line)
        let start = min(max(span.start, 0), chars.count)
        let end = min(max(span.end, start + 1), chars.count + 1)
        let prefix = DisplayWidth.of(String(chars[0..<start]))
        let underline = max(1, DisplayWidth.of(String(chars[start..<min(end, chars.count)])))
        var out = "error: "
        if let location { out += location + ": " }
        out += message + "\n"
        out += "  " + line + "\n"
        out += "  " + String(repeating: " ", count: prefix) + String(repeating: "^", count: underline)
        if let suggestion { out += "\n" + suggestion }
        return out
    }
}
