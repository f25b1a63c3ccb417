// Fit one recommender on a train/test split written by ../shared/peers/bench_recsys.py --write-split,
// then time top-10 for every test user and score it with the same definitions as bench_recsys
// (P@k = hits/k, R@k = hits/|test|, Rmin@k = hits/min(|test|, k), NDCG@k with 1/log2(rank+1),
// coverage = distinct recommended items / training items), plus RMSE for rating predictors.
#if canImport(Glibc)
import Glibc
#endif
import StrataEngine

enum RecsysAlgorithms {
    static let usage = "TRAIN.csv TEST.csv itemknn|userknn|mf|als [key=value …] (k, saved, similarity, shrink, factors, epochs, iterations, alpha, solver, reg, lr, seed)"

    static func idText(_ v: Value) -> String {
        switch v {
        case .int(let x): return String(x)
        case .float(let x): return x == x.rounded() ? String(Int64(x)) : String(x)
        case .string(let s): return s
        default: return ""
        }
    }

    static func run(_ args: [String]) throws -> String {
        guard args.count >= 3 else { throw BenchUsageError(description: "usage: recsys " + usage) }
        var settings: [String: String] = [:]
        for a in args.dropFirst(3) {
            let parts = a.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw BenchUsageError(description: "expected key=value, got \(a)") }
            settings[parts[0]] = parts[1]
        }
        func int(_ k: String, _ d: Int) -> Int { settings[k].flatMap(Int.init) ?? d }
        func double(_ k: String, _ d: Double) -> Double { settings[k].flatMap(Double.init) ?? d }
        var clock = BenchClock()
        // The loaded table is dropped once the interactions are built, as `recommender` does with
        // the split's tables: peak memory is the model's, not the CSV's.
        func interactions(_ path: String) throws -> (Interactions, user: String, item: String, spec: InteractionSpec) {
            let table = try CSVReader.read(path: path).table
            let user = table.columnNames.first { ["user", "user_id"].contains($0) } ?? "user"
            let item = table.columnNames.first { ["item", "item_id", "book_id"].contains($0) } ?? "item"
            let spec = InteractionSpec(user: user, item: item, feedback: .rating(column: "rating", scale: 1...5))
            return (try Interactions.build(from: table, spec: spec, context: .quiet).interactions, user, item, spec)
        }
        let (train, user, item, _) = try interactions(args[0])
        let loadSeconds = clock.lap()
        let peakAfterLoad = peakResidentMegabytes()

        let context = RunContext.quiet
        let model: any Recommender
        let seed = UInt64(int("seed", 42))
        switch args[2] {
        case "itemknn", "userknn":
            var o = NeighborhoodOptions()
            o.neighbors = int("k", 20)
            o.savedNeighbors = int("saved", o.savedNeighbors)
            o.shrinkage = double("shrink", 0)
            o.similarity = SimilarityMeasure(rawValue: settings["similarity"] ?? "cosine") ?? .cosine
            o.binary = settings["binary"] != "no"
            model = args[2] == "itemknn" ? try ItemKNN.fit(train, options: o, context: context)
                                         : try UserKNN.fit(train, options: o, context: context)
        case "mf":
            var o = BiasedMFOptions(seed: seed)
            o.factors = int("factors", o.factors)
            o.epochs = int("epochs", o.epochs)
            o.learningRate = double("lr", o.learningRate)
            o.regularization = double("reg", o.regularization)
            model = try BiasedMF.fit(train, options: o, context: context)
        case "als":
            var o = ImplicitALSOptions(seed: seed)
            o.factors = int("factors", o.factors)
            o.iterations = int("iterations", o.iterations)
            o.alpha = double("alpha", o.alpha)
            o.regularization = double("reg", o.regularization)
            o.solver = ALSSolver(rawValue: settings["solver"] ?? "cg") ?? .cg
            model = try ImplicitALS.fit(train, options: o, context: context)
        default:
            throw BenchUsageError(description: "unknown algorithm \(args[2])")
        }
        let fitSeconds = clock.lap()
        let peakAfterFit = peakResidentMegabytes()

