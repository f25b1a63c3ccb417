/// Recursive-descent parser over the lexer's tokens. It starts at `position` and stops, without
/// consuming, at the end of the line, at a top-level `,` (when asked), at a trailing `as name`
/// binding, or at one of the caller's `stopWords`; anything else left over is an error.
///
/// Precedence, loosest first: `or`; `and`; `not`; comparisons (`=`/`==`, `!=`/`<>`, `<`, `<=`,
/// `>`, `>=`, `in (…)`, `is [not] missing`, `between … and …`), which do not chain; `+ -`;
/// `* / %`; unary `-`; literals, columns, calls and parentheses.
public struct ExpressionParser: Sendable {
    package let tokens: [Token]
    public internal(set) var position: Int
    /// Lower-cased bare words that end an expression at the top level, for commands whose
    /// grammar continues after one (e.g. `by`).
    public var stopWords: Set<String>
    /// How many nested sub-expressions (parentheses, call arguments, `not`, unary `-`) the parser
    /// is inside, so that it gives up before the recursion overflows the stack.
    package var depth = 0

    /// The deepest expression accepted, counted both as parser nesting and as the height of the
    /// finished tree (checking, evaluation and printing recurse over it). Far beyond anything typed
    /// by hand; at this depth the worst case (nested `if(…)`) needs under 4 MB of stack in a debug
    /// build, half the 8 MB the session's main thread has. A thread with a smaller stack would
    /// need a lower limit.
    public static let maxDepth = 200

    /// `$name` parameters are already replaced by their values' tokens (`ParameterSubstitution`).
    public init(tokens: [Token], position: Int, stopWords: Set<String> = []) {
        self.tokens = tokens
        self.position = position
        self.stopWords = Set(stopWords.map { $0.lowercased() })
    }

    /// Tokenizes `text` and parses all of it as one expression.
    public static func parse(_ text: String) throws -> Expr {
        var parser = ExpressionParser(tokens: try Lexer.tokenize(text), position: 0)
        return try parser.parseExpression(stopAtComma: false)
    }

    /// One expression, which must be followed by a stop: end of line, `as name`, a stop word,
    /// or (with `stopAtComma`) a top-level comma.
    public mutating func parseExpression(stopAtComma: Bool) throws -> Expr {
        let e = try parseOr()
        if !atStop(stopAtComma: stopAtComma) { throw unexpectedAfterExpression() }
        return e
    }

    // MARK: - Token access

    package var current: Token { peek(0) }

    package func peek(_ offset: Int) -> Token {
        let i = position + offset
        if i >= 0, i < tokens.count { return tokens[i] }
        let end = tokens.last?.span.end ?? 0
        return Token(.end, .point(end))
    }

    package mutating func advance() -> Token {
        let t = current
        if position < tokens.count { position += 1 }
        return t
    }

    package func atStop(stopAtComma: Bool) -> Bool {
        let t = current
        if t.isEnd { return true }
        if stopAtComma && t.isSymbol(",") { return true }
        if isAsBinding { return true }
        if let w = t.word, stopWords.contains(w.lowercased()) { return true }
        return false
    }

    /// `as name` followed by the end of the line: the command's binding, not part of the expression.
    package var isAsBinding: Bool {
        current.isWord("as") && peek(1).word != nil && peek(2).isEnd
    }

    package func unexpectedAfterExpression() -> SyntaxError {
        let t = current
        if t.isSymbol(")") {
            return SyntaxError("unmatched ')'", at: t.span, suggestion: "remove it, or add the '(' it should close")
        }
        if t.isSymbol(",") {
            return SyntaxError("unexpected ',' after the expression", at: t.span,
                               suggestion: "combine conditions with `and` / `or`")
        }
        if t.isWord("as") {
            return SyntaxError("'as' must be followed by one name at the end of the line", at: t.span)
        }
        if let w = t.word {
            let keywords = ["and", "or", "in", "is", "between", "not"]
            let hint = Suggestions.didYouMean(w, among: keywords)
            return SyntaxError("unexpected '\(w)' after the expression", at: t.span,
                               suggestion: hint ?? "put an operator between values, or join conditions with `and` / `or`")
        }
        return SyntaxError("unexpected \(t.display) after the expression", at: t.span)
    }

