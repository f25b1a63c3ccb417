/// The expression language as PySpark `Column` code. Spark SQL's null is Strata's missing, and
/// its `and`/`or` are already three-valued (SQL's Kleene logic), so most operators map one to
/// one. Where a function differs, the code is written so the answer is Strata's (e.g. `sqrt` of a
/// negative number is missing, not NaN), and `notes` says what still differs.
package struct SparkExpression {
    package let schema: ExprSchema
    /// Differences worth a comment, collected while writing.
    package private(set) var notes: [String] = []

    package init(schema: ExprSchema) { self.schema = schema }

    private func type(_ e: Expr) -> DataType? {
        if case .literal(let v) = e.node { return v.dataType }
        return try? ExpressionChecker(schema: schema).resultType(of: e)
    }

    /// Column code for `e`, e.g. `F.col("quantity") * F.col("unit_price")`.
    package mutating func code(_ e: Expr) throws -> String {
        try code(e, nested: false)
    }

    private mutating func note(_ text: String) {
        if !notes.contains(text) { notes.append(text) }
    }

    /// A literal as a Python value (for the other side of an operator with a column) or `F.lit`.
    private func literal(_ v: Value, bare: Bool) -> String {
        let python: String
        switch v {
        case .missing: return "F.lit(None)"
        case .int(let i): python = String(i)
        case .float(let d): python = SparkPython.number(d)
        case .string(let s): python = SparkPython.string(s)
        case .bool(let b): python = b ? "True" : "False"
        case .date(let d): return "F.to_date(F.lit(\(SparkPython.string(CivilCalendar.formatDate(days: d)))))"
        case .timestamp(let t): return "F.to_timestamp(F.lit(\(SparkPython.string(CivilCalendar.formatTimestamp(seconds: t)))))"
        }
        return bare ? python : "F.lit(\(python))"
    }

    private func isLiteral(_ e: Expr) -> Bool {
        if case .literal(let v) = e.node { return !v.isMissing && v.dataType != .date && v.dataType != .timestamp }
        return false
    }

    private mutating func code(_ e: Expr, nested: Bool) throws -> String {
        func wrap(_ s: String) -> String { nested ? "(" + s + ")" : s }
        switch e.node {
        case .literal(let v):
            return literal(v, bare: false)
        case .column(let ref):
            return "F.col(\(SparkPython.string(ref.name)))"
        case .unary(.negate, let x, _):
            return "-" + (try code(x, nested: true))
        case .unary(.not, let x, _):
            return "~" + (try code(x, nested: true))
        case .binary(let op, let a, let b, _):
            return wrap(try binary(op, a, b))
        case .isMissing(let x, let negated, _):
            return try code(x, nested: true) + (negated ? ".isNotNull()" : ".isNull()")
        case .inList(let x, let items, let negated, _):
            let values = items.map { item -> String in
                if case .literal(let v) = item.node { return literal(v, bare: true) }
                return (try? code(item, nested: false)) ?? "None"
            }
            let test = try code(x, nested: true) + ".isin([" + values.joined(separator: ", ") + "])"
            return negated ? "~" + test : test
        case .between(let x, let low, let high, let negated, _):
            let test = try code(x, nested: true) + ".between(" + (try operand(low, other: x)) + ", "
                + (try operand(high, other: x)) + ")"
            return negated ? "~" + test : test
        case .call(let name, let arguments, _):
            guard let function = ScalarFunction(rawValue: name) else {
                throw SparkUnsupported("function '\(name)' has no Spark mapping")
            }
            return try call(function, arguments)
        }
    }

    /// One side of a binary operator: a bare Python literal when the other side is a column.
    private mutating func operand(_ e: Expr, other: Expr) throws -> String {
        if case .literal(let v) = e.node, isLiteral(e), !isLiteral(other) { return literal(v, bare: true) }
        return try code(e, nested: true)
    }

    private mutating func binary(_ op: BinaryOperator, _ a: Expr, _ b: Expr) throws -> String {
        let (ta, tb) = (type(a), type(b))
        let x = try operand(a, other: b)
        let y = try operand(b, other: a)
        switch op {
        case .and: return "\(x) & \(y)"
        case .or: return "\(x) | \(y)"
        case .equal: return "\(x) == \(y)"
        case .notEqual: return "\(x) != \(y)"
        case .less: return "\(x) < \(y)"
        case .lessOrEqual: return "\(x) <= \(y)"
        case .greater: return "\(x) > \(y)"
        case .greaterOrEqual: return "\(x) >= \(y)"
        case .add:
            if ta == .string || tb == .string { return "F.concat(\(try code(a, nested: false)), \(try code(b, nested: false)))" }
            if ta == .date { return "F.date_add(\(try code(a, nested: false)), \(try code(b, nested: false)))" }
            if tb == .date { return "F.date_add(\(try code(b, nested: false)), \(try code(a, nested: false)))" }
            if ta == .int && tb == .int { note("integer overflow: Strata gives missing, Spark (ANSI off) wraps around") }
            return "\(x) + \(y)"
        case .subtract:
            if ta == .date && tb == .date { return "F.datediff(\(try code(a, nested: false)), \(try code(b, nested: false)))" }
            if ta == .date { return "F.date_sub(\(try code(a, nested: false)), \(try code(b, nested: false)))" }
            return "\(x) - \(y)"
        case .multiply: return "\(x) * \(y)"
        case .divide:
            // Spark's `/` is always a double division, as Strata's; a zero divisor gives null with ANSI off.
            return "\(x) / \(y)"
        case .remainder: return "\(x) % \(y)"
        }
    }

    private mutating func call(_ f: ScalarFunction, _ args: [Expr]) throws -> String {
        var codes: [String] = []
        for a in args { codes.append(try code(a, nested: false)) }
        let x = codes.first ?? "F.lit(None)"
        let nestedX = args.first.map { (try? code($0, nested: true)) ?? x } ?? x
        switch f {
        case .log: return "F.log(\(x))"  // null for x ≤ 0, as Strata's missing
        case .log10: return "F.log10(\(x))"
        case .log1p: return "F.log1p(\(x))"
        case .exp:
            note("exp: an overflow is missing in Strata and infinity in Spark")
            return "F.exp(\(x))"
        case .sqrt: return "F.when(\(nestedX) >= 0, F.sqrt(\(x)))"  // Spark gives NaN below 0; Strata missing
        case .abs: return "F.abs(\(x))"
        case .round:
            guard args.count > 1 else { return "F.round(\(x))" }
            guard case .literal(.int(let digits)) = args[1].node else {
                throw SparkUnsupported("round(x, digits) needs the digits as a number in Spark, not an expression")
            }
            return "F.round(\(x), \(digits))"
        case .floor, .ceil:
            let call = "F.\(f == .floor ? "floor" : "ceil")(\(x))"
            return type(args[0]) == .float ? call + ".cast(\"double\")" : call
        case .min, .max:
            // Strata: missing if any value is missing; Spark's least/greatest skip nulls.
            let all = codes.indices.map { i in (try? code(args[i], nested: true)) ?? codes[i] }
            let guardText = all.map { $0 + ".isNotNull()" }.joined(separator: " & ")
            return "F.when(\(guardText), F.\(f == .min ? "least" : "greatest")(\(codes.joined(separator: ", "))))"
        case .coalesce: return "F.coalesce(\(codes.joined(separator: ", ")))"
        case .if:
            // A missing condition gives missing, as in Strata (a plain otherwise() would take the else branch).
            let c = (try? code(args[0], nested: true)) ?? x
            return "F.when(\(c), \(codes[1])).when(~\(c), \(codes[2]))"
        case .year: return "F.year(\(x))"
        case .quarter: return "F.quarter(\(x))"
        case .month: return "F.month(\(x))"
        case .day: return "F.dayofmonth(\(x))"
        case .weekday: return "(F.dayofweek(\(x)) + 5) % 7 + 1"  // Spark: 1 = Sunday; ISO: 1 = Monday
        case .hour: return "F.hour(\(x))"
        case .minute: return "F.minute(\(x))"
        case .second: return "F.second(\(x))"
        case .date: return "F.to_date(\(x))"
        case .daysBetween: return "F.datediff(F.to_date(\(codes[1])), F.to_date(\(x)))"
        case .lower: return "F.lower(\(x))"
        case .upper: return "F.upper(\(x))"
        case .trim: return "F.trim(\(x))"
        case .length:
            note("length: Spark counts Unicode code points, Strata user-perceived characters (they differ for combined emoji and accents)")
            return "F.char_length(\(x))"
        case .contains: return "\(nestedX).contains(\(codes[1]))"
        case .startsWith: return "\(nestedX).startswith(\(codes[1]))"
        case .endsWith: return "\(nestedX).endswith(\(codes[1]))"
        case .int:
            if type(args[0]) == .string { note("int(text): Spark reads \"3.7\" as 3, Strata as missing") }
            return "\(nestedX).cast(\"long\")"
        case .float: return "\(nestedX).cast(\"double\")"
        case .string:
            if type(args[0]) == .float { note("string(float): Spark writes 1.0E10 where Strata writes 10000000000") }
            return "\(nestedX).cast(\"string\")"
        }
    }
}
