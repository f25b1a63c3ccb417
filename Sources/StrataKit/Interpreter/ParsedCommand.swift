/// A positional argument after parsing.
public enum SlotValue: Sendable {
    case text(String, SourceSpan)
    case list([(String, SourceSpan)])
    case sortKeys([(column: String, descending: Bool, span: SourceSpan)])
    /// Tokens of an expression-like slot, parsed by the command with the expression parser.
    case tokens(Range<Int>)
    case number(Double, SourceSpan)
    /// An optional group that was typed.
    case present
}

/// An option's value after conversion to its declared kind.
public enum OptionValue: Sendable, Equatable {
    case int(Int)
    case double(Double)
    case string(String)
    case bool(Bool)
    case list([String])
    case pairs([(String, String)])
    case range(ClosedRange<Int>)
    case date(Int64)

    public static func == (a: OptionValue, b: OptionValue) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.list(let x), .list(let y)): return x == y
        case (.pairs(let x), .pairs(let y)): return x.map { $0.0 + ":" + $0.1 } == y.map { $0.0 + ":" + $0.1 }
        case (.range(let x), .range(let y)): return x == y
        case (.date(let x), .date(let y)): return x == y
        default: return false
        }
    }
}

/// One command line, parsed and validated against its declaration and the workspace.
public struct ParsedCommand: Sendable {
    public let spec: CommandSpec
    public let line: String
    public let tokens: [Token]
    public internal(set) var arguments: [String: SlotValue] = [:]
    public internal(set) var options: [String: (value: OptionValue, span: SourceSpan)] = [:]
    public internal(set) var binding: (name: String, span: SourceSpan)?
    /// The name of the subject table (the first `.table` slot), if any.
    public internal(set) var subject: String?
    /// The workspace names the command reads: those its table, rows, `TABLE.COLUMN` and tables slots
    /// name, and its `value`/`values` options.
    public internal(set) var reads: Set<String> = []
    /// Span of the verb words, for errors about the command as a whole.
    public let verbSpan: SourceSpan

    package init(spec: CommandSpec, line: String, tokens: [Token], verbSpan: SourceSpan) {
        self.spec = spec
        self.line = line
        self.tokens = tokens
        self.verbSpan = verbSpan
    }

    /// The name the result is stored under: `as NAME`, else what the declaration's binding calls for
    /// (the subject for a command that replaces it); nil for a command that stores nothing, or one
    /// that would replace a subject it does not have.
    public var resultName: String? {
        if let (name, _) = binding { return name }
        switch spec.binding {
        case .none: return nil
        case .replacesSubject: return subject
        case .named(let name): return name(self)
        }
    }

    /// The workspace names the command stores its result under (derived from its declaration, as `reads` is).
    public var binds: Set<String> { resultName.map { [$0] } ?? [] }

    // MARK: positional arguments

    public func text(_ slot: String) -> String? {
        if case .text(let s, _)? = arguments[slot] { return s }
        return nil
    }

    public func span(_ slot: String) -> SourceSpan {
        switch arguments[slot] {
        case .text(_, let s)?, .number(_, let s)?: return s
        case .list(let l)?: return (l.first?.1 ?? verbSpan).union(l.last?.1 ?? verbSpan)
        case .sortKeys(let k)?: return (k.first?.span ?? verbSpan).union(k.last?.span ?? verbSpan)
        case .tokens(let r)?:
            guard let first = r.first, let last = r.last, last < tokens.count else { return verbSpan }
            return tokens[first].span.union(tokens[last].span)
        default: return verbSpan
        }
    }

    public func list(_ slot: String) -> [String] {
        if case .list(let l)? = arguments[slot] { return l.map(\.0) }
        return []
    }

    public func listWithSpans(_ slot: String) -> [(String, SourceSpan)] {
        if case .list(let l)? = arguments[slot] { return l }
        return []
    }

    public func sortKeys(_ slot: String) -> [(column: String, descending: Bool, span: SourceSpan)] {
        if case .sortKeys(let k)? = arguments[slot] { return k }
        return []
    }

    public func tokenRange(_ slot: String) -> Range<Int>? {
        if case .tokens(let r)? = arguments[slot] { return r }
        return nil
    }

    public func number(_ slot: String) -> Double? {
        if case .number(let d, _)? = arguments[slot] { return d }
        return nil
    }

    public func has(_ slot: String) -> Bool { arguments[slot] != nil }

    // MARK: options: read through their typed declarations (CommandOption.swift)

    /// The seed for this command: its `seed=` option when declared and typed, else the session's.
    public func seed(_ option: CommandOption<Int?>, _ settings: Settings) -> UInt64 {
        if case .int(let v)? = options[option.key]?.value { return UInt64(bitPattern: Int64(v)) }
        return settings.seed
    }

    public func error(_ message: String, at span: SourceSpan? = nil, suggestion: String? = nil) -> SyntaxError {
        SyntaxError(message, at: span ?? verbSpan, suggestion: suggestion)
    }
}
