/// Scalar function dispatch and the numeric functions. Arguments arrive already converted to the
/// types the checker settled on; the functions only decide what to do with odd values (log of 0,
/// square root of a negative number), which become missing and are counted in a warning.
extension EvalRun {
    package mutating func call(_ f: ScalarFunction, _ args: [Operand], _ types: [DataType?], result: DataType?,
                       text: String) -> Operand {
        guard let first = args.first else { return .constant(.missing) }
        let firstType = types.first ?? nil
        switch f {
        case .log: return floatFunction(first, text: text, "log of zero or a negative number") { $0 > 0 ? ExprMath.naturalLog($0) : nil }
        case .log10: return floatFunction(first, text: text, "log of zero or a negative number") { $0 > 0 ? ExprMath.commonLog($0) : nil }
        case .log1p: return floatFunction(first, text: text, "log1p of a number ≤ -1") { $0 > -1 ? ExprMath.logOnePlus($0) : nil }
        case .sqrt: return floatFunction(first, text: text, "square root of a negative number") { $0 >= 0 ? $0.squareRoot() : nil }
        case .exp:
            return floatFunction(first, text: text, "a result too large for a float") { x in
                let r = ExprMath.exponential(x)
                return r.isFinite ? r : nil
            }
        case .abs:
            if firstType == .int {
                return intFunction(first, text: text, "integer overflow") { $0 == Int64.min ? nil : Swift.abs($0) }
            }
            return .floats(floatLane(first).materialized(n).map(\.magnitude))
        case .floor, .ceil:
            if firstType == .int { return first }
            let rule: FloatingPointRoundingRule = f == .floor ? .down : .up
            return .floats(floatLane(first).materialized(n).map { $0.rounded(rule) })
        case .round:
            return round(first, digits: args.count > 1 ? args[1] : .constant(.int(0)), isInt: firstType == .int, text: text)
        case .min, .max:
            return args.dropFirst().reduce(first) { extreme(f == .max, $0, $1, type: result) }
        case .coalesce:
            return args.dropFirst().reduce(first) { acc, next in
                select(Lane(array: missingFlags(acc).map { !$0 }), acc, next, type: result)
            }
        case .if:
            guard args.count == 3 else { return .constant(.missing) }
            let (cond, condMissing) = boolLanes(args[0])
            let chosen = select(cond, args[1], args[2], type: result)
            return condMissing.any ? settingMissing(chosen, (0..<n).map { condMissing[$0] }, type: result) : chosen
        case .year, .quarter, .month, .day, .weekday, .hour, .minute, .second:
            return datePart(f, first, isTimestamp: firstType == .timestamp, text: text)
        case .date:
            return toDate(first, from: firstType, text: text)
        case .daysBetween:
            guard args.count == 2 else { return .constant(.missing) }
            return daysBetween(first, types[0], args[1], types[1], text: text)
        case .lower: return mapText(first) { $0.lowercased() }
        case .upper: return mapText(first) { $0.uppercased() }
        case .trim: return mapText(first, TextFunctions.trimmed)
        case .length: return textLength(first)
        case .contains, .startsWith, .endsWith:
            guard args.count == 2 else { return .constant(.missing) }
            return textTest(f, first, args[1])
        case .int: return toInt(first, from: firstType, text: text)
        case .float: return toFloat(first, from: firstType, text: text)
        case .string: return toText(first, from: firstType)
        }
    }

    /// A float → float function; nil from `f` on a present value is a counted problem.
    package mutating func floatFunction(_ op: Operand, text: String, _ problem: String, _ f: (Double) -> Double?) -> Operand {
        if op.isAllMissing { return .constant(.missing) }
        var bad = 0
        let values: [Double] = floatLane(op).materialized(n).map { x in
            if x.isNaN { return .nan }
            if let r = f(x) { return r }
            bad += 1
            return .nan
        }
        log.note(bad, problem, in: text)
        return .floats(values)
    }

    /// An int → int function over ints, dates or timestamps; nil from `f` is a counted problem.
    package mutating func intFunction(_ op: Operand, text: String, _ problem: String, _ f: (Int64) -> Int64?) -> Operand {
        if op.isAllMissing { return .constant(.missing) }
        let (x, m) = intLanes(op)
        var failed: [Int] = []
        let values: [Int64] = (0..<n).map { i in
            if m[i] { return 0 }
            if let r = f(x[i]) { return r }
            failed.append(i)
            return 0
        }
        log.note(failed.count, problem, in: text)
        return .ints(values, MissingFlags.adding(failed, to: flags(op), count: n))
    }

    package mutating func round(_ op: Operand, digits: Operand, isInt: Bool, text: String) -> Operand {
        if op.isAllMissing || digits.isAllMissing { return .constant(.missing) }
        let (d, dm) = intLanes(digits)
        if isInt {
            let (x, xm) = intLanes(op)
            var failed: [Int] = []
            let values: [Int64] = (0..<n).map { i in
                if xm[i] || dm[i] { return 0 }
                if let r = ExprMath.round(x[i], digits: d[i]) { return r }
                failed.append(i)
                return 0
            }
            log.note(failed.count, "integer overflow", in: text)
            let missing = MissingFlags.union(flags(op), flags(digits))
            return .ints(values, MissingFlags.adding(failed, to: missing, count: n))
        }
        let x = floatLane(op)
        return .floats((0..<n).map { i in dm[i] ? .nan : ExprMath.round(x[i], digits: d[i]) })
    }
}
