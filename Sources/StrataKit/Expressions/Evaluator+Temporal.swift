/// Date parts and day arithmetic on day numbers (dates) and second counts (timestamps).
extension EvalRun {
    /// Day numbers the calendar arithmetic handles without overflow (± about 270 million years);
    /// anything beyond is corrupt data, reported rather than trapped on.
    package static let supportedDays: ClosedRange<Int64> = -100_000_000_000...100_000_000_000

    package static func days(ofSeconds s: Int64) -> Int64 { CivilCalendar.floorDiv(s, 86_400) }

    /// Seconds since midnight; wrapping arithmetic is exact here because the result is in 0..<86400.
    package static func secondOfDay(_ s: Int64) -> Int64 { s &- days(ofSeconds: s) &* 86_400 }

    package mutating func datePart(_ f: ScalarFunction, _ op: Operand, isTimestamp: Bool, text: String) -> Operand {
        intFunction(op, text: text, "a date out of the supported range") { v in
            let day = isTimestamp ? EvalRun.days(ofSeconds: v) : v
            guard EvalRun.supportedDays.contains(day) else { return nil }
            switch f {
            case .year: return Int64(CivilCalendar.civil(fromDays: day).year)
            case .quarter: return Int64((CivilCalendar.civil(fromDays: day).month - 1) / 3 + 1)
            case .month: return Int64(CivilCalendar.civil(fromDays: day).month)
            case .day: return Int64(CivilCalendar.civil(fromDays: day).day)
            case .weekday: return Int64(CivilCalendar.isoWeekday(fromDays: day))
            case .hour: return EvalRun.secondOfDay(v) / 3600
            case .minute: return EvalRun.secondOfDay(v) / 60 % 60
            default: return EvalRun.secondOfDay(v) % 60
            }
        }
    }

    package mutating func toDate(_ op: Operand, from: DataType?, text: String) -> Operand {
        switch from {
        case .timestamp:
            return intFunction(op, text: text, "") { EvalRun.days(ofSeconds: $0) }
        case .string:
            return readText(op, text: text, problem: "text that is not an ISO date (like 2011-12-09)") { s -> Value? in
                switch LiteralParsing.parseISO(TextFunctions.trimmed(s)) {
                case .date(let d): return .date(d)
                case .timestamp(let t): return .date(EvalRun.days(ofSeconds: t))
                default: return nil
                }
            }
        default:
            return op
        }
    }

    /// b − a in whole calendar days; timestamps count by their dates.
    package mutating func daysBetween(_ a: Operand, _ at: DataType?, _ b: Operand, _ bt: DataType?, text: String) -> Operand {
        if a.isAllMissing || b.isAllMissing { return .constant(.missing) }
        let (x, _) = intLanes(a)
        let (y, _) = intLanes(b)
        let missing = MissingFlags.union(flags(a), flags(b))
        let skip = MissingLane(missing)
        let aIsTimestamp = at == .timestamp
        let bIsTimestamp = bt == .timestamp
        var failed: [Int] = []
        let values: [Int64] = (0..<n).map { i in
            let from = aIsTimestamp ? EvalRun.days(ofSeconds: x[i]) : x[i]
            let to = bIsTimestamp ? EvalRun.days(ofSeconds: y[i]) : y[i]
            let (r, o) = to.subtractingReportingOverflow(from)
            if o {
                if !skip[i] { failed.append(i) }
                return 0
            }
            return r
        }
        log.note(failed.count, "integer overflow", in: text)
        return .ints(values, MissingFlags.adding(failed, to: missing, count: n))
    }
}
