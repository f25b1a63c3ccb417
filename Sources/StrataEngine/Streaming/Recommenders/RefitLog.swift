/// Every event seen so far, kept for models that refit in batch (ALS with fold-in, the
/// "batch every period" baseline), and the schedule of those refits.
struct RefitLog: Sendable {
    private(set) var users: [Int32] = []
    private(set) var items: [Int32] = []
    private(set) var userCount = 0
    private(set) var itemCount = 0
    /// Seconds between refits, and the time at or after which the next is due.
    let period: Int64
    private(set) var nextRefit: Int64?

    init(period: Int64) {
        self.period = max(1, period)
    }

    mutating func append(_ event: StreamInteraction) {
        users.append(event.user)
        items.append(event.item)
        userCount = max(userCount, Int(event.user) + 1)
        itemCount = max(itemCount, Int(event.item) + 1)
        if nextRefit == nil { nextRefit = event.time + period }
    }

    /// Appends the event in place. When the event is due for a refit, `refit` first gets the events
    /// so far including it, and the boundary moves on; a refit that throws leaves the log as it was.
    /// Only a refit copies the log (to stay unchanged on a throw): a copy per event would cost the
    /// whole log per click.
    mutating func append<Fitted>(_ event: StreamInteraction, refittingWith refit: (Interactions) throws -> Fitted) rethrows -> Fitted? {
        // Before the first event there is no boundary, and appending does not move one already set,
        // so whether the event is due can be asked before it is appended.
        guard isDue(at: event.time) else {
            append(event)
            return nil
        }
        var next = self
        next.append(event)
        let fitted = try refit(next.interactions())
        next.scheduleAfter(event.time)
        self = next
        return fitted
    }

    /// Whether an event at `time` is at or past the boundary (the first event only starts the clock).
    func isDue(at time: Int64) -> Bool { nextRefit.map { time >= $0 } ?? false }

    /// Moves the boundary past `time` by whole periods.
    mutating func scheduleAfter(_ time: Int64) {
        guard var next = nextRefit else { return }
        while next <= time { next += period }
        nextRefit = next
    }

    /// The events so far as binary interactions whose user and item indices are the stream's own
    /// (ids are the indices as text), so a batch model's indices need no mapping.
    func interactions() -> Interactions {
        let build = CSRMatrix.fromTriplets(rows: users, columns: items, values: [Double](repeating: 1, count: users.count),
                                           rowCount: userCount, columnCount: itemCount, duplicates: .max)
        return Interactions(userIds: (0..<userCount).map(String.init), itemIds: (0..<itemCount).map(String.init),
                            byUser: build.matrix, kind: .implicit)
    }

    // Counts, not capacities: a capacity depends on when copies were made, and the figure is printed
    // in recorded sessions that must replay byte for byte.
    var memoryBytes: Int { users.count * 8 }
}
