/// Incremental recommenders fed by a stream (`stream … models=`): each event is first a test and
/// then a lesson, as in `PrequentialConsumer`, so the board can show each model's window metrics
/// and the current lists of chosen users as the stream runs.
public struct StreamRecommenders: StreamConsumer {
    public private(set) var evaluation: PrequentialConsumer
    /// User ids (as the log writes them) whose current lists the board shows.
    public var watched: [String]
    /// Items per list on the board.
    public static let boardItems = 5

    public init(_ evaluation: PrequentialConsumer, watched: [String] = []) {
        self.evaluation = evaluation
        self.watched = watched
    }

    public var consumerName: String { "recommenders" }

    public func consuming(_ chunk: ArraySlice<StreamEvent>, log: EventLog, context: RunContext) throws -> StreamRecommenders {
        var next = self
        try next.evaluation.consumeInPlace(chunk.lazy.map { StreamInteraction(user: $0.user, item: $0.item, time: $0.time) },
                                           context: context)
        return next
    }

    /// A user's current top `count` from each model (ids as the log writes them); nil for a user
    /// with no event yet.
    public func lists(for user: String, count: Int, log: EventLog) -> [(model: String, items: [String])]? {
        guard let u = log.vocabulary.users.id(of: user), evaluation.history.isKnown(user: Int(u)) else { return nil }
        return evaluation.entries.indices.map { m in
            (evaluation.entries[m].name,
             evaluation.recommendations(model: m, user: Int(u), count: count).map { log.vocabulary.items.text(of: Int32(truncatingIfNeeded: $0.item)) })
        }
    }

    public func boardRows(log: EventLog) -> [BoardRow] {
        let top = evaluation.settings.top
        var rows: [BoardRow] = evaluation.entries.enumerated().map { (m, e) -> BoardRow in
            let history = evaluation.series.filter { $0.model == m }.suffix(30).map(\.windowed.recall)
            let value = e.metrics.windowed.map { DescribeFormat.number($0.recall) } ?? "–"
            return BoardRow(label: "\(e.name) recall@\(top)", value: value, history: history)
        }
        for user in watched {
            guard let lists = lists(for: user, count: min(top, Self.boardItems), log: log) else {
                rows.append(BoardRow(label: "user \(user)", value: "no events yet"))
                continue
            }
            for (model, items) in lists {
                rows.append(BoardRow(label: "user \(user) · \(model)", value: items.isEmpty ? "(empty list)" : items.joined(separator: ", ")))
            }
        }
        return rows
    }
}