        // The hand-written scoring's own bookkeeping is freed before the engine's evaluation runs.
        let hand = try scoreByHand(model: model, train: train, testPath: args[1], user: user, item: item,
                                   context: context, clock: &clock)
        let peakAfterRecommend = hand.peak
        // The engine's evaluation (the `evaluate` command's path): top-10 for every test user and
        // precision, recall, NDCG, MAP, MRR, hit rate and coverage at 10.
        _ = clock.lap()
        let test = try interactions(args[1]).0
        var options = EvaluationOptions()
        options.cutoffs = [10]
        let evaluation = try RecommenderEvaluator.evaluate(model, test: test, options: options, context: context)
        let evaluateSeconds = clock.lap()
        let engineP10 = evaluation.first?.value(.precision) ?? .nan
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func f(_ x: Double) -> String { String((x * 1e6).rounded() / 1e6) }
        return "{\"algorithm\": \"\(model.algorithmName)\", \"train\": \(train.count), \"test_users\": \(hand.users), "
            + "\"load_s\": \(f(loadSeconds)), \"fit_s\": \(f(fitSeconds)), \"pred_s\": \(f(hand.predictSeconds)), \"rec_s\": \(f(hand.recommendSeconds)), \"eval_s\": \(f(evaluateSeconds)), \"eval_p10\": \(f(engineP10)), "
            + "\"rmse\": \(hand.rmse), \"p10\": \(f(hand.precision)), \"r10\": \(f(hand.recall)), \"rmin10\": \(f(hand.recallMin)), "
            + "\"ndcg10\": \(f(hand.ndcg)), \"cov\": \(f(hand.coverage)), "
            + "\"cpu_s\": \(f(Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6)), "
            + "\"peak_rss_mb\": \(Double(usage.ru_maxrss) / 1024), \"peak_mb_after_load\": \(f(peakAfterLoad)), "
            + "\"peak_mb_after_fit\": \(f(peakAfterFit)), \"peak_mb_after_rec\": \(f(peakAfterRecommend))}"
    }

    struct HandScores {
        let rmse: String
        let predictSeconds: Double, recommendSeconds: Double, peak: Double
        let users: Int
        let precision: Double, recall: Double, recallMin: Double, ndcg: Double, coverage: Double
    }

    /// RMSE over the test pairs, then top-10 for every test user scored as bench_recsys scores it.
    static func scoreByHand(model: any Recommender, train: Interactions, testPath: String, user: String, item: String,
                            context: RunContext, clock: inout BenchClock) throws -> HandScores {
        // Test pairs by user index; items unknown to training cannot be hits.
        let testTable = try CSVReader.read(path: testPath).table
        let testUsers = try testTable.requireColumn(user), testItems = try testTable.requireColumn(item)
        let testRatings = try testTable.requireColumn("rating").doubles() ?? []
        var relevant: [Int: Set<Int>] = [:]
        var relevantCount: [Int: Int] = [:]
        var pairs: [(user: Int, item: Int?, rating: Double)] = []
        for r in 0..<testTable.rowCount {
            guard let u = train.userIndex(idText(testUsers.value(at: r))) else { continue }
            let i = train.itemIndex(idText(testItems.value(at: r)))
            relevantCount[u, default: 0] += 1
            if let i { relevant[u, default: []].insert(i) }
            pairs.append((u, i, testRatings[r]))
        }
        var rmse = "null"
        if let predictor = model.ratingPredictor {
            var se = 0.0
            for p in pairs {
                let predicted = p.item.map { predictor.predictRating(user: p.user, item: $0) ?? 0 }
                    ?? (model as? BiasedMF)?.predictRating(user: p.user, item: -1) ?? 0
                se += (p.rating - predicted) * (p.rating - predicted)
            }
            rmse = String((se / Double(max(1, pairs.count))).squareRoot())
        }
        let predictSeconds = clock.lap()

        let users = relevantCount.keys.sorted()
        let k = 10
        let lists = try BatchRecommendation.recommend(model, users: users, count: k, excludeSeen: true, context: context)
        let recommendSeconds = clock.lap()
        let peak = peakResidentMegabytes()

        var precision = 0.0, recall = 0.0, recallMin = 0.0, ndcg = 0.0
        var recommended = Set<Int>()
        for (u, list) in zip(users, lists) {
            let rel = relevant[u] ?? [], n = relevantCount[u] ?? 0
            var hits = 0.0, dcg = 0.0
            for (rank, r) in list.enumerated() {
                recommended.insert(r.item)
                if rel.contains(r.item) { hits += 1; dcg += 1 / log2(Double(rank + 2)) }
            }
            var ideal = 0.0
            for rank in 0..<min(n, k) { ideal += 1 / log2(Double(rank + 2)) }
            precision += hits / Double(k)
            recall += hits / Double(n)
            recallMin += hits / Double(min(n, k))
            ndcg += ideal > 0 ? dcg / ideal : 0
        }
        let m = Double(users.count)
        return HandScores(rmse: rmse, predictSeconds: predictSeconds, recommendSeconds: recommendSeconds, peak: peak,
                          users: users.count, precision: precision / m, recall: recall / m, recallMin: recallMin / m,
                          ndcg: ndcg / m, coverage: Double(recommended.count) / Double(train.itemCount))
    }
}
