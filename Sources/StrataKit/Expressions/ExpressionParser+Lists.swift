extension ExpressionParser {
    /// `name = expr, name2 = expr` (for `derive`). Names may be quoted to contain spaces.
    /// Stops before `as name`, a stop word or the end of the line.
    public mutating func parseAssignments() throws -> [Assignment] {
        var out: [Assignment] = []
        while true {
            let nameTok = current
            let name: String
            switch nameTok.kind {
            case .word(let w): name = w
            case .string(let s) where !s.isEmpty: name = s
            default:
                throw SyntaxError(out.isEmpty ? "expected a column name to assign" : "expected another assignment after ','",
                                  at: nameTok.span, suggestion: "e.g. amount = quantity * unit_price")
            }
            _ = advance()
            guard current.isSymbol("=") else {
                throw SyntaxError("expected '=' after '\(name)'", at: current.isEnd ? nameTok.span : current.span,
                                  suggestion: "e.g. \(nameTok.display) = quantity * unit_price")
            }
            _ = advance()
            let e = try parseOr()
            out.append(Assignment(name: name, nameSpan: nameTok.span, expression: e))
            if current.isSymbol(",") {
                _ = advance()
                continue
            }
            if atStop(stopAtComma: false) { return out }
            throw listContinuationError(item: "assignments")
        }
    }

    /// `n = count(), total = sum(amount), mean(price)` (for `group … agg`). Items without a name get
    /// a default one (`count`, `sum_amount`). Stops like `parseAssignments`.
    public mutating func parseAggregations() throws -> [AggregateCall] {
        var out: [AggregateCall] = []
        while true {
            let call = try parseAggregation()
            if out.contains(where: { $0.outputName == call.outputName }) {
                throw SyntaxError("two aggregations are both named '\(call.outputName)'", at: call.span,
                                  suggestion: "name one of them, e.g. \(call.outputName)_2 = …")
            }
            out.append(call)
            if current.isSymbol(",") {
                _ = advance()
                continue
            }
            if atStop(stopAtComma: false) { return out }
            if ExpressionParser.isOperator(current) {
                throw SyntaxError("an aggregation is a single call like sum(amount), not an expression of calls",
                                  at: current.span,
                                  suggestion: "aggregate each part, then combine them with `derive` on the grouped table")
            }
            throw listContinuationError(item: "aggregations")
        }
    }

    package mutating func parseAggregation() throws -> AggregateCall {
        let start = current
        var outputName: String?
        if peek(1).isSymbol("=") {
            switch start.kind {
            case .word(let w): outputName = w
            case .string(let s) where !s.isEmpty: outputName = s
            default: break
            }
            if outputName != nil {
                _ = advance()
                _ = advance()
            }
        }
        let nameTok = current
        guard let fname = nameTok.word, peek(1).isSymbol("(") else {
            throw SyntaxError("expected an aggregate call like sum(amount), found \(nameTok.display)", at: nameTok.span,
                              suggestion: "aggregates: " + AggregateFunction.spellings.map { $0.0 + "()" }.joined(separator: ", "))
        }
        guard let function = AggregateFunction(spelling: fname) else {
            let suggestion = Suggestions.didYouMean(fname, among: AggregateFunction.spellings.map(\.0))
            if FunctionRegistry.scalar(named: fname) != nil {
                throw SyntaxError("'\(fname)' is a row-wise function, not an aggregate", at: nameTok.span,
                                  suggestion: suggestion ?? "derive a column with it first, then aggregate that column")
            }
            throw SyntaxError("unknown aggregate function '\(fname)'", at: nameTok.span, suggestion: suggestion)
        }
        // `count(*)` is the SQL habit for counting rows.
        if function == .count, peek(2).isSymbol("*"), peek(3).isSymbol(")") {
            _ = advance()
            _ = advance()
            _ = advance()
            let close = advance()
            return AggregateCall(outputName: outputName ?? "count", function: .count, argument: nil,
                                 span: start.span.union(close.span), functionSpan: nameTok.span)
        }
        let (args, close) = try parseCallArguments()
        let span = start.span.union(close.span)
        let argument: Expr?
        switch (function, args.count) {
        case (.count, 0):
            argument = nil
        case (_, 1):
            argument = args[0]
        case (.min, 2...), (.max, 2...):
            throw SyntaxError("row-wise \(fname.lowercased())(a, b, …) is not an aggregate", at: nameTok.span,
                              suggestion: "aggregate one column, e.g. \(fname.lowercased())(amount), or derive the row-wise value first")
        default:
            throw SyntaxError("\(fname.lowercased()) takes \(function == .count ? "0 or 1 argument" : "1 argument"), got \(args.count)",
                              at: nameTok.span, suggestion: "e.g. \(function.defaultExample)")
        }
        return AggregateCall(outputName: outputName ?? AggregateCall.defaultName(function: function, argument: argument),
                             function: function, argument: argument, span: span, functionSpan: nameTok.span)
    }

    package static func isOperator(_ t: Token) -> Bool {
        if comparisonOperator(t) != nil { return true }
        if case .symbol(let s) = t.kind, ["+", "-", "*", "/", "%"].contains(s) { return true }
        return t.isWord("and") || t.isWord("or")
    }

    package func listContinuationError(item: String) -> SyntaxError {
        let t = current
        // A misplaced `as` is a binding gone wrong, not a missing comma.
        if t.isWord("as") { return unexpectedAfterExpression() }
        if t.word != nil || (t.kind != .end && peek(1).isSymbol("=")) {
            return SyntaxError("expected ',' between \(item), found \(t.display)", at: t.span,
                               suggestion: "separate \(item) with commas")
        }
        return unexpectedAfterExpression()
    }
}
