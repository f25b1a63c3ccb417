/// An item of the user's current session: a dense training item and how long ago it was seen.
public struct SessionItem: Sendable, Equatable {
    public let item: Int
    public let secondsAgo: Int64

    public init(item: Int, secondsAgo: Int64) {
        self.item = item
        self.secondsAgo = secondsAgo
    }
}

/// A re-ranked entry: the new score, and the session item that moved it (nil when none did).
public struct SessionRanked: Sendable, Equatable {
    public let recommendation: Recommendation
    public let reason: Reason?
}

/// The short-term intent signal: what the user looked at in the last minutes re-ranks a list.
///
/// Each candidate's score is min–max scaled over the list onto [0, 1], and `weight` × its highest
/// item-item similarity to a session item is added, divided by the highest such similarity among
/// the candidates so that the session signal spans [0, weight] as the scores span [0, 1] (raw
/// similarities of sparse click data are often below 0.2 and would barely move a list).
/// Similarities come from the given `SimilarItemsSource` (a model's `ItemSimilarity`, or a streaming item-kNN), each session item's `neighbors` most similar
/// items; an item not among them adds 0. A candidate like nothing in the session keeps its place
/// relative to the others like nothing. The session
/// item that gave the boost is the reason. Pure: no clock, no I/O, so a command and the
/// prequential evaluator re-rank the same way.
public struct SessionReRanker: Sendable {
    /// What counts as the current session: events at most this long before now.
    public static let window: Int64 = 30 * 60

    public var weight: Double
    public var neighbors: Int

    public init(weight: Double = 1, neighbors: Int = 100) {
        self.weight = weight
        self.neighbors = neighbors
    }

    public func rerank(_ list: [Recommendation], session: [SessionItem], similarity: any SimilarItemsSource) -> [SessionRanked] {
        guard !list.isEmpty else { return [] }
        // Per candidate: the best similarity and the session item giving it (most recent first wins ties).
        var best: [Int: (similarity: Double, from: SessionItem)] = [:]
        let candidates = Set(list.map(\.item))
        for s in session.sorted(by: { $0.secondsAgo < $1.secondsAgo }) {
            for n in similarity.similarItems(to: s.item, count: neighbors) where candidates.contains(n.item) && n.score > 0 {
                if let current = best[n.item], current.similarity >= n.score { continue }
                best[n.item] = (n.score, s)
            }
        }
        let lo = list.map(\.score).min() ?? 0, hi = list.map(\.score).max() ?? 0
        let strongest = best.values.map(\.similarity).max() ?? 1
        let ranked = list.map { r -> SessionRanked in
            let scaled = hi > lo ? (r.score - lo) / (hi - lo) : 1
            guard let boost = best[r.item] else { return SessionRanked(recommendation: Recommendation(item: r.item, score: scaled), reason: nil) }
            let reason: Reason = "similar to \(item: boost.from.item) seen \(Self.ago(boost.from.secondsAgo)) in this session (\(NeighborReasons.number(boost.similarity)))"
            return SessionRanked(recommendation: Recommendation(item: r.item, score: scaled + weight * boost.similarity / strongest), reason: reason)
        }
        return ranked.sorted {
            TopScores.ranksBefore(($0.recommendation.item, $0.recommendation.score), ($1.recommendation.item, $1.recommendation.score))
        }
    }

    /// "4 min ago", "35 s ago".
    static func ago(_ seconds: Int64) -> String {
        seconds < 60 ? "\(max(0, seconds)) s ago" : "\(seconds / 60) min ago"
    }
}

/// The user's current session read from an event table: their events in the window before `now`.
public enum RecentSession {
    public struct Found: Sendable, Equatable {
        /// Distinct training items, most recent first.
        public let items: [SessionItem]
        /// Seconds since 1970 used as now.
        public let now: Int64
        /// Events in the window whose item the model never saw.
        public let unknownItems: Int
        public let events: Int
    }

    /// `now` nil: the user's latest event. Nil when the user has no event at or before `now`.
    public static func find(user: String, in table: Table, userColumn: String, itemColumn: String, timeColumn: String,
                            now: Int64?, training: Interactions, window: Int64 = SessionReRanker.window) throws -> Found? {
        let users = try Interactions.requireColumn(table, userColumn, role: "user")
        let items = try Interactions.requireColumn(table, itemColumn, role: "item")
        let time = try Interactions.requireColumn(table, timeColumn, role: "time")
        guard case .timestamp(let seconds) = time.data else {
            throw EngineError("time column '\(timeColumn)' holds \(time.type.rawValue) values, not timestamps",
                              suggestion: "name a timestamp column with time=COLUMN")
        }
        var rows: [Int] = []
        for r in 0..<table.rowCount where !users.isMissing(r) && !time.isMissing(r) && !items.isMissing(r)
            && IdEncoder.idText(users, row: r) == user {
            if let now, seconds[r] > now { continue }
            rows.append(r)
        }
        guard let latest = rows.map({ seconds[$0] }).max() else { return nil }
        let at = now ?? latest
        var found: [SessionItem] = []
        var taken = Set<Int>()
        var unknown = 0, events = 0
        for r in rows.sorted(by: { (seconds[$0], $0) > (seconds[$1], $1) }) where at - seconds[r] <= window {
            events += 1
            guard let i = training.itemIndex(IdEncoder.idText(items, row: r)) else { unknown += 1; continue }
            if taken.insert(i).inserted { found.append(SessionItem(item: i, secondsAgo: at - seconds[r])) }
        }
        return Found(items: found, now: at, unknownItems: unknown, events: events)
    }
}
