import StrataEngine

/// The tables, chart and text `prequential` prints and binds.
struct PrequentialReport {
    let consumer: PrequentialConsumer
    let input: PrequentialInput
    let metric: PrequentialChartMetric

    private static func text(_ name: String, _ values: [String]) -> Column { EvaluationTables.textColumn(name, values) }
    private static func number(_ name: String, _ values: [Double?]) -> Column { EvaluationTables.numberColumn(name, values) }
    private static func kilobytes(_ bytes: Int) -> Int64 { Int64((bytes + 1_023) / 1_024) }

    /// One row per model: means over all scored events, over the last window, faded; memory.
    func summary() throws -> Table { try Self.summary(consumer) }

    static func summary(_ consumer: PrequentialConsumer) throws -> Table {
        let e = consumer.entries
        let all = e.map(\.metrics.overall), win = e.map(\.metrics.windowed), fade = e.map(\.metrics.faded)
        return try Table(columns: [
            Self.text("model", e.map(\.name)),
            Column(name: "scored", data: .int(e.map { Int64($0.metrics.scored) })),
            Self.number("recall", all.map { $0?.recall }), Self.number("ndcg", all.map { $0?.ndcg }), Self.number("mrr", all.map { $0?.mrr }),
            Self.number("win_recall", win.map { $0?.recall }), Self.number("win_ndcg", win.map { $0?.ndcg }),
            Self.number("win_mrr", win.map { $0?.mrr }),
            Self.number("fade_recall", fade.map { $0?.recall }), Self.number("fade_ndcg", fade.map { $0?.ndcg }),
            Self.number("fade_mrr", fade.map { $0?.mrr }),
            Column(name: "memory_kb", data: .int(e.map { Self.kilobytes($0.model.memoryBytes) })),
        ])
    }

    /// The metric series: one row per model and point.
    func series() throws -> Table {
        let s = consumer.series
        let names = consumer.entries.map(\.name)
        return try Table(columns: [
            Column(name: "events", data: .int(s.map { Int64($0.events) })),
            Column(name: "time", data: .timestamp(s.map(\.time))),
            Self.text("model", s.map { names[$0.model] }),
            Self.number("recall", s.map { $0.windowed.recall }), Self.number("ndcg", s.map { $0.windowed.ndcg }),
            Self.number("mrr", s.map { $0.windowed.mrr }),
            Self.number("fade_recall", s.map { $0.faded.recall }), Self.number("fade_ndcg", s.map { $0.faded.ndcg }),
            Self.number("fade_mrr", s.map { $0.faded.mrr }),
            Column(name: "memory_kb", data: .int(s.map { Self.kilobytes($0.memoryBytes) })),
        ])
    }

    /// The windowed metric of every model against the event's date.
    func chart() -> Chart? {
        let series = consumer.entries.indices.compactMap { m -> ChartSeries? in
            let points = consumer.series.filter { $0.model == m }
            guard points.count >= 2 else { return nil }
            return ChartSeries(consumer.entries[m].name, x: points.map { Double($0.time) / 86_400 },
                               y: points.map { metric.value($0.windowed) })
        }
        guard !series.isEmpty else { return nil }
        let label = "\(metric.rawValue)\(metric == .mrr ? "" : "@\(consumer.settings.top)")"
        return Chart.line(title: "\(label) over the last \(Format.count(consumer.settings.window)) scored events",
                          series: series, xLabel: "time", yLabel: label, xKind: .date)
    }

    func mcnemarText() -> String? { Self.mcnemarText(consumer) }

    /// McNemar between the compared models, over the last window and over all scored events.
    static func mcnemarText(_ consumer: PrequentialConsumer) -> String? {
        guard let pair = consumer.compared, let all = consumer.overallMcNemar else { return nil }
        let a = consumer.entries[pair.first].name, b = consumer.entries[pair.second].name
        func line(_ scope: String, _ r: SlidingMcNemar.Result) -> String {
            let verdict: String
            if r.pValue < 0.05 {
                verdict = "\(r.onlyFirst > r.onlySecond ? a : b) better at the 5 % level"
            } else {
                verdict = "no difference at the 5 % level"
            }
            return "  \(scope): only \(a) hit \(Format.count(r.onlyFirst)), only \(b) hit \(Format.count(r.onlySecond)); "
                + "M = \(NumberFormatting.significant(r.statistic)), p = \(NumberFormatting.significant(r.pValue)): \(verdict)"
        }
        let window = min(consumer.settings.window, consumer.counts.scored)
        return "McNemar, \(a) vs \(b)\n" + line("last \(Format.count(window)) scored events", consumer.mcnemar.result)
            + "\n" + line("all \(Format.count(consumer.counts.scored)) scored events", all)
    }

