/// Canonical text: re-parsing `description` gives the same tree (spans aside), which is what
/// output headers and generated docs rely on. Parentheses appear only where precedence needs them.
extension Expr: CustomStringConvertible {
    public var description: String { render(self) }

    /// Every column the expression reads, first occurrence first, without repeats.
    public var referencedColumns: [ColumnReference] {
        var out: [ColumnReference] = []
        visitColumns { ref in
            if !out.contains(where: { $0.table == ref.table && $0.name == ref.name }) { out.append(ref) }
        }
        return out
    }

    package func visitColumns(_ visit: (ColumnReference) -> Void) {
        switch node {
        case .literal: break
        case .column(let ref): visit(ref)
        case .unary(_, let e, _): e.visitColumns(visit)
        case .binary(_, let l, let r, _):
            l.visitColumns(visit)
            r.visitColumns(visit)
        case .isMissing(let e, _, _): e.visitColumns(visit)
        case .inList(let e, let items, _, _):
            e.visitColumns(visit)
            for i in items { i.visitColumns(visit) }
        case .between(let e, let lo, let hi, _, _):
            e.visitColumns(visit)
            lo.visitColumns(visit)
            hi.visitColumns(visit)
        case .call(_, let args, _):
            for a in args { a.visitColumns(visit) }
        }
    }

    /// How tightly the node's own text binds, to decide whether a parent must parenthesize it.
    package var precedence: Int {
        switch node {
        case .literal(let v):
            // A negative number reads like a unary minus.
            switch v {
            case .int(let i) where i < 0: return ExprPrecedence.unaryMinus
            case .float(let d) where d.sign == .minus: return ExprPrecedence.unaryMinus
            default: return ExprPrecedence.primary
            }
        case .column, .call: return ExprPrecedence.primary
        case .unary(let op, _, _): return op == .not ? ExprPrecedence.not : ExprPrecedence.unaryMinus
        case .binary(let op, _, _, _): return op.precedence
        case .isMissing, .inList, .between: return ExprPrecedence.comparison
        }
    }
}

private func render(_ e: Expr) -> String {
    func wrap(_ child: Expr, above minimum: Int) -> String {
        child.precedence > minimum ? render(child) : "(" + render(child) + ")"
    }
    switch e.node {
    case .literal(let v):
        return ExprLiteralText.render(v)
    case .column(let ref):
        return (ref.table.map { Identifier.written($0) + "." } ?? "") + Identifier.written(ref.name)
    case .unary(.negate, let operand, _):
        // `-(-5)` and `-(-x)`: two minus signs in a row would read as one token elsewhere.
        return "-" + wrap(operand, above: ExprPrecedence.unaryMinus)
    case .unary(.not, let operand, _):
        return "not " + wrap(operand, above: ExprPrecedence.not - 1)
    case .binary(let op, let l, let r, _):
        let p = op.precedence
        // Left-associative: the left child may share our level, the right child may not.
        // Comparisons don't chain, so neither side may be a comparison.
        let left = op.isComparison ? wrap(l, above: p) : wrap(l, above: p - 1)
        return left + " " + op.symbol + " " + wrap(r, above: p)
    case .isMissing(let operand, let negated, _):
        return wrap(operand, above: ExprPrecedence.comparison) + (negated ? " is not missing" : " is missing")
    case .inList(let operand, let items, let negated, _):
        return wrap(operand, above: ExprPrecedence.comparison) + (negated ? " not in (" : " in (")
            + items.map(render).joined(separator: ", ") + ")"
    case .between(let operand, let lo, let hi, let negated, _):
        return wrap(operand, above: ExprPrecedence.comparison) + (negated ? " not between " : " between ")
            + wrap(lo, above: ExprPrecedence.comparison) + " and " + wrap(hi, above: ExprPrecedence.comparison)
    case .call(let name, let args, _):
        return name + "(" + args.map(render).joined(separator: ", ") + ")"
    }
}

/// Text forms of literal values shared by the printer and messages.
package enum ExprLiteralText {
    package static func render(_ v: Value) -> String {
        switch v {
        case .missing: return "missing"
        case .int(let i): return String(i)
        case .float(let d): return d.description
        case .string(let s): return quote(s)
        case .bool(let b): return b ? "true" : "false"
        // Day numbers beyond any calendar print raw rather than trap in the calendar arithmetic.
        case .date(let d): return EvalRun.supportedDays.contains(d) ? CivilCalendar.formatDate(days: d) : String(d)
        case .timestamp(let s):
            return EvalRun.supportedDays.contains(EvalRun.days(ofSeconds: s)) ? isoTimestamp(seconds: s) : String(s)
        }
    }

    /// `2011-12-09T10:00:00`, the form the lexer reads back as one token.
    package static func isoTimestamp(seconds: Int64) -> String {
        let days = CivilCalendar.floorDiv(seconds, 86_400)
        let secs = Int(EvalRun.secondOfDay(seconds))
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return CivilCalendar.formatDate(days: days) + "T" + pad(secs / 3600) + ":" + pad(secs / 60 % 60) + ":"
            + pad(secs % 60)
    }

    package static func quote(_ s: String) -> String {
        var out = "\""
        for c in s {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(c)
            }
        }
        return out + "\""
    }
}

package enum ExprKeywords {
    /// Words the parser gives a meaning of their own; a column with one of these names is written in backquotes.
    package static let reserved: Set<String> = [
        "and", "or", "not", "in", "is", "between", "true", "false", "yes", "no", "missing", "as",
    ]
}
