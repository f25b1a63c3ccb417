// Predictive models on a train/test pair of CSV files (Benchmarks/models/bench.py writes them): fit a
// random forest or gradient boosting on TRAIN, score TEST, and report fit and predict seconds (wall
// and process CPU), the hold-out AUC and the peak resident set. `--model shap` fits a forest and
// times exact TreeSHAP for the first ROWS test rows: through the model (each tree's method chosen by
// cost), or with `--shap-method path|leafSubsets` every tree by that one algorithm. Threads come
// from $STRATA_THREADS, so each thread count is its own process and its own peak RSS.
// `scores_digest` fingerprints the test scores bit for bit (to compare runs before and after a
// speed-up); `--check-walk 1` also walks every tree node by node through `TreeStructure`, summing
// in tree order as prediction must, and reports how many scores differ from it in any bit.
// `--repeat N` predicts N times and reports the fastest (by CPU); the benchmark script uses 1.
import StrataEngine

enum Models {
    static let usage = "TRAIN.csv TEST.csv --model rf|gbm|shap [--target churn] [--trees 100] [--rounds 100] "
        + "[--leaves 31] [--depth D] [--rows 10000] [--seed 42] "
        + "[--shap-method automatic|path|leafSubsets] [--check-walk 1] [--repeat N]"

    static func run(_ args: [String]) throws -> String {
        guard args.count >= 2 else { throw BenchUsageError(description: "usage: models " + usage) }
        var flags: [String: String] = [:]
        var i = 2
        while i + 1 < args.count {
            flags[args[i]] = args[i + 1]
            i += 2
        }
        let target = flags["--target"] ?? "churn"
        let model = flags["--model"] ?? "rf"
        let seed = UInt64(flags["--seed"] ?? "42") ?? 42
        let depth = flags["--depth"].flatMap { Int($0) }

        var clock = BenchClock()
        let train = try BenchFrame(path: args[0], target: target, schema: nil)
        let test = try BenchFrame(path: args[1], target: target, schema: train.frame.schema)
        var lines = ["\"tool\": \"strata\"", "\"model\": \"\(model)\"", "\"threads\": \(FixedChunks.threadCount)",
                     "\"train_rows\": \(train.frame.rowCount)", "\"test_rows\": \(test.frame.rowCount)",
                     "\"features\": \(train.frame.features.count)", "\"load_seconds\": \(clock.lap())"]
        let data = ClassificationData(frame: train.frame, target: ClassTarget(labels: train.labels, classes: ["0", "1"]))
        var timer = CPUAndWallClock()
        let positive: (ModelFrame) throws -> [Double]
        // Scores from prediction beside the same by walking `TreeStructure`s one by one (nil: no check).
        var walkCheck: ((ModelFrame) throws -> (fast: [Double], walked: [Double]))?
        let checkWalk = flags["--check-walk"] == "1"
        switch model {
        case "rf", "shap":
            let trees = Int(flags["--trees"] ?? "100") ?? 100
            let parameters = ForestParameters(treeCount: trees, tree: TreeParameters(maxDepth: depth, maxFeatures: .sqrt), seed: seed)
            let forest = try RandomForestClassifierEstimator(parameters: parameters).fit(data, context: .quiet)
            lines.append(fitted(&timer))
            lines.append("\"nodes_per_tree\": \(Double(forest.trees.reduce(0) { $0 + $1.nodeCount }) / Double(max(trees, 1)))")
            lines.append("\"trees_digest\": \"\(digest(forest.trees))\"")
            if model == "shap" {
                let rows = min(Int(flags["--rows"] ?? "10000") ?? 10000, test.frame.rowCount)
                let sample = test.frame.takingRows(Array(0..<rows))
                _ = timer.lap()
                guard let method = TreeSHAP.Method(rawValue: flags["--shap-method"] ?? "automatic") else {
                    throw BenchUsageError(description: "unknown --shap-method: automatic, path or leafSubsets")
                }
                let phi = method == .automatic ? try forest.contributions(sample)
                    : try TreeSHAP.contributions(forest.trees, output: 1, scale: 1 / Double(max(trees, 1)),
                                                 frame: sample, method: method)
                let lap = timer.lap()
                // Additivity: expected value + Σ contributions against the predicted probability.
                let predicted = try forest.predictProbabilities(sample).map { $0[1] }
                let gap = zip(phi, predicted).map { abs(forest.expectedValue + $0.reduce(0, +) - $1) }.max() ?? 0
                lines.append("\"shap_method\": \"\(method.rawValue)\", \"shap_rows\": \(rows), "
                             + "\"shap_seconds\": \(lap.wall), \"shap_cpu_seconds\": \(lap.cpu), \"max_additivity_gap\": \(gap)")
            }
            positive = { try forest.predictProbabilities($0).map { $0[1] } }
            if checkWalk {
                walkCheck = { frame in
                    let walk = (0..<frame.rowCount).map { row in
                        forest.trees.reduce(0.0) { $0 + $1.values[$1.leaf(for: row, in: frame) * $1.outputCount + 1] } / Double(forest.trees.count)
                    }
                    return (try forest.predictProbabilities(frame).map { $0[1] }, walk)
                }
            }
        case "gbm":
            var parameters = GradientBoostingParameters()
            parameters.rounds = Int(flags["--rounds"] ?? "100") ?? 100
            parameters.maxLeaves = Int(flags["--leaves"] ?? "31") ?? 31
            parameters.maxDepth = depth
            parameters.seed = seed
            let boosted = try GradientBoostingClassifier(parameters).fit(data, context: .quiet)
            lines.append(fitted(&timer))
            positive = { try boosted.predictProbabilities($0).map { $0[1] } }
            if checkWalk {
                // Compares raw scores (log-odds), before the logistic.
                walkCheck = { frame in
                    let raw = try boosted.rawScores(frame)
                    let walk = (0..<frame.rowCount).map { row in
                        boosted.ensemble.trees.reduce(boosted.ensemble.baseScore) { $0 + $1.values[$1.leaf(for: row, in: frame)] }
                    }
                    return (raw, walk)
                }
            }
        default:
            throw BenchUsageError(description: "unknown --model \(model): rf, gbm or shap")
        }
        _ = timer.lap()
        var scores = try positive(test.frame)
        var lap = timer.lap()
        for _ in 1..<(Int(flags["--repeat"] ?? "1") ?? 1) {
            scores = try positive(test.frame)
            let again = timer.lap()
            if again.cpu < lap.cpu { lap = again }
        }
        let auc = try ClassificationMetrics.rocAUC(BinaryOutcomes(scores: scores, isPositive: test.labels.map { $0 == 1 }))
        lines.append("\"predict_seconds\": \(lap.wall), \"predict_cpu_seconds\": \(lap.cpu), "
                     + "\"scores_digest\": \"\(digest(scores))\", \"auc\": \(auc), \"peak_mb\": \(peakResidentMegabytes())")
        if let (fast, reference) = try walkCheck?(test.frame) {
            let differing = zip(fast, reference).filter { $0.bitPattern != $1.bitPattern }.count
            lines.append("\"walk_mismatches\": \(differing + abs(fast.count - reference.count))")
        }
        return "{" + lines.joined(separator: ", ") + "}"
    }

