/// Turns one logical line into a `ParsedCommand`, driven entirely by the command's declaration,
/// and checks it against the workspace (tables and columns exist) before anything runs.
public struct CommandParser {
    public let registry: CommandRegistry
    public let workspace: Workspace

    public init(registry: CommandRegistry, workspace: Workspace) {
        self.registry = registry
        self.workspace = workspace
    }

    /// nil for a blank or comment-only line.
    public func parse(_ line: String) throws -> ParsedCommand? {
        var tokens = try Lexer.tokenize(line)
        guard let first = tokens.first, !first.isEnd else { return nil }
        // `param` declares a parameter: its own `$name`s are not substituted.
        if !first.isWord("param") {
            tokens = try ParameterSubstitution.apply(tokens, parameters: workspace.parameters)
        }
        var verbWords: [String] = []
        for t in tokens.prefix(3) {
            guard let w = t.word else { break }
            verbWords.append(w)
        }
        guard let spec = registry.match(words: verbWords) else {
            let shown = first.word ?? first.display
            throw SyntaxError("unknown command '\(shown)'", at: first.span,
                              suggestion: Suggestions.didYouMean(shown, among: registry.verbs)
                                ?? "type 'help' to list commands")
        }
        let verbCount = spec.words.count
        let verbSpan = tokens[0].span.union(tokens[verbCount - 1].span)
        var parsed = ParsedCommand(spec: spec, line: line, tokens: tokens, verbSpan: verbSpan)

        // `as NAME` at the very end binds the result.
        var end = tokens.count - 1  // index of the .end token
        if end >= 2, tokens[end - 2].isWord("as"), let name = tokens[end - 1].word {
            if case .none = spec.binding {
                throw SyntaxError("'\(spec.name)' does not produce a value to name", at: tokens[end - 2].span.union(tokens[end - 1].span),
                                  suggestion: "remove 'as \(name)'")
            }
            parsed.binding = (name, tokens[end - 1].span)
            end -= 2
        } else if end > verbCount, tokens[end - 1].isWord("as"), spec.binding.acceptsName,
                  !tokens[end - 2].isSymbol("="), !tokens[end - 2].isSymbol(","), !tokens[end - 2].isSymbol(":") {
            // Caught here, once for every command, so that a forgotten name reads the same everywhere
            // instead of surfacing as whatever the last slot makes of a stray 'as'.
            throw SyntaxError("'as' must be followed by a name", at: tokens[end - 1].span,
                              suggestion: "name the result, e.g. … as result, or remove 'as'")
        }

        var matcher = SlotMatcher(parsing: parsed, end: end, parser: self)
        try matcher.matchArguments()
        if !matcher.cursor.atEnd {
            let t = matcher.cursor.current
            throw SyntaxError("unexpected '\(t.display)'", at: t.span, suggestion: "usage: \(spec.synopsis)")
        }
        parsed = matcher.parsed
        try recheckColumnOptions(parsed)
        return parsed
    }

    /// Column options typed before the table (`describe cols=age customers`) were converted when
    /// there was no table to check them against; check them now, so they fail here with a caret
    /// rather than later in the engine without one.
    private func recheckColumnOptions(_ parsed: ParsedCommand) throws {
        guard parsed.subject != nil else { return }
        for option in parsed.spec.options {
            guard let (value, span) = parsed.options[option.key] else { continue }
            switch (option.kind, value) {
            case (.column, .string(let name)): try requireColumn(name, span, parsed.subject)
            case (.columns, .list(let names)): for name in names { try requireColumn(name, span, parsed.subject) }
            default: break
            }
        }
    }

    // MARK: option values

    package func convert(_ raw: RawOptionValue, spec: OptionSpec, subject: String?) throws -> OptionValue {
        let single = raw.items.count == 1 ? raw.items[0] : nil
        func fail(_ what: String) -> SyntaxError {
            SyntaxError("option '\(spec.key)' expects \(what), got '\(raw.text)'", at: raw.span)
        }
        switch spec.kind {
        case .int(let range):
            guard let s = single, s.parts.count == 1, let v = Int(s.parts[0]) else { throw fail("a whole number") }
            if let range, !range.contains(v) {
                throw SyntaxError("option '\(spec.key)' must be between \(range.lowerBound) and \(range.upperBound), got \(v)", at: raw.span)
            }
            return .int(v)
        case .double(let range):
            guard let s = single, s.parts.count == 1, let v = Double(s.parts[0]), v.isFinite else { throw fail("a number") }
            if let range, !range.contains(v) {
                throw SyntaxError("option '\(spec.key)' must be between \(range.lowerBound) and \(range.upperBound), got \(s.parts[0])", at: raw.span)
            }
            return .double(v)
        case .string, .path, .value:
            guard let s = single, s.parts.count == 1 else { return .string(raw.text) }
            return .string(s.parts[0])
        case .bool:
            guard let s = single, s.parts.count == 1 else { throw fail("yes or no") }
            switch s.parts[0].lowercased() {
            case "yes", "true", "on", "1": return .bool(true)
            case "no", "false", "off", "0": return .bool(false)
            default: throw fail("yes or no")
            }
        case .choice(let choices):
            guard let s = single, s.parts.count == 1 else { throw fail("one of \(choices.joined(separator: ", "))") }
            let w = s.parts[0].lowercased()
            guard choices.contains(w) else {
                throw SyntaxError("option '\(spec.key)' must be one of \(choices.joined(separator: ", ")), got '\(s.parts[0])'",
                                  at: raw.span, suggestion: Suggestions.didYouMean(w, among: choices))
            }
            return .string(w)
        case .column:
            guard let s = single, s.parts.count == 1 else { throw fail("one column name") }
            try requireColumn(s.parts[0], s.span, subject)
            return .string(s.parts[0])
        case .columns:
            var names: [(String, SourceSpan)] = []
            for item in raw.items {
                guard item.parts.count == 1 else { throw fail("column names separated by commas") }
                try requireColumn(item.parts[0], item.span, subject)
                names.append((item.parts[0], item.span))
            }
            try requireDistinct(names)
            return .list(names.map(\.0))
        case .list, .values, .tableColumns:
            return .list(raw.items.map { $0.parts.joined(separator: ":") })
        case .pairs:
            var pairs: [(String, String)] = []
            for item in raw.items {
                guard item.parts.count == 2 else { throw SyntaxError("option '\(spec.key)' expects key:value pairs, got '\(item.parts.joined(separator: ":"))'", at: item.span) }
                pairs.append((item.parts[0], item.parts[1]))
            }
            return .pairs(pairs)
        case .intRange:
            guard let s = single else { throw fail("a range like 2..10") }
            if s.parts.count == 1, let v = Int(s.parts[0]) { return .range(v...v) }
            guard s.isRange, s.parts.count == 2, let a = Int(s.parts[0]), let b = Int(s.parts[1]) else { throw fail("a range like 2..10") }
            guard a <= b else { throw SyntaxError("range \(a)..\(b) is empty: the start is after the end", at: raw.span) }
            return .range(a...b)
        case .date:
            guard let s = single, s.parts.count == 1, let d = DateLiteral.days(s.parts[0]) else { throw fail("a date like 2011-12-09") }
            return .date(d)
        }
    }

