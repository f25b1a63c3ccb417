/// Follows a command's declaration over the tokens typed so far, the way `CommandParser` does,
/// but instead of failing at the end of the line it reports what the declaration allows there.
/// It does not validate names: completion must work on lines that do not parse yet.
struct CompletionWalker {
    let tokens: [Token]
    let spec: CommandSpec
    private var position: Int
    private(set) var subject: String?
    private var givenOptions = Set<String>()
    /// What skippable parts just passed at the end of the line allow (an optional group's keyword,
    /// `asc`/`desc` after a sort key); it joins whatever comes next.
    private var pending: [Expectation] = []

    private enum Outcome {
        /// The slots are all matched and tokens remain (or none remain but nothing is missing).
        case matched
        /// The line ends here; this is what may follow.
        case ended([Expectation])
        /// The tokens do not follow the declaration.
        case mismatch
    }

    init(tokens: [Token], spec: CommandSpec) {
        self.tokens = tokens
        self.spec = spec
        self.position = spec.words.count
    }

    private var atEnd: Bool { position >= tokens.count }
    private var current: Token? { atEnd ? nil : tokens[position] }
    private func token(_ offset: Int) -> Token? {
        let i = position + offset
        return i < tokens.count ? tokens[i] : nil
    }

    /// What may come after the tokens, or nil if they do not follow the declaration.
    mutating func run() -> [Expectation]? {
        switch walk(spec.arguments) {
        case .ended(let e): return e
        case .mismatch: return nil
        case .matched: break
        }
        switch skipOptions() {
        case .ended(let e): return e
        case .mismatch: return nil
        case .matched: break
        }
        if atEnd {
            var e = pending + optionsAllowed()
            if binds { e.append(.words(["as"])) }
            return e
        }
        // `as NAME`: the name is new, nothing to offer.
        if binds, current?.isWord("as") == true, position + 2 >= tokens.count { return [] }
        return nil
    }

    private var binds: Bool {
        if case .none = spec.binding { return false }
        return true
    }

    private var hasExpressionSlots: Bool {
        func assigning(_ s: ArgumentSlot) -> Bool {
            switch s {
            case .condition, .assignments, .aggregations: return true
            case .optional(let inner): return inner.contains(where: assigning)
            default: return false
            }
        }
        return spec.arguments.contains(where: assigning)
    }

    private func isExpression(_ slot: ArgumentSlot) -> Bool {
        switch slot {
        case .condition, .assignments, .aggregations: return true
        default: return false
        }
    }

    /// Option keys are offered once the first argument is typed: the parser accepts them earlier,
    /// but nobody writes them there, and listing them next to table names or files is noise.
    private func optionsAllowed() -> [Expectation] {
        guard !spec.options.isEmpty, position > spec.words.count || spec.arguments.isEmpty else { return [] }
        let keys = spec.options.map(\.key).filter { !givenOptions.contains($0) }
        return keys.isEmpty ? [] : [.options(keys)]
    }

    private mutating func walk(_ slots: [ArgumentSlot]) -> Outcome {
        for slot in slots {
            switch skipOptions() {
            case .matched: break
            case let other: return other
            }
            if atEnd {
                let here = pending + expectations(at: slot)
                if case .optional = slot {
                    pending = here
                    continue
                }
                // Options are accepted before an expression too, but offering them there would
                // drown the column names.
                return .ended(isExpression(slot) ? here : here + optionsAllowed())
            }
            pending = []
            switch consume(slot) {
            case .matched: continue
            case let other: return other
            }
        }
        return .matched
    }

    private func expectations(at slot: ArgumentSlot) -> [Expectation] {
        switch slot {
        case .keyword(let k): return [.words([k])]
        case .optional(let inner): return inner.first.map { expectations(at: $0) } ?? []
        case .table, .tableColumn: return [.tables]
        case .tables, .rows: return [.values]
        case .path: return [.path]
        case .choice(_, let choices, _): return [.words(choices)]
        case .columns, .sortKeys, .condition, .assignments, .aggregations: return [.columns(excluding: [])]
        case .name, .number, .id: return []
        case .rest(_, _, let commands): return commands ? [.verbs] : []
        }
    }

