/// Per-customer recency, frequency and monetary profiles kept current by a stream, with RFM
/// segments re-evaluated at the close of every day of the simulated clock.
///
/// Profiles change with each event: the last purchase day, the count of purchases and the net sum
/// of amounts (each purchase counts 1 when the log has no amount column), as `RFM` defines them.
/// Segments are re-evaluated at each day's close rather than per event, because both things a
/// segment depends on move without the customer doing anything: recency grows every day, and the
/// quantile scores depend on every other customer. At the close of day D the scores and names are
/// exactly what `rfm … asof=D+1 bins=5 ties=average` gives on the events up to D; every change
/// of name is recorded as a `SegmentMove`. Optionally, a `StreamingKMeans` on the (r, f, m)
/// scores gets, at each close, the customers whose scores changed that day.
public struct StreamProfiles: StreamConsumer {
    /// The event types that count as purchases; nil counts every event.
    public let purchaseTypes: [String]?
    public private(set) var lastDay: [Int64] = []
    public private(set) var frequency: [Int] = []
    public private(set) var monetary: [Double] = []
    /// The segment per customer after the last close, nil before the first.
    public private(set) var segment: [String?] = []
    public private(set) var scores: [RFMScores?] = []
    public private(set) var moves: [SegmentMove] = []
    /// The day events are being gathered for (days since 1970), nil before the first event.
    public private(set) var openDay: Int64?
    public private(set) var closedDays = 0
    public private(set) var clusters: StreamingKMeans?
    /// The user's own score and tiers (`criteria=` with `tiers=` or `thresholds=`), when given.
    public private(set) var tiers: StreamTiers?

    public struct RFMScores: Sendable, Equatable {
        public let r: Int, f: Int, m: Int
        public var features: [Double] { [Double(r), Double(f), Double(m)] }
    }

    public init(purchaseTypes: [String]? = nil, clusters: StreamingKMeans? = nil, rules: StreamScoreRules? = nil) {
        self.purchaseTypes = purchaseTypes
        self.clusters = clusters
        tiers = rules.map(StreamTiers.init)
    }

    public var consumerName: String { "profiles" }

    /// Customers with at least one purchase.
    public var customers: Int { frequency.reduce(0) { $0 + ($1 > 0 ? 1 : 0) } }

    public func consuming(_ chunk: ArraySlice<StreamEvent>, log: EventLog, context: RunContext) throws -> StreamProfiles {
        var next = self
        let counted = purchaseTypes.map { names in Set(names.compactMap { log.vocabulary.eventTypes.id(of: $0) }) }
        for (n, e) in chunk.enumerated() {
            if n & 0xFFF == 0 { try context.cancellation.check() }
            let day = CivilCalendar.floorDiv(e.time, 86_400)
            try next.closeDays(before: day, context: context)
            if next.openDay == nil { next.openDay = day }
            if let counted, !counted.contains(e.type) { continue }
            next.grow(to: Int(e.user) + 1)
            let u = Int(e.user)
            let amount = e.value.isNaN ? 1 : e.value
            next.monetary[u] += amount
            // A return lowers the net sum but is not a purchase, as in `RFM`.
            if amount >= 0 {
                next.frequency[u] += 1
                next.lastDay[u] = max(next.lastDay[u], day)
            }
            // Recency as the day's close will count it (to the day after), so a customer's score
            // between closes is the one the close would give if nothing else changed.
            if next.frequency[u] > 0 {
                next.tiers?.profileChanged(customer: u, recency: Double(day + 1 - next.lastDay[u]), frequency: Double(next.frequency[u]),
                                           monetary: next.monetary[u], time: e.time)
            }
        }
        return next
    }

    public func clockAdvanced(to time: Int64, log: EventLog) -> StreamProfiles {
        var next = self
        // Only whole days that have ended close: the day of `time` closes when `time` is its last second.
        let day = CivilCalendar.floorDiv(time, 86_400)
        try? next.closeDays(before: time - day * 86_400 == 86_399 ? day + 1 : day, context: .quiet)
        return next
    }

