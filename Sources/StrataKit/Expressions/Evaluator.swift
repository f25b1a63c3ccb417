/// The column an expression produced, and what went wrong on the way (rows that became missing
/// through division by zero, overflow, log of a non-positive number, unreadable text …).
public struct EvaluationResult: Sendable {
    public var column: Column
    public var warnings: [String]
}

/// Which rows a `filter` keeps. Rows where the condition is missing are dropped, as in SQL.
public struct FilterMaskResult: Sendable {
    public var keep: [Bool]
    public var keptCount: Int
    public var warnings: [String]
}

/// Type-checks and evaluates expressions over one table, column at a time.
public struct ExpressionEvaluator: Sendable {
    public let table: Table
    /// The name the user knows the table by, for messages and `table.column` references.
    public let tableName: String
    public var context: RunContext

    public init(table: Table, tableName: String, context: RunContext = .quiet) {
        self.table = table
        self.tableName = tableName
        self.context = context
    }

    public var checker: ExpressionChecker {
        ExpressionChecker(schema: ExprSchema(table: table, name: tableName))
    }

    /// Evaluates `expr` to a column named `name` (default: the expression's canonical text).
    public func evaluate(_ expr: Expr, name: String? = nil) throws -> EvaluationResult {
        let typed = try checker.check(expr)
        var run = EvalRun(columns: table.columns, count: table.rowCount, cancellation: context.cancellation)
        let out = try run.eval(typed)
        let column = run.makeColumn(name: name ?? expr.description, type: typed.type ?? .float, out)
            .displayed(as: ExprDisplay.hint(typed, columns: table.columns))
        return EvaluationResult(column: column, warnings: run.log.messages)
    }

    /// The rows where a true/false condition holds; missing counts as false.
    public func filterMask(_ expr: Expr) throws -> FilterMaskResult {
        let typed = try checker.check(expr)
        try ExpressionChecker.requireCondition(typed, expr)
        var run = EvalRun(columns: table.columns, count: table.rowCount, cancellation: context.cancellation)
        let out = try run.eval(typed.retyped(.bool))
        let (values, missing) = run.boolLanes(out)
        let n = table.rowCount
        let keep: [Bool] = missing.any ? combine(values, missing.lane, count: n) { $0 && !$1 } : values.materialized(n)
        var kept = 0
        for k in keep where k { kept += 1 }
        return FilterMaskResult(keep: keep, keptCount: kept, warnings: run.log.messages)
    }

    /// The input column of each `group … agg` item (nil for `count()`), named after the item's
    /// output, for the engine's group-by. Everything is checked before anything is computed.
    public func evaluateArguments(of calls: [AggregateCall]) throws -> (columns: [Column?], warnings: [String]) {
        _ = try checker.checkAggregations(calls)
        var columns: [Column?] = []
        var warnings: [String] = []
        for call in calls {
            guard let argument = call.argument else {
                columns.append(nil)
                continue
            }
            let result = try evaluate(argument, name: call.outputName)
            columns.append(result.column)
            warnings += result.warnings
        }
        return (columns, warnings)
    }

    /// Runs `derive` assignments in order, each seeing the columns made before it. All of them are
    /// type-checked before anything is computed, so a mistake in the last one costs no work.
    public static func derive(_ assignments: [Assignment], on table: Table, tableName: String,
                              context: RunContext = .quiet) throws -> (table: Table, warnings: [String]) {
        _ = try ExpressionChecker(schema: ExprSchema(table: table, name: tableName)).checkAssignments(assignments)
        var current = table
        var warnings: [String] = []
        for a in assignments {
            let evaluator = ExpressionEvaluator(table: current, tableName: tableName, context: context)
            let result = try evaluator.evaluate(a.expression, name: a.name)
            warnings += result.warnings
            try current.setColumn(result.column)
        }
        return (current, warnings)
    }
}

