/// Runs several incremental recommenders side by side over a stream, prequentially: each eligible
/// event is first a test (top-N for its user, hit if its item is in the list) and then a training
/// example for every model. It consumes the stream in chunks of any size, so the same value serves
/// a whole log at once (`prequential`) or a stream read piece by piece (`stream`).
public struct PrequentialConsumer: Sendable {
    public struct Entry: Sendable {
        public let name: String
        public internal(set) var model: any StreamingRecommender
        public internal(set) var metrics: PrequentialMetrics
        /// One per scored event: whether it was a hit (for McNemar between any two models).
        public internal(set) var hits: [Bool] = []
        /// One per scored event: the rank of its item in the list (0: not in it), for metrics per context.
        public internal(set) var ranks: [Int32] = []
        var scratch = StreamScratch()
    }

    /// One model's current window, what a live display shows.
    public struct Snapshot: Sendable, Equatable {
        public let name: String
        public let windowed: PrequentialMetrics.Values?
        public let faded: PrequentialMetrics.Values?
        public let scored: Int
        public let memoryBytes: Int
    }

    public let settings: PrequentialSettings
    public private(set) var entries: [Entry]
    public private(set) var counts = PrequentialCounts()
    public private(set) var series: [PrequentialPoint] = []
    /// Models compared by the sliding McNemar test (indices into `entries`), and its series.
    public let compared: (first: Int, second: Int)?
    public private(set) var mcnemar: SlidingMcNemar
    public private(set) var mcnemarSeries: [(events: Int, result: SlidingMcNemar.Result)] = []
    /// Every user's items so far: the lists leave them out.
    public private(set) var history = InteractionHistory()
    private var itemsSeen: [Bool] = []
    public private(set) var latestTime: Int64?
    /// One per scored event: its position among the events consumed (0 for the first), so the
    /// caller can look up what it knows of the event (its context) beside `Entry.ranks`.
    public private(set) var scoredEvents: [Int] = []

    public init(models: [(name: String, model: any StreamingRecommender)], settings: PrequentialSettings,
                compare: (first: Int, second: Int)? = nil) throws {
        try settings.validate()
        guard !models.isEmpty else { throw EngineError("name at least one model to evaluate") }
        self.settings = settings
        entries = models.map { Entry(name: $0.name, model: $0.model, metrics: PrequentialMetrics(window: settings.window, fading: settings.fading)) }
        if let compare, models.indices.contains(compare.first), models.indices.contains(compare.second), compare.first != compare.second {
            compared = compare
        } else {
            compared = models.count >= 2 ? (0, 1) : nil
        }
        mcnemar = SlidingMcNemar(window: settings.window)
    }

    /// Consumes a chunk as one transaction: if it throws (cancellation, a refit that failed), the
    /// consumer is as it was before the chunk. The price is one copy of the state that the chunk
    /// changes; `consumeInPlace` skips it where a failure discards the consumer anyway.
    public mutating func consume(_ events: some Collection<StreamInteraction>, context: RunContext) throws -> [Snapshot] {
        var next = self
        try next.consumeInPlace(events, context: context)
        self = next
        return snapshots
    }

    public mutating func consumeInPlace(_ events: some Collection<StreamInteraction>, context: RunContext) throws {
        for event in events {
            if counts.events & 1023 == 0 { try context.cancellation.check() }
            counts.events += 1
            latestTime = event.time
            let user = Int(event.user)
            if !history.isKnown(user: user) {
                counts.newUsers += 1
            } else if history.contains(user: event.user, item: event.item) {
                counts.repeats += 1
            } else {
                counts.eligible += 1
                if (counts.eligible - 1) % settings.every == 0 { score(event) }
            }
            for m in entries.indices { try entries[m].model.learn(event, context: context) }
            history.record(user: event.user, item: event.item)
            let item = Int(event.item)
            if item >= itemsSeen.count { itemsSeen += repeatElement(false, count: item + 1 - itemsSeen.count) }
            itemsSeen[item] = true
        }
    }

    private mutating func score(_ event: StreamInteraction) {
        counts.scored += 1
        let item = Int(event.item)
        if item >= itemsSeen.count || !itemsSeen[item] { counts.newItems += 1 }
        let seen = history.items(of: Int(event.user))
        scoredEvents.append(counts.events - 1)
        var hits: [Bool] = []
        hits.reserveCapacity(entries.count)
        for m in entries.indices {
            let list = entries[m].model.recommend(user: Int(event.user), count: settings.top, seen: seen, at: event.time,
                                                  scratch: &entries[m].scratch)
            let rank = (list.firstIndex { $0.item == item } ?? -1) + 1
            entries[m].metrics.add(EventScore(rank: rank))
            entries[m].hits.append(rank > 0)
            entries[m].ranks.append(Int32(clamping: rank))
            hits.append(rank > 0)
        }
        if let compared { mcnemar.add(first: hits[compared.first], second: hits[compared.second]) }
        if counts.scored % settings.step == 0 { recordPoint(time: event.time) }
    }

    private mutating func recordPoint(time: Int64) {
        for (m, e) in entries.enumerated() {
            guard let w = e.metrics.windowed, let f = e.metrics.faded else { continue }
            series.append(PrequentialPoint(events: counts.events, time: time, model: m, windowed: w, faded: f,
                                           memoryBytes: e.model.memoryBytes))
        }
        if compared != nil { mcnemarSeries.append((counts.events, mcnemar.result)) }
    }

    public var snapshots: [Snapshot] {
        entries.map { Snapshot(name: $0.name, windowed: $0.metrics.windowed, faded: $0.metrics.faded,
                               scored: $0.metrics.scored, memoryBytes: $0.model.memoryBytes) }
    }

    /// McNemar over all scored events (not only the last window) between the compared models.
    public var overallMcNemar: SlidingMcNemar.Result? {
        guard let compared else { return nil }
        var a = 0, b = 0
        for (x, y) in zip(entries[compared.first].hits, entries[compared.second].hits) where x != y {
            if x { a += 1 } else { b += 1 }
        }
        return SlidingMcNemar.test(onlyFirst: a, onlySecond: b)
    }

    /// A model's current top-N for a user (what a live board shows), leaving out the user's items,
    /// asked at the latest event's time (so a session re-rank sees the user's current session).
    public func recommendations(model: Int, user: Int, count: Int) -> [Recommendation] {
        guard entries.indices.contains(model) else { return [] }
        var scratch = StreamScratch()
        let seen = history.items(of: user)
        guard let latestTime else { return entries[model].model.recommend(user: user, count: count, seen: seen, scratch: &scratch) }
        return entries[model].model.recommend(user: user, count: count, seen: seen, at: latestTime, scratch: &scratch)
    }
}