    private mutating func grow(to count: Int) {
        guard count > lastDay.count else { return }
        let extra = count - lastDay.count
        lastDay += [Int64](repeating: Int64.min, count: extra)
        frequency += [Int](repeating: 0, count: extra)
        monetary += [Double](repeating: 0, count: extra)
        segment += [String?](repeating: nil, count: extra)
        scores += [RFMScores?](repeating: nil, count: extra)
    }

    /// Closes the open day and every later day before `day`. Days with no events between two
    /// closes are closed one by one, so recency moves day by day; across a gap of more than
    /// `longestGap` days only the gap's first and last days close (no event can change a profile
    /// in between, and a stray time far in the future must not mean millions of closes).
    private mutating func closeDays(before day: Int64, context: RunContext) throws {
        while let open = openDay, open < day {
            try close(open, context: context)
            openDay = day - open > Self.longestGap ? day - 1 : open + 1
        }
    }

    static let longestGap: Int64 = 366

    private mutating func close(_ day: Int64, context: RunContext) throws {
        closedDays += 1
        let kept = frequency.indices.filter { frequency[$0] > 0 }
        guard !kept.isEmpty else { return }
        let asOf = day + 1
        let recency = kept.map { Double(asOf - lastDay[$0]) }
        let r = try RankScores.scores(recency, bins: 5, ties: .average, direction: RFMMetric.recency.direction)
        let f = try RankScores.scores(kept.map { Double(frequency[$0]) }, bins: 5, ties: .average,
                                      direction: RFMMetric.frequency.direction)
        let m = try RankScores.scores(kept.map { monetary[$0] }, bins: 5, ties: .average,
                                      direction: RFMMetric.monetary.direction)
        var changed: [[Double]] = []
        for (i, u) in kept.enumerated() {
            let s = RFMScores(r: r[i], f: f[i], m: m[i])
            if scores[u] != s { changed.append(s.features) }
            scores[u] = s
            let name = RFMSegments.name(r: s.r, f: s.f, m: s.m) ?? "\(s.r)\(s.f)\(s.m)"
            if segment[u] != name {
                moves.append(SegmentMove(day: day, customer: Int32(truncatingIfNeeded: u), from: segment[u], to: name))
                segment[u] = name
            }
        }
        if let clusters, !changed.isEmpty {
            self.clusters = try clusters.updated(with: changed, context: context)
        }
        if let rules = tiers?.rules {
            let rows = kept.indices.map { i in
                rules.row(recency: recency[i], frequency: Double(frequency[kept[i]]), monetary: monetary[kept[i]])
            }
            tiers?.close(at: MigrationPeriod.lastSecond(ofDay: day), customers: kept, rows: rows)
        }
    }

    /// Moves per closed day, oldest first, for days from `firstDay` on.
    public func movesPerDay(from firstDay: Int64? = nil) -> [(day: Int64, moves: Int, new: Int)] {
        var out: [(day: Int64, moves: Int, new: Int)] = []
        for move in moves where move.day >= firstDay ?? Int64.min {
            if out.last?.day != move.day { out.append((move.day, 0, 0)) }
            if move.from == nil { out[out.count - 1].new += 1 } else { out[out.count - 1].moves += 1 }
        }
        return out
    }

    /// The current (r, f, m) scores of every customer that has them, as k-means rows.
    public var scoreRows: [[Double]] { scores.compactMap { $0?.features } }

    public func boardRows(log: EventLog) -> [BoardRow] {
        let recent = movesPerDay().suffix(30)
        var rows = [BoardRow(label: "customers", value: String(customers)),
                    BoardRow(label: "segment moves/day", value: String(recent.last?.moves ?? 0),
                             history: recent.map { Double($0.moves) })]
        if let clusters {
            rows.append(BoardRow(label: "k-means rows", value: String(clusters.rowsSeen)))
        }
        return rows
    }
}
