extension ExpressionChecker {
    package func logic(_ op: BinaryOperator, _ l: TypedExpr, _ r: TypedExpr, _ opSpan: SourceSpan, _ e: Expr) throws -> TypedExpr {
        for (t, side) in [(l, "left"), (r, "right")] where t.type != nil && t.type != .bool {
            throw SyntaxError("'\(op.symbol)' needs true/false values on both sides, got \(describe(t.type)) on the \(side)",
                              at: opSpan, suggestion: "compare it with something, e.g. \(t.text) > 0")
        }
        return TypedExpr(type: .bool, node: .logic(op, l.retyped(.bool), r.retyped(.bool)), span: e.span, text: e.description)
    }

    package func comparison(_ op: BinaryOperator, _ l: TypedExpr, _ r: TypedExpr, _ opSpan: SourceSpan, _ e: Expr,
                    _ lExpr: Expr, _ rExpr: Expr) throws -> TypedExpr {
        guard let lt = l.type, let rt = r.type else {
            let other = l.type == nil ? rExpr : lExpr
            let fix: String
            switch op {
            case .equal: fix = "write `\(other.description) is missing`"
            case .notEqual: fix = "write `\(other.description) is not missing`"
            default: fix = "test for missing values with `is missing`"
            }
            throw SyntaxError("comparing with missing always gives missing", at: opSpan, suggestion: fix)
        }
        let target: DataType
        if lt == rt {
            target = lt
            if lt == .bool && op != .equal && op != .notEqual {
                throw SyntaxError("true/false values can only be compared with = or !=", at: opSpan)
            }
        } else if lt.isNumeric && rt.isNumeric {
            target = .float
        } else if lt.isTemporal && rt.isTemporal {
            target = .timestamp
        } else {
            throw SyntaxError("can't compare \(lt) with \(rt)", at: opSpan,
                              suggestion: ExpressionChecker.mismatchHint(lt, rExpr, rt) ?? ExpressionChecker.mismatchHint(rt, lExpr, lt))
        }
        return TypedExpr(type: .bool, node: .compare(op, l.converted(to: target), r.converted(to: target)),
                         span: e.span, text: e.description)
    }

    /// A fix for the common slip of quoting a number or a date.
    package static func mismatchHint(_ wanted: DataType, _ other: Expr, _ otherType: DataType) -> String? {
        guard otherType == .string, case .literal(.string(let s)) = other.node else {
            if wanted == .string, otherType.isNumeric { return "quote the value to compare text, e.g. \"\(other.description)\"" }
            return nil
        }
        if wanted.isTemporal, LiteralParsing.parseISO(s) != nil { return "write dates without quotes: \(s)" }
        if wanted.isNumeric, Double(s) != nil { return "write numbers without quotes: \(s)" }
        if wanted == .bool, ["true", "false", "yes", "no"].contains(s.lowercased()) {
            return "write true/false without quotes: \(s.lowercased())"
        }
        return nil
    }

    package func arithmetic(_ op: BinaryOperator, _ l: TypedExpr, _ r: TypedExpr, _ opSpan: SourceSpan, _ e: Expr) throws -> TypedExpr {
        func result(_ t: DataType, _ a: TypedExpr, _ b: TypedExpr) -> TypedExpr {
            TypedExpr(type: t, node: .arithmetic(op, a, b), span: e.span, text: e.description)
        }
        // An untyped `missing` takes the type that makes the operation valid.
        let lt = l.type ?? (r.type == .date && op == .add ? .int : r.type ?? .float)
        let rt = r.type ?? (lt == .date ? .int : lt)
        let (a, b) = (l.retyped(lt), r.retyped(rt))
        switch (op, lt, rt) {
        case (.divide, _, _) where lt.isNumeric && rt.isNumeric:
            return result(.float, a.converted(to: .float), b.converted(to: .float))
        case (.add, .int, .int), (.subtract, .int, .int), (.multiply, .int, .int), (.remainder, .int, .int):
            return result(.int, a, b)
        case (_, _, _) where lt.isNumeric && rt.isNumeric:
            return result(.float, a.converted(to: .float), b.converted(to: .float))
        case (.add, .date, .int), (.subtract, .date, .int):
            return result(.date, a, b)
        case (.add, .int, .date):
            return TypedExpr(type: .date, node: .arithmetic(.add, b, a), span: e.span, text: e.description)
        case (.subtract, .date, .date):
            return result(.int, a, b)
        case (.add, .string, .string):
            return result(.string, a, b)
        default:
            throw SyntaxError(ExpressionChecker.arithmeticMismatch(op, lt, rt), at: opSpan,
                              suggestion: ExpressionChecker.arithmeticHint(op, lt, rt))
        }
    }

    package static func arithmeticMismatch(_ op: BinaryOperator, _ l: DataType, _ r: DataType) -> String {
        switch op {
        case .add: return "'+' can't combine \(l) and \(r)"
        case .subtract: return "'-' can't subtract \(r) from \(l)"
        default: return "'\(op.symbol)' needs numbers, got \(l) and \(r)"
        }
    }

