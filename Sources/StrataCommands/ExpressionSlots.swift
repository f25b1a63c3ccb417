/// Reads the expression-valued slots of a parsed command with the expression parser.
/// Expressions run to the end of the line; a trailing `as NAME` is the command's binding.
extension ParsedCommand {
    private func expressionParser(_ slot: String) throws -> ExpressionParser {
        guard let range = tokenRange(slot) else { throw error("\(spec.name): missing \(slot)") }
        return ExpressionParser(tokens: tokens, position: range.lowerBound)
    }

    private func requireConsumed(_ parser: ExpressionParser, _ slot: String) throws {
        guard let range = tokenRange(slot), parser.position < range.upperBound else { return }
        let t = tokens[parser.position]
        throw SyntaxError("unexpected '\(t.display)'", at: t.span, suggestion: "usage: \(spec.synopsis)")
    }

    public func condition(_ slot: String) throws -> Expr {
        var p = try expressionParser(slot)
        let e = try p.parseExpression(stopAtComma: false)
        try requireConsumed(p, slot)
        return e
    }

    public func assignments(_ slot: String) throws -> [Assignment] {
        var p = try expressionParser(slot)
        let a = try p.parseAssignments()
        try requireConsumed(p, slot)
        return a
    }

    public func aggregations(_ slot: String) throws -> [AggregateCall] {
        var p = try expressionParser(slot)
        let a = try p.parseAggregations()
        try requireConsumed(p, slot)
        return a
    }
}
