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

/// Terminal display width of text: wide East Asian characters take two cells, combining marks none.
/// A minimal table of the common ranges; enough for carets and table alignment.
public enum DisplayWidth {
    public static func of(_ s: String) -> Int {
        var w = 0
        for scalar in s.unicodeScalars { w += of(scalar) }
        return w
    }

    public static func of(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v == 0 { return 0 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }
}
