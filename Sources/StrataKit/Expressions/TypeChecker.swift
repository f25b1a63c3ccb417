/// Checks expressions against a schema so that mistakes are reported at the token that caused
/// them, before any row is computed.
public struct ExpressionChecker: Sendable {
    public var schema: ExprSchema

    public init(schema: ExprSchema) { self.schema = schema }

    /// The type of the column `expr` evaluates to. A bare `missing` gives a float column.
    public func resultType(of expr: Expr) throws -> DataType {
        try check(expr).type ?? .float
    }

    /// Checks a `filter` condition: it must be true/false.
    public func checkCondition(_ expr: Expr) throws {
        let t = try check(expr)
        try ExpressionChecker.requireCondition(t, expr)
    }

    package static func requireCondition(_ t: TypedExpr, _ expr: Expr) throws {
        guard let type = t.type, type != .bool else { return }
        throw SyntaxError("filter needs a true/false condition, got \(type)", at: expr.span,
                          suggestion: "compare it with something, e.g. \(expr.description) > 0")
    }

    /// Checks `derive` assignments in order; each later one may use the columns made before it.
    /// Returns the type of each new column.
    public func checkAssignments(_ assignments: [Assignment]) throws -> [DataType] {
        var checker = self
        var types: [DataType] = []
        for a in assignments {
            let t = try checker.resultType(of: a.expression)
            types.append(t)
            checker.schema.set(a.name, type: t)
        }
        return types
    }

    /// Checks the arguments of `group … agg` items; returns each output column's type.
    public func checkAggregations(_ calls: [AggregateCall]) throws -> [DataType] {
        try calls.map { call in
            guard let argument = call.argument else {
                if call.function == .count { return .int }
                throw SyntaxError("\(call.function.rawValue) needs an argument", at: call.functionSpan,
                                  suggestion: "e.g. \(call.function.defaultExample)")
            }
            let t = try check(argument)
            guard let type = t.type else { return call.function.resultType(argument: nil) }
            let kind = call.function.parameter
            guard kind.allowed.contains(type) else {
                throw SyntaxError("\(call.function.rawValue) needs \(kind.wording), got \(type)", at: argument.span)
            }
            return call.function.resultType(argument: type)
        }
    }

    // MARK: - Nodes

    package func check(_ e: Expr) throws -> TypedExpr {
        func typed(_ type: DataType?, _ node: TypedNode) -> TypedExpr {
            TypedExpr(type: type, node: node, span: e.span, text: e.description)
        }
        switch e.node {
        case .literal(let v):
            return typed(v.dataType, .literal(v))
        case .column(let ref):
            let (i, type) = try resolve(ref)
            return typed(type, .column(i))
        case .unary(.negate, let operand, let opSpan):
            let t = try check(operand)
            guard t.type == nil || t.type?.isNumeric == true else {
                throw SyntaxError("'-' needs a number, got \(describe(t.type))", at: opSpan)
            }
            if case .literal(let v) = t.node, let folded = ExprConstantFolding.negate(v) {
                return typed(t.type, .literal(folded))
            }
            return typed(t.type, .negate(t))
        case .unary(.not, let operand, let opSpan):
            let t = try check(operand)
            guard t.type == nil || t.type == .bool else {
                throw SyntaxError("'not' needs a true/false value, got \(describe(t.type))", at: opSpan,
                                  suggestion: "compare it first, e.g. not (\(operand.description) > 0)")
            }
            return typed(.bool, .not(t.retyped(.bool)))
        case .binary(let op, let l, let r, let opSpan):
            let lt = try check(l)
            let rt = try check(r)
            if op.isLogical { return try logic(op, lt, rt, opSpan, e) }
            if op.isComparison { return try comparison(op, lt, rt, opSpan, e, l, r) }
            return try arithmetic(op, lt, rt, opSpan, e)
        case .isMissing(let operand, let negated, _):
            return typed(.bool, .isMissing(try check(operand), negated: negated))
        case .inList(let operand, let items, let negated, let opSpan):
            return try inList(try check(operand), items, negated: negated, opSpan: opSpan, e)
        case .between(let operand, let lo, let hi, let negated, let opSpan):
            // Desugared to `x >= lo and x <= hi` so it shares comparison typing and kernels.
            let x = try check(operand)
            let ge = try comparison(.greaterOrEqual, x, try check(lo), opSpan, e, operand, lo)
            let le = try comparison(.lessOrEqual, x, try check(hi), opSpan, e, operand, hi)
            let both = typed(.bool, .logic(.and, ge, le))
            return negated ? typed(.bool, .not(both)) : both
        case .call(let name, let args, let nameSpan):
            return try call(name, args, nameSpan, e)
        }
    }

    package func resolve(_ ref: ColumnReference) throws -> (Int, DataType) {
        if let table = ref.table, table != schema.tableName {
            throw SyntaxError("'\(table).\(ref.name)' is a column of a different table; this command works on \(schema.tableName)",
                              at: ref.span,
                              suggestion: "join the tables first (join \(schema.tableName) \(table) on …), then use the column by name")
        }
        guard let i = schema.index(of: ref.name) else {
            let names = schema.columnNames
            var hint = Suggestions.didYouMeanColumn(ref.name, among: names)
            if hint == nil, let spaced = names.first(where: { $0.contains(" ") && $0.filter { $0 != " " } == ref.name }) {
                hint = "names with spaces are written in backquotes: \(Identifier.backquoted(spaced))"
            }
            if hint == nil, !names.isEmpty, names.count <= 12 {
                hint = "\(schema.tableName) has columns: " + names.joined(separator: ", ")
            }
            throw SyntaxError("unknown column '\(ref.name)' in table \(schema.tableName)", at: ref.span, suggestion: hint)
        }
        return (i, schema.fields[i].type)
    }

    package func describe(_ t: DataType?) -> String { t.map(\.rawValue) ?? "missing" }
}