    // MARK: validation against the workspace

    /// A table, or a workspace value that carries rows (a clustering).
    package func requireRows(_ name: String, _ span: SourceSpan) throws {
        guard workspace.rows(name) == nil else { return }
        if let value = workspace[name] {
            throw SyntaxError("'\(name)' is a \(value.kindName), which has no rows; a table or a clustering is needed", at: span)
        }
        try requireTable(name, span)
    }

    package func requireTable(_ name: String, _ span: SourceSpan) throws {
        guard workspace.table(name) == nil else { return }
        if workspace[name] != nil {
            throw SyntaxError("'\(name)' is a \(workspace[name]?.kindName ?? "value"), not a table", at: span)
        }
        throw SyntaxError("no table named '\(name)'", at: span,
                          suggestion: Suggestions.didYouMean(name, among: workspace.tableNames)
                            ?? (workspace.tableNames.isEmpty ? "load one first: load \"datasets/transactions.csv\" as tx"
                                : "tables: " + workspace.tableNames.joined(separator: ", ")))
    }

    /// `TABLE.COLUMN` split at the dot that leaves a table on the left (table names may hold dots).
    package func splitTableColumn(_ name: String, _ span: SourceSpan) throws -> (table: String, column: String) {
        var dot = name.lastIndex(of: ".")
        while let d = dot {
            let table = String(name[..<d])
            if workspace.table(table) != nil {
                let column = String(name[name.index(after: d)...])
                try requireColumn(column, span, table)
                return (table, column)
            }
            dot = name[..<d].lastIndex(of: ".")
        }
        guard let first = name.firstIndex(of: ".") else {
            if workspace.table(name) != nil {
                throw SyntaxError("name a column of \(name): \(name).COLUMN", at: span,
                                  suggestion: "e.g. \(name).\(workspace.table(name)?.columnNames.first ?? "column")")
            }
            throw SyntaxError("expected TABLE.COLUMN, got '\(name)'", at: span, suggestion: "e.g. tx.quantity")
        }
        try requireTable(String(name[..<first]), span)
        throw SyntaxError("expected TABLE.COLUMN, got '\(name)'", at: span)
    }

    /// A column listed twice would make two columns of one name (select, show) or say nothing new.
    package func requireDistinct(_ items: [(String, SourceSpan)]) throws {
        var seen = Set<String>()
        for (name, span) in items where !seen.insert(name).inserted {
            throw SyntaxError("column '\(name)' is listed twice", at: span, suggestion: "list each column once")
        }
    }

    package func requireValue(_ name: String, _ span: SourceSpan) throws {
        guard workspace[name] == nil else { return }
        throw SyntaxError("nothing named '\(name)' in the workspace", at: span,
                          suggestion: Suggestions.didYouMean(name, among: workspace.names))
    }

    package func requireColumn(_ name: String, _ span: SourceSpan, _ subject: String?) throws {
        guard let subject, let table = workspace.rows(subject) else { return }
        var column = name
        if let dot = name.firstIndex(of: "."), table.column(name) == nil {
            let prefix = String(name[..<dot])
            column = String(name[name.index(after: dot)...])
            if prefix != subject {
                throw SyntaxError("'\(name)' is a column of table '\(prefix)', not of '\(subject)'", at: span,
                                  suggestion: "join the tables first, or use a column of \(subject)")
            }
        }
        guard table.column(column) == nil else { return }
        throw SyntaxError("no column '\(column)' in table \(subject)", at: span,
                          suggestion: Suggestions.didYouMeanColumn(column, among: table.columnNames)
                            ?? "columns: " + table.columnNames.prefix(12).joined(separator: ", "))
    }
}

/// Parses `YYYY-MM-DD` (and `YYYY-MM-DDTHH:MM[:SS]`, keeping the date) into days since 1970-01-01.
package enum DateLiteral {
    package static func days(_ s: String) -> Int64? {
        let parts = s.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              CivilCalendar.isValid(year: y, month: m, day: d) else { return nil }
        return CivilCalendar.days(year: y, month: m, day: d)
    }
}
