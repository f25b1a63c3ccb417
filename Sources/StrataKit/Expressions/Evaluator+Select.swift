/// Row-wise choice between operands: `if`, `coalesce`, and the row-wise `min` / `max`.
extension EvalRun {
    /// Text operands as codes into one dictionary each; a constant is a one-entry dictionary.
    package func textLane(_ op: Operand) -> (codes: Lane<Int32>, dictionary: [String]) {
        switch op {
        case .strings(let c, let d): return (Lane(array: c), d)
        case .constant(.string(let s)): return (Lane(constant: 0), [s])
        default: return (Lane(constant: -1), [])
        }
    }

    /// `a` where `takeA` holds, `b` elsewhere (missing rows included).
    package func select(_ takeA: Lane<Bool>, _ a: Operand, _ b: Operand, type: DataType?) -> Operand {
        switch type ?? .float {
        case .float:
            let (x, y) = (floatLane(a), floatLane(b))
            return .floats((0..<n).map { takeA[$0] ? x[$0] : y[$0] })
        case .int, .date, .timestamp:
            let ((x, mx), (y, my)) = (intLanes(a), intLanes(b))
            let values: [Int64] = (0..<n).map { takeA[$0] ? x[$0] : y[$0] }
            let missing = mx.any || my.any ? MissingFlags.compact((0..<n).map { takeA[$0] ? mx[$0] : my[$0] }) : nil
            return .ints(values, missing)
        case .bool:
            let ((x, mx), (y, my)) = (boolLanes(a), boolLanes(b))
            let values: [Bool] = (0..<n).map { takeA[$0] ? x[$0] : y[$0] }
            let missing = mx.any || my.any ? MissingFlags.compact((0..<n).map { takeA[$0] ? mx[$0] : my[$0] }) : nil
            return .bools(values, missing)
        case .string:
            let (ca, da) = textLane(a)
            let (cb, db) = textLane(b)
            let (dict, ra, rb) = StringColumns.merge(da, db)
            let codes: [Int32] = (0..<n).map { i in
                let (c, remap) = takeA[i] ? (ca[i], ra) : (cb[i], rb)
                return c >= 0 && Int(c) < remap.count ? remap[Int(c)] : -1
            }
            return .strings(codes, dict)
        }
    }

    /// Marks rows missing (used where an `if` condition is missing).
    package func settingMissing(_ op: Operand, _ rows: [Bool], type: DataType?) -> Operand {
        select(Lane(array: rows.map { !$0 }), op, .constant(.missing), type: type)
    }

    /// The larger (or smaller) of two operands per row; missing if either is missing.
    package func extreme(_ larger: Bool, _ a: Operand, _ b: Operand, type: DataType?) -> Operand {
        if a.isAllMissing || b.isAllMissing { return .constant(.missing) }
        switch type ?? .float {
        case .float:
            let (x, y) = (floatLane(a), floatLane(b))
            return .floats((0..<n).map { i in
                let (l, r) = (x[i], y[i])
                if l.isNaN || r.isNaN { return .nan }
                return (l > r) == larger ? l : r
            })
        case .string:
            let (ca, da) = textLane(a)
            let (cb, db) = textLane(b)
            let (dict, ra, rb) = StringColumns.merge(da, db)
            let codes: [Int32] = (0..<n).map { i in
                let (l, r) = (ca[i], cb[i])
                guard l >= 0, r >= 0, Int(l) < ra.count, Int(r) < rb.count else { return -1 }
                let (ml, mr) = (ra[Int(l)], rb[Int(r)])
                return (dict[Int(ml)] > dict[Int(mr)]) == larger ? ml : mr
            }
            return .strings(codes, dict)
        default:
            let ((x, _), (y, _)) = (intLanes(a), intLanes(b))
            let values: [Int64] = (0..<n).map { larger ? Swift.max(x[$0], y[$0]) : Swift.min(x[$0], y[$0]) }
            return .ints(values, MissingFlags.union(flags(a), flags(b)))
        }
    }
}
