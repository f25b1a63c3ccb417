#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import StrataEngine

/// `strata-bench prequential MODEL CSV [EVERY] [FIRST]`: one incremental model replayed over an
/// event CSV (user_id, item_id, timestamp) prequentially: top-10 for each eligible event (one in
/// EVERY), then the update. MODEL is popular, itemknn, isgd, itemknn-update (updates only, no
/// lists: the update-cost curve over ten equal slices of the stream), itemknn-digest (a digest of
/// every list, to check a kernel change moved no bit; EVERY=0: the sparse form), biasedmf / funkmf (rating
/// prediction then learning per event, no lists: River's BiasedMF / FunkMF rule, beside
/// river_bench.py) or als-foldin (ALS fitted on the first half, then one user fold-in per event
/// of the second half, no lists: beside implicit's partial_fit_users; EVERY is then the number of
/// fold-ins, as implicit_bench.py's LIMIT, all of the half by default). Prints events per second of
/// wall time and of process CPU time (the machine is shared), the seconds of each 100,000 events,
/// the model's memory and the peak RSS.
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
        case "itemknn-digest": return try listDigest(stream, dense: every != 0)
        case "als-foldin": return try foldIns(stream, limit: args.count > 2 ? Int(args[2]) : nil)
        case "biasedmf", "funkmf": return try ratings(stream, table: table, events: events, biased: args[0] == "biasedmf")
        default: break
        }
        guard let kind = StreamingModelKind(rawValue: args[0]) else { throw BenchUsageError(description: usage) }
        var settings = PrequentialSettings()
        settings.every = every
        var consumer = try PrequentialConsumer(models: [(kind.rawValue, StreamingModelSettings().make(kind))], settings: settings)
        var curve: [Double] = []
        var total = 0.0
        var start = 0
        let cpu = cpuSeconds()
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
        let used = cpuSeconds() - cpu
        return "{\"mode\": \"prequential\", \"model\": \"\(kind.rawValue)\", \"events\": \(stream.count), \"every\": \(every), "
            + "\"scored\": \(consumer.counts.scored), \"load_seconds\": \(loadSeconds), \"seconds\": \(total), "
            + "\"cpu_seconds\": \(used), \"events_per_cpu_second\": \(Double(stream.count) / used), "
            + "\"events_per_second\": \(Double(stream.count) / total), \"recall\": \(m.metrics.overall?.recall ?? .nan), "
            + "\"seconds_per_100k\": \(curve), \"model_memory_mb\": \(Double(m.model.memoryBytes) / 1_048_576), "
            + "\"peak_rss_mb\": \(peakResidentMegabytes())}"
    }

    /// Item-kNN updates only, timed over ten equal slices of the stream: the cost of an update as
    /// the stream grows, beside the mean number of the user's earlier items an update pairs with
    /// (what an update's work is proportional to in the sparse form), and the CPU time per such item.
    static func updatesOnly(_ stream: [StreamInteraction], loadSeconds: Double) throws -> String {
        var model = IncrementalItemKNN()
        var history = InteractionHistory()
        var clock = BenchClock()
        var rows: [String] = []
        var total = 0.0, totalCPU = 0.0
        for s in 0..<10 {
            let range = (stream.count * s / 10)..<(stream.count * (s + 1) / 10)
            var paired = 0
            for e in stream[range] where history.record(user: e.user, item: e.item) {
                paired += history.items(of: Int(e.user)).count - 1
            }
            _ = clock.lap()
            let cpu = cpuSeconds()
            for e in stream[range] { try model.learn(e, context: .quiet) }
            let wall = clock.lap(), used = cpuSeconds() - cpu
            total += wall
            totalCPU += used
            rows.append("{\"slice\": \(s + 1), \"events\": \(range.count), \"seconds\": \(wall), \"cpu_seconds\": \(used), "
                        + "\"ns_per_event_cpu\": \(used * 1e9 / Double(max(1, range.count))), "
                        + "\"earlier_items_per_event\": \(Double(paired) / Double(max(1, range.count))), "
                        + "\"ns_per_earlier_item_cpu\": \(used * 1e9 / Double(max(1, paired))), \"dense\": \(model.isDense)}")
        }
        return "{\"mode\": \"prequential\", \"model\": \"itemknn-update\", \"events\": \(stream.count), \"seconds\": \(total), "
            + "\"cpu_seconds\": \(totalCPU), \"events_per_second\": \(Double(stream.count) / total), "
            + "\"events_per_cpu_second\": \(Double(stream.count) / totalCPU), \"slices\": [\(rows.joined(separator: ", "))], "
            + "\"pairs\": \(model.pairCount), \"model_memory_mb\": \(Double(model.memoryBytes) / 1_048_576), "
            + "\"peak_rss_mb\": \(peakResidentMegabytes())}"
    }

    /// Every prequential item-kNN list (top-10 of each eligible event) folded into one FNV-1a digest
    /// of its items and score bits: a change to the kernels that moved any list or any score's last
    /// bit changes it. EVERY=0 forces the sparse form.
    static func listDigest(_ stream: [StreamInteraction], dense: Bool) throws -> String {
        var model = dense ? IncrementalItemKNN() : IncrementalItemKNN(denseItems: 0)
        var history = InteractionHistory()
        var scratch = StreamScratch()
        var digest: UInt64 = 0xcbf2_9ce4_8422_2325, lists = 0
        func mix(_ v: UInt64) { digest = (digest ^ v) &* 0x100_0000_01b3 }
        for e in stream {
            let seen = history.items(of: Int(e.user))
            if !seen.isEmpty, !history.contains(user: e.user, item: e.item) {
                for r in model.recommend(user: Int(e.user), count: 10, seen: seen, scratch: &scratch) {
                    mix(UInt64(r.item))
                    mix(r.score.bitPattern)
                }
                lists += 1
            }
            try model.learn(e, context: .quiet)
            history.record(user: e.user, item: e.item)
        }
        return "{\"mode\": \"itemknn-digest\", \"dense\": \(model.isDense), \"lists\": \(lists), \"digest\": \"\(String(digest, radix: 16))\"}"
    }

    /// Rating prediction then learning per event (River's progressive loop), target the event's
    /// weight (view 1, cart 3, purchase 5) or 1 without an event column; needs the file in time
    /// order so both tools see the same sequence.
    static func ratings(_ stream: [StreamInteraction], table: Table, events: EncodedEvents, biased: Bool) throws -> String {
        guard events.outOfOrderRows == 0, events.missingRows == 0 else {
            throw BenchUsageError(description: "biasedmf/funkmf need a file in time order with no missing values")
        }
        let weights = ["view": 1.0, "cart": 3.0, "purchase": 5.0]
        var codes: [Int32] = [], dictionary: [String] = []
        if case .string(let c, let d)? = table.column("event")?.data { (codes, dictionary) = (c, d) }
        let rated = stream.enumerated().map { r, e in
            let code = r < codes.count ? Int(codes[r]) : -1
            return RatedInteraction(user: e.user, item: e.item, rating: code >= 0 ? weights[dictionary[code]] ?? 1 : 1)
        }
        var o = StreamingRatingMF.Options()
        o.biased = biased
        var model = StreamingRatingMF(o)
        var clock = BenchClock()
        let cpu = cpuSeconds()
        var absolute = 0.0
        for e in rated { absolute += abs(model.predictThenLearn(e) - e.rating) }
        let wall = clock.lap(), used = cpuSeconds() - cpu
        return "{\"mode\": \"prequential\", \"model\": \"\(biased ? "biasedmf" : "funkmf")\", \"events\": \(rated.count), "
            + "\"seconds\": \(wall), \"cpu_seconds\": \(used), \"events_per_second\": \(Double(rated.count) / wall), "
            + "\"events_per_cpu_second\": \(Double(rated.count) / used), \"mae\": \(absolute / Double(max(1, rated.count))), "
            + "\"model_memory_mb\": \(Double(model.memoryBytes) / 1_048_576), \"peak_rss_mb\": \(peakResidentMegabytes())}"
    }

    /// CPU seconds this process has used (all threads).
    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    /// ALS (64 factors, 15 iterations, as implicit's defaults) fitted once on the first half of the
    /// stream, then each of the next `limit` events (all of the second half when nil) folds its user
    /// in against the fixed item factors. CPU seconds of the fold-ins beside their wall seconds;
    /// `refits` 1 says no second refit fell among them.
    static func foldIns(_ stream: [StreamInteraction], limit: Int?) throws -> String {
        guard let first = stream.first?.time, stream.count >= 2 else { throw BenchUsageError(description: "too few events") }
        let half = stream.count / 2
        var o = ImplicitALSOptions(seed: 42)
        o.solver = .cholesky
        var model = FoldInALS(options: o, period: max(1, stream[half].time - first))
        var clock = BenchClock()
        for e in stream[..<half] { try model.learn(e, context: .quiet) }
        try model.learn(stream[half], context: .quiet)
        let fitSeconds = clock.lap()
        let end = min(stream.count, half + 1 + max(0, limit ?? stream.count))
        let cpu = cpuSeconds()
        for e in stream[(half + 1)..<end] { try model.learn(e, context: .quiet) }
        let foldCPU = cpuSeconds() - cpu
        let foldSeconds = clock.lap()
        let n = end - half - 1
        return "{\"mode\": \"prequential\", \"model\": \"als-foldin\", \"factors\": \(o.factors), \"refits\": \(model.refits), "
            + "\"fit_seconds\": \(fitSeconds), \"fold_ins\": \(n), \"fold_in_seconds\": \(foldSeconds), \"fold_in_cpu_seconds\": \(foldCPU), "
            + "\"fold_ins_per_second\": \(Double(n) / foldSeconds), \"fold_ins_per_cpu_second\": \(Double(n) / foldCPU), "
            + "\"peak_rss_mb\": \(peakResidentMegabytes())}"
    }
}