    package static func arithmeticHint(_ op: BinaryOperator, _ l: DataType, _ r: DataType) -> String? {
        if l == .bool || r == .bool { return "turn true/false into 1/0 with int(x)" }
        if l == .timestamp || r == .timestamp {
            return "use days_between(a, b) for the days between timestamps, or date(t) to work with calendar dates"
        }
        if op == .add, l == .date, r == .date { return "dates can't be added; subtract them for the days between" }
        if l == .string || r == .string {
            return op == .add ? "join text with string(x) + \"…\", or read numbers from text with float(x)"
                : "read numbers from text with float(x)"
        }
        if l.isTemporal || r.isTemporal { return "dates move by whole days: d + 7, d - 1; d2 - d1 gives days" }
        return nil
    }

    package func inList(_ x: TypedExpr, _ items: [Expr], negated: Bool, opSpan: SourceSpan, _ e: Expr) throws -> TypedExpr {
        guard let xt = x.type else {
            throw SyntaxError("missing can't be looked up with 'in'", at: x.span, suggestion: "use `is missing`")
        }
        var target = xt
        var values: [(Value, Expr)] = []
        for item in items {
            guard case .literal(let v) = item.node, let vt = v.dataType else {
                throw SyntaxError("'in (…)' takes literal values", at: item.span)
            }
            let fits = vt == xt || (vt.isNumeric && xt.isNumeric) || (vt.isTemporal && xt.isTemporal)
            guard fits else {
                throw SyntaxError("can't look for \(vt) \(item.description) among \(xt) values", at: item.span,
                                  suggestion: ExpressionChecker.mismatchHint(xt, item, vt))
            }
            if vt == .float && xt == .int { target = .float }
            if vt == .timestamp && xt == .date { target = .timestamp }
            values.append((v, item))
        }
        var converted: [Value] = []
        for (v, item) in values {
            guard let c = ExprConversions.convertLiteral(v, to: target) else {
                throw SyntaxError("can't look for \(item.description) among \(target) values", at: item.span)
            }
            converted.append(c)
        }
        return TypedExpr(type: .bool, node: .inList(x.converted(to: target), converted, negated: negated),
                         span: e.span, text: e.description)
    }

    package func call(_ name: String, _ args: [Expr], _ nameSpan: SourceSpan, _ e: Expr) throws -> TypedExpr {
        if let problem = FunctionRegistry.scalarCallProblem(name: name, argumentCount: args.count, span: nameSpan) {
            throw problem
        }
        guard let f = FunctionRegistry.scalar(named: name) else {
            throw SyntaxError("unknown function '\(name)'", at: nameSpan)
        }
        let sig = f.signature
        guard sig.accepts(argumentCount: args.count) else {
            throw SyntaxError("\(f.name) \(sig.arityText), got \(args.count)", at: nameSpan, suggestion: "usage: \(sig.usage)")
        }
        var typed: [TypedExpr] = []
        for (i, arg) in args.enumerated() {
            let t = try check(arg)
            let kind = sig.parameter(i)
            if let ty = t.type, !kind.allowed.contains(ty) {
                let position = args.count > 1 ? " as argument \(i + 1)" : ""
                throw SyntaxError("\(f.name) needs \(kind.wording)\(position), got \(ty)", at: arg.span,
                                  suggestion: "usage: \(sig.usage)")
            }
            typed.append(t)
        }
        let resultType: DataType?
        switch sig.result {
        case .fixed(let t):
            resultType = t
        case .sameAs(let i):
            resultType = i < typed.count ? typed[i].type ?? sig.parameter(i).preferred : nil
        case .common(let from):
            resultType = try commonType(f, typed, args, from: from)
            if let rt = resultType {
                for i in typed.indices where i >= from { typed[i] = typed[i].converted(to: rt) }
            }
        }
        // Give leftover untyped `missing` arguments the type their parameter prefers.
        for i in typed.indices where typed[i].type == nil { typed[i] = typed[i].retyped(sig.parameter(i).preferred) }
        return TypedExpr(type: resultType, node: .call(f, typed), span: e.span, text: e.description)
    }

    package func commonType(_ f: ScalarFunction, _ typed: [TypedExpr], _ args: [Expr], from: Int) throws -> DataType? {
        var common: DataType?
        for i in typed.indices where i >= from {
            guard let t = typed[i].type else { continue }
            guard let c = common else {
                common = t
                continue
            }
            if c == t { continue }
            if c.isNumeric && t.isNumeric {
                common = .float
            } else if c.isTemporal && t.isTemporal {
                common = .timestamp
            } else {
                let what = f == .if ? "both branches of if" : "all values of \(f.name)"
                throw SyntaxError("\(what) must have one type, got \(c) and \(t)", at: args[i].span,
                                  suggestion: "convert one of them, e.g. string(x) or float(x)")
            }
        }
        return common
    }
}

extension ParameterKind {
    /// The type an untyped `missing` argument takes.
    package var preferred: DataType {
        for t in [DataType.float, .int, .string, .bool, .date, .timestamp] where allowed.contains(t) { return t }
        return .float
    }
}

package enum ExprConstantFolding {
    package static func negate(_ v: Value) -> Value? {
        switch v {
        case .int(let i):
            let (r, o) = Int64(0).subtractingReportingOverflow(i)
            return o ? nil : .int(r)
        case .float(let d): return .float(-d)
        default: return nil
        }
    }
}
