import StrataEngine

/// `strata-bench prequential MODEL CSV [EVERY] [FIRST]`: one incremental model replayed over an
/// event CSV (user_id, item_id, timestamp) prequentially: top-10 for each eligible event (one in
/// EVERY), then the update. MODEL is popular, itemknn, isgd, itemknn-update (updates only, no
/// lists: the update-cost curve) or als-foldin (ALS fitted on the first half, then one user
/// fold-in per event of the second half, no lists: beside implicit's partial_fit_users). Prints
/// events per second, the seconds of each 100,000 events, the model's memory and the peak RSS.
enum PrequentialThroughput {
    static let usage = "MODEL CSV [EVERY] [FIRST]"

    static func run(_ args: [String]) throws -> String {
        guard args.count >= 2 else { throw BenchUsageError(description: usage) }
        let every = args.count > 2 ? Int(args[2]) ?? 1 : 1
        var clock = BenchClock()
        let table = try CSVReader.read(path: args[1]).table
        var events = try EncodedEvents.from(table, user: "user_id", item: "item_id", time: "timestamp", context: .quiet)
        if args.count > 3, let first = Int(args[3]) { events = events.prefix(first) }
        let loadSeconds = clock.lap()
        let stream = events.events
        switch args[0] {
        case "itemknn-update": return try updatesOnly(stream, loadSeconds: loadSeconds)
        case "als-foldin": return try foldIns(stream, loadSeconds: loadSeconds)
        default: break
        }
        guard let kind = StreamingModelKind(rawValue: args[0]) else { throw BenchUsageError(description: usage) }
        var settings = PrequentialSettings()
        settings.every = every
        var consumer = try PrequentialConsumer(models: [(kind.rawValue, StreamingModelSettings().make(kind))], settings: settings)
        var curve: [Double] = []
        var total = 0.0
        var start = 0
        while start < stream.count {
            let end = min(stream.count, start + 100_000)
            _ = clock.lap()
            try consumer.consumeInPlace(stream[start..<end], context: .quiet)
            let s = clock.lap()
            curve.append(s)
            total += s
            start = end
        }
        let m = consumer.entries[0]
        return "{\"mode\": \"prequential\", \"model\": \"\(kind.rawValue)\", \"events\": \(stream.count), \"every\": \(every), "
            + "\"scored\": \(consumer.counts.scored), \"load_seconds\": \(loadSeconds), \"seconds\": \(total), "
            + "\"events_per_second\": \(Double(stream.count) / total), \"recall\": \(m.metrics.overall?.recall ?? .nan), "
            + "\"seconds_per_100k\": \(curve), \"model_memory_mb\": \(Double(m.model.memoryBytes) / 1_048_576), "
            + "\"peak_rss_mb\": \(peakResidentMegabytes())}"
    }

    /// Item-kNN updates only, timed per 100,000 events: the cost of an update as the stream grows.
    static func updatesOnly(_ stream: [StreamInteraction], loadSeconds: Double) throws -> String {
        var model = IncrementalItemKNN()
        var clock = BenchClock()
        var curve: [Double] = []
        var start = 0
        while start < stream.count {
            let end = min(stream.count, start + 100_000)
            _ = clock.lap()
            for e in stream[start..<end] { try model.learn(e, context: .quiet) }
            curve.append(clock.lap())
            start = end
        }
        let total = curve.reduce(0, +)
        return "{\"mode\": \"prequential\", \"model\": \"itemknn-update\", \"events\": \(stream.count), \"seconds\": \(total), "
            + "\"events_per_second\": \(Double(stream.count) / total), \"seconds_per_100k\": \(curve), "
            + "\"pairs\": \(model.pairCount), \"model_memory_mb\": \(Double(model.memoryBytes) / 1_048_576), "
            + "\"peak_rss_mb\": \(peakResidentMegabytes())}"
    }

    /// ALS (64 factors, 15 iterations, as implicit's defaults) fitted once on the first half of the
    /// stream, then each event of the second half folds its user in against the fixed item factors.
    static func foldIns(_ stream: [StreamInteraction], loadSeconds: Double) throws -> String {
        guard let first = stream.first?.time, stream.count >= 2 else { throw BenchUsageError(description: "too few events") }
        let half = stream.count / 2
        var o = ImplicitALSOptions(seed: 42)
        o.solver = .cholesky
        var model = FoldInALS(options: o, period: max(1, stream[half].time - first))
        var clock = BenchClock()
        for e in stream[..<half] { try model.learn(e, context: .quiet) }
        try model.learn(stream[half], context: .quiet)
        let fitSeconds = clock.lap()
        for e in stream[(half + 1)...] { try model.learn(e, context: .quiet) }
        let foldSeconds = clock.lap()
        let n = stream.count - half - 1
        return "{\"mode\": \"prequential\", \"model\": \"als-foldin\", \"factors\": \(o.factors), \"refits\": \(model.refits), "
            + "\"fit_seconds\": \(fitSeconds), \"fold_ins\": \(n), \"fold_in_seconds\": \(foldSeconds), "
            + "\"fold_ins_per_second\": \(Double(n) / foldSeconds), \"peak_rss_mb\": \(peakResidentMegabytes())}"
    }
}
