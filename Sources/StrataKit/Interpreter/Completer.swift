/// One thing Tab can put in place of the typed fragment.
public struct CompletionCandidate: Sendable, Equatable {
    /// Replaces the fragment (it may add an opening quote before a path).
    public var text: String
    /// Added after `text` only when this is the sole candidate: " " after a word, "=" after an
    /// option key, "/" after a directory, a closing quote after a file.
    public var terminator: String
    /// How the candidate reads in a list: short (a file's name without its directory), with the
    /// `=` or `/` that says what it is.
    public var display: String

    public init(text: String, terminator: String, display: String) {
        self.text = text
        self.terminator = terminator
        self.display = display
    }
}

public struct CompletionResult: Sendable, Equatable {
    /// Character offsets of the fragment being completed; it always ends at the cursor.
    public var range: Range<Int>
    /// The fragment as typed.
    public var fragment: String
    public var candidates: [CompletionCandidate]

    public init(range: Range<Int>, fragment: String, candidates: [CompletionCandidate]) {
        self.range = range
        self.fragment = fragment
        self.candidates = candidates
    }

    public static func none(at cursor: Int) -> CompletionResult {
        CompletionResult(range: cursor..<cursor, fragment: "", candidates: [])
    }

    /// The longest text all candidates start with.
    public var commonPrefix: String {
        guard var prefix = candidates.first.map({ Array($0.text) }) else { return "" }
        for c in candidates.dropFirst() {
            let t = Array(c.text)
            var n = 0
            while n < prefix.count, n < t.count, prefix[n] == t[n] { n += 1 }
            prefix.removeSubrange(n...)
        }
        return String(prefix)
    }

    /// What Tab puts in place of `range`: the whole candidate with its terminator when there is
    /// only one, else the common prefix when it says more than the fragment; nil when Tab can
    /// only list the candidates.
    public var replacement: String? {
        if candidates.count == 1, let only = candidates.first { return only.text + only.terminator }
        let prefix = commonPrefix
        // Shorter prefixes happen with case-insensitive matches; replacing would lose typed text.
        return prefix.count > fragment.count ? prefix : nil
    }
}

/// Tab completion that knows where the cursor is: the command's declaration says what may come
/// at each position (a verb, a table, a column of the subject table, an option, a choice, a path),
/// and the workspace and the file system say what exists.
public struct Completer: Sendable {
    public let registry: CommandRegistry
    public let workspace: Workspace
    public let directories: DirectoryLister

    public init(registry: CommandRegistry, workspace: Workspace, directories: DirectoryLister = .fileSystem) {
        self.registry = registry
        self.workspace = workspace
        self.directories = directories
    }

    /// Candidates for the fragment that ends at `cursor` (a Character offset into `line`).
    /// Text after the cursor is not considered, except a closing quote that makes adding one
    /// unnecessary.
    public func complete(line: String, cursor: Int) -> CompletionResult {
        let chars = Array(line)
        let cursor = min(max(cursor, 0), chars.count)
        let before = Array(chars[..<cursor])
        let next = cursor < chars.count ? chars[cursor] : nil

        switch LineScan.state(of: before) {
        case .comment:
            return .none(at: cursor)
        case .string(let quoteAt):
            return completeInString(before, quoteAt: quoteAt, cursor: cursor, next: next)
        case .backquote(let openAt):
            return completeBackquoted(before, openAt: openAt, cursor: cursor, next: next)
        case .code:
            break
        }

        var start = cursor
        while start > 0, LineScan.isFragmentPart(before[start - 1]) { start -= 1 }
        let fragment = String(before[start..<cursor])
        guard let tokens = LineScan.tokens(String(before[..<start])),
              let analysis = analyze(tokens) else { return .none(at: cursor) }

        var words: [CompletionCandidate] = []
        var files: [CompletionCandidate] = []
        for e in analysis.expectations {
            switch e {
            case .path:
                // An unquoted fragment at a path position: the candidate opens the quote.
                files += paths(fragment, opening: "\"", closing: "\" ")
            default:
                words += self.candidates(for: e, subject: analysis.subject)
            }
        }
        return CompletionResult(range: start..<cursor, fragment: fragment,
                                candidates: Self.matching(fragment, words) + files)
    }

