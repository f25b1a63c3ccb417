/// The periods a stream's migration summary is cut into: the whole run, or calendar days, ISO weeks
/// (Monday to Sunday) or calendar months of the simulated clock.
public enum MigrationPeriod: String, Sendable, CaseIterable {
    case run
    case day
    case week
    case month

    /// The first second of the period holding `time`; nil for `run`, which is one period.
    public func start(of time: Int64) -> Int64? {
        let day = CivilCalendar.floorDiv(time, 86_400)
        switch self {
        case .run: return nil
        case .day: return Self.firstSecond(ofDay: day)
        case .week: return Self.firstSecond(ofDay: day - Int64(CivilCalendar.isoWeekday(fromDays: day) - 1))
        case .month:
            let c = CivilCalendar.civil(fromDays: day)
            return Self.firstSecond(ofDay: CivilCalendar.days(year: c.year, month: c.month, day: 1))
        }
    }

    /// Day numbers as seconds, clamped at the ends of `Int64` (a stray time near them must not trap).
    static func firstSecond(ofDay day: Int64) -> Int64 {
        let (s, overflow) = day.multipliedReportingOverflow(by: 86_400)
        return overflow ? (day < 0 ? Int64.min : Int64.max) : s
    }

    static func lastSecond(ofDay day: Int64) -> Int64 {
        let (s, overflow) = firstSecond(ofDay: day).addingReportingOverflow(86_399)
        return overflow ? Int64.max : s
    }
}

/// Who was in which segment at the start and at the end of each period of a run, rebuilt from
/// the moves: a customer's segment at a moment is the `to` of their last move before it. The
/// migration between the two is what `migrate` computes from two segment tables.
public struct PeriodSegments: Sendable {
    /// The period's first second (the run's first move when the period is the whole run).
    public let start: Int64
    public let before: [Int32: String]
    public let after: [Int32: String]
    /// Moves in the period.
    public let moves: Int

    /// One value per period that holds a move, oldest first. `moves` are in time order; those
    /// before `firstOfRun` happened in earlier runs and only set the starting segments.
    public static func split(_ moves: [MembershipMove], firstOfRun: Int, by period: MigrationPeriod) -> [PeriodSegments] {
        var current: [Int32: String] = [:]
        for m in moves.prefix(firstOfRun) { current[m.customer] = m.to }
        var out: [PeriodSegments] = []
        var before = current
        var periodStart: Int64?
        var count = 0
        for m in moves.dropFirst(firstOfRun) {
            let start = period.start(of: m.time) ?? periodStart ?? m.time
            if let open = periodStart, open != start {
                out.append(PeriodSegments(start: open, before: before, after: current, moves: count))
                before = current
                count = 0
            }
            periodStart = start
            current[m.customer] = m.to
            count += 1
        }
        if let open = periodStart { out.append(PeriodSegments(start: open, before: before, after: current, moves: count)) }
        return out
    }
}
