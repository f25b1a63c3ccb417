extension ExpressionParser {
    package mutating func parsePrimary() throws -> Expr {
        let t = current
        switch t.kind {
        case .number(let text):
            _ = advance()
            return Expr(.literal(try LiteralParsing.number(text, negative: false, span: t.span)), span: t.span)
        case .string(let s):
            _ = advance()
            return Expr(.literal(.string(s)), span: t.span)
        case .date(let text):
            _ = advance()
            return Expr(.literal(try LiteralParsing.dateOrTimestamp(text, span: t.span)), span: t.span)
        case .symbol("("):
            let open = advance()
            let inner = try parseOr()
            guard current.isSymbol(")") else { throw unclosed(open, found: current, what: "this parenthesis") }
            let close = advance()
            return Expr(inner.node, span: open.span.union(close.span))
        case .word(let w):
            return try parseWord(w)
        case .end:
            throw missingOperand(at: t)
        case .symbol("!"):
            throw SyntaxError("unexpected '!'", at: t.span, suggestion: "write `not` for negation and `!=` for not equal")
        default:
            throw SyntaxError("expected a value, found \(t.display)", at: t.span)
        }
    }

    /// A value was expected but the line ended: point at the operator left dangling, if any.
    package func missingOperand(at end: Token) -> SyntaxError {
        let prev = peek(-1)
        if position > 0, !prev.isEnd {
            switch prev.kind {
            case .symbol("("):
                return SyntaxError("unclosed '(': this parenthesis is never closed", at: prev.span,
                                   suggestion: "add a value and a closing )")
            case .symbol(let s) where s != ")":
                return SyntaxError("expected a value after '\(s)'", at: prev.span)
            case .word(let w) where ["and", "or", "not", "between"].contains(w.lowercased()):
                return SyntaxError("expected a value after '\(w)'", at: prev.span)
            default: break
            }
        }
        return SyntaxError("expected an expression", at: end.span)
    }

    package func unclosed(_ open: Token, found: Token, what: String) -> SyntaxError {
        if found.isEnd {
            return SyntaxError("unclosed '(': \(what) is never closed", at: open.span, suggestion: "add a closing )")
        }
        return SyntaxError("expected ')' to close \(what), found \(found.display)", at: found.span,
                           suggestion: "check for a missing operator or comma")
    }

    package mutating func parseWord(_ w: String) throws -> Expr {
        let t = current
        if t.isBackquoted {
            _ = advance()
            return Expr(.column(ColumnReference(table: nil, name: w, span: t.span)), span: t.span)
        }
        let lower = w.lowercased()
        switch lower {
        case "true", "yes":
            _ = advance()
            return Expr(.literal(.bool(true)), span: t.span)
        case "false", "no":
            _ = advance()
            return Expr(.literal(.bool(false)), span: t.span)
        case "missing":
            _ = advance()
            return Expr(.literal(.missing), span: t.span)
        default: break
        }
        if peek(1).isSymbol("(") {
            let (args, close) = try parseCallArguments()
            let span = t.span.union(close.span)
            if lower == FunctionRegistry.columnFunction { return try columnFunction(args, nameSpan: t.span, span: span) }
            if let problem = FunctionRegistry.scalarCallProblem(name: w, argumentCount: args.count, span: t.span) {
                throw problem
            }
            return try compound(.call(name: lower, arguments: args, nameSpan: t.span), span: span, at: t.span)
        }
        if ExprKeywords.reserved.contains(lower) {
            if position > 0, !peek(-1).isEnd {
                throw SyntaxError("expected a value after \(peek(-1).display), found '\(w)'", at: t.span)
            }
            throw SyntaxError("expected a value, found '\(w)'", at: t.span,
                              suggestion: "a column with this name is written \(Identifier.backquoted(w))")
        }
        _ = advance()
        if current.isSymbol("."), let name = peek(1).word {
            _ = advance()
            let nameTok = advance()
            let span = t.span.union(nameTok.span)
            return Expr(.column(ColumnReference(table: w, name: name, span: span)), span: span)
        }
        return Expr(.column(ColumnReference(table: nil, name: w, span: t.span)), span: t.span)
    }

    /// `col("Call  Failure")`: the older way to name a column that is not a plain word (now
    /// `` `Call  Failure` ``); kept so that existing scripts still run.
    package func columnFunction(_ args: [Expr], nameSpan: SourceSpan, span: SourceSpan) throws -> Expr {
        guard args.count == 1, case .literal(.string(let name)) = args[0].node else {
            throw SyntaxError("col takes one quoted column name", at: nameSpan, suggestion: "e.g. col(\"Call  Failure\")")
        }
        return Expr(.column(ColumnReference(table: nil, name: name, span: span)), span: span)
    }

    /// Parses `name(arg, …)` from the name token; returns the arguments and the closing parenthesis.
    package mutating func parseCallArguments() throws -> ([Expr], Token) {
        let nameTok = advance()
        let open = advance()
        var args: [Expr] = []
        if current.isSymbol(")") { return (args, advance()) }
        while true {
            args.append(try parseOr())
            if current.isSymbol(",") {
                _ = advance()
                continue
            }
            if current.isSymbol(")") { return (args, advance()) }
            if current.isEnd { throw unclosed(open, found: current, what: "the call to \(nameTok.display)") }
            throw SyntaxError("expected ',' or ')' in the call to \(nameTok.display), found \(current.display)",
                              at: current.span)
        }
    }
}