    // MARK: inside a quoted string

    private func completeInString(_ before: [Character], quoteAt: Int, cursor: Int, next: Character?) -> CompletionResult {
        let quote = before[quoteAt]
        let fragment = String(before[(quoteAt + 1)...])
        guard let tokens = LineScan.tokens(String(before[..<quoteAt])) else { return .none(at: cursor) }
        let isPath: Bool
        if let analysis = analyze(tokens) {
            isPath = analysis.expectations.contains { if case .path = $0 { return true } else { return false } }
                || (analysis.expectations.isEmpty && !analysis.knownCommand)
        } else {
            // A quoted string after an unknown or malformed command is most likely a file path.
            isPath = true
        }
        guard isPath else { return .none(at: cursor) }
        let closing = next == quote ? "" : String(quote) + " "
        let candidates = paths(fragment, opening: "", closing: closing)
        return CompletionResult(range: (quoteAt + 1)..<cursor, fragment: fragment, candidates: candidates)
    }

    // MARK: inside backquotes

    /// `` `Age G`` typed: the columns whose names start with what follows the backquote, written
    /// whole with their closing backquote.
    private func completeBackquoted(_ before: [Character], openAt: Int, cursor: Int, next: Character?) -> CompletionResult {
        let typed = String(before[(openAt + 1)...]).replacingOccurrences(of: "``", with: "`")
        guard let tokens = LineScan.tokens(String(before[..<openAt])), let analysis = analyze(tokens) else {
            return .none(at: cursor)
        }
        var names: [String] = []
        for case .columns(let excluded) in analysis.expectations {
            guard let subject = analysis.subject, let table = workspace.rows(subject) else { continue }
            names += table.columnNames.filter { !excluded.contains($0) }
        }
        let closing = next == "`" ? "" : " "
        let candidates = names.map { name in
            CompletionCandidate(text: Identifier.backquoted(name), terminator: closing, display: name)
        }
        return CompletionResult(range: openAt..<cursor, fragment: String(before[openAt...]),
                                candidates: Self.matching(typed, candidates))
    }

    // MARK: what may come here

    private struct Analysis {
        var expectations: [Expectation]
        var subject: String?
        var knownCommand: Bool
    }

    private func analyze(_ tokens: [Token]) -> Analysis? {
        if tokens.isEmpty {
            return Analysis(expectations: [.words(registry.verbs.sorted())], subject: nil, knownCommand: false)
        }
        var leading: [String] = []
        for t in tokens.prefix(3) {
            guard let w = t.word else { break }
            leading.append(w.lowercased())
        }
        var expectations: [Expectation] = []
        if leading.count == tokens.count {
            // `drop` typed: the next word of longer commands (`drop table`).
            let nextWords = registry.commands.compactMap { c -> String? in
                let w = c.words
                guard w.count > leading.count, Array(w.prefix(leading.count)) == leading else { return nil }
                return w[leading.count]
            }
            if !nextWords.isEmpty { expectations.append(.words(nextWords)) }
        }
        guard let spec = registry.match(words: leading) else {
            return expectations.isEmpty ? nil : Analysis(expectations: expectations, subject: nil, knownCommand: false)
        }
        var matcher = SlotMatcher(completing: tokens, spec: spec)
        guard let found = matcher.expectationsAtEnd() else {
            return expectations.isEmpty ? nil : Analysis(expectations: expectations, subject: nil, knownCommand: true)
        }
        return Analysis(expectations: expectations + found, subject: matcher.parsed.subject, knownCommand: true)
    }

    private func candidates(for expectation: Expectation, subject: String?) -> [CompletionCandidate] {
        func words(_ list: [String], terminator: String = " ") -> [CompletionCandidate] {
            list.map { CompletionCandidate(text: $0, terminator: terminator, display: $0) }
        }
        switch expectation {
        case .words(let list):
            return words(list)
        case .tables:
            return words(workspace.tableNames)
        case .verbs:
            return words(registry.verbs.sorted())
        case .values:
            return words(workspace.names)
        case .columns(let excluded):
            guard let subject, let table = workspace.rows(subject) else { return [] }
            // Names that are not plain words come backquoted, ready to be typed as they are.
            return table.columnNames.filter { !excluded.contains($0) }.map {
                CompletionCandidate(text: Identifier.written($0), terminator: " ", display: $0)
            }
        case .options(let keys):
            return keys.map { CompletionCandidate(text: $0, terminator: "=", display: $0 + "=") }
        case .path:
            return []
        }
    }

