/// Comparisons, membership and three-valued logic. A comparison with a missing value is missing;
/// `and` / `or` follow SQL (false and missing = false, true or missing = true).
extension EvalRun {
    package func compare(_ op: BinaryOperator, _ a: Operand, _ b: Operand, type: DataType) -> Operand {
        if a.isAllMissing || b.isAllMissing { return .constant(.missing) }
        switch type {
        case .float:
            let x = floatLane(a)
            let y = floatLane(b)
            let values = EvalRun.ordered(op, x, y, n)
            let anyNaN = x.values.contains { $0.isNaN } || y.values.contains { $0.isNaN }
            return .bools(values, anyNaN ? combine(x, y, count: n) { $0.isNaN || $1.isNaN } : nil)
        case .string:
            return compareStrings(op, a, b)
        case .bool:
            let (x, _) = boolLanes(a)
            let (y, _) = boolLanes(b)
            let same: [Bool] = combine(x, y, count: n) { $0 == $1 }
            return .bools(op == .notEqual ? same.map { !$0 } : same, MissingFlags.union(flags(a), flags(b)))
        case .int, .date, .timestamp:
            let (x, _) = intLanes(a)
            let (y, _) = intLanes(b)
            return .bools(EvalRun.ordered(op, x, y, n), MissingFlags.union(flags(a), flags(b)))
        }
    }

    /// One loop per operator, so the comparison is not re-decided on every row.
    package static func ordered<T: Comparable>(_ op: BinaryOperator, _ x: Lane<T>, _ y: Lane<T>, _ n: Int) -> [Bool] {
        switch op {
        case .equal: return combine(x, y, count: n) { $0 == $1 }
        case .notEqual: return combine(x, y, count: n) { $0 != $1 }
        case .less: return combine(x, y, count: n) { $0 < $1 }
        case .lessOrEqual: return combine(x, y, count: n) { $0 <= $1 }
        case .greater: return combine(x, y, count: n) { $0 > $1 }
        default: return combine(x, y, count: n) { $0 >= $1 }
        }
    }

    package static func holds<T: Comparable>(_ op: BinaryOperator, _ l: T, _ r: T) -> Bool {
        switch op {
        case .equal: return l == r
        case .notEqual: return l != r
        case .less: return l < r
        case .lessOrEqual: return l <= r
        case .greater: return l > r
        default: return l >= r
        }
    }

    package static func flipped(_ op: BinaryOperator) -> BinaryOperator {
        switch op {
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        default: return op
        }
    }

    /// Text compares in Unicode scalar order (of the canonical form, as Swift's `String` does).
    /// Against a constant, the answer is worked out once per dictionary entry; two columns are
    /// compared through a shared rank of their merged dictionaries, so rows compare as integers.
    package func compareStrings(_ op: BinaryOperator, _ a: Operand, _ b: Operand) -> Operand {
        switch (a, b) {
        case (.constant(.string(let l)), .constant(.string(let r))):
            return .constant(.bool(EvalRun.holds(op, l, r)))
        case (.strings(let codes, let dict), .constant(.string(let r))):
            let table = dict.map { EvalRun.holds(op, $0, r) }
            let (values, missing) = StringColumns.perEntry(codes, table, placeholder: false)
            return .bools(values, missing)
        case (.constant(.string), .strings):
            return compareStrings(EvalRun.flipped(op), b, a)
        case (.strings(let ca, let da), .strings(let cb, let db)):
            let (merged, ra, rb) = StringColumns.merge(da, db)
            let order = merged.indices.sorted { merged[$0] < merged[$1] }
            var rank = [Int32](repeating: 0, count: merged.count)
            for (r, i) in order.enumerated() { rank[i] = Int32(clamping: r) }
            let rankA = ra.map { rank[Int($0)] }
            let rankB = rb.map { rank[Int($0)] }
            let (x, mx) = StringColumns.perEntry(ca, rankA, placeholder: 0)
            let (y, my) = StringColumns.perEntry(cb, rankB, placeholder: 0)
            return .bools(EvalRun.ordered(op, Lane(array: x), Lane(array: y), n), MissingFlags.union(mx, my))
        default:
            return .constant(.missing)
        }
    }

    package func logic(_ op: BinaryOperator, _ a: Operand, _ b: Operand) -> Operand {
        let (x, mx) = boolLanes(a)
        let (y, my) = boolLanes(b)
        let isAnd = op == .and
        if !mx.any && !my.any {
            return .bools(isAnd ? combine(x, y, count: n) { $0 && $1 } : combine(x, y, count: n) { $0 || $1 }, nil)
        }
        // A known false settles `and`, a known true settles `or`; otherwise any missing side wins.
        let settled: [Bool] = (0..<n).map { i in
            isAnd ? (!mx[i] && !x[i]) || (!my[i] && !y[i]) : (!mx[i] && x[i]) || (!my[i] && y[i])
        }
        let missing: [Bool] = (0..<n).map { i in !settled[i] && (mx[i] || my[i]) }
        let values: [Bool] = (0..<n).map { i in isAnd ? !settled[i] && !missing[i] : settled[i] }
        return .bools(values, MissingFlags.compact(missing))
    }

    package func isMissing(_ op: Operand, negated: Bool) -> Operand {
        if case .constant(let v) = op { return .constant(.bool(v.isMissing != negated)) }
        let f = missingFlags(op)
        return .bools(negated ? f.map { !$0 } : f, nil)
    }

    package func inList(_ op: Operand, _ items: [Value], negated: Bool) -> Operand {
        if case .constant(let v) = op {
            if v.isMissing { return .constant(.missing) }
            return .constant(.bool(items.contains(v) != negated))
        }
        switch op {
        case .ints(let v, let m):
            let wanted: [Int64] = items.compactMap {
                switch $0 {
                case .int(let x), .date(let x), .timestamp(let x): return x
                default: return nil
                }
            }
            return .bools(EvalRun.member(v, wanted, negated: negated), m)
        case .floats(let v):
            let wanted: [Double] = items.compactMap { $0.doubleValue }
            let anyNaN = v.contains { $0.isNaN }
            return .bools(EvalRun.member(v, wanted, negated: negated), anyNaN ? v.map { $0.isNaN } : nil)
        case .bools(let v, let m):
            let wanted: [Bool] = items.compactMap { if case .bool(let b) = $0 { return b } else { return nil } }
            return .bools(v.map { wanted.contains($0) != negated }, m)
        case .strings(let codes, let dict):
            let wanted = Set(items.compactMap { if case .string(let s) = $0 { return s } else { return nil } })
            let table = dict.map { wanted.contains($0) != negated }
            let (values, missing) = StringColumns.perEntry(codes, table, placeholder: false)
            return .bools(values, missing)
        default:
            return .constant(.missing)
        }
    }

    /// Short lists are scanned (faster than hashing a handful of values); long ones use a set.
    package static func member<T: Hashable>(_ values: [T], _ wanted: [T], negated: Bool) -> [Bool] {
        if wanted.count <= 8 { return values.map { wanted.contains($0) != negated } }
        let set = Set(wanted)
        return values.map { set.contains($0) != negated }
    }
}
