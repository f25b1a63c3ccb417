import StrataEngine

/// The migration summary of a stream run: for each period (the run, or each day, week or month
/// with a move), the `migrate` table from who was in which segment at its start to its end,
/// rebuilt from the moves.
struct StreamMigrations {
    struct Period {
        let start: Int64
        let moves: Int
        let migration: SegmentMigration
    }

    let periods: [Period]
    let kind: MigrationPeriod

    init(_ moves: [MembershipMove], firstOfRun: Int, by kind: MigrationPeriod, users: StreamIds, context: RunContext) throws {
        self.kind = kind
        func table(_ segments: [Int32: String]) -> Table {
            var t = SummaryTable([("customer", .string), ("segment", .string)])
            for (u, seg) in segments.sorted(by: { $0.key < $1.key }) { t.row([.string(users.text(of: u)), .string(seg)]) }
            return t.table
        }
        periods = try PeriodSegments.split(moves, firstOfRun: firstOfRun, by: kind).compactMap { p -> Period? in
            // A run that starts with nobody segmented compares with nothing (everyone is new).
            guard !p.before.isEmpty else { return nil }
            let m = try SegmentMigration.compute(from: table(p.before), to: table(p.after), key: ("customer", "customer"),
                                                 segment: ("segment", "segment"), context: context)
            return Period(start: p.start, moves: p.moves, migration: m)
        }
    }

    /// One row per period and (from, to) pair with customers, `(new)` and `(gone)` included.
    func longTable() -> Table {
        var t = SummaryTable([("period", .date), ("from", .string), ("to", .string), ("customers", .int)])
        for p in periods {
            let m = p.migration
            let day = CivilCalendar.floorDiv(p.start, 86_400)
            func row(_ from: String, _ to: String, _ n: Int) { if n > 0 { t.row([.date(day), .string(from), .string(to), .int(Int64(n))]) } }
            for (a, from) in m.fromLabels.enumerated() {
                for (b, to) in m.toLabels.enumerated() { row(from, to, m.counts[a][b]) }
                row(from, "(gone)", m.onlyInFrom[a])
            }
            for (b, to) in m.toLabels.enumerated() { row("(new)", to, m.onlyInTo[b]) }
        }
        return t.table
    }

    /// The last `limit` periods' tables, titled by their period.
    func blocks(_ what: String, limit: Int = 4) throws -> [OutputBlock] {
        try periods.suffix(limit).map { p in
            let title: String
            let date = CivilCalendar.formatDate(days: CivilCalendar.floorDiv(p.start, 86_400))
            switch kind {
            case .run: title = "\(what) at the start of this run (rows) → at its end (columns)"
            case .day: title = "\(what) on \(date): at the day's start (rows) → at its end (columns), \(Format.count(p.moves)) moves"
            case .week: title = "\(what) in the week from \(date): at its start (rows) → at its end (columns), \(Format.count(p.moves)) moves"
            case .month: title = "\(what) in the month from \(date): at its start (rows) → at its end (columns), \(Format.count(p.moves)) moves"
            }
            return .table(try p.migration.countsTable(), title: title, showShape: false)
        }
    }
}