    // MARK: - Depth limit

    package mutating func descend(at span: SourceSpan) throws {
        depth += 1
        guard depth <= Self.maxDepth else { throw Self.tooDeep(at: span) }
    }

    /// Builds a node with children, refusing one that would make the tree too tall. Chains of
    /// binary operators are built in loops, not by recursion, so `descend` alone would miss them.
    package func compound(_ node: ExprNode, span: SourceSpan, at operatorSpan: SourceSpan) throws -> Expr {
        let e = Expr(node, span: span)
        guard e.height <= Self.maxDepth else { throw Self.tooDeep(at: operatorSpan) }
        return e
    }

    package static func tooDeep(at span: SourceSpan) -> SyntaxError {
        SyntaxError("expression nested too deeply (more than \(maxDepth) levels)", at: span,
                    suggestion: "split it into steps with derive, or write a long chain of `or` as `in (…)`")
    }

    // MARK: - Precedence levels

    package mutating func parseOr() throws -> Expr {
        try descend(at: current.span)
        defer { depth -= 1 }
        var lhs = try parseAnd()
        while current.isWord("or") {
            let op = advance()
            let rhs = try parseAnd()
            lhs = try compound(.binary(.or, lhs, rhs, operatorSpan: op.span), span: lhs.span.union(rhs.span), at: op.span)
        }
        return lhs
    }

    package mutating func parseAnd() throws -> Expr {
        var lhs = try parseNot()
        while current.isWord("and") {
            let op = advance()
            let rhs = try parseNot()
            lhs = try compound(.binary(.and, lhs, rhs, operatorSpan: op.span), span: lhs.span.union(rhs.span), at: op.span)
        }
        return lhs
    }

    package mutating func parseNot() throws -> Expr {
        guard current.isWord("not") else { return try parseComparison() }
        let op = advance()
        try descend(at: op.span)
        defer { depth -= 1 }
        let operand = try parseNot()
        return try compound(.unary(.not, operand, operatorSpan: op.span), span: op.span.union(operand.span), at: op.span)
    }

    package static func comparisonOperator(_ t: Token) -> BinaryOperator? {
        guard case .symbol(let s) = t.kind else { return nil }
        switch s {
        case "=", "==": return .equal
        case "!=", "<>": return .notEqual
        case "<": return .less
        case "<=": return .lessOrEqual
        case ">": return .greater
        case ">=": return .greaterOrEqual
        default: return nil
        }
    }

    /// True when the current token starts a comparison-level construct.
    package var atComparison: Bool {
        let t = current
        if ExpressionParser.comparisonOperator(t) != nil { return true }
        if t.isWord("in") || t.isWord("is") || t.isWord("between") { return true }
        return t.isWord("not") && (peek(1).isWord("in") || peek(1).isWord("between"))
    }

    package mutating func parseComparison() throws -> Expr {
        let lhs = try parseAdditive()
        guard atComparison else { return lhs }
        let result = try parseComparisonTail(lhs)
        if atComparison {
            throw SyntaxError("comparisons can't be chained", at: current.span,
                              suggestion: "join them with `and`, e.g. a < b and b < c")
        }
        return result
    }

    package mutating func parseComparisonTail(_ lhs: Expr) throws -> Expr {
        if let op = ExpressionParser.comparisonOperator(current) {
            let opTok = advance()
            let rhs = try parseAdditive()
            return try compound(.binary(op, lhs, rhs, operatorSpan: opTok.span), span: lhs.span.union(rhs.span), at: opTok.span)
        }
        if current.isWord("is") {
            let isTok = advance()
            var negated = false
            if current.isWord("not") {
                _ = advance()
                negated = true
            }
            guard current.isWord("missing") else {
                let t = current
                let hint = ["null", "nan", "none", "na", "empty", "nil"].contains(t.word?.lowercased() ?? "")
                    ? "missing values are written `is missing`" : "e.g. x is missing, x is not missing"
                throw SyntaxError("expected 'missing' after '\(negated ? "is not" : "is")'", at: t.span, suggestion: hint)
            }
            let end = advance()
            return try compound(.isMissing(lhs, negated: negated, operatorSpan: isTok.span.union(end.span)),
                                span: lhs.span.union(end.span), at: isTok.span)
        }
        var negated = false
        var opSpan = current.span
        if current.isWord("not") {
            _ = advance()
            negated = true
            opSpan = opSpan.union(current.span)
        }
        if current.isWord("in") {
            _ = advance()
            return try parseInList(lhs, negated: negated, operatorSpan: opSpan)
        }
        // Only `between` is left (atComparison guarantees it).
        _ = advance()
        let low = try parseAdditive()
        guard current.isWord("and") else {
            throw SyntaxError("expected 'and' in 'between … and …'", at: current.span,
                              suggestion: "e.g. amount between 10 and 20")
        }
        _ = advance()
        let high = try parseAdditive()
        return try compound(.between(lhs, low: low, high: high, negated: negated, operatorSpan: opSpan),
                            span: lhs.span.union(high.span), at: opSpan)
    }

