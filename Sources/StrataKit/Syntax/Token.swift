/// Positions are Character offsets within one logical command line, so a caret can be drawn
/// under the offending token even when the line holds non-ASCII text.
public struct SourceSpan: Sendable, Equatable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(end, start)
    }

    public static func point(_ at: Int) -> SourceSpan { SourceSpan(start: at, end: at + 1) }

    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: min(start, other.start), end: max(end, other.end))
    }
}

public enum TokenKind: Sendable, Equatable {
    /// Identifiers and bare words: letters, digits, `_` (not starting with a digit).
    case word(String)
    /// Numeric literal text as typed (`42`, `3.5`, `1e-3`).
    case number(String)
    /// A quoted string, escapes resolved.
    case string(String)
    /// An ISO date literal `2011-12-09`, or date-time `2011-12-09T10:00`.
    case date(String)
    /// `$name`: a session parameter.
    case variable(String)
    /// Operators and punctuation: = == != <> < <= > >= + - * / % ( ) , : .. . [ ]
    case symbol(String)
    case end
}

public struct Token: Sendable, Equatable {
    public var kind: TokenKind
    public var span: SourceSpan
    /// A `.word` written in backquotes, `` `Age Group` ``: a name that is not a plain word (spaces,
    /// punctuation, a keyword). It reads as a name wherever a word does, but is never a keyword,
    /// a function or a literal: `` `true` `` is the column called true.
    public var isBackquoted: Bool

    public init(_ kind: TokenKind, _ span: SourceSpan, backquoted: Bool = false) {
        self.kind = kind
        self.span = span
        self.isBackquoted = backquoted
    }

    /// The word's text if this is a word, backquoted or not (a name).
    public var word: String? { if case .word(let w) = kind { return w } else { return nil } }

    /// Whether this is the keyword `w` (lower case); a backquoted word never is.
    public func isWord(_ w: String) -> Bool {
        if !isBackquoted, case .word(let x) = kind { return x.lowercased() == w } else { return false }
    }

    public func isSymbol(_ s: String) -> Bool {
        if case .symbol(let x) = kind { return x == s } else { return false }
    }

    public var isEnd: Bool { kind == .end }

    /// A `$name` parameter reference.
    public var isVariable: Bool { if case .variable = kind { return true } else { return false } }

    /// How the token reads in a message.
    public var display: String {
        switch kind {
        case .word(let w): return isBackquoted ? Identifier.backquoted(w) : w
        case .number(let n): return n
        case .string(let s): return "\"\(s)\""
        case .date(let d): return d
        case .variable(let v): return "$" + v
        case .symbol(let s): return s
        case .end: return "end of line"
        }
    }
}
