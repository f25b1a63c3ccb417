/// One item of an option value: `word`, `a:b`, or `2..10`.
package struct RawOptionItem {
    package var parts: [String]
    package var isRange = false
    package var span: SourceSpan
}

package struct RawOptionValue {
    package var items: [RawOptionItem]
    package var span: SourceSpan
    package var text: String { items.map { $0.parts.joined(separator: $0.isRange ? ".." : ":") }.joined(separator: ",") }
}

/// A position in the token list of one command, bounded by `end` (the trailing `as NAME` excluded).
package struct SlotCursor {
    package let tokens: [Token]
    package var position: Int
    package let end: Int

    package var current: Token {
        if position < end { return tokens[position] }
        return Token(.end, tokens.isEmpty ? .point(0) : tokens[min(end, tokens.count - 1)].span)
    }

    package var atEnd: Bool { position >= end }

    package func peek(_ offset: Int) -> Token {
        let i = position + offset
        return i < end ? tokens[i] : Token(.end, .point(0))
    }

    package mutating func advance(_ n: Int = 1) { position = min(position + n, end) }

    /// `name` or `name.name` (workspace values such as `parts.train`), or a quoted name.
    package mutating func qualifiedName() -> (String, SourceSpan)? {
        let t = current
        switch t.kind {
        case .word(let w):
            advance()
            var name = w
            var span = t.span
            while current.isSymbol("."), let next = peek(1).word {
                name += "." + next
                span = span.union(peek(1).span)
                advance(2)
            }
            return (name, span)
        case .string(let s):
            advance()
            return (s, t.span)
        default:
            return nil
        }
    }

    /// A column name: a bare word, `table.column`, or a quoted name for names with spaces.
    package mutating func columnName() -> (String, SourceSpan)? { qualifiedName() }

    /// The value after `key=`: items separated by commas; each item is atoms joined by `:` or one `..` range.
    /// `atLineEnd` is told the atoms typed so far wherever the tokens run out before an atom (Tab completion
    /// ends its walk there).
    package mutating func optionValue(for key: String, keySpan: SourceSpan,
                              atLineEnd: (_ typed: Set<String>) throws -> Void = { _ in }) throws -> RawOptionValue {
        var items: [RawOptionItem] = []
        func typed(_ item: RawOptionItem? = nil) -> Set<String> { Set(items.flatMap(\.parts) + (item?.parts ?? [])) }
        repeat {
            if !items.isEmpty { advance() }
            if atEnd { try atLineEnd(typed()) }
            guard let first = try atom() else {
                throw SyntaxError("option '\(key)' needs a value after '='", at: current.span.start > 0 ? current.span : keySpan)
            }
            var item = RawOptionItem(parts: [first.0], span: first.1)
            if current.isSymbol("..") {
                advance()
                if atEnd { try atLineEnd(typed(item)) }
                guard let second = try atom() else { throw SyntaxError("a range needs an end, like 2..10", at: current.span) }
                item.parts.append(second.0)
                item.isRange = true
                item.span = item.span.union(second.1)
            } else {
                while current.isSymbol(":") {
                    advance()
                    if atEnd { try atLineEnd(typed(item)) }
                    guard let next = try atom() else { throw SyntaxError("expected a value after ':'", at: current.span) }
                    item.parts.append(next.0)
                    item.span = item.span.union(next.1)
                }
            }
            items.append(item)
        } while current.isSymbol(",")
        let span = (items.first?.span ?? keySpan).union(items.last?.span ?? keySpan)
        return RawOptionValue(items: items, span: span)
    }

    private mutating func atom() throws -> (String, SourceSpan)? {
        let t = current
        switch t.kind {
        case .word, .string:
            return qualifiedName()
        case .number(let n):
            advance()
            return (n, t.span)
        case .date(let d):
            advance()
            return (d, t.span)
        case .symbol("-"):
            if case .number(let n) = peek(1).kind {
                let span = t.span.union(peek(1).span)
                advance(2)
                return ("-" + n, span)
            }
            return nil
        case .variable(let v):
            throw SyntaxError("parameter $\(v) is not defined", at: t.span, suggestion: "declare it with: param \(v) = …")
        default:
            return nil
        }
    }
}