    package mutating func parseInList(_ lhs: Expr, negated: Bool, operatorSpan: SourceSpan) throws -> Expr {
        guard current.isSymbol("(") else {
            throw SyntaxError("expected '(' after 'in'", at: current.span, suggestion: "e.g. country in (\"UK\", \"FR\")")
        }
        let open = advance()
        var items: [Expr] = []
        if current.isSymbol(")") {
            throw SyntaxError("the list after 'in' is empty", at: open.span.union(current.span),
                              suggestion: "list at least one value, e.g. country in (\"UK\")")
        }
        while true {
            let item = try parseAdditive()
            guard case .literal(let v) = item.node else {
                throw SyntaxError("'in (…)' takes literal values like 1, \"UK\" or 2011-12-09", at: item.span,
                                  suggestion: "for a comparison with a column use =, e.g. a = b or a = c")
            }
            if v.isMissing {
                throw SyntaxError("'missing' can't be matched with 'in (…)'", at: item.span,
                                  suggestion: "use `x is missing`, e.g. x in (1, 2) or x is missing")
            }
            items.append(item)
            if current.isSymbol(",") {
                _ = advance()
                continue
            }
            if current.isSymbol(")") { break }
            if current.isEnd {
                throw SyntaxError("unclosed '(': the list after 'in' is never closed", at: open.span,
                                  suggestion: "add a closing )")
            }
            throw SyntaxError("expected ',' or ')' in the list, found \(current.display)", at: current.span)
        }
        let close = advance()
        return try compound(.inList(lhs, items, negated: negated, operatorSpan: operatorSpan), span: lhs.span.union(close.span),
                            at: operatorSpan)
    }

    package mutating func parseAdditive() throws -> Expr {
        var lhs = try parseMultiplicative()
        while true {
            let op: BinaryOperator
            if current.isSymbol("+") { op = .add } else if current.isSymbol("-") { op = .subtract } else { break }
            let opTok = advance()
            let rhs = try parseMultiplicative()
            lhs = try compound(.binary(op, lhs, rhs, operatorSpan: opTok.span), span: lhs.span.union(rhs.span), at: opTok.span)
        }
        return lhs
    }

    package mutating func parseMultiplicative() throws -> Expr {
        var lhs = try parseUnary()
        while true {
            let op: BinaryOperator
            if current.isSymbol("*") {
                op = .multiply
            } else if current.isSymbol("/") {
                op = .divide
            } else if current.isSymbol("%") {
                op = .remainder
            } else {
                break
            }
            let opTok = advance()
            let rhs = try parseUnary()
            lhs = try compound(.binary(op, lhs, rhs, operatorSpan: opTok.span), span: lhs.span.union(rhs.span), at: opTok.span)
        }
        return lhs
    }

    package mutating func parseUnary() throws -> Expr {
        guard current.isSymbol("-") else { return try parsePrimary() }
        let minus = advance()
        // Folding the sign into the literal lets -9223372036854775808 be written at all.
        if case .number(let text) = current.kind {
            let num = advance()
            let span = minus.span.union(num.span)
            return Expr(.literal(try LiteralParsing.number(text, negative: true, span: span)), span: span)
        }
        try descend(at: minus.span)
        defer { depth -= 1 }
        let operand = try parseUnary()
        return try compound(.unary(.negate, operand, operatorSpan: minus.span), span: minus.span.union(operand.span),
                            at: minus.span)
    }
}
