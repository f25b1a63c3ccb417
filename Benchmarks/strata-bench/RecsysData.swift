// The recommender data layer and evaluation on one ratings file: CSR build from encoded triplets
// (both orientations), interactions from the loaded table (id encoding included), the per-user
// split, and the evaluation of the popularity baseline at k=10.
import StrataEngine
#if canImport(Glibc)
import Glibc
#endif

func clock_t_seconds() -> Double { Double(clock()) / Double(CLOCKS_PER_SEC) }

enum RecsysData {
    static let usage = "FILE [REPEATS]"

    static func run(_ args: [String]) throws -> String {
        guard !args.isEmpty else { throw BenchUsageError(description: "usage: recsys-data " + usage) }
        let repeats = args.count > 1 ? Int(args[1]) ?? 5 : 5
        var clock = BenchClock()
        let table = try CSVReader.read(path: args[0]).table
        let loadSeconds = clock.lap()
        let spec = InteractionSpec(user: "user_id", item: table.column("book_id") != nil ? "book_id" : "item_id",
                                   feedback: .rating(column: "rating", scale: nil))
        var buildTimes: [Double] = []
        var built: BuiltInteractions?
        for _ in 0..<repeats {
            clock = BenchClock()
            built = try Interactions.build(from: table, spec: spec, context: .quiet)
            buildTimes.append(clock.lap())
        }
        guard let interactions = built?.interactions else { throw BenchUsageError(description: "nothing built") }
        // Triplets as the build sees them after id encoding, to time the CSR construction alone.
        var rows: [Int32] = [], cols: [Int32] = [], vals: [Double] = []
        for u in 0..<interactions.userCount {
            let r = interactions.byUser.row(u)
            for (i, v) in zip(r.indices, r.values) { rows.append(Int32(u)); cols.append(i); vals.append(Double(v)) }
        }
        // Scatter them back to a row-independent order, as in a file.
        var g = SeededGenerator(seed: 1)
        var order = Array(rows.indices)
        g.shuffle(&order)
        rows = order.map { rows[$0] }; cols = order.map { cols[$0] }; vals = order.map { vals[$0] }
        // Process CPU time as well as wall time: this part is single-threaded, so CPU time is what it
        // would take on an idle machine when other work shares the cores.
        var csrTimes: [Double] = [], csrCPU: [Double] = [], transposeCPU: [Double] = []
        for _ in 0..<repeats {
            clock = BenchClock()
            let c0 = clock_t_seconds()
            let m = CSRMatrix.fromTriplets(rows: rows, columns: cols, values: vals, rowCount: interactions.userCount,
                                           columnCount: interactions.itemCount, duplicates: .last).matrix
            let c1 = clock_t_seconds()
            _ = m.transposed()
            let c2 = clock_t_seconds()
            csrTimes.append(clock.lap())
            csrCPU.append(c1 - c0)
            transposeCPU.append(c2 - c1)
        }
        clock = BenchClock()
        let split = try Splitter.split(table, columns: SplitColumns(user: spec.userColumn, item: spec.itemColumn),
                                       method: .perUser(testFraction: 0.2), seed: 42, context: .quiet)
        let splitSeconds = clock.lap()
        let train = try Interactions.build(from: table.takingRows(split.trainRows), spec: spec, context: .quiet).interactions
        let test = try Interactions.build(from: table.takingRows(split.testRows), spec: spec, context: .quiet).interactions
        let model = PopularRecommender(training: train)
        clock = BenchClock()
        let standard = try RecommenderEvaluator.evaluate(model, test: test, options: EvaluationOptions(k: 10), context: .quiet)[0]
        let evaluateSeconds = clock.lap()
        var all = EvaluationOptions(k: 10)
        all.metrics = [.precision, .recall, .ndcg, .map, .mrr, .hitrate, .coverage, .novelty, .personalization]
        _ = try RecommenderEvaluator.evaluate(model, test: test, options: all, context: .quiet)
        let evaluateAllSeconds = clock.lap()
        func median(_ x: [Double]) -> Double { x.sorted()[x.count / 2] }
        return "{\"ratings\": \(table.rowCount), \"entries\": \(interactions.count), \"users\": \(interactions.userCount), "
            + "\"items\": \(interactions.itemCount), \"load_seconds\": \(loadSeconds), "
            + "\"interactions_build_seconds\": \(median(buildTimes)), \"csr_both_orientations_seconds\": \(median(csrTimes)), "
            + "\"csr_by_user_cpu_seconds\": \(median(csrCPU)), \"csr_transpose_cpu_seconds\": \(median(transposeCPU)), "
            + "\"split_seconds\": \(splitSeconds), \"train\": \(train.count), \"test\": \(test.count), "
            + "\"test_users\": \(standard.counts.evaluatedUsers), \"evaluate_pop_k10_seconds\": \(evaluateSeconds), "
            + "\"evaluate_pop_k10_all_metrics_seconds\": \(evaluateAllSeconds), "
            + "\"precision10\": \(standard.value(.precision) ?? .nan), \"ndcg10\": \(standard.value(.ndcg) ?? .nan)}"
    }
}
