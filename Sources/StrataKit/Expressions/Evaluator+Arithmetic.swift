/// Arithmetic kernels. Integer `+ - * %` that overflow give missing plus a warning rather than
/// trapping or wrapping silently; so does division by zero. Float results that overflow to
/// infinity are treated the same way, so no column ever holds ±inf that the user did not load.
extension EvalRun {
    package mutating func negate(_ op: Operand, text: String) -> Operand {
        switch op {
        case .constant(let v):
            if let folded = ExprConstantFolding.negate(v) { return .constant(folded) }
            if !v.isMissing { log.note(n, "integer overflow", in: text) }
            return .constant(.missing)
        case .floats(let v):
            return .floats(v.map { -$0 })
        case .ints(let v, let m):
            var failed: [Int] = []
            let skip = MissingLane(m)
            let out: [Int64] = (0..<v.count).map { i in
                let (r, o) = Int64(0).subtractingReportingOverflow(v[i])
                if o {
                    if !skip[i] { failed.append(i) }
                    return 0
                }
                return r
            }
            log.note(failed.count, "integer overflow", in: text)
            return .ints(out, MissingFlags.adding(failed, to: m, count: n))
        default:
            return op
        }
    }

    package func not(_ op: Operand) -> Operand {
        switch op {
        case .bools(let v, let m): return .bools(v.map { !$0 }, m)
        case .constant(.bool(let b)): return .constant(.bool(!b))
        default: return op
        }
    }

    package mutating func arithmetic(_ op: BinaryOperator, _ a: Operand, _ b: Operand, result: DataType?, text: String) -> Operand {
        if a.isAllMissing || b.isAllMissing { return .constant(.missing) }
        switch result {
        case .float: return floatArithmetic(op, floatLane(a), floatLane(b), text: text)
        case .string: return concatenate(a, b)
        default: return intArithmetic(op, a, b, text: text)
        }
    }

    /// Flags of an int or bool operand (nil for constants and columns without missing rows).
    package func flags(_ op: Operand) -> [Bool]? {
        switch op {
        case .ints(_, let m), .bools(_, let m): return m
        case .floats(let v): return MissingFlags.compact(v.map { $0.isNaN })
        case .strings(let c, _): return MissingFlags.compact(c.map { $0 < 0 })
        case .constant(let v): return v.isMissing ? [Bool](repeating: true, count: n) : nil
        }
    }

    /// Ints, and dates/timestamps as their day or second counts (date ± days, date − date).
    /// The rows are computed with a vectorizable pass that only records whether anything failed;
    /// the rare failing rows are then found in a second pass.
    package mutating func intArithmetic(_ op: BinaryOperator, _ a: Operand, _ b: Operand, text: String) -> Operand {
        let (x, _) = intLanes(a)
        let (y, _) = intLanes(b)
        let inputMissing = MissingFlags.union(flags(a), flags(b))
        let fails: (Int64, Int64) -> Bool
        let values: [Int64]
        var anyFailure = false
        var problem = "integer overflow"
        switch op {
        case .add:
            values = combine(x, y, count: n) { l, r in
                let (v, o) = l.addingReportingOverflow(r)
                anyFailure = anyFailure || o
                return v
            }
            fails = { $0.addingReportingOverflow($1).overflow }
        case .subtract:
            values = combine(x, y, count: n) { l, r in
                let (v, o) = l.subtractingReportingOverflow(r)
                anyFailure = anyFailure || o
                return v
            }
            fails = { $0.subtractingReportingOverflow($1).overflow }
        case .multiply:
            values = combine(x, y, count: n) { l, r in
                let (v, o) = l.multipliedReportingOverflow(by: r)
                anyFailure = anyFailure || o
                return v
            }
            fails = { $0.multipliedReportingOverflow(by: $1).overflow }
        default:
            // `%`: a zero divisor is the only failure; Int64.min % -1 overflows in hardware but is
            // mathematically 0.
            problem = "division by zero"
            values = combine(x, y, count: n) { l, r in
                if r == 0 {
                    anyFailure = true
                    return 0
                }
                let q = l.remainderReportingOverflow(dividingBy: r)
                return q.overflow ? 0 : q.partialValue
            }
            fails = { $1 == 0 }
        }
        guard anyFailure else { return .ints(values, inputMissing) }
        let skip = MissingLane(inputMissing)
        let failed = (0..<n).filter { !skip[$0] && fails(x[$0], y[$0]) }
        log.note(failed.count, problem, in: text)
        return .ints(values, MissingFlags.adding(failed, to: inputMissing, count: n))
    }

