/// The one reading of a command's declaration over its tokens, shared by parsing and Tab completion:
/// which tokens fill which slot, where options may come, what an optional group needs to be present.
///
/// Parsing (`checking` a parser) checks each name against the workspace as it is read, converts option
/// values and throws the first error with its caret. Completion (no parser) checks nothing, since the line
/// is still being typed, and where the tokens run out it throws `LineEnded` with what may come there.
package struct SlotMatcher {
    /// Thrown while completing when the tokens end: what the declaration allows at that point.
    package struct LineEnded: Error {
        package let expectations: [Expectation]
    }

    package private(set) var cursor: SlotCursor
    package private(set) var parsed: ParsedCommand
    /// Set when parsing; nil when completing.
    private let parser: CommandParser?
    /// What skippable parts just passed at the end of the line allow (an optional group's keyword,
    /// `asc`/`desc` after a sort key); it joins whatever comes next.
    private var pending: [Expectation] = []

    private var completing: Bool { parser == nil }
    private var spec: CommandSpec { parsed.spec }

    /// Parsing: `end` excludes a trailing `as NAME`, which the parser has taken already.
    package init(parsing parsed: ParsedCommand, end: Int, parser: CommandParser) {
        self.parsed = parsed
        self.cursor = SlotCursor(tokens: parsed.tokens, position: parsed.spec.words.count, end: end)
        self.parser = parser
    }

    /// Completion: `tokens` are the complete tokens before the fragment being typed, verb words included.
    package init(completing tokens: [Token], spec: CommandSpec) {
        let verbSpan = tokens.first.map { first in tokens.prefix(spec.words.count).reduce(first.span) { $0.union($1.span) } }
        self.parsed = ParsedCommand(spec: spec, line: "", tokens: tokens, verbSpan: verbSpan ?? .point(0))
        self.cursor = SlotCursor(tokens: tokens, position: spec.words.count, end: tokens.count)
        self.parser = nil
    }

    // MARK: the walk

    /// Options, then every slot of the declaration (options may come before each), then options.
    package mutating func matchArguments() throws {
        try matchOptions()
        try match(spec.arguments)
        try matchOptions()
    }

    /// What may follow the complete tokens given to `init(completing:)`, or nil when they do not
    /// follow the declaration.
    package mutating func expectationsAtEnd() -> [Expectation]? {
        do {
            try matchArguments()
        } catch let ended as LineEnded {
            return ended.expectations
        } catch {
            return nil
        }
        if cursor.atEnd {
            return pending + optionsAllowed + (spec.binding.acceptsName ? [.words(["as"])] : [])
        }
        // `as NAME`: the name is new, nothing to offer.
        if spec.binding.acceptsName, cursor.current.isWord("as"), cursor.position + 2 >= cursor.end { return [] }
        return nil
    }

    private mutating func match(_ slots: [ArgumentSlot]) throws {
        for slot in slots {
            try matchOptions()
            if completing, cursor.atEnd {
                let here = pending + Self.expectations(at: slot)
                if case .optional = slot {
                    pending = here
                    continue
                }
                // Options are accepted before an expression too, but offering them there would
                // drown the column names.
                throw LineEnded(expectations: slot.isExpression ? here : here + optionsAllowed)
            }
            pending = []
            try match(slot)
        }
    }

    /// While completing, ends the walk if the tokens have run out here.
    private func endOfLine(_ expectations: @autoclosure () -> [Expectation]) throws {
        if completing, cursor.atEnd { throw LineEnded(expectations: expectations()) }
    }

    private func missing(_ what: String) -> SyntaxError {
        SyntaxError("\(spec.name): missing \(what)", at: cursor.current.span, suggestion: "usage: \(spec.synopsis)")
    }

    private mutating func readsName(_ name: String) { parsed.reads.insert(name) }

    private mutating func match(_ slot: ArgumentSlot) throws {
        switch slot {
        case .keyword(let k):
            guard cursor.current.isWord(k) else {
                throw SyntaxError("expected '\(k)' here", at: cursor.current.span, suggestion: "usage: \(spec.synopsis)")
            }
            cursor.advance()

        case .optional(let inner):
            // An optional group is present when its first word is typed (a keyword, or one of a choice's words).
            switch inner.first {
            case .keyword(let k)?:
                guard cursor.current.isWord(k) else { return }
                parsed.arguments[k] = .present
            case .choice(_, let choices, _)?:
                guard let w = cursor.current.word, choices.contains(w.lowercased()) else { return }
            case .number?:
                guard case .number = cursor.current.kind else { return }
            default:
                return
            }
            try match(inner)

        case .table(let label, _), .rows(let label, _):
            // A command that reads files may take a quoted path where a table goes (`schema "x.parquet"`).
            if case .table = slot, spec.fileAccess == .reads, case .string(let path) = cursor.current.kind, parsed.subject == nil {
                parsed.arguments[label] = .text(path, cursor.current.span)
                cursor.advance()
                return
            }
            guard let (name, span) = cursor.qualifiedName() else { throw missing("table name (\(label))") }
            if case .rows = slot { try parser?.requireRows(name, span) } else { try parser?.requireTable(name, span) }
            parsed.arguments[label] = .text(name, span)
            readsName(name)
            if parsed.subject == nil { parsed.subject = name }

        case .tableColumn(let label, _):
            guard let (name, span) = cursor.qualifiedName() else { throw missing("TABLE.COLUMN (\(label))") }
            let table: String?
            if let parser {
                let (found, column) = try parser.splitTableColumn(name, span)
                parsed.arguments[label] = .text(column, span)
                table = found
            } else {
                // Completion cannot ask the workspace which dot ends the table's name; the last one usually does.
                table = name.lastIndex(of: ".").map { String(name[..<$0]) }
            }
            if let table {
                readsName(table)
                if parsed.subject == nil { parsed.subject = table }
            }

        case .name(let label, _):
            guard let (name, span) = cursor.qualifiedName() else { throw missing(label) }
            parsed.arguments[label] = .text(name, span)

        case .value(let label, _):
            guard let (name, span) = cursor.qualifiedName() else { throw missing(label) }
            parsed.arguments[label] = .text(name, span)
            readsName(name)

        case .path(let label, _):
            let t = cursor.current
            switch t.kind {
            case .string(let s):
                cursor.advance()
                parsed.arguments[label] = .text(s, t.span)
            case .word(let w):
                throw SyntaxError("file paths are quoted", at: t.span, suggestion: "write \"\(w)…\" in double quotes")
            default:
                throw missing("\(label) (a quoted path)")
            }

        case .choice(let label, let choices, _):
            guard let w = cursor.current.word else { throw missing("\(label) (\(choices.joined(separator: "|")))") }
            // While completing, a word that is not a choice yet is left to the parser to refuse.
            guard completing || choices.contains(w.lowercased()) else {
                throw SyntaxError("'\(w)' is not one of \(choices.joined(separator: ", "))", at: cursor.current.span,
                                  suggestion: Suggestions.didYouMean(w, among: choices))
            }
            parsed.arguments[label] = .text(w.lowercased(), cursor.current.span)
            cursor.advance()

        case .number(let label, _):
            var sign = 1.0
            let start = cursor.current.span
            if cursor.current.isSymbol("-") {
                sign = -1
                cursor.advance()
                try endOfLine([])
            }
            guard case .number(let text) = cursor.current.kind, let v = Double(text) else {
                throw missing("\(label) (a number)")
            }
            parsed.arguments[label] = .number(sign * v, start.union(cursor.current.span))
            cursor.advance()

        case .id(let label, _):
            let t = cursor.current
            var sign = ""
            if t.isSymbol("-"), case .number = cursor.peek(1).kind { sign = "-"; cursor.advance() }
            switch cursor.current.kind {
            case .word(let w), .string(let w), .number(let w):
                parsed.arguments[label] = .text(sign + w, t.span.union(cursor.current.span))
                cursor.advance()
            default:
                throw missing("\(label) (a word, number or quoted text)")
            }

        case .columns(let label, _), .tables(let label, _):
            let isTables: Bool
            if case .tables = slot { isTables = true } else { isTables = false }
            var items: [(String, SourceSpan)] = []
            repeat {
                if !items.isEmpty {
                    cursor.advance()
                    try endOfLine(isTables ? [.values] : [.columns(excluding: Set(items.map(\.0)))])
                }
                guard let item = cursor.columnName() else { throw missing(label) }
                items.append(item)
            } while cursor.current.isSymbol(",")
            if isTables {
                for (n, s) in items {
                    try parser?.requireValue(n, s)
                    readsName(n)
                }
            } else if let parser {
                for (n, s) in items { try parser.requireColumn(n, s, parsed.subject) }
                try parser.requireDistinct(items)
            }
            parsed.arguments[label] = .list(items)

        case .sortKeys(let label, _):
            var keys: [(column: String, descending: Bool, span: SourceSpan)] = []
            repeat {
                if !keys.isEmpty {
                    cursor.advance()
                    try endOfLine([.columns(excluding: Set(keys.map(\.column)))])
                }
                guard let (name, span) = cursor.columnName() else { throw missing(label) }
                try parser?.requireColumn(name, span, parsed.subject)
                var desc = false
                if cursor.current.isWord("desc") || cursor.current.isWord("descending") {
                    desc = true; cursor.advance()
                } else if cursor.current.isWord("asc") || cursor.current.isWord("ascending") {
                    cursor.advance()
                } else if completing, cursor.atEnd {
                    pending = [.words(["asc", "desc"])]
                }
                keys.append((name, desc, span))
            } while cursor.current.isSymbol(",")
            parsed.arguments[label] = .sortKeys(keys)

        case .rest(let label, _, let completesCommands):
            parsed.arguments[label] = .tokens(cursor.position..<cursor.end)
            cursor.position = cursor.end
            try endOfLine(completesCommands ? [.verbs] : [])

        case .condition(let label, _), .assignments(let label, _), .aggregations(let label, _):
            // Expressions run to the end of the line (before `as NAME`); options must come earlier.
            guard cursor.position < cursor.end else { throw missing(label) }
            let range = cursor.position..<cursor.end
            parsed.arguments[label] = .tokens(range)
            cursor.position = cursor.end
            if completing { throw LineEnded(expectations: expressionExpectations(cursor.tokens[range])) }
        }
    }

    /// After an expression typed so far: its columns, unless it ends in `as` or `as NAME` (a new name).
    private func expressionExpectations(_ typed: ArraySlice<Token>) -> [Expectation] {
        if spec.binding.acceptsName, let last = typed.last {
            if last.isWord("as") { return [] }
            if typed.count >= 2, typed[typed.endIndex - 2].isWord("as"), last.word != nil { return [] }
        }
        return [.columns(excluding: [])]
    }

    // MARK: options

    /// `key=value` pairs, before or after slots.
    private mutating func matchOptions() throws {
        // A command that takes its words as they are (`param k = 4`) has no options to find in them.
        if spec.options.isEmpty, case .rest? = spec.arguments.first { return }
        while cursor.position < cursor.end, !cursor.current.isBackquoted, let key = cursor.current.word,
              cursor.peek(1).isSymbol("=") {
            let keySpan = cursor.current.span
            guard let option = spec.option(key.lowercased()) else {
                // In an expression slot `x = 1` is not an option (an assignment, or equality in a
                // condition); let the slot take it.
                if spec.arguments.contains(where: \.containsExpression) { return }
                let keys = spec.options.map(\.key)
                var hint = Suggestions.didYouMean(key, among: keys)
                    ?? (keys.isEmpty ? "it takes no options" : "options: " + keys.joined(separator: ", "))
                // A key that is no near-miss of an option may stand for words the command takes in
                // order (`show tx rows=5` for `show tx head 5`, `select tx cols=a,b` for
                // `select tx a, b`): say how the command is written.
                let isTypo = keys.contains { Suggestions.distance(Array(key.lowercased()), Array($0), atMost: 1) != nil }
                let takesWords = keys.isEmpty || spec.arguments.contains { if case .optional = $0 { true } else { false } }
                if !isTypo, takesWords {
                    hint += "; it is written \(spec.synopsis)"
                    if let example = spec.examples.first(where: { !$0.contains("=") && $0.split(separator: " ").count > 2 }) {
                        hint += ", e.g. \(example)"
                    }
                }
                throw SyntaxError("'\(spec.name)' has no option '\(key)'", at: keySpan, suggestion: hint)
            }
            if parsed.options[option.key] != nil {
                throw SyntaxError("option '\(key)' is given twice", at: keySpan)
            }
            cursor.advance(2)
            let completing = self.completing
            let raw = try cursor.optionValue(for: key, keySpan: keySpan) { typed in
                if completing { throw LineEnded(expectations: Self.valueExpectations(option, typed: typed)) }
            }
            let value = try parser?.convert(raw, spec: option, subject: parsed.subject) ?? .string(raw.text)
            parsed.options[option.key] = (value, raw.span)
            switch (option.kind, value) {
            case (.value, .string(let name)): readsName(name)
            case (.values, .list(let names)): for name in names { readsName(name) }
            case (.tableColumns, .list(let items)):
                if let table = items.first?.split(separator: ":", maxSplits: 1).first { readsName(String(table)) }
            default: break
            }
        }
    }

    /// Option keys are offered once the first argument is typed: the parser accepts them earlier,
    /// but nobody writes them there, and listing them next to table names or files is noise.
    private var optionsAllowed: [Expectation] {
        guard !spec.options.isEmpty, cursor.position > spec.words.count || spec.arguments.isEmpty else { return [] }
        let keys = spec.options.map(\.key).filter { parsed.options[$0] == nil }
        return keys.isEmpty ? [] : [.options(keys)]
    }

    // MARK: what each part allows

    private static func expectations(at slot: ArgumentSlot) -> [Expectation] {
        switch slot {
        case .keyword(let k): return [.words([k])]
        case .optional(let inner): return inner.first.map { expectations(at: $0) } ?? []
        case .table, .tableColumn: return [.tables]
        case .tables, .rows, .value: return [.values]
        case .path: return [.path]
        case .choice(_, let choices, _): return [.words(choices)]
        case .columns, .sortKeys, .condition, .assignments, .aggregations: return [.columns(excluding: [])]
        case .name, .number, .id: return []
        case .rest(_, _, let commands): return commands ? [.verbs] : []
        }
    }

    private static func valueExpectations(_ option: OptionSpec, typed: Set<String>) -> [Expectation] {
        switch option.kind {
        case .column: return [.columns(excluding: [])]
        case .columns: return [.columns(excluding: typed)]
        case .choice(let choices): return [.words(choices)]
        case .bool: return [.words(["yes", "no"])]
        case .path: return [.path]
        case .value, .values, .tableColumns: return [.values]
        case .int, .double, .string, .pairs, .list, .intRange, .date: return []
        }
    }
}

extension ArgumentSlot {
    /// A condition, assignments or aggregations: expression slots, which run to the end of the line.
    package var isExpression: Bool {
        switch self {
        case .condition, .assignments, .aggregations: return true
        default: return false
        }
    }

    /// This slot, or a slot of its optional group, is an expression.
    package var containsExpression: Bool {
        if case .optional(let inner) = self { return inner.contains(where: \.containsExpression) }
        return isExpression
    }
}

extension Binding {
    /// Whether `as NAME` may end the command.
    package var acceptsName: Bool {
        if case .none = self { return false }
        return true
    }
}