    func protocolLines() -> [String] {
        let c = consumer.counts
        let s = consumer.settings
        let events = input.events
        var lines = ["models: " + consumer.entries.map { "\($0.name) = \($0.model.algorithmName)" }.joined(separator: "; ")]
        var stream = "stream: \(Format.count(c.events)) events (\(input.columns.user), \(input.columns.item), \(input.columns.time))"
        if let first = events.events.first?.time, let last = events.events.last?.time {
            stream += " from \(CivilCalendar.formatTimestamp(seconds: first)) to \(CivilCalendar.formatTimestamp(seconds: last))"
        }
        stream += ", in time order, ties in row order"
        if let n = input.firstLimit, n < events.rowsRead { stream += "; only the first \(Format.count(n)) (first=)" }
        if events.missingRows > 0 { stream += "; \(Format.count(events.missingRows)) rows missing a user, item or time left out" }
        lines.append(stream)
        lines.append("scored: each event of a user seen before whose item is new to them, \(Format.count(c.eligible)) of \(Format.count(c.events))"
                     + (s.every > 1 ? ", one in \(s.every) of those (\(Format.count(c.scored)))" : "")
                     + ": top \(s.top) leaving out the user's items, a hit if the event's item is in the list; then every model learns the event")
        lines.append("not scored: \(Format.count(c.newUsers)) first events of a user (nothing to go on), "
                     + "\(Format.count(c.repeats)) repeats of a (user, item) pair (excluded from the list, so never a hit); every event is learnt")
        if c.newItems > 0 {
            lines.append("new items: \(Format.count(c.newItems)) scored events were of an item no earlier event had (a miss for every model)")
        }
        lines.append("metrics: recall@\(s.top) = the hit, NDCG@\(s.top) = 1/log₂(1 + rank), MRR = 1/rank (0 outside the list); "
                     + "means over all scored events, over the last \(Format.count(s.window)) (win_), and faded with α = "
                     + "\(NumberFormatting.significant(s.fading)) (fade_: S ← x + αS, N ← 1 + αN, S/N)")
        if consumer.entries.contains(where: { $0.name.hasSuffix("/batch") }) {
            lines.append("NAME/batch: the batch model refitted on every event so far at the first event at or past each period "
                         + "boundary (the clock starts at the first event), frozen in between; empty lists before the first refit "
                         + "and for users who arrived after the last")
        }
        if let session = Self.sessionLine(consumer) { lines.append(session) }
        lines.append("memory: each model's state at the end, estimated from its arrays and tables")
        if let mcnemar = Self.mcnemarLine(consumer) { lines.append(mcnemar) }
        return lines
    }

    /// What MODEL+session means, when the run has one.
    static func sessionLine(_ consumer: PrequentialConsumer) -> String? {
        guard consumer.entries.contains(where: { $0.name.hasSuffix("+session") }) else { return nil }
        return "MODEL+session: the model's top max(100, 5 × \(consumer.settings.top)) at the event's time re-ranked by the user's distinct "
            + "items of the 30 minutes before it (scores scaled to [0, 1] plus the strongest item-kNN similarity to a session item, "
            + "on the events so far); the model's own list when the user has no such event"
    }

    /// How McNemar's test was made, when two models are compared.
    static func mcnemarLine(_ consumer: PrequentialConsumer) -> String? {
        guard consumer.compared != nil else { return nil }
        return "McNemar: per-event hits of the two models over the last \(Format.count(consumer.settings.window)) scored events and "
            + "over all; M = (n₁₀ − n₀₁)² / (n₁₀ + n₀₁), χ² with 1 degree of freedom, no continuity correction"
    }
}