/// The state of one evaluation: the input columns, the row count and the warnings so far.
package struct EvalRun {
    package let columns: [Column]
    package let n: Int
    package let cancellation: Cancellation
    package var log = WarningLog()

    package init(columns: [Column], count: Int, cancellation: Cancellation) {
        self.columns = columns
        self.n = count
        self.cancellation = cancellation
    }

    package mutating func eval(_ t: TypedExpr) throws -> Operand {
        try cancellation.check()
        switch t.node {
        case .literal(let v):
            return .constant(v)
        case .column(let i):
            // Kernels index every operand by row, so a column that disagrees with the row count
            // (possible only through `Table(uncheckedColumns:)`) must stop here, not trap later.
            guard i >= 0, i < columns.count, columns[i].count == n,
                  (columns[i].missing.flags?.count ?? n) == n else {
                throw EngineError("internal error: column \(i) does not have \(n) rows")
            }
            return load(columns[i])
        case .convert(let inner):
            return convert(try eval(inner), from: inner.type, to: t.type)
        case .negate(let inner):
            return negate(try eval(inner), text: t.text)
        case .not(let inner):
            return not(try eval(inner))
        case .logic(let op, let a, let b):
            return logic(op, try eval(a), try eval(b))
        case .arithmetic(let op, let a, let b):
            return arithmetic(op, try eval(a), try eval(b), result: t.type, text: t.text)
        case .compare(let op, let a, let b):
            return compare(op, try eval(a), try eval(b), type: a.type ?? b.type ?? .float)
        case .isMissing(let a, let negated):
            return isMissing(try eval(a), negated: negated)
        case .inList(let a, let items, let negated):
            return inList(try eval(a), items, negated: negated)
        case .call(let f, let args):
            var ops: [Operand] = []
            for a in args { ops.append(try eval(a)) }
            return call(f, ops, args.map(\.type), result: t.type, text: t.text)
        }
    }

    // MARK: - Columns in and out

    /// Normalizes missing rows to the in-memory conventions (NaN for floats, code -1 for strings).
    package func load(_ c: Column) -> Operand {
        let flags = c.missing.flags
        switch c.data {
        case .int(let v), .date(let v), .timestamp(let v):
            return .ints(v, flags)
        case .bool(let v):
            return .bools(v, flags)
        case .float(var v):
            if let flags {
                for i in v.indices where i < flags.count && flags[i] { v[i] = .nan }
            }
            return .floats(v)
        case .string(var codes, let dict):
            let size = Int32(clamping: dict.count)
            if flags != nil || codes.contains(where: { $0 >= size }) {
                for i in codes.indices where codes[i] >= size || (flags.map { i < $0.count && $0[i] } ?? false) {
                    codes[i] = -1
                }
            }
            return .strings(codes, dict)
        }
    }

    package func makeColumn(name: String, type: DataType, _ op: Operand) -> Column {
        switch op {
        case .constant(let v):
            return broadcast(name: name, type: type, v)
        case .ints(var v, let m):
            if let m { for i in v.indices where i < m.count && m[i] { v[i] = 0 } }
            let mask = MissingMask(flags: m ?? [])
            switch type {
            case .date: return Column(name: name, data: .date(v), missing: mask)
            case .timestamp: return Column(name: name, data: .timestamp(v), missing: mask)
            default: return Column(name: name, data: .int(v), missing: mask)
            }
        case .floats(let v):
            // Most results have no missing rows; scanning first avoids building a flag array for them.
            let mask = v.contains { $0.isNaN } ? MissingMask(flags: v.map { $0.isNaN }) : .none
            return Column(name: name, data: .float(v), missing: mask)
        case .bools(var v, let m):
            if let m { for i in v.indices where i < m.count && m[i] { v[i] = false } }
            return Column(name: name, data: .bool(v), missing: MissingMask(flags: m ?? []))
        case .strings(let codes, let dict):
            let mask = codes.contains { $0 < 0 } ? MissingMask(flags: codes.map { $0 < 0 }) : .none
            return Column(name: name, data: .string(codes: codes, dictionary: dict), missing: mask)
        }
    }

    package func broadcast(name: String, type: DataType, _ v: Value) -> Column {
        let n = self.n
        let missing = v.isMissing ? MissingMask(flags: [Bool](repeating: true, count: n)) : .none
        let data: ColumnData
        switch (type, v) {
        case (.int, .int(let x)): data = .int([Int64](repeating: x, count: n))
        case (.date, .date(let x)): data = .date([Int64](repeating: x, count: n))
        case (.timestamp, .timestamp(let x)): data = .timestamp([Int64](repeating: x, count: n))
        case (.float, .float(let x)) where !x.isNaN: data = .float([Double](repeating: x, count: n))
        case (.bool, .bool(let x)): data = .bool([Bool](repeating: x, count: n))
        case (.string, .string(let s)): data = .string(codes: [Int32](repeating: 0, count: n), dictionary: [s])
        default:
            // Not produced by the checker; the builder converts what it can and marks the rest missing.
            return Column.fromValues(name: name, type: type, values: [Value](repeating: v, count: n))
        }
        return Column(name: name, data: data, missing: missing)
    }

    // MARK: - Lanes

    package func intLanes(_ op: Operand) -> (Lane<Int64>, MissingLane) {
        switch op {
        case .ints(let v, let m): return (Lane(array: v), MissingLane(m))
        case .constant(.int(let x)), .constant(.date(let x)), .constant(.timestamp(let x)):
            return (Lane(constant: x), MissingLane(nil))
        case .bools(let v, let m): return (Lane(array: v.map { $0 ? 1 : 0 }), MissingLane(m))
        case .constant(.bool(let b)): return (Lane(constant: b ? 1 : 0), MissingLane(nil))
        case .floats(let v):
            // Only reached for float-to-int conversions the checker did not ask for; keep it total.
            let m = v.map { !$0.isFinite || $0.magnitude >= 9.2e18 }
            return (Lane(array: v.map { $0.isFinite && $0.magnitude < 9.2e18 ? Int64($0) : 0 }), MissingLane(MissingFlags.compact(m)))
        default: return (Lane(constant: 0), MissingLane(allMissing: true))
        }
    }

    package func floatLane(_ op: Operand) -> Lane<Double> {
        switch op {
        case .floats(let v): return Lane(array: v)
        case .constant(.float(let x)): return Lane(constant: x)
        case .constant(.int(let x)): return Lane(constant: Double(x))
        case .ints(let v, let m):
            guard let m else { return Lane(array: v.map { Double($0) }) }
            return Lane(array: zip(v, m).map { $1 ? .nan : Double($0) })
        case .bools(let v, let m):
            return Lane(array: v.indices.map { m?[$0] == true ? .nan : (v[$0] ? 1 : 0) })
        case .constant(.bool(let b)): return Lane(constant: b ? 1 : 0)
        default: return Lane(constant: .nan)
        }
    }

    package func boolLanes(_ op: Operand) -> (Lane<Bool>, MissingLane) {
        switch op {
        case .bools(let v, let m): return (Lane(array: v), MissingLane(m))
        case .constant(.bool(let b)): return (Lane(constant: b), MissingLane(nil))
        default: return (Lane(constant: false), MissingLane(allMissing: true))
        }
    }

    /// One flag per row: is this row missing?
    package func missingFlags(_ op: Operand) -> [Bool] {
        switch op {
        case .constant(let v): return [Bool](repeating: v.isMissing, count: n)
        case .ints(_, let m), .bools(_, let m): return m ?? [Bool](repeating: false, count: n)
        case .floats(let v): return v.map { $0.isNaN }
        case .strings(let c, _): return c.map { $0 < 0 }
        }
    }

    // MARK: - Conversions

    package func convert(_ op: Operand, from: DataType?, to: DataType?) -> Operand {
        switch (op, to) {
        case (.constant(let v), .some(let t)):
            return .constant(ExprConversions.convertLiteral(v, to: t) ?? .missing)
        case (_, .float):
            return .floats(floatLane(op).materialized(n))
        case (.ints(let v, let m), .timestamp) where from == .date:
            return .ints(v.map(ExprConversions.timestamp(fromDays:)), m)
        default:
            return op
        }
    }
}

extension Lane {
    /// A full array of `n` values.
    package func materialized(_ n: Int) -> [T] {
        indexMask == 0 ? (values.first.map { [T](repeating: $0, count: n) } ?? []) : values
    }
}