    /// FNV-1a over every node's split and values, so runs on 1 and 2 threads (or before and after
    /// a speed-up) can be compared for identical forests at a glance.
    private static func digest(_ trees: [TreeStructure]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ x: UInt64) { h = (h ^ x) &* 0x100_0000_01b3 }
        for tree in trees {
            for node in 0..<tree.nodeCount {
                mix(UInt64(bitPattern: Int64(tree.feature[node])))
                mix(tree.threshold[node].bitPattern)
                mix(UInt64(bitPattern: Int64(tree.left[node])))
                mix(tree.missingGoesLeft[node] ? 1 : 0)
                for v in tree.value(at: node) { mix(v.bitPattern) }
            }
        }
        return String(h, radix: 16)
    }

    /// FNV-1a over the scores' bit patterns.
    private static func digest(_ scores: [Double]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for s in scores { h = (h ^ s.bitPattern) &* 0x100_0000_01b3 }
        return String(h, radix: 16)
    }

    private static func fitted(_ timer: inout CPUAndWallClock) -> String {
        let lap = timer.lap()
        return "\"fit_seconds\": \(lap.wall), \"fit_cpu_seconds\": \(lap.cpu)"
    }
}

/// A CSV file as a model frame and 0/1 labels: number columns numeric, text columns categorical
/// (levels sorted, then re-coded to the training schema for a test file); `*_id` columns left out.
struct BenchFrame {
    let frame: ModelFrame
    let labels: [Int]

    init(path: String, target: String, schema: ModelSchema?) throws {
        let table = try CSVReader.read(path: path).table
        guard let targetColumn = table.column(target), let y = targetColumn.doubles() else {
            throw BenchUsageError(description: "\(path) has no numeric column '\(target)'")
        }
        labels = y.map { $0 == 1 ? 1 : 0 }
        var features: [ModelFrame.Feature] = []
        for column in table.columns where column.name != target && !column.name.lowercased().hasSuffix("id") {
            if let values = column.doubles() {
                features.append(.numeric(name: column.name, values: values))
                continue
            }
            let texts = (0..<column.count).map { row -> String? in
                if case .string(let s) = column.value(at: row) { return s }
                return nil
            }
            let levels = Set(texts.compactMap { $0 }).sorted()
            var code: [String: Int32] = [:]
            for (k, level) in levels.enumerated() { code[level] = Int32(k) }
            features.append(.categorical(name: column.name, codes: texts.map { $0.flatMap { code[$0] } ?? -1 }, levels: levels))
        }
        let frame = try ModelFrame(rowCount: table.rowCount, features: features)
        self.frame = try schema.map { try frame.aligned(to: $0).frame } ?? frame
    }
}
