/// A streaming recommender whose lists are re-ranked by the user's current session: the items of
/// their events in the 30 minutes before the moment a list is asked for, through the same
/// `SessionReRanker` that `recommend … session=yes` uses. Similarities are item-kNN's on the events
/// so far (the base model's own when it is item-kNN, else an item-kNN kept beside it), so the
/// prequential evaluator can show whether the re-rank helps, next to the model without it.
public struct SessionReRankedStream: StreamingRecommender {
    public private(set) var base: any StreamingRecommender
    /// Item-kNN for the similarities when the base is not one.
    private var similarities: IncrementalItemKNN?
    /// Per user, their latest events within the session window of their newest one, oldest first.
    private var recent: [[(item: Int32, time: Int64)]] = []
    private var recentCount = 0
    public let reRanker = SessionReRanker()

    public init(_ base: any StreamingRecommender, neighbors: Int = 20) {
        self.base = base
        similarities = base is IncrementalItemKNN ? nil : IncrementalItemKNN(neighbors: neighbors)
    }

    public var algorithmName: String { "\(base.algorithmName), re-ranked by the session (events in the last 30 min)" }
    public var parameterValues: [ParameterValue] { base.parameterValues }

    public mutating func learn(_ event: StreamInteraction, context: RunContext) throws {
        try base.learn(event, context: context)
        try similarities?.learn(event, context: context)
        let u = Int(event.user)
        if u >= recent.count { recent += repeatElement([], count: u + 1 - recent.count) }
        let old = recent[u].count
        recent[u].removeAll { Self.age(event.time, $0.time) > SessionReRanker.window }
        recent[u].append((event.item, event.time))
        recentCount += recent[u].count - old
    }

    /// Without a moment there is no session: the base model's list.
    public func recommend(user: Int, count: Int, seen: [Int32], scratch: inout StreamScratch) -> [Recommendation] {
        base.recommend(user: user, count: count, seen: seen, scratch: &scratch)
    }

    public func recommend(user: Int, count: Int, seen: [Int32], at time: Int64, scratch: inout StreamScratch) -> [Recommendation] {
        let session = self.session(of: user, at: time)
        guard !session.isEmpty, let knn = similarities ?? (base as? IncrementalItemKNN) else {
            return base.recommend(user: user, count: count, seen: seen, scratch: &scratch)
        }
        // The pool a command re-ranks: the model's top max(100, 5 × count).
        let pool = base.recommend(user: user, count: max(100, 5 * count), seen: seen, scratch: &scratch)
        return reRanker.rerank(pool, session: session, similarity: knn).prefix(count).map(\.recommendation)
    }

    /// The user's distinct items of the `SessionReRanker.window` seconds up to `time`, most recent first.
    func session(of user: Int, at time: Int64) -> [SessionItem] {
        guard user >= 0, user < recent.count else { return [] }
        var taken = Set<Int32>()
        var out: [SessionItem] = []
        for e in recent[user].reversed() where e.time <= time && Self.age(time, e.time) <= SessionReRanker.window {
            if taken.insert(e.item).inserted { out.append(SessionItem(item: Int(e.item), secondsAgo: time - e.time)) }
        }
        return out
    }

    /// now − then, saturated (times read from a file may be anywhere in `Int64`).
    static func age(_ now: Int64, _ then: Int64) -> Int64 {
        let (d, overflow) = now.subtractingReportingOverflow(then)
        return overflow ? (now > then ? Int64.max : Int64.min) : d
    }

    public var memoryBytes: Int { base.memoryBytes + (similarities?.memoryBytes ?? 0) + recentCount * 16 + recent.count * 8 }
}
