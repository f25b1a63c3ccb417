/// Prequential metrics per context (device, hour band): every scored event goes to the group of
/// its context, and each model's recall@N, NDCG@N and MRR are averaged over the group's scored
/// events. The events and ranks are those the consumer scored, so a group's figures are what
/// the whole run gave on those events, not a separate run.
public struct PrequentialByContext: Sendable {
    public struct Row: Sendable, Equatable {
        public let group: Int
        public let model: String
        public let scored: Int
        public let values: PrequentialMetrics.Values
    }

    public let rows: [Row]
    /// Scored events whose context was missing.
    public let missing: Int

    /// `groupOfEvent` gives the group of a consumed event by its position (0 for the first), or
    /// nil when its context is missing; `groups` is how many there are. Rows come group by group,
    /// models in the consumer's order; a group with no scored event has none.
    public init(_ consumer: PrequentialConsumer, groups: Int, groupOfEvent: (Int) -> Int?) {
        var metrics = [[PrequentialMetrics]](repeating: consumer.entries.map { _ in PrequentialMetrics(window: 1, fading: 1) },
                                             count: max(0, groups))
        var missing = 0
        for (i, position) in consumer.scoredEvents.enumerated() {
            guard let g = groupOfEvent(position), metrics.indices.contains(g) else { missing += 1; continue }
            for m in consumer.entries.indices where i < consumer.entries[m].ranks.count {
                metrics[g][m].add(EventScore(rank: Int(consumer.entries[m].ranks[i])))
            }
        }
        var rows: [Row] = []
        for (g, perModel) in metrics.enumerated() {
            for (m, metric) in perModel.enumerated() {
                guard let values = metric.overall else { continue }
                rows.append(Row(group: g, model: consumer.entries[m].name, scored: metric.scored, values: values))
            }
        }
        self.rows = rows
        self.missing = missing
    }
}