    private mutating func consume(_ slot: ArgumentSlot) -> Outcome {
        switch slot {
        case .keyword(let k):
            guard current?.isWord(k) == true else { return .mismatch }
            position += 1

        case .optional(let inner):
            // Present when its first word is typed, as in CommandParser.
            switch inner.first {
            case .keyword(let k)?:
                guard current?.isWord(k) == true else { return .matched }
            case .choice(_, let choices, _)?:
                guard let w = current?.word, choices.contains(w.lowercased()) else { return .matched }
            case .number?:
                guard case .number? = current?.kind else { return .matched }
            default:
                return .matched
            }
            return walk(inner)

        case .rest(_, _, let commands):
            position = tokens.count
            return .ended(commands ? [.verbs] : [])

        case .table, .rows:
            guard let name = qualifiedName() else { return .mismatch }
            if subject == nil { subject = name }

        case .tableColumn:
            guard let name = qualifiedName() else { return .mismatch }
            if subject == nil, let dot = name.lastIndex(of: ".") { subject = String(name[..<dot]) }

        case .name, .choice:
            guard qualifiedName() != nil else { return .mismatch }

        case .path:
            guard case .string? = current?.kind else { return .mismatch }
            position += 1

        case .id:
            if current?.isSymbol("-") == true { position += 1 }
            switch current?.kind {
            case .word?, .string?, .number?: position += 1
            default: return .mismatch
            }

        case .number:
            if current?.isSymbol("-") == true {
                position += 1
                if atEnd { return .ended([]) }
            }
            guard case .number? = current?.kind else { return .mismatch }
            position += 1

        case .columns, .tables:
            var typed = Set<String>()
            while true {
                guard let name = qualifiedName() else { return .mismatch }
                typed.insert(name)
                guard current?.isSymbol(",") == true else { break }
                position += 1
                if atEnd {
                    if case .tables = slot { return .ended([.values]) }
                    return .ended([.columns(excluding: typed)])
                }
            }

        case .sortKeys:
            var typed = Set<String>()
            while true {
                guard let name = qualifiedName() else { return .mismatch }
                typed.insert(name)
                if let t = current, ["asc", "ascending", "desc", "descending"].contains(where: { t.isWord($0) }) {
                    position += 1
                } else if atEnd {
                    pending = [.words(["asc", "desc"])]
                }
                guard current?.isSymbol(",") == true else { break }
                position += 1
                if atEnd { return .ended([.columns(excluding: typed)]) }
            }

        case .condition, .assignments, .aggregations:
            // Expressions run to the end of the line, or to a trailing `as NAME`.
            let rest = tokens[position...]
            position = tokens.count
            if binds, let last = rest.last {
                if last.isWord("as") { return .ended([]) }
                if rest.count >= 2, rest[rest.endIndex - 2].isWord("as"), last.word != nil { return .ended([]) }
            }
            return .ended([.columns(excluding: [])])
        }
        return .matched
    }

    /// `key=value` pairs before or after slots. Ends the walk when the line stops inside a value.
    private mutating func skipOptions() -> Outcome {
        while let key = current?.word, current?.isBackquoted == false, token(1)?.isSymbol("=") == true {
            let option = spec.option(key.lowercased())
            // In an expression slot `x = 1` is not an option; the slot takes it.
            if option == nil, hasExpressionSlots { return .matched }
            position += 2
            var items = Set<String>()
            while true {
                if atEnd { return .ended(valueExpectations(option, typed: items)) }
                guard let item = optionAtom() else { return .mismatch }
                items.insert(item)
                guard let t = current, t.isSymbol(",") || t.isSymbol(":") || t.isSymbol("..") else { break }
                position += 1
            }
            if let option { givenOptions.insert(option.key) }
        }
        return .matched
    }

    private func valueExpectations(_ option: OptionSpec?, typed: Set<String>) -> [Expectation] {
        guard let option else { return [] }
        switch option.kind {
        case .column: return [.columns(excluding: [])]
        case .columns: return [.columns(excluding: typed)]
        case .choice(let choices): return [.words(choices)]
        case .bool: return [.words(["yes", "no"])]
        case .path: return [.path]
        case .int, .double, .string, .pairs, .list, .intRange, .date: return []
        }
    }

    private mutating func optionAtom() -> String? {
        guard let t = current else { return nil }
        switch t.kind {
        case .word, .string:
            return qualifiedName()
        case .number(let n), .date(let n):
            position += 1
            return n
        case .symbol("-"):
            guard case .number(let n)? = token(1)?.kind else { return nil }
            position += 2
            return "-" + n
        default:
            return nil
        }
    }

    /// `name`, `name.name…` or a quoted name.
    private mutating func qualifiedName() -> String? {
        guard let t = current else { return nil }
        switch t.kind {
        case .word(let w):
            position += 1
            var name = w
            while current?.isSymbol(".") == true, let next = token(1)?.word {
                name += "." + next
                position += 2
            }
            return name
        case .string(let s):
            position += 1
            return s
        default:
            return nil
        }
    }
}