    /// Float kernels: NaN already means missing and propagates by itself, so the only extra work is
    /// spotting new NaNs from a zero divisor and infinities from overflow, after a fast first pass.
    package mutating func floatArithmetic(_ op: BinaryOperator, _ x: Lane<Double>, _ y: Lane<Double>, text: String) -> Operand {
        var values: [Double]
        switch op {
        case .add: values = combine(x, y, count: n) { $0 + $1 }
        case .subtract: values = combine(x, y, count: n) { $0 - $1 }
        case .multiply: values = combine(x, y, count: n) { $0 * $1 }
        case .remainder: values = combine(x, y, count: n) { $1 == 0 ? .nan : $0.truncatingRemainder(dividingBy: $1) }
        default: values = combine(x, y, count: n) { $1 == 0 ? .nan : $0 / $1 }
        }
        if op == .divide || op == .remainder, y.constant.map({ $0 == 0 }) ?? true {
            let zeroDivisions = (0..<n).reduce(0) { count, i in y[i] == 0 && !x[i].isNaN ? count + 1 : count }
            log.note(zeroDivisions, "division by zero", in: text)
        }
        if values.contains(where: { $0.isInfinite }) {
            var overflows = 0
            for i in values.indices where values[i].isInfinite {
                if x[i].isFinite && y[i].isFinite {
                    overflows += 1
                    values[i] = .nan
                }
            }
            log.note(overflows, "a result too large for a float", in: text)
        }
        return .floats(values)
    }

    /// `text + text`. With one side constant the work is per dictionary entry, not per row.
    package func concatenate(_ a: Operand, _ b: Operand) -> Operand {
        switch (a, b) {
        case (.constant(.string(let l)), .constant(.string(let r))):
            return .constant(.string(l + r))
        case (.strings(let codes, let dict), .constant(.string(let r))):
            return StringColumns.mapDictionary(codes, dict) { $0 + r }
        case (.constant(.string(let l)), .strings(let codes, let dict)):
            return StringColumns.mapDictionary(codes, dict) { l + $0 }
        case (.strings(let ca, let da), .strings(let cb, let db)):
            var interner = StringInterner()
            var memo: [Int64: Int32] = [:]
            let codes: [Int32] = zip(ca, cb).map { l, r in
                guard l >= 0, r >= 0, Int(l) < da.count, Int(r) < db.count else { return -1 }
                let key = Int64(l) << 32 | Int64(r)
                if let c = memo[key] { return c }
                let c = interner.code(da[Int(l)] + db[Int(r)])
                memo[key] = c
                return c
            }
            return .strings(codes, interner.dictionary)
        default:
            return .constant(.missing)
        }
    }
}

/// Builds a deduplicated dictionary as strings arrive.
package struct StringInterner {
    package private(set) var dictionary: [String] = []
    private var lookup: [String: Int32] = [:]

    package mutating func code(_ s: String) -> Int32 {
        if let c = lookup[s] { return c }
        let c = Int32(clamping: dictionary.count)
        dictionary.append(s)
        lookup[s] = c
        return c
    }
}

package enum StringColumns {
    /// Applies `transform` once per dictionary entry, merging entries that become equal.
    package static func mapDictionary(_ codes: [Int32], _ dict: [String], _ transform: (String) -> String) -> Operand {
        var interner = StringInterner()
        let remap = dict.map { interner.code(transform($0)) }
        return .strings(remapCodes(codes, remap), interner.dictionary)
    }

    /// `codes` through a per-entry table; out-of-range and missing codes stay -1.
    package static func remapCodes(_ codes: [Int32], _ remap: [Int32]) -> [Int32] {
        codes.map { c in c >= 0 && Int(c) < remap.count ? remap[Int(c)] : -1 }
    }

    /// A per-entry result looked up for every row; missing rows get `missing` flags.
    package static func perEntry<T>(_ codes: [Int32], _ table: [T], placeholder: T) -> (values: [T], missing: [Bool]?) {
        var anyMissing = false
        let values: [T] = codes.map { c in
            if c >= 0 && Int(c) < table.count { return table[Int(c)] }
            anyMissing = true
            return placeholder
        }
        return (values, anyMissing ? codes.map { $0 < 0 || Int($0) >= table.count } : nil)
    }

    /// One dictionary for two string operands: `a`'s entries first, then `b`'s new ones.
    package static func merge(_ da: [String], _ db: [String]) -> (dictionary: [String], remapA: [Int32], remapB: [Int32]) {
        var interner = StringInterner()
        let ra = da.map { interner.code($0) }
        let rb = db.map { interner.code($0) }
        return (interner.dictionary, ra, rb)
    }
}