    /// Candidates starting with the fragment; case-insensitively only when nothing matches exactly,
    /// so `AM` still finds `amount` but `am` never offers `AMOUNT` next to `amount`. A backquoted
    /// name matches by the name inside, so `Ag` offers `` `Age Group` ``.
    private static func matching(_ fragment: String, _ all: [CompletionCandidate]) -> [CompletionCandidate] {
        var seen = Set<String>()
        let unique = all.filter { seen.insert($0.text).inserted }
        func name(_ c: CompletionCandidate) -> Substring { c.text.hasPrefix("`") ? c.text.dropFirst() : c.text[...] }
        let exact = unique.filter { name($0).hasPrefix(fragment) }
        if !exact.isEmpty || fragment.isEmpty { return exact }
        let lowered = fragment.lowercased()
        return unique.filter { name($0).lowercased().hasPrefix(lowered) }
    }

    // MARK: paths

    private func paths(_ typed: String, opening: String, closing: String) -> [CompletionCandidate] {
        let dir: String
        let base: String
        if let slash = typed.lastIndex(of: "/") {
            dir = String(typed[...slash])
            base = String(typed[typed.index(after: slash)...])
        } else {
            dir = ""
            base = typed
        }
        let showHidden = base.hasPrefix(".")
        let entries = directories.list(dir.isEmpty ? "." : dir)
            .filter { $0.name != "." && $0.name != ".." && $0.name.hasPrefix(base) && (showHidden || !$0.name.hasPrefix(".")) }
            .sorted { $0.name < $1.name }
        return entries.map { e in
            CompletionCandidate(text: opening + dir + e.name,
                                terminator: e.isDirectory ? "/" : closing,
                                display: e.isDirectory ? e.name + "/" : e.name)
        }
    }
}

/// What the declaration allows at the cursor.
package enum Expectation: Equatable {
    /// Verbs, keywords, choices.
    case words([String])
    case tables
    /// Any workspace value.
    case values
    /// Columns of the subject table, minus those already in the list being typed.
    case columns(excluding: Set<String>)
    /// Option keys not yet given.
    case options([String])
    case path
    /// Command verbs (after `help`).
    case verbs
}

/// Lexical helpers that tolerate the unfinished line being typed.
package enum LineScan {
    package enum State: Equatable {
        case code
        /// Inside an unclosed string whose opening quote is at this offset.
        case string(quoteAt: Int)
        /// Inside an unclosed backquoted name whose opening backquote is at this offset.
        case backquote(openAt: Int)
        case comment
    }

    /// Whether the end of `chars` is in code, a string or a comment, following the lexer's rules.
    package static func state(of chars: [Character]) -> State {
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "#" { return .comment }
            if c == "\"" || c == "'" {
                let open = i
                i += 1
                var closed = false
                while i < chars.count {
                    if chars[i] == "\\" { i += 2; continue }
                    if chars[i] == c { closed = true; break }
                    i += 1
                }
                if !closed { return .string(quoteAt: open) }
            } else if c == "`" {
                // A doubled backquote inside the name closes and reopens it: the same state.
                let open = i
                i += 1
                while i < chars.count, chars[i] != "`" { i += 1 }
                if i >= chars.count { return .backquote(openAt: open) }
            }
            i += 1
        }
        return .code
    }

    /// Characters of the fragment Tab completes: names, qualified names (`parts.train`) and numbers.
    package static func isFragmentPart(_ c: Character) -> Bool { c == "_" || c == "." || c.isLetter || c.isNumber }

    /// The complete tokens before the fragment, or nil if they do not lex.
    package static func tokens(_ text: String) -> [Token]? {
        guard let all = try? Lexer.tokenize(text) else { return nil }
        return all.filter { !$0.isEnd }
    }
}
